"""The one Document type shared by the composer, the text parser, the checks and the writers."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.core.errors import Place

# Block kinds. A heading of level 3 or 4 may be "run-in": its title and the body share one paragraph.
TITLE = "title"
SUBTITLE = "subtitle"  # speaker, post or date lines under the title
SALUTATION = "salutation"  # 称谓 or 主送机关, ends with "："
BODY = "body"
HEADING = "heading"
ATTACHMENT = "attachment"  # 附件说明
SIGNATURE = "signature"  # 发文机关署名 / 落款
DATE = "date"  # 成文日期
NOTE = "note"  # 附注

KINDS = (TITLE, SUBTITLE, SALUTATION, BODY, HEADING, ATTACHMENT, SIGNATURE, DATE, NOTE)


def lead_length(text: str, marker: str) -> int:
    """Length of a paragraph's run-in title: its marker through the first “。” (0 if none).

    The composer and the text parser both use this, so a run-in title means the same thing for a
    generated report and for a pasted one.
    """
    if not marker or not text.startswith(marker):
        return 0
    stop = text.find("。", len(marker))
    return stop + 1 if stop >= 0 else 0


@dataclass(frozen=True)
class Origin:
    """Where a value came from in a YAML file.

    `simple` means the value is a one-line plain or quoted scalar, so character k of the value sits
    at `column + k` of `line`; for other scalars only the start of the value is known exactly.
    """

    path: str
    line: int
    column: int
    simple: bool = False

    def place(self, offset: int = 0, length: int = 0) -> Place:
        """The file position of `offset` characters into the value (1-based line and column)."""
        if self.simple:
            col = self.column + offset
            return Place(self.path, self.line, col, self.line, col + max(length, 1))
        return Place(self.path, self.line, self.column, self.line, self.column + 1)


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of a block's text came from `origin`, beginning `offset` into it."""

    start: int
    end: int
    origin: Origin
    offset: int = 0


@dataclass
class Block:
    """One paragraph of a report, typed.

    `text` is exactly what a reader sees, numbering marker included. For a run-in heading (level 3
    or 4 title and body in one paragraph) and for a 一是/二是 paragraph, `lead` is the length of the
    leading title part, marker included, ending with "。". `series` is the 1-based place of a
    paragraph in a 一是/二是 series, 0 otherwise.
    """

    kind: str
    text: str
    level: int = 0
    marker: str = ""
    lead: int = 0
    series: int = 0
    spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)

    @property
    def runin(self) -> bool:
        """A heading whose body follows in the same paragraph (“1.标题。正文”)."""
        return self.kind == HEADING and self.lead > 0 and self.lead < len(self.text)

    def origin_at(self, offset: int) -> Place | None:
        """The YAML position of character `offset` of this block, if it came from a YAML value."""
        for span in self.spans:
            if span.start <= offset < span.end:
                return span.origin.place(span.offset + offset - span.start)
        return None


@dataclass
class Document:
    """A whole report: typed blocks in reading order, plus what the writers need to know."""

    blocks: list[Block]
    kind: str = ""  # report kind, e.g. 工作情况汇报
    unit: str = ""  # issuing unit, used as DOCX author
    source: str = ""  # path of the input it was made from

    @property
    def title(self) -> str:
        return next((b.text for b in self.blocks if b.kind == TITLE), "")

    def text(self) -> str:
        """Plain text, one paragraph per line."""
        return "".join(b.text + "\n" for b in self.blocks)

    def __eq__(self, other: object) -> bool:
        # Structure only: where a document came from does not change what it says.
        return isinstance(other, Document) and self.blocks == other.blocks

    __hash__ = None  # type: ignore[assignment]

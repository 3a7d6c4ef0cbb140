"""What templates emit: unnumbered outline blocks built from text pieces that remember their origin."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.core.document import (ATTACHMENT, BODY, DATE, HEADING, NOTE, SALUTATION, SIGNATURE,
                                   SUBTITLE, TITLE, Origin)

COUNT_SLOT = "{数}"  # replaced by the composer with the number of child items (三大机制)


@dataclass
class Piece:
    """A run of text; `origin` is set when it came from a YAML value, `offset` chars into it."""

    text: str
    origin: Origin | None = None
    offset: int = 0


@dataclass
class SeriesItem:
    """One item of a 一是/二是 series: a lead (its short title) and optional body."""

    lead: list[Piece]
    body: list[Piece]


@dataclass
class OutBlock:
    """A block before numbering. Headings carry a level; the composer adds every marker."""

    kind: str
    level: int = 0
    lead: list[Piece] = field(default_factory=list)  # run-in title (heading level 3/4) or 一是 lead
    body: list[Piece] = field(default_factory=list)
    series: int = 0  # id of the paragraph-per-item series this block belongs to
    inline: list[SeriesItem] = field(default_factory=list)  # an inline 一是……二是…… series
    separator: str = "auto"  # between inline series items: "；", "。" or auto


def pieces(*parts) -> list[Piece]:
    """Template arguments (YAML texts, literal strings, lists of them) as pieces."""
    result: list[Piece] = []
    for part in parts:
        if part is None or part == "":
            continue
        if isinstance(part, (list, tuple)):
            result.extend(pieces(*part))
        elif isinstance(part, Piece):
            result.append(part)
        else:
            text = str(part)
            result.append(Piece(text, getattr(part, "origin", None)))
    return result


class Outline:
    """The functions a template calls; each appends blocks and returns "" so nothing is printed."""

    def __init__(self, limit: int = 0):
        self.blocks: list[OutBlock] = []
        self._series = 0
        self._limit = limit

    def functions(self) -> dict:
        return {
            "title": self.title, "subtitle": self.subtitle, "salutation": self.salutation,
            "para": self.para, "paras": self.paras, "heading": self.heading, "item": self.item,
            "items": self.items, "series": self.series, "signature": self.signature,
            "date": self.date, "note": self.note, "attachments": self.attachments,
            "phrase": self.phrase,
        }

    def _add(self, block: OutBlock) -> str:
        if self._limit and len(self.blocks) >= self._limit:
            # A runaway loop in a template: stop instead of filling memory.
            raise ValueError(f"模板生成的段落超过 {self._limit} 个")
        self.blocks.append(block)
        return ""

    def title(self, *parts) -> str:
        """The report title (one block; the DOCX writer breaks it into lines)."""
        return self._add(OutBlock(TITLE, body=pieces(*parts)))

    def subtitle(self, *parts) -> str:
        """A line under the title: speaker, post, or date of a speech."""
        return self._add(OutBlock(SUBTITLE, body=pieces(*parts)))

    def salutation(self, *parts) -> str:
        """称谓 or 主送机关; the composer makes it end with a full-width colon."""
        return self._add(OutBlock(SALUTATION, body=pieces(*parts)))

    def para(self, *parts, series=None, separator: str = "auto") -> str:
        """A body paragraph; the composer makes it end with one sentence-final mark. `series`
        (items) follows in the same paragraph as 一是……二是……."""
        inline = [SeriesItem(pieces(s.get("标题")), pieces(s.get("内容"))) for s in series or ()]
        if not pieces(*parts) and not inline:
            return ""
        return self._add(OutBlock(BODY, body=pieces(*parts), inline=inline, separator=separator))

    def paras(self, paragraphs) -> str:
        """Each entry of a 段落 value as a body paragraph."""
        for p in paragraphs or ():
            self.para(p)
        return ""

    def heading(self, level: int, *parts) -> str:
        """A standalone heading of level 1–4 (no number: the composer adds it)."""
        return self._add(OutBlock(HEADING, level=int(level), body=pieces(*parts)))

    def item(self, level: int, item: dict) -> str:
        """A run-in heading: “1.标题。内容”, with an optional inline 一是 series from 分项."""
        block = OutBlock(HEADING, level=int(level), lead=pieces(item.get("标题")),
                         body=pieces(item.get("内容")))
        sub = item.get("分项") or []
        if sub and item.get("分项方式") == "分段":
            self._add(block)
            return self.series(sub, "分段")
        block.inline = [SeriesItem(pieces(s.get("标题")), pieces(s.get("内容"))) for s in sub]
        return self._add(block)

    def items(self, level: int, entries) -> str:
        for entry in entries or ():
            self.item(level, entry)
        return ""

    def series(self, entries, mode: str = "分段", separator: str = "auto") -> str:
        """一是……二是……: one paragraph per item (分段) or all in one paragraph (合段)."""
        entries = list(entries or ())
        if not entries:
            return ""
        if mode == "合段":
            inline = [SeriesItem(pieces(e.get("标题")), pieces(e.get("内容"))) for e in entries]
            return self._add(OutBlock(BODY, inline=inline, separator=separator))
        self._series += 1
        for e in entries:
            self._add(OutBlock(BODY, lead=pieces(e.get("标题")), body=pieces(e.get("内容")),
                               series=self._series))
        return ""

    def phrase(self, category: str, **slots) -> str:
        """A phrase from the bank (常用语库) with its slots filled, chosen by the 单位 (or `键`):
        the same input always gives the same wording, different units get different ones.
        Returns the text, to pass to para(): {{ para(phrase("开场白", 单位=单位, 事由=事由)) }}."""
        from toolkit.draft.phrases import pick

        key = str(slots.pop("键", "") or "")
        return pick(category, key, **{k: str(v) for k, v in slots.items()})

    def signature(self, *parts) -> str:
        if not pieces(*parts):
            return ""
        return self._add(OutBlock(SIGNATURE, body=pieces(*parts)))

    def date(self, *parts) -> str:
        if not pieces(*parts):
            return ""
        return self._add(OutBlock(DATE, body=pieces(*parts)))

    def note(self, *parts) -> str:
        if not pieces(*parts):
            return ""
        return self._add(OutBlock(NOTE, body=pieces(*parts)))

    def attachments(self, names) -> str:
        """附件说明 (GB/T 9704 7.3.4): “附件：1.名称” and further lines “2.名称”."""
        names = [n for n in (names or ()) if str(n).strip()]
        for n, name in enumerate(names, 1):
            head = ("附件：" if n == 1 else "") + (f"{n}." if len(names) > 1 else "")
            self._add(OutBlock(ATTACHMENT, body=pieces(head, name)))
        return ""

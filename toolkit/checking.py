"""The check engine: rules declared as data plus a function, run over a Document into findings."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from toolkit.document import Block, Document

ERROR, WARNING, INFO = "错误", "警告", "提示"
SEVERITIES = (INFO, WARNING, ERROR)  # ascending
SEVERITY_NAMES = {ERROR: "error", WARNING: "warning", INFO: "info"}
_SEVERITY_ALIASES = {"error": ERROR, "warning": WARNING, "info": INFO,
                     ERROR: ERROR, WARNING: WARNING, INFO: INFO}


def severity_of(name: str) -> str | None:
    """错误/警告/提示 (or error/warning/info) as the Chinese name; None if unknown."""
    return _SEVERITY_ALIASES.get(str(name).strip().lower())


def at_least(severity: str, floor: str) -> bool:
    return SEVERITIES.index(severity) >= SEVERITIES.index(floor)


@dataclass(frozen=True)
class Finding:
    """One problem at characters [start, end) of block `block` (block -1: the whole document).

    `replacement`, when set, is the safe mechanical fix for that range (only for rules whose
    fix is declared safe).
    """

    code: str
    block: int
    start: int
    end: int
    message: str
    suggestion: str = ""
    replacement: str | None = None


@dataclass(frozen=True)
class DocxExample:
    """A rule example that is a small DOCX file, made on demand (layout rules judge the file,
    not its text): `str()` says what is in it, calling it gives the DOCX bytes."""

    description: str
    build: Callable[[], bytes] = field(repr=False, compare=False)

    def __call__(self) -> bytes:
        return self.build()

    def __str__(self) -> str:
        return self.description


Example = str | DocxExample


@dataclass(frozen=True)
class Rule:
    """A check, declared once: identity, severity, message, basis, examples and the function.

    `check(ctx, rule)` yields findings; `fails` and `passes` are texts (parsed like a .txt
    draft) or DocxExamples (checked as a .docx input) on which the rule must and must not fire;
    `fix` says whether its replacements are safe to apply without asking.
    """

    code: str
    name: str
    severity: str
    message: str
    basis: str
    summary: str
    check: Callable[["Context", "Rule"], Iterable[Finding]]
    fails: tuple[Example, ...]
    passes: tuple[Example, ...]
    fix: bool = False
    options: Mapping[str, object] = field(default_factory=dict)
    words: bool = False  # needs jieba's segmentation (loads jieba; toolkit.lexicon does not)

    def at(self, block: int, start: int, end: int, suggestion: str = "",
           replacement: str | None = None, **args) -> Finding:
        """A finding of this rule; `args` fill the message template."""
        message = self.message.format(**args) if args else self.message
        return Finding(self.code, block, start, end, message, suggestion,
                       replacement if self.fix else None)

    def on_document(self, suggestion: str = "", **args) -> Finding:
        return self.at(-1, 0, 0, suggestion, **args)


class Context:
    """What a rule sees: the document, its rule options, and shared lazy analyses.

    `docx` is a function giving the bytes of the DOCX behind the document (the file checked, or
    the one a build of the draft would write); `docx_origin` says which: "file" (block spans
    carry paragraph numbers) or "built" (one paragraph per block, in order). `style` is the
    style profile the layout is judged against (a name, a path or a Profile; None: gbt9704).
    Nothing is opened, built or parsed until a rule asks.
    """

    def __init__(self, doc: Document, options: Mapping[str, Mapping] | None = None,
                 kind=None, lexicons=None, docx: Callable[[], bytes | None] | None = None,
                 docx_origin: str = "", style=None):
        self.doc = doc
        self.blocks: list[Block] = doc.blocks
        self._options = options or {}
        self.kind = kind  # templating.Kind when known (required sections, document type)
        self._lexicons = lexicons
        self._docx_source = docx
        self._docx = None
        self.docx_origin = docx_origin if docx is not None else ""
        self._style = style
        self._profile = None
        self.cache: dict = {}  # analyses shared by the rules of one family (the D rules' layout)

    @property
    def docx(self):
        """The DOCX behind the document as an `_ooxml.OpenDocx`, or None (text input, or no
        DOCX could be made)."""
        if self._docx is None and self._docx_source is not None:
            from toolkit import _ooxml
            from toolkit.errors import GongwenError

            source, self._docx_source = self._docx_source, None
            try:
                data = source()
            except GongwenError:  # the draft cannot be built: other rules say why
                data = None
            self._docx = _ooxml.OpenDocx(data) if data else None
        return self._docx

    @property
    def profile(self):
        """The style profile the layout rules judge by (loaded on first use)."""
        if self._profile is None:
            from toolkit.styles import load_profile

            self._profile = load_profile(self._style)
        return self._profile

    def options(self, rule: Rule) -> dict:
        merged = dict(rule.options)
        merged.update(self._options.get(rule.code, {}))
        return merged

    @property
    def lexicons(self):
        if self._lexicons is None:
            from toolkit.lexicons import Lexicons

            self._lexicons = Lexicons.default()
        return self._lexicons

    def words(self, text: str) -> list[str]:
        """Segmentation of `text` by jieba (loaded once on first use, quietly: about 0.1 s).

        A rule that only needs words or a first word's part of speech uses toolkit.lexicon
        instead, which costs no start; declare `words=True` on a rule that calls this."""
        return _words(text)

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """(word, tag) pairs of `text` by jieba's tagger (see `words`)."""
        from toolkit.segment import tagged

        return tagged(text)


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> list[str]:
    from toolkit.segment import words

    return words(text)


def iter_text(ctx: Context, kinds: tuple[str, ...] | None = None) -> Iterator[tuple[int, Block]]:
    """(index, block) for every block, or for blocks of the given kinds."""
    for i, block in enumerate(ctx.blocks):
        if kinds is None or block.kind in kinds:
            yield i, block


def run(doc: Document, rules: Iterable[Rule], severities: Mapping[str, str] | None = None,
        options: Mapping[str, Mapping] | None = None, kind=None, lexicons=None, *,
        docx: Callable[[], bytes | None] | None = None, docx_origin: str = "", style=None
        ) -> list[tuple[Finding, str]]:
    """Every finding of `rules` on `doc`, with the severity in force, in document order.

    `docx`, `docx_origin` and `style` give the layout rules their DOCX and profile (Context)."""
    ctx = Context(doc, options, kind, lexicons, docx, docx_origin, style)
    severities = severities or {}
    found: list[tuple[Finding, str]] = []
    for rule in rules:
        level = severities.get(rule.code, rule.severity)
        for finding in rule.check(ctx, rule):
            found.append((finding, level))
    found.sort(key=lambda fs: (fs[0].block, fs[0].start, fs[0].code))
    return found

"""The check engine: runs declared rules over a Document in a shared, lazily analysed context."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping

from toolkit.check.model import Finding, Rule
from toolkit.core.document import Block, Document


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
        self.kind = kind  # draft.kinds.Kind when known (required sections, document type)
        self._lexicons = lexicons
        self._docx_source = docx
        self._docx = None
        self.docx_origin = docx_origin if docx is not None else ""
        self._style = style
        self._profile = None
        self.cache: dict = {}  # analyses shared by the rules of one family (the D rules' layout)

    @property
    def docx(self):
        """The DOCX behind the document as an `existing.OpenDocx`, or None (text input, or no
        DOCX could be made)."""
        if self._docx is None and self._docx_source is not None:
            from toolkit.core.errors import GongwenError
            from toolkit.docx import existing

            source, self._docx_source = self._docx_source, None
            try:
                data = source()
            except GongwenError:  # the draft cannot be built: other rules say why
                data = None
            self._docx = existing.OpenDocx(data) if data else None
        return self._docx

    @property
    def profile(self):
        """The style profile the layout rules judge by (loaded on first use)."""
        if self._profile is None:
            from toolkit.docx.profiles import load_profile

            self._profile = load_profile(self._style)
        return self._profile

    def options(self, rule: Rule) -> dict:
        merged = dict(rule.options)
        merged.update(self._options.get(rule.code, {}))
        return merged

    @property
    def lexicons(self):
        if self._lexicons is None:
            from toolkit.check.wordlists import Lexicons

            self._lexicons = Lexicons.default()
        return self._lexicons

    def words(self, text: str) -> list[str]:
        """Segmentation of `text` by jieba (loaded once on first use, quietly: about 0.1 s).

        A rule that only needs words or a first word's part of speech uses toolkit.text.lexicon
        instead, which costs no start; declare `words=True` on a rule that calls this."""
        return _words(text)

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """(word, tag) pairs of `text` by jieba's tagger (see `words`)."""
        from toolkit.text.segment import tagged

        return tagged(text)


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> list[str]:
    from toolkit.text.segment import words

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
    rules = list(rules)
    ctx = Context(doc, options, kind, lexicons, docx, docx_origin, style)
    severities = severities or {}
    found: list[tuple[Finding, str]] = []
    for rule in rules:
        level = severities.get(rule.code, rule.severity)
        for finding in rule.check(ctx, rule):
            found.append((finding, level))
    fired = {f.code for f, _ in found}
    hidden = set().union(*(r.supersedes for r in rules if r.code in fired)) if fired else set()
    if hidden:  # a rule asked for by name (--select D101) still reports: D119 is not running
        found = [(f, level) for f, level in found if f.code not in hidden]
    found.sort(key=lambda fs: (fs[0].block, fs[0].start, fs[0].code))
    return found

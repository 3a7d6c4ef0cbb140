"""The check engine: rules declared as data plus a function, run over a Document into findings."""

from __future__ import annotations

import functools
import re
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
class Rule:
    """A check, declared once: identity, severity, message, basis, examples and the function.

    `check(ctx, rule)` yields findings; `fails` and `passes` are texts (parsed like a .txt
    draft) on which the rule must and must not fire; `fix` says whether its replacements are
    safe to apply without asking.
    """

    code: str
    name: str
    severity: str
    message: str
    basis: str
    summary: str
    check: Callable[["Context", "Rule"], Iterable[Finding]]
    fails: tuple[str, ...]
    passes: tuple[str, ...]
    fix: bool = False
    options: Mapping[str, object] = field(default_factory=dict)
    words: bool = False  # needs segmentation (loads jieba)

    def at(self, block: int, start: int, end: int, suggestion: str = "",
           replacement: str | None = None, **args) -> Finding:
        """A finding of this rule; `args` fill the message template."""
        message = self.message.format(**args) if args else self.message
        return Finding(self.code, block, start, end, message, suggestion,
                       replacement if self.fix else None)

    def on_document(self, suggestion: str = "", **args) -> Finding:
        return self.at(-1, 0, 0, suggestion, **args)


class Context:
    """What a rule sees: the document, its rule options, and shared lazy analyses."""

    def __init__(self, doc: Document, options: Mapping[str, Mapping] | None = None,
                 kind=None, lexicons=None):
        self.doc = doc
        self.blocks: list[Block] = doc.blocks
        self._options = options or {}
        self.kind = kind  # templating.Kind when known (required sections, document type)
        self._lexicons = lexicons

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
        """Segmentation of `text` (jieba, loaded once on first use, quietly)."""
        return _words(text)

    def tagged(self, text: str) -> list[tuple[str, str]]:
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


def regex_rule_check(pattern: str | re.Pattern, kinds: tuple[str, ...] | None = None,
                     suggest: Callable[[re.Match], str] | None = None,
                     replace: Callable[[re.Match], str | None] | None = None,
                     args: Callable[[re.Match], dict] | None = None):
    """A check function that reports every match of `pattern` in the blocks' text.

    The pattern is compiled on first use, so importing the rule tables costs nothing.
    """

    @functools.cache
    def compiled() -> re.Pattern:
        return re.compile(pattern) if isinstance(pattern, str) else pattern

    def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
        for i, block in iter_text(ctx, kinds):
            for m in compiled().finditer(block.text):
                yield rule.at(i, m.start(), m.end(),
                              suggest(m) if suggest else "",
                              replace(m) if replace else None,
                              **(args(m) if args else {}))

    return check


def run(doc: Document, rules: Iterable[Rule], severities: Mapping[str, str] | None = None,
        options: Mapping[str, Mapping] | None = None, kind=None, lexicons=None
        ) -> list[tuple[Finding, str]]:
    """Every finding of `rules` on `doc`, with the severity in force, in document order."""
    ctx = Context(doc, options, kind, lexicons)
    severities = severities or {}
    found: list[tuple[Finding, str]] = []
    for rule in rules:
        level = severities.get(rule.code, rule.severity)
        for finding in rule.check(ctx, rule):
            found.append((finding, level))
    found.sort(key=lambda fs: (fs[0].block, fs[0].start, fs[0].code))
    return found

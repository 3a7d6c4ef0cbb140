"""What a check is made of: severities, findings, rule declarations and their examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine imports this module
    from toolkit.check.engine import Context


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
    words: bool = False  # needs jieba's segmentation (loads jieba; toolkit.text.lexicon does not)
    # Codes whose findings this rule's finding stands for: when it fires they are not shown
    # (D119 “not in GB/T 9704 layout at all” stands for the dozen aspects it names).
    supersedes: frozenset = frozenset()

    def at(self, block: int, start: int, end: int, suggestion: str = "",
           replacement: str | None = None, **args) -> Finding:
        """A finding of this rule; `args` fill the message template."""
        message = self.message.format(**args) if args else self.message
        return Finding(self.code, block, start, end, message, suggestion,
                       replacement if self.fix else None)

    def on_document(self, suggestion: str = "", **args) -> Finding:
        return self.at(-1, 0, 0, suggestion, **args)

"""Findings as diagnostics: located at file line:col, formatted for a terminal or as JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from toolkit.check.model import ERROR, INFO, WARNING, Finding, Rule, at_least
from toolkit.core.document import Document
from toolkit.core.messages import excerpt


@dataclass
class Diagnostic:
    """One finding where the user will look for it (contract: the JSON fields)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    suggestion: str
    basis: str
    fixable: bool
    source_line: str | None = None
    finding: Finding | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict:
        data = {k: v for k, v in asdict(self).items() if k not in ("source_line", "finding")}
        return data


def locate(doc: Document, finding: Finding) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) of a finding in the file the document came from."""
    if finding.block < 0 or finding.block >= len(doc.blocks):
        return 1, 1, 1, 1
    block = doc.blocks[finding.block]
    start = block.origin_at(finding.start) if finding.start < len(block.text) else None
    if start is None and finding.start > 0:  # at the very end of a block (a missing mark)
        before = block.origin_at(finding.start - 1)
        if before is not None:
            return before.line, before.column + 1, before.line, before.column + 1
    if start is None:
        # Text the toolkit wrote (a number, a colon): point at the first value of the block.
        for span in block.spans:
            place = span.origin.place(span.offset)
            return place.line, place.column, place.line, place.column
        return 1, 1, 1, 1
    last = block.origin_at(max(finding.end - 1, finding.start))
    if last is None or last.line != start.line:
        return start.line, start.column, start.line, start.column + max(finding.end - finding.start, 1)
    return start.line, start.column, last.line, last.column + 1


def diagnose(doc: Document, found: list[tuple[Finding, str]], rules: dict[str, Rule],
             path: str, line_text: Callable[[int], str | None]) -> list[Diagnostic]:
    """Diagnostics for findings on `doc` read from `path`, in file order."""
    out = []
    for finding, severity in found:
        rule = rules.get(finding.code)
        line, col, end_line, end_col = locate(doc, finding)
        out.append(Diagnostic(
            path=path, line=line, column=col, end_line=end_line, end_column=end_col,
            code=finding.code, name=rule.name if rule else "", severity=severity,
            message=finding.message, suggestion=finding.suggestion,
            basis=rule.basis if rule else "", fixable=finding.replacement is not None,
            source_line=line_text(line), finding=finding))
    out.sort(key=lambda d: (d.line, d.column, d.code))
    return out


def format_diagnostic(d: Diagnostic) -> str:
    lines = [f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}"]
    if d.source_line is not None and d.source_line.strip():
        end = d.end_column if d.end_line == d.line else 0
        lines.extend(excerpt(d.source_line, d.column, end))
    if d.suggestion:
        lines.append(f"  建议：{d.suggestion}")
    return "\n".join(lines)


def counts(diags: list[Diagnostic]) -> Counter:
    return Counter(d.severity for d in diags)


def summary(diags: list[Diagnostic], files: int = 1, held: int = 0) -> str:
    """The closing line: counts per severity, how many --fix can repair, and how many
    low-confidence hints were held back."""
    more = (f"另有 {held} 处把握不大的提示未显示（套话、重复用词、数字写法等；"
            f"加 --all-hints 显示）。") if held else ""
    if not diags:
        return (f"检查了 {files} 个文件，未发现问题。" if files != 1 else "未发现问题。") + more
    c = counts(diags)
    parts = [f"{name} {c[name]} 处" for name in (ERROR, WARNING, INFO) if c[name]]
    text = f"共 {len(diags)} 处问题：" + "，".join(parts)
    fixable = sum(d.fixable for d in diags)
    if fixable:
        text += f"；其中 {fixable} 处可用 --fix 自动修复"
    if files != 1:
        text = f"检查了 {files} 个文件，" + text
    return text + "。" + more


def to_json(diags: list[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in diags], ensure_ascii=False, indent=2)


def failing(diags: list[Diagnostic], fail_on: str) -> bool:
    return any(at_least(d.severity, fail_on) for d in diags)


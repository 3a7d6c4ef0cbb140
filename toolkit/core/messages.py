"""Formats problems for a terminal: file:line:col, the source line, a caret under the span, a hint."""

from __future__ import annotations

import unicodedata

from toolkit.core.errors import GongwenError, Problem


def cell_width(text: str) -> int:
    """Terminal cells taken by `text`: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def excerpt(line_text: str, column: int, end_column: int = 0) -> list[str]:
    """The source line and a caret line under characters [column, end_column) (1-based)."""
    line_text = line_text.rstrip("\r\n").replace("\t", " ")
    start = max(column - 1, 0)
    end = max(end_column - 1, start + 1) if end_column else start + 1
    end = min(end, max(len(line_text), start + 1))
    pad = " " * cell_width(line_text[:start])
    marks = "^" * max(cell_width(line_text[start:end]), 1)
    return [f"  {line_text}", f"  {pad}{marks}"]


class SourceLines:
    """Reads each file's lines once, to show the line a problem is on."""

    def __init__(self):
        self._cache: dict[str, list[str] | None] = {}

    def line(self, path: str, number: int) -> str | None:
        if path not in self._cache:
            try:
                from toolkit.core.sources import read_text

                self._cache[path] = read_text(path).text.split("\n")
            except Exception:  # the line is a courtesy; never fail while reporting a failure
                self._cache[path] = None
        lines = self._cache[path]
        if lines is None or not 1 <= number <= len(lines):
            return None
        return lines[number - 1]


def format_problem(problem: Problem, lines: SourceLines, label: str = "错误") -> str:
    """One problem as the lines a writer reads."""
    place = problem.place
    head = f"{place}: {label}：{problem.message}" if place else f"{label}：{problem.message}"
    out = [head]
    if place and place.line:
        text = lines.line(place.path, place.line)
        if text is not None and text.strip():
            end = place.end_column if place.end_line in (0, place.line) else 0
            out.extend(excerpt(text, place.column, end))
    if problem.hint:
        out.extend("  提示：" + h if i == 0 else "  " + h
                   for i, h in enumerate(problem.hint.split("\n")))
    return "\n".join(out)


def format_error(error: GongwenError, lines: SourceLines | None = None) -> str:
    """Every problem an error carries, then a count when there are several."""
    lines = lines or SourceLines()
    parts = [format_problem(p, lines) for p in error.problems]
    if len(error.problems) > 1:
        parts.append(f"共 {len(error.problems)} 处错误，请逐一修改后重试。")
    return "\n".join(parts)

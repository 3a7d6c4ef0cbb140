"""Safe mechanical fixes: apply findings' replacements to the text of a .txt or .yaml source."""

from __future__ import annotations

from collections.abc import Iterable

from toolkit.check.model import Finding
from toolkit.core.document import Block, Document


def source_range(block: Block, start: int, end: int) -> tuple[int, int, int] | None:
    """(line, first column, end column) in the source file of block text [start, end).

    Only ranges that lie in one simply-mapped value (one source line, no escapes) are returned:
    anything else cannot be edited in place without guessing.
    """
    for span in block.spans:
        if not span.origin.simple:
            continue
        inside_start = span.start <= start < span.end or (start == end == span.end)
        if inside_start and end <= span.end:
            origin = span.origin
            col = origin.column + span.offset + (start - span.start)
            return origin.line, col, col + (end - start)
    return None


def edits(doc: Document, findings: Iterable[Finding]) -> list[tuple[int, int, int, str]]:
    """Source edits (line, column, end column, replacement), last first, without overlaps."""
    wanted = []
    for f in findings:
        if f.replacement is None or f.block < 0 or f.block >= len(doc.blocks):
            continue
        where = source_range(doc.blocks[f.block], f.start, f.end)
        if where:
            wanted.append((*where, f.replacement))
    wanted.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
    result: list[tuple[int, int, int, str]] = []
    for edit in wanted:
        if result and result[-1][0] == edit[0] and edit[2] > result[-1][1]:
            continue  # overlaps an edit already kept (a later one on the same line)
        if result and result[-1][:3] == edit[:3]:
            continue
        result.append(edit)
    return result


def apply_edits(text: str, changes: list[tuple[int, int, int, str]]) -> str:
    """Apply edits produced by `edits` to the source text they refer to."""
    lines = text.split("\n")
    for line, col, end_col, replacement in changes:
        if not 1 <= line <= len(lines):
            continue
        current = lines[line - 1]
        lines[line - 1] = current[:col - 1] + replacement + current[end_col - 1:]
    return "\n".join(lines)


def apply_to_text(text: str, doc: Document, findings: Iterable[Finding]) -> str:
    """`text` (the source `doc` was parsed or loaded from) with every safe fix applied."""
    return apply_edits(text, edits(doc, findings))

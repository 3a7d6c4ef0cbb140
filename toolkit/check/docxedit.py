"""Edits inside existing DOCX files: safe fixes in the runs, and one Word comment per finding."""

from __future__ import annotations

import difflib
import io
from pathlib import Path

from toolkit.check.model import Finding
from toolkit.core.document import Document
from toolkit.core.output import atomic_write
from toolkit.docx import existing

AUTHOR = "gongwen"


def _paragraphs(document) -> dict[int, object]:
    return dict(existing.body_paragraphs(document.element.body))


def fix_docx(path: str, doc: Document, findings: list[Finding], dry_run: bool = False,
             echo=print) -> int:
    """Apply safe fixes inside the runs of `path` (formatting kept); returns the edits made."""
    import docx

    from toolkit.check.fixes import edits

    changes = edits(doc, findings)
    if not changes:
        return 0
    document = docx.Document(path)
    paragraphs = _paragraphs(document)
    before = {n: "".join(t for _, t in existing.visible_pieces(p)) for n, p in paragraphs.items()}
    made = 0
    for number, col, end_col, replacement in changes:  # last first within each paragraph
        p = paragraphs.get(number)
        if p is not None and existing.replace_text(p, col - 1, end_col - 1, replacement):
            made += 1
    if dry_run:
        after = {n: "".join(t for _, t in existing.visible_pieces(p)) for n, p in paragraphs.items()}
        old = [f"第{n}段：{before[n]}\n" for n in sorted(before) if before[n] != after[n]]
        new = [f"第{n}段：{after[n]}\n" for n in sorted(after) if before[n] != after[n]]
        echo("".join(difflib.unified_diff(old, new, fromfile=path, tofile=path + "（修复后）")),
             nl=False)
        return made
    if made:
        atomic_write(path, document.save)
    return made


def _comment_text(diag) -> str:
    text = f"{diag.code}［{diag.severity}］{diag.message}"
    if diag.suggestion:
        text += f"\n建议：{diag.suggestion}"
    return text


def _anchor(document, p_element, start: int, end: int):
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    paragraph = Paragraph(p_element, document._body)
    runs = existing.isolate_runs(p_element, start, max(end, start + 1))
    if not runs:
        runs = [r._r for r in paragraph.runs[:1]]
    return [Run(r, paragraph) for r in runs]


def annotate_docx(source: bytes | str, target: str, notes: list[tuple[int, int, int, object]]) -> int:
    """Copy `source` to `target` with a comment per note (paragraph number, start, end, diag)."""
    import docx

    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else source)
    paragraphs = _paragraphs(document)
    first = min(paragraphs) if paragraphs else None
    added = 0
    for number, start, end, diag in notes:
        p = paragraphs.get(number) if number in paragraphs else paragraphs.get(first)
        if p is None:
            continue
        runs = _anchor(document, p, start, end)
        if not runs:
            continue
        document.add_comment(runs, text=_comment_text(diag), author=AUTHOR, initials="GW")
        added += 1
    atomic_write(target, document.save)
    return added


def annotate_input(inp, diags, target: str) -> int:
    """Write `target`: the DOCX input, or the typeset document of a YAML or text input, with
    one Word comment (批注) per finding, anchored on its span."""
    if Path(target).resolve() == Path(inp.path).resolve():
        from toolkit.core.errors import InputError, Place

        raise InputError("--annotate 的输出不能覆盖输入文件。", Place(target), "请另取一个文件名。")
    if inp.form == "docx":
        notes = [(d.line, d.column - 1, d.end_column - 1 if d.end_line == d.line else d.column, d)
                 for d in diags]
        return annotate_docx(inp.path, target, notes)
    from toolkit.docx.writer import render_docx

    blob = render_docx(inp.document)
    import docx

    document = docx.Document(io.BytesIO(blob))
    numbers = [n for n, p in _paragraphs(document).items()
               if "".join(t for _, t in existing.visible_pieces(p)).strip()]
    notes = []
    for diag in diags:
        finding = diag.finding
        block = finding.block if finding is not None else -1
        number = numbers[block] if 0 <= block < len(numbers) else numbers[0]
        start, end = (finding.start, finding.end) if block >= 0 else (0, 1)
        notes.append((number, start, end, diag))
    return annotate_docx(blob, target, notes)

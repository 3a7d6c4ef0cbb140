"""What commands read: YAML drafts, text and DOCX files, folders and stdin, as Documents."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.document import Document
from toolkit.core.errors import InputError, Notice, Place

TEXT_SUFFIXES = (".txt", ".md", ".text")
YAML_SUFFIXES = (".yaml", ".yml")
DOCX_SUFFIXES = (".docx",)
SUFFIXES = TEXT_SUFFIXES + YAML_SUFFIXES + DOCX_SUFFIXES


@dataclass
class Input:
    """One checked input: its Document and what is needed to show and fix findings."""

    path: str  # as shown to the user
    form: str  # "yaml", "text" or "docx"
    document: Document
    text: str | None = None  # the source text (yaml, text); None for docx
    settings: object = None  # the report's own 检查 block (yaml)
    kind: object = None  # draft.kinds.Kind (yaml)
    notices: list[Notice] = field(default_factory=list)
    paragraphs: dict[int, str] = field(default_factory=dict)  # docx: paragraph number → text
    draft: object = None  # draft.pipeline.Draft (yaml)

    def line_text(self, number: int) -> str | None:
        if self.text is not None:
            lines = self.text.split("\n")
            return lines[number - 1] if 1 <= number <= len(lines) else None
        return self.paragraphs.get(number)


def expand(paths: tuple[str, ...]) -> list[str]:
    """Paths as given, with folders replaced by the checkable files inside them (sorted)."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES
                and not f.name.startswith(("~$", ".")) and not any(
                    part.startswith(".") for part in f.relative_to(p).parts[:-1]))
            out.extend(str(f) for f in found)
        else:
            out.append(raw)
    return out


def read_input(path: str, templates: tuple[str, ...] = (), stdin_form: str = "text") -> Input:
    """Read one input; raises InputError (exit 2) for anything the user must fix."""
    from toolkit.core.sources import decode, read_text

    if path == "-":
        data = sys.stdin.buffer.read()
        source = decode(data, "<标准输入>")
        return _from_source(source, stdin_form, templates)
    suffix = Path(path).suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from toolkit.docx.reader import read_docx

        doc = read_docx(path, path)
        paragraphs = {}
        for block in doc.blocks:
            for span in block.spans:
                paragraphs.setdefault(span.origin.line, block.text)
        return Input(path, "docx", doc, paragraphs=paragraphs)
    if suffix not in TEXT_SUFFIXES + YAML_SUFFIXES:
        if suffix == ".doc":
            raise InputError("不支持旧版 .doc 文件。", Place(path), "请在 Word 或 WPS 中另存为 .docx 后再检查。")
        if suffix in (".wps", ".pdf", ".odt", ".rtf"):
            raise InputError(f"不支持 {suffix} 文件。", Place(path), "请另存为 .docx 或 .txt 后再检查。")
    source = read_text(path)
    form = "yaml" if suffix in YAML_SUFFIXES else "text"
    return _from_source(source, form, templates)


def _from_source(source, form: str, templates: tuple[str, ...]) -> Input:
    if form == "yaml":
        from toolkit.draft.pipeline import draft_text

        draft = draft_text(source, templates)
        return Input(source.path, "yaml", draft.document, source.text, draft.data.get("检查"),
                     draft.kind, list(source.notices), draft=draft)
    from toolkit.text.parser import parse_text

    if not source.text.strip():
        raise InputError("文件是空的。", Place(source.path))
    doc = parse_text(source.text, source.path)
    return Input(source.path, "text", doc, source.text, notices=list(source.notices))


def docx_source(inp: Input, style=None, reference=None):
    """(function giving the DOCX bytes behind an input, origin) for the layout rules, the
    fonts report and the preview: the file itself ("file"), or what a build of the draft
    would write in `style` ("built"); (None, "") for text, which has no layout."""
    if inp.form == "docx":
        return (lambda: Path(inp.path).read_bytes()), "file"
    if inp.form == "yaml":
        def build() -> bytes:
            from toolkit.docx.writer import render_docx

            return render_docx(inp.document, style, reference)
        return build, "built"
    return None, ""

"""Drafting: a report YAML file becomes a composed Document (load → validate → render → compose)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.document import Document
from toolkit.core.errors import Notice, SchemaError
from toolkit.core.sources import SourceText, read_text
from toolkit.draft import kinds
from toolkit.draft.composer import compose
from toolkit.draft.loader import Map, Text, load
from toolkit.draft.schema import validate

KIND_KEY = "类型"  # which report kind a file is; the manifest's fields are checked after it
TEMPLATES_KEY = "模板目录"  # the unit's template folder(s), relative to the report file
RESERVED = (KIND_KEY, "检查", TEMPLATES_KEY)  # 检查: per-report check settings (the checker)


@dataclass
class Draft:
    """A validated report file: its kind, its values, and the Document they compose to."""

    source: SourceText
    kind: kinds.Kind
    values: dict
    document: Document
    data: Map  # the file as loaded, reserved keys included (检查 is read by the checker)
    notices: list = field(default_factory=list)  # things the writer should know (not errors)


def draft_text(source: SourceText, templates: tuple[str, ...] = ()) -> Draft:
    """Compose the report written in `source` (YAML text already read)."""
    return draft_data(load(source), source, templates)


def draft_data(data: Map, source: SourceText, templates: tuple[str, ...] = ()) -> Draft:
    """Compose a report from loaded data (a batch merges department data over a base first)."""
    templates = _template_dirs(data, source) + tuple(templates)
    kind_name = data.get(KIND_KEY)
    if kind_name is not None and not isinstance(kind_name, Text):
        raise SchemaError("“类型”应为一行文字，例如“工作情况汇报”。", kind_name.origin.place())
    try:
        kind = kinds.find_kind(str(kind_name or kinds.DEFAULT_KIND), templates)
    except Exception as exc:
        if kind_name is not None and hasattr(exc, "problems") and exc.problems[0].place is None:
            exc.problems[0].place = kind_name.origin.place(0, len(kind_name))
        raise
    body = Map(data.origin)
    for key, value in data.items():
        if key not in RESERVED:
            body[key] = value
            body.key_origins[key] = data.key_origins[key]
    values = validate(body, kind.fields, kind.one_of, source.path)
    outline = kinds.render_outline(kind, values, templates)
    unit = str(values.get("单位") or values.get("落款") or "")
    document = compose(outline, kind=kind.name, unit=unit, source=source.path)
    return Draft(source, kind, values, document, data, _missing_sections(kind, values, data))


# Keys of a section that do not count as its content.
_FRAME = ("标题", "方式", "位置")


def _has_content(value) -> bool:
    if isinstance(value, dict):
        return any(_has_content(v) for k, v in value.items() if k not in _FRAME)
    if isinstance(value, (list, tuple)):
        return any(_has_content(v) for v in value)
    return bool(str(value).strip()) if value is not None else False


def _missing_sections(kind, values: dict, data: Map) -> list[Notice]:
    """A notice for each section the kind requires that the file leaves empty."""
    empty = [name for name in kind.required_sections if not _has_content(values.get(name))]
    if not empty:
        return []
    origin = data.key_origins.get(empty[0]) or data.origin
    names = "”“".join(empty)
    return [Notice(f"{origin.path}:{origin.line}:{origin.column}: “{kind.name}”通常要有“{names}”"
                   f"部分，这里是空的，生成的文稿中没有{'这一部分' if len(empty) == 1 else '这些部分'}。")]


def _template_dirs(data: Map, source: SourceText) -> tuple[str, ...]:
    """Folders named by the report's 模板目录 (one text or a list), relative to the file."""
    value = data.get(TEMPLATES_KEY)
    if value is None:
        return ()
    entries = value if isinstance(value, list) else [value]
    base = Path(source.path).parent if not source.path.startswith("<") else Path(".")
    out = []
    for entry in entries:
        if not isinstance(entry, Text):
            raise SchemaError("“模板目录”应为文件夹路径（一行文字或列表）。", entry.origin.place())
        folder = (base / str(entry)).resolve()
        if not folder.is_dir():
            raise SchemaError(f"模板目录“{entry}”不存在。", entry.origin.place(0, len(entry)),
                              "路径相对于本文件所在的文件夹。")
        out.append(str(folder))
    return tuple(out)


def draft_file(path: str | Path, templates: tuple[str, ...] = ()) -> Draft:
    """Read and compose a report YAML file."""
    return draft_text(read_text(path), templates)

"""Drafting: a report YAML file becomes a composed Document (load → validate → render → compose)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.composer import compose
from toolkit.document import Document
from toolkit.errors import SchemaError
from toolkit.loader import Map, Text, load
from toolkit.schema import validate
from toolkit.sources import SourceText, read_text
from toolkit import templating

KIND_KEY = "类型"  # which report kind a file is; the manifest's fields are checked after it
RESERVED = (KIND_KEY, "检查")  # 检查: per-report check settings, read by the checker


@dataclass
class Draft:
    """A validated report file: its kind, its values, and the Document they compose to."""

    source: SourceText
    kind: templating.Kind
    values: dict
    document: Document
    data: Map  # the file as loaded, reserved keys included (检查 is read by the checker)


def draft_text(source: SourceText, templates: tuple[str, ...] = ()) -> Draft:
    """Compose the report written in `source` (YAML text already read)."""
    return draft_data(load(source), source, templates)


def draft_data(data: Map, source: SourceText, templates: tuple[str, ...] = ()) -> Draft:
    """Compose a report from loaded data (a batch merges department data over a base first)."""
    kind_name = data.get(KIND_KEY)
    if kind_name is not None and not isinstance(kind_name, Text):
        raise SchemaError("“类型”应为一行文字，例如“工作情况汇报”。", kind_name.origin.place())
    try:
        kind = templating.find_kind(str(kind_name or templating.DEFAULT_KIND), templates)
    except Exception as exc:
        if kind_name is not None and hasattr(exc, "problems"):
            exc.problems[0].place = kind_name.origin.place(0, len(kind_name))
        raise
    body = Map(data.origin)
    for key, value in data.items():
        if key not in RESERVED:
            body[key] = value
            body.key_origins[key] = data.key_origins[key]
    values = validate(body, kind.fields, kind.one_of, source.path)
    outline = templating.render_outline(kind, values, templates)
    unit = str(values.get("单位") or values.get("落款") or "")
    document = compose(outline, kind=kind.name, unit=unit, source=source.path)
    return Draft(source, kind, values, document, data)


def draft_file(path: str | Path, templates: tuple[str, ...] = ()) -> Draft:
    """Read and compose a report YAML file."""
    return draft_text(read_text(path), templates)

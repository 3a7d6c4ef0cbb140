"""Report kinds: finds template folders, reads their manifests, renders outlines in a sandbox."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from toolkit import resources
from toolkit.errors import Place, Problem, TemplateError
from toolkit.loader import Map, Seq, load
from toolkit.schema import TYPES, FieldSpec
from toolkit.sources import read_text

DEFAULT_KIND = "工作情况汇报"
MANIFEST = "manifest.yaml"
OUTLINE = "outline.j2"

_FIELD_KEYS = ("名称", "类型", "必填", "默认", "说明", "可选值", "字段", "示例")
_MANIFEST_KEYS = ("名称", "说明", "文种", "继承", "必填之一", "必需部分", "字段")


@dataclass
class Kind:
    """A report kind: its manifest (fields, required sections) and its template folder."""

    name: str
    folder: Path
    description: str = ""
    doc_type: str = ""  # 文种 the title must end with, e.g. 汇报, 报告
    fields: list[FieldSpec] = field(default_factory=list)
    one_of: list[list[str]] = field(default_factory=list)
    required_sections: list[str] = field(default_factory=list)


def search_path(extra: tuple[str, ...] = ()) -> list[Path]:
    """Template folders to search: the user's first, the built-in ones last."""
    return [Path(p) for p in extra] + [resources.folder("templates")]


def kinds(extra: tuple[str, ...] = ()) -> list[str]:
    """Names of every report kind found on the search path."""
    names: list[str] = []
    for base in search_path(extra):
        if base.is_dir():
            for sub in sorted(base.iterdir()):
                if (sub / MANIFEST).is_file() and sub.name not in names:
                    names.append(sub.name)
    return names


def find_kind(name: str, extra: tuple[str, ...] = ()) -> Kind:
    """The kind called `name` (a unit's folder wins over a built-in one of the same name)."""
    for base in search_path(extra):
        folder = base / name
        if (folder / MANIFEST).is_file():
            return _load_kind(str(folder))
    import difflib

    names = kinds(extra)
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.4)
    hint = f"是不是想写“{close[0]}”？" if close else ""
    hint += f"可用的类型：{'、'.join(names) or '（无）'}。"
    raise TemplateError(f"没有名为“{name}”的报告类型。", None, hint)


@functools.cache
def _load_kind(folder: str) -> Kind:
    path = Path(folder) / MANIFEST
    data = load(read_text(path))
    problems: list[Problem] = []

    def bad(message: str, value) -> None:
        o = getattr(value, "origin", None)
        problems.append(Problem(message, o.place() if o else Place(str(path))))

    for key in data:
        if key not in _MANIFEST_KEYS:
            bad(f"模板清单中不认识键“{key}”。", data.key_origins[key])
    kind = Kind(name=str(data.get("名称") or Path(folder).name), folder=Path(folder),
                description=str(data.get("说明", "")), doc_type=str(data.get("文种", "")))
    kind.fields = _fields(data.get("字段"), bad)
    for group in data.get("必填之一") or []:
        kind.one_of.append([str(n) for n in (group if isinstance(group, Seq) else [group])])
    kind.required_sections = [str(s) for s in data.get("必需部分") or []]
    if problems:
        raise TemplateError.many(problems)
    return kind


def _fields(value, bad) -> list[FieldSpec]:
    if not isinstance(value, Seq):
        bad("模板清单的“字段”应为列表。", value)
        return []
    specs = []
    for entry in value:
        if not isinstance(entry, Map):
            bad("“字段”的每一项应为映射（名称、类型……）。", entry)
            continue
        for key in entry:
            if key not in _FIELD_KEYS:
                bad(f"字段定义中不认识键“{key}”。", entry.key_origins[key])
        type_ = str(entry.get("类型", ""))
        if type_ not in TYPES:
            bad(f"字段类型“{type_}”不存在；可用：" + "、".join(TYPES) + "。", entry.get("类型", entry))
            continue
        default = entry.get("默认")
        spec = FieldSpec(
            name=str(entry.get("名称", "")),
            type=type_,
            required=str(entry.get("必填", "否")) in ("是", "true", "True", "yes"),
            default=str(default) if isinstance(default, str) else None,
            help=str(entry.get("说明", "")),
            choices=tuple(str(c) for c in entry.get("可选值") or []),
            example=entry.get("示例"),
        )
        if type_ == "部分":
            spec.fields = _fields(entry.get("字段"), bad)
        specs.append(spec)
    return specs


@functools.cache
def _environment(paths: tuple[str, ...]):
    # Imported here: jinja2 is only needed once a report is rendered, not for every command.
    from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    cache = None
    try:
        folder = resources.cache_dir() / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(folder))
    except OSError:
        pass  # no writable cache: templates still compile, a little slower
    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(list(paths)),
        undefined=StrictUndefined,
        bytecode_cache=cache,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render_outline(kind: Kind, values: dict, extra: tuple[str, ...] = ()):
    """Run the kind's outline template over validated values; returns the outline blocks."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError, UndefinedError

    from toolkit.outline import Outline

    env = _environment(tuple(str(p) for p in search_path(extra)))
    outline = Outline()
    name = f"{kind.folder.name}/{OUTLINE}"
    try:
        template = env.get_template(name)
        template.render(**values, **outline.functions())
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}",
                            Place(exc.filename or name, exc.lineno or 0, 1)) from None
    except UndefinedError as exc:
        raise TemplateError(f"模板引用了不存在的值：{exc.message}", Place(name)) from None
    except JinjaError as exc:
        raise TemplateError(f"模板出错：{exc}", Place(name)) from None
    return outline.blocks

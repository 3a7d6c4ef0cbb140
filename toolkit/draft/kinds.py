"""Report kinds: finds template folders, reads their manifests, renders outlines in a sandbox."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core import resources
from toolkit.core.errors import Place, Problem, TemplateError
from toolkit.core.sources import read_text
from toolkit.draft.loader import Map, Seq, load
from toolkit.draft.schema import TYPES, FieldSpec

DEFAULT_KIND = "工作情况汇报"
MANIFEST = "manifest.yaml"
OUTLINE = "outline.j2"

_FIELD_KEYS = ("名称", "类型", "必填", "默认", "说明", "可选值", "字段", "示例")
_MANIFEST_KEYS = ("名称", "说明", "文种", "继承", "必填之一", "必需部分", "字段")
BUILTIN_PREFIX = "内置"  # "内置/工作情况汇报/outline.j2" always names the built-in template
MAX_BLOCKS = 5000  # a report has dozens of paragraphs; more means a runaway template loop
RENDER_SECONDS = 10.0


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
    outline: str = ""  # the loader name of its outline template
    parent: str = ""  # the kind it extends (继承), if any


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
            return _load_kind(str(folder), tuple(extra))
    import difflib

    names = kinds(extra)
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.4)
    hint = f"是不是想写“{close[0]}”？" if close else ""
    hint += f"可用的类型：{'、'.join(names) or '（无）'}。"
    raise TemplateError(f"没有名为“{name}”的报告类型。", None, hint)


def builtin_kind(name: str) -> Kind:
    """A built-in kind, even when a unit folder has one of the same name."""
    folder = resources.folder("templates") / name
    if not (folder / MANIFEST).is_file():
        raise TemplateError(f"没有名为“{name}”的内置报告类型。", None,
                            "可用的内置类型：" + "、".join(kinds()) + "。")
    return _load_kind(str(folder), ())


@functools.cache
def _load_kind(folder: str, extra: tuple[str, ...] = ()) -> Kind:
    path = Path(folder) / MANIFEST
    data = load(read_text(path))
    problems: list[Problem] = []

    def bad(message: str, value) -> None:
        o = getattr(value, "origin", None)
        problems.append(Problem(message, o.place() if o else Place(str(path))))

    for key in data:
        if key not in _MANIFEST_KEYS:
            bad(f"模板清单中不认识键“{key}”。", data.key_origins[key])
    parent = None
    if data.get("继承"):
        name = str(data["继承"])
        try:
            builtin = Path(folder).parent == resources.folder("templates")
            same = name == Path(folder).name
            parent = builtin_kind(name) if same or builtin else find_kind(name, extra)
        except TemplateError as exc:
            exc.problems[0].place = data["继承"].origin.place(0, len(name))
            raise
    kind = Kind(name=str(data.get("名称") or Path(folder).name), folder=Path(folder),
                description=str(data.get("说明") or (parent.description if parent else "")),
                doc_type=str(data.get("文种") or (parent.doc_type if parent else "")))
    own = _fields(data.get("字段"), bad) if "字段" in data else []
    kind.fields = _merge_fields(parent.fields if parent else [], own)
    for group in data.get("必填之一") or []:
        kind.one_of.append([str(n) for n in (group if isinstance(group, Seq) else [group])])
    if parent and "必填之一" not in data:
        kind.one_of = [list(g) for g in parent.one_of]
    kind.required_sections = [str(s) for s in data.get("必需部分") or []]
    if parent and "必需部分" not in data:
        kind.required_sections = list(parent.required_sections)
    if (Path(folder) / OUTLINE).is_file():
        builtin = Path(folder).parent == resources.folder("templates")
        kind.outline = (f"{BUILTIN_PREFIX}/" if builtin else "") + f"{Path(folder).name}/{OUTLINE}"
    elif parent:
        kind.outline = parent.outline
    else:
        bad(f"模板文件夹中缺少 {OUTLINE}（也没有用“继承”沿用其他类型的提纲）。", data)
    kind.parent = parent.name if parent else ""
    if problems:
        raise TemplateError.many(problems)
    return kind


def _merge_fields(parent: list[FieldSpec], own: list[FieldSpec]) -> list[FieldSpec]:
    """A unit's fields over its parent's: a field of the same name replaces it in place (a
    部分 merges its sub-fields the same way); new fields come after."""
    own_by_name = {f.name: f for f in own}
    merged = []
    for f in parent:
        mine = own_by_name.pop(f.name, None)
        if mine is None:
            merged.append(f)
        elif mine.type == "部分" and f.type == "部分":
            mine.fields = _merge_fields(f.fields, mine.fields)
            merged.append(mine)
        else:
            merged.append(mine)
    merged.extend(f for f in own if f.name in own_by_name)
    return merged


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
    from jinja2 import (ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, PrefixLoader,
                        StrictUndefined)
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        """The sandbox, with arithmetic that cannot build huge values (`"x" * 10**9`)."""

        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**" and isinstance(right, int) and abs(right) > 64:
                raise SecurityError("指数过大")
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                            and len(seq) * times > 100_000:
                        raise SecurityError("生成的内容过大")
            return super().call_binop(context, operator, left, right)

    cache = None
    try:
        folder = resources.cache_dir() / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(folder))
    except OSError:
        pass  # no writable cache: templates still compile, a little slower
    env = Sandbox(
        loader=ChoiceLoader([
            PrefixLoader({BUILTIN_PREFIX: FileSystemLoader(str(resources.folder("templates")))}),
            FileSystemLoader(list(paths)),
        ]),
        undefined=StrictUndefined,
        bytecode_cache=cache,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["range"] = _small_range
    return env


def _small_range(*args):
    """range() for templates: a report never needs more than a thousand of anything."""
    r = range(*args)
    if len(r) > 1000:
        from jinja2.exceptions import SecurityError

        raise SecurityError("range() 超过 1000 项")
    return r


class _Deadline:
    """Stops a template that runs too long (nested loops): SIGALRM in the main thread on Unix."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.armed = False

    def __enter__(self):
        import signal
        import threading

        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def _expired(self, signum, frame):
        raise TimeoutError(f"模板运行超过 {self.seconds:g} 秒")

    def __exit__(self, *exc):
        if self.armed:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False


def render_outline(kind: Kind, values: dict, extra: tuple[str, ...] = ()):
    """Run the kind's outline template over validated values; returns the outline blocks."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    from toolkit.draft.outline import Outline

    env = _environment(tuple(str(p) for p in search_path(extra)))
    outline = Outline(MAX_BLOCKS)
    name = kind.outline
    try:
        template = env.get_template(name)
        with _Deadline(RENDER_SECONDS):
            template.render(**values, **outline.functions())
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}",
                            Place(exc.filename or name, exc.lineno or 0, 1)) from None
    except UndefinedError as exc:
        raise TemplateError(f"模板引用了不存在的值：{exc.message}", _where(exc, name),
                            "请检查模板中的字段名是否与清单一致。") from None
    except SecurityError as exc:
        raise TemplateError(f"模板试图进行不安全的操作，已拒绝：{exc}", _where(exc, name),
                            "模板只能使用报告的字段和提纲函数，不能访问文件、模块或内部属性。") from None
    except (JinjaError, RecursionError, OverflowError, TypeError, ValueError, TimeoutError) as exc:
        raise TemplateError(f"模板出错：{exc}", _where(exc, name)) from None
    return outline.blocks


def _where(exc: BaseException, name: str) -> Place:
    """The template file and line a rendering error came from (Jinja keeps them in the
    traceback), else the template's name."""
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".j2", ".jinja", ".html", ".txt")):
            return Place(frame.filename, frame.lineno or 0, 1)
    return Place(name)

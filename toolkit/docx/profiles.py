"""Style profiles: load a YAML profile (with `extends:`), validate it and expose typed settings."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from toolkit.core.errors import InputError, Place, Problem

BUILTIN = "gbt9704"
_MAX_DEPTH = 8  # profiles extending profiles; deeper than this is a loop or a mistake

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Page:
    """Paper and margins in millimetres."""

    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    header_mm: float
    footer_mm: float


@dataclass(frozen=True)
class Grid:
    """The line grid and the settings that keep lines and characters on it."""

    lines: int
    chars: int
    line_twips: int
    condense_twips: int  # character spacing of Normal, in twips (−5 = condensed 0.25 pt)
    widow_control: bool
    auto_space: bool
    compress_punctuation: bool


@dataclass(frozen=True)
class Fonts:
    latin: str
    lang: str


@dataclass(frozen=True)
class ParaStyle:
    """How one block kind is set: face, size and paragraph layout."""

    font: str
    size_pt: float
    bold: bool
    align: Align
    first_line_chars: float
    blank_before: int
    blank_after: int
    snap_to_grid: bool = True
    max_line_chars: int = 0  # title only
    left_chars: float = 0  # attachment only
    right_chars: float = 0  # signature, and date when sealed: its 右空 in characters
    shift_chars: float = 0  # date only
    sealed: bool = False  # signature only: the sealed layout (GB/T 9704-2012 7.3.5.1)
    under_title: bool = False  # date only: “（2026年1月5日）” centred under the title instead


@dataclass(frozen=True)
class RunStyle:
    """Face of the leading part of a run-in paragraph; size follows the paragraph."""

    font: str
    bold: bool


@dataclass(frozen=True)
class PageNumber:
    font: str
    size_pt: float
    before: str
    after: str
    odd_align: Align
    even_align: Align
    indent_chars: float


@dataclass(frozen=True)
class Profile:
    """A whole style profile. `bases` maps "group.key" to the clause or practice of each value."""

    name: str
    page: Page
    grid: Grid
    fonts: Fonts
    title: ParaStyle
    subtitle: ParaStyle
    salutation: ParaStyle
    body: ParaStyle
    heading1: ParaStyle
    heading2: ParaStyle
    heading3: ParaStyle
    heading4: ParaStyle
    heading3_lead: RunStyle
    heading4_lead: RunStyle
    series_lead: RunStyle
    attachment: ParaStyle
    signature: ParaStyle
    date: ParaStyle
    note: ParaStyle
    page_number: PageNumber
    bases: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    source: str = field(default="", compare=False)

    @functools.cached_property
    def key(self) -> str:
        """A digest of the values, so writers can cache what they build from a profile."""
        values = dataclasses.asdict(self)
        values.pop("bases", None)
        values.pop("source", None)
        return hashlib.sha1(repr(sorted(values.items())).encode()).hexdigest()

    def basis(self, path: str) -> str:
        """The clause or practice a setting rests on, e.g. basis("title.size_pt")."""
        return self.bases.get(path, "")


_BOOLS = {"true": True, "false": False, "yes": True, "no": False, "True": True, "False": False}
_TYPE_NAMES = {int: "整数", float: "数字", bool: "true 或 false", str: "文字"}


@functools.cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def _convert(raw, kind):
    """The value of `raw` (loader text) as `kind`, or raise ValueError."""
    if isinstance(raw, (dict, list)):
        raise ValueError
    text = str(raw).strip()
    if kind is bool:
        if text not in _BOOLS:
            raise ValueError
        return _BOOLS[text]
    if kind is int:
        number = float(text)
        if number != int(number):
            raise ValueError
        return int(number)
    if kind is float:
        return float(text)
    if typing.get_origin(kind) is Literal:
        if text not in typing.get_args(kind):
            raise ValueError
        return text
    return str(raw)


def _out_of_range(dotted: str, value) -> str:
    """Why a well-typed value still cannot be a layout, or ""."""
    name = dotted.rpartition(".")[2]
    if isinstance(value, str):
        return "不能为空。" if not value.strip() and name not in ("before", "after") else ""
    if isinstance(value, bool) or name == "condense_twips":
        return ""
    if name in ("size_pt", "line_twips", "lines", "chars", "width_mm", "height_mm") and value <= 0:
        return "应大于 0。"
    if value < 0:
        return "不能是负数。"
    return ""


def _expected(kind) -> str:
    if typing.get_origin(kind) is Literal:
        return "、".join(typing.get_args(kind)) + " 之一"
    return _TYPE_NAMES.get(kind, "文字")


def _place(node, fallback: str) -> Place:
    origin = getattr(node, "origin", None)
    if origin is None:
        return Place(fallback)
    return Place(origin.path, origin.line, origin.column)


def _key_place(mapping, key: str, fallback: str) -> Place:
    origin = getattr(mapping, "key_origins", {}).get(key)
    if origin is None:
        return _place(mapping, fallback)
    return Place(origin.path, origin.line, origin.column)


def _is_leaf(node) -> bool:
    return isinstance(node, dict) and "value" in node


def _read(path: Path, display: str):
    from toolkit.core.sources import read_text
    from toolkit.draft.loader import load

    return load(read_text(path, display))


def _resolve_parent(name: str, here: Path, place: Place) -> tuple[Path, str]:
    from toolkit.core import resources

    if name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name:
        target = (here.parent / name).resolve()
        return target, str(target)
    shipped = resources.path("templates", "styles", name + ".yaml")
    if not shipped.is_file():
        available = sorted(p.stem for p in resources.path("templates", "styles").glob("*.yaml"))
        raise InputError(f"extends 指定的样式配置“{name}”不存在。", place,
                         "可用的内置样式配置：" + "、".join(available) + "。")
    return shipped, f"{name}（内置）"


def _merge(base, over):
    """Deep merge of loaded maps: groups merge key by key, a leaf is replaced whole."""
    if not isinstance(base, dict) or not isinstance(over, dict) or _is_leaf(over) or _is_leaf(base):
        return over
    from toolkit.draft.loader import Map

    merged = Map(over.origin)
    merged.key_origins = {**base.key_origins, **over.key_origins}
    merged.update(base)
    for key, value in over.items():
        merged[key] = _merge(base[key], value) if key in base else value
    return merged


def _tree(path: Path, display: str, depth: int = 0, seen: tuple = ()):
    """The loaded tree of a profile file merged over everything it extends."""
    tree = _read(path, display)
    parent = tree.get("extends")
    if parent is None:
        return tree
    place = _key_place(tree, "extends", display)
    if depth >= _MAX_DEPTH or path.resolve() in seen:
        raise InputError("样式配置的 extends 形成了循环或层数过多。", place)
    if isinstance(parent, (dict, list)) or not str(parent).strip():
        raise InputError("extends 应当是一个样式配置的名称，例如 extends: gbt9704。", place)
    parent_path, parent_display = _resolve_parent(str(parent).strip(), path, place)
    base = _tree(parent_path, parent_display, depth + 1, seen + (path.resolve(),))
    merged = _merge(base, tree)
    del merged["extends"]
    return merged


def _build(tree, display: str) -> Profile:
    problems: list[Problem] = []
    bases: dict[str, str] = {}

    def leaf(node, kind, dotted: str, owner, key: str):
        place = _key_place(owner, key, display)
        if _is_leaf(node):
            for extra in node:
                if extra not in ("value", "basis"):
                    problems.append(Problem(f"“{dotted}”中有未知的键“{extra}”。",
                                            _key_place(node, extra, display),
                                            "每个设置写作 {value: 值, basis: 依据}。"))
            raw = node["value"]
            basis = str(node.get("basis") or "").strip()
            if not basis:
                basis = f"样式配置 {getattr(getattr(node, 'origin', None), 'path', display)}"
        elif isinstance(node, dict):
            problems.append(Problem(f"“{dotted}”缺少 value。", place, "写作 {value: 值, basis: 依据}。"))
            return None
        else:
            raw = node
            basis = f"样式配置 {getattr(getattr(node, 'origin', None), 'path', display)}"
        try:
            value = _convert(raw, kind)
        except (ValueError, TypeError):
            problems.append(Problem(f"“{dotted}”的值“{raw}”不对，应为{_expected(kind)}。",
                                    _place(raw, display) if hasattr(raw, "origin") else place))
            return None
        problem = _out_of_range(dotted, value)
        if problem:
            problems.append(Problem(f"“{dotted}”的值“{raw}”{problem}",
                                    _place(raw, display) if hasattr(raw, "origin") else place))
            return None
        bases[dotted] = basis
        return value

    def group(node, cls, prefix: str, owner, key: str):
        if not isinstance(node, dict) or _is_leaf(node):
            problems.append(Problem(f"“{prefix}”应当是一组设置（键: 值）。",
                                    _key_place(owner, key, display)))
            return None
        hints = _hints(cls)
        names = {f.name: f for f in dataclasses.fields(cls)
                 if f.name not in ("bases", "source")}
        for extra in node:
            if extra not in names:
                problems.append(_unknown(extra, f"“{prefix}”" if prefix else "样式配置", names,
                                         _key_place(node, extra, display)))
        values = {}
        for name, f in names.items():
            dotted = f"{prefix}.{name}" if prefix else name
            if name not in node:
                required = (f.default is dataclasses.MISSING
                            and f.default_factory is dataclasses.MISSING)
                if required:
                    problems.append(Problem(f"缺少设置“{dotted}”。", _place(node, display),
                                            "请补上这个键，或用 extends: gbt9704 继承内置配置。"))
                continue
            kind = hints[name]
            if dataclasses.is_dataclass(kind):
                values[name] = group(node[name], kind, dotted, node, name)
            else:
                values[name] = leaf(node[name], kind, dotted, node, name)
        if problems:
            return None
        return cls(**values)

    profile = group(tree, Profile, "", tree, "")
    if problems or profile is None:
        raise InputError.many(problems)
    return dataclasses.replace(profile, bases=bases, source=display)


def _unknown(key: str, where: str, names, place: Place) -> Problem:
    import difflib

    close = difflib.get_close_matches(str(key), list(names), n=1)
    hint = f"是不是“{close[0]}”？" if close else "可用的键：" + "、".join(names) + "。"
    return Problem(f"{where}中有未知的键“{key}”。", place, hint)


def builtin(name: str = BUILTIN) -> Profile:
    """A shipped profile, parsed once per process."""
    return _builtin(name)


@functools.cache
def _builtin(name: str) -> Profile:
    from toolkit.core import resources

    path = resources.path("templates", "styles", name + ".yaml")
    if not path.is_file():
        available = sorted(p.stem for p in resources.path("templates", "styles").glob("*.yaml"))
        raise InputError(f"没有名为“{name}”的内置样式配置。", Place(name),
                         "可用的内置样式配置：" + "、".join(available) + "；自己的配置请写文件路径（.yaml）。")
    display = f"{name}（内置）"
    return _build(_tree(path, display), display)


def load_profile(spec: Profile | str | Path | None = None) -> Profile:
    """A profile from a file path or a shipped name (None: the built-in gbt9704).

    A file may extend a shipped profile; any problem raises InputError naming the file.
    """
    if spec is None:
        return builtin()
    if isinstance(spec, Profile):
        return spec
    text = str(spec)
    if not text.endswith((".yaml", ".yml")) and "/" not in text and "\\" not in text:
        return builtin(text)
    path = Path(spec)
    return _build(_tree(path, text), text)

"""Validates a loaded report against its kind's manifest fields; reports every problem at once."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from toolkit.core.document import Origin
from toolkit.core.errors import Place, Problem, SchemaError
from toolkit.draft.loader import Map, Seq, Text

# Field types a manifest may declare, with the words used in messages.
TYPES = {
    "文本": "一行文字",
    "段落": "一段或几段文字",
    "日期": "日期，如 2026年1月5日",
    "条目列表": "条目列表，每项以“- ”开头",
    "分组": "分组，含“标题”和“条目”",
    "分组列表": "分组的列表",
    "部分": "部分，含“标题”等键",
    "部分列表": "部分的列表",
    "选项": "固定选项之一",
}

ITEM_KEYS = ("标题", "内容", "分项", "分项方式")
GROUP_KEYS = ("标题", "导语", "条目", "方式", "结语")
SECTION_KEYS = ("标题", "导语", "分组", "条目", "方式", "结语", "位置")
PLACES = ("开头", "经验做法之后", "问题之后", "末尾")
SERIES_MODES = ("分段", "合段")

# Keys that belong to a nested level: seen elsewhere, they mean an indentation mistake.
_NESTED_KEYS = {"内容": "条目（以“- ”开头的一项）", "分项": "条目（以“- ”开头的一项）",
                "分项方式": "条目（以“- ”开头的一项）", "条目": "分组或部分",
                "导语": "分组或部分", "结语": "分组或部分", "方式": "分组或部分",
                "分组": "部分", "位置": "其他部分中的一项"}

# Words writers often type for a key we name differently.
_SYNONYMS = {
    "题目": "标题", "名称": "标题", "正文": "内容", "说明": "内容", "描述": "内容",
    "项目": "条目", "列表": "条目", "子项": "分项", "落款单位": "落款", "署名": "落款",
    "时间": "日期", "成文日期": "日期", "称呼": "称谓", "主送": "称谓", "开头": "开场白",
    "开场": "开场白", "引言": "导语", "总述": "概述",
}

_DATE_FORMS = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$"),
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
)


@dataclass
class FieldSpec:
    """One field of a report kind, as its manifest declares it."""

    name: str
    type: str
    required: bool = False
    default: object = None
    help: str = ""
    choices: tuple[str, ...] = ()
    fields: list["FieldSpec"] = field(default_factory=list)  # for 部分
    example: object = None  # 示例 from the manifest, as loaded (for starters and help)


def parse_date(text: str) -> str | None:
    """A date in any common form as GB/T 9704 7.3.5.4 writes it (2026年1月5日), or None."""
    value = text.strip()
    for form in _DATE_FORMS:
        m = form.match(value)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y}年{mo}月{d}日"
    return None


def _kind_of(value) -> str:
    if isinstance(value, Map):
        return "映射（键: 值）"
    if isinstance(value, Seq):
        return "列表"
    return "文字"


class Validator:
    """Checks values against field specs and returns normalized values (defaults filled)."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.guessed: set[str] = set()  # keys that unknown keys were probably meant to be

    # -- reporting ---------------------------------------------------------------------------
    def problem(self, message: str, origin: Origin | None, hint: str = "", length: int = 0) -> None:
        place = origin.place(0, length) if origin else Place(self.path)
        self.problems.append(Problem(message, place, hint))

    def unknown_keys(self, mapping: Map, allowed: list[str], where: str) -> set[str]:
        """Report keys not in `allowed`; returns the keys they were probably meant to be."""
        guesses: set[str] = set()
        for key in mapping:
            if key in allowed:
                continue
            guess = _SYNONYMS.get(key)
            if guess not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
                guess = close[0] if close else None
            hint = f"是不是想写“{guess}”？" if guess else "可用的键：" + "、".join(allowed) + "。"
            message = f"{where}不认识键“{key}”。"
            if key in _NESTED_KEYS and not guess:
                # A valid key at the wrong depth: the line is indented too little or too much.
                message = f"{where}不应出现键“{key}”：这一行的缩进可能不对。"
                hint = (f"“{key}”应属于{_NESTED_KEYS[key]}；请让它与同一项中的其他键左对齐"
                        "（例如与上一行的“标题”对齐）。")
            self.problem(message, mapping.key_origins[key], hint, len(key))
            if guess:
                guesses.add(guess)
        self.guessed |= guesses
        return guesses

    def missing(self, mapping: Map, name: str, message: str, hint: str, guesses: set[str]) -> None:
        """Report a missing key at the key that owns the mapping, unless a typo explains it."""
        if name not in guesses:
            self.problem(message, getattr(mapping, "key_origin", mapping.origin), hint)

    # -- types -------------------------------------------------------------------------------
    def text(self, value, label: str) -> Text | None:
        if isinstance(value, (Map, Seq)):
            self.problem(f"“{label}”应为一行文字，这里是{_kind_of(value)}。", value.origin)
            return None
        if "\n" in value.strip():
            self.problem(f"“{label}”应为一行文字，不能换行。", value.origin, "请把内容写在同一行。")
            return None
        return Text(value.strip(), value.origin) if value.strip() != value else value

    def paragraphs(self, value, label: str) -> list[Text] | None:
        """One paragraph per non-empty line; a list gives one paragraph per entry."""
        if isinstance(value, Map):
            self.problem(f"“{label}”应为{TYPES['段落']}，这里是映射（键: 值）。", value.origin)
            return None
        entries = value if isinstance(value, Seq) else [value]
        result: list[Text] = []
        for entry in entries:
            if isinstance(entry, (Map, Seq)):
                self.problem(f"“{label}”的每一段应为文字，这里是{_kind_of(entry)}。", entry.origin)
                continue
            lines = [line.strip() for line in entry.split("\n")]
            if len([line for line in lines if line]) == 1:
                result.append(Text(lines[0] if len(lines) == 1 else entry.strip(), entry.origin)
                              if entry.strip() != entry else entry)
                continue
            for number, line in enumerate(entry.split("\n")):
                if line.strip():
                    o = entry.origin
                    result.append(Text(line.strip(), Origin(o.path, o.line + number, o.column)))
        return result

    def date(self, value, label: str) -> Text | None:
        raw = self.text(value, label)
        if raw is None:
            return None
        canonical = parse_date(raw)
        if canonical is None:
            self.problem(
                f"“{label}”不是有效的日期：“{raw}”。", raw.origin,
                "请写成“2026年1月5日”或“2026-01-05”。", len(raw))
            return None
        return Text(canonical, Origin(raw.origin.path, raw.origin.line, raw.origin.column))

    def choice(self, value, spec: FieldSpec, label: str) -> Text | None:
        raw = self.text(value, label)
        if raw is not None and raw not in spec.choices:
            self.problem(f"“{label}”只能是：" + "、".join(spec.choices) + f"；这里是“{raw}”。",
                         raw.origin, length=len(raw))
            return None
        return raw

    def items(self, value, label: str, depth: int = 0) -> list[dict] | None:
        if not isinstance(value, Seq):
            hint = "每一项另起一行，以“- ”开头。"
            self.problem(f"“{label}”应为{TYPES['条目列表']}，这里是{_kind_of(value)}。",
                         value.origin, hint)
            return None
        return [self.item(entry, f"“{label}”第{n}项", depth) for n, entry in enumerate(value, 1)]

    def item(self, value, label: str, depth: int = 0) -> dict:
        """An item is "标题。内容" text, or a mapping of 标题/内容/分项/分项方式."""
        if isinstance(value, Seq):
            self.problem(f"{label}应为文字或“标题/内容”映射，这里是列表。", value.origin)
            return {"标题": "", "内容": "", "分项": [], "分项方式": "合段"}
        if not isinstance(value, Map):
            head, sep, rest = value.strip().partition("。")
            if not sep or not rest:
                return {"标题": Text(value.strip(), value.origin), "内容": "", "分项": [], "分项方式": "合段"}
            o = value.origin
            body_origin = Origin(o.path, o.line, o.column + len(head) + 1, o.simple)
            return {"标题": Text(head, o), "内容": Text(rest.strip(), body_origin),
                    "分项": [], "分项方式": "合段"}
        self.unknown_keys(value, list(ITEM_KEYS), f"{label}中")
        result = {"标题": "", "内容": "", "分项": [], "分项方式": "合段"}
        if "标题" in value:
            result["标题"] = self.text(value["标题"], "标题") or ""
        if "内容" in value:
            paras = self.paragraphs(value["内容"], "内容") or []
            result["内容"] = _join(paras)
        if "分项" in value:
            where = value.key_origins["分项"]
            if depth:
                # A third level has no form in a report: it would be dropped, so say so here.
                self.problem(f"{label}的分项中不能再有“分项”（条目最多两层：条目 → 分项）。",
                             where, "请把这一层的内容写进分项的“内容”。", 2)
            else:
                result["分项"] = self.items(value["分项"], "分项", depth + 1) or []
                result["_分项位置"] = where
        if "分项方式" in value:
            mode = self.choice(value["分项方式"], FieldSpec("分项方式", "选项", choices=SERIES_MODES),
                               "分项方式")
            result["分项方式"] = mode or "合段"
        if not result["标题"] and not result["内容"] and not result["分项"]:
            self.problem(f"{label}是空的：至少要写“标题”或“内容”。", value.origin)
        return result

    def series_nesting(self, entries: list[dict], mode: str, label: str) -> None:
        """Items composed as 一是……二是…… cannot carry their own 分项: it would be lost."""
        if mode == "编号":
            return
        for entry in entries or ():
            if entry.get("分项"):
                self.problem(f"“{label}”按“一是……”排列（方式：{mode}），其中的条目不能再有“分项”。",
                             entry.get("_分项位置"), "请把“方式”改为“编号”，或把分项写进条目的“内容”。", 2)

    def group(self, value, label: str, default_mode: str = "编号") -> dict | None:
        if not isinstance(value, Map):
            self.problem(f"“{label}”应为{TYPES['分组']}，这里是{_kind_of(value)}。", value.origin,
                         "分组写成：\n  标题: ……\n  条目:\n    - ……")
            return None
        guesses = self.unknown_keys(value, list(GROUP_KEYS), f"“{label}”中")
        result = {"标题": "", "导语": [], "条目": [], "方式": default_mode, "结语": []}
        if "标题" in value:
            result["标题"] = self.text(value["标题"], f"{label}.标题") or ""
        else:
            self.missing(value, "标题", f"“{label}”缺少“标题”。",
                         "例如：标题: 构建“{数}大机制”，凝聚合力抓落实", guesses)
        for key in ("导语", "结语"):
            if key in value:
                result[key] = self.paragraphs(value[key], f"{label}.{key}") or []
        if "条目" in value:
            result["条目"] = self.items(value["条目"], f"{label}.条目") or []
        else:
            self.missing(value, "条目", f"“{label}”缺少“条目”。", "条目写成以“- ”开头的各项。", guesses)
        if "方式" in value:
            result["方式"] = self.choice(value["方式"], FieldSpec("方式", "选项", choices=("编号",) + SERIES_MODES),
                                       f"{label}.方式") or default_mode
        self.series_nesting(result["条目"], result["方式"], label)
        return result

    def section(self, value, label: str) -> dict | None:
        """A free section: 标题, optional 导语, 分组 list or 条目, 结语."""
        if not isinstance(value, Map):
            self.problem(f"“{label}”应为{TYPES['部分']}，这里是{_kind_of(value)}。", value.origin)
            return None
        guesses = self.unknown_keys(value, list(SECTION_KEYS), f"“{label}”中")
        result = {"标题": "", "导语": [], "分组": [], "条目": [], "方式": "编号", "结语": [],
                  "位置": "末尾"}
        if "标题" in value:
            result["标题"] = self.text(value["标题"], f"{label}.标题") or ""
        else:
            self.missing(value, "标题", f"“{label}”缺少“标题”。", "例如：标题: 工作成效", guesses)
        for key in ("导语", "结语"):
            if key in value:
                result[key] = self.paragraphs(value[key], f"{label}.{key}") or []
        if "分组" in value:
            result["分组"] = self.group_list(value["分组"], f"{label}.分组")
        if "条目" in value:
            result["条目"] = self.items(value["条目"], f"{label}.条目") or []
        if "方式" in value:
            result["方式"] = self.choice(value["方式"], FieldSpec("方式", "选项", choices=("编号",) + SERIES_MODES),
                                       f"{label}.方式") or "编号"
        if "位置" in value:
            result["位置"] = self.choice(value["位置"], FieldSpec("位置", "选项", choices=PLACES),
                                       f"{label}.位置") or "末尾"
        self.series_nesting(result["条目"], result["方式"], label)
        return result

    def group_list(self, value, label: str) -> list[dict]:
        if not isinstance(value, Seq):
            self.problem(f"“{label}”应为{TYPES['分组列表']}，这里是{_kind_of(value)}。", value.origin)
            return []
        groups = (self.group(entry, f"{label}第{n}组") for n, entry in enumerate(value, 1))
        return [g for g in groups if g]

    def section_list(self, value, label: str) -> list[dict]:
        if not isinstance(value, Seq):
            self.problem(f"“{label}”应为{TYPES['部分列表']}，这里是{_kind_of(value)}。", value.origin)
            return []
        sections = (self.section(entry, f"{label}第{n}部分") for n, entry in enumerate(value, 1))
        return [s for s in sections if s]

    # -- manifest-driven -------------------------------------------------------------------
    def value(self, value, spec: FieldSpec, label: str):
        kind = spec.type
        if kind == "文本":
            return self.text(value, label)
        if kind == "段落":
            return self.paragraphs(value, label)
        if kind == "日期":
            return self.date(value, label)
        if kind == "选项":
            return self.choice(value, spec, label)
        if kind == "条目列表":
            return self.items(value, label)
        if kind == "分组":
            return self.group(value, label)
        if kind == "分组列表":
            return self.group_list(value, label)
        if kind == "部分列表":
            return self.section_list(value, label)
        if kind == "部分":
            if not isinstance(value, Map):
                self.problem(f"“{label}”应为{TYPES['部分']}，这里是{_kind_of(value)}。", value.origin)
                return None
            return self.fields(value, spec.fields, f"“{label}”中", label + ".")
        raise AssertionError(kind)  # manifests are validated on load

    def fields(self, mapping: Map, specs: list[FieldSpec], where: str, prefix: str = "") -> dict:
        guesses = self.unknown_keys(mapping, [s.name for s in specs], where)
        result: dict = {}
        for spec in specs:
            raw = mapping.get(spec.name)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if spec.required and raw is not None:
                    self.problem(f"必填的“{prefix}{spec.name}”不能为空。", raw.origin, spec.help)
                elif spec.required:
                    self.missing(mapping, spec.name, f"缺少必填的“{prefix}{spec.name}”。",
                                 spec.help, guesses)
                result[spec.name] = empty_value(spec)
                continue
            checked = self.value(raw, spec, prefix + spec.name)
            result[spec.name] = empty_value(spec) if checked is None else checked
        if isinstance(result.get("条目"), list) and isinstance(result.get("方式"), str):
            self.series_nesting(result["条目"], result["方式"], prefix.rstrip(".") or "条目")
        return result


def empty_value(spec: FieldSpec):
    """The value a template sees for an absent field: its default, else an empty value."""
    if spec.type == "部分":
        return {s.name: empty_value(s) for s in spec.fields}
    if spec.default is not None:
        if spec.type == "段落" and isinstance(spec.default, str):
            return [spec.default]
        return spec.default
    if spec.type in ("段落", "条目列表", "分组列表", "部分列表"):
        return []
    if spec.type == "分组":
        return None
    return ""


def _join(paragraphs: list[Text]) -> Text | str:
    if not paragraphs:
        return ""
    if len(paragraphs) == 1:
        return paragraphs[0]
    return Text("".join(paragraphs), paragraphs[0].origin)


def validate(data: Map, specs: list[FieldSpec], one_of: list[list[str]], path: str) -> dict:
    """Normalized report values, or SchemaError listing every problem of the file."""
    checker = Validator(path)
    result = checker.fields(data, specs, "")
    # Judged on what was written, so a value with its own error does not also count as missing.
    typo = any(n in checker.guessed for group in one_of for n in group)  # already reported
    if one_of and not typo and not any(all(_present(data.get(n)) for n in group)
                                       for group in one_of):
        alternatives = "，或".join("“" + "”和“".join(g) + "”" for g in one_of)
        checker.problem(f"缺少{alternatives}。", data.origin, "标题可以直接写，也可以由单位和事由组成。")
    if checker.problems:
        checker.problems.sort(key=lambda p: (p.place.line, p.place.column) if p.place else (0, 0))
        raise SchemaError.many(checker.problems)
    return result


def _present(value) -> bool:
    return bool(value.strip()) if isinstance(value, str) else value is not None

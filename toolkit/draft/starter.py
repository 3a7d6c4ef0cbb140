"""Writes the commented starter YAML of a report kind, from its manifest alone."""

from __future__ import annotations

import yaml

from toolkit.draft.kinds import Kind
from toolkit.draft.loader import Map, Seq
from toolkit.draft.schema import TYPES, FieldSpec


def _plain(value):
    if isinstance(value, Map):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Seq):
        return [_plain(v) for v in value]
    return str(value)


def _dump(name: str, value, indent: int) -> list[str]:
    text = yaml.safe_dump({name: _plain(value)}, allow_unicode=True, sort_keys=False,
                          width=1000, default_flow_style=False, indent=2)
    pad = " " * indent
    return [pad + line for line in text.rstrip("\n").split("\n")]


def _comment(spec: FieldSpec, indent: int) -> list[str]:
    pad = " " * indent
    words = [TYPES[spec.type]]
    if spec.required:
        words.append("必填")
    if spec.choices:
        words.append("可选：" + "、".join(spec.choices))
    if spec.default not in (None, ""):
        words.append(f"默认：{spec.default}")
    lines = [f"{pad}# {spec.name}（{'，'.join(words)}）"]
    if spec.help:
        lines.append(f"{pad}# {spec.help}")
    return lines


def _field(spec: FieldSpec, indent: int) -> list[str]:
    lines = _comment(spec, indent)
    pad = " " * indent
    if spec.type == "部分" and spec.fields:
        lines.append(f"{pad}{spec.name}:")
        for sub in spec.fields:
            lines.extend(_field(sub, indent + 2))
        return lines
    if spec.example is not None:
        lines.extend(_dump(spec.name, spec.example, indent))
    elif spec.default not in (None, ""):
        lines.extend(f"{pad}# " + line.lstrip() for line in _dump(spec.name, spec.default, 0))
    else:
        lines.append(f"{pad}# {spec.name}: ")
    return lines


def starter(kind: Kind, template_dir: str | None = None) -> str:
    """A YAML file a writer fills in: every field, its type, whether it is required, its help."""
    out = [
        f"# {kind.name}：{kind.description}",
        "# 填写方法：冒号前的键不要改，冒号后写内容；每级缩进两个空格；以“#”开头的行是说明。",
        "# 编号（一、（一）1.）、“一是……二是……”和句末标点由 gongwen 自动生成，不必手写。",
        "# 写好后运行：gongwen build 本文件.yaml",
        "",
        f"类型: {kind.name}",
    ]
    if template_dir:
        out += ["# 本单位模板所在的文件夹（相对于本文件）。", f"模板目录: {template_dir}"]
    for spec in kind.fields:
        out.append("")
        out.extend(_field(spec, 0))
    return "\n".join(out) + "\n"

"""The `templates` command: list kinds, show a kind's fields, scaffold a unit template."""

from __future__ import annotations

from pathlib import Path

from toolkit.core.errors import InputError, Place
from toolkit.draft import kinds
from toolkit.draft.schema import TYPES, FieldSpec


def list_kinds(extra: tuple[str, ...] = ()) -> str:
    lines = []
    for name in kinds.kinds(extra):
        kind = kinds.find_kind(name, extra)
        origin = "内置" if kind.folder.parent == kinds.resources.folder("templates") else \
            f"本单位（{kind.folder.parent}）"
        parent = f"，继承“{kind.parent}”" if kind.parent else ""
        lines.append(f"{name}  [{origin}{parent}]  {kind.description}")
    lines.append("运行 gongwen templates show 类型 查看字段；gongwen init --template 类型 文件.yaml 生成起始文件。")
    return "\n".join(lines)


def _field_lines(specs: list[FieldSpec], indent: int = 0) -> list[str]:
    out = []
    pad = "  " * indent
    for spec in specs:
        facts = [TYPES[spec.type]]
        if spec.required:
            facts.append("必填")
        if spec.choices:
            facts.append("可选：" + "、".join(spec.choices))
        if spec.default not in (None, ""):
            facts.append(f"默认：{spec.default}")
        out.append(f"{pad}{spec.name}（{'；'.join(facts)}）")
        if spec.help:
            out.append(f"{pad}    {spec.help}")
        if spec.fields:
            out.extend(_field_lines(spec.fields, indent + 1))
    return out


def show_kind(name: str, extra: tuple[str, ...] = ()) -> str:
    kind = kinds.find_kind(name, extra)
    head = [f"{kind.name}：{kind.description}", f"文种：{kind.doc_type or '（未定）'}"]
    if kind.parent:
        head.append(f"继承：{kind.parent}")
    if kind.one_of:
        head.append("标题：" + "，或".join("＋".join(g) for g in kind.one_of))
    if kind.required_sections:
        head.append("必需部分：" + "、".join(kind.required_sections))
    return "\n".join(head + ["", "字段："] + _field_lines(kind.fields))


_MANIFEST = """# {name}：在“{parent}”的基础上修改的本单位模板。
# 只需写出要改的内容：同名字段会替换“{parent}”中的字段，新字段排在后面。
名称: {name}
继承: {parent}
说明: {description}
字段:
  # 例：把“下一步”的默认标题改为“下月工作安排”。
  - 名称: 下一步
    类型: 部分
    字段:
      - 名称: 标题
        类型: 文本
        默认: 下月工作安排
        说明: 一级标题（编号自动加上）。
"""

_OUTLINE = """{{#- {name}：沿用“{parent}”的提纲，只替换需要改的块。
    “{parent}”的块：{blocks}。
    在块中使用共用宏：{{% import "_shared/macros.j2" as 宏 with context %}}。 -#}}
{{% extends "{prefix}/{parent}/outline.j2" %}}
{{#- 例：在结尾前加一句固定的结束语（删去下面三行即完全沿用）。 -#}}
{{% block 结尾 %}}
{{{{ para("以上汇报，请审阅。") if not 结束语 }}}}
{{{{ super() }}}}
{{% endblock %}}
"""


def _blocks(kind: kinds.Kind) -> str:
    import re

    path = kind.folder / kinds.OUTLINE
    if not path.is_file():
        return "（无）"
    names = re.findall(r"{%-?\s*block\s+(\S+?)\s*-?%}", path.read_text(encoding="utf-8"))
    return "、".join(names) or "（无）"


def new_kind(name: str, parent: str, folder: str, extra: tuple[str, ...] = ()) -> Path:
    """Scaffold DIR/NAME/{manifest.yaml, outline.j2} extending `parent`."""
    from toolkit.core.output import write_text

    base = kinds.find_kind(parent, extra)
    if not name or any(c in name for c in '/\\:*?"<>|') or name.startswith("."):
        raise InputError(f"模板名称“{name}”不能用作文件夹名。", None, "请用中文名称，如“本单位月报”。")
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise InputError("模板位置是一个文件，不是文件夹。", Place(folder))
    try:
        root.mkdir(parents=True, exist_ok=True)  # “--dir 模板/” as the README shows it
    except OSError as exc:
        raise InputError(f"无法创建模板文件夹：{exc.strerror or exc}", Place(folder)) from None
    target = root / name
    if target.exists():
        raise InputError("这个模板已经存在，未覆盖。", Place(str(target)))
    builtin = base.folder.parent == kinds.resources.folder("templates")
    target.mkdir()
    write_text(target / kinds.MANIFEST, _MANIFEST.format(
        name=name, parent=base.name, description=f"本单位的{base.name}"))
    write_text(target / kinds.OUTLINE, _OUTLINE.format(
        name=name, parent=base.name, blocks=_blocks(base),
        prefix=kinds.BUILTIN_PREFIX if builtin else "").replace('"/', '"'))
    return target

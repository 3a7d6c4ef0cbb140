"""Every built-in report kind: its example builds to the golden text and DOCX, its starter builds."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from conftest import CASES, REFERENCE_YAML, ROOT

from toolkit.draft import kinds as templating

KINDS = templating.kinds()
EXAMPLES = ROOT / "configs" / "examples"
# The default kind's example is the reference report; its text golden is written by hand
# (tests/cases/reference/README.md), so it is compared, never refreshed.
SPECIAL = {templating.DEFAULT_KIND: (REFERENCE_YAML, CASES / "reference")}
HAND_WRITTEN = {CASES / "reference" / "expected.txt"}
LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、(.+)$")


def example_and_case(kind: str) -> tuple[Path, Path]:
    return SPECIAL.get(kind, (EXAMPLES / f"{kind}.yaml", CASES / "kinds" / kind))


def build(cli, src: Path, folder: Path, name: str = "out") -> tuple[str, Path]:
    """Run `gongwen build SRC -o NAME.docx --text NAME.txt` in `folder`; the text and the DOCX."""
    result = cli("build", str(src), "-o", f"{name}.docx", "--text", f"{name}.txt", cwd=folder)
    assert result.code == 0, result.err
    return (folder / f"{name}.txt").read_text(encoding="utf-8"), folder / f"{name}.docx"


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every non-empty paragraph of a DOCX, as a reader's Word shows them."""
    return [(p.style.name, p.text.replace("\n", "")) for p in docx.Document(path).paragraphs
            if p.text.strip()]


def section_headings(kind: templating.Kind) -> list[str]:
    """The default level-1 heading of each required section (its 标题 field's 默认)."""
    specs = {s.name: s for s in kind.fields}
    headings = []
    for name in kind.required_sections:
        title = next(f for f in specs[name].fields if f.name == "标题")
        headings.append(str(title.default))
    return headings


def test_the_built_in_kinds():
    assert set(KINDS) >= {"工作情况汇报", "工作总结", "述职报告", "情况报告", "调研报告"}


@pytest.mark.parametrize("kind", KINDS)
def test_example_matches_goldens(kind, tmp_path, cli, golden, request):
    src, case = example_and_case(kind)
    assert src.is_file(), f"built-in kind {kind} has no example {src.relative_to(ROOT)}"
    if request.config.getoption("--update-goldens"):
        case.mkdir(parents=True, exist_ok=True)
    text, out = build(cli, src, tmp_path)
    from toolkit.docx.dump import dump

    for path, actual in ((case / "expected.txt", text), (case / "expected.docx.txt", dump(out))):
        if path in HAND_WRITTEN:
            assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"
        else:
            golden(path, actual)


@pytest.mark.parametrize("kind", [k for k in KINDS if k not in SPECIAL])
def test_example_fills_every_required_section_and_keeps_to_the_standards(kind, tmp_path, cli):
    from toolkit.draft.pipeline import draft_file

    src, _ = example_and_case(kind)
    drafted = draft_file(src)
    assert drafted.kind.name == kind
    for name in drafted.kind.required_sections:
        section = drafted.values[name]
        assert any(section.get(k) for k in ("导语", "分组", "条目")), f"{kind}: {name} is empty"
    text, _ = build(cli, src, tmp_path)
    assert 1500 <= len(text.replace("\n", "")) <= 3000
    assert not re.search(r"XX|××|[,:;()?!\[\]]", text), "placeholders or half-width marks"


@pytest.mark.parametrize("kind", KINDS)
def test_starter_builds_with_every_required_section(kind, tmp_path, cli):
    result = cli("init", "--template", kind, "x.yaml", cwd=tmp_path)
    assert result.code == 0, result.err
    starter = (tmp_path / "x.yaml").read_text(encoding="utf-8")
    assert f"类型: {kind}" in starter
    text, _ = build(cli, tmp_path / "x.yaml", tmp_path)
    headings = [m.group(1) for m in map(LEVEL1.match, text.splitlines()) if m]
    found = templating.find_kind(kind)
    assert found.required_sections
    for heading in section_headings(found):
        assert heading in headings, f"{kind}: starter lacks the section {heading}"


@pytest.mark.parametrize("kind", KINDS)
def test_required_sections_are_section_fields_with_a_default_heading(kind):
    found = templating.find_kind(kind)
    specs = {s.name: s for s in found.fields}
    for name in found.required_sections:
        assert specs[name].type == "部分", name
        title = [f for f in specs[name].fields if f.name == "标题"]
        assert title and title[0].default, f"{kind}.{name} needs a default 标题"


def _fields(specs, prefix=""):
    for spec in specs:
        yield prefix + spec.name, spec
        yield from _fields(spec.fields, prefix + spec.name + ".")


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_explains_itself(kind):
    found = templating.find_kind(kind)
    assert found.description and found.doc_type
    missing = [name for name, spec in _fields(found.fields) if not spec.help.strip()]
    assert not missing, f"{kind}: fields without 说明: {missing}"


# -- 情况报告: a formal upward 报告 (条例 第八条, 第九条; GB/T 9704 7.3.2, 7.3.4–7.3.6) -----------

def _check_formal_report(paras: list[tuple[str, str]], recipient: str) -> None:
    """Title “……的报告”, 主送机关 with “：”, body ending “特此报告。”, then 附件说明, 署名, 日期, 附注."""
    styles = [s for s, _ in paras]
    assert styles[0] == "Title" and paras[0][1].endswith("的报告")
    assert paras[1] == ("Salutation", recipient + "：")
    last_body = max(i for i, s in enumerate(styles) if s == "Normal")
    assert paras[last_body][1] == "特此报告。"
    closing = ",".join(styles[last_body + 1:])
    assert re.fullmatch(r"(Attachment,)*Signature,Date(,Note)?", closing), closing


def test_situation_report_example_is_a_formal_report(tmp_path, cli):
    _, out = build(cli, EXAMPLES / "情况报告.yaml", tmp_path)
    paras = paragraphs(out)
    _check_formal_report(paras, "区委、区政府")
    assert paras[0][1] == "青山区应急管理局关于2026年主汛期防汛工作情况的报告"
    assert [t for s, t in paras if s == "Attachment"][0].startswith("附件：1.")
    assert paras[-1] == ("Note", "（联系人：王静；联系电话：0571-86091234）")


def test_situation_report_starter_is_a_formal_report(tmp_path, cli):
    assert cli("init", "--template", "情况报告", "x.yaml", cwd=tmp_path).code == 0
    _, out = build(cli, tmp_path / "x.yaml", tmp_path)
    _check_formal_report(paragraphs(out), "青山区人民政府")


MINIMAL_REPORT = "类型: 情况报告\n单位: 青山区应急管理局\n主送机关: 区政府\n落款: 青山区应急管理局\n日期: 2026-7-1\n"


def _text(tmp_path, cli, yaml_text: str) -> list[str]:
    (tmp_path / "r.yaml").write_text(yaml_text, encoding="utf-8")
    result = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 0, result.err
    return (tmp_path / "r.txt").read_text(encoding="utf-8").splitlines()


def test_situation_report_closing_is_overridable_and_note_is_bracketed_once(tmp_path, cli):
    lines = _text(tmp_path, cli, MINIMAL_REPORT + "事由: 关于汛期值班情况\n开头: 现将有关情况报告如下。\n"
                  "结束语: 专此报告。\n附注: （联系人：王静）\n")
    assert lines == ["青山区应急管理局关于汛期值班情况的报告", "区政府：", "现将有关情况报告如下。",
                     "专此报告。", "青山区应急管理局", "2026年7月1日", "（联系人：王静）"]


def test_situation_report_requires_recipient_issuer_and_date(tmp_path, cli):
    (tmp_path / "r.yaml").write_text("类型: 情况报告\n单位: 青山区应急管理局\n事由: 汛期值班情况\n",
                                     encoding="utf-8")
    result = cli("build", "r.yaml", cwd=tmp_path)
    assert result.code == 2
    for key in ("主送机关", "落款", "日期"):
        assert f"缺少必填的“{key}”" in result.err


@pytest.mark.parametrize("yaml_text, first_lines", [
    ("类型: 工作总结\n年度: 2026\n", ["2026年工作总结"]),
    ("类型: 工作总结\n单位: 青山区应急管理局\n年度: 2026年\n期间: 第一季度\n事项: 安全生产\n",
     ["青山区应急管理局2026年第一季度安全生产工作总结"]),
    ("类型: 述职报告\n", ["述职报告"]),
    ("类型: 述职报告\n年度: 2026\n职务: 青山区应急管理局局长\n述职人: 张明远\n",
     ["2026年度述职报告", "青山区应急管理局局长\u3000张明远"]),
    ("类型: 述职报告\n单位: 青山区应急管理局领导班子\n年度: 2026年度\n",
     ["青山区应急管理局领导班子2026年度述职报告"]),
    ("类型: 调研报告\n事由: 小微企业安全生产状况\n调研组: 青山区应急管理局调研组\n",
     ["关于小微企业安全生产状况的调研报告", "青山区应急管理局调研组"]),
    ("类型: 调研报告\n单位: 青山区应急管理局\n事由: 关于小微企业安全生产状况\n",
     ["青山区应急管理局关于小微企业安全生产状况的调研报告"]),
])
def test_titles_are_composed_from_their_parts(tmp_path, cli, yaml_text, first_lines):
    assert _text(tmp_path, cli, yaml_text)[:len(first_lines)] == first_lines


def test_level_two_entries_are_headings_with_their_text_below(tmp_path, cli):
    """（一） entries stand alone in 楷体 and their text follows as a body paragraph."""
    lines = _text(tmp_path, cli, "类型: 调研报告\n事由: 充电安全\n建议:\n  条目:\n"
                  "    - 标题: 补齐设施短板\n      内容: 新建充电车棚。\n"
                  "    - 标题: 强化宣传执法\n      分项方式: 分段\n      分项:\n"
                  "        - 抓宣传。开展警示教育\n        - 抓执法。依法查处\n")
    assert lines[1:] == ["一、对策建议", "（一）补齐设施短板", "新建充电车棚。", "（二）强化宣传执法",
                         "一是抓宣传。开展警示教育。", "二是抓执法。依法查处。"]


def test_extra_sections_go_where_asked(tmp_path, cli):
    lines = _text(tmp_path, cli, MINIMAL_REPORT + "事由: 汛期值班情况\n"
                  "问题:\n  条目: [值班力量不足。部分街道仅1人值守]\n"
                  "下一步:\n  条目: [充实值班力量。每个街道不少于2人]\n"
                  "其他部分:\n  - 标题: 原因分析\n    位置: 问题之后\n    导语: 主要是人员编制偏紧。\n")
    headings = [line for line in lines if LEVEL1.match(line)]
    assert headings == ["一、存在的问题", "二、原因分析", "三、下一步工作打算"]

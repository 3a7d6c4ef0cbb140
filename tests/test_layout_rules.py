"""Layout (D) rules: what the toolkit builds passes them, what a plain python-docx file deserves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import REFERENCE_YAML, ROOT

from toolkit.check.engine import run
from toolkit.check.rules import all_rules
from toolkit.check.rules.layout import chars_per_line, lines_per_page
from toolkit.docx import existing, ooxml
from toolkit.docx.formatting import Layout
from toolkit.intake.inputs import read_input

EXAMPLES = sorted((ROOT / "configs" / "examples").glob("*.yaml"))
VARIANTS = ("gbt9704-fangsong", "gbt9704-28pt", "gbt9704-bold", "gbt9704-center-number")
D_RULES = [r for r in all_rules() if r.code.startswith("D")]


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path_factory.getbasetemp() / "cache"))


def d_codes(cli, *args) -> list[str]:
    result = cli("check", "--select", "D", "--format", "json", *args)
    assert result.code in (0, 1), result.err
    return [d["code"] for d in json.loads(result.out)]


def plain_python_docx(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


REPORT = ("关于某某区政务服务工作情况的报告", "区委：",
          "根据会议安排，现将我区“放管服”改革有关情况报告如下。今年全区办理政务服务事项12.5万件。",
          "一、基本情况", "全区上下共同努力，各项工作取得明显成效。")


def test_nineteen_layout_rules_from_d101():
    assert [r.code for r in D_RULES] == [f"D{n}" for n in range(101, 120)]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_kind_passes_as_draft_and_as_built_docx(example, tmp_path, cli):
    built = tmp_path / "built.docx"
    assert cli("build", str(example), "-o", str(built)).code == 0
    assert d_codes(cli, str(example)) == []
    assert d_codes(cli, str(built)) == []


@pytest.mark.parametrize("style", VARIANTS)
def test_each_house_style_is_audited_against_itself(style, tmp_path, cli):
    built = tmp_path / "built.docx"
    assert cli("build", str(REFERENCE_YAML), "--style", style, "-o", str(built)).code == 0
    assert d_codes(cli, "--style", style, str(built)) == []
    assert d_codes(cli, "--style", style, str(REFERENCE_YAML)) == []


@pytest.mark.parametrize("style, code", [("gbt9704-bold", "D113"), ("gbt9704-center-number", "D112"),
                                         ("gbt9704-fangsong", "D117")])
def test_a_standard_build_differs_from_a_house_style(style, code, tmp_path, cli):
    built = tmp_path / "built.docx"
    cli("build", str(REFERENCE_YAML), "-o", str(built))
    assert code in d_codes(cli, "--style", style, str(built))


def test_the_28pt_house_style_fails_the_standards_full_page(tmp_path, cli):
    built = tmp_path / "built.docx"
    cli("build", str(REFERENCE_YAML), "--style", "gbt9704-28pt", "-o", str(built))
    result = cli("check", "--select", "D103", str(built))
    assert result.code == 1
    assert "没有排满" in result.out and "28 磅" in result.out


def test_a_document_saved_by_plain_python_docx_gets_the_findings_it_deserves(tmp_path, cli):
    path = plain_python_docx(tmp_path / "plain.docx", *REPORT)
    # Not set in GB/T 9704 at all: one finding naming what differs (issue 13), not a dozen
    assert d_codes(cli, str(path)) == ["D119"]
    summary = cli("check", "--select", "D", str(path)).out
    assert "纸张、页边距" in summary and "页码" in summary
    # each aspect is still there when asked for by name
    named = cli("check", "--select", ",".join(f"D1{n:02d}" for n in range(1, 19)), "--format", "json",
                str(path))
    codes = {d["code"] for d in json.loads(named.out)}
    deserved = {"D101", "D102", "D103", "D104", "D105", "D106", "D107", "D108", "D109", "D110",
                "D113", "D114", "D118"}
    assert deserved <= codes, deserved - codes
    assert not {"D115", "D116"} & codes  # no tables; python-docx writes valid XML
    result = cli("check", "--select", "D101,D105,D107,D108", str(path))
    assert "Letter" in result.out and "A4" in result.out
    # Its East Asian face comes from the theme, resolved for themeFontLang ja-JP.
    assert "主题字体 minorEastAsia" in result.out and "ＭＳ 明朝" in result.out
    assert "“放管服”" in result.out  # the quote finding shows its paragraph


def test_findings_name_the_paragraph_word_counts(tmp_path, cli):
    """A table before the report shifts Word's paragraph numbers; findings follow them."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
    for text in REPORT:
        document.add_paragraph(text)
    path = tmp_path / "table.docx"
    document.save(str(path))
    result = json.loads(cli("check", "--select", "D109", "--format", "json", str(path)).out)
    # Two table paragraphs, then title (3), salutation (4), body (5): the first unindented body.
    assert [(d["line"], d["code"]) for d in result] == [(5, "D109"), (6, "D109")]


def test_typed_full_width_spaces_count_as_the_indent(tmp_path, cli):
    path = plain_python_docx(tmp_path / "spaces.docx", REPORT[0], REPORT[1],
                             "\u3000\u3000" + REPORT[2], "\u3000\u3000" + REPORT[4])
    assert "D109" not in d_codes(cli, str(path))


def test_a_units_profile_is_audited_against_itself(tmp_path, cli):
    """A profile whose line spacing gives 21 lines breaks its own 22-line promise: the check
    of a draft says so and points at the profile, not at Word."""
    profile = tmp_path / "本单位.yaml"
    profile.write_text("extends: gbt9704\ngrid:\n  line_twips: 600\n", encoding="utf-8")
    result = cli("check", "--select", "D", "--style", str(profile), str(REFERENCE_YAML))
    assert result.code == 1
    assert "D103" in result.out and "每页 21 行，应为 22 行" in result.out
    assert "本单位.yaml" in result.out and "grid.line_twips" in result.out


def test_a_profile_that_moves_the_date_under_the_title_still_passes(tmp_path, cli):
    """The writer moves the date block; the audit pairs paragraphs with blocks by their text."""
    profile = tmp_path / "讲话.yaml"
    profile.write_text("extends: gbt9704\ndate:\n  under_title: true\n", encoding="utf-8")
    for example in (REFERENCE_YAML, ROOT / "configs" / "examples" / "述职报告.yaml"):
        built = tmp_path / "built.docx"
        assert cli("build", str(example), "--style", str(profile), "-o", str(built)).code == 0
        assert d_codes(cli, "--style", str(profile), str(example)) == []
        assert d_codes(cli, "--style", str(profile), str(built)) == []


def test_bad_style_on_check_is_an_input_error(cli):
    result = cli("check", "--style", "没有这个配置", str(REFERENCE_YAML))
    assert result.code == 2 and "没有名为“没有这个配置”的内置样式配置" in result.err


def test_layout_figures_of_a_built_report(tmp_path, cli):
    built = tmp_path / "r.docx"
    cli("build", str(REFERENCE_YAML), "-o", str(built))
    inp = read_input(str(built))
    layout = Layout(existing.OpenDocx(built.read_bytes()), inp.document.blocks, "file")
    lines, pitch, exact, _ = lines_per_page(layout)
    assert (lines, pitch, exact) == (22, 28.95, True)
    chars, advance, size, spacing = chars_per_line(layout)
    assert (chars, advance, size, spacing) == (28, 15.75, 16, -0.25)
    mapped = [p for p in layout.paragraphs if p.block >= 0]
    assert len(mapped) == len(inp.document.blocks)  # every block found its paragraph


def test_theme_fonts_resolve_through_the_theme_part_and_its_language(tmp_path):
    path = plain_python_docx(tmp_path / "theme.docx", "正文")
    data = path.read_bytes()
    package = existing.OpenDocx(data)
    sheet = existing.StyleSheet(package.related(ooxml.DOCUMENT_PART, "styles"),
                              package.related(ooxml.DOCUMENT_PART, "theme"),
                              package.related(ooxml.DOCUMENT_PART, "settings"))
    assert sheet.theme_font("minorEastAsia") == "ＭＳ 明朝"  # themeFontLang eastAsia="ja-JP"
    assert sheet.theme_font("minorHAnsi") == "Cambria"
    sheet.script = "Hans"  # a Chinese Word (themeFontLang zh-CN) reads the Hans script font
    assert sheet.theme_font("minorEastAsia") == "宋体"


def test_rules_describe_their_docx_examples(cli):
    result = cli("rules", "D108")
    assert result.code == 0
    assert "会报告的DOCX" in result.out and "引号所在的文字没有标记为中文" in result.out


def test_d_rules_do_not_fire_without_a_docx():
    doc = read_input(str(REFERENCE_YAML)).document
    assert run(doc, D_RULES) == []  # a text or a draft with no DOCX: nothing to judge


def test_layout_rules_run_only_when_asked_and_leave_python_docx_alone(tmp_path):
    """A text check imports neither python-docx nor lxml; a draft's check (warm cache) parses
    its DOCX with lxml but never imports python-docx."""
    text = tmp_path / "a.txt"
    text.write_text("关于某某区工作情况的报告\n区委：\n现将有关情况报告如下。\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    probe = ("import sys\nfrom toolkit.cli import main\ntry:\n    main(sys.argv[1:])\n"
             "except SystemExit:\n    pass\n"
             "print('\\nMODULES', 'docx' in sys.modules, 'lxml.etree' in sys.modules)")

    def modules(*args) -> str:
        done = subprocess.run([sys.executable, "-c", probe, "check", *args], env=env,
                              capture_output=True, text=True, timeout=120)
        return done.stdout.rpartition("MODULES ")[2].strip()

    assert modules(str(text)) == "False False"
    modules(str(REFERENCE_YAML))  # warms the base DOCX cache
    assert modules(str(REFERENCE_YAML)) == "False True"


def _page_number_in_a_text_box(src: Path, dst: Path) -> None:
    """As WPS saves it: the footer's page number inside a text box, written twice (mc:Choice
    and its mc:Fallback copy), anchored in a paragraph of 9 pt."""
    import re
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/footer"):
                xml = data.decode("utf-8")
                m = re.search(r"<w:p>.*</w:p>", xml, re.S)
                inner = m.group(0)
                box = ('<w:p><w:r><w:rPr><w:sz w:val="18"/></w:rPr><mc:AlternateContent>'
                       '<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/>'
                       '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                       '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
                       'wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>' + inner
                       + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>'
                       '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
                       '<v:textbox><w:txbxContent>' + inner + '</w:txbxContent></v:textbox>'
                       '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
                data = (xml[:m.start()] + box + xml[m.end():]).encode("utf-8")
            zout.writestr(item, data)


def test_a_page_number_in_a_wps_text_box_is_read_once_with_the_box_size(tmp_path, cli):
    built = tmp_path / "built.docx"
    assert cli("build", str(EXAMPLES[0]), "-o", str(built)).code == 0
    wps = tmp_path / "wps.docx"
    _page_number_in_a_text_box(built, wps)
    result = cli("check", "--select", "D", str(wps))
    # before: “奇数页页码写作“— 1 —— 1 —”” (Choice and Fallback both read) and the anchor's size
    assert "D110" not in result.out and "D111" not in result.out, result.out
    assert "Warning" not in result.err

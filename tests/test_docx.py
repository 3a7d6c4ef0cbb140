"""DOCX output in the GB/T 9704-2012 layout: what Word, WPS and a reader of the file would see."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from toolkit.core.document import Block, Document
from toolkit.core.errors import InputError, OutputError
from toolkit.docx import dump as docxdump
from toolkit.docx import profiles as styles
from toolkit.docx import writer as docxwriter
from toolkit.docx.writer import render_docx, write_docx
from toolkit.text.titles import break_title

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG_TITLE = "关于某某区2025年度安全生产和政务服务工作情况的报告"

# ECMA-376 Part 1, CT_PPr and CT_RPr child sequences, written out here independently of the
# writer: Word reports a file with any other order as unreadable.
PPR = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
       "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
       "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
       "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
       "rPr sectPr pPrChange").split()
RPR = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
       "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
       "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()
QUOTES_AND_DASHES = "“”‘’—…"


def report(title: str = "关于某某区政务服务工作的报告") -> Document:
    B = Block
    return Document([
        B("title", title),
        B("salutation", "区委："),
        B("body", "根据会议安排，现将我区“放管服”改革——特别是2025年政务服务工作……有关情况汇报如下。"),
        B("heading", "一、基本情况", level=1, marker="一、"),
        B("heading", "（一）建立三大机制", level=2, marker="（一）"),
        B("heading", "1.健全协调机制。区政府每月召开1次联席会议，研究解决‘堵点’问题。", level=3,
          marker="1.", lead=9),
        B("heading", "2.完善制度", level=3, marker="2."),
        B("heading", "（1）细化分工", level=4, marker="（1）"),
        B("body", "一是强化统筹。成立工作专班，明确责任分工。", series=1, lead=7),
        B("body", "二是压实责任。签订责任书52份。", series=2, lead=7),
        B("attachment", "附件：1.某某区政务服务事项清单"),
        B("attachment", "2.某某区政务服务工作责任分工表"),
        B("signature", "某某区人民政府办公室"),
        B("date", "2026年1月5日"),
    ], unit="某某区人民政府办公室")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    # Bases cached on disk go to a throwaway folder, never the developer's own cache.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def written(tmp_path) -> Path:
    return write_docx(report(LONG_TITLE), tmp_path / "报告.docx")


def parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.startswith("word/") and name.endswith(".xml")}


def style(root, style_id: str):
    return root.find(f"{W}style[@{W}styleId='{style_id}']")


def attr(element, name: str):
    return None if element is None else element.get(W + name)


def local(element) -> str:
    return element.tag.rpartition("}")[2]


# ---------------------------------------------------------------- XML Word would refuse

def test_children_of_every_ppr_and_rpr_are_in_schema_order(written):
    checked = 0
    for name, root in parts(written).items():
        for props in root.iter(W + "pPr", W + "rPr"):
            order = PPR if local(props) == "pPr" else RPR
            ranks = [order.index(local(c)) for c in props]  # an unknown child fails here too
            assert ranks == sorted(ranks), f"{name}: {[local(c) for c in props]}"
            checked += 1
    assert checked > 40


def test_every_named_font_sets_the_east_asian_slot_and_no_theme_font_is_left(written):
    xml = parts(written)
    fonts = [f for root in xml.values() for f in root.iter(W + "rFonts")]
    named = [f for f in fonts if attr(f, "ascii") or attr(f, "hAnsi") or attr(f, "eastAsia")]
    assert named and all(attr(f, "eastAsia") for f in named)
    for f in fonts:
        assert not {"asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"} & {
            k.rpartition("}")[2] for k in f.attrib}
    styles_xml = xml["word/styles.xml"]
    defaults = styles_xml.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert attr(defaults, "eastAsia") == "仿宋_GB2312"
    assert attr(defaults, "ascii") == "Times New Roman"
    lang = styles_xml.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert attr(lang, "eastAsia") == "zh-CN"
    expected = {"Normal": "仿宋_GB2312", "Title": "方正小标宋简体", "Heading1": "黑体",
                "Heading2": "楷体_GB2312", "Heading3": "仿宋_GB2312", "Heading4": "仿宋_GB2312",
                "RunInHeading3": "仿宋_GB2312", "Footer": "宋体"}
    for style_id, face in expected.items():
        rfonts = style(styles_xml, style_id).find(f"{W}rPr/{W}rFonts")
        assert attr(rfonts, "eastAsia") == face, style_id
        assert attr(rfonts, "ascii") == ("宋体" if style_id == "Footer" else "Times New Roman")


def test_runs_with_chinese_quotes_and_dashes_are_hinted_east_asian(written):
    runs = [r for root in parts(written).values() for r in root.iter(W + "r")]
    def text(r):
        return "".join(t.text or "" for t in r.iter(W + "t"))

    quoted = [r for r in runs if any(ch in text(r) for ch in QUOTES_AND_DASHES)]
    assert len(quoted) >= 4  # body “” —— ……, run-in ‘’, both footers
    for r in quoted:
        assert attr(r.find(f"{W}rPr/{W}rFonts"), "hint") == "eastAsia"


# ---------------------------------------------------------------- the page and its grid

def test_page_is_a4_with_gbt9704_margins_and_a_22_line_grid(written):
    section = docx.Document(str(written)).sections[0]
    for length, mm in ((section.page_width, 210), (section.page_height, 297),
                       (section.top_margin, 37), (section.bottom_margin, 35),
                       (section.left_margin, 28), (section.right_margin, 26),
                       (section.footer_distance, 25.2)):
        assert abs(length.mm - mm) <= 0.1
    grid = parts(written)["word/document.xml"].find(f"{W}body/{W}sectPr/{W}docGrid")
    assert (attr(grid, "type"), attr(grid, "linePitch")) == ("lines", "579")


def test_normal_has_exact_lines_no_widow_control_and_condensed_characters(written):
    normal = style(parts(written)["word/styles.xml"], "Normal")
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (attr(spacing, "line"), attr(spacing, "lineRule")) == ("579", "exact")
    assert attr(normal.find(f"{W}pPr/{W}widowControl"), "val") == "0"
    assert attr(normal.find(f"{W}rPr/{W}spacing"), "val") == "-5"
    ind = normal.find(f"{W}pPr/{W}ind")
    assert (attr(ind, "firstLineChars"), attr(ind, "firstLine")) == ("200", "640")
    # No body style undoes the grid with a line spacing of its own; the footer is off the grid,
    # single-spaced, so that it fits below the 版心 without taking a body line.
    xml = parts(written)["word/styles.xml"]
    lines = {attr(s, "line") for st in xml.iter(W + "style") if attr(st, "styleId") != "Footer"
             for s in st.iter(W + "spacing") if attr(s, "line")}
    assert lines == {"579"}
    footer = style(xml, "Footer").find(f"{W}pPr")
    assert attr(footer.find(f"{W}snapToGrid"), "val") == "0"
    assert attr(footer.find(f"{W}spacing"), "lineRule") == "auto"


def test_odd_and_even_footers_carry_a_page_field_between_dashes(written):
    document = docx.Document(str(written))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    seen = {}
    for label, footer in (("odd", section.footer), ("even", section.even_page_footer)):
        assert not footer.is_linked_to_previous
        (p,) = footer.paragraphs
        element = p._p
        assert [attr(f, "fldCharType") for f in element.iter(W + "fldChar")] == [
            "begin", "separate", "end"]
        assert "".join(t.text for t in element.iter(W + "instrText")).strip() == "PAGE"
        texts = [t.text for t in element.iter(W + "t")]
        assert texts[0] == "— " and texts[-1] == " —"
        ind = element.find(f"{W}pPr/{W}ind")
        seen[label] = (attr(element.find(f"{W}pPr/{W}jc"), "val"), attr(ind, "left"),
                       attr(ind, "right"))
    assert seen == {"odd": ("right", "0", "280"), "even": ("left", "280", "0")}


# ---------------------------------------------------------------- blocks on the page

def test_title_is_centred_22pt_one_paragraph_broken_into_lines(written):
    xml = parts(written)
    title_style = style(xml["word/styles.xml"], "Title")
    assert attr(title_style.find(f"{W}pPr/{W}jc"), "val") == "center"
    assert attr(title_style.find(f"{W}pPr/{W}snapToGrid"), "val") == "0"
    assert attr(title_style.find(f"{W}rPr/{W}sz"), "val") == "44"
    first = xml["word/document.xml"].find(f"{W}body/{W}p")
    assert attr(first.find(f"{W}pPr/{W}pStyle"), "val") == "Title"
    lines = break_title(LONG_TITLE, 18)
    assert len(lines) >= 2
    assert len(first.findall(f".//{W}br")) == len(lines) - 1
    assert [t.text for t in first.iter(W + "t")] == lines


def test_run_in_heading_keeps_its_title_in_the_heading_face_and_the_rest_in_body_face(written):
    document = docx.Document(str(written))
    p = next(p for p in document.paragraphs if p.text.startswith("1.健全"))
    assert p.style.name == "Normal"
    lead, rest = p.runs
    assert lead.text == "1.健全协调机制。" and lead.style.name == "Run-in Heading 3"
    assert rest.text.startswith("区政府") and rest.style.name == "Default Paragraph Font"
    series = next(p for p in document.paragraphs if p.text.startswith("一是"))
    assert series.runs[0].text == "一是强化统筹。" and series.runs[0].style.name == "Series Lead"


def test_salutation_is_flush_left_and_signature_and_date_follow_7_3_5_2(written):
    document = docx.Document(str(written))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    salutation = paragraphs[texts.index("区委：")]
    assert salutation.style.name == "Salutation"
    ind = style(parts(written)["word/styles.xml"], "Salutation").find(f"{W}pPr/{W}ind")
    assert (attr(ind, "firstLineChars"), attr(ind, "firstLine")) == ("0", "0")
    assert texts[texts.index("区委：") - 1] == ""  # one line below the title
    s = texts.index("某某区人民政府办公室")
    assert texts[s - 1] == "" and texts[s - 2] != ""  # one blank line, not two
    assert texts[s + 1] == "2026年1月5日"
    sig, date = paragraphs[s], paragraphs[s + 1]
    assert sig.style.paragraph_format.alignment == 2  # right
    full = 320 - 5  # twips of a character of 三号, condensed 0.25 pt
    line = 11906 - 1587 - 1474  # A4 width less the margins, in twips
    sig_right = sig.paragraph_format.right_indent.twips
    assert sig_right == 2 * full  # 右空二字
    sig_start = line - sig_right - 10 * full
    # The date is set flush left from its first character: exact whatever digits measure.
    assert date.paragraph_format.alignment == 0
    assert date.paragraph_format.left_indent.twips - sig_start == 2 * full  # 右移二字


def test_a_date_longer_than_the_signature_stands_two_characters_in_and_moves_it_left(tmp_path):
    doc = Document([Block("body", "正文。"), Block("signature", "某某局"),
                    Block("date", "2026年12月25日")])
    paragraphs = docx.Document(str(write_docx(doc, tmp_path / "a.docx"))).paragraphs
    sig, date = paragraphs[-2].paragraph_format, paragraphs[-1].paragraph_format
    full, digit = 315, 155
    assert date.right_indent.twips == 2 * full
    sig_start = -(sig.right_indent.twips + 3 * full)
    date_start = -(date.right_indent.twips + 8 * digit + 3 * full)
    assert date_start - sig_start == 2 * full


def test_the_closing_is_kept_with_the_last_body_text(written):
    """GB/T 9704-2012 7.3.5, 7.3.7: 署名 and 日期 never stand alone on a page. keepNext on the
    last body paragraph, the blank lines, the 附件说明 lines and the 署名 (CT_PPr order is
    checked by the schema-order test); nowhere else."""
    paragraphs = list(parts(written)["word/document.xml"].iter(W + "p"))
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in paragraphs]
    kept = [p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs]
    last_body = texts.index("二是压实责任。签订责任书52份。")
    assert kept[last_body:] == [True] * (len(texts) - last_body - 1) + [False]
    assert not any(kept[:last_body])
    assert texts[-2:] == ["某某区人民政府办公室", "2026年1月5日"]
    assert "" in texts[last_body:]  # the blank lines are among the kept


def test_without_a_closing_nothing_is_kept_with_the_next(tmp_path):
    doc = Document([Block("title", "关于某事的报告"), Block("body", "正文。"),
                    Block("note", "（此件公开发布）")])
    xml = parts(write_docx(doc, tmp_path / "a.docx"))["word/document.xml"]
    assert not list(xml.iter(W + "keepNext"))


def _closing(path):
    paragraphs = docx.Document(str(path)).paragraphs
    return paragraphs[-2].paragraph_format, paragraphs[-1].paragraph_format


def test_sealed_profile_sets_the_date_four_characters_in_and_centres_the_signature_over_it(
        tmp_path):
    """GB/T 9704-2012 7.3.5.1: 成文日期右空四字; 署名 centred on the date (以成文日期为准居中)."""
    profile = styles.load_profile("gbt9704-sealed")
    assert profile.signature.sealed and not styles.builtin().signature.sealed
    assert profile.basis("signature.sealed").startswith("GB/T 9704-2012 7.3.5.1")
    doc = Document([Block("body", "正文。"), Block("signature", "某某区应急管理局"),
                    Block("date", "2026年1月5日")])
    out = write_docx(doc, tmp_path / "s.docx", profile)
    sig, date = _closing(out)
    full, digit = 315, 155  # 三号 condensed 0.25 pt: a character, a Times New Roman digit
    line = 11906 - 1587 - 1474
    date_width = 3 * full + 6 * digit  # 年 月 日 and the digits 2026 1 5
    sig_width = 8 * full
    # Both centred between the same indents: their centres meet in any renderer.
    assert sig.alignment == date.alignment == 1  # center
    assert (sig.left_indent, sig.right_indent) == (date.left_indent, date.right_indent)
    centre = (date.left_indent.twips + line - date.right_indent.twips) / 2
    assert abs(line - (centre + date_width / 2) - 4 * full) <= 1  # 右空四字
    assert abs(line - (centre + sig_width / 2) - (4 * full + (date_width - sig_width) / 2)) <= 1
    # two blank lines above, for the seal
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[-4:-2] == ["", ""] and texts[-5] == "正文。"


def test_sealed_a_long_signature_stands_two_characters_in_and_the_date_is_centred_under_it(
        tmp_path):
    doc = Document([Block("body", "正文。"), Block("signature", "某某市某某区人民政府办公室综合科"),
                    Block("date", "2026年1月5日")])
    sig, date = _closing(write_docx(doc, tmp_path / "s.docx", "gbt9704-sealed"))
    full, line = 315, 11906 - 1587 - 1474
    sig_width = 16 * full  # 16 characters
    centre = (sig.left_indent.twips + line - sig.right_indent.twips) / 2
    assert abs(line - (centre + sig_width / 2) - 2 * full) <= 1  # 署名右空二字
    assert (sig.left_indent, sig.right_indent, sig.alignment) == (
        date.left_indent, date.right_indent, date.alignment)


def test_sealed_a_date_without_a_signature_stands_four_characters_in(tmp_path):
    doc = Document([Block("body", "正文。"), Block("date", "2026年1月5日")])
    date = docx.Document(str(write_docx(doc, tmp_path / "s.docx", "gbt9704-sealed"))
                         ).paragraphs[-1].paragraph_format
    assert date.alignment == 2 and date.right_indent.twips == 4 * 315


def test_attachments_are_two_characters_in_and_further_numbers_stand_under_the_first(written):
    paragraphs = [p for p in docx.Document(str(written)).paragraphs if p.style.name == "Attachment"]
    first, second = (p.paragraph_format for p in paragraphs)
    full = 315
    # first_line_indent is negative for a hanging indent: the line starts at left + first.
    first_start = first.left_indent.twips + first.first_line_indent.twips
    second_start = second.left_indent.twips + second.first_line_indent.twips
    assert first_start == 2 * full
    assert second_start == first_start + 3 * full  # under “1.”, after “附件：”
    assert first.left_indent.twips == second.left_indent.twips  # names wrap under one column
    blank = docx.Document(str(written)).paragraphs
    index = [p.text for p in blank].index(paragraphs[0].text)
    assert blank[index - 1].text == ""


def test_core_properties_name_the_report_and_its_unit(written):
    core = docx.Document(str(written)).core_properties
    assert core.title == LONG_TITLE
    assert core.author == "某某区人民政府办公室"
    assert core.created is not None


def test_reading_back_gives_the_paragraph_texts(written):
    texts = [p.text.replace("\n", "") for p in docx.Document(str(written)).paragraphs]
    assert [t for t in texts if t] == [b.text for b in report(LONG_TITLE).blocks]


def test_render_docx_gives_a_file_python_docx_reads():
    import io

    data = render_docx(report())
    assert data[:2] == b"PK"
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == report().title


# ---------------------------------------------------------------- writing safely

def test_a_failure_while_writing_leaves_the_previous_file_and_no_temporary_file(tmp_path,
                                                                               monkeypatch):
    target = tmp_path / "报告.docx"
    write_docx(report(), target)
    before = target.read_bytes()
    bad = report()
    bad.blocks[2] = Block("body", "含有控制字符\x07的段落。")
    with pytest.raises(InputError) as caught:
        write_docx(bad, target)
    assert "控制字符" in caught.value.message
    assert target.read_bytes() == before

    from toolkit.docx import ooxml

    def half_then_fail(self, handle, paragraphs, core, when=None):
        handle.write(b"PK\x03\x04 half a zip")
        raise RuntimeError("disk went away")

    monkeypatch.setattr(ooxml.Package, "write", half_then_fail)
    with pytest.raises(RuntimeError):
        write_docx(report(), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx"]


def test_a_missing_folder_or_a_file_in_place_of_a_folder_is_an_output_error(tmp_path):
    with pytest.raises(OutputError):
        write_docx(report(), tmp_path / "没有这个文件夹" / "报告.docx")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        write_docx(report(), tmp_path / "file" / "报告.docx")


# ---------------------------------------------------------------- style profiles

def test_the_shipped_profile_gives_a_basis_for_every_value():
    profile = styles.builtin()
    assert profile is styles.load_profile() is styles.load_profile("gbt9704")
    assert len(profile.bases) > 100
    for key, basis in profile.bases.items():
        assert basis.startswith(("GB/T 9704-2012", "practice")), key
    assert profile.page.top_mm == 37 and profile.grid.line_twips == 579
    assert profile.title.max_line_chars == 18 and profile.heading3.bold is False


def test_warm_builds_do_not_read_the_profile_again(tmp_path, monkeypatch):
    write_docx(report(), tmp_path / "a.docx")
    import toolkit.core.sources

    def refuse(*args, **kwargs):
        raise AssertionError("profile read again")

    monkeypatch.setattr(toolkit.core.sources, "read_text", refuse)
    write_docx(report(), tmp_path / "b.docx")


def test_a_unit_profile_extends_the_shipped_one_and_changes_what_it_names(tmp_path):
    path = tmp_path / "本单位.yaml"
    path.write_text("extends: gbt9704\n"
                    "heading3: {bold: {value: true, basis: 本单位惯例}}\n"
                    "heading3_lead:\n  bold: true\n"
                    "page_number: {size_pt: 12}\n", encoding="utf-8")
    profile = styles.load_profile(path)
    assert profile.heading3.bold and profile.heading3_lead.bold
    assert profile.heading3.font == "仿宋_GB2312"  # kept from gbt9704
    assert profile.basis("heading3.bold") == "本单位惯例"
    assert profile.basis("page_number.size_pt").endswith("本单位.yaml")
    assert profile.basis("page_number.font").startswith("GB/T 9704-2012")
    out = write_docx(report(), tmp_path / "r.docx", profile)
    xml = parts(out)["word/styles.xml"]
    assert style(xml, "RunInHeading3").find(f"{W}rPr/{W}b").get(W + "val") is None  # bold on
    assert style(xml, "Footer").find(f"{W}rPr/{W}sz").get(W + "val") == "24"


@pytest.mark.parametrize("text, words", [
    ("extends: gbt9704\ntitel: {size_pt: 20}\n", ["未知的键“titel”", "title"]),
    ("extends: gbt9704\ntitle: {size_pt: 大}\n", ["title.size_pt", "数字"]),
    ("extends: gbt9704\ntitle: {align: middle}\n", ["title.align", "center"]),
    ("extends: gbt9704\ngrid: {lines: {value: 22, basis: x, source: y}}\n", ["未知的键“source”"]),
    ("extends: gbt9704\ntitle: {size_pt: 0, font: ''}\n", ["应大于 0", "不能为空"]),
    ("extends: 没有这个\n", ["没有这个", "不存在"]),
    ("page: {top_mm: 37}\n", ["缺少设置"]),
])
def test_profile_mistakes_are_input_errors_naming_the_file(tmp_path, text, words):
    path = tmp_path / "坏.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        styles.load_profile(path)
    problems = caught.value.problems
    message = " ".join(p.message + p.hint for p in problems)
    for word in words:
        assert word in message
    assert any(p.place and p.place.path == str(path) for p in problems)


def test_a_base_cached_on_disk_is_used_and_a_damaged_one_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(docxwriter, "_bases", {})
    write_docx(report(), tmp_path / "a.docx")
    (cached,) = (tmp_path / "cache" / "gongwen" / "docx").glob("base-*.docx")
    cached.write_bytes(b"not a zip")
    monkeypatch.setattr(docxwriter, "_bases", {})
    write_docx(report(), tmp_path / "b.docx")
    assert docxdump.dump(tmp_path / "a.docx") == docxdump.dump(tmp_path / "b.docx")
    assert zipfile.is_zipfile(cached)


# ---------------------------------------------------------------- the dump used by goldens

def test_dump_shows_page_footers_and_one_line_a_paragraph(tmp_path):
    path = write_docx(report(), tmp_path / "r.docx")
    text = docxdump.dump(path)
    assert text == docxdump.dump(path)
    head, body = text.split("paragraphs:\n")
    assert "page 210.0 x 297.0 mm; margins top 37.0 bottom 35.0 left 28.0 right 26.0 mm" in head
    assert "grid: linePitch=579 type=lines" in head
    assert ("footer odd/default: footer | 宋体/宋体 14pt | right | first=0 right=280tw"
            " | — {PAGE} —") in head
    assert "footer even: footer | 宋体/宋体 14pt | left | first=0 left=280tw | — {PAGE} —" in head
    assert "evenAndOddHeaders: yes" in head
    assert "normal: line=579 exact; widowControl=off; charSpacing=-5" in head
    lines = [re.sub(r"^\d{3} ", "", line) for line in body.splitlines()]
    assert lines == [
        "Title | 方正小标宋简体/Times New Roman 22pt | center | first=0 | 关于某某区政务服务工作的报告",
        "Normal | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | (empty)",
        "Salutation | 仿宋_GB2312/Times New Roman 16pt | left | first=0 | 区委：",
        "Normal | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | "
        "根据会议安排，现将我区“放管服”改革——特别是2025年政务服务工作……有关情况汇报如下。",
        "heading 1 | 黑体/Times New Roman 16pt | justify | first=2ch | 一、基本情况",
        "heading 2 | 楷体_GB2312/Times New Roman 16pt | justify | first=2ch | （一）建立三大机制",
        "Normal | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | "
        "1.健全协调机制。区政府每月召开1次联席会议，研究解决‘堵点’问题。",
        "heading 3 | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | 2.完善制度",
        "heading 4 | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | （1）细化分工",
        "Normal | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | 一是强化统筹。成立工作专班，明确责任分工。",
        "Normal | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | 二是压实责任。签订责任书52份。",
        "Normal | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | (empty)",
        "Attachment | 仿宋_GB2312/Times New Roman 16pt | left | hanging=1175tw left=1805tw | "
        "附件：1.某某区政务服务事项清单",
        "Attachment | 仿宋_GB2312/Times New Roman 16pt | left | hanging=230tw left=1805tw | "
        "2.某某区政务服务工作责任分工表",
        "Normal | 仿宋_GB2312/Times New Roman 16pt | justify | first=2ch | (empty)",
        "Signature | 仿宋_GB2312/Times New Roman 16pt | right | first=0 right=630tw | 某某区人民政府办公室",
        "Date | 仿宋_GB2312/Times New Roman 16pt | left | first=0 left=5695tw | 2026年1月5日",
    ]


def test_dump_shows_a_bold_run_in_title_as_its_own_segment(tmp_path):
    path = tmp_path / "粗.yaml"
    path.write_text("extends: gbt9704\nheading3_lead: {bold: true}\n", encoding="utf-8")
    out = write_docx(report(), tmp_path / "r.docx", styles.load_profile(path))
    assert ("| [仿宋_GB2312/Times New Roman 16pt bold]1.健全协调机制。"
            "[仿宋_GB2312/Times New Roman 16pt]区政府") in docxdump.dump(out)


def test_dump_runs_as_a_module(written):
    result = subprocess.run([sys.executable, "-m", "toolkit.docx.dump", str(written)],
                            capture_output=True, text=True, encoding="utf-8",
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0
    assert result.stdout == docxdump.dump(written)
    bad = subprocess.run([sys.executable, "-m", "toolkit.docx.dump", str(written) + ".none"],
                         capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 2 and "找不到文件" in bad.stderr


def _letterhead(path, top_mm=40, gbt_page=False):
    """A unit's reference DOCX: its own margins, a first-page letterhead with an image; with
    `gbt_page` an A4 page with the GB/T 9704 margins, as a unit's 红头 file has."""
    import io as _io

    import docx as _docx
    from docx.shared import Mm, Pt

    reference = _docx.Document()
    section = reference.sections[0]
    if gbt_page:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.bottom_margin, section.left_margin, section.right_margin = Mm(35), Mm(28), Mm(26)
    section.top_margin = Mm(top_mm)
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.paragraphs[0].add_run("青山区应急管理局文件").font.size = Pt(36)
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
           b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
           b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")
    header.add_paragraph().add_run().add_picture(_io.BytesIO(png), width=Mm(150))
    reference.save(path)
    return path


def test_reference_docx_supplies_page_setup_and_letterhead_and_keeps_our_styles(tmp_path, cli):
    import docx as _docx
    from conftest import REFERENCE_YAML

    ref = _letterhead(tmp_path / "红头.docx")
    result = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "out.docx"),
                 "--reference-docx", str(ref))
    assert result.code == 0, result.err
    built = _docx.Document(tmp_path / "out.docx")
    section = built.sections[0]
    assert abs(section.top_margin.mm - 40) < 0.1  # the reference's page setup
    assert abs(section.footer_distance.mm - 25.2) < 0.1  # our page number's place stays
    assert section.different_first_page_header_footer
    first = section.first_page_header
    assert first.paragraphs[0].text == "青山区应急管理局文件"
    assert first.part.related_parts  # the letterhead's image came along
    assert "PAGE" in section.even_page_footer._element.xml  # our page numbers stay
    # the body is still ours, and every sectPr child is in schema order
    assert built.paragraphs[0].text.replace("\n", "").startswith("X区人民政府办公室关于")
    order = [c.tag.rsplit("}", 1)[1] for c in section._sectPr]
    from toolkit.docx.reference import _SECT_ORDER

    assert order == sorted(order, key=_SECT_ORDER.index)
    # our styles and grid, not python-docx's Calibri Normal and its 18 pt lines
    xml = parts(tmp_path / "out.docx")
    normal = style(xml["word/styles.xml"], "Normal")
    assert attr(normal.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "仿宋_GB2312"
    assert attr(normal.find(f"{W}pPr/{W}spacing"), "line") == "579"
    grid = xml["word/document.xml"].find(f"{W}body/{W}sectPr/{W}docGrid")
    assert (attr(grid, "type"), attr(grid, "linePitch")) == ("lines", "579")
    # the letterhead keeps its own look: its style is a flattened copy, not our Normal's child
    header_style = attr(first._element.find(f".//{W}pStyle"), "val")
    assert header_style.startswith("Unit")
    copied = style(xml["word/styles.xml"], header_style)
    assert copied.find(f"{W}basedOn") is None
    assert attr(copied.find(f"{W}pPr/{W}snapToGrid"), "val") == "0"
    assert attr(copied.find(f"{W}pPr/{W}spacing"), "lineRule") == "auto"


def test_an_ordinary_word_file_with_a_first_page_letterhead_leaves_no_layout_finding(tmp_path,
                                                                                     cli):
    """python-docx's default styles (Calibri, theme fonts, 1.15 lines) and a first-page
    letterhead (titlePg) on an A4 page set up per 4.2.1: no D finding, and page 1 keeps its
    page number (titlePg gives page 1 its own footer: it is ours, 7.5)."""
    ref = _letterhead(tmp_path / "r.docx", top_mm=37, gbt_page=True)
    out = write_docx(report(), tmp_path / "out.docx", reference=ref)
    sect = parts(out)["word/document.xml"].find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}titlePg") is not None
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    footers = {attr(r, "type"): r.get(rid) for r in sect.iter(W + "footerReference")}
    assert footers["first"] == footers["default"]
    assert footers["even"] != footers["default"]
    import json

    checked = cli("check", str(out), "--format", "json")
    assert not [f for f in json.loads(checked.out) if f["code"].startswith("D")], checked.out


def test_reference_styles_are_opt_in(tmp_path):
    ref = _letterhead(tmp_path / "r.docx")
    plain = write_docx(report(), tmp_path / "a.docx", reference=ref)
    taken = write_docx(report(), tmp_path / "b.docx", reference=ref, styles=True)

    def normal_font(path):
        rfonts = style(parts(path)["word/styles.xml"], "Normal").find(f"{W}rPr/{W}rFonts")
        return attr(rfonts, "eastAsia")

    assert normal_font(plain) == "仿宋_GB2312"
    assert normal_font(taken) != "仿宋_GB2312"  # python-docx's template Normal, as asked
    grid = parts(taken)["word/document.xml"].find(f"{W}body/{W}sectPr/{W}docGrid")
    assert attr(grid, "linePitch") != "579"  # with its styles, the reference's grid too


def test_a_header_written_out_of_schema_order_is_put_in_order(tmp_path):
    """A unit's file from another tool may have pPr children out of order; Word would refuse
    our file for the copied header, so it is reordered."""
    import io as _io

    ref = _letterhead(tmp_path / "r.docx")
    with zipfile.ZipFile(ref) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    header = next(n for n in members if n.startswith("word/header"))
    members[header] = members[header].replace(
        b"<w:pPr>", b'<w:pPr><w:jc w:val="center"/><w:pBdr><w:bottom w:val="single" '
                    b'w:sz="18" w:space="4" w:color="FF0000"/></w:pBdr>', 1)
    buffer = _io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    (tmp_path / "bad.docx").write_bytes(buffer.getvalue())
    out = write_docx(report(), tmp_path / "out.docx", reference=tmp_path / "bad.docx")
    for name, root in parts(out).items():
        for props in root.iter(W + "pPr"):
            ranks = [PPR.index(local(c)) for c in props]
            assert ranks == sorted(ranks), f"{name}: {[local(c) for c in props]}"


def test_a_broken_reference_docx_is_exit_2(tmp_path, cli):
    from conftest import REFERENCE_YAML

    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    result = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "out.docx"),
                 "--reference-docx", str(tmp_path / "bad.docx"))
    assert result.code == 2 and "Traceback" not in result.err
    assert not (tmp_path / "out.docx").exists()


def test_a_profile_may_put_the_date_under_the_title(tmp_path, cli):
    import docx as _docx

    (tmp_path / "r.yaml").write_text("单位: 甲局\n事由: 乙\n称谓: 各位领导\n落款: 甲局\n日期: 2026-1-5\n"
                                     "问题:\n  条目:\n    - 人少。\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text("extends: gbt9704\ndate:\n  under_title: true\n",
                                     encoding="utf-8")
    result = cli("build", "r.yaml", "--style", "p.yaml", "-o", "r.docx", cwd=tmp_path)
    assert result.code == 0, result.err
    texts = [p.text for p in _docx.Document(tmp_path / "r.docx").paragraphs if p.text]
    assert texts[1] == "（2026年1月5日）" and texts[-1] == "甲局"


def test_a_run_in_level_two_heading_keeps_its_face_only_for_the_title(tmp_path):
    """“（一）强化组织领导。正文……”: the title part in 楷体, the text in the body face."""
    from toolkit.docx.dump import dump
    from toolkit.text.parser import parse_text

    doc = parse_text("关于安全生产的报告\n区政府：\n一、主要做法\n（一）强化组织领导。成立工作专班。\n"
                     "（二）压实企业责任。签订责任书。\n", "r.txt")
    write_docx(doc, tmp_path / "r.docx")
    line = next(l for l in dump(tmp_path / "r.docx").splitlines() if "强化组织领导" in l)
    assert "[楷体_GB2312/Times New Roman 16pt]（一）强化组织领导。[仿宋_GB2312" in line

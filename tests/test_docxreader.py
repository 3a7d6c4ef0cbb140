"""The DOCX reader: Word paragraphs and automatic numbering become the parser's Document."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from conftest import REFERENCE_YAML
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from toolkit.core.document import BODY, DATE, HEADING, SALUTATION, SIGNATURE, TITLE
from toolkit.core.errors import InputError
from toolkit.docx import reader as docxreader
from toolkit.docx.reader import docx_paragraph_texts, format_number, read_docx
from toolkit.docx.writer import render_docx
from toolkit.draft.pipeline import draft_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _lvl(ilvl: int, fmt: str, text: str, suff: str = "", start: int = 1) -> str:
    suffix = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{suffix}<w:lvlText w:val="{text}"/></w:lvl>')


NUMBERING = (
    f'<w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>'
    + _lvl(0, "chineseCounting", "%1、", "nothing")
    + _lvl(1, "chineseCounting", "（%2）", "nothing")
    + _lvl(2, "decimal", "%3.")  # default suffix: a tab, which is layout, not text
    + _lvl(3, "decimalEnclosedCircle", "%4", "space")
    + '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="multilevel"/>'
    + _lvl(0, "ideographTraditional", "%1.", "nothing")
    + _lvl(1, "upperLetter", "%1-%2)", "nothing")
    + _lvl(2, "bullet", "\uf0b7")
    + '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="10"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="11"/></w:num>'
    '</w:numbering>'
)


def _numbered(doc, text: str, num_id: int, ilvl: int):
    p = doc.add_paragraph(text)
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return p


@pytest.fixture
def numbered_docx(tmp_path):
    doc = docx.Document()
    doc.part.part_related_by(RT.NUMBERING)._element = parse_xml(NUMBERING)
    chapter = doc.styles.add_style("章标题", WD_STYLE_TYPE.PARAGRAPH)
    num_pr = chapter.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = 1
    num_pr.get_or_add_ilvl().val = 0

    doc.add_paragraph("XX局关于2025年工作情况的汇报")  # 1
    doc.add_paragraph("")  # 2: empty, skipped but counted
    doc.add_paragraph("各位领导：")  # 3
    _numbered(doc, "主要做法", 1, 0)  # 4
    _numbered(doc, "构建机制", 1, 1)  # 5
    _numbered(doc, "建立推进机制。建立议事规则。", 1, 2)  # 6
    _numbered(doc, "建立督查机制。落实督查制度。", 1, 2)  # 7
    _numbered(doc, "细化分工。", 1, 3)  # 8
    table = doc.add_table(rows=1, cols=2)  # 9, 10: table cells are counted, not read
    table.cell(0, 0).text, table.cell(0, 1).text = "一、表内", "1.表内"
    _numbered(doc, "突出职能", 1, 1)  # 11
    _numbered(doc, "\u3000强化反馈。做好信息工作。", 1, 2)  # 12: numbering restarts under（二）
    _numbered(doc, "存在问题", 1, 0)  # 13
    doc.add_paragraph("下一步打算", style="章标题")  # 14: numbered through its style
    _numbered(doc, "另起一个列表", 2, 0)  # 15: startOverride 5
    _numbered(doc, "甲项", 3, 0)  # 16
    _numbered(doc, "甲项的子项", 3, 1)  # 17
    _numbered(doc, "要点", 3, 2)  # 18: a bullet draws no number
    doc.add_paragraph("XX局")  # 19
    doc.add_paragraph("2026年1月5日")  # 20
    path = tmp_path / "numbered.docx"
    doc.save(path)
    return path


def test_word_numbering_is_drawn_into_the_text(numbered_docx):
    assert docx_paragraph_texts(numbered_docx) == [
        "XX局关于2025年工作情况的汇报",
        "各位领导：",
        "一、主要做法",
        "（一）构建机制",
        "1.建立推进机制。建立议事规则。",
        "2.建立督查机制。落实督查制度。",
        "① 细化分工。",
        "（二）突出职能",
        "1.强化反馈。做好信息工作。",
        "二、存在问题",
        "三、下一步打算",
        "五、另起一个列表",
        "甲.甲项",
        "甲-A)甲项的子项",
        "要点",
        "XX局",
        "2026年1月5日",
    ]


def test_numbered_paragraphs_are_parsed_like_typed_ones(numbered_docx):
    doc = read_docx(numbered_docx, "报告.docx")
    assert doc.source == "报告.docx" and doc.kind == "工作情况汇报"
    kinds = [(b.kind, b.level, b.marker) for b in doc.blocks]
    assert kinds[:11] == [
        (TITLE, 0, ""), (SALUTATION, 0, ""), (HEADING, 1, "一、"), (HEADING, 2, "（一）"),
        (HEADING, 3, "1."), (HEADING, 3, "2."), (HEADING, 4, "① "), (HEADING, 2, "（二）"),
        (HEADING, 3, "1."), (HEADING, 1, "二、"), (HEADING, 1, "三、")]
    assert doc.blocks[4].runin and doc.blocks[4].text[:doc.blocks[4].lead] == "1.建立推进机制。"
    assert [b.kind for b in doc.blocks[-2:]] == [SIGNATURE, DATE]


def test_positions_are_word_paragraph_numbers_and_columns(numbered_docx):
    doc = read_docx(numbered_docx, "报告.docx")
    salutation = doc.blocks[1]
    assert str(salutation.origin_at(0)) == "报告.docx:3:1"
    restarted = doc.blocks[8]  # “1.强化反馈。” after a table and a leading full-width space
    assert restarted.text.startswith("1.强化反馈")
    place = restarted.origin_at(2)  # 强, the first character the user typed
    assert (place.line, place.column) == (12, 2)
    assert restarted.origin_at(0).line == 12  # the drawn number points at its paragraph
    assert doc.blocks[-1].origin_at(0).line == 20


def test_a_composed_report_reads_back_from_its_docx(tmp_path):
    doc = draft_file(REFERENCE_YAML).document
    path = tmp_path / "reference.docx"
    path.write_bytes(render_docx(doc))
    # the title's line breaks join up again
    assert docx_paragraph_texts(path) == [b.text for b in doc.blocks]
    assert read_docx(path) == doc


@pytest.mark.parametrize("n, fmt, text", [
    (11, "chineseCounting", "十一"), (3, "chineseCountingThousand", "三"), (2, "decimal", "2"),
    (3, "decimalEnclosedCircle", "③"), (1, "ideographTraditional", "甲"), (28, "upperLetter", "BB"),
    (4, "lowerRoman", "iv"), (5, "decimalZero", "05"), (12, "chineseLegalSimplified", "拾贰"),
    (7, "decimalFullWidth", "７"), (3, "none", ""),
])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text


# ------------------------------------------------------------------ bad input never tracebacks

def _error(path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_docx(path, "输入.docx")
    err = caught.value
    assert err.problems[0].place.path == "输入.docx"
    return err


def test_not_a_zip(tmp_path):
    path = tmp_path / "a.docx"
    path.write_text("这只是文本", encoding="utf-8")
    assert "不是有效的 DOCX" in _error(path).message


def test_zip_without_a_word_document(tmp_path):
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "word/document.xml" in _error(path).message


def test_encrypted_or_old_doc(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    assert "文件已加密或是旧版 .doc 格式" in _error(path).message


def test_zip_bomb_by_ratio(tmp_path):
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<x/>")
        zf.writestr("word/media/image1.bin", b"\0" * (20 * 1024 * 1024))
    assert "压缩比异常" in _error(path).message


def test_zip_bomb_by_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(docxreader, "MAX_UNCOMPRESSED", 1024 * 1024)
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<x/>")
        zf.writestr("word/media/image1.bin", bytes(range(256)) * 8192)  # 2 MB
    assert "解压后过大" in _error(path).message


def test_oversized_file(tmp_path):
    path = tmp_path / "a.docx"
    with open(path, "wb") as handle:
        handle.truncate(docxreader.MAX_BYTES + 1)  # sparse: costs no disk
    assert "文件太大" in _error(path).message


def test_missing_file_and_folder(tmp_path):
    assert "找不到文件" in _error(tmp_path / "none.docx").message
    assert "文件夹" in _error(tmp_path).message


def _with_document_xml(tmp_path, xml: str):
    source = io.BytesIO()
    docx.Document().save(source)
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = xml.encode("utf-8") if info.filename == "word/document.xml" else old.read(info)
            new.writestr(info, data)
    return path


def test_broken_document_xml(tmp_path):
    path = _with_document_xml(tmp_path, "<w:document xmlns:w='x'><unclosed>")
    assert "已损坏" in _error(path).message


def test_not_a_word_package(tmp_path):
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<x/>")
    assert "无法读取" in _error(path).message


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
           '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>正文&xxe;&b;</w:t></w:r></w:p>'
           '</w:body></w:document>')
    path = _with_document_xml(tmp_path, xml)
    try:
        texts = docx_paragraph_texts(path)
    except InputError:
        return  # refusing the file is as good as not resolving it
    assert not any("TOP-SECRET" in t or "aaaa" in t for t in texts)


def test_plain_body_paragraph_kinds(tmp_path):
    doc = docx.Document()
    for text in ("关于加强安全生产工作的报告", "区委：", "现将有关情况报告如下。"):
        doc.add_paragraph(text)
    path = tmp_path / "a.docx"
    doc.save(path)
    assert [b.kind for b in read_docx(path).blocks] == [TITLE, SALUTATION, BODY]

"""Small damaged DOCX files made on demand for the layout rules' examples."""

from __future__ import annotations

import io
import zipfile

from toolkit.docx.ooxml import (DOCUMENT_PART, XML_SPACE, child, parse_xml, props, qn, set_attrs,
                                xml_bytes)

# ---------------------------------------------------------------- samples for the D rules' examples
#
# Deliberately flawed documents: each helper takes a DOCX the writer made and breaks one thing
# the way real files break it, so every layout rule can show (and test) what it catches.

def _edit_part(blob: bytes, part: str, edit) -> bytes:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == part:
                root = parse_xml(data)
                edit(root)
                data = xml_bytes(root)
            archive.writestr(info, data)
    return out.getvalue()


def sample_table(blob: bytes, width: bool = True, grid: bool = True) -> bytes:
    """A 2 × 2 table appended to the body, with or without w:tblW and w:gridCol."""
    def edit(root):
        body = root.find(qn("w:body"))
        tbl = body.makeelement(qn("w:tbl"), {})
        tblpr = tbl.makeelement(qn("w:tblPr"), {})
        tbl.append(tblpr)
        if width:
            tblpr.append(tblpr.makeelement(qn("w:tblW"), {qn("w:w"): "8844", qn("w:type"): "dxa"}))
        tblgrid = tbl.makeelement(qn("w:tblGrid"), {})
        tbl.append(tblgrid)
        if grid:
            for _ in range(2):
                tblgrid.append(tblgrid.makeelement(qn("w:gridCol"), {qn("w:w"): "4422"}))
        for _ in range(2):
            tr = tbl.makeelement(qn("w:tr"), {})
            tbl.append(tr)
            for text in ("项目", "数量"):
                tc = tr.makeelement(qn("w:tc"), {})
                tr.append(tc)
                p = tc.makeelement(qn("w:p"), {})
                tc.append(p)
                r = p.makeelement(qn("w:r"), {})
                p.append(r)
                t = r.makeelement(qn("w:t"), {})
                t.text = text
                r.append(t)
        body.insert(len(body) - 1, tbl)  # before the body's sectPr
    return _edit_part(blob, DOCUMENT_PART, edit)


def sample_misordered(blob: bytes) -> bytes:
    """The first paragraph's w:pStyle moved behind its other properties, as some tools write."""
    def edit(root):
        ppr = root.find(f".//{qn('w:p')}/{qn('w:pPr')}")
        style = ppr.find(qn("w:pStyle"))
        ppr.remove(style)
        ppr.append(style)
        if len(ppr) == 1:  # nothing else to be out of order with: add an alignment before it
            ppr.insert(0, ppr.makeelement(qn("w:jc"), {qn("w:val"): "center"}))
    return _edit_part(blob, DOCUMENT_PART, edit)


def sample_latin_only_font(blob: bytes, face: str) -> bytes:
    """Every body run named `face` through w:ascii/w:hAnsi only, as python-docx's
    run.font.name writes it: Chinese text keeps its old face."""
    def edit(root):
        for run in root.iter(qn("w:r")):
            fonts = child(props(run, "rPr"), "rFonts")
            set_attrs(fonts, ascii=face, hAnsi=face)
    return _edit_part(blob, DOCUMENT_PART, edit)


def sample_theme_fonts(blob: bytes) -> bytes:
    """The Normal style's East Asian face overridden by a theme reference (minorEastAsia)."""
    def edit(root):
        for style in root.iter(qn("w:style")):
            if style.get(qn("w:styleId")) == "Normal":
                child(props(style, "rPr"), "rFonts").set(qn("w:eastAsiaTheme"), "minorEastAsia")
    return _edit_part(blob, "word/styles.xml", edit)


def sample_without_east_asian(blob: bytes) -> bytes:
    """No Chinese face named anywhere in the styles (only the Latin slots are set)."""
    def edit(root):
        for fonts in root.iter(qn("w:rFonts")):
            fonts.attrib.pop(qn("w:eastAsia"), None)
    return _edit_part(blob, "word/styles.xml", edit)


def sample_without_hints(blob: bytes) -> bytes:
    """Every w:hint="eastAsia" removed from the body's runs."""
    def edit(root):
        for fonts in root.iter(qn("w:rFonts")):
            fonts.attrib.pop(qn("w:hint"), None)
    return _edit_part(blob, DOCUMENT_PART, edit)


def sample_footer_text(blob: bytes, text: str | None) -> bytes:
    """Every footer replaced by plain `text` (no PAGE field), or emptied when `text` is None."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        footers = [n for n in archive.namelist() if n.startswith("word/footer")]

    def edit(root):
        for p in list(root.iter(qn("w:p"))):
            for run in list(p.iter(qn("w:r"))):
                run.getparent().remove(run)
            if text:
                r = p.makeelement(qn("w:r"), {})
                p.append(r)
                t = r.makeelement(qn("w:t"), {XML_SPACE: "preserve"})
                t.text = text
                r.append(t)
    for name in footers:
        blob = _edit_part(blob, name, edit)
    return blob

"""A unit's reference DOCX merged into a built one: page setup, letterhead headers, their styles."""

from __future__ import annotations

import io
import zipfile

from toolkit.docx.existing import even_and_odd_headers
from toolkit.docx.ooxml import (_WDECL, CT_NS, DOCUMENT_PART, ORDERS, PARA_RPR_ORDER, R_NS, REL_NS,
                                W_NS, attrs, child, on, on_off, parse_xml, props, qn, rel_target,
                                rels_path, strip_theme_fonts, tag_local, val, xml_bytes)

# ---------------------------------------------------------------- a unit's reference DOCX

_HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_PAGE_SETUP = ("pgSz", "pgMar", "cols", "titlePg", "pgBorders")  # docGrid: with styles only
# CT_SectPr sequence: header/footer references first, then these in this order.
_SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
               "printerSettings", "sectPrChange")










def apply_reference(base: bytes, reference: bytes, styles: bool = False) -> bytes:
    """The base DOCX with a unit's reference DOCX laid over it: its page setup (size, margins,
    first-page setting, borders) and its headers (a 红头 letterhead, with their images). Our
    styles, line grid, footers (page numbers) and footer distance stay: a unit's ordinary Word
    file must not undo the GB/T 9704 layout. The styles its headers use come along renamed
    (“UnitHeader”), resolved against the reference's own defaults, so the letterhead looks as
    it did there.

    `styles` also takes the reference's styles (by style id, over ours) and its line grid: for
    a reference DOCX made for the purpose, whose styles are the unit's house layout.
    """
    import copy

    with zipfile.ZipFile(io.BytesIO(reference)) as ref_zip:
        ref = {i.filename: ref_zip.read(i) for i in ref_zip.infolist()
               if not i.filename.endswith("/")}
    with zipfile.ZipFile(io.BytesIO(base)) as base_zip:
        members = [(i.filename, base_zip.read(i)) for i in base_zip.infolist()]
    parts = dict(members)
    doc = parse_xml(parts[DOCUMENT_PART])
    ref_doc = parse_xml(ref[DOCUMENT_PART])
    w = lambda tag: qn(f"w:{tag}")  # noqa: E731
    ref_sect = ref_doc.find(f".//{w('body')}/{w('sectPr')}")
    sect = doc.find(f".//{w('body')}/{w('sectPr')}")
    ref_styles = parse_xml(ref["word/styles.xml"]) if "word/styles.xml" in ref else None
    our_styles = parse_xml(parts["word/styles.xml"])
    added: dict[str, bytes] = {}
    if ref_sect is not None and sect is not None:
        footer_distance = attrs(sect, "pgMar").get("footer")
        for name in _PAGE_SETUP + (("docGrid",) if styles else ()):
            theirs = ref_sect.find(w(name))
            if theirs is None:
                continue
            ours = sect.find(w(name))
            if ours is not None:
                sect.remove(ours)
            _insert_in_order(sect, copy.deepcopy(theirs))
        margins = sect.find(w("pgMar"))
        if margins is not None and footer_distance is not None:
            margins.set(w("footer"), footer_distance)  # our page number's place (7.5)
        rels = parse_xml(parts["word/_rels/document.xml.rels"])
        ref_rels = parse_xml(ref.get("word/_rels/document.xml.rels", b"<Relationships xmlns='%s'/>"
                                % REL_NS.encode()))
        ref_targets = {r.get("Id"): r.get("Target") for r in ref_rels}
        types = parse_xml(parts["[Content_Types].xml"])
        renamed = _HeaderStyles(ref_styles, our_styles, ref_sect) if not styles else None
        for old in sect.findall(w("headerReference")):
            sect.remove(old)
        kinds = {}
        for n, reference_el in enumerate(ref_sect.findall(w("headerReference")), 1):
            source = rel_target(DOCUMENT_PART, ref_targets.get(reference_el.get(f"{{{R_NS}}}id"), ""))
            if source not in ref:
                continue
            part = f"word/header_unit{n}.xml"
            header = parse_xml(ref[source])
            if renamed is not None:
                renamed.header(header)
            schema_order(header)
            added[part] = xml_bytes(header)
            _copy_part_rels(ref, source, part, added, types, n)
            rid = f"rIdUnitHeader{n}"
            rel = rels.makeelement(f"{{{REL_NS}}}Relationship", {
                "Id": rid, "Target": part.split("/", 1)[1],
                "Type": f"{R_NS}/header"})
            rels.append(rel)
            new_ref = copy.deepcopy(reference_el)
            new_ref.set(f"{{{R_NS}}}id", rid)
            sect.insert(0, new_ref)
            kinds[reference_el.get(w("type"), "default")] = rid
            types.append(types.makeelement(f"{{{CT_NS}}}Override",
                                            {"PartName": "/" + part, "ContentType": _HEADER_CT}))
        ref_settings = parse_xml(ref["word/settings.xml"]) if "word/settings.xml" in ref else None
        if "default" in kinds and "even" not in kinds and not even_and_odd_headers(ref_settings):
            # We print odd and even page numbers apart; a header the reference shows on every
            # page must then be the even pages' header too.
            even = sect.makeelement(w("headerReference"), {w("type"): "even",
                                                           f"{{{R_NS}}}id": kinds["default"]})
            sect.insert(0, even)
        _first_page_number(sect)
        _order_references(sect)
        if renamed is not None:
            renamed.add_to(our_styles)
        parts["word/_rels/document.xml.rels"] = xml_bytes(rels)
        parts["[Content_Types].xml"] = xml_bytes(types)
    parts[DOCUMENT_PART] = xml_bytes(doc)
    if styles and ref_styles is not None:
        parts["word/styles.xml"] = _merge_styles(our_styles, ref_styles)
    else:
        parts["word/styles.xml"] = xml_bytes(our_styles)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, _ in members:
            archive.writestr(name, parts[name])
        for name, data in added.items():
            archive.writestr(name, data)
    return out.getvalue()


def _first_page_number(sect) -> None:
    """A reference with a first-page letterhead (titlePg) gives page 1 its own header and
    footer; without a first-page footer of ours, page 1 would print no page number (7.5)."""
    if not on(sect, "titlePg"):
        return
    refs = {r.get(qn("w:type"), "default"): r for r in sect.findall(qn("w:footerReference"))}
    if "first" in refs or "default" not in refs:
        return
    first = sect.makeelement(qn("w:footerReference"), {
        qn("w:type"): "first", f"{{{R_NS}}}id": refs["default"].get(f"{{{R_NS}}}id")})
    refs["default"].addnext(first)


def _order_references(sect) -> None:
    """Header references before footer references, each as default, even, first."""
    rank = {"default": 0, "even": 1, "first": 2}
    for name in ("footerReference", "headerReference"):
        found = sect.findall(qn("w:" + name))
        for element in found:
            sect.remove(element)
        found.sort(key=lambda e: rank.get(e.get(qn("w:type"), "default"), 3))
        for element in reversed(found):
            sect.insert(0, element)


class _HeaderStyles:
    """The reference's styles its headers use, copied under new ids and flattened: each
    carries everything its chain and the reference's docDefaults set, so it neither takes
    our Normal (2-character indent, 28.95 pt exact lines) nor needs the reference's Normal."""

    _PPR_SKIP = ("pStyle", "numPr", "rPr", "sectPr", "pPrChange")
    _RPR_SKIP = ("rStyle", "rPrChange")

    def __init__(self, ref_styles, our_styles, ref_sect):
        self.by_id = {} if ref_styles is None else {
            s.get(qn("w:styleId")): s for s in ref_styles.iterchildren(qn("w:style"))}
        self.ours = {s.get(qn("w:styleId")) for s in our_styles.iterchildren(qn("w:style"))}
        self.ours_names = {val(s, "name") for s in our_styles.iterchildren(qn("w:style"))}
        defaults = None if ref_styles is None else ref_styles.find(qn("w:docDefaults"))
        self.default_ppr = None if defaults is None else defaults.find(
            f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self.default_rpr = None if defaults is None else defaults.find(
            f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_paragraph = next(
            (sid for sid, s in self.by_id.items() if s.get(qn("w:type")) == "paragraph"
             and s.get(qn("w:default")) in ("1", "true", "on")), None)
        grid = attrs(ref_sect, "docGrid").get("type", "")
        self.on_grid = grid in ("lines", "linesAndChars", "snapToChars")
        self.made: dict[str, object] = {}  # reference id → our new style element

    def header(self, root) -> None:
        """Move a header part's style references to the renamed copies."""
        for p in root.iter(qn("w:p")):
            ppr = p.find(qn("w:pPr"))
            style = val(ppr, "pStyle") or self.default_paragraph
            new = self._paragraph(style) if style else None
            if new is not None:
                child(props(p), "pStyle").set(qn("w:val"), new)
        for rstyle in root.iter(qn("w:rStyle")):
            new = self._character(rstyle.get(qn("w:val")))
            if new is not None:
                rstyle.set(qn("w:val"), new)
            else:
                rstyle.getparent().remove(rstyle)
        for tstyle in root.iter(qn("w:tblStyle")):
            self._table(tstyle.get(qn("w:val")))

    def add_to(self, our_styles) -> None:
        for element in self.made.values():
            if element is not None:
                our_styles.append(element)

    def _chain(self, style_id) -> list:
        """The reference style and its bases, root first."""
        chain: list = []
        while style_id in self.by_id and all(s is not self.by_id[style_id] for s in chain) \
                and len(chain) < 20:
            chain.append(self.by_id[style_id])
            style_id = val(self.by_id[style_id], "basedOn")
        return chain[::-1]

    def _new(self, style_id: str, kind: str):
        new_id = "Unit" + style_id
        while new_id in self.ours:
            new_id += "X"
        self.ours.add(new_id)
        name = "参考文档 " + (val(self.by_id[style_id], "name") or style_id)
        while name in self.ours_names:
            name += "*"
        self.ours_names.add(name)
        element = parse_xml(f'<w:style {_WDECL} w:type="{kind}" w:customStyle="1" '
                       f'w:styleId="{new_id}"><w:name w:val=""/></w:style>'.encode())
        element.find(qn("w:name")).set(qn("w:val"), name)
        return element

    def _paragraph(self, style_id: str) -> str | None:
        if style_id not in self.by_id or self.by_id[style_id].get(qn("w:type")) != "paragraph":
            return None
        if style_id not in self.made:
            element = self._new(style_id, "paragraph")
            ppr = element.makeelement(qn("w:pPr"), {})
            rpr = element.makeelement(qn("w:rPr"), {})
            for level in [self.default_ppr] + [s.find(qn("w:pPr")) for s in self._chain(style_id)]:
                _merge_props(ppr, level, self._PPR_SKIP)
            for level in [self.default_rpr] + [s.find(qn("w:rPr")) for s in self._chain(style_id)]:
                _merge_props(rpr, level, self._RPR_SKIP)
            if not self.on_grid and ppr.find(qn("w:snapToGrid")) is None:
                on_off(ppr, "snapToGrid", False)  # it was drawn without a line grid
            _strip_fonts(rpr)
            element.append(ppr)
            element.append(rpr)
            self.made[style_id] = element
        return self.made[style_id].get(qn("w:styleId"))

    def _character(self, style_id: str) -> str | None:
        if style_id not in self.by_id or self.by_id[style_id].get(qn("w:type")) != "character":
            return None
        if style_id not in self.made:
            element = self._new(style_id, "character")
            rpr = element.makeelement(qn("w:rPr"), {})
            for level in [s.find(qn("w:rPr")) for s in self._chain(style_id)]:
                _merge_props(rpr, level, self._RPR_SKIP)
            _strip_fonts(rpr)
            element.append(rpr)
            self.made[style_id] = element
        return self.made[style_id].get(qn("w:styleId"))

    def _table(self, style_id: str) -> None:
        """A table style the letterhead uses, copied as it is when we have none of that id."""
        import copy

        for style in self._chain(style_id):
            sid = style.get(qn("w:styleId"))
            if sid not in self.ours and sid not in self.made:
                self.made[sid] = copy.deepcopy(style)
                self.ours.add(sid)


def _strip_fonts(rpr) -> None:
    """Theme fonts out (we carry no theme: they would name nothing), and an emptied w:rFonts."""
    strip_theme_fonts(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None and not fonts.attrib:
        rpr.remove(fonts)


def schema_order(root) -> None:
    """Put the children of every w:pPr, w:rPr and w:sectPr under `root` in schema order (a
    stable sort; anything outside the sequence keeps its place after the known children).
    A reference DOCX from another tool may have them out of order, which Word refuses."""
    for element in root.iter(qn("w:pPr"), qn("w:rPr"), qn("w:sectPr")):
        parent = element.getparent()
        if element.tag == qn("w:rPr") and parent is not None and parent.tag == qn("w:pPr"):
            order = PARA_RPR_ORDER
        else:
            order = ORDERS[element.tag]
        kids = list(element)
        ranked = sorted(kids, key=lambda c: order.index(tag_local(c)) if isinstance(c.tag, str)
                        and c.tag.startswith(f"{{{W_NS}}}") and tag_local(c) in order
                        else len(order))
        if ranked != kids:
            for kid in kids:
                element.remove(kid)
            element.extend(ranked)


def _merge_props(target, source, skip: tuple) -> None:
    """Lay the properties `source` sets over `target`, as a style over its base: an element
    with children (tabs, borders) replaces the base's, attributes merge one by one; children
    outside the schema sequence (extensions) and those in `skip` are left out."""
    import copy

    if source is None:
        return
    order = ORDERS[target.tag]
    for item in source:
        if not isinstance(item.tag, str) or not item.tag.startswith(f"{{{W_NS}}}"):
            continue
        name = tag_local(item)
        if name in skip or name not in order:
            continue
        existing = target.find(item.tag)
        if existing is not None and len(item) == 0 and len(existing) == 0:
            existing.attrib.update(item.attrib)
            continue
        if existing is not None:
            target.remove(existing)
        child(target, name)
        target.replace(target.find(item.tag), copy.deepcopy(item))


def _insert_in_order(parent, child) -> None:
    name = child.tag.rsplit("}", 1)[-1]
    rank = _SECT_ORDER.index(name) if name in _SECT_ORDER else len(_SECT_ORDER)
    for index, existing in enumerate(parent):
        other = existing.tag.rsplit("}", 1)[-1] if isinstance(existing.tag, str) else ""
        if other in _SECT_ORDER and _SECT_ORDER.index(other) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def _copy_part_rels(ref: dict, source: str, part: str, added: dict, types, n: int) -> None:
    """Copy a header's own relationships (its letterhead images) under new names."""
    rels_name = rels_path(source)
    if rels_name not in ref:
        return
    rels = parse_xml(ref[rels_name])
    defaults = {d.get("Extension", "").lower() for d in types.findall(f"{{{CT_NS}}}Default")}
    for rel in rels:
        if rel.get("TargetMode") == "External":
            continue
        media = rel_target(source, rel.get("Target", ""))
        if media not in ref:
            continue
        ext = media.rsplit(".", 1)[-1].lower()
        new_media = f"word/media/unit{n}_{media.rsplit('/', 1)[-1]}"
        added[new_media] = ref[media]
        rel.set("Target", "media/" + new_media.rsplit("/", 1)[-1])
        if ext not in defaults:
            kind = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                    "gif": "image/gif", "emf": "image/x-emf", "wmf": "image/x-wmf",
                    "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
                    "svg": "image/svg+xml"}.get(ext, "application/octet-stream")
            types.insert(0, types.makeelement(f"{{{CT_NS}}}Default",
                                              {"Extension": ext, "ContentType": kind}))
            defaults.add(ext)
    added[rels_path(part)] = xml_bytes(rels)


def _merge_styles(mine, ref) -> bytes:
    """Our styles with every style the reference defines (by id) taken from the reference."""
    import copy

    by_id = {s.get(qn("w:styleId")): s for s in mine.findall(qn("w:style"))}
    for style in ref.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        new = copy.deepcopy(style)
        if style_id in by_id:
            by_id[style_id].addprevious(new)
            mine.remove(by_id[style_id])
        else:
            mine.append(new)
    return xml_bytes(mine)

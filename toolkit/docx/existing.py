"""Existing DOCX files as Word reads them: parts, sections, styles, themes, runs, edits in place."""

from __future__ import annotations

import io
import zipfile

from toolkit.docx.ooxml import (DOCUMENT_PART, ORDERS, PARA_RPR_ORDER, R_NS, W_NS, attrs, on,
                                parse_xml, qn, rel_target, rels_path, tag_local, val)

# ---------------------------------------------------------------- reading (for the dump)







def paragraph_text(p, *, field_marker: bool = True) -> str:
    """Visible text of a paragraph; a field shows as {INSTR} instead of its cached result."""
    out: list[str] = []
    skipping = 0
    instr: list[str] = []
    for element in p.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:fldChar"), qn("w:instrText")):
        name = tag_local(element)
        if name == "fldChar":
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                instr = []
            elif kind == "separate":
                if field_marker:
                    out.append("{" + "".join(instr).strip().split(" ")[0] + "}")
                skipping += 1
            elif kind == "end" and skipping:
                skipping -= 1
        elif name == "instrText":
            instr.append(element.text or "")
        elif skipping:
            continue
        elif name == "t":
            out.append(element.text or "")
        elif name == "br":
            out.append("\n")
        elif name == "tab":
            out.append("\t")
    return "".join(out)


def doc_grid(sectpr) -> dict:
    return attrs(sectpr, "docGrid")


# ---------------------------------------------------------------- existing documents (read, edit)

_SKIP = frozenset(qn(t) for t in ("w:del", "w:moveFrom", "w:txbxContent", "w:instrText",
                                  "w:delText", "w:rPr", "w:pPr")) | {
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def visible_pieces(element):
    """(node, text) for each piece of text a reader sees in a paragraph, in order: w:t nodes,
    tabs and non-breaking hyphens; deleted, hidden, text-box and field-instruction text is not
    seen. Line breaks join without a character (a title set on two lines reads as one)."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == qn("w:r"):
            rpr = child.find(qn("w:rPr"))
            if rpr is not None and rpr.find(qn("w:vanish")) is not None \
                    and val(rpr, "vanish") not in ("0", "false"):
                continue  # hidden text
        if tag == qn("w:t"):
            yield child, child.text or ""
        elif tag in (qn("w:tab"), qn("w:ptab")):
            yield child, "\t"
        elif tag == qn("w:noBreakHyphen"):
            yield child, "-"
        yield from visible_pieces(child)


def replace_text(p, start: int, end: int, replacement: str) -> bool:
    """Replace visible characters [start, end) of paragraph `p` inside its w:t nodes, keeping
    every run's formatting; False (nothing changed) when the range touches a non-text piece."""
    nodes = []
    offset = 0
    for node, text in visible_pieces(p):
        stop = offset + len(text)
        if stop > start and offset < end or (start == end and offset <= start <= stop):
            if node.tag != qn("w:t"):
                return False
            nodes.append((node, offset, text))
        offset = stop
        if offset > end:
            break
    if not nodes:
        return False
    first, first_at, first_text = nodes[0]
    last, last_at, last_text = nodes[-1]
    head = first_text[:start - first_at]
    tail = last_text[end - last_at:]
    if first is last:
        _set_text(first, head + replacement + tail)
        return True
    _set_text(first, head + replacement)
    for node, _, _ in nodes[1:-1]:
        _set_text(node, "")
    _set_text(last, tail)
    return True


def _set_text(node, text: str) -> None:
    node.text = text
    if text[:1].isspace() or text[-1:].isspace():
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def isolate_runs(p, start: int, end: int) -> list:
    """The w:r elements that hold exactly visible characters [start, end) of `p`, splitting runs
    at the boundaries (each part keeps the run's properties), for anchoring a comment."""
    import copy

    def runs_with_offsets():
        offset = 0
        result = []
        for node, text in visible_pieces(p):
            run = node.getparent()
            result.append((run, node, offset, offset + len(text)))
            offset += len(text)
        return result

    for boundary in (start, end):
        for run, node, a, b in runs_with_offsets():
            if a < boundary < b and node.tag == qn("w:t") and len(run.findall(qn("w:t"))) == 1 \
                    and run.getparent() is not None:
                left = copy.deepcopy(run)
                run.addprevious(left)
                left_t = left.find(qn("w:t"))
                _set_text(left_t, node.text[:boundary - a])
                _set_text(node, node.text[boundary - a:])
                break
    chosen = []
    for run, node, a, b in runs_with_offsets():
        if a < end and b > start or (start == end and a <= start < b):
            if run.tag == qn("w:r") and (not chosen or chosen[-1] is not run):
                chosen.append(run)
    return chosen


# ---------------------------------------------------------------- reading a whole DOCX (layout audit, fonts)
#
# The D rules and the fonts report see a DOCX through these helpers: parts parsed with lxml on
# demand (never python-docx, so a check of a YAML draft stays light), formatting resolved the way
# Word resolves it, one property at a time: run → character style chain → paragraph style chain
# → docDefaults, with theme fonts looked up in the theme part.

_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# A theme's script fonts by the East Asian language of settings' w:themeFontLang.
_SCRIPTS = {"zh-CN": "Hans", "zh-SG": "Hans", "zh-TW": "Hant", "zh-HK": "Hant", "zh-MO": "Hant",
            "ja-JP": "Jpan", "ko-KR": "Hang"}
_SLOT_THEME = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme",
               "cs": "cstheme"}
# CT_ParaRPr (the paragraph mark's run properties) opens with revision marks.


class OpenDocx:
    """The XML parts of a DOCX, each parsed the first time it is asked for.

    A part that is missing or is not well-formed XML reads as None: the audit reports what it
    can see instead of failing on a damaged footer.
    """

    def __init__(self, data: bytes):
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._names = set(self._zip.namelist())
        self._parsed: dict[str, object] = {}

    def part(self, name: str):
        if name not in self._parsed:
            root = None
            if name in self._names:
                try:
                    root = parse_xml(self._zip.read(name))
                except Exception:  # damaged XML in one part: treat it as absent
                    root = None
            self._parsed[name] = root
        return self._parsed[name]

    def relations(self, source: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type's last word, target part) of the part `source`."""
        rels = self.part(rels_path(source))
        out = {}
        if rels is None:
            return out
        for rel in rels:
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rpartition("/")[2]
            out[rel.get("Id")] = (kind, rel_target(source, rel.get("Target", "")))
        return out

    def related(self, source: str, kind: str):
        """The first part of relationship type `kind` (styles, settings, theme …) of `source`."""
        for rel_kind, target in self.relations(source).values():
            if rel_kind == kind:
                return self.part(target)
        return None

    @property
    def document(self):
        return self.part(DOCUMENT_PART)

    @property
    def body(self):
        document = self.document
        return None if document is None else document.find(qn("w:body"))


def body_paragraphs(body):
    """(paragraph number, w:p) of the body's own paragraphs, numbered as Word counts them:
    table paragraphs are skipped but counted; content controls and custom XML are entered."""
    number = 0

    def walk(container):
        nonlocal number
        for element in container.iterchildren():
            if element.tag == qn("w:p"):
                number += 1
                yield number, element
            elif element.tag == qn("w:tbl"):
                number += sum(1 for _ in element.iter(qn("w:p")))
            elif element.tag == qn("w:sdt"):
                content = element.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)
            elif element.tag == qn("w:customXml"):
                yield from walk(element)

    if body is not None:
        yield from walk(body)


def body_tables(body):
    """(number of the paragraph before it, w:tbl) of each table at the top of the body."""
    number = 0
    if body is None:
        return
    for element in body.iter(qn("w:p"), qn("w:tbl")):
        if element.tag == qn("w:tbl"):
            if element.getparent() is not None and element.getparent().tag != qn("w:tc"):
                yield number, element
        elif not any(a.tag == qn("w:tbl") for a in element.iterancestors()):
            number += 1


def table_widths(tbl) -> tuple[tuple[str, int] | None, list[int]]:
    """(tblW type and width, or None when absent; widths of the w:gridCol entries)."""
    tblw = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    width = None
    if tblw is not None:
        width = (tblw.get(qn("w:type"), "dxa"), as_int(tblw.get(qn("w:w"))))
    grid = tbl.find(qn("w:tblGrid"))
    cols = [] if grid is None else [as_int(c.get(qn("w:w"))) for c in grid.iter(qn("w:gridCol"))]
    return width, cols


def as_int(value, default: int = 0) -> int:
    """An attribute as a whole number (Word writes some as decimals); `default` if unreadable."""
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


def sections(body) -> list:
    """Every w:sectPr of the body, in order (paragraph-level ones first, the body's own last)."""
    if body is None:
        return []
    found = [s for s in body.iter(qn("w:sectPr"))]
    own = body.find(qn("w:sectPr"))
    if own is not None and own in found:
        found.remove(own)
        found.append(own)
    return found


def section_setup(sectpr) -> dict:
    """Page size, margins (twips), grid and footer references of a section."""
    size = attrs(sectpr, "pgSz")
    margins = attrs(sectpr, "pgMar")
    footers = {}
    for ref in sectpr.iter(qn("w:footerReference")):
        footers[ref.get(qn("w:type"), "default")] = ref.get(f"{{{R_NS}}}id")
    return {"width": as_int(size.get("w")), "height": as_int(size.get("h")),
            "orient": size.get("orient", ""),
            **{k: as_int(margins.get(k)) for k in ("top", "bottom", "left", "right", "header",
                                                 "footer", "gutter")},
            "grid": attrs(sectpr, "docGrid"), "footers": footers,
            "title_page": on(sectpr, "titlePg") or False}


def field_text(p) -> str:
    """A paragraph's visible text with each field shown as {INSTR}: complex fields (fldChar)
    and simple ones (w:fldSimple) alike, inside content controls too."""
    out: list[str] = []

    def walk(element, skipping: list):
        for node in element.iterchildren():
            tag = node.tag
            if not isinstance(tag, str) or tag in (qn("w:del"), qn("w:pPr"), qn("w:rPr")):
                continue
            if tag == qn("w:fldSimple"):
                instr = (node.get(qn("w:instr")) or "").strip().split(" ")[0]
                out.append("{" + instr.upper() + "}")
                continue
            if tag == qn("w:fldChar"):
                kind = node.get(qn("w:fldCharType"))
                if kind == "begin":
                    skipping.append([])
                elif kind == "separate" and skipping:
                    instr = "".join(skipping[-1]).strip().split(" ")[0]
                    out.append("{" + instr.upper() + "}")
                    skipping[-1] = None
                elif kind == "end" and skipping:
                    if skipping[-1] is not None:  # a field without a result part
                        instr = "".join(skipping[-1]).strip().split(" ")[0]
                        out.append("{" + instr.upper() + "}")
                    skipping.pop()
                continue
            if tag == qn("w:instrText"):
                if skipping and skipping[-1] is not None:
                    skipping[-1].append(node.text or "")
                continue
            if skipping:
                if tag in (qn("w:t"), qn("w:tab")):
                    continue
                walk(node, skipping)
                continue
            if tag == qn("w:t"):
                out.append(node.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append("\t")
            else:
                walk(node, skipping)

    walk(p, [])
    return "".join(out)


def visible_runs(p) -> list[tuple[object, int, str]]:
    """(w:r, offset of its first visible character in the paragraph, its visible text), in order;
    the offsets count the same characters as `visible_pieces`."""
    runs: list[list] = []
    offset = 0
    for node, text in visible_pieces(p):
        run = node.getparent()
        if runs and runs[-1][0] is run:
            runs[-1][2] += text
        else:
            runs.append([run, offset, text])
        offset += len(text)
    return [(r, o, t) for r, o, t in runs if r is not None and r.tag == qn("w:r")]


def even_and_odd_headers(settings) -> bool:
    return bool(on(settings, "evenAndOddHeaders"))


def order_problems(root) -> list[tuple[object, list[str]]]:
    """(element, its children's names) for each w:pPr, w:rPr or w:sectPr under `root` whose
    children break the schema sequence (Word then refuses the file)."""
    found = []
    for element in root.iter(qn("w:pPr"), qn("w:rPr"), qn("w:sectPr")):
        parent = element.getparent()
        if element.tag == qn("w:rPr") and parent is not None and parent.tag == qn("w:pPr"):
            order = PARA_RPR_ORDER
        else:
            order = ORDERS[element.tag]
        names = [tag_local(c) for c in element if isinstance(c.tag, str)
                 and c.tag.startswith(f"{{{W_NS}}}")]
        ranks = [order.index(n) for n in names if n in order]
        if ranks != sorted(ranks):
            found.append((element, names))
    return found


class StyleSheet:
    """Effective formatting of a document's paragraphs and runs, resolved as Word does."""

    def __init__(self, styles, theme=None, settings=None):
        self.by_id: dict[str, object] = {}
        self.default_paragraph = None
        self.default_character = None
        if styles is not None:
            for style in styles.iterchildren(qn("w:style")):
                style_id = style.get(qn("w:styleId"))
                self.by_id[style_id] = style
                if style.get(qn("w:default")) in ("1", "true", "on"):
                    kind = style.get(qn("w:type"))
                    if kind == "paragraph":
                        self.default_paragraph = style_id
                    elif kind == "character":
                        self.default_character = style_id
        defaults = None if styles is None else styles.find(qn("w:docDefaults"))
        self.default_rpr = None if defaults is None else defaults.find(
            f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_ppr = None if defaults is None else defaults.find(
            f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self.theme = _theme_fonts(theme)
        lang = attrs(settings, "themeFontLang")
        self.script = _SCRIPTS.get(lang.get("eastAsia", ""), "Hans")
        self.theme_lang = lang.get("eastAsia", "")

    def chain(self, style_id) -> list:
        """The style and the styles it is based on, nearest first."""
        seen: list[str] = []
        while style_id and style_id in self.by_id and style_id not in seen and len(seen) < 20:
            seen.append(style_id)
            style_id = val(self.by_id[style_id], "basedOn")
        return seen

    def name(self, style_id) -> str:
        style = self.by_id.get(style_id)
        return (val(style, "name") or style_id) if style is not None else (style_id or "")

    def paragraph_style(self, p) -> str | None:
        """The paragraph's style id (None for `p`: the default paragraph style)."""
        if p is None:
            return self.default_paragraph
        return val(p.find(qn("w:pPr")), "pStyle") or self.default_paragraph

    def ppr_levels(self, p) -> list[tuple[str, object]]:
        """(where, w:pPr) from the paragraph itself to docDefaults (None: a paragraph in the
        default style with no formatting of its own)."""
        ppr = None if p is None else p.find(qn("w:pPr"))
        levels = [("direct", ppr)] if ppr is not None else []
        for sid in self.chain(self.paragraph_style(p)):
            levels.append(("style:" + sid, self.by_id[sid].find(qn("w:pPr"))))
        levels.append(("defaults", self.default_ppr))
        return [(w, level) for w, level in levels if level is not None]

    def rpr_levels(self, run, p) -> list[tuple[str, object]]:
        """(where, w:rPr) from the run to docDefaults: run, character style chain, paragraph
        style chain, docDefaults. `run` None gives the paragraph's own formatting."""
        levels = []
        rpr = None if run is None else run.find(qn("w:rPr"))
        if rpr is not None:
            levels.append(("direct", rpr))
        char_style = val(rpr, "rStyle") or self.default_character
        for sid in self.chain(char_style):
            levels.append(("style:" + sid, self.by_id[sid].find(qn("w:rPr"))))
        for sid in self.chain(self.paragraph_style(p)):
            levels.append(("style:" + sid, self.by_id[sid].find(qn("w:rPr"))))
        levels.append(("defaults", self.default_rpr))
        return [(w, level) for w, level in levels if level is not None]

    def theme_font(self, theme: str) -> str | None:
        """The typeface a theme font reference (minorEastAsia, majorHAnsi …) stands for."""
        group = self.theme.get("major" if theme.startswith("major") else "minor")
        if not group:
            return None
        if theme.endswith("EastAsia"):
            return group.get("ea") or group.get("script:" + self.script) or None
        if theme.endswith("Bidi"):
            return group.get("cs") or None
        return group.get("latin") or None


def _theme_fonts(theme) -> dict:
    out: dict[str, dict] = {}
    if theme is None:
        return out
    for group in ("major", "minor"):
        element = theme.find(f".//{{{_A_NS}}}{group}Font")
        if element is None:
            continue
        fonts = {}
        for slot in ("latin", "ea", "cs"):
            found = element.find(f"{{{_A_NS}}}{slot}")
            if found is not None:
                fonts[slot] = found.get("typeface", "")
        for script in element.iterchildren(f"{{{_A_NS}}}font"):
            fonts["script:" + script.get("script", "")] = script.get("typeface", "")
        out[group] = fonts
    return out


def first_value(levels, getter):
    """(where, value) of the nearest level whose `getter` gives a value, or (None, None)."""
    for where, level in levels:
        value = getter(level)
        if value is not None:
            return where, value
    return None, None


def font_slot(rpr, slot: str) -> tuple[str | None, str | None] | None:
    """What one w:rFonts says about a slot: (name, theme reference), or None when silent.

    A theme attribute beats a name on the same element, which is how Word reads it."""
    fonts = attrs(rpr, "rFonts")
    name, theme = fonts.get(slot), fonts.get(_SLOT_THEME[slot])
    if name is None and theme is None:
        return None
    return name, theme


def ind_values(ppr) -> dict:
    return attrs(ppr, "ind")


def spacing_values(ppr) -> dict:
    return attrs(ppr, "spacing")


def toggle(rpr, name: str):
    return on(rpr, name)

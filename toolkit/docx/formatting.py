"""A DOCX's formatting resolved as Word resolves it, run by run, matched to a Document's blocks."""

# They judge the file (a checked .docx, or the DOCX a build of a YAML draft would write) against
# the style profile in force (`--style`, default gbt9704), so a unit's own profile is audited
# against itself. Formatting is resolved as Word resolves it: run → character style chain →
# paragraph style chain → docDefaults, theme fonts through the theme part.

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from toolkit.core.document import (ATTACHMENT, BODY, DATE, HEADING, NOTE, SALUTATION, SIGNATURE,
                                   SUBTITLE, TITLE, Block)
from toolkit.docx import existing, ooxml

TWIPS_PER_MM = 1440 / 25.4
PT_PER_MM = 72 / 25.4
# Word's single line for a CJK face is about 1.3 em (ascent, descent and the East Asian gap);
# only used when a document has no exact line spacing, and then the count is said to be about.
SINGLE_LINE_EM = 1.3

KIND_NAMES = {TITLE: "标题", SUBTITLE: "副标题", SALUTATION: "主送机关（称谓）", BODY: "正文",
              "heading1": "一级标题", "heading2": "二级标题", "heading3": "三级标题",
              "heading4": "四级标题", ATTACHMENT: "附件说明", SIGNATURE: "发文机关署名",
              DATE: "成文日期", NOTE: "附注", "series": "“一是”等领句", "footer": "页码"}
SIZE_NAMES = {42: "初号", 36: "小初", 26: "一号", 24: "小一", 22: "二号", 18: "小二", 16: "三号",
              15: "小三", 14: "四号", 12: "小四", 10.5: "五号", 9: "小五", 7.5: "六号"}
ALIGN_NAMES = {"left": "左对齐", "start": "左对齐", "center": "居中", "right": "右对齐",
                "end": "右对齐", "both": "两端对齐", "justify": "两端对齐",
                "distribute": "分散对齐"}
JC_VALUES = {"left": ("left", "start", "both", "distribute"), "right": ("right", "end"),
       "center": ("center",), "justify": ("both", "distribute", "left", "start")}


def kind_key(block: Block) -> str:
    """The profile group a block is set in: title, body, heading1 … heading4, …"""
    if block.kind == HEADING:
        return f"heading{min(max(block.level, 1), 4)}"
    return block.kind


def num_text(value: float, digits: int = 1) -> str:
    """A measure without trailing zeros: 37, 25.4, and (digits=2) 28.95."""
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def size_name(points: float) -> str:
    name = SIZE_NAMES.get(points)
    return f"{name}（{num_text(points)} 磅）" if name else f"{num_text(points)} 磅"


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
            or 0xFF00 <= o <= 0xFFEF or o >= 0x20000)


# ---------------------------------------------------------------- the view the rules share

@dataclass
class Para:
    """A body paragraph of the DOCX and the block of the Document it is (block -1: none)."""

    number: int
    element: object
    text: str
    block: int = -1
    shift: int = 0  # block offset = paragraph offset + shift


@dataclass(frozen=True)
class Face:
    """A resolved font slot: the face, the theme reference it came from, and where it is set."""

    name: str | None
    theme: str | None = None
    where: str | None = None  # "direct", "style:<id>" or "defaults"

    def label(self) -> str:
        """The face as a message shows it: “宋体”, or 主题字体 minorEastAsia（“等线”）."""
        if self.theme:
            return f"主题字体 {self.theme}（{'“' + self.name + '”' if self.name else '主题中未定义'}）"
        return f"“{self.name}”" if self.name else "（未指定的字体）"


@dataclass
class FaceUse:
    """Characters of one run drawn in one slot, with the face the profile wants for them."""

    para: Para
    start: int  # block offsets
    end: int
    key: str  # profile group: body, heading2, title, series …
    role: str  # "text", or "lead" for the title part of a run-in paragraph
    slot: str  # "eastAsia" (Chinese) or "ascii" (Latin letters and digits)
    face: Face
    want: str
    bold: bool
    want_bold: bool
    chars: int
    run: object = None


class Layout:
    """A DOCX as the layout rules and the fonts report see it."""

    def __init__(self, package: existing.OpenDocx, blocks: list[Block], origin: str):
        self.package = package
        part = ooxml.DOCUMENT_PART
        self.settings = package.related(part, "settings")
        self.sheet = existing.StyleSheet(package.related(part, "styles"),
                                       package.related(part, "theme"), self.settings)
        self.body = package.body
        self.blocks = blocks
        self.sections = [existing.section_setup(s) for s in existing.sections(self.body)]
        self.paragraphs = _map(list(existing.body_paragraphs(self.body)), blocks, origin)
        self.by_element = {id(p.element): p for p in self.paragraphs}

    # -- formatting, resolved
    def face(self, run, p, slot: str) -> Face:
        for where, rpr in self.sheet.rpr_levels(run, p):
            found = existing.font_slot(rpr, slot)
            if found is not None:
                name, theme = found
                if theme:
                    return Face(self.sheet.theme_font(theme), theme, where)
                return Face(name, None, where)
        return Face(None)

    def size(self, run, p) -> float:
        _, half = existing.first_value(self.sheet.rpr_levels(run, p),
                                     lambda r: existing.val(r, "sz"))
        return existing.as_int(half, 20) / 2 if half is not None else 10.0  # Word's default: 10 pt

    def bold(self, run, p) -> bool:
        _, value = existing.first_value(self.sheet.rpr_levels(run, p),
                                      lambda r: existing.toggle(r, "b"))
        return bool(value)

    def hint(self, run, p) -> str | None:
        _, value = existing.first_value(self.sheet.rpr_levels(run, p),
                                      lambda r: existing.attrs(r, "rFonts").get("hint"))
        return value

    def char_spacing(self, run, p) -> int:
        _, value = existing.first_value(self.sheet.rpr_levels(run, p),
                                      lambda r: existing.val(r, "spacing"))
        return existing.as_int(value)

    def jc(self, p) -> str:
        _, value = existing.first_value(self.sheet.ppr_levels(p), lambda r: existing.val(r, "jc"))
        return value or "left"

    def indent(self, p) -> dict[str, int]:
        """Effective w:ind, attribute groups resolved separately (first line, left, right)."""
        levels = self.sheet.ppr_levels(p)
        out: dict[str, int] = {}
        for group in (("firstLine", "firstLineChars", "hanging", "hangingChars"),
                      ("left", "leftChars", "start", "startChars"),
                      ("right", "rightChars", "end", "endChars")):
            def get(ppr, group=group):
                ind = existing.ind_values(ppr)
                found = {k: existing.as_int(ind[k]) for k in group if k in ind}
                return found or None
            _, found = existing.first_value(levels, get)
            out.update(found or {})
        for logical, physical in (("start", "left"), ("end", "right")):
            for suffix in ("", "Chars"):
                if logical + suffix in out and physical + suffix not in out:
                    out[physical + suffix] = out[logical + suffix]
        return out

    def line_spacing(self, p) -> tuple[int | None, str]:
        levels = self.sheet.ppr_levels(p)
        _, line = existing.first_value(levels, lambda r: existing.spacing_values(r).get("line"))
        _, rule = existing.first_value(levels, lambda r: existing.spacing_values(r).get("lineRule"))
        return (None if line is None else existing.as_int(line)), (rule or "auto")

    def snap_to_grid(self, p) -> bool:
        _, value = existing.first_value(self.sheet.ppr_levels(p),
                                      lambda r: existing.toggle(r, "snapToGrid"))
        return True if value is None else value

    def style_of(self, where: str | None) -> str:
        """Where a value is set, as a Word user finds it."""
        if where is None:
            return "Word 的默认设置"
        if where == "direct":
            return "这一段的直接格式"
        if where == "defaults":
            return "文档默认格式"
        return f"样式“{self.sheet.name(where.partition(':')[2])}”"

    # -- structure
    def dominant_size(self, p) -> float:
        sizes: Counter = Counter()
        for run, _, text in existing.visible_runs(p):
            sizes[self.size(run, p)] += len(text.strip()) or 0
        if sizes and sum(sizes.values()):
            return sizes.most_common(1)[0][0]
        return self.size(None, p)

    def section(self) -> dict:
        return self.sections[-1] if self.sections else {}

    def footers(self) -> list[tuple[int, str, str]]:
        """(section index, footer type, part name) for every footer in force, as Word applies
        them (a section without its own reference keeps the previous section's)."""
        relations = self.package.relations(ooxml.DOCUMENT_PART)
        current: dict[str, str] = {}
        out = []
        for index, section in enumerate(self.sections):
            current = {**current, **section["footers"]}
            for kind, rid in current.items():
                target = relations.get(rid)
                if target is not None and target[0] == "footer":
                    out.append((index, kind, target[1]))
        return out


def _map(numbered: list, blocks: list[Block], origin: str) -> list[Para]:
    """Body paragraphs paired with the Document's blocks.

    A checked file's blocks carry the paragraph number in their spans; a built draft has one
    paragraph per block, with empty paragraphs for the blank lines between kinds, matched by
    text (a profile may move a block, as the date under the title; what no block reads as
    exactly is left unpaired and unjudged).
    """
    paras = [Para(n, p, "".join(t for _, t in existing.visible_pieces(p))) for n, p in numbered]
    if origin == "file":
        by_number = {p.number: p for p in paras}
        for index, block in enumerate(blocks):
            for span in block.spans:
                if not span.origin.simple:
                    continue  # Word's automatic number: not in the paragraph's text
                para = by_number.get(span.origin.line)
                if para is not None and para.block < 0:
                    para.block = index
                    para.shift = span.start - (span.origin.column - 1) - span.offset
    elif origin == "built":
        waiting: dict[str, list[int]] = {}
        for index, block in enumerate(blocks):
            waiting.setdefault(block.text, []).append(index)
        for para in paras:
            if para.text.strip() and waiting.get(para.text):
                para.block = waiting[para.text].pop(0)
    return paras


def _segments(block: Block, profile) -> list[tuple[int, int, str, bool, str, str]]:
    """(start, end, face, bold, role, profile group) the profile sets the parts of a block in."""
    key = kind_key(block)
    spec = getattr(profile, key, None)
    if spec is None:
        return []
    n = len(block.text)
    if block.kind == HEADING and block.runin:
        lead = getattr(profile, f"{key}_lead", spec)
        return [(0, block.lead, lead.font, lead.bold, "lead", key),
                (block.lead, n, profile.body.font, profile.body.bold, "text", BODY)]
    if block.kind == BODY and block.series and 0 < block.lead < n:
        lead = profile.series_lead
        return [(0, block.lead, lead.font, lead.bold, "lead", "series"),
                (block.lead, n, profile.body.font, profile.body.bold, "text", BODY)]
    return [(0, n, spec.font, spec.bold, "text", key)]


def face_uses(layout: Layout, profile) -> list[FaceUse]:
    """Each run's Chinese and Latin characters, the face they get and the face wanted."""
    out: list[FaceUse] = []
    for para in layout.paragraphs:
        if para.block < 0:
            continue
        block = layout.blocks[para.block]
        segments = _segments(block, profile)
        if not segments:
            continue
        p = para.element
        for run, offset, text in existing.visible_runs(p):
            fonts = {}
            for slot in ("eastAsia", "ascii"):
                counts: dict[tuple, list[int]] = {}
                for k, ch in enumerate(text):
                    if slot == "eastAsia" and not _is_cjk(ch):
                        continue
                    if slot == "ascii" and not (ch.isascii() and ch.isalnum()):
                        continue
                    at = offset + k + para.shift
                    seg = next((s for s in segments if s[0] <= at < s[1]), segments[-1])
                    counts.setdefault(seg, []).append(at)
                if not counts:
                    continue
                if slot not in fonts:
                    fonts[slot] = layout.face(run, p, slot)
                bold = layout.bold(run, p)
                for seg, places in counts.items():
                    want = seg[2] if slot == "eastAsia" else profile.fonts.latin
                    out.append(FaceUse(para, places[0], places[-1] + 1, seg[5], seg[4], slot,
                                       fonts[slot], want, bold, seg[3], len(places), run))
    return out

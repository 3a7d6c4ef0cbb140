"""Typesets a Document as DOCX in the layout of a style profile (GB/T 9704-2012 by default)."""

from __future__ import annotations

import datetime as _dt
import functools
import io
import re
import threading
from pathlib import Path

from toolkit.core.document import (ATTACHMENT, BODY, DATE, HEADING, NOTE, SALUTATION, SIGNATURE,
                                   SUBTITLE, TITLE, Block, Document)
from toolkit.core.errors import InputError, Place
from toolkit.core.output import atomic_write
from toolkit.docx import ooxml
from toolkit.docx.profiles import ParaStyle, Profile, RunStyle, load_profile
from toolkit.docx.reference import apply_reference
from toolkit.text.titles import break_title

# Style ids and names (contract for readers of our files, e.g. the DOCX parser): built-in names
# where Word has one, so navigation and the style gallery know them.
PARAGRAPH_STYLES = {
    TITLE: ("Title", "Title"),
    SUBTITLE: ("Subtitle", "Subtitle"),
    SALUTATION: ("Salutation", "Salutation"),
    BODY: ("Normal", "Normal"),
    ATTACHMENT: ("Attachment", "Attachment"),
    SIGNATURE: ("Signature", "Signature"),
    DATE: ("Date", "Date"),
    NOTE: ("Note", "Note"),
}
HEADING_STYLES = {n: (f"Heading{n}", f"Heading {n}") for n in (1, 2, 3, 4)}
LEAD_STYLES = {"heading1_lead": ("RunInHeading1", "Run-in Heading 1"),
               "heading2_lead": ("RunInHeading2", "Run-in Heading 2"),
               "heading3_lead": ("RunInHeading3", "Run-in Heading 3"),
               "heading4_lead": ("RunInHeading4", "Run-in Heading 4"),
               "series_lead": ("SeriesLead", "Series Lead")}
FOOTER_STYLE = ("Footer", "Footer")

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_ATTACHMENT = re.compile(r"^(附件[：:])?\s*(\d+[.．])?")
_HEAD = "附件："

_lock = threading.Lock()
_bases: dict[str, ooxml.Package] = {}
_MAX_BASES = 16


def render_docx(doc: Document, profile: Profile | str | Path | None = None,
                reference: str | Path | None = None, styles: bool = False) -> bytes:
    """The DOCX bytes of `doc` set in `profile` (default: the built-in gbt9704), over a unit's
    reference DOCX when given: its page setup and letterhead headers, and with `styles` its
    styles and line grid as well (see `apply_reference`)."""
    buffer = io.BytesIO()
    _write(doc, load_profile(profile), buffer, reference, styles=styles)
    return buffer.getvalue()


def write_docx(doc: Document, target: str | Path,
               profile: Profile | str | Path | None = None,
               reference: str | Path | None = None, styles: bool = False,
               force: bool = False) -> Path:
    """Write `doc` as a DOCX at `target`, atomically: a failure leaves any previous file intact.
    `reference` and `styles` as for `render_docx`; `force` replaces a read-only file."""
    profile = load_profile(profile)
    # before the target is touched: errors leave it alone
    package = _base(profile, reference, styles)
    return atomic_write(target, lambda handle: _write(doc, profile, handle, reference, package),
                        force)


# ---------------------------------------------------------------- the per-report part

def _write(doc: Document, profile: Profile, handle, reference=None, package=None,
           styles: bool = False) -> None:
    _check_text(doc)
    package = package or _base(profile, reference, styles)
    make = ooxml.Paragraphs()
    _paragraphs(doc, profile, make)
    now = build_time()
    package.write(handle, make.xml(), ooxml.core_properties(doc.title, doc.unit, now), now)


def build_time() -> _dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that a build can be reproduced byte for byte."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        # Zip dates start in 1980; an earlier epoch would not be representable.
        return _dt.datetime.fromtimestamp(max(int(epoch), 315532800), _dt.timezone.utc)
    return _dt.datetime.now(_dt.timezone.utc)


def _check_text(doc: Document) -> None:
    """Refuse characters XML cannot carry: Word would call the whole file damaged."""
    if _BAD_CHARS.search(doc.unit):
        raise InputError("单位名称中有不能写入 Word 文档的控制字符。", Place(doc.source or "（文档）"))
    for n, block in enumerate(doc.blocks, 1):
        bad = _BAD_CHARS.search(block.text)
        if bad:
            place = block.origin_at(bad.start()) or Place(doc.source or "（文档）")
            raise InputError(
                f"第 {n} 段含有不能写入 Word 文档的控制字符（U+{ord(bad.group()):04X}）。", place,
                "请删除这个不可见字符；如果是从别处复制的文字，请重新输入这一处。")


def _style(profile: Profile, block: Block) -> ParaStyle:
    if block.kind == HEADING:
        return getattr(profile, f"heading{_level(block)}")
    return getattr(profile, block.kind)


def _level(block: Block) -> int:
    return min(max(block.level, 1), 4)


def _blank_lines(profile: Profile, prev: Block | None, block: Block) -> int:
    """Empty lines between two blocks, only where the kind changes (GB/T 9704 7.3.2, 7.3.4, 7.3.5)."""
    if prev is None or prev.kind == block.kind:
        return 0
    here = _style(profile, block)
    before = here.blank_before
    if block.kind == DATE and prev.kind != SIGNATURE:
        before = profile.signature.blank_before  # no signature: the date opens the closing
    after = 0 if block.kind in (TITLE, SUBTITLE) else _style(profile, prev).blank_after
    return max(before, after)


def _date_under_title(blocks: list[Block]) -> list[Block]:
    """Blocks with the date moved under the title (and its subtitle lines), in brackets."""
    dates = [b for b in blocks if b.kind == DATE]
    if not dates:
        return blocks
    rest = [b for b in blocks if b.kind != DATE]
    at = 0
    while at < len(rest) and rest[at].kind in (TITLE, SUBTITLE):
        at += 1
    text = dates[0].text if dates[0].text.startswith("（") else f"（{dates[0].text}）"
    return rest[:at] + [Block(SUBTITLE, text)] + rest[at:]


def _paragraphs(doc: Document, profile: Profile, make: ooxml.Paragraphs,
                new_page: bool = False) -> None:
    """The paragraphs of one report; `new_page` starts it on a new page (in a volume)."""
    blocks = doc.blocks
    if profile.date.under_title:
        blocks = _date_under_title(blocks)
    closing = _closing_layout(blocks, profile)
    start = _closing_start(blocks)
    last = len(blocks) - 1
    prev = None
    for i, block in enumerate(blocks):
        keep_blank = start is not None and i >= start
        for _ in range(_blank_lines(profile, prev, block)):
            make.paragraph("Normal", keep_next=keep_blank)
        prev = block
        kind = block.kind
        # Body text, blank lines, 附件说明 and 署名 kept with what follows, so the closing
        # never stands alone on a page (GB/T 9704-2012 7.3.5, 7.3.7: no “此页无正文”).
        keep = start is not None and start - 1 <= i < last
        if new_page and i == 0:
            texts = break_title(block.text, profile.title.max_line_chars) if kind == TITLE else None
            make.paragraph(PARAGRAPH_STYLES.get(kind, ("Normal",))[0],
                           [(list(texts or [block.text]), "")], page_break_before=True,
                           keep_next=keep)
            continue
        if kind == HEADING:
            level = _level(block)
            if 0 < block.lead < len(block.text):  # run-in: “（一）标题。正文……”
                char_style = LEAD_STYLES[f"heading{level}_lead"][0]
                make.paragraph("Normal", [(block.text[:block.lead], char_style),
                                          (block.text[block.lead:], "")], keep_next=keep)
            else:
                make.paragraph(HEADING_STYLES[level][0], [(block.text, "")], keep_next=keep)
        elif kind == TITLE:
            lines = break_title(block.text, profile.title.max_line_chars) or [block.text]
            make.paragraph("Title", [(list(lines), "")], keep_next=keep)
        elif kind == BODY and block.series and 0 < block.lead < len(block.text):
            make.paragraph("Normal", [(block.text[:block.lead], LEAD_STYLES["series_lead"][0]),
                                      (block.text[block.lead:], "")], keep_next=keep)
        elif kind in (SIGNATURE, DATE):
            indent, align = closing[i]
            make.paragraph(PARAGRAPH_STYLES[kind][0], [(block.text, "")], indent=indent,
                           align=align, keep_next=keep)
        elif kind == ATTACHMENT:
            make.paragraph("Attachment", [(block.text, "")],
                           indent=_attachment_indent(block.text, profile), keep_next=keep)
        elif kind in PARAGRAPH_STYLES:
            make.paragraph(PARAGRAPH_STYLES[kind][0], [(block.text, "")], keep_next=keep)
        else:
            raise ValueError(f"unknown block kind {kind!r}")


_CLOSING = (ATTACHMENT, SIGNATURE, DATE, NOTE)


def _closing_start(blocks: list[Block]) -> int | None:
    """Index of the first block of the closing (附件说明, 署名, 日期, 附注 at the end), or None
    when the report has no 附件说明, 署名 or 日期 at its end."""
    at = len(blocks)
    while at and blocks[at - 1].kind in _CLOSING:
        at -= 1
    if not any(b.kind != NOTE for b in blocks[at:]):
        return None
    return at


def estimate_lines(doc: Document, profile: Profile) -> int:
    """Grid lines the report takes (22 make a page): each paragraph's width over the line,
    first-line indents and blank lines included. An estimate for a volume's contents."""
    full, _ = _pitch(profile, profile.body.size_pt)
    line = profile.grid.chars * full
    total = 0
    prev = None
    for block in doc.blocks:
        total += _blank_lines(profile, prev, block)
        prev = block
        if block.kind == TITLE:
            total += len(break_title(block.text, profile.title.max_line_chars) or [block.text])
            continue
        indent = 2 * full if block.kind in (BODY, HEADING) else 0
        width = indent + _width(block.text, profile, profile.body.size_pt)
        total += max(1, -(-width // line))
    return total


def write_volume(docs: list[Document], title: str, target: str | Path,
                 profile: Profile | str | Path | None = None,
                 reference: str | Path | None = None, styles: bool = False,
                 force: bool = False) -> Path:
    """A combined volume (汇编): a cover title, a table of contents, then each report starting on
    a new page, one section so page numbers run on, every page in the profile's layout.
    `reference` and `styles` as for `render_docx`."""
    profile = load_profile(profile)
    lines_per_page = profile.grid.lines
    contents_lines = 4 + len(docs)
    page = -(-contents_lines // lines_per_page) + 1
    entries = []
    for doc in docs:
        entries.append((doc.title, page))
        page += max(1, -(-estimate_lines(doc, profile) // lines_per_page))
    page_setup = profile.page
    width = _twips(page_setup.width_mm) - _twips(page_setup.left_mm) - _twips(page_setup.right_mm)

    def write(handle) -> None:
        for doc in docs:
            _check_text(doc)
        make = ooxml.Paragraphs()
        make.contents(title, entries, width, profile.title.font, round(profile.title.size_pt * 2))
        for doc in docs:
            _paragraphs(doc, profile, make, new_page=True)
        now = build_time()
        unit = "、".join(dict.fromkeys(d.unit for d in docs if d.unit))[:200]
        _base(profile, reference, styles).write(handle, make.xml(),
                                                ooxml.core_properties(title, unit, now), now,
                                                update_fields=True)

    return atomic_write(target, write, force)


_NARROW = frozenset(".,:;'!| ")  # about a quarter em in Times New Roman


def _pitch(profile: Profile, size_pt: float) -> tuple[int, int]:
    """Advance of a full-width and a half-width character, in twips, after condensing."""
    condense = profile.grid.condense_twips
    return round(size_pt * 20) + condense, round(size_pt * 10) + condense


def _width(text: str, profile: Profile, size_pt: float) -> int:
    """Estimated printed width in twips: CJK one em; Latin letters and digits (Times New Roman,
    below U+2000) half an em, narrow marks a quarter."""
    full, half = _pitch(profile, size_pt)
    narrow = round(size_pt * 5) + profile.grid.condense_twips
    return sum(full if ord(ch) >= 0x2000 else narrow if ch in _NARROW else half for ch in text)


def _twips(mm: float) -> int:
    return round(mm * 36000 / 635)  # as python-docx writes the section: mm → EMU → twips


def _closing_layout(blocks: list[Block], profile: Profile) -> dict[int, tuple[dict, str | None]]:
    """Indent and alignment of signature and date lines (GB/T 9704-2012 7.3.5.2; the sealed
    layout of 7.3.5.1 when the profile's signature.sealed is true, see `_sealed`).

    署名 stands 2 characters from the right; the date's first character sits 2 characters right
    of the 署名's first character, so the date is set flush left from that point (exact in any
    renderer, since a 署名 is Chinese characters). A date longer than that stands 2 characters
    from the right and the 署名 moves left to keep the 2-character shift.
    """
    layout: dict[int, tuple[dict, str | None]] = {}
    sig, date = profile.signature, profile.date
    full, _ = _pitch(profile, sig.size_pt)
    margin = round(sig.right_chars * full)
    shift = round(date.shift_chars * full)
    page = profile.page
    line = _twips(page.width_mm) - _twips(page.left_mm) - _twips(page.right_mm)
    for i, block in enumerate(blocks):
        if block.kind not in (SIGNATURE, DATE):
            continue
        if block.kind == SIGNATURE:
            partner = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].kind == DATE else None
            s_text, d_text = block.text, partner.text if partner else ""
        else:
            partner = blocks[i - 1] if i and blocks[i - 1].kind == SIGNATURE else None
            s_text, d_text = partner.text if partner else "", block.text
        s_width = _width(s_text, profile, sig.size_pt)
        d_width = _width(d_text, profile, date.size_pt) if d_text else 0
        if sig.sealed and d_text:
            layout[i] = _sealed(block.kind, s_text, s_width, d_width, profile, line)
            continue
        date_fits = s_text and s_width >= d_width + shift
        if block.kind == SIGNATURE:
            right = margin if not d_text or date_fits else margin + d_width + shift - s_width
            layout[i] = ({"right_chars": 0, "right": right}, None)
        elif date_fits:
            left = line - margin - s_width + shift
            layout[i] = ({"left_chars": 0, "left": left, "right_chars": 0, "right": 0}, "left")
        else:
            layout[i] = ({"right_chars": 0, "right": margin}, None)
    return layout


def _sealed(kind: str, s_text: str, s_width: int, d_width: int, profile: Profile,
            line: int) -> tuple[dict, str | None]:
    """Indent and alignment of a sealed closing (GB/T 9704-2012 7.3.5.1): 成文日期 右空四字
    and the 署名 centred over it. Both lines are centred on the same axis between the same
    indents, so their centres meet in any renderer whatever the digits measure; the axis is
    the date's centre (date.right_chars in), or, for a 署名 that would then come closer than
    signature.right_chars to the edge, the 署名's centre at that distance."""
    full, _ = _pitch(profile, profile.signature.size_pt)
    date_right = round(profile.date.right_chars * full)
    if not s_text:  # a date alone: 右空四字
        return {"right_chars": 0, "right": date_right}, "right"
    axis = max(date_right + d_width / 2,  # from the right edge
               round(profile.signature.right_chars * full) + s_width / 2)
    half = min(axis, line - axis)
    right = round(axis - half)
    left = round(line - axis - half)
    return {"left_chars": 0, "left": left, "right_chars": 0, "right": right}, "center"


def _attachment_indent(text: str, profile: Profile) -> dict:
    """附件说明 (GB/T 9704-2012 7.3.4): 2 characters in; a long name wraps under its first
    character; “2.” of a further attachment stands under “1.”."""
    style = profile.attachment
    full, _ = _pitch(profile, style.size_pt)
    start = round(style.left_chars * full)
    match = _ATTACHMENT.match(text)
    head, number = match.group(1) or "", match.group(2) or ""
    head_width = _width(_HEAD, profile, style.size_pt)
    number_width = _width(number, profile, style.size_pt)
    left = start + head_width + number_width
    hanging = number_width + (head_width if head else 0)
    return {"left_chars": 0, "left": left, "hanging_chars": 0, "hanging": hanging,
            "first_chars": None}


# ---------------------------------------------------------------- the per-profile part

@functools.lru_cache(maxsize=8)
def _reference(path: str, mtime: int, size: int) -> tuple[bytes, str]:
    """A unit's reference DOCX (read with the same safety checks as any DOCX input) and its
    digest; read once per version of the file, however many reports a batch builds."""
    import hashlib

    from toolkit.docx.reader import _check_zip, _read_bytes

    data = _read_bytes(Path(path), path)
    _check_zip(data, path)
    return data, hashlib.sha1(data).hexdigest()


def _lead_style(profile: Profile, field: str) -> RunStyle:
    """The face of a run-in title: the profile's own setting, else its heading level's face
    (levels 1–2 run in rarely, as in “（一）强化组织领导。正文……”, and then keep their face)."""
    lead = getattr(profile, field, None)
    if lead is not None:
        return lead
    heading = getattr(profile, field.replace("_lead", ""))
    return RunStyle(font=heading.font, bold=heading.bold)


def _base(profile: Profile, reference: str | Path | None = None,
          styles: bool = False) -> ooxml.Package:
    """The profile's empty DOCX (styles, page, footers), built once and then reused; with a
    unit's reference DOCX laid over it when one is given (its styles too with `styles`).

    Kept in memory for the process and on disk in the user's cache folder, so a cold build
    neither imports python-docx nor builds styles again; any cache problem means a rebuild.
    """
    if reference is not None:
        info = Path(reference).stat() if Path(reference).is_file() else None
        data, digest = _reference(str(reference), info.st_mtime_ns if info else 0,
                                  info.st_size if info else 0)
        key = profile.key + digest + ("+styles" if styles else "")
        package = _bases.get(key)
        if package is None:
            plain = _base(profile)
            try:
                blob = apply_reference(plain.blob(), data, styles=styles)
            except Exception as exc:  # a DOCX we cannot take apart: say so, do not crash
                raise InputError(f"无法使用参考文档（{type(exc).__name__}）。",
                                 Place(str(reference)),
                                 "请确认它是 Word 保存的 .docx 文件，含有页面设置或页眉。") from None
            package = ooxml.Package(blob)
            with _lock:
                _bases[key] = package
        return package
    key = profile.key
    package = _bases.get(key)
    if package is None:
        with _lock:
            package = _bases.get(key)
            if package is None:
                package = _load_or_build(profile)
                if len(_bases) >= _MAX_BASES:
                    _bases.pop(next(iter(_bases)))
                _bases[key] = package
    return package


def _cache_file(profile: Profile) -> Path | None:
    import hashlib

    from toolkit import __version__
    from toolkit.core import resources

    try:
        # The base depends on this code as much as on the profile: an edited writer (an
        # editable install) must not be served a base built by its previous version.
        stamp = [__version__, profile.key]
        for module in (__file__, ooxml.__file__, apply_reference.__code__.co_filename):
            info = Path(module).stat()
            stamp.append(f"{info.st_mtime_ns}:{info.st_size}")
        digest = hashlib.sha1("|".join(stamp).encode()).hexdigest()[:20]
        return resources.cache_dir() / "docx" / f"base-{digest}.docx"
    except (OSError, RuntimeError):
        return None


def _load_or_build(profile: Profile) -> ooxml.Package:
    cache = _cache_file(profile)
    if cache is not None:
        try:
            return ooxml.Package(cache.read_bytes())
        except Exception:  # missing, unreadable or damaged: build it again
            pass
    blob = _build_base(profile)
    package = ooxml.Package(blob)
    if cache is not None:
        _store(cache, blob)
    return package


def _store(cache: Path, blob: bytes) -> None:
    """Save a base in the cache folder; a read-only or full disk only costs speed."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cache, lambda handle: handle.write(blob))
        old = sorted(cache.parent.glob("base-*.docx"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-_MAX_BASES]:
            stale.unlink()
    except Exception:
        pass


def _build_base(profile: Profile) -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm

    package = docx.Document(io.BytesIO(ooxml.skeleton(profile.grid.compress_punctuation)))
    page = profile.page
    section = package.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
    section.header_distance, section.footer_distance = Mm(page.header_mm), Mm(page.footer_mm)
    section.gutter = Mm(0)
    ooxml.set_doc_grid(section._sectPr, profile.grid.line_twips)
    package.settings.odd_and_even_pages_header_footer = True

    styles = package.styles
    ooxml.set_doc_defaults(styles.element, profile.body.font, profile.fonts.latin,
                            profile.body.size_pt, profile.fonts.lang)
    normal = styles["Normal"]
    _paragraph_style(normal, profile.body, profile, normal=True)
    for kind, (style_id, name) in PARAGRAPH_STYLES.items():
        if kind == BODY:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = style_id
        style.base_style = normal
        style.next_paragraph_style = normal
        _paragraph_style(style, getattr(profile, kind), profile)
    for level, (style_id, name) in HEADING_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = style_id
        style.base_style = normal
        style.next_paragraph_style = normal
        _paragraph_style(style, getattr(profile, f"heading{level}"), profile, outline=level - 1)
    for field, (style_id, name) in LEAD_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.style_id = style_id
        _run_style(style, _lead_style(profile, field), profile)
    footer_style = styles.add_style(FOOTER_STYLE[1], WD_STYLE_TYPE.PARAGRAPH)
    footer_style.style_id = FOOTER_STYLE[0]
    footer_style.base_style = normal
    _footer_style(footer_style, profile)
    ooxml.strip_theme_fonts(styles.element)
    for element in styles.element.iterchildren():
        ooxml.mark_builtin(element)

    number = profile.page_number
    indent = round(number.indent_chars * number.size_pt * 20)
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    ooxml.page_number(section.footer._element, FOOTER_STYLE[0], number.before, number.after,
                       number.odd_align, indent, "left" if number.odd_align == "left" else "right")
    ooxml.page_number(section.even_page_footer._element, FOOTER_STYLE[0], number.before,
                       number.after, number.even_align, indent,
                       "right" if number.even_align == "right" else "left")
    buffer = io.BytesIO()
    package.save(buffer)
    return buffer.getvalue()


def _paragraph_style(style, spec: ParaStyle, profile: Profile, *, normal: bool = False,
                     outline: int | None = None) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt, Twips

    style.quick_style = True
    element = style.element
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = Twips(profile.grid.line_twips)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    ppr = ooxml.props(element, "pPr")
    if normal:
        pf.widow_control = profile.grid.widow_control
        ooxml.on_off(ppr, "autoSpaceDE", profile.grid.auto_space)
        ooxml.on_off(ppr, "autoSpaceDN", profile.grid.auto_space)
    ooxml.on_off(ppr, "snapToGrid", spec.snap_to_grid)
    first = round(spec.first_line_chars * spec.size_pt * 20)
    if spec.left_chars:
        left = round(spec.left_chars * spec.size_pt * 20)
        ooxml.set_indent(ppr, left_chars=round(spec.left_chars * 100), left=left,
                          first_chars=round(spec.first_line_chars * 100), first=first)
    elif spec.right_chars:
        right = round(spec.right_chars * spec.size_pt * 20)
        ooxml.set_indent(ppr, right_chars=round(spec.right_chars * 100), right=right,
                          first_chars=round(spec.first_line_chars * 100), first=first)
    else:
        ooxml.set_indent(ppr, first_chars=round(spec.first_line_chars * 100), first=first)
    ooxml.set_jc(ppr, spec.align)
    if outline is not None:
        ooxml.set_outline(ppr, outline)
    rpr = ooxml.props(element, "rPr")
    ooxml.set_fonts(rpr, spec.font, profile.fonts.latin)
    ooxml.set_bold(rpr, spec.bold)
    if normal:
        ooxml.set_condense(rpr, profile.grid.condense_twips)
    ooxml.set_size(rpr, spec.size_pt)
    if normal:
        ooxml.set_lang(rpr, profile.fonts.lang)


def _run_style(style, spec: RunStyle, profile: Profile) -> None:
    style.quick_style = True
    rpr = ooxml.props(style.element, "rPr")
    ooxml.set_fonts(rpr, spec.font, profile.fonts.latin)
    ooxml.set_bold(rpr, spec.bold)


def _footer_style(style, profile: Profile) -> None:
    number = profile.page_number
    ppr = ooxml.props(style.element, "pPr")
    # Off the grid and single-spaced: a footer one grid line (10.2 mm) high is taller than the
    # 9.5 mm between footer distance and bottom margin, and LibreOffice then takes the
    # difference from the body, leaving 21 lines a page (measured).
    ooxml.on_off(ppr, "snapToGrid", False)
    ooxml.set_single_line(ppr)
    ooxml.set_indent(ppr, first_chars=0, first=0, left_chars=0, left=0, right_chars=0, right=0)
    rpr = ooxml.props(style.element, "rPr")
    # 宋体 in every slot: the digits are 半角宋体 too (GB/T 9704-2012 7.5), not Times New Roman.
    ooxml.set_fonts(rpr, number.font, number.font, number.font)
    ooxml.set_bold(rpr, False)
    ooxml.set_condense(rpr, 0)
    ooxml.set_size(rpr, number.size_pt)

"""Layout rules (D101–D118): paper, grid, faces, sizes, indents and page numbers of the DOCX itself."""

# They judge the file (a checked .docx, or the DOCX a build of a YAML draft would write) against
# the style profile in force (`--style`, default gbt9704), so a unit's own profile is audited
# against itself. Formatting is resolved as Word resolves it: run → character style chain →
# paragraph style chain → docDefaults, theme fonts through the theme part.

from __future__ import annotations

import dataclasses
import functools
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.check.engine import Context
from toolkit.check.model import ERROR, INFO, WARNING, DocxExample, Finding, Rule
from toolkit.core.document import (BODY, DATE, HEADING, NOTE, SALUTATION, SIGNATURE, TITLE, Block,
                                   Document)
from toolkit.docx import existing, ooxml
from toolkit.docx.formatting import (ALIGN_NAMES, JC_VALUES, KIND_NAMES, PT_PER_MM, SINGLE_LINE_EM,
                                     SIZE_NAMES, TWIPS_PER_MM, FaceUse, Layout, Para, face_uses,
                                     kind_key, num_text, size_name)


def layout_of(ctx: Context) -> Layout | None:
    """The shared view of the context's DOCX (None: no DOCX behind this document)."""
    if "layout" not in ctx.cache:
        package = ctx.docx
        ctx.cache["layout"] = None if package is None else Layout(package, ctx.blocks,
                                                                  ctx.docx_origin)
    return ctx.cache["layout"]


def _uses(ctx: Context, layout: Layout) -> list[FaceUse]:
    if "face_uses" not in ctx.cache:
        ctx.cache["face_uses"] = face_uses(layout, ctx.profile)
    return ctx.cache["face_uses"]


def _how(ctx: Context, word: str, keys: str) -> str:
    """How to fix: in Word for a checked file; in the style profile for a built draft (the
    profile itself is then what is wrong)."""
    if ctx.docx_origin == "built":
        return f"修改样式配置“{ctx.profile.source or ctx.profile.name}”中的 {keys}。"
    return word


def _at(rule: Rule, layout: Layout, para: Para | None, start: int | None = None,
        end: int | None = None, suggestion: str = "", **args) -> Finding:
    """A finding on a paragraph (its block, or the document when it is not a block)."""
    if para is None or para.block < 0:
        return rule.on_document(suggestion, **args)
    block = layout.blocks[para.block]
    if start is None:
        start = max(para.shift, 0)
        end = min(start + max(len(para.text.strip()), 1), len(block.text))
    return rule.at(para.block, start, max(end or start + 1, start + 1), suggestion, **args)


def _grouped(items, key) -> Iterator[tuple[object, int]]:
    """The first item of each group (by `key`) and the number of paragraphs in the group."""
    first: dict = {}
    paragraphs: dict = {}
    for item in items:
        k = key(item)
        first.setdefault(k, item)
        paragraphs.setdefault(k, set()).add(item.para.number)
    for k, item in first.items():
        yield item, len(paragraphs[k])


def _count(n: int) -> str:
    return f"（共 {n} 段，此为第一处）" if n > 1 else ""


# ---------------------------------------------------------------- page and grid

def _page(layout: Layout) -> Iterator[tuple[int, dict]]:
    seen = set()
    for index, section in enumerate(layout.sections):
        key = tuple(section[k] for k in ("width", "height", "top", "bottom", "left", "right",
                                         "gutter"))
        if key not in seen:
            seen.add(key)
            yield index, section


def _check_page_size(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    page = ctx.profile.page
    for _, section in _page(layout):
        width, height = section["width"] / TWIPS_PER_MM, section["height"] / TWIPS_PER_MM
        if abs(width - page.width_mm) <= 1 and abs(height - page.height_mm) <= 1:
            continue
        got = f"{num_text(width)}×{num_text(height)} 毫米"
        if abs(width - 215.9) < 1 and abs(height - 279.4) < 1:
            got += "（美国 Letter 纸）"
        elif abs(width - page.height_mm) <= 1 and abs(height - page.width_mm) <= 1:
            got += "（横向）"
        want = f"{num_text(page.width_mm)}×{num_text(page.height_mm)} 毫米"
        if abs(page.width_mm - 210) < 1 and abs(page.height_mm - 297) < 1:
            want = "A4 " + want
        yield rule.on_document(_how(ctx, "在 Word“布局—纸张大小”中选 A4，“纸张方向”选纵向。",
                                    "page.width_mm / page.height_mm"), got=got, want=want)


def _check_margins(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    page = ctx.profile.page
    for _, section in _page(layout):
        wrong = []
        for side, name, want in (("top", "上", page.top_mm), ("bottom", "下", page.bottom_mm),
                                 ("left", "左", page.left_mm), ("right", "右", page.right_mm)):
            got = section[side] / TWIPS_PER_MM
            if abs(got - want) > 1:
                wrong.append(f"{name} {num_text(got)} 毫米（应为 {num_text(want)}）")
        gutter = section["gutter"] / TWIPS_PER_MM
        if gutter > 1:
            wrong.append(f"装订线 {num_text(gutter)} 毫米（应为 0）")
        if wrong:
            cm = "、".join(f"{n} {num_text(v / 10)} 厘米" for n, v in (
                ("上", page.top_mm), ("下", page.bottom_mm), ("左", page.left_mm),
                ("右", page.right_mm)))
            yield rule.on_document(_how(
                ctx, f"在 Word“布局—页边距—自定义页边距”中设为：{cm}，装订线 0。",
                "page.top_mm / bottom_mm / left_mm / right_mm"), margins="，".join(wrong))


def _grid(layout: Layout) -> tuple[str, int, int]:
    grid = layout.section().get("grid", {})
    return grid.get("type", ""), existing.as_int(grid.get("linePitch")), existing.as_int(
        grid.get("charSpace"))


def _body_paras(layout: Layout) -> list[Para]:
    body = [p for p in layout.paragraphs
            if p.block >= 0 and layout.blocks[p.block].kind == BODY and p.text.strip()]
    return body or [p for p in layout.paragraphs if p.block >= 0 and p.text.strip()]


def _pitch(layout: Layout, p) -> tuple[float, bool]:
    """Height of one line of paragraph `p` in points, and whether it is exact."""
    line, rule = layout.line_spacing(p)
    grid_type, grid_pitch, _ = _grid(layout)
    gridded = grid_type in ("lines", "linesAndChars", "snapToChars") and grid_pitch > 0
    if rule == "exact" and line:
        return line / 20, True
    size = layout.dominant_size(p) if p is not None else layout.size(None, None)
    natural = size * SINGLE_LINE_EM
    if rule == "atLeast" and line:
        natural = max(natural, line / 20)
    elif line:
        natural *= line / 240
    if gridded and layout.snap_to_grid(p):
        step = grid_pitch / 20
        return max(1, math.ceil(natural / step - 0.01)) * step, False
    return natural, False


def lines_per_page(layout: Layout) -> tuple[int, float, bool, Para | None]:
    """(lines, line height in pt, exact, a body paragraph) of the body text."""
    section = layout.section()
    height = (section.get("height", 0) - section.get("top", 0) - section.get("bottom", 0)) / 20
    pitches: Counter = Counter()
    sample: dict = {}
    for para in _body_paras(layout):
        pitch = _pitch(layout, para.element)
        pitches[pitch] += 1
        sample.setdefault(pitch, para)
    if not pitches:
        pitch = _pitch(layout, None)
        para = None
    else:
        pitch = pitches.most_common(1)[0][0]
        para = sample[pitch]
    lines = int(math.floor(height / pitch[0] + 1e-6)) if pitch[0] > 0 else 0
    return lines, pitch[0], pitch[1], para


def chars_per_line(layout: Layout) -> tuple[int, float, float, float]:
    """(characters, advance in pt, font size, character spacing in pt) of a full body line."""
    section = layout.section()
    width = (section.get("width", 0) - section.get("left", 0) - section.get("right", 0)
             - section.get("gutter", 0)) / 20
    paras = _body_paras(layout)
    advances: Counter = Counter()
    for para in paras:
        p = para.element
        ind = layout.indent(p)
        size = layout.dominant_size(p)
        left = ind.get("leftChars") and ind["leftChars"] / 100 * size or ind.get("left", 0) / 20
        right = (ind.get("rightChars") and ind["rightChars"] / 100 * size
                 or ind.get("right", 0) / 20)
        runs = [(r, t) for r, _, t in existing.visible_runs(p) if t.strip()]
        spacing = layout.char_spacing(runs[0][0] if runs else None, p) / 20
        advances[(size, spacing, left + right)] += 1
    if advances:
        size, spacing, indents = advances.most_common(1)[0][0]
    else:
        size, spacing, indents = layout.size(None, None), layout.char_spacing(None, None) / 20, 0
    grid_type, _, char_space = _grid(layout)
    if grid_type in ("linesAndChars", "snapToChars"):
        # Word's character grid: the Normal style's size plus charSpace/4096 pt per character.
        advance = layout.size(None, None) + char_space / 4096
    else:
        advance = size + spacing
    usable = width - indents
    chars = int(math.floor(usable / advance + 1e-6)) if advance > 0 else 0
    return chars, advance, size, spacing


def _check_lines(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None or not layout.sections:
        return
    grid = ctx.profile.grid
    page = ctx.profile.page
    height_pt = (page.height_mm - page.top_mm - page.bottom_mm) * PT_PER_MM
    # The profile promises GB/T 9704's page (its lines fill the 版心) only when they do.
    promise = abs(grid.lines * grid.line_twips / 20 - height_pt) <= PT_PER_MM
    lines, pitch, exact, para = lines_per_page(layout)
    about = "" if exact else "约 "
    shown = f"固定值 {num_text(pitch, 2)} 磅" if exact else f"约 {num_text(pitch)} 磅（按单倍行距估算）"
    section = layout.section()
    height = (section["height"] - section["top"] - section["bottom"]) / 20
    problem = ""
    if lines != grid.lines:
        problem = f"每页{'约' if about else ''} {lines} 行，应为 {grid.lines} 行"
    elif promise and lines * pitch < height - PT_PER_MM * 2:
        problem = (f"{lines} 行只占版心 {num_text(lines * pitch / PT_PER_MM)} 毫米"
                   f"（版心高 {num_text(height / PT_PER_MM)} 毫米），没有排满")
    if problem:
        want = grid.line_twips / 20
        yield rule.on_document(_how(
            ctx, f"把正文的行距设为固定值 {num_text(want, 2)} 磅，并在“布局—页面设置—文档网格”中选"
                 f"“只指定行网格”、每页 {grid.lines} 行。", "grid.line_twips / grid.lines"),
            problem=problem, pitch=shown)


def _check_chars(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None or not layout.sections:
        return
    grid = ctx.profile.grid
    chars, advance, size, spacing = chars_per_line(layout)
    if chars == grid.chars:
        return
    condense = grid.condense_twips / 20
    how = (f"把“正文”样式的字符间距设为{'紧缩' if condense < 0 else '加宽'} "
           f"{num_text(abs(condense), 2)} 磅（“字体—高级—间距”），字号 {num_text(ctx.profile.body.size_pt)}"
           " 磅，版心宽 156 毫米；不要用 Word 的字符网格（LibreOffice 会排成每行 14 字）。")
    spacing_text = (f"字符间距{'紧缩' if spacing < 0 else '加宽'} {num_text(abs(spacing), 2)} 磅"
                    if spacing else "字符间距为标准")
    yield rule.on_document(_how(ctx, how, "grid.condense_twips / body.size_pt / page"),
                           got=chars, want=grid.chars, size=num_text(size), spacing=spacing_text)


# ---------------------------------------------------------------- faces and sizes

def _face_findings(ctx: Context, rule: Rule, keep) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    from toolkit.docx.faces import family_of

    wrong = [u for u in _uses(ctx, layout)
             if u.slot == "eastAsia" and keep(u) and u.face.name is not None
             and family_of(u.face.name) != family_of(u.want)]
    missing = [u for u in _uses(ctx, layout)
               if u.slot == "eastAsia" and keep(u) and u.face.name is None]
    for use, n in _grouped(wrong + missing, lambda u: (u.key, u.role, u.face)):
        yield _face_finding(ctx, rule, layout, use, n)


def _face_finding(ctx, rule, layout, use: FaceUse, n: int) -> Finding:
    what = KIND_NAMES.get(use.key, use.key)
    if use.role == "lead" and use.key.startswith("heading"):
        what += "（段首标题部分）"
    style = layout.style_of(use.face.where)
    how = (f"选中这些文字，在“字体—中文字体”中选“{use.want}”；整类都如此时，修改{style}的中文字体。")
    problem = f"的中文字体是{use.face.label()}，应为“{use.want}”"
    return _at(rule, layout, use.para, use.start, use.end,
               _how(ctx, how, f"{use.key}.font"), what=what, got=use.face.label(), want=use.want,
               problem=problem, count=_count(n))


def _not_heading_or_title(use: FaceUse) -> bool:
    return not use.key.startswith("heading") and use.key != TITLE


def _check_face(ctx: Context, rule: Rule) -> Iterator[Finding]:
    yield from _face_findings(ctx, rule, _not_heading_or_title)


def _check_heading_face(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    yield from _face_findings(ctx, rule, lambda u: u.key.startswith("heading"))
    # Bold only where the profile asks for it (bold for levels 2 and 3 is a unit's practice).
    unbold = [u for u in _uses(ctx, layout) if u.key.startswith("heading") and u.want_bold
              and not u.bold and u.slot == "eastAsia"]
    for use, n in _grouped(unbold, lambda u: (u.key, u.role)):
        what = KIND_NAMES.get(use.key, use.key)
        yield _at(rule, layout, use.para, use.start, use.end,
                  _how(ctx, "选中标题文字，按“加粗”；整类都如此时，修改标题样式为加粗。",
                       f"{use.key}.bold"),
                  what=what, problem="没有加粗（样式配置要求加粗）", count=_count(n))


def _check_font_variant(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    from toolkit.docx.faces import family_of

    variants = [u for u in _uses(ctx, layout)
                if u.slot == "eastAsia" and u.face.name and u.face.name != u.want
                and family_of(u.face.name) == family_of(u.want)]
    for use, n in _grouped(variants, lambda u: (u.key, u.face.name)):
        yield _at(rule, layout, use.para, use.start, use.end,
                  _how(ctx, f"在这台电脑和打印用的电脑上都装有“{use.face.name}”时可以不改；否则把"
                            f"字体统一改为“{use.want}”。", f"{use.key}.font"),
                  what=KIND_NAMES.get(use.key, use.key), got=use.face.name, want=use.want,
                  count=_count(n))


def _check_latin_face(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    from toolkit.docx.faces import family_of

    want = ctx.profile.fonts.latin
    wrong = [u for u in _uses(ctx, layout)
             if u.slot == "ascii" and family_of(u.face.name) != family_of(want)]
    for use, n in _grouped(wrong, lambda u: (u.key, u.face)):
        yield _at(rule, layout, use.para, use.start, use.end,
                  _how(ctx, f"选中全文，在“字体—西文字体”中选“{want}”。", "fonts.latin"),
                  what=KIND_NAMES.get(use.key, use.key), got=use.face.label(), want=want,
                  count=_count(n))


@dataclass
class _SizeUse:
    para: Para
    start: int
    end: int
    key: str
    got: float
    want: float


def _size_uses(ctx: Context, layout: Layout) -> list[_SizeUse]:
    out = []
    for para in layout.paragraphs:
        if para.block < 0:
            continue
        block = layout.blocks[para.block]
        key = kind_key(block)
        spec = getattr(ctx.profile, key, None)
        if spec is None:
            continue
        for run, offset, text in existing.visible_runs(para.element):
            if not text.strip():
                continue
            size = layout.size(run, para.element)
            if abs(size - spec.size_pt) > 0.25:
                start = offset + para.shift
                out.append(_SizeUse(para, start, start + len(text), key, size, spec.size_pt))
                break
    return out


def _check_size(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    uses = [u for u in _size_uses(ctx, layout) if u.key != TITLE]
    for use, n in _grouped(uses, lambda u: (u.key, u.got)):
        yield _at(rule, layout, use.para, use.start, use.end,
                  _how(ctx, f"选中这些文字，字号选“{SIZE_NAMES.get(use.want, num_text(use.want))}”；"
                            "整类都如此时，修改其样式的字号。", f"{use.key}.size_pt"),
                  what=KIND_NAMES.get(use.key, use.key), got=size_name(use.got),
                  want=size_name(use.want), count=_count(n))


def _check_title(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    from toolkit.docx.faces import family_of

    spec = ctx.profile.title
    for para in layout.paragraphs:
        if para.block < 0 or layout.blocks[para.block].kind != TITLE or not para.text.strip():
            continue
        p = para.element
        problems = []
        size = layout.dominant_size(p)
        if abs(size - spec.size_pt) > 0.25:
            problems.append(f"字号{size_name(size)}")
        faces = [u for u in _uses(ctx, layout) if u.para is para and u.slot == "eastAsia"]
        wrong = next((u for u in faces if family_of(u.face.name) != family_of(spec.font)), None)
        if wrong is not None:
            problems.append(f"字体是{wrong.face.label()}")
        jc = layout.jc(p)
        if jc not in JC_VALUES[spec.align]:
            problems.append(ALIGN_NAMES.get(jc, jc))
        if problems:
            align = ALIGN_NAMES.get(spec.align, spec.align)
            want = f"{size_name(spec.size_pt)}{spec.font}、{align}"
            yield _at(rule, layout, para, None, None, _how(
                ctx, f"选中标题，字体选“{spec.font}”，字号选“{SIZE_NAMES.get(spec.size_pt, '')}”，"
                     f"按“{align}”。", "title.font / title.size_pt / title.align"),
                got="、".join(problems), want=want)


def _check_east_asian_slot(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """rFonts that name a Chinese face only in the Latin slots, or whose Chinese face is
    decided by a theme reference (which beats a name), at every level the text goes through."""
    layout = layout_of(ctx)
    if layout is None:
        return
    from toolkit.docx.faces import is_cjk_face

    sheet = layout.sheet
    found: dict[tuple, tuple] = {}
    for use in _uses(ctx, layout):
        if use.slot != "eastAsia":
            continue
        p = use.para.element
        for where, rpr in sheet.rpr_levels(use.run, p):
            fonts = existing.attrs(rpr, "rFonts")
            if not fonts:
                continue
            latin = fonts.get("ascii") or fonts.get("hAnsi")
            east, theme = fonts.get("eastAsia"), fonts.get("eastAsiaTheme")
            problem = ""
            if theme:
                resolved = sheet.theme_font(theme) or "主题中未定义"
                if east:
                    problem = f"中文字体“{east}”被主题字体 {theme}（{resolved}）覆盖，实际不起作用"
                else:
                    problem = (f"中文字体取自主题字体 {theme}（{resolved}），"
                               "换一个主题或换一台电脑就会变")
            elif not east and latin and is_cjk_face(latin):
                effective = layout.face(use.run, p, "eastAsia")
                problem = (f"只在西文字体中写了“{latin}”，没有设置中文字体，"
                           f"汉字仍用{effective.label()}")
            if problem:
                key = (where, problem) if where != "direct" else ("direct", latin, theme, east)
                found.setdefault(key, (use, where, problem, set()))[3].add(use.para.number)
            if east or theme:
                break
        else:  # no level names a Chinese face: the machine that opens the file decides
            problem = "没有设置中文字体（eastAsia），汉字用哪种字体取决于打开文件的电脑"
            found.setdefault(("defaults", problem), (use, "defaults", problem, set()))
    for use, where, problem, paragraphs in found.values():
        place = layout.style_of(where)
        if where == "defaults":
            word = "在“字体”对话框中把“中文字体”选为所需字体，再点“设为默认值”"
        elif where == "direct":
            word = "选中这些文字，在“字体”对话框中把“中文字体”明确选为所需字体"
        else:
            word = f"修改{place}：在“格式—字体”中把“中文字体”明确选为所需字体"
        how = _how(ctx, word + "（不要选“+中文正文”之类的主题字体）。", "fonts")
        if where == "defaults":
            yield rule.on_document(how, where=place, problem=problem, count="")
        else:
            count = _count(len(paragraphs)) if where == "direct" else ""
            yield _at(rule, layout, use.para, use.start, use.end, how, where=place,
                      problem=problem, count=count)


def _check_quote_face(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    from toolkit.docx.faces import is_cjk_face

    for para in layout.paragraphs:
        if para.block < 0:
            continue
        p = para.element
        hits = []
        for run, offset, text in existing.visible_runs(p):
            marks = [k for k, ch in enumerate(text) if ch in ooxml.HINT_CHARS]
            if not marks or layout.hint(run, p) == "eastAsia":
                continue
            face = layout.face(run, p, "hAnsi")
            if is_cjk_face(face.name):
                continue
            hits.extend((offset + k + para.shift, text[k], face) for k in marks)
        if hits:
            at, mark, face = hits[0]
            spec = getattr(ctx.profile, kind_key(layout.blocks[para.block]), ctx.profile.body)
            yield _at(rule, layout, para, at, at + 1, _how(
                ctx, f"选中这些符号，在“字体—西文字体”中也选“{spec.font}”；或在中文输入法下重新输入。",
                "fonts.latin"), mark=mark, face=face.label(), count=len(hits))


# ---------------------------------------------------------------- paragraphs

def _check_indent(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    found = []
    for para in layout.paragraphs:
        if para.block < 0 or not para.text.strip():
            continue
        block = layout.blocks[para.block]
        key = kind_key(block)
        if block.kind not in (BODY, HEADING, NOTE):
            continue
        spec = getattr(ctx.profile, key, None)
        if spec is None or spec.first_line_chars <= 0:
            continue
        p = para.element
        if layout.jc(p) in ("right", "end", "center"):
            continue  # set apart on purpose (a signature the text reader took for body)
        size = layout.dominant_size(p) or spec.size_pt
        ind = layout.indent(p)
        if ind.get("hangingChars") or ind.get("hanging"):
            first = -(ind.get("hangingChars", 0) / 100 or ind.get("hanging", 0) / (size * 20))
        elif ind.get("firstLineChars"):
            first = ind["firstLineChars"] / 100
        else:
            first = ind.get("firstLine", 0) / (size * 20)
        typed = 0.0
        for ch in para.text:
            if ch == "\u3000":
                typed += 1
            elif ch in " \u00a0":
                typed += 0.5
            else:
                break
        left = ind.get("leftChars") and ind["leftChars"] / 100 or ind.get("left", 0) / (size * 20)
        got = first + typed
        problem = ""
        if abs(got - spec.first_line_chars) > 0.3:
            problem = (f"首行缩进 {num_text(got)} 字，应为 {num_text(spec.first_line_chars)} 字"
                       if got > 0.05 else f"首行没有缩进，应缩进 {num_text(spec.first_line_chars)} 字")
        elif abs(left) > 0.3:
            problem = f"整段左缩进 {num_text(left)} 字，回行应顶格"
        if problem:
            found.append((para, key, problem))
    groups: dict = {}
    for para, key, problem in found:
        groups.setdefault((key, problem), []).append(para)
    for (key, problem), paras in groups.items():
        para = paras[0]
        yield _at(rule, layout, para, None, None, _how(
            ctx, "选中这些段落，在“段落—缩进—特殊”中选“首行”、缩进值“2 字符”，左右缩进为 0；"
                 "整类都如此时，修改其样式。", f"{key}.first_line_chars"),
            what=KIND_NAMES.get(key, key), problem=problem, count=_count(len(paras)))


def _check_tables(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    by_number = {p.number: p for p in layout.paragraphs}
    for n, (before, tbl) in enumerate(existing.body_tables(layout.body), 1):
        width, cols = existing.table_widths(tbl)
        missing = []
        if width is None:
            missing.append("表格宽度（tblW）")
        if not cols or not all(cols):
            missing.append("列宽（gridCol）")
        if missing:
            para = by_number.get(before)
            yield _at(rule, layout, para if para is not None and para.block >= 0 else None,
                      None, None, "在 Word 中选中表格，“表格属性—表格”勾选“指定宽度”（如 15.6 厘米），"
                                  "并在“列”中指定每列宽度。",
                      n=n, missing="和".join(missing))


def _check_schema_order(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    package = layout.package
    parts = [(ooxml.DOCUMENT_PART, "正文"), ("word/styles.xml", "样式")]
    parts += [(name, "页脚") for _, _, name in layout.footers()]
    seen = set()
    for name, label in parts:
        if name in seen:
            continue
        seen.add(name)
        root = package.part(name)
        if root is None:
            continue
        problems = existing.order_problems(root)
        if not problems:
            continue
        element, names = problems[0]
        para = None
        if name == ooxml.DOCUMENT_PART:
            owner = next((a for a in element.iterancestors() if ooxml.tag_local(a) == "p"), None)
            para = layout.by_element.get(id(owner)) if owner is not None else None
        where = label if para is None else f"{label}第 {para.number} 段"
        yield _at(rule, layout, para, None, None,
                  "用 WPS 或 LibreOffice 打开后另存为 .docx，或用 gongwen build 重新生成。",
                  where=where, order="、".join(names), count=len(problems))


# ---------------------------------------------------------------- page numbers

def _page_numbers(layout: Layout) -> dict[str, tuple]:
    """Footer type → (footer paragraph holding the PAGE field or None, its field text)."""
    out: dict[str, tuple] = {}
    for _, kind, name in layout.footers():
        root = layout.package.part(name)
        if root is None or kind in out:
            continue
        found = (None, "")
        for p in root.iter(ooxml.qn("w:p")):
            # WPS puts the page number in a text box: the anchoring paragraph holds the box twice
            # (mc:Choice and its mc:Fallback copy). Read the box's own paragraph, once.
            if next(p.iterdescendants(ooxml.qn("w:p")), None) is not None \
                    or any(ooxml.tag_local(a) == "Fallback" for a in p.iterancestors()):
                continue
            text = existing.field_text(p)
            if "{PAGE}" in text:
                found = (p, text)
                break
        out[kind] = found
    return out


def _used_footers(layout: Layout) -> list[tuple[str, str]]:
    """(footer type, Chinese name) of the footers Word prints on some page."""
    even_odd = existing.even_and_odd_headers(layout.settings)
    used = [("default", "奇数页" if even_odd else "各页")]
    if even_odd:
        used.append(("even", "偶数页"))
    if layout.section().get("title_page"):
        used.append(("first", "首页"))
    return used


def _check_page_number_missing(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None or not layout.sections:
        return
    numbers = _page_numbers(layout)
    missing = [name for kind, name in _used_footers(layout)
               if numbers.get(kind, (None,))[0] is None]
    if missing:
        yield rule.on_document(_how(
            ctx, "在 Word“插入—页码—页面底端”中插入页码（会自动更新），不要手工输入数字。",
            "page_number"), where="、".join(missing))


def _check_page_number_form(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None:
        return
    spec = ctx.profile.page_number
    want = (spec.before + "{PAGE}" + spec.after)
    plain = want.replace(" ", "").replace("\u3000", "")
    for kind, name in _used_footers(layout):
        p, text = _page_numbers(layout).get(kind, (None, ""))
        if p is None:
            continue
        problems = []
        got = text.strip().replace(" ", "").replace("\u3000", "")
        if got != plain:
            problems.append(f"写作“{text.strip().replace('{PAGE}', '1')}”")
        runs = [(r, t) for r, _, t in existing.visible_runs(p) if t.strip()]
        size = layout.size(runs[0][0] if runs else None, p)
        if abs(size - spec.size_pt) > 0.25:
            problems.append(f"字号{size_name(size)}")
        if problems:
            shown = want.replace("{PAGE}", "1")
            yield rule.on_document(_how(
                ctx, f"双击页脚，把页码改为“{shown}”（数字两边各一条一字线“—”，在中文输入法下按"
                     f" Shift+- 输入一对“——”后删去一半），字号“{SIZE_NAMES.get(spec.size_pt, '')}”。",
                "page_number.before / after / size_pt"),
                where=name, problem="，".join(problems), want=shown,
                size=size_name(spec.size_pt), font=spec.font)


def _check_page_number_position(ctx: Context, rule: Rule) -> Iterator[Finding]:
    layout = layout_of(ctx)
    if layout is None or not layout.sections:
        return
    spec = ctx.profile.page_number
    numbers = _page_numbers(layout)
    even_odd = existing.even_and_odd_headers(layout.settings)
    if spec.odd_align != spec.even_align and not even_odd and numbers.get("default", (None,))[0]:
        yield rule.on_document(_how(
            ctx, "在 Word“布局—页面设置—版式”中勾选“奇偶页不同”，再分别设置奇数页和偶数页的页码。",
            "page_number.odd_align / even_align"),
            where="全部页码", problem="没有设置“奇偶页不同”，各页页码在同一侧",
            want="单页码居右、双页码居左")
        return
    indent_want = round(spec.indent_chars * spec.size_pt * 20)
    for kind, name, align in (("default", "奇数页", spec.odd_align),
                              ("even", "偶数页", spec.even_align)):
        if kind == "even" and not even_odd:
            continue
        p, text = numbers.get(kind, (None, ""))
        if p is None:
            continue
        jc = layout.jc(p)
        problems = []
        if jc not in JC_VALUES[align]:
            problems.append(ALIGN_NAMES.get(jc, jc))
        elif align in ("left", "right") and spec.indent_chars:
            ind = layout.indent(p)
            side = "right" if align == "right" else "left"
            twips = (ind.get(side + "Chars", 0) / 100 * spec.size_pt * 20) or ind.get(side, 0)
            spaces = len(text) - len(text.rstrip("\u3000")) if side == "right" else \
                len(text) - len(text.lstrip("\u3000"))
            twips += spaces * spec.size_pt * 20
            if abs(twips - indent_want) > spec.size_pt * 5:
                problems.append(f"离版心边缘 {num_text(twips / (spec.size_pt * 20))} 字")
        if problems:
            place = {"right": "居右", "left": "居左", "center": "居中"}.get(align, align)
            want = place + (f"空 {num_text(spec.indent_chars)} 字" if align != "center" and
                            spec.indent_chars else "")
            yield rule.on_document(_how(
                ctx, f"双击{name}页脚，选中页码段落，按“{ALIGN_NAMES.get(align, align)}”，并在“段落”中设"
                     f"{'右' if align == 'right' else '左'}缩进 {num_text(spec.indent_chars)} 字符。",
                "page_number.odd_align / even_align / indent_chars"),
                where=name + "页码", problem="现为" + "、".join(problems), want=want)


# ---------------------------------------------------------------- examples

def _sample_document() -> Document:
    """A short report with every kind a layout rule looks at."""
    B = Block
    return Document([
        B(TITLE, "关于某某区政务服务工作情况的报告"),
        B(SALUTATION, "区委："),
        B(BODY, "根据会议安排，现将我区“放管服”改革有关情况报告如下。今年全区办理政务服务事项12.5万件，"
                "群众满意率达到98%以上。"),
        B(HEADING, "一、基本情况", level=1, marker="一、"),
        B(HEADING, "（一）建立工作机制", level=2, marker="（一）"),
        B(HEADING, "1.健全协调机制。区政府每月召开1次联席会议，研究解决突出问题。", level=3,
          marker="1.", lead=9),
        B(BODY, "全区上下共同努力，各项工作取得明显成效。"),
        B(SIGNATURE, "某某区人民政府办公室"),
        B(DATE, "2026年1月5日"),
    ], kind="情况报告", unit="某某区人民政府办公室")


def _variant(profile, changes: tuple):
    for dotted, value in changes:
        group, _, name = dotted.partition(".")
        part = dataclasses.replace(getattr(profile, group), **{name: value})
        profile = dataclasses.replace(profile, **{group: part})
    return profile


@functools.lru_cache(maxsize=64)
def _sample(changes: tuple, damage: str, args: tuple) -> bytes:
    from toolkit.docx import samples
    from toolkit.docx.profiles import builtin
    from toolkit.docx.writer import render_docx

    data = render_docx(_sample_document(), _variant(builtin(), changes))
    if damage:
        data = getattr(samples, "sample_" + damage)(data, *args)
    return data



# ---------------------------------------------------------------- not in the layout at all

# What each layout rule checks, as the one finding for a document not set in GB/T 9704 names it.
_ASPECTS = {"D101": "纸张", "D102": "页边距", "D103": "每页行数", "D104": "每行字数", "D105": "正文字体",
            "D106": "字号", "D109": "首行缩进", "D110": "页码", "D111": "页码样式", "D112": "页码位置",
            "D113": "标题层次字体", "D114": "标题格式"}
# A document that differs in this many aspects was never set in GB/T 9704 (a letter, a plain
# Word file): one finding says so, instead of a dozen that each assume the layout was meant.
_NOT_LAID_OUT = 6
# The findings D119 stands for; schema order (D116) and table width (D115) are faults of the
# file whatever its layout, and stay.
SUPERSEDED = frozenset(_ASPECTS) | {"D107", "D108", "D117", "D118"}


def _check_not_laid_out(ctx: Context, rule: Rule) -> Iterator[Finding]:
    if layout_of(ctx) is None:
        return
    differs = [code for r in RULES if (code := r.code) in _ASPECTS
               and next(iter(r.check(ctx, r)), None) is not None]
    if len(differs) >= _NOT_LAID_OUT:
        yield rule.on_document(
            _how(ctx, "用 gongwen build 按 gbt9704 重新生成，或套用本单位公文模板后再检查；"
                      "逐项查看可加 --select D101,D102……", "page、grid、body 等各项"),
            aspects="、".join(_ASPECTS[c] for c in differs), count=len(differs))

def _docx(description: str, *changes: tuple, damage: str = "", args: tuple = ()) -> DocxExample:
    return DocxExample(description, functools.partial(_sample, tuple(changes), damage, args))


_GOOD = _docx("gongwen build 按 gbt9704 生成的报告")
GBT_41 = "GB/T 9704-2012 4.1"
GBT_421 = "GB/T 9704-2012 4.2.1"
GBT_423 = "GB/T 9704-2012 4.2.3"
GBT_75 = "GB/T 9704-2012 7.5"
GBT_733 = "GB/T 9704-2012 7.3.3"


RULES = (
    Rule(
        code="D101", name="page-size", severity=ERROR,
        message="纸张为 {got}，应为 {want}。",
        basis=GBT_41 + "（A4 型纸）",
        summary="公文用 A4 纸（210×297 毫米）。英文版 Word 和 python-docx 新建的文档默认是 Letter 纸"
                "（216×279 毫米），打印时会缩放或被裁切。",
        check=_check_page_size,
        fails=(_docx("Letter 纸（216×279 毫米）", ("page.width_mm", 215.9),
                     ("page.height_mm", 279.4)),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D102", name="page-margins", severity=ERROR,
        message="页边距不符：{margins}。",
        basis=GBT_421 + "（天头 37 毫米、订口 28 毫米，版心 156×225 毫米）",
        summary="上边距 37 毫米、左边距 28 毫米、下 35、右 26，允许误差 1 毫米，版心才是 156×225 毫米。"
                "Word 默认的 2.54/3.17 厘米边距会使每页行数和每行字数都不对。",
        check=_check_margins,
        fails=(_docx("上边距 25.4 毫米", ("page.top_mm", 25.4)),
               _docx("左右边距 31.8 毫米", ("page.left_mm", 31.8), ("page.right_mm", 31.8))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D103", name="lines-per-page", severity=ERROR,
        message="按行距{pitch}和文档网格计算，{problem}。",
        basis=GBT_423 + "（一般每页排 22 行）",
        summary="由正文的行距（固定值、最小值或倍数）、文档网格和版心高度算出每页行数，应与样式配置一致"
                "（gbt9704：固定值 28.95 磅，每页 22 行排满版心）。行距是“单倍”时只能估算，消息中写“约”。",
        check=_check_lines,
        fails=(_docx("行距固定值 30 磅（每页 21 行）", ("grid.line_twips", 600)),
               _docx("行距固定值 28 磅（22 行排不满版心）", ("grid.line_twips", 560))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D104", name="chars-per-line", severity=ERROR,
        message="按字号 {size} 磅、{spacing}计算，每行 {got} 字，应为 {want} 字。",
        basis=GBT_423 + "（一般每行排 28 个字）",
        summary="由版心宽度、正文字号和字符间距（或 Word 的字符网格）算出每行字数。三号字 16 磅 × 28 = "
                "448 磅，放不进 156 毫米（442.2 磅）的版心：正文要紧缩 0.25 磅才是每行 28 字。",
        check=_check_chars,
        fails=(_docx("正文字符间距为标准（每行 27 字）", ("grid.condense_twips", 0)),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D105", name="font-face", severity=ERROR,
        message="{what}的中文字体是{got}，应为“{want}”{count}。",
        basis="GB/T 9704-2012 4.2.2、7.3（正文等用 3 号仿宋体字）",
        summary="按样式配置检查主送机关、正文、附件说明、署名、成文日期、附注等的中文字体（逐字解析："
                "文字的直接格式 → 字符样式 → 段落样式链 → 文档默认，主题字体按主题解析）。仿宋_GB2312 与"
                "仿宋视为同一字体（见 D117）。各级标题见 D113，标题见 D114。",
        check=_check_face,
        fails=(_docx("正文用宋体", ("body.font", "宋体")),
               _docx("称谓用黑体", ("salutation.font", "黑体"))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D106", name="font-size", severity=ERROR,
        message="{what}的字号为{got}，应为{want}{count}。",
        basis="GB/T 9704-2012 4.2.2（如无特殊说明，各要素一般用 3 号字）",
        summary="按样式配置检查各类段落的字号（标题见 D114）：正文、各级标题、署名、日期等一般为三号"
                "（16 磅）。",
        check=_check_size,
        fails=(_docx("正文为小三号（15 磅）", ("body.size_pt", 15)),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D107", name="east-asian-font-slot", severity=WARNING,
        message="{where}：{problem}{count}。",
        basis="Word 字体解析规则（gbt9704.md §3：中文字体要写在 eastAsia 中，主题字体优先于字体名）",
        summary="Word 的字体有西文（ascii/hAnsi）和中文（eastAsia）两个位置。只在西文位置写“仿宋_GB2312”"
                "（python-docx 的 run.font.name 就是这样）时，汉字仍用原来的字体；写了主题字体（如"
                "“+中文正文”）时，它优先于字体名，并随主题和电脑而变。",
        check=_check_east_asian_slot,
        fails=(_docx("正文的字体只写在西文位置（python-docx run.font.name 的写法）",
                     damage="latin_only_font", args=("仿宋_GB2312",)),
               _docx("“正文”样式的中文字体被主题字体 minorEastAsia 覆盖",
                     damage="theme_fonts"),
               _docx("各级样式都没有设置中文字体", damage="without_east_asian")),
        passes=(_GOOD,),
    ),
    Rule(
        code="D108", name="quote-latin-face", severity=ERROR,
        message="这一段有 {count} 个引号、破折号或省略号（如 {mark} ）没有标记为中文，Word 会用西文字体（{face}）显示它们。",
        basis="GB/T 15834-2011 4.1（引号、破折号、省略号为全角中文标点）；Word 字体选择规则",
        summary="“ ” ‘ ’ — … 在 Unicode 中与西文共用，Word 用西文字体（hAnsi）显示它们，除非这段文字"
                "标记为中文（w:hint=\"eastAsia\"）。西文字体是 Times New Roman 时，中文引号印成窄小的"
                "西文引号。LibreOffice 不显示这个问题，所以要查文件本身。",
        check=_check_quote_face,
        fails=(_docx("引号所在的文字没有标记为中文", damage="without_hints"),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D109", name="first-line-indent", severity=ERROR,
        message="{what}{problem}{count}。",
        basis=GBT_733 + "（每个自然段左空二字，回行顶格）",
        summary="正文、各级标题和附注每段首行缩进 2 个字符，回行顶格。按段落格式（含样式链）计算，"
                "段首手工输入的全角空格也算作缩进。",
        check=_check_indent,
        fails=(_docx("正文没有首行缩进", ("body.first_line_chars", 0)),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D110", name="page-number-missing", severity=ERROR,
        message="{where}的页脚中没有页码域。",
        basis=GBT_75,
        summary="公文应标注页码。页码要用 Word 的页码域（PAGE），手工输入的数字在增删内容后会错。"
                "设置了“奇偶页不同”或“首页不同”时，每种页脚都要有页码。",
        check=_check_page_number_missing,
        fails=(_docx("页脚是空的", damage="footer_text", args=(None,)),
               _docx("页脚是手工输入的“— 1 —”", damage="footer_text", args=("— 1 —",))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D111", name="page-number-form", severity=WARNING,
        message="{where}页码{problem}，应为“{want}”（{size}{font}，数字左右各一条一字线）。",
        basis=GBT_75 + "（4 号半角宋体阿拉伯数字，数码左右各放一条一字线）",
        summary="页码形如“— 1 —”：一字线（—，不是连字符 - 或短横 –），数字为半角阿拉伯数字，4 号"
                "（14 磅）宋体。",
        check=_check_page_number_form,
        fails=(_docx("页码写成“-1-”", ("page_number.before", "-"), ("page_number.after", "-")),
               _docx("页码写成“第 1 页”", ("page_number.before", "第 "),
                     ("page_number.after", " 页"))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D112", name="page-number-position", severity=WARNING,
        message="{where}：{problem}，应为{want}。",
        basis=GBT_75 + "（单页码居右空一字，双页码居左空一字）",
        summary="单页码居右空一字，双页码居左空一字：要设置“奇偶页不同”，奇数页页码右对齐、右缩进 1 字符，"
                "偶数页页码左对齐、左缩进 1 字符（或以一个全角空格代替缩进）。",
        check=_check_page_number_position,
        fails=(_docx("页码都居中", ("page_number.odd_align", "center"),
                     ("page_number.even_align", "center")),
               _docx("页码贴着版心边缘（没有空一字）", ("page_number.indent_chars", 0))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D113", name="heading-face", severity=ERROR,
        message="{what}{problem}{count}。",
        basis=GBT_733 + "（第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字）",
        summary="一级标题黑体，二级标题楷体，三、四级标题仿宋（段内的“1.标题。”按段首标题部分检查）。"
                "样式配置要求加粗（如 gbt9704-bold）时，也检查是否加粗。",
        check=_check_heading_face,
        fails=(_docx("一级标题用宋体", ("heading1.font", "宋体")),
               _docx("二级标题用仿宋", ("heading2.font", "仿宋_GB2312"))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D114", name="title-format", severity=ERROR,
        message="标题为{got}，应为{want}。",
        basis="GB/T 9704-2012 7.3.1（标题一般用 2 号小标宋体字，居中排布）",
        summary="标题用二号（22 磅）方正小标宋简体，居中；多行时在词语处回行（回行由 gongwen build 按词完成，"
                "这里查字号、字体和对齐）。",
        check=_check_title,
        fails=(_docx("标题为小二号（18 磅）", ("title.size_pt", 18)),
               _docx("标题左对齐", ("title.align", "left"))),
        passes=(_GOOD,),
    ),
    Rule(
        code="D115", name="table-width", severity=WARNING,
        message="第 {n} 个表格没有设置{missing}，WPS 等软件打开时表格会变形。",
        basis="gbt9704.md §3（表格要同时写 tblW 和 gridCol）",
        summary="表格要有表格宽度（tblW）和各列宽度（gridCol）：WPS 按 gridCol 排表，缺了就按内容挤成一团。",
        check=_check_tables,
        fails=(_docx("表格没有表格宽度", damage="table", args=(False, True)),
               _docx("表格没有列宽", damage="table", args=(True, False))),
        passes=(_docx("表格有宽度和列宽", damage="table", args=(True, True)),),
    ),
    Rule(
        code="D116", name="xml-schema-order", severity=ERROR,
        message="{where}的格式属性顺序不合规范（{order}），Word 会提示“无法读取的内容”（共 {count} 处）。",
        basis="ECMA-376 第 1 部分（CT_PPr、CT_RPr、CT_SectPr 的子元素顺序）",
        summary="段落、文字和节的格式属性在文件中必须按规范的顺序排列；顺序错了 Word 会说文件损坏"
                "（LibreOffice 照常打开，所以不容易发现）。多见于其他程序生成的文件。",
        check=_check_schema_order,
        fails=(_docx("段落样式写在对齐方式之后", damage="misordered"),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D117", name="font-name-variant", severity=INFO,
        message="{what}用“{got}”，样式配置为“{want}”：是同一字体的不同版本，只装有其中一种的电脑会换用别的字体{count}。",
        basis="GB/T 9704-2012 4.2.2；样式配置的字体名",
        summary="仿宋_GB2312 与仿宋、楷体_GB2312 与楷体是同一字体的新旧版本，版式相同，但 Word 按字体名找字体："
                "文档写“仿宋_GB2312”，在只装有“仿宋”的新电脑上会换成别的字体。按本单位的样式配置统一字体名。",
        check=_check_font_variant,
        fails=(_docx("正文用“仿宋”（样式配置为仿宋_GB2312）", ("body.font", "仿宋")),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D118", name="latin-face", severity=INFO,
        message="{what}中的数字和西文字母用{got}，应为“{want}”{count}。",
        basis="写作惯例（数字、西文用 Times New Roman，与中文同字号）",
        summary="阿拉伯数字和西文字母一般用 Times New Roman（样式配置 fonts.latin）。",
        check=_check_latin_face,
        fails=(_docx("数字用 Arial", ("fonts.latin", "Arial")),),
        passes=(_GOOD,),
    ),
    Rule(
        code="D119", name="not-gbt9704-layout", severity=ERROR,
        message="文档不是按 GB/T 9704 公文版式排的：{aspects}（共 {count} 项）不符。",
        basis="GB/T 9704-2012 第 4、5、7 章",
        summary="纸张、页边距、行数字数、字体字号、页码等多数都不符时，文档本就没有按公文版式排，"
                "只报这一处并列出哪些方面不符，不再逐项报告；逐项查看用 --select 加上规则代码。",
        check=_check_not_laid_out,
        supersedes=SUPERSEDED,
        fails=(_docx("Letter 纸、页边距 25.4/31.8 毫米、行距 30 磅、宋体小三号、页码居中",
                     ("page.width_mm", 215.9), ("page.height_mm", 279.4), ("page.top_mm", 25.4),
                     ("page.left_mm", 31.8), ("page.right_mm", 31.8), ("grid.line_twips", 600),
                     ("body.font", "宋体"), ("body.size_pt", 15),
                     ("page_number.odd_align", "center"), ("page_number.even_align", "center")),),
        passes=(_GOOD, _docx("Letter 纸（216×279 毫米）", ("page.width_mm", 215.9),
                             ("page.height_mm", 279.4))),
    ),
)

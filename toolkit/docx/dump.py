"""A readable, deterministic dump of a DOCX layout (page, grid, footers, paragraphs) for goldens."""

from __future__ import annotations

import sys
from pathlib import Path

from docx.oxml.ns import qn

from toolkit.docx import existing

_ALIGN = {"both": "justify", "distribute": "distribute", "start": "left", "end": "right"}


class _Resolver:
    """Effective paragraph and run properties: direct → character style → paragraph style
    chain → docDefaults, one property (one font slot, one indent) at a time, as Word does."""

    def __init__(self, styles_element):
        self.by_id = {}
        self.default_paragraph = None
        for style in styles_element.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            self.by_id[style_id] = style
            is_default = style.get(qn("w:default")) in ("1", "true")
            if style.get(qn("w:type")) == "paragraph" and is_default:
                self.default_paragraph = style_id
        defaults = styles_element.find(qn("w:docDefaults"))
        if defaults is None:
            self.default_rpr = self.default_ppr = None
        else:
            self.default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self.default_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, style_id):
        seen = []
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.append(style_id)
            style_id = existing.val(self.by_id[style_id], "basedOn")
        return [self.by_id[s] for s in seen]

    def name(self, style_id) -> str:
        style = self.by_id.get(style_id)
        return existing.val(style, "name") if style is not None else (style_id or "")

    def ppr_levels(self, ppr, style_id):
        levels = [ppr] if ppr is not None else []
        levels += [s.find(qn("w:pPr")) for s in self.chain(style_id)]
        levels.append(self.default_ppr)
        return [level for level in levels if level is not None]

    def rpr_levels(self, rpr, char_style, para_style):
        levels = [rpr] if rpr is not None else []
        levels += [s.find(qn("w:rPr")) for s in self.chain(char_style)]
        levels += [s.find(qn("w:rPr")) for s in self.chain(para_style)]
        levels.append(self.default_rpr)
        return [level for level in levels if level is not None]


def _first(levels, getter):
    for level in levels:
        value = getter(level)
        if value is not None:
            return value
    return None


def _font(levels, slot: str) -> str:
    def get(rpr):
        fonts = existing.attrs(rpr, "rFonts")
        theme = fonts.get({"eastAsia": "eastAsiaTheme", "ascii": "asciiTheme"}[slot])
        if theme:
            return "theme:" + theme
        return fonts.get(slot)
    return _first(levels, get) or "?"


def _run_format(levels) -> str:
    size = _first(levels, lambda r: existing.val(r, "sz"))
    size_text = f"{int(size) / 2:g}pt" if size else "?pt"
    bold = _first(levels, lambda r: existing.on(r, "b"))
    text = f"{_font(levels, 'eastAsia')}/{_font(levels, 'ascii')} {size_text}"
    return text + (" bold" if bold else "")


def _measure(chars, twips) -> str | None:
    if chars not in (None, "0"):
        return f"{int(chars) / 100:g}ch"
    if twips not in (None, "0"):
        return f"{int(twips)}tw"
    return None


def _indent(levels) -> str:
    def group(names):
        def get(ppr):
            ind = existing.attrs(ppr, "ind")
            found = {n: ind[n] for n in names if n in ind}
            return found or None
        return _first(levels, get) or {}

    first = group(("firstLine", "firstLineChars", "hanging", "hangingChars"))
    left = group(("left", "leftChars", "start", "startChars"))
    right = group(("right", "rightChars", "end", "endChars"))
    parts = []
    hang = _measure(first.get("hangingChars"), first.get("hanging"))
    if hang:
        parts.append(f"hanging={hang}")
    else:
        parts.append(f"first={_measure(first.get('firstLineChars'), first.get('firstLine')) or 0}")
    for label, found, base in (("left", left, "left"), ("right", right, "right")):
        alt = "start" if base == "left" else "end"
        value = _measure(found.get(base + "Chars", found.get(alt + "Chars")),
                         found.get(base, found.get(alt)))
        if value:
            parts.append(f"{label}={value}")
    return " ".join(parts)


def _align(levels) -> str:
    jc = _first(levels, lambda p: existing.val(p, "jc")) or "left"
    return _ALIGN.get(jc, jc)


def paragraph_line(p, resolver: _Resolver) -> str:
    """One paragraph: style | fonts size [bold] | alignment | indents | text."""
    ppr = p.find(qn("w:pPr"))
    style_id = existing.val(ppr, "pStyle") or resolver.default_paragraph
    plevels = resolver.ppr_levels(ppr, style_id)
    groups: list[list] = []  # [format, text]
    for run in p.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        fmt = _run_format(resolver.rpr_levels(rpr, existing.val(rpr, "rStyle"), style_id))
        text = existing.paragraph_text(run)
        if not text:
            continue
        if groups and groups[-1][0] == fmt:
            groups[-1][1] += text
        else:
            groups.append([fmt, text])
    if groups:
        head = groups[0][0]
    else:
        head = _run_format(resolver.rpr_levels(None, None, style_id))
    if len(groups) > 1:
        text = "".join(f"[{fmt}]{chunk}" for fmt, chunk in groups)
    else:
        text = existing.paragraph_text(p)
    text = text.replace("\n", "⏎") if text else "(empty)"
    return " | ".join((resolver.name(style_id), head, _align(plevels), _indent(plevels), text))


def _mm(length) -> str:
    return "?" if length is None else f"{length.mm:.1f}"


def dump(path: str | Path) -> str:
    """The dump text of the DOCX at `path`."""
    import docx

    document = docx.Document(str(path))
    resolver = _Resolver(document.styles.element)
    lines = []
    for n, section in enumerate(document.sections, 1):
        lines.append(f"section {n}: page {_mm(section.page_width)} x {_mm(section.page_height)} mm;"
                     f" margins top {_mm(section.top_margin)} bottom {_mm(section.bottom_margin)}"
                     f" left {_mm(section.left_margin)} right {_mm(section.right_margin)} mm;"
                     f" header {_mm(section.header_distance)}"
                     f" footer {_mm(section.footer_distance)} mm")
        grid = existing.doc_grid(section._sectPr)
        lines.append("  grid: " + (" ".join(f"{k}={grid[k]}" for k in sorted(grid)) or "none"))
        for label, footer in (("odd/default", section.footer), ("even", section.even_page_footer),
                              ("first", section.first_page_footer)):
            if footer.is_linked_to_previous:
                continue
            for p in footer._element.iter(qn("w:p")):
                lines.append(f"  footer {label}: " + paragraph_line(p, resolver))
    lines.append("evenAndOddHeaders: "
                 + ("yes" if document.settings.odd_and_even_pages_header_footer else "no"))
    normal = resolver.by_id.get(resolver.default_paragraph)
    if normal is not None:
        npr, nrpr = normal.find(qn("w:pPr")), normal.find(qn("w:rPr"))
        spacing = existing.attrs(npr, "spacing")
        widow = existing.on(npr, "widowControl")
        lines.append(
            f"normal: line={spacing.get('line', '?')} {spacing.get('lineRule', 'auto')};"
            f" widowControl={'off' if widow is False else 'on'};"
            f" charSpacing={existing.val(nrpr, 'spacing') or 0}")
    lines.append("paragraphs:")
    body = document.element.body
    for n, p in enumerate(body.iterchildren(qn("w:p")), 1):
        lines.append(f"{n:03d} " + paragraph_line(p, resolver))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("用法：python -m toolkit.docx.dump 文件.docx", file=sys.stderr)
        return 2
    try:
        if not Path(args[0]).is_file():
            raise FileNotFoundError(args[0])
        text = dump(args[0])
    except FileNotFoundError:
        print(f"{args[0]}：找不到文件。", file=sys.stderr)
        return 2
    except Exception as exc:  # a broken or non-DOCX file: say so instead of a traceback
        print(f"{args[0]}：无法读取为 DOCX（{type(exc).__name__}）。", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The reference report as LibreOffice prints it, measured on the PDF: GB/T 9704's page and grid."""

# Rendered with `gongwen preview` (stand-in faces one em wide, so counts are those of the real
# faces), in the built-in profile and in each house-style variant. Measured with pdfplumber
# (character boxes and baselines) and pdftoppm (the ink of the page number's dash).

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REFERENCE_YAML

from toolkit.docx.profiles import load_profile
from toolkit.text.titles import break_title, title_units

MM = 25.4 / 72  # mm per PDF point
LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0  # the 版心, GB/T 9704-2012 4.2.1
TOLERANCE = 1.0  # mm, as the standard allows for the margins
CENTRE = (LEFT + RIGHT) / 2
# Marks that may stand past the right edge at the end of a line (LibreOffice hangs them).
HANGING = set("，。、；：？！”’）》〕】…—")
# Marks that may not end a line: the line breaker moves them down, leaving a line one short.
OPENING = set("“‘（《〔【")
STYLES = ("gbt9704", "gbt9704-fangsong", "gbt9704-28pt", "gbt9704-bold", "gbt9704-center-number")


def _tools_or_skip() -> None:
    from toolkit.render.preview import soffice

    missing = [name for name, ok in (("LibreOffice (soffice)", soffice()),
                                     ("pdftoppm", shutil.which("pdftoppm"))) if not ok]
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        missing.append("pdfplumber")
    if missing:
        message = "rendered layout test needs " + ", ".join(missing)
        if os.environ.get("CI") == "true":  # CI installs them (.ci/run): never skip there
            pytest.fail(message + " (CI must install them)")
        pytest.skip(message)


@pytest.fixture(scope="module", autouse=True)
def _own_cache(tmp_path_factory):
    old = {k: os.environ.get(k) for k in ("XDG_CACHE_HOME", "LOCALAPPDATA")}
    for key in old:
        os.environ[key] = str(tmp_path_factory.getbasetemp() / "cache")
    yield
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@dataclass
class Row:
    """One printed line: its characters left to right, its baseline and size."""

    chars: list
    baseline: float  # mm from the top of the page
    size: float

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"] * MM

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"] * MM


@dataclass
class Page:
    number: int
    body: list[Row]
    footer: list[Row]


@dataclass
class Rendered:
    style: str
    pdf: Path
    pages: list[Page]
    profile: object


def _rows(page) -> list[Row]:
    chars = [c for c in page.chars if c["text"].strip()]
    # The baseline from the text matrix is exact for every face (boxes differ between faces).
    chars.sort(key=lambda c: (round(page.height - c["matrix"][5], 1), c["x0"]))
    rows: list[Row] = []
    for c in chars:
        base = (page.height - c["matrix"][5]) * MM
        if rows and abs(rows[-1].baseline - base) < 0.5:
            rows[-1].chars.append(c)
        else:
            rows.append(Row([c], base, round(c["size"], 1)))
    for row in rows:
        row.chars.sort(key=lambda c: c["x0"])
        row.size = max(round(c["size"], 1) for c in row.chars)
    return rows


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Rendered]:
    _tools_or_skip()
    import pdfplumber

    from toolkit.render.preview import render

    out = {}
    folder = tmp_path_factory.mktemp("rendered")
    for style in STYLES:
        pdf = folder / f"{style}.pdf"
        render(str(REFERENCE_YAML), str(pdf), style=style)
        pages = []
        with pdfplumber.open(pdf) as document:
            for n, page in enumerate(document.pages, 1):
                rows = _rows(page)
                body = [r for r in rows if r.baseline < BOTTOM + TOLERANCE]
                footer = [r for r in rows if r.baseline >= BOTTOM + TOLERANCE]
                pages.append(Page(n, body, footer))
        out[style] = Rendered(style, pdf, pages, load_profile(style))
    return out


def _promises_full_pages(profile) -> bool:
    """The profile's lines fill the 版心 (GB/T 9704-2012 4.2.3), as the layout rule D103 asks."""
    grid, page = profile.grid, profile.page
    height = (page.height_mm - page.top_mm - page.bottom_mm) / MM
    return abs(grid.lines * grid.line_twips / 20 - height) <= 1 / MM


@pytest.mark.parametrize("style", STYLES)
def test_the_report_runs_to_at_least_three_pages(rendered, style):
    assert len(rendered[style].pages) >= 3, "too short to show full pages and both footers"


@pytest.mark.parametrize("style", [s for s in STYLES if s != "gbt9704-28pt"])
def test_every_full_page_holds_22_lines_filling_the_type_area(rendered, style):
    result = rendered[style]
    assert _promises_full_pages(result.profile)
    pitch = result.profile.grid.line_twips / 20 * MM
    for page in result.pages[:-1]:  # the last page ends where the report ends
        base = [r.baseline for r in page.body]
        slots = [(b - base[0]) / pitch for b in base]
        assert all(abs(s - round(s)) < 0.1 for s in slots), f"page {page.number}: off the grid"
        lines = round(slots[-1]) + 1  # blank lines hold no characters but take a slot
        assert lines == result.profile.grid.lines == 22, f"page {page.number}: {lines} lines"
        assert 0 < base[0] - TOP <= pitch + 0.2, f"page {page.number}: first line not at the top"
        assert 0 <= BOTTOM - base[-1] < pitch, f"page {page.number}: last line above the bottom"


def test_28pt_profile_says_it_does_not_promise_22_full_lines(rendered):
    result = rendered["gbt9704-28pt"]
    assert not _promises_full_pages(result.profile)
    assert "not promised" in result.profile.basis("grid.lines")
    for page in result.pages[:-1]:  # 22 lines of 28 pt still fit: no more than that
        base = [r.baseline for r in page.body]
        assert round((base[-1] - base[0]) / (28 * MM)) + 1 <= 22


def _cells(row: Row, pitch_pt: float, condense_pt: float, left_mm: float = LEFT) -> float:
    """Width of a row in characters of the grid: indent plus each glyph's advance."""
    indent = (row.chars[0]["x0"] * MM - left_mm) / (pitch_pt * MM)
    return indent + sum((c["x1"] - c["x0"] + condense_pt) / pitch_pt for c in row.chars)


def _script_changes(row: Row) -> int:
    """Boundaries between Chinese and Latin text in a row. LibreOffice 7.4 ignores the DOCX's
    autoSpaceDE/autoSpaceDN="0" and puts about a quarter em at each (Word does not), so such
    a line may hold a quarter character less per boundary."""
    wide = [ord(c["text"]) >= 0x2000 for c in row.chars]
    return sum(a != b for a, b in zip(wide, wide[1:]))


@pytest.mark.parametrize("style", STYLES)
def test_every_full_line_holds_28_characters(rendered, style):
    result = rendered[style]
    body_size = result.profile.body.size_pt
    condense = result.profile.grid.condense_twips / 20
    pitch = body_size + condense
    checked = pure = 0
    rows = [r for page in result.pages for r in page.body if abs(r.size - body_size) < 0.5]
    for here, after in zip(rows, rows[1:]):
        hang = here.chars[-1]["text"] in HANGING and here.x1 > RIGHT + 0.5
        inside = Row(here.chars[:-1], here.baseline, here.size) if hang else here
        if inside.x1 < RIGHT - TOLERANCE:
            continue  # the last line of a paragraph
        checked += 1
        cells = _cells(inside, pitch, condense)
        nxt = after.chars[0]
        following = (nxt["x1"] - nxt["x0"] + condense) / pitch
        where = f"line {here.text!r}"
        assert cells <= 28 + 0.05, f"{where}: {cells:.2f} characters"
        extra = 0.25 * (_script_changes(inside) + (ord(nxt["text"]) < 0x2000))
        if nxt["text"] in OPENING:  # a mark that may not end a line was moved down
            assert cells + extra >= 27 - 0.05, f"{where}: {cells:.2f} characters"
        else:  # the next line's first character would not have fitted
            assert cells + following + extra > 28 + 0.05, f"{where}: room for {following:.2f}"
        if all(0xFF <= ord(c["text"]) for c in inside.chars) and nxt["text"] not in OPENING:
            pure += 1
            assert len(inside.chars) + round((inside.x0 - LEFT) / (pitch * MM)) == 28, where
    assert checked > 60 and pure > 30, (checked, pure)


@pytest.mark.parametrize("style", STYLES)
def test_text_stays_within_the_type_area(rendered, style):
    for page in rendered[style].pages:
        for row in page.body:
            last = row.chars[-1]
            for c in row.chars:
                x0, x1 = c["x0"] * MM, c["x1"] * MM
                top = row.baseline - c["size"] * MM
                assert x0 >= LEFT - TOLERANCE, f"page {page.number}: {row.text!r} starts at {x0:.1f}"
                limit = RIGHT + TOLERANCE
                if c is last and c["text"] in HANGING:
                    limit += c["size"] * MM  # a closing mark may hang one character out
                assert x1 <= limit, f"page {page.number}: {row.text!r} ends at {x1:.1f} mm"
                assert top >= TOP - TOLERANCE, f"page {page.number}: {row.text!r} at {top:.1f}"
                descent = row.baseline + 0.12 * c["size"] * MM
                assert descent <= BOTTOM + TOLERANCE, f"page {page.number}: {row.text!r}"


@pytest.mark.parametrize("style", ["gbt9704", "gbt9704-bold"])
def test_title_lines_are_centred_and_broken_at_word_boundaries(rendered, style):
    from toolkit.draft.pipeline import draft_file

    result = rendered[style]
    title = draft_file(REFERENCE_YAML).document.title
    rows = [r for r in result.pages[0].body if abs(r.size - result.profile.title.size_pt) < 0.5]
    assert len(rows) >= 2
    for row in rows:
        assert abs((row.x0 + row.x1) / 2 - CENTRE) <= TOLERANCE, f"{row.text!r} not centred"
    texts = [r.text for r in rows]
    assert texts == break_title(title, result.profile.title.max_line_chars)
    assert "".join(texts) == title
    boundaries, at = set(), 0
    for unit in title_units(title):
        at += len(unit)
        boundaries.add(at)
    at = 0
    for text in texts[:-1]:
        at += len(text)
        assert at in boundaries, f"title broken inside a word after {title[:at]!r}"
    assert len(texts[0]) >= len(texts[-1])  # 上长下短


def _dash_ink_mm(pdf: Path, page: int, char, page_height_pt: float) -> float:
    """Vertical middle of the dark pixels of one character, in mm from the top of the page."""
    dpi = 300
    scale = dpi / 72
    x = int(char["x0"] * scale)
    y = int((page_height_pt - char["matrix"][5] - char["size"]) * scale)
    w = max(int((char["x1"] - char["x0"]) * scale), 1)
    h = int(char["size"] * 1.4 * scale)
    out = pdf.with_name(f"dash-{page}")
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), "-singlefile",
                    str(pdf), str(out)], check=True, capture_output=True, timeout=60)
    data = out.with_suffix(".pgm").read_bytes()
    fields = re.match(rb"P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(fields.group(1)), int(fields.group(2))
    pixels = data[fields.end():]
    dark = [r for r in range(height) if min(pixels[r * width:(r + 1) * width]) < 128]
    assert dark, "no ink found for the page number's dash"
    return (y + (dark[0] + dark[-1]) / 2) / scale * MM


@pytest.mark.parametrize("style", STYLES)
def test_page_numbers_read_dash_n_dash_outside_one_character_in_7mm_below(rendered, style):
    import pdfplumber

    result = rendered[style]
    spec = result.profile.page_number
    one = spec.size_pt * MM  # one 4号 character
    with pdfplumber.open(result.pdf) as document:
        for page in result.pages:
            assert len(page.footer) == 1, f"page {page.number}: {[r.text for r in page.footer]}"
            row = page.footer[0]
            assert row.text == f"—{page.number}—", row.text  # spaces are not characters
            assert abs(row.size - spec.size_pt) < 0.5
            align = spec.odd_align if page.number % 2 else spec.even_align
            if align == "right":
                assert abs(RIGHT - one - row.x1) <= TOLERANCE, f"page {page.number}: {row.x1:.1f}"
            elif align == "left":
                assert abs(LEFT + one - row.x0) <= TOLERANCE, f"page {page.number}: {row.x0:.1f}"
            else:
                assert abs((row.x0 + row.x1) / 2 - CENTRE) <= TOLERANCE
            pdf_page = document.pages[page.number - 1]
            ink = _dash_ink_mm(result.pdf, page.number, row.chars[0], pdf_page.height)
            assert abs(ink - BOTTOM - 7) <= 1, f"page {page.number}: dash {ink - BOTTOM:.1f} mm below"


def test_the_preview_drew_with_the_stand_ins_of_missing_faces(rendered):
    import pdfplumber

    from toolkit.render import fonts

    faces = {"仿宋_GB2312": "FandolFang", "楷体_GB2312": "FandolKai", "黑体": "NotoSansCJK",
             "方正小标宋简体": "NotoSerifCJK", "Times New Roman": "LiberationSerif"}
    with pdfplumber.open(rendered["gbt9704"].pdf) as document:
        used = {c["fontname"].split("+")[-1] for page in document.pages for c in page.chars}
    for state in fonts.availability(faces, probe=False):
        if state.installed is False and state.standin:
            expected = state.standin.replace(" ", "").replace("SC", "")
            assert any(name.startswith(expected[:10]) for name in used), (state.face, used)

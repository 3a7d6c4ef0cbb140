"""Reads a user's DOCX safely into a Document: body paragraphs, Word's numbering drawn in."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from toolkit.core.document import Document, Origin, Span
from toolkit.core.errors import InputError, Place
from toolkit.core.numerals import chinese
from toolkit.docx import existing
from toolkit.text.parser import SourceLine, parse_lines

# A report is tens of KB of XML; pictures make a DOCX a few MB. These limits refuse what is not
# a report (or is built to exhaust memory) before anything is decompressed.
MAX_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100  # deflate reaches ~10:1 on XML; a zip bomb reaches 1000:1
RATIO_FROM = 10 * 1024 * 1024  # small parts may compress as they like
MAX_ENTRIES = 10_000

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HINT = "请在 Word 中打开此文件，“另存为”Word 文档（*.docx）后再试。"

# Subtrees whose text a reader does not see in the paragraph: deleted revisions, text boxes (a
# separate story), the fallback copy of alternate content, and field instructions.

# ------------------------------------------------------------------------------ opening safely

def _refuse(message: str, shown: str, hint: str = _HINT) -> InputError:
    return InputError(message, Place(shown), hint)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if path.is_dir():
            raise _refuse("这是一个文件夹，不是文件。", shown, "")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refuse(
                f"文件太大（{size / 1024 / 1024:.1f} MB），超过 {MAX_BYTES // 1024 // 1024} MB 的上限。",
                shown, "一份报告的 DOCX 通常只有几十 KB 到几 MB，请确认没有选错文件。")
        return path.read_bytes()
    except FileNotFoundError:
        raise _refuse("找不到文件。", shown, "请检查文件名和路径是否正确。") from None
    except PermissionError:
        raise _refuse("没有读取此文件的权限。", shown, "") from None
    except OSError as exc:
        raise _refuse(f"无法读取文件：{exc.strerror or exc}", shown, "") from None


def _check_zip(data: bytes, shown: str) -> None:
    """Refuse what is not a DOCX package, judging by bytes and the zip directory only."""
    if not data:
        raise _refuse("文件是空的。", shown, "")
    if data.startswith(_OLE):
        raise _refuse("文件已加密或是旧版 .doc 格式，无法读取。", shown,
                      "如有密码保护，请在 Word 中取消密码；如是 .doc 文件，请“另存为”.docx 后再试。")
    if data.lstrip()[:5] == b"{\\rtf":
        raise _refuse("这是 RTF 文件，不是 DOCX 文件。", shown)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _refuse("这不是有效的 DOCX 文件（不是 zip 压缩包，或文件已损坏）。", shown) from None
    if len(infos) > MAX_ENTRIES:
        raise _refuse(f"DOCX 压缩包内的文件过多（{len(infos)} 个），拒绝读取。", shown, "")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise _refuse(
            f"DOCX 解压后过大（{total / 1024 / 1024:.0f} MB），超过 "
            f"{MAX_UNCOMPRESSED // 1024 // 1024} MB 的上限，拒绝读取。", shown,
            "这可能是恶意构造的压缩文件（压缩炸弹）。")
    for info in infos:
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(f"DOCX 中的“{info.filename}”压缩比异常（解压后 "
                          f"{info.file_size / 1024 / 1024:.0f} MB），拒绝读取。", shown,
                          "这可能是恶意构造的压缩文件（压缩炸弹）。")
    if "word/document.xml" not in {info.filename for info in infos}:
        raise _refuse("这不是 Word 文档：压缩包中没有 word/document.xml。", shown)


def _open(path: str | Path, shown: str):
    data = _read_bytes(Path(path), shown)
    _check_zip(data, shown)
    try:
        # python-docx parses with resolve_entities=False, and lxml never fetches from the network
        # by default, so entity expansion and external references cannot be abused.
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # anything python-docx trips over here is the file's fault
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise _refuse(f"DOCX 文件已损坏或不是 Word 文档，无法读取（{detail}）。", shown) from None


# ------------------------------------------------------------------------------ numbering

def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _val(element, name: str):
    if element is None:
        return None
    found = element.find(qn("w:" + name))
    return None if found is None else found.get(qn("w:val"))


_ENCLOSED = {"decimalEnclosedCircle": 0x2460, "decimalEnclosedCircleChinese": 0x2460,
             "decimalEnclosedParen": 0x2474, "decimalEnclosedFullstop": 0x2488}
_LEGAL = str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word draws it in number format `fmt` (w:numFmt)."""
    if fmt == "none":
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "chineseLegalSimplified"):
        if n == 0:
            return "〇"
        if n < 1000:
            text = chinese(n)
            return text.translate(_LEGAL) if fmt == "chineseLegalSimplified" else text
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and n > 0:
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac" and n > 0:
        return _BRANCHES[(n - 1) % 12]
    if fmt in _ENCLOSED and 1 <= n <= 20:
        return chr(_ENCLOSED[fmt] + n - 1)
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, letters in _ROMAN:
            while rest >= value:
                out, rest = out + letters, rest - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(n)  # decimal, and what we do not draw specially


class _Numbering:
    """Word's list counters, advanced paragraph by paragraph as Word lays the document out."""

    def __init__(self, document):
        try:
            self.root = document.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError):
            self.root = None
        styles = document.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in styles.iterchildren(qn("w:style"))}
        self.default_style = next(
            (sid for sid, s in self.styles.items()
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")),
            None)
        self.nums = {}
        self.abstracts = {}
        if self.root is not None:
            for num in self.root.iterchildren(qn("w:num")):
                self.nums[num.get(qn("w:numId"))] = num
            for abstract in self.root.iterchildren(qn("w:abstractNum")):
                self.abstracts[abstract.get(qn("w:abstractNumId"))] = abstract
        self.counters: dict[str, dict[int, int]] = {}

    def _style_chain(self, style_id):
        seen = []
        while style_id in self.styles and style_id not in seen and len(seen) < 20:
            seen.append(style_id)
            style_id = _val(self.styles[style_id], "basedOn")
        return [self.styles[s] for s in seen], seen

    def _num_pr(self, p) -> tuple[str | None, int | None, str | None]:
        """numId, ilvl and the style that carried them (for lvl/pStyle matching)."""
        ppr = p.find(qn("w:pPr"))
        direct = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(direct, "numId")
        ilvl = _val(direct, "ilvl")
        style_id = _val(ppr, "pStyle") or self.default_style
        chain, ids = self._style_chain(style_id)
        for style, sid in zip(chain, ids):
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is None:
                continue
            if num_id is None:
                num_id = _val(num_pr, "numId")
            if ilvl is None:
                ilvl = _val(num_pr, "ilvl")
            if num_id is not None:
                return num_id, None if ilvl is None else _int(ilvl), sid
        return num_id, None if ilvl is None else _int(ilvl), style_id

    def _abstract(self, num, depth: int = 0):
        abstract = self.abstracts.get(_val(num, "abstractNumId"))
        link = _val(abstract, "numStyleLink")
        if link and depth < 3 and link in self.styles:
            linked = _val(self.styles[link].find(f"{qn('w:pPr')}/{qn('w:numPr')}"), "numId")
            if linked in self.nums:
                return self._abstract(self.nums[linked], depth + 1)
        return abstract

    def marker(self, p) -> str:
        """The text Word draws before paragraph `p` (advancing the counters), or ""."""
        num_id, ilvl, style_id = self._num_pr(p)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        num = self.nums[num_id]
        abstract = self._abstract(num)
        if abstract is None:
            return ""
        levels = {_int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.iterchildren(qn("w:lvl"))}
        overrides = {_int(o.get(qn("w:ilvl"))): o for o in num.iterchildren(qn("w:lvlOverride"))}
        starts: dict[int, int] = {}
        for level, override in overrides.items():
            if override.find(qn("w:lvl")) is not None:
                levels[level] = override.find(qn("w:lvl"))
            start = _val(override, "startOverride")
            if start is not None:
                starts[level] = _int(start)
        if ilvl is None:  # a list style's level is the one that names the paragraph's style
            ilvl = next((n for n, lvl in levels.items() if _val(lvl, "pStyle") == style_id), 0)
        ilvl = max(0, min(ilvl, 8))
        if ilvl not in levels:
            return ""

        def start(level: int) -> int:
            return starts.get(level, _int(_val(levels.get(level), "start"), 0))

        # A num that overrides its abstract list is a list of its own (restarted); other nums of
        # the same abstract list continue one another's numbering, as in Word.
        key = "num:" + num_id if overrides else "abstract:" + str(_val(num, "abstractNumId"))
        counters = self.counters.setdefault(key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        for deeper in [d for d in counters if d > ilvl]:
            restart = _val(levels.get(deeper), "lvlRestart")
            if ilvl + 1 <= (_int(restart, deeper) if restart is not None else deeper):
                del counters[deeper]

        lvl = levels[ilvl]
        fmt = _val(lvl, "numFmt") or "decimal"
        if fmt == "bullet":
            return ""  # a bullet is no number: it carries no heading level
        legal = lvl.find(qn("w:isLgl")) is not None and _val(lvl, "isLgl") not in ("0", "false")

        def placeholder(m: re.Match) -> str:
            level = int(m.group(1)) - 1
            value = counters.get(level, start(level))
            level_fmt = _val(levels.get(level), "numFmt") or "decimal"
            return format_number(value, "decimal" if legal else level_fmt)

        text = re.sub(r"%([1-9])", placeholder, _val(lvl, "lvlText") or "")
        suffix = _val(lvl, "suff") or "tab"
        # The tab after a number is layout, not text: the checks see “1.标题” as Word users type it.
        return text + (" " if suffix == "space" else "")


# ------------------------------------------------------------------------------ paragraphs

def _visible_text(element) -> str:
    return "".join(text for _, text in existing.visible_pieces(element))


_STRIP = " \t\u3000\u00a0\ufeff\r\n"


def _lines(document, shown: str) -> list[SourceLine]:
    numbering = _Numbering(document)
    lines: list[SourceLine] = []
    for number, p in existing.body_paragraphs(document.element.body):
        mark = numbering.marker(p)
        raw = _visible_text(p)
        own = raw.lstrip(_STRIP)
        lead = len(raw) - len(own)
        own = own.rstrip(_STRIP)
        if not own:
            continue
        spans = []
        if mark:  # drawn by Word, not typed: it points at the start of the paragraph
            spans.append(Span(0, len(mark), Origin(shown, number, 1)))
        spans.append(Span(len(mark), len(mark) + len(own), Origin(shown, number, lead + 1, True)))
        lines.append(SourceLine(mark + own, tuple(spans)))
    return lines


def _read_lines(path: str | Path, display: str | None) -> tuple[list[SourceLine], str]:
    shown = display or str(path)
    document = _open(path, shown)
    try:
        return _lines(document, shown), shown
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        # python-docx builds elements lazily; a malformed part can still surface here
        raise _refuse(f"DOCX 文件结构异常，无法读取（{exc}）。", shown) from None


def docx_paragraph_texts(path: str | Path, display: str | None = None) -> list[str]:
    """The visible text of each non-empty body paragraph, Word's automatic numbering included."""
    return [line.text for line in _read_lines(path, display)[0]]


def read_docx(path: str | Path, display: str | None = None) -> Document:
    """The Document of a DOCX report: body paragraphs (numbering drawn in) parsed like text.

    Span origins give (path, paragraph number, column): the paragraph number counts every
    paragraph of the body, empty ones and table cells included, as Word's “第 N 段” does; the
    column is the character offset in the paragraph plus one. Raises InputError for anything
    that is not a readable, reasonably sized DOCX.
    """
    lines, shown = _read_lines(path, display)
    return parse_lines(lines, shown)

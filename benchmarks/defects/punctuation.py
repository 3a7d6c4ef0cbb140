"""Defect injectors for the punctuation family (T rules): one wrong mark put into a clean report."""

from __future__ import annotations

import random
import re

HAN = "\u4e00-\u9fff"
FULL = "，。、；：？！“”‘’（）《》〔〕【】…—"
Result = "tuple[str, str] | None"


def _sentence_lines(text: str) -> set[int]:
    """Start offsets of lines that hold sentences (not the title, signature or date)."""
    starts, pos = set(), 0
    for line in text.split("\n"):
        if "。" in line or "；" in line:
            starts.add(pos)
        pos += len(line) + 1
    return starts


def _line_start(text: str, k: int) -> int:
    return text.rfind("\n", 0, k) + 1


def _pick(text: str, rng: random.Random, pattern: str, sentences: bool = True, skip: int = 4):
    """A random match of `pattern` (in a sentence line, unless told otherwise), or None.

    Matches in the first `skip` characters of a line are left alone: a mark there may belong to
    a numbering marker (“（一）”, “第一，”), which the structure rules judge instead.
    """
    lines = _sentence_lines(text) if sentences else None
    found = [m for m in re.finditer(pattern, text)
             if (lines is None or _line_start(text, m.start()) in lines)
             and m.start() - _line_start(text, m.start()) >= skip]
    return rng.choice(found) if found else None


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _replace_mark(full: str, half: str, code: str, fallback: str | None = None):
    """Replace one full-width `full` that sits next to Chinese text with `half`."""

    def inject(text: str, rng: random.Random) -> Result:
        m = _pick(text, rng, f"(?<=[{HAN}”）》])[{full}](?=[{HAN}“（《\\d])") or _pick(
            text, rng, f"(?<=[{HAN}])[{full}]", sentences=False)
        if m is None and fallback:
            m = _pick(text, rng, f"(?<=[{HAN}])[{fallback}](?=[{HAN}])")
        if m is None:
            return None
        return _splice(text, m.start(), m.end(), rng.choice(half)), code

    return inject


def _parentheses(text: str, rng: random.Random) -> Result:
    m = _pick(text, rng, r"（([^（）\n]{1,30})）", sentences=False)
    if m is None:
        return None
    return _splice(text, m.start(), m.end(), f"({m.group(1)})"), "T105"


def _question_exclamation(text: str, rng: random.Random) -> Result:
    m = _pick(text, rng, f"(?<=[{HAN}])。")
    if m is None:
        return None
    return _splice(text, m.start(), m.end(), rng.choice("?!")), "T104"


def _straight_quotes(text: str, rng: random.Random) -> Result:
    m = _pick(text, rng, r"“([^“”\n]{1,30})”", sentences=False)
    if m is None:
        return None
    return _splice(text, m.start(), m.end(), f'"{m.group(1)}"'), "T107"


def _unpaired(text: str, rng: random.Random) -> Result:
    m = _pick(text, rng, r"[”）》]|[“（《]", sentences=False)
    if m is None:
        return None
    return _splice(text, m.start(), m.end(), ""), "T108"


def _ellipsis_dash(text: str, rng: random.Random) -> Result:
    if rng.random() < 0.5:
        m = _pick(text, rng, f"(?<=[{HAN}])。")
        if m is not None:
            form = rng.choice(("...", "。。。", "…", "......", "⋯⋯", "。。。。。。"))
            return _splice(text, m.start(), m.end(), form), "T109"
    m = _pick(text, rng, f"(?<=[{HAN}])，(?=[{HAN}])")
    if m is None:
        return None
    form = rng.choice(("--", "－－", "———", "――", "----"))
    return _splice(text, m.start(), m.end(), form), "T110"


def _repeated(text: str, rng: random.Random) -> Result:
    m = _pick(text, rng, f"(?<=[{HAN}])[，。、；]")
    if m is None:
        return None
    return _splice(text, m.start(), m.end(), m.group() * 2), "T111"


def _dunhao(text: str, rng: random.Random) -> Result:
    ways = []
    deng = [m for m in re.finditer(f"、[{HAN}]{{1,10}}(?=等(?![级待同候于量价额次比高号效距分边式第]))", text)]
    if deng:
        ways.append(("deng", deng))
    quoted = list(re.finditer(r"[”》](?=[“《])", text))
    if quoted:
        ways.append(("quoted", quoted))
    counts = list(re.finditer(r"(?<![\d.第、])([1-8])(?=[个天人次名家项])", text))
    if counts:
        ways.append(("estimate", counts))
    if not ways:
        return None
    kind, found = rng.choice(ways)
    m = rng.choice(found)
    if kind == "deng":
        return _splice(text, m.end(), m.end(), "、"), "T112"
    if kind == "quoted":
        return _splice(text, m.end(), m.end(), "、"), "T113"
    n = int(m.group(1))
    digits = "一二三四五六七八九"
    estimate = f"{digits[n - 1]}、{digits[n]}"
    return _splice(text, m.start(), m.end(), estimate), "T114"


def _spaces(text: str, rng: random.Random) -> Result:
    m = _pick(text, rng, f"(?<=[{HAN}]{{2}})(?=[{HAN}]{{2}})")
    if m is None:
        return None
    return _splice(text, m.start(), m.start(), rng.choice((" ", "  ", "\u3000"))), "T115"


def _fullwidth(text: str, rng: random.Random) -> Result:
    m = _pick(text, rng, r"[0-9]+|[A-Za-z]+", sentences=False)
    if m is None:
        return None
    full = "".join(chr(ord(c) + 0xFEE0) for c in m.group())
    return _splice(text, m.start(), m.end(), full), "T116"


INJECTORS = {
    "半角逗号": _replace_mark("，", ",", "T101"),
    "半角分号": _replace_mark("；", ";", "T102", fallback="，"),
    "半角冒号": _replace_mark("：", ":", "T103", fallback="，"),
    "半角括号": _parentheses,
    "半角问号叹号": _question_exclamation,
    "直引号": _straight_quotes,
    "括号引号不配对": _unpaired,
    "省略号破折号形式": _ellipsis_dash,
    "标点重复": _repeated,
    "顿号误用（等前/引号间/概数）": _dunhao,
    "汉字间空格": _spaces,
    "全角数字字母": _fullwidth,
}

"""Text the punctuation and number rules never touch, and the character classes they share."""

from __future__ import annotations

import bisect
import functools
import re

# Han characters (CJK unified ideographs, extension A, compatibility) and 〇.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
# Full-width punctuation and the marks that are full-width in Chinese typesetting
# (quotes, dash, ellipsis, middle dot), plus the full-width space.
FULL_PUNCT = ("\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\uff3b-\uff40\uff5b-\uff65"
              "\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u2027\u30fb")
CHINESE = HAN + FULL_PUNCT
CN_DIGITS = "〇零一二三四五六七八九十百千万两"

_FILE_EXT = ("docx?|xlsx?|xlsm|pptx?|pdf|txt|wps|et|dps|ofd|zip|rar|7z|jpe?g|png|gif|bmp|tiff?"
             "|csv|md|html?|xml|json|ya?ml|py|js|mp[34]|avi|mov|wav")

_URL_PATH = r"(?:[A-Za-z0-9._~:/?#\[\]@!$&'*+,;=%-]|\([^\s()]*\))*(?<![.,;:!?'\]])"

# Why each alternative: a fix inside any of these would corrupt something that is not prose.
_PROTECTED = "|".join((
    # URLs: the scheme or www. up to the first non-ASCII or space. Trailing ASCII punctuation is
    # left outside ("见https://x.cn," ends a clause with a wrong half-width comma); a bracketed
    # part stays inside (list(2026)).
    rf"(?:https?|ftp)://{_URL_PATH}",
    rf"www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#]{_URL_PATH})?",
    # e-mail
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    # bare domains with a path: example.gov.cn/a,b
    rf"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org|gov|edu|int)\b(?:/{_URL_PATH})?",
    # Windows paths
    r"[A-Za-z]:\\[^\s，。；：！？、“”（）《》]*",
    # standard numbers: GB/T 9704-2012, GB/T 15834—2011, ISO 9001:2015, ISO/IEC 27001:2013
    r"[A-Z]{1,6}(?:/[A-Z]{1,3})?[ \u00a0]?\d+(?:\.\d+)*(?:[ \u00a0]?[-—–:：][ \u00a0]?\d{2,4})?",
    # versions and dotted numbers: v2.1.0, 1.2.3, 2026.1.5
    r"[vV]\d+(?:\.\d+)+",
    r"\d+(?:\.\d+){2,}",
    # decimals, times and ratios: 3.14, 9:30, 14:12:36, 1:500
    r"\d+\.\d+",
    r"\d+(?::\d+)+",
    # file names: report_2026.docx, 工作要点.pdf
    # (a dot inside the name only before ASCII: “完成任务.报告.docx” keeps its wrong stop)
    rf"[\w-]+(?:\.[A-Za-z0-9_-]+)*\.(?:{_FILE_EXT})(?![A-Za-z0-9])",
))


@functools.cache
def _protected() -> re.Pattern:
    return re.compile(_PROTECTED)


@functools.cache
def _quick() -> re.Pattern:
    # Every protected span that holds a character some rule could change contains ASCII
    # punctuation or a dash; most Chinese paragraphs contain none.
    return re.compile(r"[!-/:-@\[-`{-~—–]")


@functools.lru_cache(maxsize=4096)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping [start, end) ranges of `text` that no fix may change."""
    if not _quick().search(text):
        return ()
    return tuple(m.span() for m in _protected().finditer(text))


@functools.lru_cache(maxsize=4096)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in spans(text))


def protected(text: str, start: int, end: int | None = None) -> bool:
    """True if [start, end) (default: the one character at start) touches a protected span."""
    found = spans(text)
    if not found:
        return False
    end = start + 1 if end is None else max(end, start + 1)
    i = bisect.bisect_right(_starts(text), end - 1) - 1
    return i >= 0 and found[i][1] > start


def is_chinese(ch: str) -> bool:
    """A Han character or a full-width mark: what makes a neighbouring mark Chinese."""
    return bool(ch) and _chinese_char().match(ch) is not None


@functools.cache
def _chinese_char() -> re.Pattern:
    return re.compile(f"[{CHINESE}]")


def is_latin(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def marker_end(block) -> int:
    """Length of the block's numbering marker as written (0 if none)."""
    marker = getattr(block, "marker", "") or ""
    return len(marker) if marker and block.text.startswith(marker) else 0


@functools.cache
def _docnum() -> re.Pattern:
    # 发文字号 with any bracket people type around the year: 国发[2026]1号, 国发（2026）1号.
    return re.compile(r"(?P<org>[\u4e00-\u9fff]{1,10})"
                      r"(?P<open>[\[［(（【﹝〖{〔])(?P<year>[ \u3000]*(?:19|20)\d{2}[ \u3000]*)"
                      r"(?P<close>[\]］)）】﹞〗}〕])"
                      r"(?P<num>[ \u3000]*第?[ \u3000]*\d+[ \u3000]*)号")


def docnums(text: str) -> list[re.Match]:
    """Every 发文字号 in `text`, whatever its brackets."""
    if "号" not in text:
        return []
    return list(_docnum().finditer(text))


# What follows a number that was never typed in (截止 月 日, 将 座新建, 共 人参加).
_SLOT_UNITS = "年月日时分座个项家次名件处所条台辆亩元万亿户批栋套间期轮"


def blank_slot(text: str, s: int, e: int) -> bool:
    """The spaces at [s, e) stand for a number left blank in a form (截止 月 日): a Han character
    before, a unit word after, no digit next to them. Not a fixable extra space: removing it
    would hide that something is missing."""
    if s == 0 or e >= len(text):
        return False
    if _letter_spaced().search(text):
        return False  # 关 于 2 0 2 6 年 …: a letter-spaced line, not a form with blanks
    prev, nxt = text[s - 1], text[e]
    if not (is_chinese(prev) and "\u4e00" <= prev <= "\u9fff") or nxt not in _SLOT_UNITS:
        return False
    if nxt == "年" and text[e + 1:e + 2] in ("度", "代", "级", "龄", "轻", "底"):
        return False
    # A space that splits a word (主汛 期前) is a stray space, not a blank: join and segment.
    from toolkit.text.lexicon import words

    left, right = text[max(0, s - 3):s], text[e:e + 3]
    at = 0
    for word in words(left + right):
        if at < len(left) < at + len(word):
            return False
        at += len(word)
    return True


@functools.cache
def _letter_spaced() -> re.Pattern:
    return re.compile("(?:[\u4e00-\u9fff][ \u3000]+){3}")

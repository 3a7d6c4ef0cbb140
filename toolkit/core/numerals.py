"""Chinese numerals and the GB/T 9704 7.3.3 numbering markers for each heading level."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (as counts and ordinals are written)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        return head + (_DIGITS[1] + chinese(rest) if rest < 20 else chinese(rest))
    raise ValueError(f"numeral too large: {n}")


def parse_chinese(text: str) -> int | None:
    """The value of a Chinese numeral up to 999 (一 … 十一 … 九百九十九), or None."""
    if not text or any(c not in _DIGITS + "十百〇两" for c in text):
        return None
    text = text.replace("〇", "零").replace("两", "二")
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS.index(ch)
    return (total + current) or None


def count_word(n: int) -> str:
    """A count before a measure word: 两大机制, 三个方面, 十二项 (2 alone is 两, not 二)."""
    return "两" if n == 2 else chinese(n)


def marker(level: int, n: int) -> str:
    """The numbering marker of heading level 1–4: 一、 （一） 1. （1）."""
    if level == 1:
        return chinese(n) + "、"
    if level == 2:
        return "（" + chinese(n) + "）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading level must be 1–4, not {level}")


def series_marker(n: int, word: str = "是") -> str:
    """一是, 二是 … 十一是: the ordinal that opens an item of a 一是/二是 series."""
    return chinese(n) + word

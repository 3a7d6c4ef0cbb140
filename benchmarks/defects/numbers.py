"""Defect injectors for the numbers family (N rules): one wrong date or number form in a report."""

from __future__ import annotations

import random
import re

Result = "tuple[str, str] | None"
_CN = "一二三四五六七八九"
_DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _choice(rng: random.Random, pattern: str, text: str):
    found = list(re.finditer(pattern, text))
    return rng.choice(found) if found else None


def _chinese(n: int) -> str:
    from toolkit.core.numerals import chinese

    return chinese(n)


def _leading_zero(text: str, rng: random.Random) -> Result:
    m = _choice(rng, r"(?<![\d.:/\-—～~])[1-9](?=月)|(?<=月)[1-9](?=日)", text)
    if m is not None:
        return _splice(text, m.start(), m.start(), "0"), "N101"
    m = _choice(rng, _DATE, text)  # no one-digit month or day: make the date one
    if m is None:
        return None
    month, day = rng.randint(1, 9), rng.randint(1, 9)
    return _splice(text, m.start(), m.end(), f"{m.group('y')}年0{month}月0{day}日"), "N101"


def _short_year(text: str, rng: random.Random) -> Result:
    m = _choice(rng, r"(?<!\d)(?:19|20)(\d{2})年(?=\d{1,2}月)", text)
    if m is None:
        return None
    return _splice(text, m.start(), m.end(), f"{m.group(1)}年"), "N102"


def _hao(text: str, rng: random.Random) -> Result:
    m = _choice(rng, r"(?<=\d月)(\d{1,2})日", text)
    if m is None:
        return None
    return _splice(text, m.end() - 1, m.end(), "号"), "N105"


def _range(text: str, rng: random.Random) -> Result:
    ways = []
    for m in re.finditer(r"(?<=\d)[—～](?=\d)", text):
        after = re.match(r"\d+(.)", text[m.end():])
        unit = after.group(1) if after else ""
        if m.group() == "—" and unit in "年月日）":
            ways.append((m, "N106"))
        elif m.group() == "～" and unit not in "月日时号年":
            ways.append((m, "N107"))
    if not ways:
        return None
    m, code = rng.choice(ways)
    return _splice(text, m.start(), m.end(), rng.choice("-~")), code


_UNITS = "个项名家所件人户座台辆场批处篇份支套栋间条"
# “三个方面”, “两个同步”: after these a Chinese count names a set, and no rule should ask for
# one form there.
_SET_WORDS = ("方面", "领域", "环节", "层面", "转变", "到位", "结合", "坚持", "确保", "原则",
              "同步", "优先", "不变", "百分")


def _inconsistent(text: str, rng: random.Random) -> Result:
    counts = [m for m in re.finditer(rf"(?<![第\d.、])(\d{{1,2}})(?=[{_UNITS}])", text)
              if 2 <= int(m.group(1)) <= 99
              and not re.match(r"[^，。；：！？、“”（）]{0,8}：", text[m.end():])
              and text[m.end() + 1:m.end() + 3] not in _SET_WORDS]
    if len(counts) < 3:
        return None
    m = rng.choice(counts)
    n = int(m.group(1))
    return _splice(text, m.start(), m.end(), "两" if n == 2 else _chinese(n)), "N109"


def _docnum(text: str, rng: random.Random) -> Result:
    opening, closing = rng.choice(("[]", "()", "（）", "【】", "［］", "﹝﹞"))
    number = f"{rng.choice(('国办发', '浙政办发', '青政发', '市委办'))}{opening}{rng.choice((2025, 2026))}" \
             f"{closing}{rng.randint(1, 60)}号"
    m = _choice(rng, r"《[^《》\n]{2,40}》", text)
    if m is not None:
        return _splice(text, m.end(), m.end(), f"（{number}）"), "N110"
    m = _choice(rng, r"(?<=\n)(?=[^\n]{20,}。)", text)
    if m is None:
        return None
    return _splice(text, m.start(), m.start(), f"根据{number}文件要求，"), "N110"


INJECTORS = {
    "日期前导零": _leading_zero,
    "年份简写": _short_year,
    "号代日": _hao,
    "范围连接号": _range,
    "数字形式不一致": _inconsistent,
    "发文字号括号": _docnum,
}

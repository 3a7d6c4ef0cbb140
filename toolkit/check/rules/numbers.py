"""Number and date rules (N101–N199): GB/T 15835-2011 forms, GB/T 15834 connectors, 发文字号."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.check.engine import Context, iter_text
from toolkit.check.model import ERROR, INFO, WARNING, Finding, Rule
from toolkit.check.rules._protect import HAN, docnums, protected
from toolkit.core.document import DATE
from toolkit.core.numerals import parse_chinese

_SP = "[ \u00a0]*"  # spaces people type around a connector
_DASHES = "[-~－–]"  # hyphen, half-width tilde, full-width minus, en dash: never a Chinese connector


@functools.cache
def _re(pattern: str) -> re.Pattern:
    """Compiled on first use and shared: no regex work happens at import time."""
    return re.compile(pattern)


def _digits_in(text: str) -> bool:
    return any(c.isdigit() for c in text)


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

def _check_leading_zero(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = r"(?<![\d.:/\-])0([1-9])(?=月)|(?<=月)0([1-9])(?=[日号])"
    for i, block in iter_text(ctx):
        text = block.text
        if "0" not in text:
            continue
        for m in _re(pattern).finditer(text):
            digit = m.group(1) or m.group(2)
            unit = "月" if m.group(1) else text[m.end()]
            yield rule.at(i, m.start(), m.end(), f"改为“{digit}{unit}”", digit,
                          text=m.group() + unit, fixed=digit + unit)


def _check_short_year(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = r"(?<![\d.'’〔\[])(\d{2})年(?=\d{1,2}月)"
    for i, block in iter_text(ctx):
        text = block.text
        if "年" not in text:
            continue
        for m in _re(pattern).finditer(text):
            yy = m.group(1)
            full = ("20" if int(yy) < 50 else "19") + yy
            yield rule.at(i, m.start(), m.end(), f"写全年份，如“{full}年”",
                          text=m.group(), full=full)


_CN_YEAR_DIGITS = {c: str(n) for n, c in enumerate("〇一二三四五六七八九")}
_CN_YEAR_DIGITS.update({"○": "0", "零": "0", "Ｏ": "0", "O": "0"})
_DATE = (r"(?<![\d〇○零Ｏ一二三四五六七八九十])"
         r"(?P<y>\d{4}|[〇○零Ｏ一二三四五六七八九]{4})年"
         r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
         r"(?:(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=[日号]))?")


def _arabic(part: str) -> bool:
    return part.isascii() and part.isdigit()


def _to_arabic(m: re.Match) -> str:
    """The date of match `m` written with Arabic numerals, without leading zeros."""
    y = m.group("y")
    y = y if _arabic(y) else "".join(_CN_YEAR_DIGITS[c] for c in y)
    parts = [y + "年"]
    for name, unit in (("m", "月"), ("d", "")):
        value = m.group(name)
        if value is None:
            continue
        n = int(value) if _arabic(value) else parse_chinese(value)
        parts.append(f"{n}{unit}")
    return "".join(parts)


def _dates(text: str) -> Iterator[tuple[re.Match, str]]:
    """Each Y年M月[D] date with its form: 'arabic', 'chinese' or 'mixed'."""
    if "年" not in text or "月" not in text:
        return
    for m in _re(_DATE).finditer(text):
        forms = {_arabic(p) for p in m.group("y", "m", "d") if p is not None}
        yield m, ("mixed" if len(forms) > 1 else "arabic" if True in forms else "chinese")


# All-numeric dates: 2026-07-05, 2026/7/5, 2026.7.5 (the separator is the form).
_NUMERIC_DATE = (r"(?<![A-Za-z0-9_.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
                 r"(?P<d>3[01]|[12]\d|0?[1-9])(?![A-Za-z0-9_\-/]|\.\d)")


def _numeric_dates(text: str) -> list[re.Match]:
    if not any(c in text for c in "-/.") or not _digits_in(text):
        return []
    return list(_re(_NUMERIC_DATE).finditer(text))


def _written_out(m: re.Match) -> str:
    return f"{m.group('y')}年{int(m.group('m'))}月{int(m.group('d'))}日"


def _check_mixed_date(ctx: Context, rule: Rule) -> Iterator[Finding]:
    first: re.Match | None = None  # the first all-numeric date sets the form of the others
    for i, block in iter_text(ctx):
        for m, form in _dates(block.text):
            if form == "mixed":
                fixed = _to_arabic(m)
                yield rule.at(i, m.start(), m.end(), f"改为“{fixed}”", fixed, text=m.group(),
                              problem=f"混用了汉字数字和阿拉伯数字，应统一写作“{fixed}”")
        if block.kind == DATE:
            continue  # the 成文日期 is N114's
        for m in _numeric_dates(block.text):
            if first is None:
                first = m
            elif m.group("sep") != first.group("sep"):
                fixed = _written_out(m)
                yield rule.at(i, m.start(), m.end(), f"全文日期统一一种写法，如“{fixed}”",
                              text=m.group(), problem=f"与前文日期“{first.group()}”的写法不一致")


def _check_numeric_signing_date(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx, (DATE,)):
        for m in _numeric_dates(block.text):
            fixed = _written_out(m)
            yield rule.at(i, m.start(), m.end(), f"改为“{fixed}”", fixed,
                          text=m.group(), fixed=fixed)


def _check_chinese_signing_date(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx, (DATE,)):
        for m, form in _dates(block.text):
            if form == "chinese":
                fixed = _to_arabic(m)
                yield rule.at(i, m.start(), m.end(), f"改为“{fixed}”", fixed,
                              text=m.group(), fixed=fixed)


def _check_hao_for_ri(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = (r"(?<![\d一二三四五六七八九十])(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
               r"(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
               r"号(?![楼院线令文房室馆门栋仓口窗位])")
    for i, block in iter_text(ctx):
        text = block.text
        if "号" not in text or "月" not in text:
            continue
        for m in _re(pattern).finditer(text):
            k = m.end() - 1
            day = m.group("d")
            day = str(int(day)) if _arabic(day) else day
            yield rule.at(i, k, k + 1, "改为“日”", "日", text=m.group(), day=day)


# ---------------------------------------------------------------------------------------------
# Range connectors
# ---------------------------------------------------------------------------------------------

_TIME_RANGE = "|".join((
    # years: 2021-2025年, 2021年~2025年, （2021-2025）
    rf"(?<![\d.\-/:])(?P<y1>(?:19|20)\d{{2}})年?(?P<c1>{_SP}{_DASHES}{_SP})"
    rf"(?P<y2>(?:19|20)\d{{2}})(?=年|学年|财年|）|\))",
    # after a date unit: 3月5日-10日, 2026年1月-6月
    rf"(?<=[月日])(?P<c2>{_SP}{_DASHES}{_SP})(?=\d{{1,2}}[月日])",
    # bare months and days: 1-3月, 5~10日, 8-10时
    rf"(?<![\d.\-/:])(?P<a>\d{{1,2}})(?P<c3>{_SP}{_DASHES}{_SP})(?P<b>\d{{1,2}})"
    rf"(?=月(?!份?\d)|日|时(?!钟))",
    # clock times: 9:00-11:30 (14：30-17:00 too: the colon is N115's)
    rf"(?<![\d.])\d{{1,2}}[:：]\d{{2}}(?P<c4>{_SP}{_DASHES}{_SP})(?=\d{{1,2}}[:：]\d{{2}})",
))


def _check_time_range(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if not _re(_DASHES).search(text) or not _digits_in(text):
            continue
        for m in _re(_TIME_RANGE).finditer(text):
            if m.group("y1") and int(m.group("y2")) <= int(m.group("y1")):
                continue
            if m.group("a") and int(m.group("b")) <= int(m.group("a")):
                continue
            c = next(n for n in ("c1", "c2", "c3", "c4") if m.group(n) is not None)
            s, e = m.span(c)
            if protected(text, s, e) and not m.group("c4"):
                continue
            yield rule.at(i, s, e, "改为一字线“—”", "—", text=m.group().strip() or text[s:e],
                          form=m.group(c).strip())


# A clock time written with the full-width colon: 14：30. Told from a ratio (1：50) by what is
# around it: a time of day, a day, a week day before it, a time range or an event after it.
_CLOCK = r"(?<![\d.])(?<!\d[:：])(?P<h>[01]?\d|2[0-3])(?P<c>：)(?P<m>[0-5]\d)(?:[:：][0-5]\d)?(?![\d.:：])"
_CLOCK_BEFORE = (r"(?:上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|当天|当日|每天|每日|[日号天]|"
                 r"周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|"
                 r"时间[为是：:]?|时刻|于|在|从|自|至|到|或|[-—~～－–、和])$")
_CLOCK_AFTER = (r"^(?:[ ]*[-—~～－–至到][ ]*\d{1,2}[:：]\d{2}|召开|开始|结束|举行|截止|前|后|起|止|"
                r"之前|以前|以后|整|出发|集合|报到|签到|开放|闭馆|上班|下班)")


def _check_time_colon(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if "：" not in text or not _digits_in(text):
            continue
        for m in _re(_CLOCK).finditer(text):
            before, after = text[max(0, m.start() - 6):m.start()], text[m.end():m.end() + 8]
            if not (_re(_CLOCK_BEFORE).search(before) or _re(_CLOCK_AFTER).search(after)):
                continue
            time = m.group().replace("：", ":")
            for k in (k for k in range(m.start(), m.end()) if text[k] == "："):
                yield rule.at(i, k, k + 1, f"改为“{time}”", ":", text=m.group(), fixed=time)


# Not after 第 (an ordinal range) or 表/图/式 (表1-2 is a table number: GB/T 15834 4.13.3.1).
_NUMERIC_RANGE = (rf"(?<![\d.\-/:A-Za-z#＃第表图式])(?P<a>\d+(?:\.\d+)?)(?P<u>%|‰|万|亿)?"
                  rf"(?P<c>{_SP}{_DASHES}{_SP})(?P<b>\d+(?:\.\d+)?)(?![\d.\-/:])"
                  rf"(?=[%‰℃A-Za-z{HAN}])")


def _check_numeric_range(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if not _re(_DASHES).search(text) or not _digits_in(text):
            continue
        for m in _re(_NUMERIC_RANGE).finditer(text):
            a, b = m.group("a"), m.group("b")
            after = text[m.end()]
            if after in "月日时号" or (after == "年" and len(a) == len(b) == 4):
                continue  # time ranges are N106's; 号 is often an ordinal (3-5号楼)
            if (len(a) > 1 and a.startswith("0")) or max(len(a), len(b)) >= 7:
                continue  # 010-…: telephone and serial numbers
            if float(b) <= float(a) or protected(text, m.start(), m.end()):
                continue
            if _re(r"(?:19|20)\d\d").fullmatch(a) and _re(r"(?:19|20)\d\d").fullmatch(b):
                continue  # two years: a time range (2025-2026学年), N106's kind
            s, e = m.span("c")
            yield rule.at(i, s, e, "改为浪纹线“～”", "～", text=m.group(), form=m.group("c").strip())


def _check_range_unit(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = (r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)(?P<c> *[-~～－–—至到] *)"
               r"(?P<b>\d+(?:\.\d+)?)(?P<u>%|‰|万|亿)")
    for i, block in iter_text(ctx):
        text = block.text
        if not any(u in text for u in "%‰万亿"):
            continue
        for m in _re(pattern).finditer(text):
            if protected(text, m.start(), m.end()):
                continue
            a, u = m.group("a"), m.group("u")
            yield rule.at(i, m.start("a"), m.end("a"), f"改为“{a}{u}{m.group('c').strip()}"
                          f"{m.group('b')}{u}”", a + u, text=m.group(), unit=u)


# ---------------------------------------------------------------------------------------------
# Numbers in one form
# ---------------------------------------------------------------------------------------------

_COUNT_UNITS = "个项名家所件人户座台辆场批处篇份支套栋间条"
# Chinese counts that head an enumeration or a set phrase, not a tally: 三个方面, 四个意识.
_SET_HEADS = ("方面", "领域", "环节", "层面", "维度", "转变", "到位", "结合", "坚持", "必须",
              "务必", "确保", "原则", "意识", "自信", "维护", "确立", "代表", "全面", "一百年",
              "一批", "优先", "不变", "着力", "聚焦", "百分点", "之")
_CATEGORIES = {
    "季度": r"(?<![\d〇零一二三四五六七八九十])第?(?P<n>[1-4]|[一二三四])季度",
    "序数": r"第(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})(?=批|期|轮|个|项|名|阶段)",
    "计数": (r"(?<![第\d.〇零一二三四五六七八九十百千万两几届每这那哪“‘《「\"'])"
             r"(?P<n>\d+|[两二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)"
             rf"(?=[{_COUNT_UNITS}])(?![{_COUNT_UNITS}](?:{'|'.join(_SET_HEADS)}))"),
}


_FIXED_COUNTS = ("八项规定", "六项禁令", "三项制度", "两个结合", "两个毫不动摇", "三个务必",
                 "五个必由之路", "两个大局", "三个一百年")


def _set_phrase(text: str, m: re.Match) -> bool:
    """A count that names a set rather than tallies things: 八项规定, 抓好四项工作：一是……"""
    if any(text.startswith(f, m.start()) for f in _FIXED_COUNTS):
        return True
    tail = _re(r"[^，。；：！？、“”（）]{0,8}([：:])").match(text, m.end())
    return tail is not None and not _arabic(m.group("n"))


def _value(n: str) -> int:
    return int(n) if _arabic(n) else (parse_chinese(n) or 0)


def _check_number_forms(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for category, pattern in _CATEGORIES.items():
        seen: dict[bool, list[tuple[int, re.Match]]] = {True: [], False: []}
        for i, block in iter_text(ctx):
            text = block.text
            for m in _re(pattern).finditer(text):
                n = m.group("n")
                if category == "计数" and (_value(n) < 2 or _set_phrase(text, m)):
                    continue
                seen[_arabic(n)].append((i, m))
        if not seen[True] or not seen[False]:
            continue
        if len(seen[True]) != len(seen[False]):
            majority = len(seen[True]) > len(seen[False])
        else:  # a tie: the form the text used first sets the pattern
            first = {form: (hits[0][0], hits[0][1].start()) for form, hits in seen.items()}
            majority = first[True] < first[False]
        i0, m0 = seen[majority][0]
        example = m0.group()
        if category == "计数":
            example += ctx.blocks[i0].text[m0.end():m0.end() + 1]
        form, other = ("汉字", "阿拉伯数字") if majority else ("阿拉伯数字", "汉字")
        for i, m in seen[not majority]:
            unit = ctx.blocks[i].text[m.end():m.end() + 1] if category == "计数" else ""
            yield rule.at(i, m.start(), m.end(), f"统一用{other}书写（如“{example}”）",
                          text=m.group() + unit, form=form, other=other, example=example,
                          category=category)


def _check_chinese_count(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = (r"(?<![第〇零一二三四五六七八九十百千万两几届“‘《「])"
               r"(?P<n>[一二三四五六七八九]?十[一二三四五六七八九]?"
               r"|[一二三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?)?)"
               r"(?=[个项名家所件条人户座台辆场批处篇份支套种位天岁元吨亩]|公里|年(?!代|级))")
    fixed = ("五十六个民族",)
    for i, block in iter_text(ctx):
        text = block.text
        if "十" not in text and "百" not in text:
            continue
        for m in _re(pattern).finditer(text):
            n = parse_chinese(m.group("n")) or 0
            if n <= 10 or any(text.startswith(f, m.start()) for f in fixed) \
                    or text.startswith("两个", m.start() - 2):  # 两个一百年
                continue
            # GB/T 15835-2011 4.3: set phrases keep Chinese numerals: 五十年一遇, and the wording
            # of a policy quoted as issued (土地承包关系再延长三十年).
            if text.startswith("一遇", m.end() + 1) or text.endswith("延长", 0, m.start()):
                continue
            unit = text[m.end()]
            yield rule.at(i, m.start(), m.end(), f"改为“{n}{unit}”", text=m.group() + unit,
                          arabic=f"{n}{unit}")


def _check_grouping(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if "," not in text:
            continue
        for m in _re(r"(?<![\d.,])\d+(?:,\d+)+(?![\d,])").finditer(text):
            groups = m.group().split(",")
            rest = groups[1:]
            wrong = any(len(g) >= 4 for g in rest) or (
                all(len(g) == 3 for g in rest) and len(groups[0]) > 3) or (
                any(len(g) == 3 for g in rest) and any(len(g) != 3 for g in rest))
            if not wrong or protected(text, m.start(), m.end()):
                continue
            yield rule.at(i, m.start(), m.end(), "检查数值；千分位每三位一组（12,000），或改用“、”分隔",
                          text=m.group())


# ---------------------------------------------------------------------------------------------
# 发文字号
# ---------------------------------------------------------------------------------------------

def _check_docnum_brackets(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        for m in docnums(block.text):
            if m.group("open") == "〔" and m.group("close") == "〕":
                continue
            year = m.group("year").strip(" \u3000")
            fixed = f"〔{year}〕"
            yield rule.at(i, m.start("open"), m.end("close"), f"改为“{fixed}”", fixed,
                          text=m.group(), brackets=m.group("open") + m.group("close"))


def _check_docnum_number(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        for m in docnums(block.text):
            num = m.group("num")
            digits = re.sub(r"\D", "", num)
            if "第" not in num and not (len(digits) > 1 and digits.startswith("0")):
                continue
            fixed = str(int(digits))
            yield rule.at(i, m.start("num"), m.end("num"), f"改为“{fixed}号”", fixed,
                          text=m.group(), fixed=fixed)



# ---------------------------------------------------------------------------------------------
# N116–N118: dates that lost a character, dates in machine form, spaces inside a number's unit
# ---------------------------------------------------------------------------------------------

_YEAR = r"(?:19|20)\d\d"


def _garbled_dates(text: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, what is wrong, the date as it should read or None) for digit runs that are
    dates missing 年, 月 or a connector: 20212025年, 202223年, 202310月, 2023上半年, 1031日."""
    for m in _re(rf"(?<![\d.])({_YEAR})({_YEAR})年").finditer(text):
        a, b = m.group(1), m.group(2)
        if int(a) < int(b):
            yield m.start(), m.end(), "两个年份之间缺少连接号", f"{a}—{b}年"
    for m in _re(rf"(?<![\d.])({_YEAR})(\d\d)年").finditer(text):
        yield m.start(), m.end(), "不是一个可能的年份（多了或少了数字）", None
    for m in _re(rf"(?<![\d.])({_YEAR})(1[0-2]|[1-9])月").finditer(text):
        yield m.start(), m.end(), "年份后缺少“年”", f"{m.group(1)}年{m.group(2)}月"
    for m in _re(rf"(?<![\d.])({_YEAR})(?=上半年|下半年|全年|第?[一二三四]季度)"
                 ).finditer(text):
        yield m.start(), m.end(), "年份后缺少“年”", f"{m.group(1)}年"
    for m in _re(rf"(?<![\d.])({_YEAR})(\d{{1,4}})日").finditer(text):
        yield m.start(), m.end(), "年份后缺少“年”“月”", None
    # 1031日 after 截至/于/至: a month and day run together (120日 alone may be a count of days).
    for m in _re(r"(?:截至|截止|[于至到])(1[0-2]|0[1-9])(3[01]|[12]\d|0[1-9])日").finditer(text):
        yield m.start(1), m.end(), "月份后缺少“月”", f"{int(m.group(1))}月{int(m.group(2))}日"


def _check_garbled_date(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if not _digits_in(text):
            continue
        for start, end, problem, fixed in _garbled_dates(text):
            if protected(text, start, end):
                continue
            yield rule.at(i, start, end, f"改为“{fixed}”" if fixed else "补上漏掉的“年”“月”或连接号",
                          text=text[start:end], problem=problem)


def _check_machine_date(ctx: Context, rule: Rule) -> Iterator[Finding]:
    # 2026.7.5, 2026/7/5, 2026-07-05 in running text; a table or a file name may use them, so
    # only between Chinese characters or punctuation.
    pattern = (rf"(?<![\d.\-/A-Za-z_])({_YEAR})([./\-])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])"
               r"(?![\d.\-/A-Za-z_])")
    for i, block in iter_text(ctx):
        text = block.text
        if not _digits_in(text):
            continue
        for m in _re(pattern).finditer(text):
            # A dotted date reads as a decimal to the protector; a web address still protects.
            if protected(text, m.start(), m.end()) and (
                    m.group(2) != "." or protected(text, max(m.start() - 1, 0))):
                continue
            fixed = f"{m.group(1)}年{int(m.group(3))}月{int(m.group(4))}日"
            yield rule.at(i, m.start(), m.end(), f"改为“{fixed}”", fixed, text=m.group(),
                          fixed=fixed)


def _check_event_date(ctx: Context, rule: Rule) -> Iterator[Finding]:
    # “4.11”事故, “7·20”: an event named by its date takes the 间隔号 (GB/T 15834 4.16).
    pattern = r"(?<=[“\"])(1[0-2]|[1-9])[.．](3[01]|[12]\d|[1-9])(?=[”\"])"
    for i, block in iter_text(ctx):
        text = block.text
        for m in _re(pattern).finditer(text):
            fixed = f"{m.group(1)}·{m.group(2)}"
            yield rule.at(i, m.start(), m.end(), f"改为“{fixed}”", fixed, text=m.group(),
                          fixed=fixed)


def _check_space_in_number(ctx: Context, rule: Rule) -> Iterator[Finding]:
    # 2023 年, 60 %: a space between a number and its unit (typed, or left by a converter).
    pattern = r"(?<=\d)[ \u3000\u00a0]+(?=[%％‰年月日])"
    for i, block in iter_text(ctx, ("body", "heading", "date", "subtitle", "note", "attachment")):
        text = block.text
        if " " not in text and "\u3000" not in text and "\u00a0" not in text:
            continue
        for m in _re(pattern).finditer(text):
            if protected(text, m.start(), m.end()):
                continue
            unit = text[m.end()]
            number = _re(r"[\d.]+$").search(text, 0, m.start())
            shown = (number.group() if number else "") + m.group() + unit
            yield rule.at(i, m.start(), m.end(), "删去空格", "", text=shown, unit=unit)

_SET_WORDS = ("系列", "体化", "站式", "揽子", "把手", "盘棋", "张蓝图", "以贯之")


def _check_digit_in_set_phrase(ctx: Context, rule: Rule) -> Iterator[Finding]:
    # GB/T 15835-2011 4.1.2: words and set phrases keep their Chinese numerals (一系列, 一体化,
    # “十四五”规划); an Arabic digit there is a conversion or typing slip (1系列, 十25规划).
    for i, block in iter_text(ctx):
        text = block.text
        if not _digits_in(text):
            continue
        for m in _re(r"(?<![\d.])1(?=" + "|".join(_SET_WORDS) + ")").finditer(text):
            word = text[m.end():m.end() + 3]
            yield rule.at(i, m.start(), m.end(), "改为“一”", "一", text="1" + word[:2],
                          fixed="一" + word[:2])
        for m in _re(r"十\d{1,2}(?=”?(?:规划|时期|期间))").finditer(text):
            yield rule.at(i, m.start(), m.end(), "写作“十四五”“十五五”等汉字形式", text=m.group(),
                          fixed="十×五")


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------

RULES = (
    Rule(
        code="N101", name="date-leading-zero", severity=ERROR, fix=True,
        message="日期“{text}”编了虚位，应写作“{fixed}”。",
        basis="GB/T 9704-2012 7.3.5.4；GB/T 15835-2011 5.1",
        summary="用“年月日”书写的日期不编虚位：1月不写作01月，5日不写作05日（成文日期尤其如此）。"
                "“2026-01-05”这种全数字写法不在此列。",
        check=_check_leading_zero,
        fails=("会议于2026年01月05日召开。\n", "自2026年3月08日起施行。\n"),
        passes=("会议于2026年1月5日召开，数据截至2026-01-05。\n", "全年完成10月、11月两批次任务。\n"),
    ),
    Rule(
        code="N102", name="short-year", severity=WARNING,
        message="年份“{text}”简写了，应写全为“{full}年”。",
        basis="GB/T 15835-2011 5.1",
        summary="公历年份要写全四位数，“26年3月”应写作“2026年3月”，否则可能误解为年数。",
        check=_check_short_year,
        fails=("26年3月，我区启动专项整治行动。\n", "自25年10月起全面推行。\n"),
        passes=("2026年3月，我区启动专项整治行动。\n", "工作满20年的职工，按规定享受待遇。\n"),
    ),
    Rule(
        code="N103", name="date-mixed-forms", severity=WARNING, fix=True,
        message="日期“{text}”{problem}。",
        basis="GB/T 15835-2011 4.1、5.1.2；GB/T 9704-2012 7.3.5.4",
        summary="同一个日期里的年、月、日用同一种数字形式；公文中的公历日期用阿拉伯数字。全数字的日期"
                "（2026-07-05）在一篇文字里也只用一种写法，不混用“-”“/”“.”。",
        check=_check_mixed_date,
        fails=("二〇二六年1月5日，召开全区工作会议。\n", "2026年一月五日，召开全区工作会议。\n",
               "该项目于2026-07-05开工，2026/7/5验收。\n"),
        passes=("2026年1月5日，召开全区工作会议。\n", "今年一季度，2026年3月底前全部完成。\n",
                "该项目于2026-07-05开工，2026-09-30验收，系统版本为2026.1.5.2。\n"),
    ),
    Rule(
        code="N104", name="signing-date-chinese-numerals", severity=ERROR, fix=True,
        message="成文日期“{text}”用了汉字数字，应使用阿拉伯数字“{fixed}”。",
        basis="GB/T 9704-2012 7.3.5.4",
        summary="GB/T 9704-2012 规定成文日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位。"
                "“二〇二六年一月五日”是旧式写法。",
        check=_check_chinese_signing_date,
        fails=("关于2026年工作情况的汇报\n尊敬的各位领导：\n全年工作稳步推进。\n"
               "青山区应急管理局\n二〇二六年一月五日\n",
               "关于2026年工作情况的汇报\n全年工作稳步推进。\n青山区应急管理局\n二○二六年十一月二十六日\n"),
        passes=("关于2026年工作情况的汇报\n尊敬的各位领导：\n全年工作稳步推进。\n"
                "青山区应急管理局\n2026年1月5日\n",
                "二〇二六年一月五日，我区召开了动员大会。\n"),
    ),
    Rule(
        code="N105", name="hao-for-ri", severity=WARNING, fix=True,
        message="日期“{text}”用“号”表示日，书面语应写作“{day}日”。",
        basis="GB/T 15835-2011 5.1；写作惯例",
        summary="“号”表示日期是口语说法，公文中的日期写作“月……日”。楼号、线路号、文号不在此列。",
        check=_check_hao_for_ri,
        fails=("定于3月15号召开动员大会。\n", "请于十月八号前报送材料。\n"),
        passes=("定于3月15日召开动员大会。\n", "地铁3号线、5月1号楼和国发〔2026〕5号文件。\n"),
    ),
    Rule(
        code="N106", name="time-range-connector", severity=ERROR, fix=True,
        message="表示时间起止的“{form}”应改为一字线“—”。",
        basis="GB/T 15834-2011 4.13.3.2",
        summary="标示时间起止（年份、月份、日期、时刻）用一字线“—”（2021—2025年，1—3月，9:00—11:30）；"
                "短横线“-”只用于电话号码、型号和全数字日期，半角“~”不是中文标点。",
        check=_check_time_range,
        fails=("编制《发展规划（2021-2025年）》。\n", "1~3月，全区完成投资56亿元。\n",
               "会议时间为9:00-11:30。\n", "咨询时间为每周二14：30-17:00。\n"),
        passes=("编制《发展规划（2021—2025年）》，1—3月完成投资56亿元。\n",
                "联系电话：0571-88888888，数据截至2026-01-05，执行GB/T 9704-2012。\n"),
    ),
    Rule(
        code="N107", name="numeric-range-connector", severity=WARNING, fix=True,
        message="表示数值范围的“{form}”应改为浪纹线“～”。",
        basis="GB/T 15834-2011 4.13.3.2",
        summary="标示数值范围用浪纹线“～”（15～30天，3～6个月）。短横线“-”会被读成减号，半角“~”不是中文标点。",
        check=_check_numeric_range,
        fails=("整改期限一般为15-30天。\n", "进修时间一般为3~6个月。\n"),
        passes=("整改期限一般为15～30天，进修时间为3—6个月。\n",
                "联系电话0571-88888888，设备型号A-3，执行GB/T 9704-2012，1—3月完成。\n"),
    ),
    Rule(
        code="N108", name="range-unit-both-ends", severity=WARNING, fix=True,
        message="数值范围“{text}”的前一个数值省略了“{unit}”，两端都应写出。",
        basis="GB/T 15835-2011 5.1",
        summary="百分数范围每个数都带“%”（10%～20%，不写作10～20%）；用“万”“亿”表示的范围两端都写单位"
                "（9亿～16亿），否则容易误解。",
        check=_check_range_unit,
        fails=("增幅保持在10～20%。\n", "总投资约9～16亿元。\n"),
        passes=("增幅保持在10%～20%，总投资约9亿～16亿元。\n", "整改期限为15～30天。\n"),
    ),
    Rule(
        code="N109", name="number-form-inconsistent", severity=INFO,
        message="同类数字写法不一致：“{text}”用了{form}，本文多数用{other}（如“{example}”）。",
        basis="GB/T 15835-2011 4.3",
        summary="同一篇文字中，同一类数字（季度、序数、计数）应统一用一种形式。定型词语、概数和列举性的"
                "说法（三个方面、四个意识、七八十人）不在此列。",
        check=_check_number_forms,
        fails=("第4季度完成投资12亿元。\n第四季度将继续加大力度。\n第3季度同比增长。\n",
               "新建3个中心，改造5个站点。\n另建成三个中心。\n"),
        passes=("一季度完成投资12亿元，四季度继续加大力度。\n",
                "新建3个中心，改造5个站点，重点抓好三个方面工作，七八十人参加。\n"),
    ),
    Rule(
        code="N110", name="docnum-brackets", severity=ERROR, fix=True,
        message="发文字号“{text}”的年份用了“{brackets}”，应使用六角括号“〔〕”。",
        basis="GB/T 9704-2012 7.2.5",
        summary="发文字号由发文机关代字、年份、发文顺序号组成，年份用六角括号“〔〕”括入，不用方括号、"
                "圆括号或方头括号。",
        check=_check_docnum_brackets,
        fails=("根据《通知》（国发[2026]1号）要求，制定本方案。\n", "按照浙政办发(2026)12号文件精神。\n",
               "按照国发【2026】3号文件要求。\n"),
        passes=("根据《通知》（国发〔2026〕1号）要求，制定本方案。\n", "规划期为（2021—2025年），3号楼。\n"),
    ),
    Rule(
        code="N111", name="docnum-serial-form", severity=ERROR, fix=True,
        message="发文字号“{text}”的顺序号编了虚位或加了“第”，应写作“{fixed}号”。",
        basis="GB/T 9704-2012 7.2.5",
        summary="发文顺序号不加“第”字，不编虚位（1不编为01）。",
        check=_check_docnum_number,
        fails=("根据国发〔2026〕01号文件要求。\n", "根据国发〔2026〕第3号文件要求。\n"),
        passes=("根据国发〔2026〕1号文件要求。\n", "根据国发〔2026〕10号文件要求。\n"),
    ),
    Rule(
        code="N112", name="chinese-count-over-ten", severity=INFO,
        message="计数“{text}”用了汉字数字，一般写作阿拉伯数字“{arabic}”。",
        basis="GB/T 15835-2011 4.1.1",
        summary="用于计量和计数的数字，特别是多位数，宜用阿拉伯数字，醒目易读。概数（二十多个、十几个）"
                "和定型词语（五十六个民族、十三届四中全会）用汉字，不在此列。",
        check=_check_chinese_count,
        fails=("全区二十五个单位参加了培训。\n", "共检查企业一百二十家。\n"),
        passes=("全年办好十件民生实事，统筹两个市场，土地承包关系再延长三十年，防御五十年一遇洪水。\n",
                "全区25个单位参加了培训，二十多个部门参与，十几个街道响应。\n",
                "十三届四中全会精神，五十六个民族，十个方面。\n"),
    ),
    Rule(
        code="N113", name="thousands-grouping", severity=WARNING,
        message="数字“{text}”的千分位分组不对。",
        basis="GB/T 15835-2011 5.1",
        summary="用千分撇分节时，从个位起每三位一组（12,000）。“1,2000”这样的分组多是录入错误，会让数值看错。",
        check=_check_grouping,
        fails=("全年接待群众1,2000人次。\n", "累计投入资金1234,567元。\n"),
        passes=("全年接待群众12,000人次，累计投入1,234,567元。\n", "见第1,2项，比例为3.5%。\n"),
    ),
    Rule(
        code="N114", name="signing-date-numeric-form", severity=ERROR, fix=True,
        message="成文日期“{text}”写成了全数字形式，应写作“{fixed}”。",
        basis="GB/T 9704-2012 7.3.5.4",
        summary="成文日期用阿拉伯数字将年、月、日标全，写作“2026年7月5日”；“2026.7.5”“2026-07-05”"
                "“2026/7/5”都不是成文日期的写法。正文里的全数字日期不在此列。",
        check=_check_numeric_signing_date,
        fails=("关于2026年工作情况的汇报\n全年工作稳步推进。\n青山区应急管理局\n2026.7.5\n",
               "关于2026年工作情况的汇报\n全年工作稳步推进。\n青山区应急管理局\n2026-07-05\n",
               "关于2026年工作情况的汇报\n全年工作稳步推进。\n青山区应急管理局\n2026/7/5\n"),
        passes=("关于2026年工作情况的汇报\n全年工作稳步推进。\n青山区应急管理局\n2026年7月5日\n",
                "数据截至2026-07-05，2026-07-06起施行。\n"),
    ),
    Rule(
        code="N115", name="time-fullwidth-colon", severity=ERROR, fix=True,
        message="时间“{text}”用了全角冒号，应写作“{fixed}”。",
        basis="GB/T 15835-2011 5.1.2；GB/T 7408-2005 5.3.1",
        summary="用“:”表示时、分（14:30）是 GB/T 7408 的扩展格式，冒号用半角；全角“：”是提示下文的标点。"
                "比例（1：50）不在此列。",
        check=_check_time_colon,
        fails=("咨询时间为每周二14：30-17:00。\n", "会议定于6月5日下午2：30召开。\n"),
        passes=("咨询时间为每周二14:30—17:00。\n", "比例尺为1：50，比分为3：2。\n"),
    ),
    Rule(
        code="N116", name="date-lost-character", severity=ERROR,
        message="日期“{text}”{problem}。",
        basis="GB/T 15835-2011 5.1；GB/T 15834-2011 4.13（连接号）",
        summary="数字连写、丢了“年”“月”或连接号的日期：20212025年（应为2021—2025年）、202223年、"
                "202310月、2023上半年、截至1031日。多是转换或录入时丢了字，原意只有作者知道，所以不自动修复。",
        check=_check_garbled_date,
        fails=("按照《实施纲要（20212025年）》要求推进。\n", "关于202310月份进展情况的通报\n",
               "截至1031日，已完成26件。\n", "2023上半年完成投资5亿元。\n",
               "——2018724日在省人大常委会会议上\n", "202223年度考核优秀。\n"),
        passes=("按照《实施纲要（2021—2025年）》要求推进，截至10月31日已完成。\n",
                "2023年上半年完成投资5亿元，120日内办结，编号20231015。\n",
                "2023—2025年三年行动，2021年度考核优秀。\n"),
    ),
    Rule(
        code="N117", name="date-machine-form", severity=WARNING, fix=True,
        message="正文中的日期“{text}”应写作“{fixed}”。",
        basis="GB/T 15835-2011 5.1；GB/T 9704-2012 7.3.5.4",
        summary="正文里的日期用“年月日”书写：2026.7.5、2026/7/5、2026-07-05 应写作2026年7月5日。",
        check=_check_machine_date,
        fails=("会议于2026.7.5召开。\n", "自2026/7/5起施行，至2026-07-05止。\n"),
        passes=("会议于2026年7月5日召开。\n", "版本号1.2.3，电话0571-86624908，网址www.gov.cn/2026/7/5a。\n"),
    ),
    Rule(
        code="N118", name="event-date-dot", severity=WARNING, fix=True,
        message="以日期称呼的事件“{text}”应使用间隔号，写作“{fixed}”。",
        basis="GB/T 15834-2011 4.16（间隔号）",
        summary="用月日称呼的事件、节日，月和日之间用间隔号：“4·11”事故、“5·15政务公开日”，不用句点。",
        check=_check_event_date,
        fails=("吸取“4.11”事故教训。\n",),
        passes=("吸取“4·11”事故教训，全年增长3.5个百分点，版本“2.0”上线。\n",),
    ),
    Rule(
        code="N119", name="space-before-unit", severity=WARNING, fix=True,
        message="“{text}”中数字与“{unit}”之间多了空格。",
        basis="GB/T 15835-2011；写作惯例",
        summary="数字与紧跟的“年、月、日、%”之间不空格：2023 年、60 % 应写作2023年、60%。",
        check=_check_space_in_number,
        fails=("2023 年，全街道共主动公开信息42条。\n", "占全年任务的60 %。\n"),
        passes=("2023年，全街道共主动公开信息42条，占全年任务的60%。\n", "ISO 9001 标准。\n"),
    ),
    Rule(
        code="N120", name="digit-in-set-phrase", severity=WARNING, fix=True,
        message="固定词语“{text}”中的数字应用汉字，写作“{fixed}”。",
        basis="GB/T 15835-2011 4.1.2",
        summary="词语、成语和固定说法里的数字用汉字：一系列、一体化、一揽子、“十四五”规划；"
                "写成 1系列、十25规划 多是录入或转换出错。",
        check=_check_digit_in_set_phrase,
        fails=("打造1系列特色产品。\n", "落实十25规划要求。\n"),
        passes=("打造一系列特色产品，落实“十四五”规划，完成1批次抽检、21系列产品。\n",),
    ),
)

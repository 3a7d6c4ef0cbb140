"""Punctuation and typography rules (T101–T199): GB/T 15834-2011 marks in Chinese text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.check.engine import Context, iter_text
from toolkit.check.model import ERROR, INFO, WARNING, Finding, Rule
from toolkit.check.rules._protect import (CHINESE, FULL_PUNCT, HAN, docnums, is_chinese, is_latin,
                                          blank_slot, marker_end, protected, spans)
from toolkit.core.document import BODY, DATE, SIGNATURE, SUBTITLE, TITLE

_SPACES = " \t\u00a0"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号"}


@functools.cache
def _re(pattern: str) -> re.Pattern:
    """Compiled on first use and shared: no regex work happens at import time."""
    return re.compile(pattern)


@functools.lru_cache(maxsize=4096)
def _has_han(text: str) -> bool:
    return _re(f"[{HAN}]").search(text) is not None


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    return (text[start - 1] if start > 0 else "", text[end] if end < len(text) else "")


# ---------------------------------------------------------------------------------------------
# T101–T104: half-width , ; : ? ! in Chinese context
# ---------------------------------------------------------------------------------------------

def _halfwidth_check(marks: str):
    """Half-width `marks` next to Chinese text, with the spaces typed around them.

    A run of marks is one finding with one replacement (“!!” → “！”, “?!” → “？！”), and a
    half-width mark next to the same full-width one (“！!”) is deleted, so that one --fix pass
    leaves nothing for T111 or for this rule to find again.
    """
    sp = re.escape(_SPACES)
    pattern = f"[{sp}]*[{re.escape(marks)}]+[{sp}]*"

    def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
        for i, block in iter_text(ctx):
            text = block.text
            if not any(c in text for c in marks):
                continue
            skip = marker_end(block)  # "1," as a marker is the structure rules' business
            for m in _re(pattern).finditer(text):
                s, e = m.span()
                k = s + len(m.group()) - len(m.group().lstrip(_SPACES))
                run = m.group().strip(_SPACES)
                if k < skip or protected(text, k, k + len(run)):
                    continue
                prev, nxt = _neighbours(text, s, e)
                if run == "?" and lost_character(text, s, e):
                    continue  # 工?作: a character lost in conversion (T121), not a question mark
                if not (is_chinese(prev) or is_chinese(nxt)):
                    # 分机号为0571-86012345-8001,1—2月: a clause ends after a telephone number
                    if not (_after_code(text, s)
                            and _re(f"[^,;:?!，；：。]{{0,8}}[{HAN}]").match(text, e)):
                        continue
                elif is_latin(prev) and is_latin(nxt) and not _after_code(text, s):
                    continue  # "A,B", "1:2": not a Chinese sentence mark
                full = "".join(_FULL[c] for j, c in enumerate(run) if j == 0 or c != run[j - 1])
                mark = run[0]
                if len(full) == 1 and full in (prev, nxt):  # “！!”: the mark is already there
                    yield rule.at(i, s, e, f"删去重复的“{run}”", "", mark=run, full=full,
                                  name=_NAMES[mark])
                    continue
                yield rule.at(i, s, e, f"改为“{full}”", full, mark=run, full=full,
                              name=_NAMES[mark])

    return check


def _after_code(text: str, s: int) -> bool:
    """True if text[:s] ends with a telephone-style number (0571-86012345-8001) or a web or
    e-mail address: a comma after it ends a Chinese clause even when a digit follows."""
    if _re(r"(?<![A-Za-z0-9_.])\d+(?:-\d+)+$").search(text, 0, s):
        return True
    for a, b in spans(text):
        if b == s:
            return any(c in text[a:b] for c in "@/")
        if a >= s:
            break
    return False


# ---------------------------------------------------------------------------------------------
# T105, T117: parentheses (half-width, and mixed half/full pairs)
# ---------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1024)
def _paren_pairs(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """Matched ( ) （ ） pairs in `text` and the positions of unmatched ones.

    Brackets inside protected spans and inside a 发文字号 (国发(2026)1号, the numbers rules' case)
    are left out.
    """
    if not any(c in text for c in "()（）"):
        return (), ()
    excluded = set()
    for m in docnums(text):
        excluded.update((m.start("open"), m.start("close")))
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for m in _re(r"[()（）]").finditer(text):
        k = m.start()
        if k in excluded or protected(text, k):
            continue
        if text[k] in "(（":
            stack.append(k)
        elif stack:
            pairs.append((stack.pop(), k))
        else:
            lone.append(k)
    lone.extend(stack)
    return tuple(pairs), tuple(sorted(lone))


def _check_halfwidth_parens(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if "(" not in text and ")" not in text:
            continue
        pairs, lone = _paren_pairs(text)
        found: list[int] = []
        for a, b in pairs:
            if text[a] != "(" or text[b] != ")":
                continue  # mixed pairs are T117's
            before, _ = _neighbours(text, a, a + 1)
            _, after = _neighbours(text, b, b + 1)
            inside = text[a + 1:b]
            # f(x), Windows(R): a bracket glued to a Latin token belongs to it
            glued = is_latin(before)
            if (is_chinese(before) or (is_chinese(after) and not glued)
                    or _re(f"[{CHINESE}]").search(inside)):
                found += [a, b]
        for k in lone:
            if text[k] in "()":
                prev, nxt = _neighbours(text, k, k + 1)
                if is_chinese(prev) or is_chinese(nxt):
                    found.append(k)
        for k in sorted(found):
            full = _FULL[text[k]]
            yield rule.at(i, k, k + 1, f"改为“{full}”", full, mark=text[k], full=full)


def _check_mixed_parens(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if not (("(" in text or ")" in text) and ("（" in text or "）" in text)):
            continue
        for a, b in _paren_pairs(text)[0]:
            pair = text[a] + text[b]
            if pair in ("()", "（）"):
                continue
            k = a if text[a] == "(" else b
            full = _FULL[text[k]]
            yield rule.at(i, k, k + 1, f"改为“{full}”", full, pair=pair, mark=text[k], full=full)


# ---------------------------------------------------------------------------------------------
# T106: half-width period as a Chinese full stop
# ---------------------------------------------------------------------------------------------

# Characters of transliterated foreign (and minority) names: 新华社译名用字 plus the common
# ones of Uyghur and Mongolian names. A “.” between two of them may be a mistyped 间隔号.
_NAME_CHARS = set(
    "阿埃艾爱安昂奥敖巴拜班邦保鲍贝本比彼毕宾波玻伯勃博布查柴达戴丹道德登邓狄迪蒂帝丁东杜敦顿多"
    "厄恩尔法凡范菲费芬丰冯佛夫弗伏福富盖甘冈高戈哥格葛根贡古瓜圭果哈海汉豪赫黑亨洪胡华怀惠霍"
    "基吉加贾杰捷金津卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里丽利莉连廉林琳琉柳隆卢鲁"
    "路露伦罗洛马玛迈麦曼芒毛梅门蒙孟米密敏明缪莫墨默姆穆纳娜乃奈南瑙内妮尼涅宁纽努诺欧帕派"
    "潘庞佩彭皮珀坡普齐奇契恰乔切钦琴琼丘萨塞赛桑瑟森沙莎珊尚绍舍圣施什史舒斯松苏索塔泰坦汤"
    "唐陶特提廷图托瓦万旺威韦维魏温沃乌伍西希锡夏谢辛欣休雅亚扬姚耶叶伊英尤约泽扎詹兹佐翰"
    "琪娅黛芙薇丝萝茜娃逊茨买木热江依力孜汗吾图仁巴雅尔赫额那合提")


def _name_char(ch: str) -> bool:
    return ch in _NAME_CHARS


def _period_fix(text: str, s: int, e: int, prev: str, nxt: str, closing: str
                ) -> tuple[str, str | None] | None:
    """(detail, replacement) for the “.” at [s, e) (spaces after it included), or None when it
    is no Chinese full stop. The fix is “。” only where the dot surely ends a sentence; a dot
    between two name characters (约翰.史密斯) is reported with “·” suggested and no fix."""
    han = _re(f"[{HAN}]")
    end = not nxt or nxt in "。，；：！？”’）》」』】〕\u3000"  # the sentence ends here
    if han.match(prev or " ") or (prev and prev in closing):
        if is_latin(nxt) or nxt == ".":
            return None  # ".NET", "系统.docx" (file names are protected anyway)
        if end or not han.match(nxt) or not han.match(prev):
            return "应改为句号“。”", "。"
        # between two Han characters: a full stop, or a mistyped 间隔号 inside a foreign name
        if _name_char(prev) and _name_char(nxt):
            return "如是外国人名中的间隔号，应改为“·”", None
        if _name_char(prev) or _name_char(nxt):
            return "应改为句号“。”；如是外国人名中的间隔号，应改为“·”", None
        return "应改为句号“。”", "。"
    # after a number, a percentage or an address: a full stop only where the sentence ends
    if not (end or han.match(nxt)):
        return None
    if (prev and prev in "%‰") or (prev.isdigit() and not nxt and _has_han(text[:s])):
        return "应改为句号“。”", "。"
    if is_latin(prev) and any(b == s and any(c in text[a:b] for c in "@/.")
                              for a, b in spans(text)):
        return "应改为句号“。”", "。"  # fxb@linjiang.gov.cn. / report.docx.
    return None


def _check_halfwidth_period(ctx: Context, rule: Rule) -> Iterator[Finding]:
    closing = "”’）》」』】〕"
    for i, block in iter_text(ctx):
        text = block.text
        if "." not in text or not _has_han(text):
            continue
        skip = marker_end(block)
        head = _re(r"[一二三四五六七八九十]{1,3}\.").match(text)  # “一.” is a wrong marker, not a stop
        if head:
            skip = max(skip, head.end())
        quotes = dict(_straight_quotes(text))  # "好". : the quote T107 makes a closing one
        names = [m for m in _re(f"[{HAN}]{{1,4}}(?:\\.[{HAN}]{{1,4}}){{2,}}").finditer(text)]
        for m in _re(r"(?<!\.)\.(?!\.)[ \t\u00a0]*").finditer(text):
            s, e = m.span()
            if s < skip or protected(text, s):
                continue
            prev, nxt = _neighbours(text, s, e)
            prev = quotes.get(s - 1, prev)
            chain = next((n for n in names if n.start() <= s < n.end()), None)
            if chain is not None:
                # 列奥纳多.达.芬奇: several short parts, a name typed with “.” for “·”
                dots = [k for k in range(chain.start(), chain.end()) if text[k] == "."]
                if all(_name_char(text[k - 1]) and _name_char(text[k + 1]) for k in dots):
                    yield rule.at(i, s, s + 1, "改为间隔号“·”", "·",
                                  detail="外国人名中的间隔号应为“·”")
                continue
            fix = _period_fix(text, s, e, prev, nxt, closing)
            if fix is None:
                continue
            detail, replacement = fix
            suggestion = {"。": "改为“。”", None: "改为“。”或间隔号“·”"}[replacement]
            if detail.startswith("如是"):
                suggestion = "如是外国人名，改为间隔号“·”；否则改为“。”"
            yield rule.at(i, s, e, suggestion, replacement, detail=detail)


# ---------------------------------------------------------------------------------------------
# T107, T108, T118: quotes and paired marks
# ---------------------------------------------------------------------------------------------

def _apostrophe(text: str, k: int) -> bool:
    prev, nxt = _neighbours(text, k, k + 1)
    return is_latin(prev) and is_latin(nxt)


@functools.lru_cache(maxsize=1024)
def _straight_quotes(text: str) -> tuple[tuple[int, str], ...]:
    """(position, curly replacement) for each straight quote, by position in the paragraph.

    Double quotes alternate “ ” and single quotes ‘ ’, each picking up from the curly quotes
    already there, so “已有" closes with ”.
    """
    if ('"' not in text and "'" not in text) or not _has_han(text):
        return ()
    result: list[tuple[int, str]] = []
    for chars, opening, closing in (('"“”', "“", "”"), ("'‘’", "‘", "’")):
        if chars[0] not in text:
            continue
        is_open = False
        for m in _re(f"[{chars}]").finditer(text):
            k, ch = m.start(), m.group()
            if ch in (chars[0], closing) and _apostrophe(text, k):
                continue  # Xi'an, China’s
            if ch == opening:
                is_open = True
            elif ch == closing:
                is_open = False
            elif not protected(text, k):
                result.append((k, closing if is_open else opening))
                is_open = not is_open
    return tuple(sorted(result))


def _check_straight_quotes(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        for k, curly in _straight_quotes(block.text):
            yield rule.at(i, k, k + 1, f"改为“{curly}”", curly, mark=block.text[k], curly=curly)


_OPEN, _CLOSE = "“‘（《〔【〈「『", "”’）》〕】〉」』"
_NAMES_PAIR = dict(zip(_OPEN + _CLOSE, ["前引号", "前单引号", "前括号", "前书名号", "前六角括号",
                                        "前方头括号", "前单书名号", "前直角引号", "前双直角引号",
                                        "后引号", "后单引号", "后括号", "后书名号", "后六角括号",
                                        "后方头括号", "后单书名号", "后直角引号", "后双直角引号"]))


_QUOTE_LOOKALIKES = {0x301D: "“", 0x301E: "”", 0x301F: "”", 0x2033: "”"}


@functools.lru_cache(maxsize=1024)
def _pairing(text: str) -> tuple[tuple, tuple]:
    """Unpaired marks (position, mark, 'open'|'close') and bad nestings (position, kind).

    Half-width parentheses count as their full-width forms and straight quotes as what T107
    would make of them, so a wrong form is reported once, by its own rule, and not again here.
    """
    # 〝〞 and ″ closing a “ are T120's (one finding, fixed to ”), not an unpaired quote here.
    text = text.translate(_QUOTE_LOOKALIKES)
    if not any(c in text for c in _OPEN + _CLOSE + "()\"'"):
        return (), ()
    chars = list(text)
    for k, curly in _straight_quotes(text):
        chars[k] = curly
    # “1）” / “一)” opening a paragraph or a clause (“包括：1）……；2）……”) is a marker's lone
    # bracket: the structure rules judge the marker.
    skip = {m.end() - 1 for m in _re(r"(?:^|(?<=[：:；;，,。 \u3000]))[0-9A-Za-z一二三四五六七八九十]{1,3}"
                                     r"[)）]").finditer(text)}
    for m in docnums(text):
        skip.update((m.start("open"), m.start("close")))
    stack: list[tuple[int, str]] = []
    unpaired: list[tuple[int, str, str]] = []
    nesting: list[tuple[int, str]] = []
    for k, ch in enumerate(chars):
        if ch == "(":
            ch = "（"
        elif ch == ")":
            ch = "）"
        if ch not in _OPEN and ch not in _CLOSE or k in skip:
            continue
        if ch in "‘’" and _apostrophe(text, k):
            continue
        if (ch in "()（）" or text[k] in "()") and protected(text, k):
            continue
        if ch in _OPEN:
            if ch == "“" and stack and stack[-1][1] == "“":
                nesting.append((k, "double"))
            elif ch == "《" and stack and stack[-1][1] == "《":
                nesting.append((k, "book"))
            elif ch == "‘" and not any(o == "“" for _, o in stack):
                nesting.append((k, "single"))
            stack.append((k, ch))
            continue
        want = _OPEN[_CLOSE.index(ch)]
        if stack and stack[-1][1] == want:
            stack.pop()
        elif any(o == want for _, o in stack):
            while stack[-1][1] != want:
                pos, o = stack.pop()
                unpaired.append((pos, o, "open"))
            stack.pop()
        else:
            unpaired.append((k, ch, "close"))
    unpaired.extend((pos, o, "open") for pos, o in stack)
    return tuple(sorted(unpaired)), tuple(nesting)


def _check_unpaired(ctx: Context, rule: Rule) -> Iterator[Finding]:
    blocks = ctx.blocks
    for i, block in iter_text(ctx):
        unpaired, _ = _pairing(block.text)
        for k, mark, side in unpaired:
            if side == "open" and mark == "“" and i + 1 < len(blocks) \
                    and blocks[i + 1].text.startswith("“"):
                continue  # a quotation of several paragraphs closes only at its end
            other = _CLOSE[_OPEN.index(mark)] if side == "open" else _OPEN[_CLOSE.index(mark)]
            where = "后面" if side == "open" else "前面"
            detail = f"{_NAMES_PAIR[mark]}“{mark}”{where}缺少对应的“{other}”"
            yield rule.at(i, k, k + 1, f"补上“{other}”或删去多余的“{mark}”", detail=detail)


_NESTING = {
    "double": ("双引号里又用了双引号", "里层改用单引号‘’"),
    "book": ("书名号里又用了双书名号", "里层改用单书名号〈〉"),
    "single": ("单引号用在了最外层", "外层用双引号“”，单引号只用于引号里层"),
}


def _check_nesting(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        for k, kind in _pairing(block.text)[1]:
            what, how = _NESTING[kind]
            yield rule.at(i, k, k + 1, how, what=what, how=how)


# ---------------------------------------------------------------------------------------------
# T109, T110, T119: ellipsis and dash forms
# ---------------------------------------------------------------------------------------------

def _check_ellipsis(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if not any(c in text for c in ".。…·・⋯"):
            continue
        for m in _re(r"\.{3,}|。{3,}|…+|[·・]{3,}|⋯+").finditer(text):
            s, e = m.span()
            run = m.group()
            if run in ("……", "…………"):
                continue
            if run[0] in ".·・":
                prev, nxt = _neighbours(text, s, e)
                if protected(text, s, e) or not (is_chinese(prev) or is_chinese(nxt)):
                    continue
            yield rule.at(i, s, e, "改为“……”", "……", form=run)


def _check_dash(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if not any(c in text for c in "-－―—–"):
            continue
        for m in _re(r"-{2,}|－{2,}|―{2,}|–{2,}|—{3,}|(?<!—)—(?!—)").finditer(text):
            s, e = m.span()
            run = m.group()
            prev, nxt = _neighbours(text, s, e)
            if run == "—":
                # A one-em dash between numbers or words is a connector (2021—2025年); it is
                # a mistyped 破折号 only next to a mark or at a paragraph's edge.
                if prev.isdigit() or nxt.isdigit():
                    continue
                edge = (not prev and is_chinese(nxt)) or (not nxt and is_chinese(prev))
                mark = (prev and prev in FULL_PUNCT) or (nxt and nxt in FULL_PUNCT)
                if not (edge or mark):
                    continue
            elif run[0] in "-–":
                if protected(text, s, e) or not (is_chinese(prev) or is_chinese(nxt)):
                    continue
            yield rule.at(i, s, e, "改为“——”", "——", form=run)


def _linked_items(text: str) -> list[tuple[int, int]]:
    """Spans of short items linked by single dashes: a chain of three or more (预警—转移—救援)
    or a quoted chain (“北京—上海”). GB/T 15834 4.13.3.2: the 一字线 links related items."""
    found = []
    for m in _re(f"(?<![{HAN}—])[{HAN}]{{1,6}}(?:—[{HAN}]{{1,6}})+(?![{HAN}—])").finditer(text):
        s, e = m.span()
        quoted = s > 0 and e < len(text) and text[s - 1] in "“‘「" and text[e] in "”’」"
        items = m.group().split("—")
        if quoted or (len(items) >= 3 and max(map(len, items)) <= 4):
            found.append((s, e))
    return found


def _check_single_dash(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if "—" not in text:
            continue
        linked = _linked_items(text)
        for m in _re(f"(?<=[{HAN}])(?<!—)—(?!—)(?=[{HAN}])").finditer(text):
            if any(a < m.start() < b for a, b in linked):
                continue
            yield rule.at(i, m.start(), m.end(),
                          "作破折号时改为“——”；表示地点起止（北京—上海）时可保留")


# ---------------------------------------------------------------------------------------------
# T111: repeated marks
# ---------------------------------------------------------------------------------------------

def _check_repeated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = r"(?P<a>[，、；：！？])(?P=a)+|(?<!。)。。(?!。)|(?P<b>[，、；：。])(?!(?P=b))[，、；：。]"
    for i, block in iter_text(ctx):
        text = block.text
        for m in _re(pattern).finditer(text):
            run = m.group()
            if len(set(run)) == 1:
                yield rule.at(i, m.start(), m.end(), f"只保留一个“{run[0]}”", run[0], marks=run)
            else:
                yield rule.at(i, m.start(), m.end(), "删去多余的一个点号", marks=run)


# ---------------------------------------------------------------------------------------------
# T112–T114: 顿号 where none belongs
# ---------------------------------------------------------------------------------------------

# 等 that begins a word (等级, 等待 …) is not the list-closing 等.
_DENG_WORD = "级待同候于量价额次比高号效距分边式第闲身外腰"


def _check_dunhao_deng(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = f"、(?=等(?:等|[^{_DENG_WORD}]|$))"
    for i, block in iter_text(ctx):
        if "、等" not in block.text:
            continue
        for m in _re(pattern).finditer(block.text):
            yield rule.at(i, m.start(), m.end(), "删去“等”前的顿号", "")


def _check_dunhao_quoted(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if "、" not in text:
            continue
        for m in _re(r"(?<=[”》’〉])、(?=[“《‘〈])").finditer(text):
            k = m.start()
            yield rule.at(i, k, k + 1, "删去顿号", "", items=_around(text, k))


def _around(text: str, k: int) -> str:
    """The two marked items on either side of position k: “三大攻坚战”、“四大补短板”."""
    pairs = {"”": "“", "》": "《", "’": "‘", "〉": "〈"}
    opener = text.rfind(pairs[text[k - 1]], max(0, k - 30), k - 1)
    closer_of = {v: c for c, v in pairs.items()}[text[k + 1]]
    closer = text.find(closer_of, k + 2, k + 32)
    start = opener if opener >= 0 else max(0, k - 1)
    end = closer + 1 if closer >= 0 else k + 2
    return text[start:end]


_DIGIT_VALUE = {c: n for n, c in enumerate("一二三四五六七八九", 1)}
# Measure words after which two adjacent numerals are an estimate (三四天, 七八十岁). Words that
# also name a rank or a grade (级 类 层 月 季度 等) are left out: “一、二年级” is a list.
_ESTIMATE_UNITS = ("十|百|千|万|亿|个|天|日|年(?!级)|岁|人|次|名|家|户|件|项|位|条|种|成|倍|里|米|"
                   "公里|小时|分钟|周|元|吨|辆|台|所|处|座|间|本|只|篇|份|场|遍|回|斤|亩|趟")


def _check_dunhao_estimate(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pattern = (f"(?<![第\\d〇零一二三四五六七八九十百千万两几、])([一二三四五六七八九])、"
               f"([一二三四五六七八九])(?=(?:{_ESTIMATE_UNITS}))")
    for i, block in iter_text(ctx):
        text = block.text
        if "、" not in text:
            continue
        for m in _re(pattern).finditer(text):
            a, b = _DIGIT_VALUE[m.group(1)], _DIGIT_VALUE[m.group(2)]
            if b - a not in (1, 2):
                continue
            k = m.start() + 1
            yield rule.at(i, k, k + 1, f"改为“{m.group(1)}{m.group(2)}”", "",
                          estimate=m.group())


# ---------------------------------------------------------------------------------------------
# T115: spaces inside Chinese text
# ---------------------------------------------------------------------------------------------

_SPACE_MARKS = "，。、；：？！“”‘’（）《》〔〕【】…—"


def _check_spaces(ctx: Context, rule: Rule) -> Iterator[Finding]:
    han = f"[{HAN}]"
    for i, block in iter_text(ctx):
        if block.kind in (SIGNATURE, DATE, SUBTITLE):
            continue  # 署名, 成文日期 and “职务　姓名” lines are spaced on purpose
        text = block.text
        if not any(c in text for c in " \u3000\t\u00a0"):
            continue
        unpunctuated = not _re(f"[{FULL_PUNCT}!-/:-@\\[-`{{-~]").search(text)
        if (block.kind == BODY and len(text) <= 30 and unpunctuated
                and len(_re("[ \u3000\t\u00a0]+").findall(text)) <= 3):
            continue  # a “职务　姓名” byline (上海市市长 龚 正) or 落款 the parser did not recognise
        if block.kind == TITLE and _re(f"(?:[{HAN}][ \u3000]+){{3}}").search(text):
            continue  # a letter-spaced title is one S117 finding, not one here per gap
        for m in _re("[ \u3000\t\u00a0]+").finditer(text):
            s, e = m.span()
            if s == 0 or e == len(text):
                continue  # indentation and trailing space are layout, not text
            prev, nxt = text[s - 1], text[e]
            between_han = _re(han).match(prev) and _re(han).match(nxt)
            if not (between_han or prev in _SPACE_MARKS or nxt in _SPACE_MARKS):
                continue
            if (prev in "“”‘’" and is_latin(nxt)) or (nxt in "“”‘’" and is_latin(prev)):
                continue  # the “Belt and Road” Initiative: English text keeps its spaces
            if between_han and (_padded_name(text, s, e) or _deliberate_space(text, s, e)
                                or _phrase_space(text, s, e) or blank_slot(text, s, e)):
                continue  # a blank slot (截止 月 日) is S123's: the number is missing
            yield rule.at(i, s, e, "删去空格", "", space="全角空格" if "\u3000" in m.group() else "空格")


# The end of an issuing organ's name: 财政部 税务总局, 中共中央 国务院, 省委办公厅 省政府办公厅.
_ORGAN = "(?:部|局|委|办|厅|署|院|会|行|府|中央|中心|集团|总社)"
# 发文字号 and 公告号 after the issuers: 公告2023年第12号, 〔2023〕12号.
_DOC_NUMBER = r"(?:(?:19|20)\d{2}年第?\d+号|[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\d+号)"
# What follows joint issuers: another issuer, then 关于/印发/联合 or the document number.
_AFTER_ISSUER = (f"[{HAN}]{{1,15}}?{_ORGAN}(?:[ \u3000][{HAN}]{{1,15}}?{_ORGAN})*"
                 f"(?:关于|印发|联合|(?:公告|令|通告)?{_DOC_NUMBER})")
# The kinds of document a standard is (GB/T 1.1 titles: 引导要素 主体要素 补充要素).
_STANDARD_TITLE = (r"(?:要求|指南|规范|规程|导则|通则|术语|分类|方法|代码|符号|标志|规定|技术条件|"
                   r"基础和术语|要求及使用指南|第\d+部分[：:][^》]*)》")


def _deliberate_space(text: str, s: int, e: int) -> bool:
    """A space that belongs to a cited title or a document number (no finding, no fix).

    Joint issuers are separated by one space, in a cited title (《财政部 税务总局关于……的公告》)
    and before a document number (财政部 税务总局公告2023年第12号); so are the elements of a
    standard's title (《环境管理体系 要求及使用指南》（GB/T 24001—2016）, GB/T 1.1). A space
    that splits a word of any other title (《……发 展三年行动方案》) or two spaces are slips.
    """
    if e - s > 1 or text[s] not in " \u3000":
        return False
    if _re(f"{_ORGAN}$").search(text, max(0, s - 4), s) and _re(_AFTER_ISSUER).match(text, e):
        return True
    title = next(((a, b) for a, b in _book_spans(text) if a < s and e <= b), None)
    if title is None:
        return False
    b = title[1]
    standard_number = _re(r"[（(][A-Z]{1,4}(?:/[A-Z])?[ \u00a0]?\d").match(text, b + 1)
    return bool(standard_number or _re(f"[^《》]*?{_STANDARD_TITLE}").match(text, e))


@functools.lru_cache(maxsize=1024)
def _book_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(position of 《, position of its 》) for every title in `text`, outermost ones."""
    if "《" not in text:
        return ()
    found: list[tuple[int, int]] = []
    depth, start = 0, 0
    for m in _re("[《》]").finditer(text):
        if m.group() == "《":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                found.append((start, m.start()))
    return tuple(found)


def _phrase_space(text: str, s: int, e: int) -> bool:
    """A space meant as a pause: between the parallel phrases of a quoted slogan or theme
    (“鹭引五洲 才聚八闽”), or after a statute article number (第六十六条 对……)."""
    if _re(r"第[一二三四五六七八九十百零〇\d]+[条款项章节]$").search(text, max(0, s - 12), s):
        return True
    if e - s > 1:
        return False
    left = text.rfind("“", 0, s)
    right = text.find("”", e)
    if left < 0 or right < 0 or text.rfind("”", 0, s) > left:
        return False
    inside = text[left + 1:right]
    if len(inside) > 30 or _re(f"[{FULL_PUNCT}]").search(inside.replace("\u3000", "")):
        return False
    # each phrase at least two characters: “鹭引五洲 才聚八闽”, not a split word “发 展”
    return s - left - 1 >= 2 and right - e >= 2


def _padded_name(text: str, s: int, e: int) -> bool:
    """A two-character name padded to three (王　伟) in a list of names."""
    before = text[s - 2] if s >= 2 else ""
    after = text[e + 1] if e + 1 < len(text) else ""
    ends = "、，,：:；;"
    return (not before or before in ends) and (not after or after in ends + "。")


# ---------------------------------------------------------------------------------------------
# T116: full-width digits and Latin letters
# ---------------------------------------------------------------------------------------------

@functools.cache
def _to_half() -> dict[int, int]:
    table = {0xFF10 + d: 0x30 + d for d in range(10)}
    table.update({0xFF21 + c: 0x41 + c for c in range(26)})
    table.update({0xFF41 + c: 0x61 + c for c in range(26)})
    table[0xFF0E] = 0x2E  # ． inside a full-width decimal
    return table


def _check_fullwidth_alnum(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        for m in _re(r"[０-９]+(?:．[０-９]+)?|[Ａ-Ｚａ-ｚ]+").finditer(text):
            half = m.group().translate(_to_half())
            yield rule.at(i, m.start(), m.end(), f"改为“{half}”", half, text=m.group(), half=half)


# ---------------------------------------------------------------------------------------------
# T120–T123: broken characters and marks left by conversion or copying
# ---------------------------------------------------------------------------------------------

_QUESTION_WORDS = ("吗", "呢", "吧", "什么", "怎么", "怎样", "如何", "是否", "哪", "谁", "几", "多少",
                   "为何", "为什么", "难道", "否", "可否", "能否")


def lost_character(text: str, s: int, e: int) -> bool:
    """A `?` between two Han characters where no question is asked: 工?作 is a character the
    converter could not show, not a half-width question mark."""
    if text[s:e] != "?" or s == 0 or e >= len(text):
        return False
    han = _re(f"[{HAN}]")
    if not (han.match(text[s - 1]) and han.match(text[e])):
        return False
    clause = _re("[^。！？!?；;，,：:\n]*$").search(text, 0, s).group()
    # A long clause before it ends a sentence: that ? stands for 。 or ？ (T104's), not a lost
    # character, which sits inside a word or name (工?作, 张?同志).
    return len(clause) < 12 and not any(w in clause for w in _QUESTION_WORDS)


def _check_lost_character(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        if "?" not in text:
            continue
        for m in _re(r"\?").finditer(text):
            if lost_character(text, m.start(), m.end()) and not protected(text, m.start()):
                shown = text[max(0, m.start() - 2):m.end() + 2]
                yield rule.at(i, m.start(), m.end(), "补上原来的字", text=shown)


def _check_quote_lookalike(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        for m in _re("[\u301d\u301e\u301f\u2033]").finditer(text):
            ch = m.group()
            if ch == "\u2033" and m.start() and text[m.start() - 1].isdigit():
                continue  # 5″: seconds of arc or time
            right = "“" if ch == "\u301d" else "”"
            yield rule.at(i, m.start(), m.end(), f"改为“{right}”", right, mark=ch, right=right)


@functools.cache
def _radical_re() -> re.Pattern:
    # Kangxi radicals, CJK radicals supplement and compatibility ideographs: they look like
    # ordinary characters (⼯作, ⼀定) but are other code points (copied from PDF); search,
    # sorting and spell checks miss them. NFKC maps each to its ordinary character.
    return re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]+")


def _check_radical_lookalike(ctx: Context, rule: Rule) -> Iterator[Finding]:
    import unicodedata

    for i, block in iter_text(ctx):
        text = block.text
        for m in _radical_re().finditer(text):
            fixed = unicodedata.normalize("NFKC", m.group())
            if fixed == m.group():
                continue  # a radical with no ordinary form: leave it
            yield rule.at(i, m.start(), m.end(), f"改为“{fixed}”", fixed, text=m.group(),
                          fixed=fixed)


def _check_stop_both_sides(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in iter_text(ctx):
        text = block.text
        for m in _re("([。！？])([”’])([。！？])").finditer(text):
            yield rule.at(i, m.start(3), m.end(3), "删去引号后的句末点号", "", text=m.group())


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------

_B_POS = "GB/T 15834-2011 5.1.1"  # 点号占一个字位置：中文里用全角形式


def _check_hyphen_between_han(ctx: Context, rule: Rule) -> Iterator[Finding]:
    # 党建-业务融合: an ASCII hyphen typed between Chinese words, where Chinese uses a connector
    # (GB/T 15834 4.13: 一字线 for related items). Not fixed: 复合名称 may keep a short hyphen.
    for i, block in iter_text(ctx):
        text = block.text
        if "-" not in text:
            continue
        for m in _re(f"(?<=[{HAN}])-(?=[{HAN}])").finditer(text):
            if not protected(text, m.start()):
                yield rule.at(i, m.start(), m.end(), "改为一字线“—”", text=text[m.start() - 2:m.end() + 2])

RULES = (
    Rule(
        code="T101", name="halfwidth-comma", severity=ERROR, fix=True,
        message="中文里用了半角逗号“{mark}”，应改为全角“{full}”。",
        basis=f"GB/T 15834-2011 4.4；{_B_POS}",
        summary="中文句子里的标点一律用全角形式。半角逗号多是在英文输入状态下打字或从网页复制带来的，"
                "排版后字距不对。两个英文或数字之间的逗号（A,B、12,000）不算。",
        check=_halfwidth_check(","),
        fails=("根据会议安排,我代表区政府办公室汇报工作。\n",
               "全年完成投资120亿元,同比增长8.5%。\n",
               "近年来, 我们坚持问题导向，取得明显成效。\n",
               "分机号为0571-86012345-8001,1—2月完成率为35.6%。\n"),
        passes=("根据会议安排，我代表区政府办公室汇报工作。\n",
                "详见https://www.example.gov.cn/a,b,c页面，并下载附件。\n",
                "全市常住人口12,000人，其中Word,Excel文档均已归档。\n"),
    ),
    Rule(
        code="T102", name="halfwidth-semicolon", severity=ERROR, fix=True,
        message="中文里用了半角分号“{mark}”，应改为全角“{full}”。",
        basis=f"GB/T 15834-2011 4.6；{_B_POS}",
        summary="并列分句之间的分号在中文里用全角“；”。半角分号多来自英文输入状态。",
        check=_halfwidth_check(";"),
        fails=("提高政府运转效能;推动在县级领导中实行目标责任制。\n",
               "一是加强组织领导;二是健全工作机制。\n"),
        passes=("提高政府运转效能；推动在县级领导中实行目标责任制。\n",
                "参考网址https://example.gov.cn/a;b=1，按要求填报。\n"),
    ),
    Rule(
        code="T103", name="halfwidth-colon", severity=ERROR, fix=True,
        message="中文里用了半角冒号“{mark}”，应改为全角“{full}”。",
        basis=f"GB/T 15834-2011 4.7；{_B_POS}",
        summary="提示下文的冒号在中文里用全角“：”。时间（9:30）、比例（1:500）、标准号（ISO 9001:2015）"
                "和网址里的半角冒号不在此列。",
        check=_halfwidth_check(":"),
        fails=("尊敬的各位领导:\n", "网站客服:0571-88888888\n",
               "会议时间: 上午9:30，地点在区政府三楼会议室。\n"),
        passes=("会议定于上午9:30召开，比例尺为1:500。\n",
                "公司已通过ISO 9001:2015质量管理体系认证，详见https://example.gov.cn。\n"),
    ),
    Rule(
        code="T104", name="halfwidth-question-exclamation", severity=ERROR, fix=True,
        message="中文里用了半角{name}“{mark}”，应改为全角“{full}”。",
        basis=f"GB/T 15834-2011 4.2、4.3；{_B_POS}",
        summary="中文句末的问号、叹号用全角“？”“！”。网址查询串里的“?”不在此列。连着敲的“!!”一并改为"
                "一个“！”。",
        check=_halfwidth_check("?!"),
        fails=("如何把抓落实的要求落到实处?\n", "让我们以更加饱满的热情投入工作!\n",
               "全年培训干部的能力明显提升!!\n"),
        passes=("如何把抓落实的要求落到实处？\n",
                "登录https://example.gov.cn/query?id=12&type=3查询办理进度。\n"),
    ),
    Rule(
        code="T105", name="halfwidth-parenthesis", severity=ERROR, fix=True,
        message="中文里用了半角括号“{mark}”，应改为全角“{full}”。",
        basis="GB/T 15834-2011 4.9；GB/T 9704-2012 7.3.3",
        summary="括注中文内容、或紧挨中文的括号用全角“（）”，标题序号“（一）”“（1）”也一样。英文和数字之间"
                "自成一体的括号（Windows(R)）、网址里的括号不在此列。",
        check=_check_halfwidth_parens,
        fails=("(一)构建“三大机制”，凝聚合力抓落实\n",
               "全区地区生产总值(GDP)增长6.5%。\n",
               "各街道(乡镇)要按时报送材料。\n"),
        passes=("（一）构建“三大机制”，凝聚合力抓落实\n",
                "详见https://example.gov.cn/list(2026)页面，并按f(x)公式计算。\n"),
    ),
    Rule(
        code="T106", name="halfwidth-period", severity=ERROR, fix=True,
        message="中文里用了半角点“.”，{detail}。",
        basis=f"GB/T 15834-2011 4.1；{_B_POS}",
        summary="中文句子结束用句号“。”，不用英文句点“.”。小数（3.14）、版本号、文件名、网址和标题序号“1.”"
                "里的点不在此列；网址、百分数后面结束句子的“.”照样要改。两个译名用字之间的点（约翰.史密斯）"
                "可能是打错的间隔号“·”，只报告、不自动修改。",
        check=_check_halfwidth_period,
        fails=("全年完成各项目标任务.下一步将继续加大工作力度。\n",
               "我们将坚持不懈抓好落实.\n",
               "也可发送邮件至fxb@linjiang.gov.cn.\n",
               "1—2月完成率为35.6%.\n",
               '他说"好".\n',
               "美国专家约翰.史密斯参加了座谈。\n"),
        passes=("1.建立高位推进机制。全年投入资金3.5亿元，完成率达98.6%。\n",
                "请将报告_2026.docx发送至office@example.gov.cn，系统已升级到v2.1.0版本。\n",
                "口号为 Make it happen, together. 全体干部积极响应。\n"),
    ),
    Rule(
        code="T107", name="straight-quotes", severity=ERROR, fix=True,
        message="中文里用了直引号“{mark}”，应改为弯引号“{curly}”。",
        basis="GB/T 15834-2011 4.8；5.1.2",
        summary="中文引号用“”和‘’，直引号\"和'是英文输入状态的产物。修改时按在段落中的位置前后交替配成对，"
                "双引号内的引号用单引号。",
        check=_check_straight_quotes,
        fails=('推动建立"三大攻坚战"工作机制。\n', "他说“要抓好'最后一公里'的落实”。\n"),
        passes=("推动建立“三大攻坚战”工作机制。\n",
                "The report said \"yes\". Xi'an is a city.\n"),
    ),
    Rule(
        code="T108", name="unpaired-marks", severity=ERROR,
        message="标点不配对：{detail}。",
        basis="GB/T 15834-2011 4.8、4.9、4.15",
        summary="引号、括号、书名号、六角括号、方头括号须成对使用，并且正确嵌套。按段落检查；多段引文只在最后一段"
                "末尾用后引号，不算错误。",
        check=_check_unpaired,
        fails=("认真贯彻《中华人民共和国安全生产法，压实各方责任。\n",
               "建立“大督查工作机制，构建工作格局。\n",
               "各街道（乡镇要按时报送材料）。）\n"),
        passes=("认真贯彻《中华人民共和国安全生产法》，压实“管行业必须管安全”的要求（见附件）。\n",
                "“要抓好‘最后一公里’的落实。\n“确保各项任务落地见效。”\n"),
    ),
    Rule(
        code="T109", name="ellipsis-form", severity=ERROR, fix=True,
        message="省略号写成了“{form}”，应为占两个字位置的“……”。",
        basis="GB/T 15834-2011 4.11",
        summary="省略号的形式是六个点“……”（两个“…”），不用三个英文句点、连续句号或单个“…”。",
        check=_check_ellipsis,
        fails=("开展了安全检查、隐患排查、宣传教育...取得了一定成效。\n",
               "强化组织领导、压实工作责任。。。\n", "加大投入…\n"),
        passes=("开展了安全检查、隐患排查、宣传教育……取得了一定成效。\n",
                "访问https://example.gov.cn/a...b，成绩为3.5分。\n"),
    ),
    Rule(
        code="T110", name="dash-form", severity=ERROR, fix=True,
        message="破折号写成了“{form}”，应为占两个字位置的“——”。",
        basis="GB/T 15834-2011 4.10",
        summary="破折号的形式是“——”（两个一字线）。两个半角连字符、全角减号或三条以上的线都不对；"
                "数字之间的单个一字线（2021—2025年）是连接号，不在此列。",
        check=_check_dash,
        fails=("我们的目标--建设人民满意的服务型政府。\n",
               "坚持“三个不变”－－方向不变、力度不变、标准不变。\n",
               "这是一项长期任务—“久久为功”。\n"),
        passes=("我们的目标——建设人民满意的服务型政府。\n",
                "编制《专项规划（2021—2025年）》，执行GB/T 9704-2012标准，型号为A-3。\n"),
    ),
    Rule(
        code="T111", name="repeated-marks", severity=ERROR, fix=True,
        message="标点重复：“{marks}”。",
        basis="GB/T 15834-2011 4.1–4.7",
        summary="同一处只用一个点号。“，，”“。。”“！！”多是误敲；不同点号连用（“，。”）也必有一个是多余的。",
        check=_check_repeated,
        fails=("提高政治站位，，坚定信心。\n", "确保各项工作落到实处！！\n", "全面完成任务，。\n"),
        passes=("提高政治站位，坚定信心。\n", "真的落实了吗？！这值得深思……\n"),
    ),
    Rule(
        code="T112", name="dunhao-before-deng", severity=ERROR, fix=True,
        message="“等”前面不用顿号。",
        basis="GB/T 15834-2011 4.5.3.1",
        summary="顿号只用在并列词语之间，“等”“等等”不是并列项，前面不加顿号（沟通、提示、服务等方式）。",
        check=_check_dunhao_deng,
        fails=("采取沟通、提示、服务、等方式协调各方。\n", "涉及教育、医疗、养老、等等领域。\n"),
        passes=("采取沟通、提示、服务等方式协调各方。\n", "按照安全风险、等级划分实施分级管控。\n"),
    ),
    Rule(
        code="T113", name="dunhao-between-quoted", severity=WARNING, fix=True,
        message="引号或书名号标出的并列成分之间通常不用顿号：{items}。",
        basis="GB/T 15834-2011 4.5.3.5",
        summary="标有引号或书名号的并列成分之间，引号和书名号本身已起分隔作用，通常不再用顿号。"
                "只有中间插有括注等其他成分时才用顿号。",
        check=_check_dunhao_quoted,
        fails=("推动建立“三大攻坚战”、“四大补短板”工程推进机制。\n",
               "认真学习《安全生产法》、《消防法》等法律法规。\n"),
        passes=("推动建立“三大攻坚战”“四大补短板”工程推进机制。\n",
                "认真学习《安全生产法》（2021年修正）、《消防法》等法律法规。\n"),
    ),
    Rule(
        code="T114", name="dunhao-in-estimate", severity=WARNING, fix=True,
        message="表示概数的相邻数字之间不用顿号：“{estimate}”。",
        basis="GB/T 15834-2011 4.5.3.4",
        summary="相邻或相近两个数字连用表示概数（三四天、七八十岁）时不用顿号；表示缩略的并列（一、二年级）"
                "时才用顿号。",
        check=_check_dunhao_estimate,
        fails=("每期培训三、四天，参训人员七、八十人。\n", "整改期限一般为五、六个月。\n"),
        passes=("每期培训三四天，参训人员七八十人。\n", "小学一、二年级不布置书面家庭作业，第三、四批次同步推进。\n"),
    ),
    Rule(
        code="T115", name="space-in-chinese", severity=WARNING, fix=True,
        message="汉字之间或全角标点旁有多余的{space}。",
        basis="写作惯例；GB/T 15834-2011 5.1.1",
        summary="中文正文里汉字之间、全角标点前后不空格，多余空格多是从PDF或网页复制带来的。段首缩进、"
                "中文与英文数字之间的空格不在此列，本工具也不会在中英文之间加空格。书名号里照录的标题"
                "（联合发文机关之间、标准名称各要素之间的空格）和发文字号、公告号前联合发文机关之间的空格"
                "是有意的，也不在此列。",
        check=_check_spaces,
        fails=("全面贯彻 落实中央决策部署。\n", "提高政治站位， 坚定信心。\n",
               "强化\u3000基础保障。\n", "认真学习《 安全生产法》。\n"),
        passes=("2026年，GDP增长5%，在Word中排版，使用 Windows 系统。\n",
                "参会人员：王\u3000伟、李\u3000强、张建国。\n",
                "严格落实《财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告》"
                "（财政部 税务总局公告2023年第12号）等政策规定。\n",
                "对照《环境管理体系 要求及使用指南》（GB/T 24001—2016），指导重点企业健全环境管理体系。\n",
                "以“鹭引五洲 才聚八闽”为主题开展引才活动。\n",
                "上海市市长 龚 正\n",
                "依照《民法典》第六十六条 对附条件的民事法律行为作出规定。\n",
                "截止 月 日，全市将 座新建学校投入使用。\n"),
    ),
    Rule(
        code="T116", name="fullwidth-alphanumeric", severity=ERROR, fix=True,
        message="用了全角数字或字母“{text}”，应改为半角“{half}”。",
        basis="GB/T 15835-2011 5.1",
        summary="阿拉伯数字和拉丁字母用半角形式（占半个汉字位置）。全角数字字母多是在全角输入状态下录入的，"
                "字体和字距都不对。",
        check=_check_fullwidth_alnum,
        fails=("２０２６年全区ＧＤＰ增长５％。\n", "共检查企业１２８家。\n"),
        passes=("2026年全区GDP增长5%。\n", "共检查企业128家，发放资料4.6万份。\n"),
    ),
    Rule(
        code="T117", name="mixed-width-brackets", severity=ERROR, fix=True,
        message="括号全半角混用：“{pair}”，“{mark}”应改为“{full}”。",
        basis="GB/T 15834-2011 4.9",
        summary="一对括号的前后两半必须同形。一半全角、一半半角（“（……)”）多是改稿时只改了一半。",
        check=_check_mixed_parens,
        fails=("各街道（乡镇)要按时报送材料。\n", "（一)构建“三大机制”，凝聚合力抓落实\n"),
        passes=("各街道（乡镇）要按时报送材料。\n", "函数f(x)见附件（第2页）。\n"),
    ),
    Rule(
        code="T118", name="quote-nesting", severity=WARNING,
        message="引号或书名号嵌套不当：{what}，{how}。",
        basis="GB/T 15834-2011 4.8.3.2、4.15.3",
        summary="引号里面还要用引号时，外面一层用双引号，里面一层用单引号；书名号里再用书名号时，里层用单书名号。",
        check=_check_nesting,
        fails=("他强调“要抓好“最后一公里”的落实”。\n", "学习‘三个代表’重要思想。\n"),
        passes=("他强调“要抓好‘最后一公里’的落实”。\n", "印发《关于学习〈条例〉的通知》。\n"),
    ),
    Rule(
        code="T119", name="single-dash", severity=INFO,
        message="汉字之间只有一条一字线“—”：作破折号时应为“——”。",
        basis="GB/T 15834-2011 4.10、4.13",
        summary="一字线“—”在汉字之间多是破折号少打了一半；表示地点起止、走向（北京—上海）或连接相关"
                "项目（“预警—转移—救援”）时才用单条，三项以上的短项链和引号里的连接不报告。",
        check=_check_single_dash,
        fails=("我们的目标—建设人民满意的服务型政府。\n", "抓落实的关键—责任落实。\n"),
        passes=("我们的目标——建设人民满意的服务型政府。\n", "“十四五”时期（2021—2025年），1—10月累计完成投资。\n",
                "检验了“预警—转移—救援”全链条处置流程，做到招生—培养—就业联动。\n"),
    ),
    Rule(
        code="T120", name="quote-lookalike", severity=ERROR, fix=True,
        message="用了形似引号的“{mark}”，应为“{right}”。",
        basis="GB/T 15834-2011 4.8",
        summary="〝〞（和文引号）和″（两撇）看着像引号，多是输入法或转换带来的；中文引号用“”。"
                "这里报一处并修复，不再另报引号不配对。",
        check=_check_quote_lookalike,
        fails=("大力推进“放管服〞改革。\n", "推广“先行先试″做法。\n"),
        passes=("大力推进“放管服”改革，误差不超过5″。\n",),
    ),
    Rule(
        code="T121", name="lost-character", severity=ERROR,
        message="“{text}”中的“?”像是丢失的字（转换时显示不出的字成了问号），请补上原字。",
        basis="写作惯例（《党政机关公文处理工作条例》第十九条：内容准确）",
        summary="两个汉字之间的半角问号而句中又没有疑问，多是文档转换时显示不出的字（生僻字、人名用字）"
                "变成了“?”。不改成全角问号：那样会把丢字藏起来。",
        check=_check_lost_character,
        fails=("我们的工?作要落实，请张?同志负责。\n",),
        passes=("是否完成?请回复。\n", "工作要落实。\n"),
    ),
    Rule(
        code="T122", name="radical-lookalike", severity=ERROR, fix=True,
        message="“{text}”是形似汉字的部首或兼容字符，应为“{fixed}”。",
        basis="GB 18030-2022；写作惯例",
        summary="从PDF复制的文字里常混入康熙部首（⼯、⼀、⼈）或兼容汉字，看着一样，实为其他字符，"
                "检索、统计和校对都会漏掉。修复只替换这些字符为对应的常用字（NFKC），别的字不动。",
        check=_check_radical_lookalike,
        fails=("⼯作⼀定要做好。\n",),
        passes=("工作一定要做好。\n",),
    ),
    Rule(
        code="T123", name="stop-both-sides-of-quote", severity=ERROR, fix=True,
        message="“{text}”引号前后都有句末点号，只留一个。",
        basis="GB/T 15834-2011 4.1、4.8",
        summary="引文自成一句时句号放在引号里面，引文作句子一部分时句号放在引号外面，不能两处都用。",
        check=_check_stop_both_sides,
        fails=("全面完成任务。”。\n",),
        passes=("他说：“全面完成任务。”\n", "要“全面完成任务”。\n"),
    ),
    Rule(
        code="T124", name="ascii-hyphen-between-chinese", severity=WARNING,
        message="“{text}”中汉字之间用了半角连字符“-”：连接相关项目用一字线“—”。",
        basis="GB/T 15834-2011 4.13",
        summary="汉字词语之间的半角“-”多是随手敲的；中文里连接相关的项目用一字线“—”（党建—业务、"
                "京津冀—长三角）。地名、机构等复合名称有时用短横线，所以只提醒，不自动修改。",
        check=_check_hyphen_between_han,
        fails=("推动党建-业务深度融合。\n",),
        passes=("推动党建—业务深度融合，电话0571-86624908，型号AB-12。\n",),
    ),
)

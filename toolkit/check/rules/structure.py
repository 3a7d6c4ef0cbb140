"""Structure rules (S): numbering and levels, count words, 一是 series, parts, title, 称谓, blanks."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.check.anatomy import (FAMILY_NAMES, FORMS, GBT9704_733, LEVEL_NAMES, LOOSE_KINDS,
                                   SECTION_KEYWORDS, SECTION_NAMES, Item, doctype_part,
                                   heading_number, is_report, level_at, level_of, marker_of,
                                   norm_title, outline, required_sections, title_blocks, title_of,
                                   title_range, title_text)
from toolkit.check.engine import Context
from toolkit.check.model import ERROR, INFO, WARNING, Finding, Rule
from toolkit.check.rules._protect import blank_slot, protected
from toolkit.core.document import BODY, HEADING, SALUTATION, SUBTITLE
from toolkit.core.numerals import chinese, count_word
from toolkit.core.numerals import marker as standard_marker
from toolkit.core.numerals import parse_chinese

# ---------------------------------------------------------------------------------------------
# S101–S106: heading numbering and levels
# ---------------------------------------------------------------------------------------------

def _numbered_groups(ctx: Context) -> Iterator[list[tuple[int, int]]]:
    """Sibling groups as lists of (block index, number), skipping unnumbered headings."""
    for (_, _lvl), members in outline(ctx).groups.items():
        numbered = [(i, n) for i in members if (n := heading_number(ctx.blocks[i])) is not None]
        if numbered:
            yield numbered


def _marker_end(ctx: Context, i: int) -> int:
    return len(marker_of(ctx.blocks[i])) or len(ctx.blocks[i].marker)


def _check_gap(ctx: Context, rule: Rule) -> Iterator[Finding]:
    # Numbering that runs on under the next parent (（一）1. 2. （二）3. 4.) is a common, accepted
    # style: a group may start one past where the previous group of its level stopped.
    last_at: dict[int, int] = {}
    for group in sorted(_numbered_groups(ctx), key=lambda g: g[0][0]):
        level = level_at(ctx, group[0][0])
        prev = 0
        if group[0][1] > 1 and group[0][1] == last_at.get(level, -1) + 1:
            prev = group[0][1] - 1
        last_at[level] = max(n for _, n in group)
        for i, n in group:
            if n > prev + 1:
                b = ctx.blocks[i]
                level = level_at(ctx, i)
                missing = "、".join(_shown(level, k) for k in range(prev + 1, min(n, prev + 4)))
                if n - prev > 4:
                    missing += "等"
                yield rule.at(i, 0, _marker_end(ctx, i), "按顺序重新编号",
                              marker=marker_of(b) or b.marker, missing=missing)
            prev = n if n > prev else prev if n != 1 else 1


def _shown(level: int, n: int) -> str:
    """“（二）”: the standard marker of number n at a level (level 5: ② …)."""
    if level == 5:
        return "“" + (chr(0x2460 + n - 1) if n <= 20 else str(n)) + "”"
    return "“" + standard_marker(level, n) + "”"


def _repeats(group: list[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    """(heading, "duplicate" or "restart") for numbers that do not go forward.

    A 1 after a run that reached 2 or more starts the numbering again (restart); any other number
    not above the one before it — a second （一） right after （一） included — is a duplicate.
    """
    prev = 0
    for i, n in group:
        if prev and n <= prev:
            yield i, "restart" if n == 1 and prev >= 2 else "duplicate"
            prev = n if n == 1 and prev >= 2 else prev
        else:
            prev = n


def _check_duplicate(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for group in _numbered_groups(ctx):
        for i, what in _repeats(group):
            if what == "duplicate":
                b = ctx.blocks[i]
                yield rule.at(i, 0, _marker_end(ctx, i), "按顺序重新编号",
                              marker=marker_of(b) or b.marker)


def _check_restart(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for group in _numbered_groups(ctx):
        for i, what in _repeats(group):
            if what == "restart":
                b = ctx.blocks[i]
                yield rule.at(i, 0, _marker_end(ctx, i), "接着上文顺序编号，或在前面补上一级标题",
                              marker=marker_of(b) or b.marker)


def _check_marker_form(ctx: Context, rule: Rule) -> Iterator[Finding]:
    o = outline(ctx)
    for i, b in enumerate(ctx.blocks):
        if b.kind != HEADING or not 1 <= level_of(b) <= 4:
            continue
        mark = marker_of(b)
        n = heading_number(b)
        if not mark or n is None:
            continue
        level = o.inferred.get(i) or b.level
        want = standard_marker(level, n)
        if mark != want:
            # The range takes spaces typed after the marker (“1 建立”) so the fix drops them.
            stop = len(b.marker) if len(b.marker) > len(mark) else len(mark)
            advice = f"改为“{want}”"
            if level != b.level:
                child = next((k for k in o.children(i)), None)
                below = marker_of(ctx.blocks[child]) if child is not None else ""
                advice += f"（其下有“{below}”，按层次是{LEVEL_NAMES[level]}标题）" if below else ""
            # Where the hierarchy leaves the level open, the form is suggested, never applied.
            fix = None if i in o.unsure else want
            yield rule.at(i, 0, stop, advice, fix, marker=mark, want=want,
                          level=LEVEL_NAMES[level], form=FORMS[level])


def _check_level_skipped(ctx: Context, rule: Rule) -> Iterator[Finding]:
    o = outline(ctx)
    reported: set[tuple[int, int]] = set()
    for i, b in enumerate(ctx.blocks):
        if b.kind != HEADING or not 1 <= level_of(b) <= 4:
            continue
        p = o.parent[i]
        if p < 0:
            continue
        level = o.inferred.get(i) or b.level
        above = o.inferred.get(p) or ctx.blocks[p].level
        if level - above < 2 or (p, level) in reported:
            continue
        reported.add((p, level))  # once per group: the first heading stands for its siblings
        pb = ctx.blocks[p]
        yield rule.at(i, 0, _marker_end(ctx, i),
                      f"在“{marker_of(pb) or pb.marker}”下先用{FORMS[above + 1]}一级，"
                      f"或把“{b.marker}”改为{FORMS[above + 1]}",
                      marker=marker_of(b) or b.marker, parent=marker_of(pb) or pb.marker,
                      missing=FORMS[above + 1])


def _check_lone(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for (p, level), members in outline(ctx).groups.items():
        if len(members) != 1:
            continue
        i = members[0]
        n = heading_number(ctx.blocks[i])
        if n not in (1, None):
            continue  # a lone （三） is a numbering gap, reported there
        b = ctx.blocks[i]
        yield rule.at(i, 0, _marker_end(ctx, i),
                      f"补上{_shown(level, 2)}，或去掉序号把内容并入上一级",
                      marker=marker_of(b) or b.marker, second=_shown(level, 2))


# ---------------------------------------------------------------------------------------------
# S107: count words (三大机制, 从四个方面) against the items that follow
# ---------------------------------------------------------------------------------------------

# Set phrases whose number is not a count of the parts that follow.
FIXED_COUNT_TERMS = (
    "两个维护", "两个确立", "两个务必", "两个毫不动摇", "两个一百年", "两个大局", "两学一做",
    "两不愁三保障", "两新", "两重", "三大攻坚战", "三严三实", "三会一课", "三重一大", "三个代表",
    "三个区分开来", "三农", "三新一高", "三公", "三项制度", "三个务必", "四个意识", "四个自信",
    "四个全面", "四个服务", "四下基层", "四风", "四个不摘", "四个合理", "四大补短板", "五位一体",
    "五大发展理念", "五个必由之路", "六稳", "六保", "八项规定", "八个明确", "十个明确",
    "十个坚持", "十四个坚持",
)


@functools.cache
def _count_heading_re() -> re.Pattern:
    return re.compile(r"(?<![第前后近这那每其逾约数多上下余〇零一二三四五六七八九十百千万两几\d])"
                      r"(两|[二三四五六七八九]|十[一二三四五六七八九]?)"
                      r"(大|个方面|方面|个|项|条|点|种|类|件)"
                      r"(?!月|百分点|工作日|小时|季度|亿|万|千|多|余|年|[一二三四五六七八九十百])")


@functools.cache
def _count_lead_re() -> re.Pattern:
    # In a paragraph only forward-pointing counts are about the parts that follow.
    # “下午三点” is a time: a bare N点 counts only before what points are made of.
    return re.compile(r"(?<![第前后近这那每其逾约数多余〇零一二三四五六七八九十百千万两几\d])"
                      r"(?:(两|[二三四五六七八九]|十[一二三四五六七八九]?)"
                      r"(个方面|方面|点(?=建议|意见|体会|认识|思考|做法|经验|打算|要求|措施|[：:，,。]))"
                      r"|(?<=以下|如下)(两|[二三四五六七八九]|十[一二三四五六七八九]?)"
                      r"(项|条|个|大|点))(?!月|百分点|钟|半|[一二三四五六七八九十百])")


# What points are made of: “三点建议”, but not “下午三点召开”.
_POINT_NOUNS = "建议|意见|体会|认识|思考|做法|经验|打算|要求|措施|举措|工作|任务|问题|原因|启示|不足|考虑"


@functools.cache
def _count_intro_re() -> re.Pattern:
    # In the clause that introduces a series or sub-headings, a count of any things followed by
    # what they are: 三大举措, 三项工作, 三件事, 两类问题, 四个方面.
    return re.compile(r"(?<![第前后近这那每其逾约数多上下余〇零一二三四五六七八九十百千万两几\d])"
                      r"(两|[二三四五六七八九]|十[一二三四五六七八九]?)"
                      rf"(个方面|方面|大|项|件|个|条|种|类|点(?={_POINT_NOUNS}))"
                      r"(?=[“\"‘]?[\u4e00-\u9fff])"
                      r"(?![“\"‘]?(?:月|百分点|工作日|小时|季度|亿|万|千|多|余|年|钟|半|岁|倍|次|批"
                      r"|[一二三四五六七八九十百]))")


@functools.cache
def _pointer_clause_re() -> re.Pattern:
    # A last clause that only points at what follows (“具体如下：”): the count is in the one before.
    return re.compile(r"(?:具体|主要|分别|重点)?(?:如下|有|是|为|包括|表现在|体现在)[：:]?")


# The longest tail after a count word in a paragraph followed by items (“实施了三项举措。”): a
# count in the middle of a long clause (“带动三大产业协调发展”) is about something else.
_INTRO_TAIL = 4


def _intro_clause(text: str, stop: int) -> int:
    """Start of the clause that ends at `stop`, the one that introduces what follows it.

    A last clause that only points ahead (“主要推出三项举措，具体如下：”) takes the one before it.
    """
    head = text[:stop].rstrip(" \u3000：:，,。；;！？!?")
    cut = max(head.rfind(c) for c in "，,。；;！？!?：:")
    if cut >= 0 and _pointer_clause_re().fullmatch(head[cut + 1:].strip(" \u3000")):
        cut = max(head.rfind(c, 0, cut) for c in "，,。；;！？!?：:")
    return cut + 1


def _inside_book_title(text: str, pos: int) -> bool:
    """pos lies inside 《……》 (a document name: its numbers are part of the name)."""
    opening = text.rfind("《", 0, pos)
    return opening >= 0 and text.rfind("》", 0, pos) < opening


def _count_matches(text: str, lo: int, hi: int, pattern: re.Pattern) -> list[tuple[int, int, int]]:
    out = []
    for m in pattern.finditer(text, lo, hi):
        if _inside_book_title(text, m.start()):
            continue
        if any(text.startswith(term, m.start()) for term in FIXED_COUNT_TERMS):
            continue
        groups = m.groups() + (None, None)
        digits = groups[0] or groups[2]
        n = parse_chinese(digits)
        if n and n >= 10 and (groups[1] or groups[3]) == "大":
            continue  # 十九大, 二十大: party congresses, not counts
        if n:
            out.append((m.start(), m.end(), n))
    return out


def _count_phrase(text: str, start: int, end: int) -> str:
    """The count word with the noun after it for the message: 三大 → 三大机制, 三项 → 三项举措."""
    if text[end - 1] not in "大项件个条种类点":
        return text[start:end]
    m = re.match(r"[\u4e00-\u9fff]{1,2}", text[end:])
    return text[start:end] + (m.group(0) if m else "")


def _items_after(ctx: Context, i: int) -> tuple[int, str] | None:
    """(count, what) of the items that follow paragraph i straight away, if any: a series of
    一是 paragraphs, or the first of a group of sub-headings of the paragraph's section."""
    o = outline(ctx)
    j = i + 1
    if j >= len(ctx.blocks):
        return None
    for run in o.series:
        if run[0].block == j:
            return len(run), f"{count_word(len(run))}项“{run[0].mark}……”"
    nxt = ctx.blocks[j]
    if nxt.kind == HEADING and nxt.level and o.parent[j] == o.parent[i]:
        level = o.level(ctx.blocks, j)
        group = o.groups.get((o.parent[i], level), [])
        if group and group[0] == j:
            return len(group), f"{count_word(len(group))}个{LEVEL_NAMES.get(level, '')}标题"
    return None


def _intro_counts(ctx: Context, i: int) -> tuple[list[tuple[int, int, int]], int, str]:
    """Count words in the clause of paragraph i that introduces a series or sub-headings,
    with the number and description of those items: (matches, count, what)."""
    b = ctx.blocks[i]
    runs = outline(ctx).inline.get(i)
    if runs and runs[0][0].start > 0:
        stop = runs[0][0].start
        n, what = len(runs[0]), f"{count_word(len(runs[0]))}项“{runs[0][0].mark}……”"
        tail = None
    else:
        items = _items_after(ctx, i)
        if items is None:
            return [], 0, ""
        (n, what), stop, tail = items, len(b.text), _INTRO_TAIL
    start = _intro_clause(b.text, stop)
    matches = _count_matches(b.text, start, stop, _count_intro_re())
    if tail is not None:
        end = len(b.text[:stop].rstrip(" \u3000：:，,。；;！？!?"))
        matches = [m for m in matches
                   if len(re.sub(r"[“”\"‘’ \u3000]", "", b.text[m[1]:end])) <= tail]
    return matches, n, what


def _items_under(ctx: Context, h: int) -> tuple[int, str] | None:
    """(count, what) of the parts heading h (or -1, the whole report) introduces, if any."""
    o = outline(ctx)
    kids = o.children(h)
    if kids:
        level = o.inferred.get(kids[0]) or ctx.blocks[kids[0]].level
        return len(kids), f"{count_word(len(kids))}个{LEVEL_NAMES.get(level, '')}标题"
    start = h + 1
    stop = o.end.get(h, len(ctx.blocks)) if h >= 0 else len(ctx.blocks)
    for run in o.series:
        b0 = run[0].block
        if start <= b0 < stop and o.parent[b0] == h:
            return len(run), f"{count_word(len(run))}项“{run[0].mark}……”"
    # An inline series in the heading itself or in one of the section's first paragraphs.
    for i in ([h] if h >= 0 else []) + list(range(start, min(stop, start + 3))):
        if ctx.blocks[i].kind == HEADING and i != h:
            break
        runs = o.inline.get(i)
        if runs:
            return len(runs[0]), f"{count_word(len(runs[0]))}项“{runs[0][0].mark}……”"
    return None


def _check_count_words(ctx: Context, rule: Rule) -> Iterator[Finding]:
    o = outline(ctx)
    for i, b in enumerate(ctx.blocks):
        if b.kind == HEADING:
            lo, hi = title_range(b)
            matches = _count_matches(b.text, lo, hi, _count_heading_re())
            owner = i
        elif b.kind == BODY and not b.series:
            owner = o.parent[i]
            if owner >= 0:
                lead = i == owner + 1
            else:  # the opening: its last paragraph announces the parts (“现从三个方面汇报”)
                nxt = ctx.blocks[i + 1] if i + 1 < len(ctx.blocks) else None
                lead = nxt is not None and nxt.kind == HEADING
            intro, n, what = _intro_counts(ctx, i)
            if intro:
                # The clause that introduces the items counts them (“围绕三大举措：一是……”).
                if not any(m[2] == n for m in intro):
                    s, e, said = intro[0]
                    word = _count_phrase(b.text, s, e)
                    yield rule.at(i, s, e, f"把“{word}”中的数改为“{count_word(n)}”，或补齐、删减条目",
                                  word=word, said=chinese(said), actual=what)
                continue
            if not lead:
                continue
            matches = _count_matches(b.text, 0, len(b.text), _count_lead_re())
            runs = o.inline.get(i)
            if matches and runs and runs[0][0].start > matches[0][0]:
                # “主要有三点：一是……”: the paragraph counts its own series.
                n = len(runs[0])
                if not any(m[2] == n for m in matches):
                    s, e, _ = matches[0]
                    yield rule.at(i, s, e, f"改为“{count_word(n)}”或补齐条目",
                                  word=_count_phrase(b.text, s, e), said=chinese(matches[0][2]),
                                  actual=f"{count_word(n)}项“{runs[0][0].mark}……”")
                continue
        else:
            continue
        if not matches:
            continue
        items = _items_under(ctx, owner)
        if items is None:
            continue
        n, what = items
        if any(m[2] == n for m in matches):
            continue
        s, e, said = matches[0]
        word = _count_phrase(b.text, s, e)
        yield rule.at(i, s, e, f"把“{word}”中的数改为“{count_word(n)}”，或补齐、删减条目",
                      word=word, said=chinese(said), actual=what)


# ---------------------------------------------------------------------------------------------
# S108–S111: 一是/二是 series
# ---------------------------------------------------------------------------------------------

def _all_runs(ctx: Context) -> Iterator[tuple[list[Item], bool]]:
    """Every series: (items, True for paragraph series / False for inline)."""
    o = outline(ctx)
    for run in o.series:
        yield run, True
    for runs in o.inline.values():
        for run in runs:
            yield run, False


def _check_series_numbering(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for run, _ in _all_runs(ctx):
        prev = None
        for item in run:
            if item.value is None:
                continue
            if prev is not None:
                if item.value == prev:
                    yield rule.at(item.block, item.start, item.end, "按顺序改为“"
                                  + chinese(prev + 1) + _family_word(item) + "”",
                                  mark=item.mark, problem="重复")
                elif item.value > prev + 1:
                    yield rule.at(item.block, item.start, item.end,
                                  f"按顺序改为“{chinese(prev + 1)}{_family_word(item)}”",
                                  mark=item.mark,
                                  problem=f"跳号，缺少“{chinese(prev + 1)}{_family_word(item)}”")
                elif item.value < prev:
                    yield rule.at(item.block, item.start, item.end, "按顺序重新编号",
                                  mark=item.mark, problem="顺序颠倒")
            prev = item.value


def _family_word(item: Item) -> str:
    return {"是": "是", "要": "要"}.get(item.family, "")


def _check_series_mixed(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for run, _ in _all_runs(ctx):
        first = run[0].family
        for item in run[1:]:
            if item.family and item.family != first:  # 最后 (no family) may close any series
                yield rule.at(item.block, item.start, item.end,
                              f"统一用“{FAMILY_NAMES[first]}……”", mark=item.mark,
                              first=run[0].mark)
                break


def _check_series_single(ctx: Context, rule: Rule) -> Iterator[Finding]:
    o = outline(ctx)
    continued = {run[0].block for run in o.series if run[0].value and run[0].value > 1}
    for run, paragraphs in _all_runs(ctx):
        if len(run) != 1 or run[0].value != 1 or run[0].family == "首":
            continue
        item = run[0]
        if not paragraphs and item.block + 1 in continued:
            continue  # 一是 ends this paragraph and 二是 opens the next
        yield rule.at(item.block, item.start, item.end,
                      "补上“二是……”，或去掉“" + item.mark + "”直接叙述", mark=item.mark)


_END_NAMES = {"；": "分号", "。": "句号", "，": "逗号", "：": "冒号", "、": "顿号"}


def _item_ending(ctx: Context, item: Item, paragraphs: bool) -> str:
    text = ctx.blocks[item.block].text
    stop = len(text) if paragraphs else item.stop
    tail = text[item.end:stop].rstrip(" \u3000”’）》")
    if not tail:
        return ""
    ch = tail[-1]
    return {";": "；", ",": "，", ":": "：", ".": "。"}.get(ch, ch)


def _check_series_endings(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for run, paragraphs in _all_runs(ctx):
        if len(run) < 3:
            continue  # with two items the last is the paragraph end: nothing to compare
        ends = [(_item_ending(ctx, it, paragraphs), it) for it in run[:-1]]
        kinds = [e for e, _ in ends if e in _END_NAMES]
        if len(set(kinds)) < 2:
            continue
        usual = max(set(kinds), key=kinds.count)
        for e, it in ends:
            if e in _END_NAMES and e != usual:
                text = ctx.blocks[it.block].text
                stop = len(text) if paragraphs else it.stop
                pos = len(text[:stop].rstrip(" \u3000”’）》")) - 1
                yield rule.at(it.block, pos, pos + 1, f"统一用“{usual}”",
                              mark=it.mark, ending=_END_NAMES[e], usual=usual)
                break


# ---------------------------------------------------------------------------------------------
# S112: required sections
# ---------------------------------------------------------------------------------------------

def _check_required_sections(ctx: Context, rule: Rule) -> Iterator[Finding]:
    kind, required = required_sections(ctx)
    if not required or kind in LOOSE_KINDS:
        return
    level1 = [i for i, b in enumerate(ctx.blocks)
              if b.kind == HEADING and b.level and level_at(ctx, i) == 1]
    if len(level1) < 2:
        return  # a report without level-1 headings is organised otherwise: nothing to compare
    titles = [title_of(ctx.blocks[i]) for i in level1]
    intro = sum(len(b.text) for b in ctx.blocks[:level1[0]] if b.kind == BODY and not b.series)
    for name in required:
        words = SECTION_KEYWORDS.get(name, (name,))
        if any(w in t for t in titles for w in words):
            continue
        if name == "基本情况" and intro >= 30:
            continue  # the overview is often the opening paragraphs, without a heading
        yield rule.on_document(f"增加一个一级标题，如“{SECTION_NAMES.get(name, name)}”",
                               kind=kind, part=SECTION_NAMES.get(name, name),
                               words="、".join(words[:4]))


# ---------------------------------------------------------------------------------------------
# S113: heading-final punctuation
# ---------------------------------------------------------------------------------------------

def _has_content(ctx: Context, i: int) -> bool:
    """The heading at i heads something: body text or deeper headings follow it.

    A numbered line followed straight by its sibling is a list item (“（一）企业主体责任落实情况。”),
    which may end like a sentence.
    """
    nxt = ctx.blocks[i + 1] if i + 1 < len(ctx.blocks) else None
    if nxt is None:
        return False
    if nxt.kind == HEADING:
        return nxt.level > 0 and level_at(ctx, i + 1) > level_at(ctx, i)
    return nxt.kind == BODY


def _check_heading_end(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, b in enumerate(ctx.blocks):
        if b.kind != HEADING or b.runin or not _has_content(ctx, i):
            continue
        text = b.text.rstrip(" \u3000")
        if len(text) <= len(b.marker):
            continue
        if len(text) - len(b.marker) > 60 and "，" in text:
            continue  # a numbered paragraph (三、县政府工作人员要……，……。), not a heading
        level = outline(ctx).inferred.get(i) or b.level
        bad = "。，；：、.,;:" if level <= 2 else "，；、,;"
        ch = text[-1]
        if ch in bad and not (ch == "." and text[-2:-1].isdigit()):
            yield rule.at(i, len(text) - 1, len(text), f"删去末尾的“{ch}”", "",
                          mark=ch, level=LEVEL_NAMES.get(level, ""))


# ---------------------------------------------------------------------------------------------
# S114–S121: the title
# ---------------------------------------------------------------------------------------------

def _title_last(ctx: Context) -> int | None:
    parts, _ = title_blocks(ctx)
    return parts[-1] if parts else None


def _check_title_end(ctx: Context, rule: Rule) -> Iterator[Finding]:
    i = _title_last(ctx)
    if i is None:
        return
    text = ctx.blocks[i].text.rstrip(" \u3000")
    if text and text[-1] in "。，；：、.,;:":
        yield rule.at(i, len(text) - 1, len(text), f"删去末尾的“{text[-1]}”", "", mark=text[-1])


_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


@functools.cache
def _title_half_re() -> re.Pattern:
    cjk = r"[\u4e00-\u9fff“”《》（）]"
    return re.compile(rf"(?<={cjk})[,;!?]|[,;!?](?={cjk})|(?<!\d):(?!\d)"
                      r"|\([^()]*[\u4e00-\u9fff][^()]*\)|\"")


def _check_title_halfwidth(ctx: Context, rule: Rule) -> Iterator[Finding]:
    parts, _ = title_blocks(ctx)
    for i in parts:
        text = ctx.blocks[i].text
        quote = 0
        for m in _title_half_re().finditer(text):
            s = m.group(0)
            if s.startswith("("):
                yield rule.at(i, m.start(), m.start() + 1, "改为“（”", "（", mark="(", want="（")
                yield rule.at(i, m.end() - 1, m.end(), "改为“）”", "）", mark=")", want="）")
            elif s == '"':
                want = "“" if quote % 2 == 0 else "”"
                quote += 1
                yield rule.at(i, m.start(), m.end(), f"改为“{want}”", want, mark=s, want=want)
            else:
                want = _HALF_TO_FULL[s]
                yield rule.at(i, m.start(), m.end(), f"改为“{want}”", want, mark=s, want=want)


def _check_title_repeated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    parts, repeats = title_blocks(ctx)
    for i in repeats:
        b = ctx.blocks[i]
        yield rule.at(i, 0, len(b.text), "删去重复的一行", title=b.text.strip())
    for i in parts:  # the title typed twice on one line: “标题标题” or “标题 标题”
        t = ctx.blocks[i].text.strip()
        for gap in ("", " ", "\u3000"):
            half, odd = divmod(len(t) - len(gap), 2)
            if not odd and half >= 4 and t[:half] == t[half + len(gap):] \
                    and t[half:half + len(gap)] == gap:
                yield rule.at(i, half + len(gap), len(t), "删去重复的部分", title=t[:half])
                break


@functools.cache
def _spaced_re() -> re.Pattern:
    # Characters (or a number: “关 于 2026 年”) one by one with spaces between them.
    unit = r"(?:[\u4e00-\u9fff]|[0-9０-９]+(?:[.．][0-9０-９]+)?)"
    return re.compile(rf"{unit}(?:[ \u3000]+{unit}){{2,}}")


def _spaced_runs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each letter-spaced stretch: at least three single characters, spaced."""
    runs = []
    for m in _spaced_re().finditer(text):
        pieces = re.split(r"[ \u3000]+", m.group(0))
        # Only letter-spacing: every Chinese piece between spaces is one character.
        if all(len(p) == 1 or not _is_cjk(p[0]) for p in pieces) \
                and sum(1 for p in pieces if _is_cjk(p[0])) >= 3:
            runs.append((m.start(), m.end()))
    return runs


def _spaced_pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A letter-spaced stretch cut into pieces whose spaces are either all between characters or
    all around one number (“关 于| 2026 |年 上 半 年”)."""
    pieces, pos = [], a
    for m in re.finditer(r"[ \u3000]*[0-9０-９]+(?:[.．][0-9０-９]+)?[ \u3000]*", text[a:b]):
        s, e = a + m.start(), a + m.end()
        if pos < s:
            pieces.append((pos, s))
        pieces.append((s, e))
        pos = e
    if pos < b:
        pieces.append((pos, b))
    return [(s, e) for s, e in pieces if re.search(r"[ \u3000]", text[s:e])]


def _check_title_spaced(ctx: Context, rule: Rule) -> Iterator[Finding]:
    parts, _ = title_blocks(ctx)
    for i in parts:
        text = ctx.blocks[i].text
        runs = _spaced_runs(text)
        if not runs:
            continue
        whole = text.strip(" \u3000")
        fixed = whole
        for a, b in reversed(runs):
            fixed = fixed.replace(text[a:b], re.sub(r"[ \u3000]+", "", text[a:b]), 1)
        # One finding per piece, so that no two edits of --fix overlap: the spaces between
        # characters are T115's edits too, and of two overlapping edits only one is made.
        pieces = [piece for a, b in runs for piece in _spaced_pieces(text, a, b)]
        for k, (a, b) in enumerate(pieces):
            piece = text[a:b]
            joined = re.sub(r"[ \u3000]+", "", piece)
            if k == 0:
                yield rule.at(i, a, b, f"改为“{fixed}”", joined, text=whole, fixed=fixed)
                continue
            what = "其余各字间" if _is_cjk(joined[0]) else f"“{joined}”两侧"
            yield Finding(rule.code, i, a, b, f"（同上）标题{what}的空格也应删去，应为“{fixed}”。",
                          "删去空格", joined if rule.fix else None)


def _check_title_huibao(ctx: Context, rule: Rule) -> Iterator[Finding]:
    if is_report(ctx):
        return
    title = title_text(ctx)
    if not doctype_part(title).endswith("汇报"):
        return
    i = _title_last(ctx)
    text = ctx.blocks[i].text.rstrip(" \u3000")
    pos = text.rfind("汇报")
    yield rule.at(i, pos, pos + 2, "如作为正式公文上报，标题改为“关于……的报告”")


DOC_TYPES = ("报告", "通知", "请示", "意见", "汇报", "总结", "方案", "决定", "决议", "通报", "函",
             "批复", "纪要", "公告", "通告", "公报", "议案", "命令", "令", "规定", "办法", "细则",
             "规划", "计划", "要点", "安排", "讲话", "发言", "说明", "材料", "提纲", "建议",
             "制度", "规则", "章程", "守则", "准则", "标准", "指南", "清单", "简报", "报道", "倡议书",
             "公开信", "承诺书", "责任书", "协议", "备忘录", "述职", "体会", "心得", "调研", "思考",
             "对策", "研究", "分析", "探析", "浅析")


def _check_title_doctype(ctx: Context, rule: Rule) -> Iterator[Finding]:
    title = title_text(ctx)
    if "关于" not in title:
        return
    core = doctype_part(title)
    if not core or core.endswith(DOC_TYPES):
        return
    i = _title_last(ctx)
    text = ctx.blocks[i].text.rstrip(" \u3000")
    yield rule.at(i, max(0, len(text) - 1), len(text), "在标题末尾写明文种，如“……的报告”",
                  tail=core[-6:])


_REPORT_EXEMPT = ("述职报告", "工作报告", "调研报告", "调查报告", "审计报告", "评估报告",
                  "分析报告", "研究报告", "考察报告", "自查报告", "总结报告",
                  # forms a regulation prescribes: 政府信息公开条例第四十九条 (……政府信息公开
                  # 工作年度报告), 法治政府建设与责任落实督察工作规定 (……法治政府建设情况报告)
                  "年度报告", "法治政府建设情况报告", "法治政府建设工作情况报告")


def _check_report_title(ctx: Context, rule: Rule) -> Iterator[Finding]:
    title = title_text(ctx)
    core = doctype_part(title)
    if not core.endswith("报告") or core.endswith(_REPORT_EXEMPT):
        return
    if "关于" in core and core.endswith("的报告"):
        return
    i = _title_last(ctx)
    text = ctx.blocks[i].text.rstrip(" \u3000")
    pos = max(0, text.rfind("报告"))
    what = "缺少“关于”" if "关于" not in core else "“报告”前缺少“的”"
    yield rule.at(i, pos, pos + 2, "改为“（发文机关）关于……的报告”", what=what)


# ---------------------------------------------------------------------------------------------
# S121–S122: requests in a 报告, the salutation's colon
# ---------------------------------------------------------------------------------------------

def _request_phrases(ctx: Context):
    """The request phrases in force (the request-phrases word list, with a user's changes)."""
    found = None
    lexicons = ctx.lexicons
    if lexicons is not None and hasattr(lexicons, "get"):
        found = lexicons.get("request-phrases")
    if found is None:
        from toolkit.check.wordlists import Lexicons

        found = Lexicons.default().request_phrases
    return found


def _reports_upward(ctx: Context) -> bool:
    """A 报告 or a 汇报: both report to a superior, and neither may carry a request (条例第十五条)."""
    if is_report(ctx):
        return True
    kind = ctx.kind
    if kind is not None and getattr(kind, "doc_type", ""):
        return kind.doc_type == "汇报" or str(getattr(kind, "name", "")).endswith("汇报")
    return doctype_part(title_text(ctx)).endswith("汇报") or ctx.doc.kind.endswith("汇报")


def _check_report_request(ctx: Context, rule: Rule) -> Iterator[Finding]:
    if not _reports_upward(ctx):
        return
    phrases = _request_phrases(ctx)
    parts, _ = title_blocks(ctx)
    for i, b in enumerate(ctx.blocks):
        if i in parts or b.kind not in (BODY, HEADING):
            continue
        spans: list[list[int]] = []
        for hit in phrases.finditer(b.text):
            if spans and hit.start - spans[-1][1] <= 2:  # “妥否，请批示” is one request
                spans[-1][1] = max(spans[-1][1], hit.end)
            else:
                spans.append([hit.start, hit.end])
        for start, end in spans:
            yield rule.at(i, start, end, "删去请示事项；需要上级批准的事项另行请示",
                          phrase=b.text[start:end])


@functools.cache
def _salutation_shape_re() -> re.Pattern:
    # A recipient line typed without its colon: short, no sentence marks, ends like an addressee.
    return re.compile(r"(?:尊敬的)?[^，。；！？,.;!?：:“”]{0,28}?"
                      r"(?:领导|同志们|同志|代表|委员|政府|党委|党组|局|委|办|办公室|厅|部|处|科|"
                      r"中心|公司|单位|街道|镇|乡|们)[，,。.；;]?")


@functools.cache
def _addressee_re() -> re.Pattern:
    # Words that only a salutation ends or opens with (a unit's name under a title may be its
    # author, so a bare organ name counts only under the title of an upward document).
    return re.compile(r"(?:尊敬的|各位|各).*|.*(?:领导|同志们|同志|代表|委员|常委会)[，,。.；;]?")


def _salutation_candidates(ctx: Context) -> Iterator[int]:
    """The salutation block; without one, the line under the title when it is shaped like one.

    Without its colon a salutation reaches the rules as a subtitle (right under the title) or as
    the first body paragraph.
    """
    if any(b.kind == SALUTATION for b in ctx.blocks):
        yield next(i for i, b in enumerate(ctx.blocks) if b.kind == SALUTATION)
        return
    parts, repeats = title_blocks(ctx)
    after = max(parts + repeats) + 1 if parts else 0
    upward = doctype_part(title_text(ctx)).endswith(("报告", "请示")) and not \
        doctype_part(title_text(ctx)).endswith(("述职报告", "调研报告"))
    # Look past speaker and date lines (up to three short lines) to the first sentence.
    for i in range(after, min(after + 3, len(ctx.blocks) - 1)):
        b, nxt = ctx.blocks[i], ctx.blocks[i + 1]
        if b.kind not in (SUBTITLE, BODY) or b.series or "。" in b.text:
            return
        text = b.text.strip()
        if nxt.kind in (BODY, HEADING) and _salutation_shape_re().fullmatch(text) and (
                upward or _addressee_re().fullmatch(text)
                or (b.kind == BODY and i == after and "。" in nxt.text)):
            yield i
            return


def _check_salutation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i in _salutation_candidates(ctx):
        b = ctx.blocks[i]
        text = b.text.rstrip(" \u3000")
        if not text or text.endswith("："):
            continue
        if text[-1] in ":，,；;。.":
            now = "半角冒号“:”" if text[-1] == ":" else f"“{text[-1]}”"
            yield rule.at(i, len(text) - 1, len(text), "改为“：”", "：", now=f"，现为{now}",
                          name=text[:-1])
        else:
            yield rule.at(i, len(text), len(text), "在末尾加“：”", "：", now="", name=text)


# ---------------------------------------------------------------------------------------------
# S123–S124: placeholders and anonymised names
# ---------------------------------------------------------------------------------------------

# Units after a blank number (XX万元, 20XX年): some also begin names (XXX人大代表, XX所), so
# those count as units only before a mark or the end of the text.
_UNITS = "年月日号时分秒万亿千百元个名项次件条套辆吨米岁天倍%％‰亩斤株只头"
# Units of two characters whose first one also begins names: 人次 (人大), 平方米 (平台).
_UNIT_WORDS = ("人次", "平方", "公里", "公斤", "公顷", "千米", "万元", "亿元")
_UNITS_OR_NAMES = "人家所处院台座户批场届位期周"
_NAME_HEADS = "区县市局省镇乡村委办厅部处科室院校所司公集单街"


@functools.cache
def _xrun_re() -> re.Pattern:
    # Two or more X/×/○, a blank decimal or range (x.x%, x-x月), or a lone Latin X or x (a
    # lone × is a multiplication sign; a lone x counts only before a unit, see _xrun_is_blank).
    return re.compile(r"(?<![A-Za-z])(?:[XxＸｘ]+[.．\-—～~][XxＸｘ]+|[XxＸｘ]{2,}|×{2,}|○{2,})"
                      r"(?![A-Za-z])"
                      r"|(?<![A-Za-z0-9])[XＸxｘ](?![A-Za-z0-9])")


@functools.cache
def _star_re() -> re.Pattern:
    # Asterisks standing for a blanked number or name: *区, 20**年, ***同志, 香约**.
    return re.compile(r"[*＊]+")


@functools.cache
def _note_re() -> re.Pattern:
    # Editorial notes and fill-in slots: （插入2-3张现场图……）, [姓名/队伍名], 【去年同期xxxx】.
    return re.compile(r"[（(](?:此处)?(?:插入|附上?|配|放|补充|加)[^（）()\n]{0,30}?(?:图|照片|表格?|数据|附件)"
                      r"[^（）()\n]{0,20}[）)]"
                      r"|[\[［【][^\[\]［］【】\n/／]{1,10}[/／][^\[\]［］【】\n]{1,10}[\]］】]"
                      r"|[\[［【](?:姓名|名称|单位|单位名称|时间|日期|地点|数字|金额)[\]］】]")


@functools.cache
def _placeholder_re() -> re.Pattern:
    return re.compile(
        r"\{\{[^{}\n]{0,40}\}\}|[{｛][^{}｛｝\n]{0,20}[}｝]"
        r"|【[ \u3000]*(?:(?:待|请|需|此处|在此)[^】\n]{0,12})?[ \u3000]*】"
        r"|[\[［][ \u3000]*(?:(?:待|请|需|此处|在此)[^\]］\n]{0,12})?[ \u3000]*[\]］]"
        r"|[（(][ \u3000]*(?:待(?:补充|填写|填|定|核实|确认|完善|补)|此处[^）)\n]{0,10}"
        r"|请填写[^）)\n]{0,10})?[ \u3000]*[）)]"
        r"|(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])"
        r"|此处(?:填写|输入|插入|补充|添加)|在此(?:填写|输入)|请(?:在此)?填写")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@functools.cache
def _person_title_re() -> re.Pattern:
    # A person's name left blank (“由XXX同志负责”, “XXX局长”) must be filled in like a number.
    return re.compile(r"(?:同志|先生|女士|副?(?:局长|书记|主任|县长|市长|区长|镇长|乡长|处长|科长|部长|"
                      r"厅长|院长|校长|所长|站长|队长|组长|经理|董事长|秘书长|调研员))")


def _xrun_is_blank(text: str, m: re.Match) -> bool | None:
    """True: a blank for a number, date or person's name (错误); False: an anonymised name of a
    place or body (警告); None: neither."""
    before = text[m.start() - 1:m.start()]
    after = text[m.end():m.end() + 1]
    following = text[m.end() + 1:m.end() + 2]
    lone = len(m.group(0)) == 1
    if before.isdigit() or after.isdigit() or before == "第" or (before and before in "年月"):
        return True
    if _person_title_re().match(text, m.end()):
        return True
    if after and after in _UNITS or text.startswith(_UNIT_WORDS, m.end()):
        return True
    if after and after in _UNITS_OR_NAMES and not _is_cjk(following):
        return True
    if lone:
        # A lone X is a blank only before a place or unit word (X区, X局); else it is a letter.
        if m.group(0) in "xｘ":
            return None  # a lowercase x: only before a number's unit (会议x次, x亩), above
        if after and after in _NAME_HEADS or text.startswith("街道", m.end()):
            return False
        return None
    if not _is_cjk(after):
        return True  # 联系人：XXX。 电话：XXXX
    return False


def _check_placeholder(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, b in enumerate(ctx.blocks):
        text = b.text
        for m in _placeholder_re().finditer(text):
            if not protected(text, m.start(), m.end()):
                yield rule.at(i, m.start(), m.end(), "换成实际内容", text=m.group(0))
        for m in _xrun_re().finditer(text):
            if _xrun_is_blank(text, m) and not protected(text, m.start(), m.end()):
                yield rule.at(i, m.start(), m.end(), "换成实际的数字或名称", text=m.group(0))
        bold = [(m.start(), m.end()) for m in _bold_re().finditer(text)
                if not (m.start() and (_is_cjk(text[m.start() - 1]) or text[m.start() - 1].isdigit()))]
        for m in _star_re().finditer(text):
            if any(a <= m.start() < b for a, b in bold):
                continue  # **重点工作**: Markdown bold
            if _star_is_blank(text, m) and not protected(text, m.start(), m.end()):
                yield rule.at(i, m.start(), m.end(), "换成实际的数字或名称", text=m.group(0))
        for m in _note_re().finditer(text):
            if not protected(text, m.start(), m.end()):
                yield rule.at(i, m.start(), m.end(), "删去编写说明，换成实际内容", text=m.group(0))
        slots = [m.span() for m in re.finditer(r"[ \u3000]+", text)
                 if blank_slot(text, m.start(), m.end())]
        while slots:  # 截止 月 日: the blanks of one phrase are one finding
            a, z = slots.pop(0)
            while slots and slots[0][0] - z <= 2:
                z = slots.pop(0)[1]
            shown = text[max(0, a - 2):z + 1]
            yield Finding(rule.code, i, a, z, f"此处空位未填：“{shown}”缺了数字或内容。",
                          "补上实际内容", None)


@functools.cache
def _bold_re() -> re.Pattern:
    return re.compile(r"\*\*[^*，。；;,\n]{2,20}\*\*")


def _star_is_blank(text: str, m: re.Match) -> bool:
    """Asterisks next to a Han character or a digit (*区, 20**年, ***同志); a lone * after a
    word is a footnote mark (注*)."""
    before = text[m.start() - 1:m.start()]
    after = text[m.end():m.end() + 1]
    stars = len(m.group(0))
    if stars == 1 and after in ("", "）", ")", "：", ":") and _is_cjk(before):
        return False  # 注*, 单位*：
    return bool(before and (_is_cjk(before) or before.isdigit())
                or after and (_is_cjk(after) or after.isdigit()) or stars >= 3)


def _check_anonymised(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, b in enumerate(ctx.blocks):
        text = b.text
        for m in _xrun_re().finditer(text):
            if _xrun_is_blank(text, m) is False and not protected(text, m.start(), m.end()):
                yield rule.at(i, m.start(), m.end(), "换成实际的单位或地名", text=m.group(0))
        start = 0
        while (k := text.find("某某", start)) >= 0:
            yield rule.at(i, k, k + 2, "换成实际的名称", text="某某")
            start = k + 2


# ---------------------------------------------------------------------------------------------
# S125: sibling headings with the same title
# ---------------------------------------------------------------------------------------------

def _check_heading_repeated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for members in outline(ctx).groups.values():
        seen: dict[str, int] = {}
        for i in members:
            t = norm_title(title_of(ctx.blocks[i]))
            if not t:
                continue
            if t in seen:
                first = ctx.blocks[seen[t]]
                yield rule.at(i, *title_range(ctx.blocks[i]), "合并两部分，或改写其中一个标题",
                              title=t, other=first.text[:len(first.marker)] + title_of(first))
            else:
                seen[t] = i


# ---------------------------------------------------------------------------------------------
# S126: numbered items inside a paragraph (整改措施：1、……；2、……)
# ---------------------------------------------------------------------------------------------

@functools.cache
def _inline_number_re() -> re.Pattern:
    # An item number opens a clause: after ：；。 or the paragraph start, before a Han character.
    return re.compile(r"(?:(?<=[：:；;。])|^)[ \u3000]*(\d{1,2})([、.．]|[）)])(?=[\u4e00-\u9fff])")


def _check_inline_numbers(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, b in enumerate(ctx.blocks):
        if b.kind != BODY:
            continue
        text = b.text
        items = [m for m in _inline_number_re().finditer(text) if m.start(1) > 0]
        if len(items) < 2 or int(items[0].group(1)) != 1:
            continue
        forms = [m.group(2).replace("．", ".").replace(")", "）") for m in items]
        want = max(set(forms), key=forms.count)
        expected = 1
        for m, form in zip(items, forms):
            n = int(m.group(1))
            if n != expected:
                yield rule.at(i, m.start(1), m.end(2), "按顺序编号", text=m.group(1) + m.group(2),
                              problem=f"应为“{expected}{want}”，编号不连续")
            elif form != want:
                yield rule.at(i, m.start(1), m.end(2), f"改为“{n}{want}”", text=m.group(1) + m.group(2),
                              problem=f"与同段其他各项的“{want}”写法不一致")
            expected = n + 1


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------

RULES = (
    Rule(
        code="S101", name="heading-number-gap", severity=ERROR,
        message="标题序号“{marker}”跳号：前面缺少{missing}。",
        basis=GBT9704_733,
        summary="同一上级标题下的同级标题应从“一”或“1”起连续编号。跳号多是删改条目后没有重排序号，"
                "读者会以为漏了内容。",
        check=_check_gap,
        fails=("一、主要做法\n二、存在问题\n四、下一步打算\n",
               "一、主要做法\n（一）建立机制\n（三）强化保障\n二、存在问题\n三、下一步打算\n",
               "一、主要做法\n1.建立高位推进机制。全面推进落实。\n3.建立联席会议机制。定期召开会议。\n"),
        passes=("一、主要做法\n（一）建立机制\n1.建立议事规则。\n2.建立督查机制。\n（二）强化保障\n3.加强经费保障。\n"
                "4.加强人员保障。\n二、存在问题\n",
                "一、主要做法\n（一）建立机制\n（二）强化保障\n二、存在问题\n（一）认识不足\n（二）力度不够\n",
                "一、主要做法\n1.建立机制。全年投入2.5亿元。\n2.强化保障。增长3.5%。\n二、存在问题\n",
                # “1.” above “（一）” is a level-1 heading: 3. goes on from 2., not from under （二）
                "1.经济运行情况\n上半年增长6.5%。\n2.重点工作\n（一）项目建设\n引进项目8个。\n（二）乡村振兴\n"
                "抓好粮食生产。\n3.下一步打算\n抓好落实。\n"),
    ),
    Rule(
        code="S102", name="heading-number-duplicate", severity=ERROR,
        message="标题序号“{marker}”与前面的同级序号重复。",
        basis=GBT9704_733,
        summary="同一上级标题下，同级序号不能出现两次（两个“（二）”）。多是复制段落后忘了改号。",
        check=_check_duplicate,
        fails=("一、主要做法\n（一）建立机制\n（二）强化保障\n（二）完善制度\n二、存在问题\n",
               "一、主要做法\n二、存在问题\n二、下一步打算\n"),
        passes=("一、主要做法\n（一）建立机制\n（二）强化保障\n二、存在问题\n（一）认识不足\n（二）力度不够\n",
                "一、主要做法\n1.建立机制。推动落实。\n2.强化保障。确保实效。\n"),
    ),
    Rule(
        code="S103", name="heading-number-restart", severity=WARNING,
        message="标题序号“{marker}”在同一上级标题下重新从头编号。",
        basis=GBT9704_733,
        summary="同级序号只在新的上级标题下才从“一”“1”重新开始；同一部分里重新编号，通常是漏了上一级标题"
                "或把两组条目混在一起。",
        check=_check_restart,
        fails=("一、主要做法\n（一）建立机制\n（二）强化保障\n（一）完善制度\n",
               "一、主要做法\n1.建立机制。推动落实。\n2.强化保障。确保实效。\n1.完善制度。形成闭环。\n"),
        passes=("一、主要做法\n（一）建立机制\n1.建立议事规则。提高效能。\n（二）强化保障\n1.强化能力保障。提高本领。\n",
                "一、主要做法\n（一）建立机制\n二、存在问题\n（一）认识不足\n"),
    ),
    Rule(
        code="S104", name="heading-marker-form", severity=ERROR, fix=True,
        message="{level}标题序号“{marker}”写法不对，应为“{want}”（{level}标题用{form}）。",
        basis="GB/T 9704-2012 7.3.3；GB/T 15834-2011 附录A（序次语之后的标点）",
        summary="结构层次序数依次为“一、”“（一）”“1.”“（1）”：“一”后用顿号，“（一）”“（1）”后不加标点，"
                "“1”后用半角下脚点，括号用全角。写成“一.”“(一)”“1、”“1)”的，可自动改正。层级按文档的层次判断："
                "用在“（一）”之上的“1、”是一级标题，应为“一、”；层次看不清时只提示，不自动改。",
        check=_check_marker_form,
        fails=("一.主要做法\n二.存在问题\n",
               "一、主要做法\n(一)建立机制\n(二)强化保障\n",
               "一、主要做法\n（一）、建立机制\n（二）、强化保障\n",
               "一、主要做法\n（一）建立机制\n1、建立议事规则\n2、建立督查机制\n",
               "1、经济运行情况\n上半年增长6.5%。\n2、重点工作\n（一）项目建设\n引进项目8个。\n（二）乡村振兴\n"
               "抓好粮食生产。\n3、下一步打算\n抓好落实。\n"),
        passes=("一、主要做法\n（一）建立机制\n1.建立议事规则。全年投入2.5亿元。\n2.建立督查机制。增长3.5%。\n",
                "一、主要做法\n（一）建立机制\n1.建立议事规则\n（1）明确议事范围\n（2）规范议事程序\n"),
    ),
    Rule(
        code="S105", name="heading-level-skipped", severity=INFO,
        message="“{marker}”直接用在“{parent}”下，跳过了{missing}一级。",
        basis=GBT9704_733,
        summary="层次序数依次为“一、”“（一）”“1.”“（1）”。短文中“一、”下直接用“1.”较常见，故只作提示；"
                "层次多时应逐级使用，避免读者分不清层级。",
        check=_check_level_skipped,
        fails=("一、主要做法\n1.建立机制。推动落实。\n2.强化保障。确保实效。\n",
               "一、主要做法\n（一）建立机制\n（1）明确范围\n（2）规范程序\n"),
        passes=("一、主要做法\n（一）建立机制\n1.建立议事规则。提高效能。\n2.建立督查机制。确保实效。\n",
                "（一）建立机制\n1.建立议事规则。提高效能。\n"),
    ),
    Rule(
        code="S106", name="heading-lone-child", severity=WARNING,
        message="同级只有“{marker}”一项，没有{second}：只有一项时不必编号，或补上漏掉的内容。",
        basis="写作惯例（GB/T 9704-2012 7.3.3 层次序数）",
        summary="编号是为了区分并列的几项；只有“（一）”没有“（二）”，要么漏了内容，要么不必分层。",
        check=_check_lone,
        fails=("一、主要做法\n（一）建立机制\n二、存在问题\n（一）认识不足\n（二）力度不够\n",
               "一、主要做法\n（一）建立机制\n1.建立议事规则。提高效能。\n（二）强化保障\n1.强化能力保障。提高本领。\n2.强化作风保障。转变作风。\n"),
        passes=("一、主要做法\n（一）建立机制\n（二）强化保障\n二、存在问题\n（一）认识不足\n（二）力度不够\n",
                "一、主要做法\n二、存在问题\n"),
    ),
    Rule(
        code="S107", name="count-word-mismatch", severity=ERROR,
        message="“{word}”说的是{said}项，下面实际有{actual}。",
        basis="写作惯例（《党政机关公文处理工作条例》第十九条：准确）",
        summary="标题或导语里的数量词（“三大机制”“从四个方面”“以下三点”“三项举措：”“三件事”）要与下面的"
                "条目数一致；增删条目后常忘了改。只检查标题、部分开头的导语段和引出条目的那句话"
                "（“围绕三大举措抓好落实：一是……”“实施了三项举措。”后接（一）（二）），且只在下面确有条目时检查；"
                "“三大攻坚战”“两个维护”等固定提法、党代会届次和书名号内的数不算。",
        check=_check_count_words,
        fails=("一、主要做法\n（一）构建“三大机制”，凝聚合力抓落实\n1.建立高位推进机制。推动落实。\n"
               "2.建立督查倒逼机制。确保实效。\n",
               "一、存在问题\n主要有以下三点：一是认识不足；二是力度不够。\n",
               "三、下一步打算\n下一步，我们将从四个方面抓好落实。\n一是提高认识。要把抓落实作为政治自觉。\n"
               "二是加大力度。强化督查考核。\n三是完善措施。健全长效机制。\n",
               "3、下一步打算\n我们将围绕“三大举措”抓好落实:一是强化项目服务;二是加强基层治理。\n",
               "一、主要做法\n我们重点实施了三项举措。\n（一）强化项目服务\n做好服务。\n（二）加强基层治理\n抓好治理。\n"),
        passes=("一、主要做法\n今年以来，我们重点抓了三项工作：一是加强组织领导，成立专班。\n"
                "二是完善制度体系，出台办法5项。\n三是强化督查考核，开展督查12次。\n",
                "一、主要做法\n（一）构建“三大机制”，凝聚合力抓落实\n1.建立高位推进机制。推动落实。\n"
                "2.建立督查倒逼机制。确保实效。\n3.建立联席会议机制。定期会商。\n",
                "一、主要做法\n（一）建立机制\n1.建立议事规则。推动建立“三大攻坚战”推进机制。\n"
                "2.建立督查机制。全年投入2.5亿元。\n",
                "一、主要做法\n（一）坚决打好“三大攻坚战”\n1.防范化解重大风险。守牢底线。\n"
                "2.推进精准脱贫。巩固成果。\n",
                "一、主要做法\n全市形成三大产业集群，带动三大产业协调发展。\n（一）强化项目服务\n做好服务。\n"
                "（二）加强基层治理\n抓好治理。\n",
                "三、下一步打算\n要打好三大攻坚战，做到“两个维护”：一是强化项目服务；二是加强基层治理。\n"),
    ),
    Rule(
        code="S108", name="series-numbering", severity=ERROR,
        message="“{mark}”{problem}：“一是、二是”应连续编号。",
        basis="写作惯例（GB/T 15834-2011 附录A 序次语）",
        summary="“一是……二是……”等序次语应从“一”起连续编号，不跳号、不重复。",
        check=_check_series_numbering,
        fails=("二、存在问题\n一是认识不足。有的同志瞻前顾后。\n三是措施不多。缺乏有效办法。\n",
               "二、存在问题\n主要表现在：一是认识不足；二是力度不够；二是措施不多。\n"),
        passes=("二、存在问题\n一是认识不足。有的同志瞻前顾后。\n二是力度不够。习惯于听汇报。\n",
                "二、存在问题\n第一时间明确任务，统一是前提。一是认识不足；二是力度不够。\n"),
    ),
    Rule(
        code="S109", name="series-mixed-markers", severity=WARNING,
        message="序次语混用：前面用“{first}”，这里用“{mark}”。",
        basis="GB/T 15834-2011 附录A（序次语不宜混用）；写作惯例",
        summary="同一组并列事项用同一套序次语：“一是、二是”“第一、第二”“首先、其次”不要混用"
                "（如“首先……其次……第三”）。",
        check=_check_series_mixed,
        fails=("二、存在问题\n主要有：一是认识不足；二是力度不够；第三，措施不多。\n",
               "下一步，首先，要提高认识。其次，要加大力度。第三，要完善措施。\n",
               "（四）抓好作风建设\n坚持首先抓学习，其次抓落实，第三抓督查，确保各项工作落到实处。\n"),
        passes=("二、存在问题\n主要有：一是认识不足；二是力度不够；三是措施不多。\n",
                "下一步，首先，要提高认识。其次，要加大力度。第一时间跟进督办。\n",
                "首先要提高认识，其次要加大力度，第三季度完成验收。\n"),
    ),
    Rule(
        code="S110", name="series-single-item", severity=WARNING,
        message="只有“{mark}”，没有“二是”。",
        basis="写作惯例",
        summary="“一是”表示下面还有“二是”；只有一项时去掉“一是”直接叙述，或补上漏掉的内容。",
        check=_check_series_single,
        fails=("二、存在问题\n主要是：一是认识不足，有的同志瞻前顾后。\n",
               "二、存在问题\n一是认识不足。有的同志瞻前顾后。\n三、下一步打算\n"),
        passes=("第一、第三产业协调发展，第一、二轮督察反馈问题全部整改。\n",
                "二、存在问题\n主要是：一是认识不足；二是力度不够。\n",
                "二、存在问题\n这一问题统一是前提，其一是否到位尚需研究。\n"),
    ),
    Rule(
        code="S111", name="series-inconsistent-endings", severity=WARNING,
        message="“{mark}”一项以{ending}结尾，其他项用“{usual}”：并列各项末尾标点应一致。",
        basis="GB/T 15834-2011 4.6（分号）；写作惯例",
        summary="一组“一是……二是……”中，各项之间统一用分号（各项内部已有句号时统一用句号），不要有的用分号有的用句号。",
        check=_check_series_endings,
        fails=("二、存在问题\n主要有：一是认识不足；二是力度不够。三是措施不多；四是作风不实。\n",
               "二、存在问题\n一是认识不足；\n二是力度不够。\n三是措施不多；\n四是作风不实。\n"),
        passes=("二、存在问题\n主要有：一是认识不足；二是力度不够；三是措施不多。\n",
                "二、存在问题\n一是认识不足。有的同志瞻前顾后。\n二是力度不够。习惯于听汇报。\n三是措施不多。缺乏办法。\n"),
    ),
    Rule(
        code="S112", name="required-section-missing", severity=WARNING,
        message="{kind}缺少“{part}”部分：一级标题中没有含“{words}”等字样的标题。",
        basis="写作惯例（报告类型的必需部分）",
        summary="工作情况汇报、工作总结一般由主要做法和成效、存在的问题、下一步打算三部分组成；"
                "按一级标题中的关键词识别各部分，缺少一部分时提醒。",
        check=_check_required_sections,
        fails=("关于2025年工作情况的汇报\n一、主要做法和成效\n今年以来，我办扎实推进各项工作。\n"
               "二、下一步工作打算\n我们将继续努力。\n",
               "区政府办公室2025年工作总结\n一、主要工作\n全年完成各项任务。\n二、存在的问题\n"
               "服务意识有待增强。\n",
               # a title that ends with “。” still names the kind (调研报告: 对策建议 is required)
               "关于临江经开区企业用工情况的调研报告。\n市人社局调研组\n为摸清企业用工情况，调研组开展了调研。\n"
               "一、基本情况\n现有规上企业486家。\n二、存在的问题\n招工难问题依然突出。\n"),
        passes=("关于2025年工作情况的汇报\n一、主要做法和成效\n今年以来，我办扎实推进各项工作。\n"
                "二、存在的困难和问题\n人员力量不足。\n三、下一步工作建议\n我们将继续努力。\n",
                "关于召开全区安全生产工作会议的通知\n一、会议时间\n2025年3月5日。\n二、参会人员\n各街道负责同志。\n"),
    ),
    Rule(
        code="S113", name="heading-end-punctuation", severity=WARNING, fix=True,
        message="单独成行的{level}标题末尾不加“{mark}”。",
        basis="写作惯例（GB/T 9704-2012 7.3.3；独立成行的标题末尾不用标点）",
        summary="独占一行的一级、二级标题末尾不加标点；三级、四级标题独占一行时可不加或加句号，但不用逗号、"
                "分号。与正文连排的标题（“1.建立机制。正文……”）以句号结束，不在此列。",
        check=_check_heading_end,
        fails=("一、主要经验和做法。\n（一）构建三大机制\n（二）突出三大职能\n",
               "一、主要经验和做法\n（一）构建三大机制，\n建立高位推进机制。\n（二）突出三大职能\n强化信息反馈。\n",
               "一、主要做法\n（一）建立机制\n1.建立议事规则；\n明确议事范围。\n2.建立督查机制；\n强化督查。\n"),
        passes=("三、工作要求\n（一）企业主体责任落实情况。\n（二）隐患排查治理情况。\n四、有关要求\n",
                "一、主要经验和做法\n（一）构建“三大机制”，凝聚合力抓落实\n1.建立高位推进机制。推动落实。\n",
                "一、主要做法\n（一）建立机制\n1.建立议事规则。\n明确议事范围。\n2.建立督查机制。\n强化督查。\n",
                "第一章 总则\n一、根据有关法律法规，结合本县实际，制定本规则。\n"
                "二、县政府工作人员要旗帜鲜明讲政治，增强“四个意识”，坚定“四个自信”，做到“两个维护”，"
                "在县委领导下开展工作，不断提高政治判断力、政治领悟力、政治执行力。\n"),
    ),
    Rule(
        code="S114", name="title-end-punctuation", severity=ERROR, fix=True,
        message="标题末尾不加“{mark}”。",
        basis="写作惯例（公文标题除书名号等外一般不用标点，末尾不加句号）",
        summary="公文标题末尾不用标点符号。",
        check=_check_title_end,
        fails=("关于贯彻落实重大决策部署工作情况的报告。\n\n市政府：\n现将有关情况报告如下。\n",
               "关于开展安全生产大检查的通知，\n\n各街道：\n现将有关事项通知如下。\n"),
        passes=("关于贯彻落实重大决策部署工作情况的报告\n\n市政府：\n现将有关情况报告如下。\n",
                "关于印发《2025年工作要点》的通知\n\n各街道：\n现将要点印发给你们。\n"),
    ),
    Rule(
        code="S115", name="title-halfwidth-punctuation", severity=ERROR, fix=True,
        message="标题中的“{mark}”是半角符号，应为全角“{want}”。",
        basis="GB/T 15834-2011（中文文本的标点用全角形式）",
        summary="标题是中文文本，其中的逗号、顿号、冒号、括号、引号应用全角形式；可自动改正。",
        check=_check_title_halfwidth,
        fails=("关于印发《安全生产管理办法(试行)》的通知\n\n各街道：\n现印发给你们。\n",
               "X区人民政府办公室关于贯彻落实中央,省,市重大决策部署工作情况的报告\n\n市政府：\n现报告如下。\n"),
        passes=("关于贯彻落实中央、省、市重大决策部署工作情况的报告\n\n市政府：\n现报告如下。\n",
                "关于开展ISO 9001:2015质量管理体系认证的通知\n\n各单位：\n现通知如下。\n"),
    ),
    Rule(
        code="S116", name="title-repeated", severity=ERROR,
        message="标题“{title}”重复出现。",
        basis="GB/T 9704-2012 7.3.1（标题）",
        summary="标题只写一次。从网上或其他文件复制来的材料常把标题带进两遍，排版前删去重复的一行。",
        check=_check_title_repeated,
        fails=("关于贯彻落实重大决策部署工作情况的报告\n关于贯彻落实重大决策部署工作情况的报告\n\n"
               "市政府：\n现将有关情况报告如下。\n",),
        passes=("关于贯彻落实重大决策部署工作情况的报告\n\n市政府：\n现将有关情况报告如下。\n",
                "关于贯彻落实重大决策部署\n工作情况的报告\n\n市政府：\n现将有关情况报告如下。\n"),
    ),
    Rule(
        code="S117", name="title-letter-spaced", severity=WARNING, fix=True,
        message="标题“{text}”字间加了空格，应为“{fixed}”。",
        basis="GB/T 9704-2012 7.3.1（标题排布）",
        summary="标题字距由排版控制，不要在字与字之间（包括数字两侧）敲空格；空格会破坏检索、复制和自动排版。",
        check=_check_title_spaced,
        fails=("工 作 报 告\n\n市政府：\n现将有关情况报告如下。\n",
               "关于2025年工作情况的汇 报 材 料\n\n各位领导：\n现汇报如下。\n",
               "关 于 2026 年 上 半 年 医 保 基 金 监 管 工 作 情 况 的 报 告\n市医疗保障局：\n现报告如下。\n"),
        passes=("关于2025年工作情况的报告\n\n市政府：\n现将有关情况报告如下。\n",
                "关于开展ISO 9001 质量体系认证的通知\n\n各单位：\n现通知如下。\n"),
    ),
    Rule(
        code="S118", name="title-huibao", severity=INFO,
        message="“汇报”不是法定公文文种：正式上报的公文标题应为“关于……的报告”，“……汇报”只宜作会议材料。",
        basis="《党政机关公文处理工作条例》第八条",
        summary="条例第八条规定的15种文种中有“报告”没有“汇报”。向会议或领导口头汇报的材料可以叫“汇报”，"
                "正式行文上报应使用“报告”。",
        check=_check_title_huibao,
        fails=("X区人民政府办公室关于贯彻落实重大决策部署工作情况汇报\n\n尊敬的各位领导：\n现汇报如下。\n",
               "关于2025年安全生产工作的汇报\n\n各位领导：\n现汇报如下。\n"),
        passes=("关于贯彻落实重大决策部署工作情况的报告\n\n市政府：\n现将有关情况报告如下。\n",
                "关于听取工作汇报的通知\n\n各街道：\n现通知如下。\n"),
    ),
    Rule(
        code="S119", name="title-missing-doctype", severity=WARNING,
        message="标题用了“关于”，但末尾没有文种（“……{tail}”）。",
        basis="《党政机关公文处理工作条例》第九条（标题由发文机关名称、事由和文种组成）",
        summary="“关于……”式标题应以文种结尾，如“关于……的报告”“关于……的通知”“关于……的请示”。",
        check=_check_title_doctype,
        fails=("关于贯彻落实重大决策部署工作情况\n\n市政府：\n现将有关情况报告如下。\n",
               "区政府办公室关于开展安全生产大检查\n\n各街道：\n现将有关事项通知如下。\n"),
        passes=("关于贯彻落实重大决策部署工作情况的报告\n\n市政府：\n现将有关情况报告如下。\n",
                "关于印发《2025年工作要点》的通知（征求意见稿）\n\n各街道：\n现印发给你们。\n"),
    ),
    Rule(
        code="S120", name="report-title-form", severity=INFO,
        message="报告标题{what}：规范形式为“（发文机关）关于……的报告”。",
        basis="《党政机关公文处理工作条例》第九条；写作惯例",
        summary="报告的标题一般写作“××关于……的报告”；述职报告、调研报告等专用名称，以及法规规定了"
                "写法的标题（……政府信息公开工作年度报告、……年度法治政府建设情况报告）不在此列。",
        check=_check_report_title,
        fails=("区政府办公室2025年上半年工作情况报告\n\n市政府：\n现将有关情况报告如下。\n",
               "关于2025年上半年工作情况报告\n\n市政府：\n现将有关情况报告如下。\n"),
        passes=("关于2025年上半年工作情况的报告\n\n市政府：\n现将有关情况报告如下。\n",
                "2025年度个人述职报告\n\n各位领导：\n现将履职情况报告如下。\n",
                "XX街道2021年政府信息公开工作年度报告\n\n一、总体情况\n全年主动公开信息42条。\n",
                "XX区2023年度法治政府建设情况报告\n\n一、主要举措和成效\n全年制定规范性文件5件。\n"),
    ),
    Rule(
        code="S121", name="report-carries-request", severity=ERROR,
        message="报告中不得夹带请示事项（“{phrase}”）。",
        basis="《党政机关公文处理工作条例》第十五条",
        summary="报告用于向上级汇报工作、反映情况，不得夹带请示事项；需要上级批准的事项应另行请示。"
                "“请批示”“请领导审阅批示”“妥否”“当否”等只用于请示（用语见词表 request-phrases，"
                "可用 extends 增删）。",
        check=_check_report_request,
        fails=("关于2025年上半年工作情况的报告\n\n市政府：\n今年以来，我办扎实推进各项工作。\n以上报告妥否，请批示。\n",
               "2025年上半年工作情况汇报\n\n各位领导：\n今年以来，我办扎实推进各项工作。\n妥否，请批示。\n",
               "关于创建工作的情况汇报\n\n区政府：\n恳请区政府在资金上给予支持。\n",
               "关于防汛工作情况的报告\n\n市政府：\n建议增拨防汛经费200万元，请予批准。\n",
               "关于2026年上半年医保基金监管工作情况的报告\n市医疗保障局：\n二、主要做法\n加大查处力度。\n"
               "以上报告，请领导批示。\n"),
        passes=("关于追加防汛经费的请示\n\n市政府：\n建议增拨防汛经费200万元。妥否，请批示。\n",
                "关于2025年上半年工作情况的报告\n\n市政府：\n我办已就经费问题另行请示。领导批示件均已落实，应当否决的事项已否决。\n"),
    ),
    Rule(
        code="S122", name="salutation-colon", severity=ERROR, fix=True,
        message="称谓（主送机关）“{name}”后应加全角冒号“：”{now}。",
        basis="GB/T 9704-2012 7.3.2",
        summary="主送机关（称谓）顶格写，最后一个名称后标全角冒号。",
        check=_check_salutation,
        fails=("关于2025年工作情况的汇报\n\n尊敬的各位领导:\n现将有关情况汇报如下。\n",
               "关于2025年工作情况的报告\n\n市政府，\n现将有关情况报告如下。\n"),
        passes=("关于2025年工作情况的汇报\n\n尊敬的各位领导：\n现将有关情况汇报如下。\n",
                "关于2025年工作情况的报告\n\n市政府：\n会议于9:30召开，详见https://www.gov.cn/a.html。\n"),
    ),
    Rule(
        code="S123", name="placeholder-left", severity=ERROR,
        message="留有未替换的占位符“{text}”。",
        basis="《党政机关公文处理工作条例》第十九条（内容准确）",
        summary="模板或草稿中的占位符（XX万元、20XX年、XXX同志、x.x%、X亩、*区、20**年、【待补充】、{{单位}}、"
                "[姓名/队伍名]、（插入2-3张现场图）、TODO、此处填写）和空着没填的位置（截止 月 日、将 座新建）"
                "必须在印发前换成实际内容。空位不当作多余空格删去，删了就看不出缺了什么。",
        check=_check_placeholder,
        fails=("今年以来，全区共投入资金XX万元，完成项目XXX个。\n",
               "播种面积X亩，召开会议x次，同比增长x.x%，x-x月完成。\n",
               "*区共召开会议*次，20**年完成***同志交办的任务。\n",
               "参赛队伍：[姓名/队伍名]。\n（插入2-3张现场图片）\n",
               "截止 月 日，全市将 座新建学校投入使用。\n",
               "此项工作由XXX同志负责，XX局长督办。\n",
               "【待补充】\n",
               "会议定于20XX年X月X日召开，联系人：XXX。\n",
               "{{单位}}关于2025年工作情况的报告\n\n市政府：\n现报告如下。\n"),
        passes=("今年以来，全区共投入资金2.5亿元，完成项目36个，通过ISO 9001:2015认证。\n",
                "**重点工作**全部完成，检测x射线设备，注*：数据为初步统计。\n",
                "上海市市长 龚 正\n",
                "详见附件《X射线设备管理办法》，访问https://www.gov.cn/xxgk/index.html，"
                "邮箱aj@xx.gov.cn。\n"),
    ),
    Rule(
        code="S124", name="anonymised-name", severity=WARNING,
        message="“{text}”像是隐去的名称（XX区、某某局），请换成实际名称。",
        basis="写作惯例（《党政机关公文处理工作条例》第十九条：内容准确）",
        summary="从范文改写的材料常保留“XXX区”“X县”“某某局”等隐名；正式材料应写实际名称。"
                "只作警告，因为范文、案例材料可能有意隐去名称。",
        check=_check_anonymised,
        fails=("近年来，XXX区政府办公室坚决贯彻落实重大决策部署。\n",
               "X区人民政府办公室关于2025年工作情况的汇报\n\n各位领导：\n现汇报如下。\n",
               "某某局积极配合，推动工作落实。\n"),
        passes=("近年来，区政府办公室坚决贯彻落实重大决策部署，配备X射线安检设备3台。\n",
                "此项工作由XXX同志负责。\n",
                "某区某街道积极配合，推动工作落实，详见https://www.gov.cn/xxgk/。\n"),
    ),
    Rule(
        code="S125", name="heading-repeated", severity=WARNING,
        message="同级标题“{title}”与前面的“{other}”文字相同。",
        basis="写作惯例",
        summary="同一上级标题下两个同级标题文字相同，多是复制后忘了改写，或同一内容分散在两处。",
        check=_check_heading_repeated,
        fails=("一、主要做法\n（一）建立机制\n（二）强化保障\n（三）建立机制\n",
               "一、主要做法\n二、主要做法\n"),
        passes=("一、主要做法\n（一）建立机制\n二、存在问题\n（一）建立机制\n",
                "一、主要做法\n（一）建立机制\n（二）强化保障\n"),
    ),
    Rule(
        code="S126", name="inline-numbering", severity=WARNING,
        message="段内编号“{text}”{problem}。",
        basis="GB/T 9704-2012 7.3.3；写作惯例",
        summary="一段之内列出的几项（整改措施：1.……；2.……）也要从 1 起连续编号，写法统一"
                "（都用“1.”或都用“1、”）。",
        check=_check_inline_numbers,
        fails=("整改措施：1、加强领导；2.完善制度；3、强化督查。\n",
               "整改措施：1.加强领导；2.完善制度；4.强化督查。\n"),
        passes=("整改措施：1.加强领导；2.完善制度；3.强化督查。\n",
                "全年增长2.5%，完成投资3.6亿元；20.2026年10件民生实事全部完成。\n"),
    ),
)

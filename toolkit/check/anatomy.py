"""A document's anatomy as the checks see it: heading levels, 一是 series, parts and the title."""

from __future__ import annotations

import functools
import re
import weakref
from dataclasses import dataclass, field

from toolkit.check.engine import Context
from toolkit.core.document import BODY, HEADING, SALUTATION, SUBTITLE, TITLE, Block
from toolkit.core.numerals import parse_chinese

GBT9704_733 = "GB/T 9704-2012 7.3.3"
LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
FORMS = {1: "“一、”", 2: "“（一）”", 3: "“1.”", 4: "“（1）”"}

# ---------------------------------------------------------------------------------------------
# The outline of a document: who is whose parent, sibling groups, series. Computed once per
# Context and shared by every S and L rule.
# ---------------------------------------------------------------------------------------------

_CN = "一二三四五六七八九十百〇零两"


@functools.cache
def _number_re() -> re.Pattern:
    return re.compile(r"[（(]?\s*([" + _CN + r"]+|[0-9０-９]+)")


def level_of(block: Block) -> int:
    """A heading's level for the outline: circled ① ② count as a fifth level.

    GB/T 9704 names four levels; offices use ① below （1）, and a ① list must not be taken for
    siblings of the （1） headings above it. (⑴ and ⒈ stand in for （1） and 1.: wrong forms.)
    """
    if block.marker and "\u2460" <= block.marker[0] <= "\u2473":
        return 5
    return block.level


def marker_of(block: Block) -> str:
    """The numbering marker as written at the start of a heading, including a stray “、” or “.”.

    The parser keeps the marker as written; a mark that follows “（一）” or “（1）” (“（一）、”) is a
    part of the wrong form, so it is taken in here when the parser left it out.
    """
    mark = block.marker.strip()
    if not mark or not block.text.startswith(mark):
        return ""
    if block.level in (2, 4) and mark[-1] in "）)":
        nxt = block.text[len(mark):len(mark) + 1]
        if nxt and nxt in "、.．，,":
            mark += nxt
    return mark


def heading_number(block: Block) -> int | None:
    """The number a heading's marker says (一 → 1, （3） → 3), or None."""
    mark = block.marker or ""
    if mark and "\u2460" <= mark[0] <= "\u249b":
        c = ord(mark[0])
        return c - 0x2460 + 1 if c <= 0x2473 else c - 0x2474 + 1 if c <= 0x2487 else c - 0x2488 + 1
    m = _number_re().match(mark)
    if not m:
        return None
    digits = m.group(1)
    if digits[0] in _CN:
        return parse_chinese(digits)
    try:
        return int(digits)
    except ValueError:
        return None


@functools.cache
def _series_marker_re() -> re.Pattern:
    return re.compile(r"([一二三四五六七八九十]{1,3})([是要])|第([一二三四五六七八九十]{1,3})|"
                      r"(首先|其次|再次)|其([一二三四五六七八九十])")


_ADVERB_ORDER = {"首先": 1, "其次": 2, "再次": 3}


def series_value(mark: str) -> tuple[int | None, str]:
    """(ordinal, family) of a series marker: 三是 → (3, 是), 第二 → (2, 第), 其次 → (2, 首)."""
    m = _series_marker_re().match(mark or "")
    if not m:
        return None, ""
    if m.group(1):
        return parse_chinese(m.group(1)), m.group(2)
    if m.group(3):
        return parse_chinese(m.group(3)), "第"
    if m.group(4):
        return _ADVERB_ORDER[m.group(4)], "首"
    return parse_chinese(m.group(5)), "其"


FAMILY_NAMES = {"是": "一是、二是", "要": "一要、二要", "第": "第一、第二", "首": "首先、其次",
                "其": "其一、其二"}


@dataclass
class Item:
    """One item of a 一是/二是 series: a paragraph (whole block) or a marker inside a paragraph."""

    block: int
    start: int  # offset of the marker in the block's text
    end: int  # end of the marker
    value: int | None
    family: str
    mark: str
    stop: int = 0  # end of the item's text (next marker or end of paragraph)


@dataclass
class Outline:
    """Parents, sibling groups, sections and series of a document."""

    parent: list[int]  # per block: the innermost heading it stands under, or -1
    end: dict[int, int]  # heading index -> index just past its section
    groups: dict[tuple[int, int], list[int]]  # (parent, level) -> sibling headings in order
    series: list[list[Item]] = field(default_factory=list)  # series of 一是 paragraphs
    inline: dict[int, list[list[Item]]] = field(default_factory=dict)  # block -> its inline runs
    # heading -> the level the document's hierarchy gives it where that differs from its marker's
    # (“1、” above “（一）” is a level-1 heading); `unsure`: headings whose level cannot be told
    inferred: dict[int, int] = field(default_factory=dict)
    unsure: set[int] = field(default_factory=set)

    def level(self, blocks: list[Block], i: int) -> int:
        """The level of heading i in this outline: inferred from the hierarchy, or its marker's."""
        return self.inferred.get(i) or level_of(blocks[i])

    def children(self, h: int) -> list[int]:
        """Direct child headings of heading h (-1: the top), at the highest level present."""
        levels = [lvl for (p, lvl) in self.groups if p == h]
        return self.groups[(h, min(levels))] if levels else []


# Per-Context analyses: a Context lives for one check run, so an entry never goes stale.
_OUTLINES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_TITLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def outline(ctx: Context) -> Outline:
    """The Outline of ctx's document, built on first use."""
    found = _OUTLINES.get(ctx)
    if found is None:
        found = _OUTLINES[ctx] = _build_outline(ctx.blocks)
    return found


def level_at(ctx: Context, i: int) -> int:
    """The level of heading i as the document's hierarchy shows it (see _inferred_levels)."""
    return outline(ctx).level(ctx.blocks, i)


def _family(block: Block) -> str:
    """A marker's form without its number: “1、” and “12、” → “、”, “（3）” → “（）”."""
    return re.sub(r"[0-9０-９一二三四五六七八九十百〇零两]+", "", block.marker.strip())


def _inferred_levels(blocks: list[Block]) -> tuple[dict[int, int], set[int]]:
    """Headings whose marker means a deeper level than the place they hold in the document.

    Drafts typed in a chat window often number their top headings “1、” and put “（一）” under them:
    a marker used above a level-2 heading is a level-1 heading whatever its form. This applies when
    the document has no “一、” headings, opens with such a heading and at least one of them has a
    “（一）” right under it. The top sequence goes on after the “（一）” headings where the numbering
    continues it (“2、 … （一）（二） … 3、”); a heading of the same form that continues neither the top
    numbering nor the one under the “（一）” heading (or both) is unsure: its level is not certain.
    """
    heads = [(i, level_of(b)) for i, b in enumerate(blocks)
             if b.kind == HEADING and 1 <= b.level <= 4]
    if not heads or heads[0][1] not in (3, 4) or any(lvl == 1 for _, lvl in heads):
        return {}, set()
    top, family = heads[0][1], _family(blocks[heads[0][0]])
    inferred: dict[int, int] = {}
    unsure: set[int] = set()
    child_level = 0
    top_prev, nested_prev, under = 0, 0, False
    for k, (i, lvl) in enumerate(heads):
        if lvl < top:
            under, nested_prev = True, 0
            continue
        if lvl != top or _family(blocks[i]) != family:
            continue
        n = heading_number(blocks[i]) or 0
        if under:
            goes_on, nested = n == top_prev + 1, n == nested_prev + 1
            if goes_on == nested:  # both or neither
                unsure.add(i)
            if not goes_on or nested:
                nested_prev = n
                continue
        inferred[i] = 0  # placed at the top; its level is set below
        top_prev, nested_prev, under = n, 0, False
        if k + 1 < len(heads):
            j, below = heads[k + 1]
            if below < top and heading_number(blocks[j]) == 1:
                child_level = child_level or below
    if not child_level or child_level < 2:
        return {}, set()
    return {i: child_level - 1 for i in inferred}, unsure


def _build_outline(blocks: list[Block]) -> Outline:
    parent: list[int] = []
    end: dict[int, int] = {}
    groups: dict[tuple[int, int], list[int]] = {}
    stack: list[int] = []
    inferred, unsure = _inferred_levels(blocks)

    def level(i: int) -> int:
        return inferred.get(i) or level_of(blocks[i])

    for i, b in enumerate(blocks):
        if b.kind == HEADING and 1 <= b.level <= 4:
            here = level(i)
            while stack and level(stack[-1]) >= here:
                end[stack.pop()] = i
            p = stack[-1] if stack else -1
            parent.append(p)
            groups.setdefault((p, here), []).append(i)
            stack.append(i)
        else:
            parent.append(stack[-1] if stack else -1)
    for h in stack:
        end[h] = len(blocks)
    result = Outline(parent, end, groups, inferred=inferred, unsure=unsure)
    for i, b in enumerate(blocks):
        if b.kind in (BODY, HEADING) and b.text:
            runs = _inline_runs(i, b)
            if runs:
                result.inline[i] = runs
    # A 一是 paragraph that goes on with 第二 or 二要 inside is an inline series, not a list item.
    inline_own = {i for i, runs in result.inline.items()
                  if runs[0][0].start == 0 and len(runs[0]) >= 2}
    result.series = _paragraph_series(blocks, parent, inline_own)
    _join_runs_over_paragraphs(result)
    return result


def _join_runs_over_paragraphs(result: "Outline") -> None:
    """“……三项工作：一是……。” then paragraphs “二是……” “三是……”: one series that begins inside
    a paragraph and goes on over the next ones, not a lone inline 一是 and a series from 二是."""
    for series in result.series:
        first = series[0]
        runs = result.inline.get(first.block - 1)
        if not runs or first.value is None or first.value < 2:
            continue
        last = runs[-1]
        if last[-1].value == first.value - 1 and last[-1].family == first.family \
                and result.parent[first.block - 1] == result.parent[first.block]:
            series[:0] = last
            runs.pop()
            if not runs:
                del result.inline[first.block - 1]


def _paragraph_series(blocks: list[Block], parent: list[int],
                      skip: set[int] = frozenset()) -> list[list[Item]]:
    """Paragraphs that open with 一是/首先/第一, grouped into series.

    A series ends at a heading, at a paragraph without a marker, or where a new 一是 follows a
    series of two or more (a second list in the same section); a 一是 right after a lone 一是 is a
    duplicate, not a new series.
    """
    series: list[list[Item]] = []
    current: list[Item] = []
    for i, b in enumerate(blocks):
        if b.kind == BODY and b.series > 0 and b.marker and b.text.startswith(b.marker) \
                and i not in skip:
            value, family = series_value(b.marker)
            if current and (parent[current[-1].block] != parent[i]
                            or (value == 1 and len(current) >= 2)):
                series.append(current)
                current = []
            current.append(Item(i, 0, len(b.marker), value, family, b.marker, len(b.text)))
        elif b.kind in (BODY, HEADING) or current:
            if current:
                series.append(current)
                current = []
    if current:
        series.append(current)
    return series


@functools.cache
def _inline_re() -> re.Pattern:
    # A marker counts only at the start of a sentence or clause, so 统一是 or 第一时间 never do.
    # 首先 and 其次 are ordinals with or without a comma (再次 needs one: “再次强调”); 首先 is one
    # inside a clause too (“坚持首先抓学习”). A bare 第三 (“第三抓督查”) is taken only where it goes
    # on from 其次 or 二是 in the same run: alone it is 第三季度, 第三方.
    return re.compile(r"(?:^|(?<=[。；：！？，;:!?]))[ \u3000]*"
                      r"(?:([一二三四五六七八九十]{1,2})([是要])(?![否非])"
                      r"|第([一二三四五六七八九十]{1,2})(?=[，,、：])(?!、第?[一二三四五六七八九十])"
                      r"|(首先|其次)|再次(?=[，,])"
                      r"|其([一二三四五])(?=[，,、：是])(?!是否)"
                      r"|(?P<bare>第[一二三四五六七八九十]{1,2})"
                      r"(?![，,、：一二三四五六七八九十季方次批届轮期年个名位天周月日部章节条款项阶产者人线步代"
                      r"种类级等])(?=[\u4e00-\u9fff]))"
                      r"|(?<=[\u4e00-\u9fff])(?P<mid>首先)")


def _inline_runs(i: int, b: Block) -> list[list[Item]]:
    """Series written inside one paragraph (“一是……；二是……”), split into runs at each 一.

    Runs that do not start at 1 are dropped: they usually continue a series begun in another
    paragraph, and guessing there costs more false alarms than it finds.
    """
    runs: list[list[Item]] = []
    for m in _inline_re().finditer(b.text):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \u3000"))
        if start == 0 and b.kind == HEADING:
            continue
        mark = m.group(0).strip(" \u3000")
        value, family = series_value(mark)
        if value is None:
            continue
        if m.group("bare") and not (runs and runs[-1][-1].value == value - 1):
            continue  # 第三 goes on from a second item, or it is 第三季度
        item = Item(i, start, m.end(), value, family, mark, len(b.text))
        if value == 1 or not runs:
            runs.append([item])
        else:
            runs[-1].append(item)
    # A paragraph's own 一是 alone is a list item of a paragraph series, not an inline series.
    runs = [r for r in runs if r[0].value == 1 and (r[0].start > 0 or len(r) >= 2
                                                     or not b.series)]
    for run in runs:
        for a, nxt in zip(run, run[1:]):
            a.stop = nxt.start
    return runs


def title_range(block: Block) -> tuple[int, int]:
    """[start, end) of a heading's or series item's title: after the marker, before its “。”."""
    start = len(block.marker) if block.marker and block.text.startswith(block.marker) else 0
    if block.lead > 0:
        return start, max(start, block.lead - 1)
    if block.kind == HEADING:
        return start, len(block.text.rstrip())
    stop = block.text.find("。", start)
    return start, (stop if stop >= 0 else len(block.text))


def title_of(block: Block) -> str:
    start, end = title_range(block)
    return block.text[start:end].rstrip("。，；：、.,;: \u3000")


# ---------------------------------------------------------------------------------------------
# Sections a report kind requires, recognised by keywords in level-1 headings.
# ---------------------------------------------------------------------------------------------

_DONE = ("做法", "经验", "主要工作", "工作开展", "开展情况", "完成情况", "落实情况", "工作情况", "成效",
         "成绩", "进展", "举措", "亮点", "成果")
_PLANS = ("下一步", "打算", "建议", "思路", "计划", "今后", "展望", "安排", "努力方向")
# Level-1 heading keywords for each section a manifest may require (必需部分).
SECTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "经验做法": _DONE,
    "主要工作": _DONE,
    "主要做法": _DONE,
    "履职": _DONE + ("履职", "履行", "职责", "岗位", "业绩"),
    # A 情况报告 often opens with what was done and achieved instead of a “基本情况” heading.
    "基本情况": ("基本情况", "总体情况", "概况", "现状", "总体", "成效", "进展", "完成情况", "工作情况"),
    "问题": ("问题", "不足", "困难", "短板", "差距", "薄弱", "教训"),
    "下一步": _PLANS,
    "建议": _PLANS + ("对策", "措施"),
    "廉洁": ("廉洁", "廉政", "自律", "八项规定", "作风建设"),
}
SECTION_NAMES = {"经验做法": "主要做法和成效", "主要工作": "主要工作及成效", "主要做法": "主要做法",
                 "履职": "履职情况", "基本情况": "基本情况", "问题": "存在的问题",
                 "下一步": "下一步打算", "建议": "对策建议", "廉洁": "廉洁自律情况"}
# The three parts whose balance the L rules weigh: 成绩 (经验做法), 问题, 打算 (下一步).
ROLES = ("经验做法", "问题", "下一步")
# Kinds known without a template folder (a parsed .txt has no manifest to consult).
DEFAULT_SECTIONS = ("经验做法", "问题", "下一步")
_KINDS_WITH_SECTIONS = ("工作情况汇报", "工作总结")
# A 情况报告 reports anything from a year's work to an incident or an inspection: its parts vary
# too much to demand any of them.
LOOSE_KINDS = ("情况报告",)
_OTHER_TYPES = ("通知", "请示", "意见", "函", "决定", "批复", "通报", "纪要", "公告", "通告", "方案")


def section_of(block: Block) -> list[str]:
    """The section names a level-1 heading stands for (several for “存在问题及下一步打算”)."""
    title = title_of(block)
    return [name for name in ROLES if any(w in title for w in SECTION_KEYWORDS[name])]


def sections(ctx: Context) -> dict[str, list[int]]:
    """Role (经验做法, 问题, 下一步) -> level-1 headings recognised as that part, in order."""
    found: dict[str, list[int]] = {}
    for i, b in enumerate(ctx.blocks):
        if b.kind == HEADING and b.level and level_at(ctx, i) == 1:
            for name in section_of(b):
                found.setdefault(name, []).append(i)
    return found


def required_sections(ctx: Context) -> tuple[str, list[str]]:
    """(kind name, required section names) for the document, or ("", []) if unknown."""
    kind = ctx.kind
    if kind is not None:
        # A kind guessed from a word in the title (“关于听取工作汇报的通知”) is not this document's
        # kind when the title ends with another statutory type.
        if doctype_part(title_text(ctx)).endswith(_OTHER_TYPES):
            return "", []
        return getattr(kind, "name", ""), list(getattr(kind, "required_sections", []) or [])
    name = ctx.doc.kind
    title = doctype_part(title_text(ctx))
    if title and not name:
        # A title the parser did not take for one (it ends with “。”) still names the kind.
        from toolkit.text.parser import kind_of_title

        name = kind_of_title(title)
    if title:
        # The title decides: a notice that mentions 汇报 is not a 工作情况汇报.
        if re.search(r"(?:工作情况|情况|工作|的)汇报$", title):
            name = "工作情况汇报"
        elif title.endswith("工作总结"):
            name = "工作总结"
        elif not (name and title.endswith(name[-2:])):
            return "", []
    if not name:
        return "", []
    try:
        from toolkit.draft.kinds import find_kind

        return name, list(find_kind(name).required_sections)
    except Exception:  # noqa: BLE001 - a kind without a template folder: built-in knowledge only
        return name, list(DEFAULT_SECTIONS) if name in _KINDS_WITH_SECTIONS else []


# ---------------------------------------------------------------------------------------------
# Title helpers
# ---------------------------------------------------------------------------------------------

def norm_title(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


_TITLE_TYPES = ("报告", "汇报", "通知", "请示", "意见", "总结", "方案", "纪要", "通报", "决定", "讲话",
                "发言", "函", "批复", "要点", "计划", "规划")


@functools.cache
def _title_like_re() -> re.Pattern:
    # A first line that a reader takes for the title although its final mark hid it from the
    # parser: short, no sentence inside, ends with a document type (then at most one mark).
    types = "|".join(_TITLE_TYPES)
    return re.compile(rf"[^。！？；：:;!?\n]{{4,78}}(?:{types})(?:[（(][^（）()]{{1,10}}[）)])?"
                      r"[。，；：、.,;:]?")


def title_blocks(ctx: Context) -> tuple[list[int], list[int]]:
    """(blocks that make up the title, blocks that repeat it).

    A title broken over several lines may arrive as several title blocks; a block that repeats
    the title so far (or one of its lines) is a repetition, not a part. Without a title block, a
    first line shaped like a title (ends with a document type) stands for it.
    """
    found = _TITLES.get(ctx)
    if found is None:
        found = _TITLES[ctx] = _title_blocks(ctx)
    return found


def _title_blocks(ctx: Context) -> tuple[list[int], list[int]]:
    if not any(b.kind == TITLE for b in ctx.blocks):
        for i, b in enumerate(ctx.blocks[:3]):
            if b.kind == BODY and not b.series and _title_like_re().fullmatch(b.text.strip()):
                return [i], []
            if b.kind != BODY:
                break
        return [], []
    parts: list[int] = []
    repeats: list[int] = []
    so_far = ""
    for i, b in enumerate(ctx.blocks):
        if b.kind == TITLE:
            t = norm_title(b.text)
            if not t:
                continue
            if parts and (t == so_far or any(t == norm_title(ctx.blocks[j].text) for j in parts)):
                repeats.append(i)
            elif not parts or i == parts[-1] + 1:
                parts.append(i)
                so_far += t
            continue
        if parts and b.kind in (SUBTITLE, BODY) and norm_title(b.text) == so_far:
            repeats.append(i)
            continue
        if b.kind in (SALUTATION, HEADING) or (b.kind == BODY and parts):
            break
    return parts, repeats


def title_text(ctx: Context) -> str:
    parts, _ = title_blocks(ctx)
    return "".join(norm_title(ctx.blocks[i].text) for i in parts)


@functools.cache
def _title_tail_re() -> re.Pattern:
    # Drafting states and dates in brackets after the document type: （草案） （征求意见稿）
    return re.compile(r"(?:[（(〔][^（）()〔〕]{1,12}[）)〕])+$")


def doctype_part(title: str) -> str:
    """The title without closing punctuation and bracketed drafting notes."""
    t = title.rstrip("。，；：、.,;:!?！？ \u3000")
    return _title_tail_re().sub("", t)


def is_report(ctx: Context) -> bool:
    """The document is a 报告 (the statutory type that must not carry requests)."""
    kind = ctx.kind
    if kind is not None and getattr(kind, "doc_type", ""):
        return kind.doc_type == "报告"
    title = doctype_part(title_text(ctx))
    if title:
        return title.endswith("报告")
    return ctx.doc.kind.endswith("报告")

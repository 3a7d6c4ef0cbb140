"""Wording rules (W): the list rules made from corpora/wordlists, and the hand-written W111–W116."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.check.engine import Context
from toolkit.check.model import INFO, WARNING, Finding, Rule
from toolkit.core.document import BODY, HEADING

_CJK = "\u4e00-\u9fff"


@functools.cache
def _re(source: str) -> re.Pattern:
    """Regexes are compiled on first use: importing the rule tables costs nothing."""
    return re.compile(source)


def __getattr__(name: str):
    # RULES is built on first access: the list rules need the list files read, and importing
    # toolkit.check.rules must cost nothing.
    if name == "RULES":
        return _rules()
    raise AttributeError(name)


@functools.cache
def _rules() -> tuple[Rule, ...]:
    from toolkit.check.wordlists import Lexicons

    return Lexicons.default().rules(user_only=False) + HAND_RULES


# ---------------------------------------------------------------------------------------------
# W111 an adjacent repeated word: 的的, 进一步进一步, 我们我们

# Single characters whose doubling is almost always a slip (常常, 天天, 人人 are not in the set).
_SINGLE = "的了是在和与及把被将并从向以于其之对为就也都"
_REPEAT = rf"([{_SINGLE}])\1|([{_CJK}]{{2,4}})\2"

# Two-character words ending in one of those characters: “为了|了解” and “目的|的” are not slips.
_ENDS_WITH = frozenset("""
目的 标的 有的 打的 似的 别的 为了 除了 到了 不了 罢了 算了 极了 完了 好了 对了 得了 忘了 来了 去了 走了
见了 成了 多了 少了 有了 就是 但是 还是 总是 都是 也是 只是 正是 而是 于是 凡是 或是 可是 要是 若是 不是
即是 便是 算是 乃是 真是 像是 倒是 硬是 别是 其是 要是 现在 正在 存在 实在 所在 内在 外在 自在 好在 潜在
健在 温和 缓和 平和 柔和 总和 调和 饱和 随和 祥和 谦和 中和 参与 给与 以及 涉及 普及 危及 波及 顾及 提及
触及 惠及 论及 企及 不及 殃及 遍及 一把 即将 必将 行将 终将 势将 老将 合并 吞并 兼并 归并 一并 服从 顺从
跟从 盲从 听从 遵从 自从 随从 无从 方向 导向 面向 倾向 走向 流向 指向 取向 动向 去向 转向 朝向 意向 志向
偏向 可以 所以 予以 加以 难以 足以 得以 用以 借以 对于 关于 由于 属于 至于 等于 基于 处于 位于 在于 善于
勇于 敢于 便于 利于 易于 乐于 急于 过于 终于 鉴于 限于 出于 高于 低于 大于 小于 多于 少于 忠于 尤其 极其
与其 及其 何其 总之 反之 加之 久之 随之 为之 面对 针对 相对 绝对 反对 核对 比对 应对 查对 作为 行为 成为
认为 因为 以为 称为 视为 分为 列为 成就 造就 迁就 将就 也就 早就 首都 国都 大都 全都
""".split())
# Legitimate reduplications and fixed expressions around a doubled character.
_IDIOMS = "的的确确|是是非非|了了分明|不了了之|是是否|与与否|在在[建岗职校线编读押逃册任场库途售营运保审办]"
# Verbs and adjectives whose ABAB form is ordinary Chinese (研究研究 “study it a bit”).
_ABAB_OK = frozenset("""
研究 讨论 商量 考虑 学习 了解 检查 整理 打扫 休息 活动 锻炼 交流 沟通 分析 比较 琢磨 体验 总结 梳理
思考 打听 收拾 准备 雪白 通红 冰凉 笔直 火热 崭新 漆黑 碧绿 金黄 湛蓝 热闹 高兴 暖和 凉快
""".split())
_CLAUSE_END = r"[，。；：！？、“”‘’（）《》\s]"


def _clause(text: str, start: int, end: int) -> tuple[int, str]:
    """The clause around text[start:end] (at most 40 characters either side) and where it starts."""
    lo = max(0, start - 40)
    for m in _re(_CLAUSE_END).finditer(text, lo, start):
        lo = m.end()
    m = _re(_CLAUSE_END).search(text, end, min(len(text), end + 40))
    hi = m.start() if m else min(len(text), end + 40)
    return lo, text[lo:hi]


def _segmented_double(ctx: Context, text: str, start: int, unit: str) -> bool:
    """Whether segmentation of the clause shows `unit` doubled at `start` as a slip.

    A doubled character must be two one-character words (为了|了解 and 和|和谐 are not slips).
    A doubled word may run into a longer word (进一步|进一步提高); it may also close a longer
    word when that word is a verb (统筹推进|推进), but not a noun (党组织|组织 “the party branch
    organises”, 人大代表|代表).
    """
    lo, clause = _clause(text, start, start + 2 * len(unit))
    end = start + len(unit)
    pos = lo
    words = ctx.words(clause)
    for a, b in zip(words, words[1:]):
        if pos == start:
            return a == unit and (b == unit or (len(unit) > 1 and b.startswith(unit)))
        if pos + len(a) == end and len(unit) > 1 and a.endswith(unit) and b.startswith(unit):
            tags = dict(ctx.tagged(clause))
            return tags.get(a) == "v"
        if pos >= start:
            return False
        pos += len(a)
    return False


def _check_repeated_word(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for i, block in enumerate(ctx.blocks):
        text = block.text
        for m in _re(_REPEAT).finditer(text):
            s = m.start()
            unit = m.group(1) or m.group(2)
            if m.group(1):
                if text[s - 1:s + 1] in _ENDS_WITH or _re(_IDIOMS).match(text, max(0, s - 2)) \
                        or _re(_IDIOMS).match(text, s) or _re(_IDIOMS).match(text, max(0, s - 1)):
                    continue
            elif unit[0] == "一" or unit in _ABAB_OK or len(set(unit)) == 1:
                continue  # 一个一个地, 研究研究, 常常常常 (not a doubled word)
            if not _segmented_double(ctx, text, s, unit):
                continue
            yield rule.at(i, s, m.end(), f"删去一个“{unit}”", word=unit)


# ---------------------------------------------------------------------------------------------
# W112 the same tracked word used too often in one paragraph or one section

TRACKED = ("加强", "推进", "进一步", "持续", "不断", "切实", "全面", "深入", "扎实", "积极", "着力", "大力")
_ALTERNATIVES = {
    "加强": "强化、健全、完善、提升", "推进": "推动、促进、抓好", "进一步": "再、更加、持续",
    "持续": "不断、始终、常态化", "不断": "持续、日益、逐步", "切实": "认真、扎实、确实",
    "全面": "系统、整体、全方位", "深入": "扎实、细致、广泛", "扎实": "务实、稳步、有序",
    "积极": "主动、有序", "着力": "重点、集中力量", "大力": "全力、有力、加大力度",
}


@functools.cache
def _tracked(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _sections(ctx: Context) -> list[range]:
    """Block ranges of the level-1 sections (the text before the first 一、 is a section too)."""
    starts = [0] + [i for i, b in enumerate(ctx.blocks) if b.kind == HEADING and b.level == 1]
    bounds = sorted(set(starts)) + [len(ctx.blocks)]
    return [range(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _check_overused(ctx: Context, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options(rule)
    regex = _tracked(tuple(opts["words"]))
    per_paragraph, per_section = int(opts["per_paragraph"]), int(opts["per_section"])
    for section in _sections(ctx):
        seen: dict[str, list[tuple[int, re.Match]]] = {}
        flagged: set[str] = set()
        for i in section:
            hits: dict[str, list[re.Match]] = {}
            for m in regex.finditer(ctx.blocks[i].text):
                hits.setdefault(m.group(), []).append(m)
                seen.setdefault(m.group(), []).append((i, m))
            for word, ms in hits.items():
                if per_paragraph and len(ms) >= per_paragraph:
                    flagged.add(word)
                    m = ms[per_paragraph - 1]
                    yield rule.at(i, m.start(), m.end(), f"可换用：{_ALTERNATIVES.get(word, '其他说法')}",
                                  word=word, count=len(ms), where="本段")
        for word, occurrences in seen.items():
            if per_section and len(occurrences) >= per_section and word not in flagged:
                i, m = occurrences[per_section - 1]
                yield rule.at(i, m.start(), m.end(), f"可换用：{_ALTERNATIVES.get(word, '其他说法')}",
                              word=word, count=len(occurrences), where="本部分")


# ---------------------------------------------------------------------------------------------
# W113 three sentences in a row opening the same way

_SENTENCE = r"[^。！？]+[。！？]*"
_OPENING_SKIP = r"[“”‘’（）\s]*"


def _body_part(block) -> int:
    """Where a paragraph's own text starts: after a run-in title or 一是 lead."""
    return block.lead if block.lead and block.lead < len(block.text) else 0


def _check_openings(ctx: Context, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options(rule)
    size, need = int(opts["chars"]), int(opts["count"])
    opening_re = _opening(size)
    run: list[tuple[int, int, str]] = []  # (block, offset, opening) of the current run

    def close() -> Finding | None:
        found = None
        if len(run) >= need:
            i, s, opening = run[need - 1]
            found = rule.at(i, s, s + size, "换一种开头，或合并成一句", opening=opening, count=len(run))
        run.clear()
        return found

    for i, block in enumerate(ctx.blocks):
        # Plain paragraphs continue a run; a heading, an item or a series paragraph starts anew.
        plain = block.kind == BODY and not block.marker and not block.lead
        if not plain and (found := close()):
            yield found
        if block.kind not in (BODY, HEADING) or (block.kind == HEADING and not block.runin):
            continue
        for m in _re(_SENTENCE).finditer(block.text, _body_part(block)):
            s = _re(_OPENING_SKIP).match(block.text, m.start()).end()
            om = opening_re.match(block.text, s)
            if om and run and run[-1][2] == om.group():
                run.append((i, s, om.group()))
                continue
            if found := close():
                yield found
            if om:
                run.append((i, s, om.group()))
        if not plain and (found := close()):
            yield found
    if found := close():
        yield found


@functools.cache
def _opening(size: int) -> re.Pattern:
    return re.compile(f"[{_CJK}]{{{size}}}")


# ---------------------------------------------------------------------------------------------
# W114 the same four-character phrase in sibling items

# A four-character phrase closing a clause (形成工作合力，务求实效。), opening it or following a
# lead verb (做到统筹推进、上下联动): where the set phrases of reports sit. A noun phrase
# inside a clause (联席工作机制) is ordinary vocabulary, not a repeated set phrase.
_LEAD_VERBS = frozenset("做到 坚持 形成 实现 确保 达到 力争 努力 真正 始终 注重 突出 坚决 推动 力求".split())
_PUNCT = "[，、；。！？：“”（）,;:!?()]"
_CJK4 = f"[{_CJK}]{{4}}"
_CJK1 = f"[{_CJK}]"


def _set_phrases(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, phrase) of each four-character set phrase in text[start:end]."""
    for p in _re(_PUNCT).finditer(text, start + 4, end + 1):
        k = p.start()
        if not _re(_CJK4).fullmatch(text, k - 4, k):
            continue
        left = k - 5
        if left < start or not _re(_CJK1).match(text, left) or text[k - 6:k - 4] in _LEAD_VERBS:
            yield k - 4, text[k - 4:k]


def _sibling_groups(ctx: Context) -> list[list[list[tuple[int, int, int]]]]:
    """Groups of sibling items; an item is its parts (block, start, end), its title left out.

    Siblings are the headings of one level under one parent (an item's text: the run-in text, or
    the paragraphs up to the next heading), and the paragraphs of one 一是/二是 series.
    """
    blocks = ctx.blocks
    groups: dict[tuple[int, int], list[list[tuple[int, int, int]]]] = {}
    parents: list[int] = [-1] * 5  # index of the current heading per level
    for i, block in enumerate(blocks):
        if block.kind != HEADING or not 1 <= block.level <= 4:
            continue
        level = block.level
        parent = max(parents[:level], default=-1)
        parents[level] = i
        for deeper in range(level + 1, 5):
            parents[deeper] = -1
        item = [(i, block.lead, len(block.text))] if block.runin else []
        j = i + 1
        while j < len(blocks) and blocks[j].kind == BODY and not blocks[j].series:
            item.append((j, 0, len(blocks[j].text)))
            j += 1
        groups.setdefault((parent, level), []).append(item)
    out = list(groups.values())
    series: list[list[tuple[int, int, int]]] = []
    for i, block in enumerate(blocks):
        if block.series == 1 and series:
            out.append(series)
            series = []
        if block.series:
            series.append([(i, _body_part(block), len(block.text))])
    if series:
        out.append(series)
    return out


def _check_sibling_phrases(ctx: Context, rule: Rule) -> Iterator[Finding]:
    need = int(ctx.options(rule)["min_items"])
    for group in _sibling_groups(ctx):
        if len(group) < need:
            continue
        items_with: dict[str, set[int]] = {}
        reported: set[str] = set()
        for n, item in enumerate(group):
            for i, start, end in item:
                for pos, phrase in _set_phrases(ctx.blocks[i].text, start, end):
                    items = items_with.setdefault(phrase, set())
                    items.add(n)
                    if len(items) >= need and phrase not in reported:
                        reported.add(phrase)
                        yield rule.at(i, pos, pos + 4, "换用其他说法", phrase=phrase,
                                      count=len(items))


# ---------------------------------------------------------------------------------------------
# W115 an abbreviation used before its definition (“以下简称”)

_DEFINITION = (
    r"[（(]\s*(?:以下简称|下文简称|以下称|下称|简称)\s*[:：]?\s*[“\"「『]?"
    r"([^“”\"「」『』（）()，,。；\s]{1,20}?)[”\"」』]?\s*(?:[，,；;][^（）()]{0,30})?[）)]")
_NAME_START = r"[，。；：、“”《》（）\s,;:()]"


def _definitions(ctx: Context) -> list[tuple[int, int, str, str]]:
    """(block, offset of “（”, short name, full name before it) for each 以下简称 in the text."""
    out = []
    for i, block in enumerate(ctx.blocks):
        if "称" not in block.text:
            continue
        for m in _re(_DEFINITION).finditer(block.text):
            text = block.text
            close = text[m.start() - 1:m.start()]
            opener = {"”": "“", "》": "《", "」": "「", "』": "『"}.get(close)
            if opener and text.rfind(opener, max(0, m.start() - 42), m.start()) >= 0:
                # “互联网+政务服务”（以下简称“互联网+”）: the full name is the quoted one
                k = text.rfind(opener, max(0, m.start() - 42), m.start())
                out.append((i, m.start(), m.group(1), text[k + 1:m.start() - 1]))
                continue
            lo = max(0, m.start() - 40)
            for b in _re(_NAME_START).finditer(text, lo, m.start()):
                lo = b.end()
            out.append((i, m.start(), m.group(1), text[lo:m.start()]))
    return out


def _within_full_name(text: str, pos: int, short: str, full: str) -> bool:
    """Whether `short` at `pos` is part of the full name written out (区政府办 in 区政府办公室)."""
    k = full.find(short)
    if k < 0:
        return False
    return text.startswith(full[k:], pos)


def _check_abbreviation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for bi, offset, short, full in _definitions(ctx):
        # A two-character word cut out of the full name (“项目” for “××工程建设项目”) is an
        # ordinary word elsewhere; “本办法”, “该项目” point at the text itself.
        if len(short) < 2 or short == full or (len(short) == 2 and short in full) \
                or short[0] in "本该":
            continue
        for i in range(bi + 1):
            text = ctx.blocks[i].text
            stop = offset if i == bi else len(text)
            pos = text.find(short, 0, stop)
            while pos >= 0 and pos + len(short) <= stop:
                if not _within_full_name(text, pos, short, full):
                    yield rule.at(i, pos, pos + len(short), f"先写全称“{full}”，或把定义提到此处",
                                  short=short, full=full)
                    break  # one finding per definition is enough to act on
                pos = text.find(short, pos + 1, stop)
            else:
                continue
            break


# ---------------------------------------------------------------------------------------------
# W116 one organisation written two ways (区政府办公室 / 区政府办 / 区府办)

_LEVEL = "省市县区州旗盟乡镇"
_OFFICE = (
    rf"(?P<lvl>[{_LEVEL}])(?P<org>人民政府|政府|府|委)"
    r"(?P<suf>办公室|办(?![公理事法学好成结件案完妥得实到了过证照]))")


def _check_org_variants(ctx: Context, rule: Rule) -> Iterator[Finding]:
    defined = {short for _, _, short, _ in _definitions(ctx)}
    # (level, organ) -> form -> first (block, start, end); forms in order of first appearance.
    forms: dict[tuple[str, str], dict[str, tuple[int, int, int]]] = {}
    for i, block in enumerate(ctx.blocks):
        if "办" not in block.text:
            continue
        for m in _re(_OFFICE).finditer(block.text):
            if m.group() in defined:
                continue  # a short form defined with 以下简称 is the text's own convention
            key = (m.group("lvl"), "委" if m.group("org") == "委" else "政府")
            # 人民政府办公室 and 政府办公室 are the full name and its standard short form: one form.
            form = "办公室" if m.group("suf") == "办公室" else m.group()
            forms.setdefault(key, {}).setdefault(form, (i, m.start(), m.end()))
    for variants in forms.values():
        if len(variants) < 2:
            continue
        (fi, fs, fe), *others = variants.values()
        first = ctx.blocks[fi].text[fs:fe]
        for i, s, e in others:
            text = ctx.blocks[i].text[s:e]
            yield rule.at(i, s, e, f"统一写作“{first}”，或在首次出现处注明（以下简称“{text}”）",
                          form=text, other=first)
    yield from _check_short_forms(ctx, rule, defined)


# An organisation's full name and its usual short form (临江经济技术开发区 / 临江经开区).
ORG_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("发展和改革委员会", "发改委"),
    ("人力资源和社会保障局", "人社局"),
    ("住房和城乡建设局", "住建局"),
    ("市场监督管理局", "市场监管局"),
    ("医疗保障局", "医保局"),
    ("卫生健康委员会", "卫健委"),
    ("应急管理局", "应急局"),
)


def _place_before(text: str, pos: int) -> str:
    """The two characters before a name (its place: 临江), or "" when no place is written."""
    head = text[max(0, pos - 2):pos]
    return head if len(head) == 2 and all(_is_han(c) for c in head) else ""


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _check_short_forms(ctx: Context, rule: Rule, defined: set[str]) -> Iterator[Finding]:
    """A full name and its short form both used, for the same place (or without one)."""
    for full, short in ORG_SHORT_FORMS:
        if any(short in d for d in defined):
            continue  # the text defines its short form (以下简称“临江经开区”)
        seen: dict[str, list[tuple[int, int, str]]] = {full: [], short: []}
        for i, block in enumerate(ctx.blocks):
            text = block.text
            for form in (full, short):
                for m in re.finditer(re.escape(form), text):
                    if not _inside_quotes(text, m.start()):
                        seen[form].append((i, m.start(), _place_before(text, m.start())))
        if not seen[full] or not seen[short]:
            continue
        first_form = full if seen[full][0][:2] <= seen[short][0][:2] else short
        other = short if first_form == full else full
        places = {p for _, _, p in seen[first_form]}
        for i, start, place in seen[other]:
            if place in places or not place or "" in places:
                yield rule.at(i, start, start + len(other),
                              f"统一写作“{first_form}”，或在首次出现处注明（以下简称“{short}”）",
                              form=other, other=first_form)
                break


def _inside_quotes(text: str, pos: int) -> bool:
    """pos lies inside “……” or 《……》 (a name as written elsewhere: an account, a document)."""
    for left, right in (("“", "”"), ("《", "》")):
        opening = text.rfind(left, 0, pos)
        if opening >= 0 and text.rfind(right, 0, pos) < opening:
            return True
    return False


# ---------------------------------------------------------------------------------------------

HAND_RULES: tuple[Rule, ...] = (
    Rule(
        code="W111", name="repeated-word", severity=WARNING,
        message="“{word}”连续重复出现，多半是笔误。",
        basis="《党政机关公文处理工作条例》第十九条；写作惯例",
        summary="同一个词紧挨着写了两遍（的的、进一步进一步、我们我们），多半是修改时留下的笔误。"
                "“常常”“天天”“研究研究”“一个一个地”等正常的重叠不报；是否成词按分词判断。",
        check=_check_repeated_word,
        fails=("要进一步进一步加强基层应急队伍建设。",
               "全区各级各部门要把安全生产的的责任落实到岗位。",
               "我们我们将认真梳理存在的问题，逐项整改。"),
        passes=("为了了解基层实际情况，调研组走访了12个社区。",
                "形成重要工作一个环节一个环节地调度的工作机制。",
                "天天有人值守，人人明确责任，常常开展演练。",
                "实现目的的手段要合法合规。"),
        words=True,
    ),
    Rule(
        code="W112", name="overused-word", severity=INFO,
        message="“{word}”在{where}出现{count}次，用得过多。",
        basis="写作惯例",
        summary="“加强”“推进”“进一步”“切实”等常用词在一段（默认 3 次起）或一个部分（默认 6 次起）"
                "里反复出现，显得空泛单调。可换用近义词，或删去可有可无的修饰。",
        check=_check_overused,
        fails=("下一步，要加强组织领导，加强队伍建设，加强督促检查，确保各项任务落实。",
               "要进一步提高认识，进一步压实责任，进一步完善机制。"),
        passes=("下一步，要加强组织领导，健全工作机制，完善督促检查，确保各项任务落实。",
                "持续推进安全生产专项整治，扎实开展隐患排查。"),
        options={"words": list(TRACKED), "per_paragraph": 3, "per_section": 6},
    ),
    Rule(
        code="W113", name="repeated-sentence-opening", severity=INFO,
        message="连续{count}句都以“{opening}”开头，句式单调。",
        basis="写作惯例",
        summary="相邻的几句话开头都一样（例如三句都以“我们”开头），读来单调。可变换主语或合并句子。"
                "只比较句子开头的汉字（默认前 2 个），标题和“一是”等引领语不算。",
        check=_check_openings,
        fails=("我们组织了专题培训。我们开展了专项检查。我们完善了考核办法。",
               "全区新建充电桩3400个。全区清理楼道杂物1260处。全区培训1860人次。"),
        passes=("我们组织了专题培训。各街道开展了专项检查。区安委会完善了考核办法。",
                "千忙万忙，不抓落实就是瞎忙。千招万招，不抓落实就是虚招。千条万条，不抓落实就是白条。"),
        options={"chars": 2, "count": 3},
    ),
    Rule(
        code="W114", name="repeated-phrase-in-siblings", severity=INFO,
        message="四字短语“{phrase}”在{count}个并列条目中重复出现。",
        basis="写作惯例",
        summary="同一组并列条目（同级标题下的内容，或一是、二是各段）里反复用同一个四字短语"
                "（如每条都写“上下联动”“取得实效”），内容显得雷同。只比较用标点隔开的四字短语，不比较条目标题。",
        check=_check_sibling_phrases,
        fails=("一是强化组织保障。坚持上下联动，形成工作合力。\n二是强化制度保障。坚持上下联动，健全工作制度。",
               "（一）健全机制\n建立例会制度，做到统筹推进、上下联动。\n（二）强化督查\n开展专项督查，做到统筹推进、务求实效。"),
        passes=("一是强化组织保障。坚持上下联动，形成工作合力。\n二是强化制度保障。健全工作制度，规范运行程序。",
                "（一）健全机制\n建立例会制度，做到统筹推进。\n（二）强化督查\n开展专项督查，做到务求实效。"),
        options={"min_items": 2},
    ),
    Rule(
        code="W115", name="abbreviation-before-definition", severity=WARNING,
        message="简称“{short}”在定义它的“以下简称”之前就出现了。",
        basis="写作惯例（全称在前，首次出现时注明简称）",
        summary="用“（以下简称“××”）”定义简称时，简称只能在定义之后使用；在定义之前出现，读者不知所指。"
                "请把定义移到第一次出现的地方。",
        check=_check_abbreviation,
        fails=("区发改委牵头制定实施方案。\n区发展和改革委员会（以下简称“区发改委”）会同有关部门开展评估。",
               "市场监管局开展专项检查12次。青山区市场监督管理局（以下简称市场监管局）负责组织实施。"),
        passes=("落实“互联网+政务服务”（以下简称“互联网+”）要求，深化“互联网+”应用。\n",
                "区发展和改革委员会（以下简称“区发改委”）会同有关部门开展评估。区发改委牵头制定实施方案。",
                "青山区政府办公室负责统筹。青山区政府办公室（以下简称“区政府办”）牵头制定方案。"),
    ),
    Rule(
        code="W116", name="organization-name-variants", severity=INFO,
        message="同一机构有两种写法：“{form}”和“{other}”。",
        basis="写作惯例（同一文内机构名称前后一致）",
        summary="同一文内，同一机构应前后写法一致（区政府办公室 / 区政府办 / 区府办，经济技术开发区 / 经开区，"
                "发展和改革委员会 / 发改委 等）。"
                "“人民政府”与“政府”是通行的全称与规范简称，不报；用“以下简称”定义过的简称也不报。",
        check=_check_org_variants,
        fails=("区政府办公室牵头抓总。区政府办负责督办落实。",
               "区委办公室负责统筹协调。区委办、区政府办联合开展督查。",
               "关于临江经开区企业用工情况的调研报告\n临江经济技术开发区现有规上企业486家。"),
        passes=("区政府办公室牵头抓总。区政府办公室负责督办落实。",
                "X区人民政府办公室（以下简称“区政府办”）牵头抓总。区政府办负责督办落实，区政府办理群众来信。",
                "临江经济技术开发区（以下简称“临江经开区”）现有企业486家。临江经开区新建人才公寓1500套。",
                "临江经济技术开发区与青山经开区签订合作协议。"),
    ),
)

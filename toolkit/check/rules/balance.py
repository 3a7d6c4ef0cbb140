"""Length and balance rules (L): long sentences, parallel headings, problems vs measures, shares."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.check.anatomy import outline, sections, title_of, title_range, title_text
from toolkit.check.engine import Context
from toolkit.check.model import INFO, Finding, Rule
from toolkit.core.document import BODY, HEADING

# ---------------------------------------------------------------------------------------------
# L101–L102: sentences and paragraphs
# ---------------------------------------------------------------------------------------------


@functools.cache
def _long_run_re(limit: int) -> re.Pattern:
    # Only runs longer than the limit match, so short sentences cost nothing in Python.
    # “一是……；二是……” is read item by item, so a semicolon ends a stretch as well.
    return re.compile(rf"[^。！？!?；;\n]{{{limit + 1},}}")


def _check_sentence(ctx: Context, rule: Rule) -> Iterator[Finding]:
    limit = int(ctx.options(rule)["max"])
    pattern = _long_run_re(limit)
    for i, b in enumerate(ctx.blocks):
        if b.kind not in (BODY, HEADING) or len(b.text) <= limit:
            continue
        for m in pattern.finditer(b.text):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \u3000"))
            n = m.end() - start
            if n > limit:
                yield rule.at(i, start, m.end(), "在意思完整处断开，改为两三句", n=n, max=limit)


def _check_paragraph(ctx: Context, rule: Rule) -> Iterator[Finding]:
    limit = int(ctx.options(rule)["max"])
    for i, b in enumerate(ctx.blocks):
        if b.kind in (BODY, HEADING) and len(b.text) > limit:
            yield rule.at(i, 0, len(b.text), "按层次分成几段", n=len(b.text), max=limit)


# ---------------------------------------------------------------------------------------------
# L103–L104: sibling headings (对仗)
# ---------------------------------------------------------------------------------------------

_TITLE_MAX = 40  # longer "titles" are sentences of a run-in paragraph, not headings to compare


def _sibling_titles(ctx: Context, levels) -> Iterator[list[tuple[int, str]]]:
    """Groups of sibling titles: headings of the given levels, and 一是/二是 paragraph leads."""
    o = outline(ctx)
    for (_, level), members in o.groups.items():
        if level in levels and len(members) >= 2:
            group = [(i, title_of(ctx.blocks[i])) for i in members]
            group = [(i, t) for i, t in group if 0 < len(t) <= _TITLE_MAX]
            if len(group) >= 2:
                yield group
    for run in o.series:
        if len(run) >= 2 and all(ctx.blocks[it.block].lead for it in run):
            group = [(it.block, title_of(ctx.blocks[it.block])) for it in run]
            group = [(i, t) for i, t in group if 0 < len(t) <= _TITLE_MAX]
            if len(group) >= 2:
                yield group


def _length(title: str) -> int:
    return len(re.sub(r"[“”‘’《》\s]", "", title))


def _check_length_spread(ctx: Context, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options(rule)
    ratio, gap = float(opts["ratio"]), int(opts["min_difference"])
    for group in _sibling_titles(ctx, tuple(opts["levels"])):
        lengths = sorted(_length(t) for _, t in group)
        low, high = lengths[0], lengths[-1]
        if high <= ratio * low or high - low < gap:
            continue
        median = lengths[len(lengths) // 2]
        # Report the title farthest from the usual length: that is the one to rewrite.
        i, t = max(group, key=lambda it: abs(_length(it[1]) - median))
        others = [_length(x) for j, x in group if j != i]
        start, end = title_range(ctx.blocks[i])
        yield rule.at(i, start, end, "改写为与同级标题字数相近的短语", title=t, n=_length(t),
                      usual=f"{min(others)}～{max(others)}" if min(others) != max(others)
                      else str(others[0]))


_NOUNISH = ("n", "r", "m", "t", "s", "f", "q")


@functools.cache
def _count_pattern_re() -> re.Pattern:
    return re.compile(r"“[两二三四五六七八九十]{1,2}[大个项条种化]")


@functools.lru_cache(maxsize=2048)
def _head(prefix: str) -> str:
    """What a title opens with: 动词, 名词 or 介词, by the tag of its first word.

    The fast segmenter's tags (toolkit.text.lexicon, from jieba's dictionary tags), not jieba: a
    check that reaches no rule needing jieba itself never loads it."""
    from toolkit.text.lexicon import tagged

    for word, tag in tagged(prefix):
        if not word.strip() or tag == "x":
            continue
        if tag == "p":
            return "介词（如“关于”）"
        if tag.startswith(_NOUNISH):
            return "名词"
        return "动词"
    return "动词"


def _frame(ctx: Context, title: str) -> dict[str, str]:
    """Shape features of a short title: clauses, a quoted count (“三大机制”), what it opens with."""
    # The first word is all that is tagged: six characters hold it, and tagging costs per character.
    head = _head(title.lstrip("“‘《")[:6])
    clauses = len([c for c in re.split(r"[，,；;]", title) if c.strip()])
    return {
        "分句": "两个分句" if clauses >= 2 else "一个短语",
        "数量词": "有“X大Y”式数量词" if _count_pattern_re().search(title) else "无数量词",
        "开头": f"以{head}开头",
    }


def _check_frame(ctx: Context, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options(rule)
    for group in _sibling_titles(ctx, tuple(opts["levels"])):
        frames = [_frame(ctx, t) for _, t in group]
        odd: dict[int, list[str]] = {}
        if len(group) == 2:
            diff = [k for k in frames[0] if frames[0][k] != frames[1][k]]
            if len(diff) >= 2:
                odd[1] = [f"{frames[1][k]}（另一项{frames[0][k]}）" for k in diff]
        else:
            for key in frames[0]:
                values = [f[key] for f in frames]
                for k, v in enumerate(values):
                    rest = values[:k] + values[k + 1:]
                    if len(set(rest)) == 1 and rest[0] != v:
                        odd.setdefault(k, []).append(f"{v}（其他各项{rest[0]}）")
            # One clause against two is a different frame on its own; a count word or the
            # part of speech of the first word alone is style (or a tagging slip), not a frame.
            odd = {k: why for k, why in odd.items()
                   if len(why) >= 2 or why[0].startswith(("两个分句", "一个短语"))}
        for k, why in odd.items():
            i, t = group[k]
            start, end = title_range(ctx.blocks[i])
            yield rule.at(i, start, end, "按同级标题的句式改写", title=t, why="，".join(why))


# ---------------------------------------------------------------------------------------------
# L105: every problem answered by a measure
# ---------------------------------------------------------------------------------------------

# Words that say nothing about which problem it is.
_STOP = frozenset("""抓落实 落实 工作 问题 不足 不够 不多 不强 不高 不大 不快 不深 不实 不严 不细 不全 不到位
不完善 不健全 不平衡 不充分 不明显 不适应 存在 有待 方面 一些 部分 有的 仍然 依然 还 较 比较 相对 个别
加强 提高 进一步 进一 欠缺 缺乏 薄弱 较弱 偏弱 滞后 困难 短板 差距 主要 情况 我们 我办 我局 同志
自身 需要 亟待 亟需 尚 尚未 没有""".split())

# Words that answer each other across 问题 and 下一步 (a problem of 力度 is met by 加大/强化).
_RELATED = (
    ("力度", "加大", "强化", "加强", "压实", "力度"),
    ("措施", "办法", "举措", "方法", "手段", "本领", "能力", "机制"),
    ("认识", "思想", "意识", "自觉", "站位", "认识"),
    ("能力", "本领", "素质", "培训", "业务", "能力"),
    ("人员", "力量", "队伍", "人手", "编制", "配备"),
    ("资金", "经费", "投入", "预算", "保障"),
    ("机制", "制度", "规则", "流程", "规范"),
    ("效率", "时效", "效能", "速度"),
    ("作风", "作风", "纪律"),
    ("统筹", "协调", "联动", "合力"),
)


def _keywords(title: str) -> set[str]:
    """The words of a problem that name it (the fast segmenter's, as jieba's lcut gives them)."""
    from toolkit.text.lexicon import words

    return {w for w in words(title) if len(w) >= 2 and w not in _STOP
            and not re.fullmatch(r"[\W\d]+", w)}


def _answered(word: str, text: str) -> bool:
    if word in text:
        return True
    if len(word) == 4 and (word[:2] in text or word[2:] in text) and word[:2] not in _STOP:
        return True  # 信息系统 is answered by 信息平台
    return any(word in group and any(g in text for g in group) for group in _RELATED)


def _first_sentence(text: str, start: int = 0) -> str:
    stop = text.find("。", start)
    return text[start:stop if stop >= 0 else len(text)]


def _section_items(ctx: Context, h: int) -> list[tuple[int, int, int, str, str]]:
    """(block, start, end, title, gist) of the items of the level-1 section at heading h.

    The gist is the title and the first sentence of what follows it: a problem is often named
    more concretely there (“山洪灾害防御存在薄弱环节” — “山区村组……预警信息传递”).
    """
    o = outline(ctx)
    blocks = ctx.blocks
    kids = o.children(h)
    if kids:
        items = []
        for i in kids:
            b = blocks[i]
            if b.runin:
                body = _first_sentence(b.text, b.lead)
            else:
                nxt = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].kind == BODY else None
                body = _first_sentence(nxt.text) if nxt else ""
            items.append((i, *title_range(b), title_of(b), title_of(b) + body))
        return items
    end = o.end.get(h, len(blocks))
    for run in o.series:
        if h < run[0].block < end:
            out = []
            for it in run:
                b = blocks[it.block]
                if it.start > 0:  # begun inside a paragraph (“……：一是……”), then paragraphs
                    text = b.text
                    m = re.search(r"[，。；,;]", text[it.end:it.stop or len(text)])
                    stop = it.end + (m.start() if m else min(30, len(text) - it.end))
                    out.append((it.block, it.end, stop, text[it.end:stop], text[it.end:]))
                    continue
                body = _first_sentence(b.text, b.lead) if b.lead else ""
                out.append((it.block, *title_range(b), title_of(b), title_of(b) + body))
            return out
    for i in range(h + 1, end):
        for run in o.inline.get(i, []):
            if len(run) >= 2:
                items = []
                text = blocks[i].text
                for it in run:
                    m = re.search(r"[，。；,;]", text[it.end:it.stop])
                    stop = it.end + (m.start() if m else min(30, it.stop - it.end))
                    items.append((i, it.end, stop, text[it.end:stop], text[it.end:it.stop]))
                return items
    return []


def _section_text(ctx: Context, h: int) -> str:
    end = outline(ctx).end.get(h, len(ctx.blocks))
    return "".join(b.text for b in ctx.blocks[h:end] if b.kind in (BODY, HEADING))


def _check_problem_measure(ctx: Context, rule: Rule) -> Iterator[Finding]:
    found = sections(ctx)
    problems = [h for h in found.get("问题", []) if h not in found.get("下一步", [])]
    measures = [h for h in found.get("下一步", []) if h not in found.get("问题", [])]
    if not problems or not measures:
        return
    answer = "".join(_section_text(ctx, h) for h in measures)
    for h in problems:
        for i, start, end, title, gist in _section_items(ctx, h):
            words = _keywords(title)
            if words and not any(_answered(w, answer) for w in words | _keywords(gist)):
                yield rule.at(i, start, end, "在“下一步”中写明针对这一问题的措施", title=title,
                              words="、".join(sorted(words, key=title.find)))


# ---------------------------------------------------------------------------------------------
# L106: 成绩 : 问题 : 打算
# ---------------------------------------------------------------------------------------------

def _check_proportion(ctx: Context, rule: Rule) -> Iterator[Finding]:
    kind = getattr(ctx.kind, "name", "") or ctx.doc.kind
    if "调研" in kind or "调研" in title_text(ctx) or "调查" in title_text(ctx):
        return  # in a 调研报告 the problems and proposals are the substance
    ratio = float(ctx.options(rule)["ratio"])
    found = sections(ctx)
    single = {name: [h for h in hs if sum(h in v for v in found.values()) == 1]
              for name, hs in found.items()}
    sizes = {name: sum(len(_section_text(ctx, h)) for h in hs) for name, hs in single.items()}
    done = sizes.get("经验做法", 0)
    if not done or not (sizes.get("问题") or sizes.get("下一步")):
        return
    total = sum(sizes.values())
    shares = "、".join(f"{label}{round(100 * sizes.get(name, 0) / total)}%"
                       for name, label in (("经验做法", "成绩"), ("问题", "问题"), ("下一步", "打算")))
    for name, label in (("问题", "问题"), ("下一步", "打算")):
        if sizes.get(name, 0) > ratio * done:
            h = single[name][0]
            yield rule.at(h, *title_range(ctx.blocks[h]), "压缩这一部分，或充实成绩和做法",
                          part=label, shares=shares)


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------

_LONG = "今年以来，我办坚持以习近平新时代中国特色社会主义思想为指导，" + "围绕区委区政府中心工作，" * 12 \
    + "推动各项工作落实落地。"

RULES = (
    Rule(
        code="L101", name="sentence-too-long", severity=INFO, options={"max": 150},
        message="一句话长达{n}字（超过{max}字），读者不易抓住主干。",
        basis="写作惯例（《党政机关公文处理工作条例》第十九条：简明）",
        summary="两个句号（或分号）之间的文字过长，主语和谓语相隔太远，听汇报的人难以跟上。可按意思断成几句。"
                "长度上限可在检查设置中调整（options: max）。",
        check=_check_sentence,
        fails=(_LONG + "\n",
               "一、主要做法\n1.建立督查机制。" + "对决策的运行进度、实施情况和质量效果等进行全程管理监督，" * 6
               + "确保落实。\n"),
        passes=("今年以来，我办坚持围绕中心、服务大局，全年投入资金2.5亿元，完成项目36个。"
                "详见https://www.gov.cn/a.html。会议于9:30召开。\n",
                "一、主要做法\n1.建立高位推进机制。建立和完善政府工作议事规则，提高政府运转效能。\n"),
    ),
    Rule(
        code="L102", name="paragraph-too-long", severity=INFO, options={"max": 400},
        message="段落长达{n}字（超过{max}字），宜按层次分段。",
        basis="写作惯例",
        summary="过长的段落在页面上是一整块文字，层次不清。可按内容分成几段，或拆出“一是、二是”。"
                "长度上限可在检查设置中调整（options: max）。",
        check=_check_paragraph,
        fails=(_LONG * 3 + "\n", "二、存在问题\n一是认识不足。" + _LONG * 3 + "\n"),
        passes=(_LONG + "\n", "二、存在问题\n一是认识不足。有的同志瞻前顾后。\n二是力度不够。习惯于听汇报。\n"),
    ),
    Rule(
        code="L103", name="sibling-length-spread", severity=INFO,
        options={"ratio": 2.0, "min_difference": 6, "levels": [2, 3, 4]},
        message="同级标题长短悬殊：“{title}”{n}字，其他同级标题{usual}字。",
        basis="写作惯例（并列标题讲究对仗）",
        summary="并列的同级标题（包括“一是、二是”的小标题）字数应大致相当，读来整齐。"
                "相差一倍以上且超过6字时提示；比例、字数差和适用层级可在检查设置中调整。",
        check=_check_length_spread,
        fails=("一、主要做法\n（一）建立机制\n（二）强化保障\n（三）围绕区委区政府中心工作不断完善督查考核制度体系\n",
               "二、存在问题\n一是认识不足。有的同志瞻前顾后。\n二是有的同志在抓落实的过程中存在畏难情绪和等靠思想。"
               "习惯于听汇报。\n三是措施不多。缺乏办法。\n"),
        passes=("一、主要做法\n（一）构建“三大机制”，凝聚合力抓落实\n（二）突出“三大职能”，围绕中心抓落实\n"
                "（三）着眼“三大保障”，强化基础抓落实\n",
                "一、基本情况\n二、存在的主要问题和下一步工作打算\n"),
    ),
    Rule(
        code="L104", name="sibling-frame-mismatch", severity=INFO,
        options={"levels": [2, 3, 4]},
        message="“{title}”与同级标题句式不一致：{why}。",
        basis="写作惯例（并列标题讲究对仗）",
        summary="并列的同级标题宜用同一句式：同为两个分句或同为一个短语，同用或同不用“三大机制”式的数量词，"
                "同以动词开头（如“构建……”“突出……”）。只比较简短的标题。",
        check=_check_frame,
        fails=("一、主要做法\n（一）构建“三大机制”，凝聚合力抓落实\n（二）突出“三大职能”，围绕中心抓落实\n"
               "（三）关于保障方面\n",
               "一、主要做法\n（一）构建“三大机制”，凝聚合力抓落实\n（二）关于职能方面\n"),
        passes=("一、主要做法\n（一）构建“三大机制”，凝聚合力抓落实\n（二）突出“三大职能”，围绕中心抓落实\n"
                "（三）着眼“三大保障”，强化基础抓落实\n",
                "一、主要做法\n（一）强化能力保障\n（二）强化作风保障\n（三）强化制度保障\n"),
    ),
    Rule(
        code="L105", name="problem-without-measure", severity=INFO,
        message="问题“{title}”在“下一步”部分找不到对应措施（未提到“{words}”）。",
        basis="写作惯例（问题与措施对应）",
        summary="“存在的问题”中列出的每个问题，“下一步打算”中都应有回应；按问题小标题的关键词（及相近说法，"
                "如“力度”对“加大、强化”）在下一步部分中查找。",
        check=_check_problem_measure,
        fails=("一、主要做法\n我办扎实推进各项工作。\n二、存在的问题\n一是认识不足。有的同志瞻前顾后。\n"
               "二是经费紧张。项目资金缺口较大。\n三、下一步打算\n一是提高思想认识。深化学习教育。\n"
               "二是改进工作作风。狠抓督查落实。\n",
               "一、主要做法\n我办扎实推进各项工作。\n二、存在的问题\n（一）信息化水平不高\n（二）队伍结构老化\n"
               "三、下一步打算\n（一）推进数字政府建设，提升信息化水平\n（二）加强制度建设\n"),
        passes=("一、主要做法\n我办扎实推进各项工作。\n二、存在的问题\n一是认识不足。有的同志瞻前顾后。\n"
                "二是经费紧张。项目资金缺口较大。\n三、下一步打算\n一是提高思想认识。深化学习教育。\n"
                "二是加大资金投入。积极争取上级支持。\n",
                "一、主要做法\n我办扎实推进各项工作。\n二、存在的问题\n一是力度不够。习惯于听汇报。\n"
                "二是措施不多。缺乏有效办法。\n三、下一步打算\n一是强化督查。紧盯重点任务。\n二是练强本领。提升能力。\n"),
    ),
    Rule(
        code="L106", name="section-proportion", severity=INFO, options={"ratio": 1.0},
        message="{part}部分比成绩和做法部分还长（{shares}），篇幅失衡。",
        basis="写作惯例（工作汇报以成绩和做法为主）",
        summary="工作情况汇报、总结以成绩和做法为主体，问题和打算宜简明；问题或打算部分的篇幅超过成绩部分时提示。"
                "比例可在检查设置中调整（options: ratio）。",
        check=_check_proportion,
        fails=("一、主要做法\n我办扎实推进各项工作。\n二、存在的问题\n" + _LONG + "\n三、下一步打算\n继续努力。\n",
               "一、主要成效\n成效明显。\n二、下一步打算\n" + _LONG + "\n"),
        passes=("一、主要做法\n" + _LONG + "\n二、存在的问题\n认识不足。\n三、下一步打算\n继续努力。\n",
                "一、会议时间\n" + _LONG + "\n二、参会人员\n各街道负责同志。\n"),
    ),
)

"""Defect injectors for the wording family (W rules): one wording slip put into a clean report."""

from __future__ import annotations

import random
import re

HAN = "\u4e00-\u9fff"
Result = "tuple[str, str] | None"


def _quoted(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[“《][^“”《》\n]*[”》]", text)]


def _inside(spans: list[tuple[int, int]], k: int) -> bool:
    return any(a <= k < b for a, b in spans)


def _sentence_ends(text: str) -> list[int]:
    """Offsets right after a “。” that ends a sentence of a body line (not inside quotes).

    The first line (the title) and lines without a full stop (headings, signature, date) are left
    alone; so is the first sentence of a “1.标题。” line, which is the heading's own title.
    """
    quoted = _quoted(text)
    out, pos = [], 0
    for n, line in enumerate(text.split("\n")):
        if n > 0 and line.count("。") >= 1 and len(line) >= 20:
            for m in re.finditer("。", line):
                k = pos + m.end()
                if not _inside(quoted, k - 1) and re.match(f"[{HAN}]", text[k - 2:k - 1] or "x"):
                    out.append(k)
        pos += len(line) + 1
    return out


def _insert(text: str, rng: random.Random, sentence: str) -> str | None:
    ends = _sentence_ends(text)
    if not ends:
        return None
    k = rng.choice(ends)
    return text[:k] + sentence + text[k:]


def _replace_one(text: str, rng: random.Random, pairs) -> str | None:
    """Apply one of (regex, replacement) at a random match outside quotes and 《》, or None."""
    quoted = _quoted(text)
    options = []
    for pattern, repl in pairs:
        for m in re.finditer(pattern, text):
            if not _inside(quoted, m.start()) and text.rfind("\n", 0, m.start()) >= 0:
                options.append((m, repl))
    if not options:
        return None
    m, repl = rng.choice(options)
    return text[:m.start()] + m.expand(repl) + text[m.end():]


def _replace_or_insert(pairs, sentences, code: str):
    def inject(text: str, rng: random.Random) -> Result:
        out = _replace_one(text, rng, pairs) if rng.random() < 0.6 else None
        if out is None:
            out = _insert(text, rng, rng.choice(sentences))
        return (out, code) if out is not None else None

    return inject


_COLLOQUIAL = _replace_or_insert(
    [(r"(?<![人])群众(?=[满反对的普])", "老百姓"), (r"汇报如下", "汇报一下"), (r"立即", "立马"),
     (r"无法(?!律)", "没法"), (r"什么", "啥"), (r"怎么(?=办|样)", "咋"), (r"(?<=[很])好(?=[，。])", "棒"),
     (r"我们", "咱们")],
    ["这项工作老百姓普遍满意。", "有些同志遇到新问题不知道咋办。", "群众反映的问题要尽快搞定。",
     "相关情况咱们要心中有数。", "下一步我们再研究一下具体办法。", "基层反映的困难差不多都已解决。",
     "个别单位对整改工作老是拖延。", "这个办法挺管用，群众认可度高。"],
    "W101")

_MODIFIED = r"(?=(?:了|过)?(?:重要|重大|积极|突出|新的|明确|相应|专门)?的?(?:决定|决策|部署|贡献|批示|指示|规定|承诺|安排|调整))"
_CONFUSABLE = _replace_or_insert(
    [(r"截至(?=\d|目前|今年|年底)", "截止"), (r"作出" + _MODIFIED, "做出"), (r"其他", "其它"),
     (r"制定(?=(?:了|出)?(?:相关|相应|配套)?(?:政策|法规|标准|制度|办法|条例|规则|《))", "制订"),
     (r"台账", "台帐"), (r"账户", "帐户"), (r"翔实", "详实"), (r"反映(?=(?:情况|问题|诉求|意见))", "反应"),
     (r"权力(?=清单|运行)", "权利"), (r"必须(?=(?:坚持|加强|做到|严格|切实|把|落实|确保))", "必需"),
     (r"交代", "交待"), (r"签订", "签定"), (r"融合(?=发展)", "融和"), (r"安装", "按装")],
    ["截止2026年10月底，全区累计完成投资12.6亿元。", "区委主要领导对此做出重要批示。",
     "我局制订了《安全生产约谈办法》等5项管理制度。", "其它工作同步推进。",
     "各街道建立隐患排查台帐，实行销号管理。", "对群众反应问题实行限时办结。",
     "全面梳理区级部门权利清单和责任清单。", "各单位必需严格落实值班值守制度。"],
    "W103")

_REDUNDANT = _replace_or_insert(
    [(r"涉及(?!到)", "涉及到"), (r"付诸(?!于)", "付诸于"), (r"目的是(?!为了)", "目的是为了"),
     (r"(?<![\d.超过])(\d+(?:\.\d+)?)(人次|家|个|项|处|名)(?![\d%以])", r"超过\1\2以上"),
     (r"约(\d+)(人次|家|个|项|处|名)(?![\d%左])", r"约\1\2左右")],
    ["全年参训人员超过2000人次以上。", "本次排查涉及到全区所有街道。",
     "大约有300名志愿者左右参加活动。", "此次调研的目的是为了摸清底数。",
     "对发现的问题要尽快付诸于整改。", "截至10月底为止，已完成年度任务的85%。"],
    "W104")

_DOUBLED_WORDS = ("进一步", "我们", "加强", "推进", "开展", "持续", "全面", "切实", "完善", "建立")


def _repeated_word(text: str, rng: random.Random) -> Result:
    quoted = _quoted(text)
    options = [m for w in _DOUBLED_WORDS for m in re.finditer(w, text)
               if not _inside(quoted, m.start()) and text.rfind("\n", 0, m.start()) >= 0
               and text[m.end():m.end() + len(w)] != w and text[m.start() - len(w):m.start()] != w]
    if options and rng.random() < 0.8:
        m = rng.choice(options)
        return text[:m.end()] + m.group() + text[m.end():], "W111"
    out = _insert(text, rng, rng.choice(["要进一步进一步压实工作责任。", "我们我们将认真抓好整改落实。",
                                         "确保各项措施的的落实到位。", "要加强加强部门之间的协调配合。"]))
    return (out, "W111") if out is not None else None


_OVERUSE = ["要加强统筹协调，加强督促检查，加强考核问效。",
            "要进一步压实责任，进一步细化措施，进一步健全机制。",
            "持续推进专项整治，持续推进制度建设，持续推进能力提升。",
            "切实转变作风，切实提高效率，切实减轻基层负担。",
            "全面梳理风险点位，全面落实管控措施，全面提升应急能力。",
            "深入开展调查研究，深入查找问题根源，深入推进整改落实。"]


def _overused(text: str, rng: random.Random) -> Result:
    out = _insert(text, rng, rng.choice(_OVERUSE))
    return (out, "W112") if out is not None else None


_ABBREVIATIONS = (("区发改委", "区发展和改革委员会"), ("区市场监管局", "区市场监督管理局"),
                  ("区住建局", "区住房和城乡建设局"), ("区卫健委", "区卫生健康委员会"),
                  ("区人社局", "区人力资源和社会保障局"))


def _two_places(text: str, rng: random.Random) -> tuple[int, int] | None:
    ends = _sentence_ends(text)
    if len(ends) < 2:
        return None
    a, b = sorted(rng.sample(ends, 2))
    return a, b


def _abbreviation_first(text: str, rng: random.Random) -> Result:
    places = _two_places(text, rng)
    if places is None:
        return None
    short, full = rng.choice(_ABBREVIATIONS)
    if short in text:  # an earlier use of it would be reported instead of the one put in
        return None
    form = rng.choice(["（以下简称“{s}”）", "（以下简称{s}）", "（下称“{s}”）"]).format(s=short)
    use = rng.choice(["{s}牵头制定了实施方案。", "{s}会同有关部门开展联合检查。", "由{s}负责跟踪问效。"])
    define = rng.choice(["{f}{d}负责统筹协调。", "会同{f}{d}开展专项评估。"])
    a, b = places
    text = text[:b] + define.format(f=full, d=form) + text[b:]
    return text[:a] + use.format(s=short) + text[a:], "W115"


_ORGANS = (("区政府办公室", "区政府办"), ("区委办公室", "区委办"), ("区政府办公室", "区府办"),
           ("县政府办公室", "县政府办"), ("市政府办公室", "市府办"))


def _organ_two_ways(text: str, rng: random.Random) -> Result:
    places = _two_places(text, rng)
    if places is None:
        return None
    full, short = rng.choice(_ORGANS)
    level = full[0]
    organ = "委" if "委" in full else "(?:人民政府|政府|府)"
    if re.search(f"{level}{organ}办", text):  # a form already there would be reported instead
        return None
    first, second = (full, short) if rng.random() < 0.5 else (short, full)
    a, b = places
    text = text[:b] + rng.choice(["{o}负责跟踪督办。", "{o}定期通报工作进展。"]).format(o=second) + text[b:]
    return text[:a] + rng.choice(["{o}牵头抓总。", "由{o}统筹协调。"]).format(o=first) + text[a:], "W116"


INJECTORS = {
    "口语化": _COLLOQUIAL,
    "易混词（含前后文条件）": _CONFUSABLE,
    "冗余": _REDUNDANT,
    "相邻重复词": _repeated_word,
    "同一词过度使用": _overused,
    "简称先于全称": _abbreviation_first,
    "同一机构两种写法": _organ_two_ways,
}

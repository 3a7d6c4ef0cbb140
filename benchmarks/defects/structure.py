"""Defect injectors for structure rules (S): numbering, markers, series, parts, title, blanks."""

from __future__ import annotations

import random
import re

from toolkit.check import anatomy
from toolkit.check.engine import Context
from toolkit.check.rules import structure
from toolkit.core.document import BODY, HEADING, SALUTATION, Block, Document
from toolkit.core.numerals import chinese, count_word, marker
from toolkit.text.parser import parse_text

Result = tuple[str, str] | None  # (defective text, expected code), or no suitable place


# --- where things are in the text ------------------------------------------------------------

def _analyse(text: str) -> tuple[Document, Context]:
    doc = parse_text(text)
    return doc, Context(doc)


def _line_col(block: Block) -> tuple[int, int]:
    """0-based line index and column of the block's first character in the source text."""
    origin = block.spans[0].origin
    return origin.line - 1, origin.column - 1


def _replace_at(lines: list[str], block: Block, start: int, end: int, new: str) -> None:
    """Replace characters [start, end) of `block` (a one-line block) in the source lines."""
    row, col = _line_col(block)
    line = lines[row]
    lines[row] = line[:col + start] + new + line[col + end:]


def _standard(block: Block) -> bool:
    n = anatomy.heading_number(block)
    return (block.kind == HEADING and n is not None and 1 <= block.level <= 4
            and block.marker == marker(block.level, n))


def _groups(doc: Document, ctx: Context, size: int = 2) -> list[list[int]]:
    """Sibling groups of standard-numbered headings 1, 2, 3 … with at least `size` members."""
    out = []
    for (_, level), members in anatomy.outline(ctx).groups.items():
        if level > 4 or len(members) < size:
            continue
        numbers = [anatomy.heading_number(doc.blocks[i]) for i in members]
        if numbers == list(range(1, len(members) + 1)) and all(
                _standard(doc.blocks[i]) for i in members):
            out.append(members)
    return out


def _renumber(lines: list[str], doc: Document, members: list[int], shift: int) -> None:
    for i in members:
        b = doc.blocks[i]
        n = anatomy.heading_number(b) + shift
        _replace_at(lines, b, 0, len(b.marker), marker(b.level, n))


# --- injectors -------------------------------------------------------------------------------

def numbering_gap(text: str, rng: random.Random) -> Result:
    """一、二、四、: from a sibling onwards every number goes up by one."""
    doc, ctx = _analyse(text)
    groups = _groups(doc, ctx)
    if not groups:
        return None
    members = rng.choice(groups)
    k = rng.randrange(1, len(members))
    lines = text.split("\n")
    _renumber(lines, doc, members[k:], +1)
    return "\n".join(lines), "S101"


def numbering_duplicate(text: str, rng: random.Random) -> Result:
    """一、二、二、三、: one sibling repeats the number before it, the rest follow on."""
    doc, ctx = _analyse(text)
    groups = _groups(doc, ctx)
    if not groups:
        return None
    members = rng.choice(groups)
    k = rng.randrange(1, len(members))
    lines = text.split("\n")
    _renumber(lines, doc, members[k:], -1)
    return "\n".join(lines), "S102"


_WRONG_FORMS = {
    1: ("{c}.", "{c}，", "{c}．", "{c},"),
    2: ("({c})", "（{c}）、", "({c})、", "{c}）"),
    3: ("{n}、", "{n}，", "{n}．", "{n},"),
    4: ("({n})", "{n})", "{n}）", "（{n}）、"),
}


def marker_form(text: str, rng: random.Random) -> Result:
    """A marker typed in a form the standard does not use: 一. (一) 1、 1)."""
    doc, _ = _analyse(text)
    heads = [i for i, b in enumerate(doc.blocks) if _standard(b)]
    if not heads:
        return None
    b = doc.blocks[rng.choice(heads)]
    n = anatomy.heading_number(b)
    wrong = rng.choice(_WRONG_FORMS[b.level]).format(c=chinese(n), n=n)
    lines = text.split("\n")
    _replace_at(lines, b, 0, len(b.marker), wrong)
    return "\n".join(lines), "S104"


def lone_child(text: str, rng: random.Random) -> Result:
    """A （一） with no （二）: a first sub-heading put into a section that had none."""
    doc, ctx = _analyse(text)
    o = anatomy.outline(ctx)
    leaves = []
    for i, b in enumerate(doc.blocks):
        if b.kind == HEADING and b.level in (1, 2) and not b.runin and _standard(b) \
                and not o.children(i) and i + 1 < len(doc.blocks) \
                and doc.blocks[i + 1].kind == BODY and not doc.blocks[i + 1].series:
            leaves.append(i)
    if not leaves:
        return None
    b = doc.blocks[rng.choice(leaves)]
    row, _ = _line_col(b)
    title = rng.choice(("总体情况", "主要措施", "具体做法", "工作成效"))
    lines = text.split("\n")
    lines.insert(row + 1, marker(b.level + 1, 1) + title)
    return "\n".join(lines), "S106"


def count_mismatch(text: str, rng: random.Random) -> Result:
    """A count word that no longer matches the items below (以下四个方面 over three)."""
    doc, ctx = _analyse(text)
    o = anatomy.outline(ctx)
    lines = text.split("\n")
    # A count word already there: change its number.
    present = []
    for i, b in enumerate(doc.blocks):
        if b.kind == HEADING:
            lo, hi = anatomy.title_range(b)
            for s, e, n in structure._count_matches(b.text, lo, hi, structure._count_heading_re()):
                if structure._items_under(ctx, i) and structure._items_under(ctx, i)[0] == n:
                    present.append((b, s, n))
    if present and rng.random() < 0.5:
        b, s, n = rng.choice(present)
        wrong = n + 1 if n < 9 else n - 1
        old = b.text[s:s + (2 if b.text[s] == "十" and b.text[s + 1] in "一二三四五六七八九" else 1)]
        _replace_at(lines, b, s, s + len(old), count_word(wrong))
        return "\n".join(lines), "S107"
    # Otherwise a lead sentence that counts one part too many.
    heads = [i for i, b in enumerate(doc.blocks)
             if b.kind == HEADING and b.level in (1, 2) and not b.runin and o.children(i)]
    if not heads:
        return None
    i = rng.choice(heads)
    n = len(o.children(i))
    row, _ = _line_col(doc.blocks[i])
    wrong = n + 1 if rng.random() < 0.5 or n <= 2 else n - 1
    lines.insert(row + 1, f"重点抓了以下{count_word(wrong)}个方面的工作。")
    return "\n".join(lines), "S107"


def series_fault(text: str, rng: random.Random) -> Result:
    """一是、三是 (a gap) or 一是、二是、第三， (mixed markers) in a 一是 series."""
    doc, ctx = _analyse(text)
    runs = [run for run, _ in structure._all_runs(ctx)
            if len(run) >= 2 and all(it.family == "是" and it.value == k + 1
                                     for k, it in enumerate(run))]
    if not runs:
        return None
    run = rng.choice(runs)
    k = rng.randrange(1, len(run))
    lines = text.split("\n")
    mixed = rng.random() < 0.5
    # Right to left, so earlier offsets on the same line stay valid.
    for it in reversed(run[k:]):
        b = doc.blocks[it.block]
        if mixed:
            if it is run[k]:
                _replace_at(lines, b, it.start, it.end, f"第{chinese(it.value)}，")
        else:
            _replace_at(lines, b, it.start, it.end, f"{chinese(it.value + 1)}是")
    return "\n".join(lines), ("S109" if mixed else "S108")


def heading_end_mark(text: str, rng: random.Random) -> Result:
    """一、主要做法。: a standalone heading with a final mark."""
    doc, ctx = _analyse(text)
    heads = [i for i, b in enumerate(doc.blocks)
             if b.kind == HEADING and not b.runin and b.level <= 4
             and structure._has_content(ctx, i) and b.text[-1] not in "。，；：、？！"]
    if not heads:
        return None
    b = doc.blocks[rng.choice(heads)]
    mark = rng.choice("。；，：" if b.level <= 2 else "；，")
    lines = text.split("\n")
    _replace_at(lines, b, len(b.text), len(b.text), mark)
    return "\n".join(lines), "S113"


def missing_section(text: str, rng: random.Random) -> Result:
    """A report without its 问题 or 下一步 part (the level-1 section removed, the rest renumbered)."""
    doc, ctx = _analyse(text)
    kind = None
    if doc.kind:
        try:
            from toolkit.draft.kinds import find_kind

            kind = find_kind(doc.kind)
        except Exception:
            return None
    ctx = Context(doc, kind=kind)
    name, required = anatomy.required_sections(ctx)
    if not required or name in anatomy.LOOSE_KINDS:
        return None
    level1 = [i for i, b in enumerate(doc.blocks) if b.kind == HEADING and b.level == 1]
    if len(level1) < 3:
        return None
    candidates = []
    for want in ("问题", "下一步"):
        if want not in required:
            continue
        hits = [i for i in level1
                if any(w in anatomy.title_of(doc.blocks[i]) for w in anatomy.SECTION_KEYWORDS[want])]
        if len(hits) == 1:
            candidates.append(hits[0])
    if not candidates:
        return None
    h = rng.choice(candidates)
    o = anatomy.outline(ctx)
    end = o.end[h]
    # The section's own blocks only: the closing (signature, date) stays.
    while end > h + 1 and doc.blocks[end - 1].kind not in (BODY, HEADING):
        end -= 1
    first, _ = _line_col(doc.blocks[h])
    last, _ = _line_col(doc.blocks[end - 1])
    lines = text.split("\n")
    later = [i for i in level1 if i > h]
    _renumber(lines, doc, later, -1)
    del lines[first:last + 1]
    return "\n".join(lines), "S112"


_REQUESTS = ("妥否，请批示。", "当否，请批示。", "以上事项，请予批准。", "请审批。", "请指示。")


def report_request(text: str, rng: random.Random) -> Result:
    """A 报告 that asks for approval (妥否，请批示)."""
    doc, ctx = _analyse(text)
    if not anatomy.doctype_part(anatomy.title_text(ctx)).endswith("报告") or \
            anatomy.doctype_part(anatomy.title_text(ctx)).endswith(("述职报告", "调研报告")):
        return None
    paras = [i for i, b in enumerate(doc.blocks)
             if b.kind == BODY and b.text.endswith("。") and len(b.text) > 8]
    if not paras:
        return None
    b = doc.blocks[rng.choice(paras)]
    lines = text.split("\n")
    _replace_at(lines, b, len(b.text), len(b.text), rng.choice(_REQUESTS))
    return "\n".join(lines), "S121"


def salutation_colon(text: str, rng: random.Random) -> Result:
    """尊敬的各位领导 without its “：” (or with a half-width “:” or a comma)."""
    doc, _ = _analyse(text)
    sal = [b for b in doc.blocks if b.kind == SALUTATION and b.text.endswith("：")]
    if not sal:
        return None
    b = sal[0]
    lines = text.split("\n")
    _replace_at(lines, b, len(b.text) - 1, len(b.text), rng.choice(("", ":", "，")))
    return "\n".join(lines), "S122"


_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?=[万亿元个名项次件条套辆吨米岁天倍%％])")


def placeholder(text: str, rng: random.Random) -> Result:
    """A blank left in: XX万元, 20XX年, 【待补充】, （待补充）."""
    doc, _ = _analyse(text)
    spots = []
    for b in doc.blocks:
        if b.kind == BODY or (b.kind == HEADING and b.runin):
            for m in _NUMBER.finditer(b.text):
                if m.start() >= len(b.marker):
                    spots.append((b, m.start(), m.end()))
    lines = text.split("\n")
    if spots and rng.random() < 0.7:
        b, s, e = rng.choice(spots)
        _replace_at(lines, b, s, e, rng.choice(("XX", "XXX", "××")))
        return "\n".join(lines), "S123"
    paras = [b for b in doc.blocks if b.kind == BODY and b.text.endswith("。")]
    if not paras:
        return None
    b = rng.choice(paras)
    _replace_at(lines, b, len(b.text) - 1, len(b.text),
                rng.choice(("【待补充】。", "（待补充）。", "（此处填写具体数据）。")))
    return "\n".join(lines), "S123"


INJECTORS = {
    "编号跳号": numbering_gap,
    "编号重复": numbering_duplicate,
    "序号形式错误": marker_form,
    "孤立的（一）": lone_child,
    "数量词与条目不符": count_mismatch,
    "一是系列跳号或混用": series_fault,
    "标题末尾标点": heading_end_mark,
    "缺少必需部分": missing_section,
    "报告夹带请示": report_request,
    "称谓缺冒号": salutation_colon,
    "占位符未替换": placeholder,
}

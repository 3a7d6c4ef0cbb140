"""Defect injectors for the balance rules (L): an over-long sentence, a problem left unanswered."""

from __future__ import annotations

import random
import re

from toolkit.check import anatomy
from toolkit.check.engine import Context
from toolkit.check.rules import balance as L
from toolkit.core.document import BODY, HEADING, Block
from toolkit.core.numerals import chinese, marker
from toolkit.text.parser import parse_text

Result = tuple[str, str] | None  # (defective text, expected code), or no suitable place

_LIMIT = 150  # L101's default


def _line_col(block: Block) -> tuple[int, int]:
    origin = block.spans[0].origin
    return origin.line - 1, origin.column - 1


def long_sentence(text: str, rng: random.Random) -> Result:
    """Sentences of a paragraph run together with commas until one is over the limit."""
    doc = parse_text(text)
    lines = text.split("\n")
    spots = []
    for b in doc.blocks:
        if b.kind not in (BODY, HEADING):
            continue
        ends = [m.start() for m in re.finditer(r"[。；]", b.text)]
        # Merge from a sentence end k onwards: drop marks until the run passes the limit.
        for k in range(len(ends)):
            start = ends[k - 1] + 1 if k else b.lead
            for j in range(k, len(ends) - 1):
                if ends[j + 1] - start > _LIMIT + 2:
                    spots.append((b, ends[k:j + 1]))
                    break
    if spots:
        b, marks = rng.choice(spots)
        text_of = list(b.text)
        for pos in marks:
            text_of[pos] = "，"
        row, col = _line_col(b)
        lines[row] = lines[row][:col] + "".join(text_of) + lines[row][col + len(b.text):]
        return "\n".join(lines), "L101"
    # No paragraph long enough: lengthen one sentence with a run of clauses.
    paras = [b for b in doc.blocks if b.kind == BODY and b.text.endswith("。")]
    if not paras:
        return None
    b = rng.choice(paras)
    filler = "，坚持问题导向、目标导向和结果导向，统筹推进各项重点任务" * 5
    row, col = _line_col(b)
    end = col + len(b.text) - 1
    lines[row] = lines[row][:end] + filler + lines[row][end:]
    return "\n".join(lines), "L101"


# Problems whose words no ordinary measures section answers.
_PROBLEMS = (
    ("档案数字化进度滞后", "部分年度纸质档案尚未扫描归档，查阅利用不便"),
    ("公务用车调度不够灵活", "车辆调配手续繁琐，偏远点位出车等候时间较长"),
    ("食堂餐饮浪费仍有发生", "就餐人数统计不准，剩菜剩饭现象时有出现"),
    ("对外宣传亮点挖掘不深", "新闻稿件采用率偏低，典型经验传播面不广"),
    ("办公用房维修改造滞后", "部分楼层屋面渗漏，电梯设备老化"),
)


def _unanswered(answer: str) -> list[tuple[str, str]]:
    return [(t, d) for t, d in _PROBLEMS
            if not any(L._answered(w, answer) for w in L._keywords(t + d))]


def unanswered_problem(text: str, rng: random.Random) -> Result:
    """A new item in the 问题 section, in the section's own form, that 下一步 never takes up."""
    doc = parse_text(text)
    ctx = Context(doc)
    found = anatomy.sections(ctx)
    problems = [h for h in found.get("问题", []) if h not in found.get("下一步", [])]
    measures = [h for h in found.get("下一步", []) if h not in found.get("问题", [])]
    if not problems or not measures:
        return None
    answer = "".join(L._section_text(ctx, h) for h in measures)
    choices = _unanswered(answer)
    if not choices:
        return None
    title, detail = rng.choice(choices)
    h = problems[0]
    o = anatomy.outline(ctx)
    lines = text.split("\n")
    kids = o.children(h)
    end = o.end[h]
    while end > h + 1 and doc.blocks[end - 1].kind not in (BODY, HEADING):
        end -= 1
    last_row, _ = _line_col(doc.blocks[end - 1])
    if kids:
        first = doc.blocks[kids[0]]
        n = len(kids) + 1
        if first.runin:
            lines.insert(last_row + 1, f"{marker(first.level, n)}{title}。{detail}。")
        else:
            lines[last_row + 1:last_row + 1] = [f"{marker(first.level, n)}{title}", f"{detail}。"]
        return "\n".join(lines), "L105"
    for run in o.series:
        if h < run[0].block < end and run[0].family == "是":
            row, _ = _line_col(doc.blocks[run[-1].block])
            lines.insert(row + 1, f"{chinese(len(run) + 1)}是{title}。{detail}。")
            return "\n".join(lines), "L105"
    for i in range(h + 1, end):
        for run in o.inline.get(i, []):
            if len(run) >= 2 and run[0].family == "是":
                b = doc.blocks[i]
                stop = run[-1].stop
                tail = b.text[:stop].rstrip()
                if not tail.endswith("。"):
                    continue
                row, col = _line_col(b)
                pos = col + len(tail) - 1
                lines[row] = (lines[row][:pos] + f"；{chinese(len(run) + 1)}是{title}，{detail}"
                              + lines[row][pos:])
                return "\n".join(lines), "L105"
    return None


INJECTORS = {
    "句子过长": long_sentence,
    "问题无对应措施": unanswered_problem,
}

"""Balance rules (L): long sentences and paragraphs, parallel headings, problems and measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.check.engine import run
from toolkit.check.model import INFO
from toolkit.check.rules import balance
from toolkit.core.document import Document
from toolkit.text.parser import parse_text

ROOT = Path(__file__).resolve().parent.parent
RULES = {r.code: r for r in balance.RULES}


def findings(text, *codes: str, options=None):
    doc = text if isinstance(text, Document) else parse_text(text)
    return [f for f, _ in run(doc, [RULES[c] for c in codes], options=options)]


def codes(text, *only, options=None) -> list[str]:
    return [f.code for f in findings(text, *only, options=options)]


def test_every_balance_rule_is_advice_only():
    assert {r.severity for r in balance.RULES} == {INFO}
    assert all(r.code.startswith("L1") for r in balance.RULES)


def test_reference_report_balance():
    from toolkit.draft.pipeline import draft_file

    doc = draft_file(str(ROOT / "configs" / "examples" / "reference-report.yaml")).document
    # The long sentences of the original are there (hints); its sections are in proportion, its
    # sibling headings parallel, and every problem has its measure.
    assert set(codes(doc, *RULES)) <= {"L101"}


CLAUSE = "围绕区委区政府中心工作，"


def test_sentence_limit_is_an_option():
    text = "今年以来，" + CLAUSE * 13 + "推动各项工作落实。\n"
    [f] = findings(text, "L101")
    assert f.start == 0 and "一句话长达" in f.message
    assert codes(text, "L101", options={"L101": {"max": 200}}) == []


def test_semicolons_end_a_stretch():
    items = "；".join(f"{n}是{CLAUSE * 3}推动落实" for n in "一二三四五")
    assert codes("主要有：" + items + "。\n", "L101") == []


def test_paragraph_limit():
    long = "今年以来，" + CLAUSE * 9 + "推动各项工作落实。"
    assert codes(long * 4 + "\n", "L102") == ["L102"]
    assert codes(long * 4 + "\n", "L102", options={"L102": {"max": 1000}}) == []


def test_length_spread_points_at_the_odd_title():
    text = ("一、主要做法\n（一）建立机制\n（二）强化保障\n"
            "（三）围绕区委区政府中心工作不断完善督查考核制度体系\n")
    [f] = findings(text, "L103")
    assert "不断完善督查考核制度体系" in f.message and "4字" in f.message


def test_level_one_headings_differ_freely():
    assert codes("一、基本情况\n二、存在的主要问题和下一步工作打算\n", "L103", "L104") == []


def test_frame_mismatch_names_the_differences():
    text = ("一、主要做法\n（一）构建“三大机制”，凝聚合力抓落实\n（二）突出“三大职能”，围绕中心抓落实\n"
            "（三）关于保障方面\n")
    [f] = findings(text, "L104")
    assert "关于保障方面" in f.message and "两个分句" in f.message and "介词" in f.message


def test_a_count_word_alone_is_not_a_frame():
    text = ("二、主要做法\n（一）健全“三项机制”，压实防汛责任\n（二）突出重点部位，强化应急处置\n"
            "（三）加强协同联动，凝聚防汛合力\n")
    assert codes(text, "L104") == []


def test_problem_answered_by_a_related_word():
    text = ("一、主要做法\n扎实推进。\n二、存在的问题\n一是力度不够。习惯于听汇报。\n"
            "二是档案数字化进度滞后。纸质档案尚未扫描。\n三、下一步打算\n一是强化督查。紧盯重点任务。\n"
            "二是提升能力。加强培训。\n")
    [f] = findings(text, "L105")
    assert "档案数字化进度滞后" in f.message


def test_problem_items_as_headings_and_inline_series():
    headings = ("一、主要做法\n扎实推进。\n二、存在的问题\n（一）信息化水平不高\n系统分散。\n（二）队伍结构老化\n"
                "年龄偏大。\n三、下一步打算\n（一）推进数字政府建设，提升信息化水平\n（二）加强制度建设\n")
    assert [f.start for f in findings(headings, "L105")] == [3]
    inline = ("一、主要做法\n扎实推进。\n二、存在的问题\n主要是：一是资金紧张；二是人员不足。\n"
              "三、下一步打算\n积极争取资金支持。\n")
    [f] = findings(inline, "L105")
    assert "人员不足" in f.message


def test_no_measure_section_no_finding():
    assert codes("一、主要做法\n扎实推进。\n二、存在的问题\n一是资金紧张。缺口大。\n二是人员不足。\n",
                 "L105") == []


def test_proportion():
    long = "今年以来，" + CLAUSE * 9 + "推动各项工作落实。"
    text = ("一、主要做法\n各项工作扎实推进，成效明显。\n二、存在的问题\n" + long
            + "\n三、下一步打算\n继续努力。\n")
    [f] = findings(text, "L106")
    assert "问题部分" in f.message and "成绩" in f.message
    survey = "关于老旧小区改造的调研报告\n" + text
    assert codes(survey, "L106") == []


@pytest.mark.parametrize("path", sorted((ROOT / "corpora" / "clean").glob("*.txt")),
                         ids=lambda p: p.name)
def test_clean_corpus_has_no_frame_or_balance_complaint(path):
    doc = parse_text(path.read_text(encoding="utf-8"), str(path))
    assert codes(doc, "L103", "L104", "L106") == []

"""Structure rules (S): numbering, markers, count words, series, parts, title, placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED_REFERENCE
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.check.engine import run
from toolkit.check.fixes import apply_to_text
from toolkit.check.model import ERROR
from toolkit.check.rules import balance, structure
from toolkit.core.document import BODY, HEADING, TITLE, Block, Document
from toolkit.core.numerals import marker, series_marker
from toolkit.text.parser import parse_text

ROOT = Path(__file__).resolve().parent.parent
SOURCE = SHARED_REFERENCE
RULES = {r.code: r for r in structure.RULES}


def findings(text: str, *codes: str, kind=None):
    doc = text if isinstance(text, Document) else parse_text(text)
    rules = [RULES[c] for c in codes] if codes else list(structure.RULES)
    return [(f, level) for f, level in run(doc, rules, kind=kind)]


def codes(text, *only, kind=None) -> list[str]:
    return [f.code for f, _ in findings(text, *only, kind=kind)]


def fixed(text: str, code: str) -> str:
    doc = parse_text(text)
    return apply_to_text(text, doc, [f for f, _ in findings(doc, code)])


# --- the reference report ------------------------------------------------------------------

@pytest.fixture(scope="module")
def reference():
    from toolkit.draft.pipeline import draft_file

    return draft_file(str(ROOT / "configs" / "examples" / "reference-report.yaml")).document


@pytest.fixture(scope="module")
def source():
    if not SOURCE.is_file():
        pytest.skip("the shared reference text is not available")
    return parse_text(SOURCE.read_text(encoding="utf-8"), str(SOURCE))


def test_composed_reference_has_no_error_level_finding(reference):
    from toolkit.draft.kinds import find_kind

    for kind in (None, find_kind("工作情况汇报")):
        found = run(reference, structure.RULES + balance.RULES, kind=kind)
        errors = [(f.code, f.message) for f, level in found if level == ERROR]
        assert errors == []


def test_every_example_report_is_free_of_structure_errors():
    from toolkit.draft.pipeline import draft_file

    for path in sorted((ROOT / "configs" / "examples").glob("*.yaml")):
        doc = draft_file(str(path)).document
        errors = [(f.code, f.message) for f, level in run(doc, structure.RULES + balance.RULES)
                  if level == ERROR]
        assert errors == [], path.name


def test_source_reference_title_repeated(source):
    hits = [f for f, _ in findings(source, "S116")]
    assert len(hits) == 1
    assert source.blocks[hits[0].block].text.startswith("X区人民政府办公室关于")


def test_source_reference_half_width_level_2_markers(source):
    hits = [f for f, _ in findings(source, "S104")]
    assert [source.blocks[f.block].text[f.start:f.end] for f in hits] == ["(一)", "(二)", "(三)"]
    assert [f.replacement for f in hits] == ["（一）", "（二）", "（三）"]


def test_source_reference_placeholders(source):
    names = [source.blocks[f.block].text[f.start:f.end] for f, _ in findings(source, "S124")]
    assert names.count("XXX") >= 5 and "X" in names  # XXX区…, and the title's X区


def test_source_reference_counts_three_mechanisms_right(source):
    assert codes(source, "S107") == []
    assert codes(source, "S101", "S102", "S103", "S106", "S108", "S110") == []


def test_source_reference_salutation_half_width_colon(source):
    hits = [f for f, _ in findings(source, "S122")]
    assert len(hits) == 1 and hits[0].replacement == "："


# --- numbering -------------------------------------------------------------------------------

def test_gap_names_the_missing_numbers():
    [(f, _)] = findings("一、主要做法\n二、存在问题\n五、下一步打算\n", "S101")
    assert "“三、”、“四、”" in f.message


def test_counters_restart_under_a_new_parent():
    text = ("一、主要做法\n（一）建立机制\n1.建立议事规则。明确范围。\n2.建立督查机制。强化督查。\n"
            "（二）强化保障\n1.强化能力保障。提高本领。\n2.强化作风保障。转变作风。\n"
            "二、存在问题\n（一）认识不足\n（二）力度不够\n")
    assert codes(text, "S101", "S102", "S103", "S106") == []


def test_second_first_is_a_duplicate_and_a_late_first_is_a_restart():
    assert codes("一、主要做法\n（一）建立机制\n（一）强化保障\n（二）完善制度\n", "S102", "S103") == ["S102"]
    assert codes("一、主要做法\n（一）建立机制\n（二）强化保障\n（一）完善制度\n", "S102", "S103") == ["S103"]


def test_list_items_and_decimals_inside_body_text_are_not_numbering():
    text = ("一、主要做法\n（一）建立机制\n全年投入资金2.5亿元，同比增长3.5%，主要做了以下工作：\n"
            "1.建立议事规则。会议于9:30召开。\n2.建立督查机制。详见https://www.gov.cn/a.html。\n"
            "（二）强化保障\n保障有力。\n二、存在问题\n人员不足。\n")
    assert codes(text) == []


@pytest.mark.parametrize("wrong,right", [
    ("一.", "一、"), ("一，", "一、"), ("(一)", "（一）"), ("（一）、", "（一）"), ("1、", "1."),
    ("1，", "1."), ("1．", "1."), ("(1)", "（1）"), ("1)", "（1）"), ("1）", "（1）"), ("（1）、", "（1）"),
])
def test_wrong_marker_forms_are_fixed_to_the_standard(wrong, right):
    parents = {"一、": "", "（一）": "一、主要做法\n", "1.": "一、主要做法\n（一）建立机制\n",
               "（1）": "一、主要做法\n（一）建立机制\n1.建立议事规则\n"}[right]
    sibling = {"一、": "二、存在问题\n", "（一）": "（二）强化保障\n", "1.": "2.建立督查机制\n",
               "（1）": "（2）规范程序\n"}[right]
    text = parents + wrong + "明确范围\n" + sibling
    assert codes(text, "S104") == ["S104"]
    assert fixed(text, "S104") == parents + right + "明确范围\n" + sibling


def test_circled_numbers_are_a_fifth_level_not_wrong_level_4_markers():
    text = ("一、主要做法\n（一）建立机制\n1.建立议事规则\n（1）明确范围\n①会议议题\n②会议程序\n"
            "（2）规范程序\n")
    assert codes(text, "S103", "S104") == []


def test_skipped_level_is_only_a_hint():
    [(f, level)] = findings("一、主要做法\n1.建立机制。推动落实。\n2.强化保障。确保实效。\n", "S105")
    assert level == "提示" and "（一）" in f.message


def test_lone_child():
    assert codes("一、主要做法\n（一）建立机制\n加强领导。\n二、存在问题\n", "S106") == ["S106"]
    assert codes("一、主要做法\n（一）建立机制\n（二）强化保障\n二、存在问题\n", "S106") == []


# --- count words -----------------------------------------------------------------------------

def test_count_word_in_heading_against_children():
    text = ("一、主要做法\n（一）构建“四大机制”，凝聚合力抓落实\n1.建立高位推进机制。推动落实。\n"
            "2.建立督查倒逼机制。确保实效。\n3.建立联席会议机制。定期会商。\n")
    [(f, level)] = findings(text, "S107")
    assert level == ERROR and "四大机制" in f.message and "三个三级标题" in f.message


def test_count_word_in_lead_paragraph_against_series_paragraphs():
    text = ("二、存在问题\n主要存在以下两个方面的问题。\n一是认识不足。有的同志瞻前顾后。\n"
            "二是力度不够。习惯于听汇报。\n三是措施不多。缺乏办法。\n")
    assert codes(text, "S107") == ["S107"]
    assert codes(text.replace("两个方面", "三个方面"), "S107") == []


@pytest.mark.parametrize("text", [
    # a quoted set phrase in a body paragraph, not a count over the items below
    "一、主要做法\n（一）建立机制\n1.建立议事规则。推动建立“三大攻坚战”“四大补短板”推进机制。\n2.建立督查机制。确保实效。\n",
    # a party congress, a time, a duration
    "一、主要做法\n（一）深入学习贯彻党的二十大精神\n1.抓好学习。原原本本学。\n2.抓好宣讲。深入基层。\n",
    "一、主要做法\n会议于下午三点召开，历时两个多月。\n（一）抓好学习\n（二）抓好宣讲\n（三）抓好落实\n",
    # a count in a heading without any items under it
    "一、主要做法\n（一）做到“三个到位”\n各单位认真落实。\n（二）强化保障\n确保实效。\n",
    # 《》 names keep their numbers
    "一、主要做法\n（一）落实《三年行动计划》和“两个毫不动摇”\n1.抓好学习。原原本本学。\n2.抓好宣讲。深入基层。\n"
    "3.抓好落实。见到实效。\n4.抓好督查。确保实效。\n",
])
def test_counts_that_are_not_about_the_items(text):
    assert codes(text, "S107") == []


# --- 一是 series ----------------------------------------------------------------------------

def test_series_gap_duplicate_and_mixed():
    assert codes("一是认识不足；二是力度不够；四是措施不多。\n", "S108") == ["S108"]
    assert codes("一是认识不足；二是力度不够；二是措施不多。\n", "S108") == ["S108"]
    assert codes("一是认识不足；二是力度不够；第三，措施不多。\n", "S109") == ["S109"]
    assert codes("首先，要提高认识。其次，要加大力度。第三，要完善措施。\n", "S109") == ["S109"]


def test_series_across_paragraphs():
    text = "二、存在问题\n一是认识不足。有的同志瞻前顾后。\n三是措施不多。缺乏办法。\n"
    assert codes(text, "S108") == ["S108"]
    text = "二、存在问题\n一是认识不足。有的同志瞻前顾后。\n二要加大力度。强化督查。\n"
    assert codes(text, "S109") == ["S109"]


def test_series_of_one_and_continuation_into_the_next_paragraph():
    assert codes("主要是：一是认识不足，有的同志瞻前顾后。\n", "S110") == ["S110"]
    assert codes("存在以下问题：一是认识不足。\n二是力度不够。习惯于听汇报。\n", "S110") == []


def test_series_endings():
    assert codes("一是认识不足；二是力度不够。三是措施不多；四是作风不实。\n", "S111") == ["S111"]
    assert codes("一是认识不足；二是力度不够；三是措施不多。\n", "S111") == []


def test_words_that_contain_ordinals_are_not_series():
    text = "统一是前提，唯一是目标，第一时间跟进，一是否定了，其一是否到位。\n"
    assert codes(text, "S108", "S109", "S110", "S111") == []


# --- required sections ------------------------------------------------------------------------

def test_missing_section_by_kind_from_the_template():
    from toolkit.draft.kinds import find_kind

    text = "关于2025年工作情况的汇报\n\n各位领导：\n一、主要做法\n扎实推进。\n二、存在问题\n人员不足。\n"
    [(f, level)] = findings(text, "S112", kind=find_kind("工作情况汇报"))
    assert level == "警告" and "下一步" in f.message
    full = text + "三、下一步打算\n继续努力。\n"
    assert codes(full, "S112", kind=find_kind("工作情况汇报")) == []


def test_no_sections_demanded_of_a_notice_or_an_incident_report():
    notice = "关于听取工作汇报的通知\n\n各单位：\n一、时间\n3月5日。\n二、地点\n会议室。\n"
    assert codes(notice, "S112") == []
    report = "关于“7·19”暴雨灾情的报告\n\n市政府：\n一、灾情\n受灾严重。\n二、处置\n全力抢险。\n"
    assert codes(report, "S112") == []


# --- headings, title, salutation -------------------------------------------------------------

def test_heading_end_punctuation_fix():
    text = "一、主要经验和做法。\n今年以来，扎实推进。\n二、存在问题\n人员不足。\n"
    assert codes(text, "S113") == ["S113"]
    assert fixed(text, "S113").startswith("一、主要经验和做法\n")


def test_run_in_headings_and_list_items_keep_their_stops():
    text = ("一、主要做法\n（一）建立机制\n1.建立议事规则。明确范围。\n2.建立督查机制；强化督查。\n"
            "二、工作要求\n（一）企业主体责任落实情况。\n（二）隐患排查治理情况。\n")
    assert codes(text, "S113") == []


def test_title_rules():
    assert codes("关于2025年工作情况的汇报。\n\n各位领导：\n现汇报如下。\n", "S114") == ["S114"]
    assert fixed("关于2025年工作情况的汇报。\n\n各位领导：\n现汇报如下。\n", "S114").startswith(
        "关于2025年工作情况的汇报\n")
    assert codes("工 作 报 告\n\n各位领导：\n现报告如下。\n", "S117") == ["S117"]
    assert codes("关于2025年工作情况的汇报\n\n各位领导：\n现汇报如下。\n", "S118") == ["S118"]
    assert codes("关于2025年工作情况的报告\n\n市政府：\n现报告如下。\n", "S118", "S119", "S120") == []


def test_request_in_a_report_but_not_in_a_request():
    tail = "\n\n市政府：\n建议增拨经费。妥否，请批示。\n"
    assert codes("关于防汛工作情况的报告" + tail, "S121") == ["S121"]
    assert codes("关于追加防汛经费的请示" + tail, "S121") == []
    # a 汇报 reports to a superior as a 报告 does: it may not carry a request either (issue 13)
    assert codes("关于防汛工作情况的汇报" + tail, "S121") == ["S121"]
    assert codes("2025年工作情况汇报\n\n各位领导：\n恳请区政府在资金上给予支持。\n", "S121") == ["S121"]


def test_salutation_colon_is_added_or_made_full_width():
    text = "关于2025年工作情况的汇报\n\n尊敬的各位领导:\n现将有关情况汇报如下。\n"
    assert fixed(text, "S122") == text.replace("领导:", "领导：")
    text = "关于2025年上半年工作情况的报告\n市政府\n今年以来，我办扎实推进各项工作。\n"
    [(f, _)] = findings(text, "S122")
    assert f.replacement == "："


def test_unit_line_under_a_speech_title_is_not_a_salutation():
    text = "2025年度述职报告\n临江市教育局副局长　林建国\n一年来，我认真履行岗位职责。\n"
    assert codes(text, "S122") == []


# --- placeholders ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("全年投入资金XX万元，完成项目XXX个。\n", "S123"),
    ("会议定于20XX年X月X日召开。\n", "S123"),
    ("联系人：XXX，电话：XXXXXXXX。\n", "S123"),
    ("今年以来成效明显【待补充】。\n", "S123"),
    ("{{单位}}全体干部职工共同努力。\n", "S123"),
    ("TODO：补充数据。\n", "S123"),
    ("此处填写具体措施。\n", "S123"),
    ("XXX区政府办公室坚决贯彻落实。\n", "S124"),
    ("××市××局积极配合。\n", "S124"),
    ("某某局积极配合。\n", "S124"),
    ("推出“XXX人大代表履职服务平台”。\n", "S124"),
])
def test_placeholders(text, code):
    assert code in codes(text, "S123", "S124")


@pytest.mark.parametrize("text", [
    "配备X射线安检设备3台，邮箱aj@xx.gov.cn，网址https://www.xx.gov.cn/xxgk/。\n",
    "长×宽为3×5米，会议时间待定的事项另行通知。\n",
    "XXL型号设备已采购，按照ISO 9001:2015执行。\n",
])
def test_not_placeholders(text):
    assert codes(text, "S123", "S124") == []


# --- invariants ------------------------------------------------------------------------------

@st.composite
def outlines(draw):
    """A random well-formed outline: every level numbered 1, 2, 3 … under its parent."""
    lines = []

    def part(level: int) -> None:
        n = draw(st.integers(min_value=2, max_value=4))
        for k in range(1, n + 1):
            title = draw(st.sampled_from(["建立机制", "强化保障", "完善制度", "提升能力"]))
            if level >= 3:
                lines.append(f"{marker(level, k)}{title}。推动工作落实。")
            else:
                lines.append(f"{marker(level, k)}{title}")
                lines.append("今年以来，我办扎实推进各项工作。")
            if level < 4 and draw(st.booleans()):
                part(level + 1)

    part(1)
    if draw(st.booleans()):
        n = draw(st.integers(min_value=2, max_value=5))
        lines.append("；".join(f"{series_marker(k)}加强学习" for k in range(1, n + 1)) + "。")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(outlines())
def test_well_formed_numbering_is_never_flagged(text):
    assert codes(text, "S101", "S102", "S103", "S104", "S105", "S106", "S108", "S109", "S110",
                 "S111", "S113") == []


def test_rules_work_on_hand_built_documents():
    doc = Document([Block(TITLE, "关于工作情况的汇报"), Block(HEADING, "一、做法", 1, "一、"),
                    Block(BODY, "扎实推进。"), Block(HEADING, "三、问题", 1, "三、")])
    assert codes(doc, "S101") == ["S101"]


# --- reviewer's texts (/tmp/review) ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    # messy1 line 13: “三大举措” over two inline items
    "3、下一步打算\n我们将围绕“三大举措”抓好落实:一是强化项目服务;二是加强基层治理。\n",
    "三、下一步打算\n推出三项举措：一是强化项目服务；二是加强基层治理。\n",
    "三、下一步打算\n重点推出三大举措：一是强化项目服务；二是加强基层治理。\n",
    "三、下一步打算\n重点办好三件事：一是强化项目服务；二是加强基层治理。\n",
    "三、下一步打算\n下一步要重点抓好三项工作。一是强化项目服务；二是加强基层治理。\n",
    "三、下一步打算\n下一步要重点抓好三项工作。\n一是强化项目服务。做好服务。\n二是加强基层治理。抓好治理。\n",
    "三、下一步打算\n主要推出三项举措，具体如下：一是强化项目服务；二是加强基层治理。\n",
    "一、主要做法\n我们重点实施了三项举措。\n（一）强化项目服务\n做好服务。\n（二）加强基层治理\n抓好治理。\n"
    "二、存在问题\n人员不足。\n",
])
def test_count_words_in_the_clause_that_introduces_the_items(text):
    [(f, level)] = findings(text, "S107")
    assert level == ERROR and "三" in f.message and "两" in f.message


@pytest.mark.parametrize("text", [
    "三、下一步打算\n我们将围绕“两大举措”抓好落实：一是强化项目服务；二是加强基层治理。\n",
    "一、主要做法\n我们重点实施了两项举措。\n（一）强化项目服务\n做好服务。\n（二）加强基层治理\n抓好治理。\n",
    # fixed phrases, congresses, 《》 names, counts of other things
    "三、下一步打算\n要打好三大攻坚战，做到“两个维护”：一是强化项目服务；二是加强基层治理。\n",
    "三、下一步打算\n深入学习贯彻党的二十大精神：一是强化项目服务；二是加强基层治理。\n",
    "三、下一步打算\n落实《三项制度改革方案》：一是强化项目服务；二是加强基层治理。\n",
    "一、主要做法\n全市形成三大产业集群，带动三大产业协调发展。\n（一）强化项目服务\n做好服务。\n"
    "（二）加强基层治理\n抓好治理。\n",
    "一、主要做法\n全市形成三大产业集群，现将有关情况汇报如下。\n（一）强化项目服务\n做好服务。\n"
    "（二）加强基层治理\n抓好治理。\n",
    "一、主要做法\n会议历时三个月，形成三项成果。\n（一）强化项目服务\n（二）加强基层治理\n（三）完善制度\n",
])
def test_count_words_that_agree_or_count_something_else(text):
    assert codes(text, "S107") == []


def test_request_with_words_between_qing_and_the_verb():
    # messy2 line 12, in a 关于……的报告 with a letter-spaced title
    text = ("关 于 2026 年 上 半 年 医 保 基 金 监 管 工 作 情 况 的 报 告\n市医疗保障局:\n"
            "三、下一步工作\n一是继续加强日常监管；二是完善基金监管制度。\n以上报告，请领导批示。\n")
    [(f, level)] = findings(text, "S121")
    assert level == ERROR and "请领导批示" in f.message
    report = "关于2026年上半年医保基金监管工作情况的报告\n市医疗保障局：\n以上报告，请审阅批示。\n"
    assert codes(report, "S121") == ["S121"]
    assert codes(report.replace("请审阅批示", "请审阅"), "S121") == []
    assert codes(report.replace("请审阅批示", "请予评议"), "S121") == []


def test_request_phrases_come_from_the_word_list_in_force(tmp_path):
    from toolkit.check.wordlists import Lexicons

    extra = tmp_path / "more.yaml"
    extra.write_text("extends: request-phrases\nadd: [请予评议]\n", encoding="utf-8")
    report = "关于2025年度履职情况的报告\n市政府：\n以上报告，请予评议。\n"
    doc = parse_text(report)
    assert [f.code for f, _ in run(doc, [RULES["S121"]], lexicons=Lexicons.load([extra]))] == ["S121"]
    assert codes(report, "S121") == []


def test_chat_window_top_headings_numbered_1_are_level_1():
    # messy1: “1、” above “(一)” are the report's top headings: suggest and fix “一、”, and “3、”
    # goes on from “2、” (no gap)
    text = ("青石镇2026年上半年工作情况汇报\n尊敬的各位领导：\n现将有关情况汇报如下。\n1、经济运行情况\n"
            "上半年，全镇完成地区生产总值12.6亿元。\n2、重点工作\n(一)项目建设\n今年以来共引进项目8个。\n"
            "(三)乡村振兴\n一是抓好粮食生产；二是推进人居环境整治。\n3、下一步打算\n我们将抓好落实。\n")
    found = findings(text, "S101", "S104")
    got = [(f.code, f.message) for f, _ in found]
    assert ("S104", "一级标题序号“1、”写法不对，应为“一、”（一级标题用“一、”）。") in got
    assert ("S104", "一级标题序号“3、”写法不对，应为“三、”（一级标题用“一、”）。") in got
    assert [m for c, m in got if c == "S101"] == ["标题序号“(三)”跳号：前面缺少“（二）”。"]
    out = fixed(text, "S104")
    assert "一、经济运行情况\n" in out and "二、重点工作\n（一）项目建设" in out and "三、下一步打算" in out
    # after the old fix to “1.” “2.” “3.”, 3. is not a gap under （三）
    dotted = text.replace("1、", "1.").replace("2、", "2.").replace("3、", "3.")
    assert [m for c, m in ((f.code, f.message) for f, _ in findings(dotted, "S101"))
            if "3." in m] == []


def test_level_that_the_hierarchy_leaves_open_is_not_fixed():
    # “3.” goes on from 2. at the top and from 2. under （一）: suggested, never applied
    text = ("1、经济运行情况\n上半年增长。\n2、重点工作\n（一）项目建设\n1、引进项目\n推进。\n2、推进建设\n推进。\n"
            "3、下一步打算\n抓好落实。\n")
    by_line = {ctx_text[:4]: f for f, ctx_text in
               ((f, parse_text(text).blocks[f.block].text) for f, _ in findings(text, "S104"))}
    assert by_line["3、下一"].replacement is None
    assert by_line["1、经济"].replacement == "一、"
    # a document that already has “一、” headings keeps the marker's level
    assert fixed("一、主要做法\n（一）建立机制\n1、建立议事规则\n2、建立督查机制\n", "S104") == \
        "一、主要做法\n（一）建立机制\n1.建立议事规则\n2.建立督查机制\n"


def test_letter_spaced_title_with_a_number_is_shown_and_fixed_whole():
    from toolkit.check.fixes import apply_to_text
    from toolkit.check.rules import all_rules

    text = ("关 于 2026 年 上 半 年 医 保 基 金 监 管 工 作 情 况 的 报 告\n市医疗保障局:\n"
            "根据要求，现将我县有关情况报告如下。\n")
    first = findings(text, "S117")[0][0]
    assert "应为“关于2026年上半年医保基金监管工作情况的报告”" in first.message
    assert fixed(text, "S117").startswith("关于2026年上半年医保基金监管工作情况的报告\n")
    # with every rule (T115 removes the spaces between characters too), as --fix does
    doc = parse_text(text)
    everything = apply_to_text(text, doc, [f for f, _ in run(doc, all_rules())])
    assert everything.startswith("关于2026年上半年医保基金监管工作情况的报告\n")


def test_mixed_series_markers_inside_one_paragraph():
    # messy3 line 10
    text = "（四）抓好作风建设\n坚持首先抓学习，其次抓落实，第三抓督查--确保各项工作落到实处。\n"
    [(f, _)] = findings(text, "S109")
    assert "“首先”" in f.message and "“第三”" in f.message
    assert codes("首先要提高认识，其次要加大力度，第三季度完成验收。\n再次强调，第三方机构参与。\n",
                 "S108", "S109", "S110", "S111") == []


@pytest.mark.parametrize("text", ["此项工作由XXX同志负责。\n", "XXX局长出席会议并讲话。\n",
                                  "其中XXX项目已于2026年7月5日开工。\n"])
def test_an_unfilled_person_name_is_a_placeholder(text):
    [(f, level)] = findings(text, "S123", "S124")
    assert f.code == "S123" and level == ERROR


def test_required_section_when_the_title_ends_with_a_full_stop():
    # messy4: the title's “。” hid it from the parser; the kind (调研报告) still comes from it
    text = ("关于临江经开区企业用工情况的调研报告。\n市人社局调研组\n"
            "为摸清数产园企业用工情况,调研组于2026年5月对临江数字经济产业园（以下简称“数产园”）开展了调研。\n"
            "一、基本情况。\n临江经济技术开发区现有规上企业486家。\n二、存在的问题\n"
            "（一）招工难问题依然突出。企业普遍反映一线普工缺口较大。\n（二）人才留不住。主要是住房问题。\n")
    [(f, _)] = findings(text, "S112")
    assert "调研报告" in f.message and "对策建议" in f.message
    assert codes(text.replace("报告。\n", "报告\n", 1), "S112") == ["S112"]


def test_untouched_init_starter_has_two_groups_not_a_lone_first(tmp_path):
    # /tmp/review/init: the 工作情况汇报 starter showed only 机制, which drew S106 on its （一）
    from toolkit.draft.kinds import find_kind
    from toolkit.draft.pipeline import draft_file
    from toolkit.draft.starter import starter

    path = tmp_path / "我的汇报.yaml"
    path.write_text(starter(find_kind("工作情况汇报")), encoding="utf-8")
    doc = draft_file(str(path)).document
    assert codes(doc, "S106", "S107") == []

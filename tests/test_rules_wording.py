"""Wording rules (W) on real report text: what they report, what they leave alone."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from toolkit.check.engine import run
from toolkit.check.model import ERROR, WARNING
from toolkit.check.rules import wording
from toolkit.draft.pipeline import draft_file
from toolkit.text.parser import parse_text

ROOT = Path(__file__).resolve().parent.parent
RULES = {r.code: r for r in wording.RULES}
CLEAN = sorted((ROOT / "corpora" / "clean").glob("*.txt"))


def found(text: str, code: str, **options) -> list[str]:
    doc = parse_text(text)
    return [doc.blocks[f.block].text[f.start:f.end]
            for f, _ in run(doc, [RULES[code]], options={code: options} if options else None)]


def test_rules_are_a_tuple_of_w_codes():
    assert isinstance(wording.RULES, tuple)
    codes = [r.code for r in wording.RULES]
    assert codes == sorted(codes) and all("W101" <= c <= "W199" for c in codes)
    assert {"W111", "W112", "W113", "W114", "W115", "W116"} <= set(codes)


def test_reference_report_has_no_error_and_the_expected_advice():
    doc = draft_file(ROOT / "configs" / "examples" / "reference-report.yaml").document
    findings = run(doc, wording.RULES)
    assert not [f for f, level in findings if level == ERROR]
    got = {(f.code, doc.blocks[f.block].text[f.start:f.end]) for f, _ in findings}
    assert ("W101", "汇报一下") in got  # 口语
    assert ("W116", "区政府办") in got  # beside “X区人民政府办公室”
    assert ("W114", "上下联动") in got  # in two of the three mechanisms


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_reports_get_no_error_or_warning(path):
    doc = parse_text(path.read_text(encoding="utf-8"), str(path))
    bad = [(f.code, f.message) for f, level in run(doc, wording.RULES) if level in (ERROR, WARNING)]
    assert bad == []


# --- W111 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("要进一步进一步加强基层应急队伍建设。", ["进一步进一步"]),
    ("进一步进一步提高全市公文质量。", ["进一步进一步"]),  # the second copy runs into a longer word
    ("统筹推进推进教育新型基础设施建设。", ["推进推进"]),  # the first closes a longer verb
    ("全区各级各部门要把安全生产的的责任落实到岗位。", ["的的"]),
    ("我们我们将认真梳理存在的问题。", ["我们我们"]),
    ("为了了解基层实际情况，调研组走访了12个社区。", []),
    ("实现目的的手段要合法合规。", []),
    ("关键是是否落实到位。", []),
    ("的的确确做到了件件有着落。", []),
    ("在在建工地开展安全检查。", []),
    ("推进民族团结和和谐社会建设。", []),
    ("加强对对口支援单位的指导。", []),
    ("社区党组织组织居民开展自治。", []),
    ("人大代表代表人民行使权力。", []),
    ("督促生产经营单位落实安全生产生产经营主体责任。", []),
    ("形成重要工作一个环节一个环节地调度。", []),
    ("天天有人值守，人人明确责任，常常开展演练。", []),
    ("大家坐下来研究研究。", []),
    ("XXX督查考核系统上线运行。", []),
])
def test_repeated_word(text, expected):
    assert found(text, "W111") == expected


# --- W112 ----------------------------------------------------------------------------------------

def test_overused_word_per_paragraph_and_per_section():
    text = "一、主要做法\n要加强组织领导，加强队伍建设，加强督促检查。\n"
    assert found(text, "W112") == ["加强"]
    assert found(text, "W112", per_paragraph=4) == []
    spread = "一、主要做法\n" + "持续推进专项整治。\n" * 5 + "二、下一步打算\n持续推进专项整治。\n"
    assert found(spread, "W112") == []  # 5 in the first section, 1 in the second
    assert found(spread, "W112", per_section=5) == ["持续", "推进"]
    assert found(text, "W112", words=["组织", "队伍"]) == []


def test_overused_word_message():
    doc = parse_text("要进一步提高认识，进一步压实责任，进一步完善机制。")
    (finding, level), = run(doc, [RULES["W112"]])
    assert finding.message == "“进一步”在本段出现3次，用得过多。"
    assert finding.suggestion == "可换用：再、更加、持续" and level == "提示"


# --- W113 ----------------------------------------------------------------------------------------

def test_repeated_openings_run_over_plain_paragraphs_not_over_headings():
    three = "我们组织了专题培训。\n我们开展了专项检查。\n我们完善了考核办法。\n"
    assert found(three, "W113") == ["我们"]
    split = "我们组织了专题培训。\n（一）强化督查\n我们开展了专项检查。我们完善了考核办法。\n"
    assert found(split, "W113") == []
    assert found(three, "W113", count=4) == []
    assert found("全区新建充电桩。全区开展演练。全年培训干部。", "W113") == []
    assert found("全区新建充电桩。全区开展演练。全年培训干部。", "W113", chars=1) == ["全"]


def test_series_leads_are_not_sentences_to_compare():
    text = ("二、存在的问题\n一是抓落实的认识不足。有些同志瞻前顾后。\n二是抓落实的力度不够。有些同志开会多。\n"
            "三是抓落实的措施不多。有些同志缺少办法。\n")
    assert found(text, "W113") == []


# --- W114 ----------------------------------------------------------------------------------------

def test_same_phrase_in_sibling_items():
    text = ("（一）健全机制\n建立例会制度，做到统筹推进、上下联动。\n"
            "（二）强化督查\n开展专项督查，做到上下联动、务求实效。\n")
    assert found(text, "W114") == ["上下联动"]
    assert found(text, "W114", min_items=3) == []
    # a phrase in the item titles is parallelism, not repetition
    titles = "1.强化信息反馈职能，做抓落实的“先行官”。围绕中心工作。\n2.强化调查研究职能，做抓落实的“参谋部”。深入开展调研。\n"
    assert found(titles, "W114") == []


def test_phrases_under_different_parents_are_not_siblings():
    text = ("一、主要做法\n（一）健全机制\n建立例会制度，做到上下联动。\n"
            "二、下一步打算\n（一）强化督查\n开展专项督查，做到上下联动。\n")
    assert found(text, "W114") == []


# --- W115 ----------------------------------------------------------------------------------------

def test_abbreviation_before_definition():
    text = ("区发改委牵头制定实施方案。\n"
            "区发展和改革委员会（以下简称“区发改委”）会同有关部门开展评估。区发改委定期通报进展。\n")
    assert found(text, "W115") == ["区发改委"]
    after = "区发展和改革委员会（以下简称“区发改委”）会同有关部门开展评估。区发改委定期通报进展。"
    assert found(after, "W115") == []
    within = "青山区政府办公室负责统筹。青山区政府办公室（以下简称“区政府办”）牵头制定方案。"
    assert found(within, "W115") == []
    plain = "市场监管局开展专项检查。青山区市场监督管理局（下称市场监管局，负责具体实施）牵头。"
    assert found(plain, "W115") == ["市场监管局"]
    generic = "推进重点项目建设。实施老旧小区改造工程建设项目（以下简称“项目”）。"
    assert found(generic, "W115") == []
    two = "推进两办督查。区委办公室和区政府办公室（以下简称“两办”）联合督查。"
    assert found(two, "W115") == ["两办"]


# --- W116 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("区政府办公室牵头抓总。区政府办负责督办落实。", ["区政府办"]),
    ("区府办牵头抓总。区政府办公室负责督办落实。", ["区政府办公室"]),
    ("区委办公室负责统筹协调。区委办、区政府办联合开展督查。", ["区委办"]),
    ("X区人民政府办公室牵头抓总。XXX区政府办公室负责督办。", []),  # 人民政府 / 政府: one name
    ("区政府办公室牵头抓总。区政府办理群众来信126件。", []),
    ("区政府办公室（以下简称“区政府办”）牵头抓总。区政府办负责督办落实。", []),
    ("市政府办公室牵头抓总。区政府办负责督办落实。", []),  # two organs
])
def test_organization_written_two_ways(text, expected):
    assert found(text, "W116") == expected


# --- the benchmark's injectors -----------------------------------------------------------------

def _injectors():
    spec = importlib.util.spec_from_file_location("wording_defects",
                                                  ROOT / "benchmarks" / "defects" / "wording.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.INJECTORS


INJECTORS = _injectors()


@pytest.mark.parametrize("name", list(INJECTORS))
def test_each_injected_defect_is_reported(name):
    rng = random.Random(20260)
    texts = [p.read_text(encoding="utf-8") for p in CLEAN]
    rules = list(wording.RULES)
    trials = hits = 0
    for _ in range(12):
        clean = rng.choice(texts)
        result = INJECTORS[name](clean, rng)
        if result is None:
            continue
        defective, code = result
        assert defective != clean and code.startswith("W")
        before = sum(f.code == code for f, _ in run(parse_text(clean), rules))
        after = sum(f.code == code for f, _ in run(parse_text(defective), rules))
        trials += 1
        hits += after > before
    assert trials >= 8 and hits == trials


# --- reviewer's texts (/tmp/review): deadlines are not 日前, 经开区 is 经济技术开发区 -----------------

@pytest.mark.parametrize("text", [
    "下一步，我们将重点抓好三项工作：一是开展“百日冲刺”行动，力争8月31日前毕业去向落实率达到90%以上；"
    "二是加强就业指导队伍建设。",
    "各单位要于7月15日前报送材料，9月30日前完成整改。",
    "请于七月十五日前报送材料，7月15号前完成自查，8月前完成整改。",
])
def test_a_date_before_the_deadline_word_is_not_the_vague_ri_qian(text):
    assert found(text, "W106") == []


def test_the_vague_ri_qian_is_still_reported():
    assert found("区政府日前召开常务会议，专题研究营商环境工作。", "W106") == ["日前"]


def test_development_zone_full_name_and_short_form():
    text = ("关于临江经开区企业用工情况的调研报告。\n市人社局调研组\n"
            "临江经济技术开发区现有规上企业486家,从业人员12,860人,其中数产园企业43家.\n"
            "临江经开区已在2025年建成人才公寓1500套,但仍不能满足需求。\n")
    assert found(text, "W116") == ["经济技术开发区"]
    # the short form defined with 以下简称, and two different zones, are not variants
    assert found("临江经济技术开发区（以下简称“临江经开区”）现有企业486家。临江经开区新建公寓。",
                 "W116") == []
    assert found("临江经济技术开发区与青山经开区签订合作协议。", "W116") == []

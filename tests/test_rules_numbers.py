"""Number and date rules (N): dates, connectors, one form per kind of number, 发文字号."""

from __future__ import annotations

import pytest
from conftest import found as shared_found

from toolkit.check.engine import run
from toolkit.check.rules import numbers, punctuation
from toolkit.core.document import BODY, DATE, Block, Document
from toolkit.text.parser import parse_text

RULES = numbers.RULES
BY_CODE = {r.code: r for r in RULES}


def found(text: str, code: str | None = None, rules=RULES):
    """(code, text found, replacement) for each finding of this family (or one code)."""
    return shared_found(text, rules, code)


def fixed_blocks(doc: Document, rule) -> Document:
    findings = sorted((f for f, _ in run(doc, [rule]) if f.replacement is not None),
                      key=lambda f: (f.block, f.start), reverse=True)
    texts = [b.text for b in doc.blocks]
    for f in findings:
        texts[f.block] = texts[f.block][:f.start] + f.replacement + texts[f.block][f.end:]
    return Document([Block(b.kind, t, b.level, b.marker, b.lead, b.series)
                     for b, t in zip(doc.blocks, texts)])


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_examples_and_fixes(rule):
    for example in rule.fails:
        doc = parse_text(example)
        assert [f for f, _ in run(doc, [rule])], example
        if rule.fix:
            again = [f for f, _ in run(fixed_blocks(doc, rule), [rule])
                     if f.replacement is not None]
            assert again == [], example
    for example in rule.passes:
        assert [f for f, _ in run(parse_text(example), [rule])] == [], example


# --- dates -------------------------------------------------------------------------------------

def test_leading_zeros_in_a_date():
    assert found("会议于2026年01月05日召开。", "N101") == [("N101", "01", "1"), ("N101", "05", "5")]


@pytest.mark.parametrize("text", ["数据截至2026-01-05。", "根据国发〔2026〕01号文件。", "增长0.5个百分点。"])
def test_no_leading_zero_finding(text):
    assert found(text, "N101") == []


def test_short_year_is_a_warning_without_fix():
    assert found("26年3月，我区启动专项行动。", "N102") == [("N102", "26年", None)]
    assert BY_CODE["N102"].severity == "警告"


@pytest.mark.parametrize("text", ["近20年来，我区经济持续发展。", "工作满20年的职工。", "2026年3月启动。"])
def test_no_short_year(text):
    assert found(text, "N102") == []


@pytest.mark.parametrize("text, replacement", [
    ("二〇二六年1月5日召开会议。", "2026年1月5"),
    ("2026年一月五日召开会议。", "2026年1月5"),
    ("2026年十二月召开会议。", "2026年12月"),
    ("二○二六年1月召开会议。", "2026年1月"),
])
def test_mixed_date_forms(text, replacement):
    assert [r for _, _, r in found(text, "N103")] == [replacement]


def test_chinese_signing_date_is_an_error_in_the_date_line_only():
    doc = Document([Block(BODY, "二〇二六年一月五日，我区召开动员大会。"),
                    Block(DATE, "二〇二六年一月五日")])
    findings = [f for f, _ in run(doc, [BY_CODE["N104"]])]
    assert [(f.block, f.replacement) for f in findings] == [(1, "2026年1月5")]
    assert BY_CODE["N104"].severity == "错误"


def test_hao_for_ri():
    assert found("定于1月5号召开。", "N105") == [("N105", "号", "日")]
    assert found("地铁3号线，5月1号楼。", "N105") == []


# --- connectors --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, hit", [
    ("规划期为2021-2025年。", "-"), ("规划期为2021~2025年。", "~"), ("规划（2021-2025）", "-"),
    ("2021年-2025年", "-"), ("1-3月完成投资。", "-"), ("3月5日-10日开展检查。", "-"),
    ("会议时间为9:00-11:30。", "-"), ("规划期为2021 - 2025年。", " - "),
])
def test_time_ranges_take_the_one_em_dash(text, hit):
    assert found(text, "N106") == [("N106", hit, "—")]


@pytest.mark.parametrize("text, hit", [
    ("整改期限为15-30天。", "-"), ("整改期限为15~30天。", "~"), ("进修3-6个月。", "-"),
    ("网格规模为300－500户。", "－"), ("期限为5-10年。", "-"),
])
def test_numeric_ranges_take_the_wave_dash(text, hit):
    assert found(text, "N107") == [("N107", hit, "～")]


@pytest.mark.parametrize("text", [
    "规划期为2021—2025年，整改期限为15～30天，1—3月完成。",
    "联系电话：0571-88888888，010-12345678。",
    "数据截至2026-01-05，执行GB/T 9704-2012，设备型号A-3，第21-30条。",
])
def test_no_connector_finding(text):
    assert found(text, "N106") == [] and found(text, "N107") == []


def test_percentages_on_both_ends():
    assert found("增幅为10～20%。", "N108") == [("N108", "10", "10%")]
    assert found("增幅为10%～20%，投资9亿～16亿元。", "N108") == []
    assert BY_CODE["N108"].severity == "警告"


# --- one form per kind of number -----------------------------------------------------------------

def test_minority_form_is_reported():
    text = "第4季度完成投资。\n第四季度加大力度。\n第3季度同比增长。\n"
    assert found(text, "N109") == [("N109", "第四季度", None)]
    counts = "新建3个中心。\n改造5个站点。\n另建成三个中心。\n"
    assert found(counts, "N109") == [("N109", "三", None)]


@pytest.mark.parametrize("text", [
    "一律按规定办理，学习十三届四中全会精神。", "参加人员十几个，年龄七八十岁。",
    "构建“三大机制”，一是加强领导，二是完善制度。", "新建3个中心，重点抓好三个方面工作，落实八项规定。",
    "新建3个中心，抓好四项工作：一是加强领导。",
])
def test_fixed_expressions_and_estimates_are_never_findings(text):
    assert found(text) == []


def test_chinese_count_over_ten_is_a_hint():
    assert found("全区二十五个单位参加。", "N112") == [("N112", "二十五", None)]
    assert BY_CODE["N112"].severity == "提示"


@pytest.mark.parametrize("text", ["二十多个部门参加，十几个街道响应。", "第二十五个年头。", "五十六个民族。",
                                  "十个方面。", "二三十个单位。"])
def test_no_chinese_count_finding(text):
    assert found(text, "N112") == []


def test_thousands_grouping():
    assert found("接待群众1,2000人次。", "N113") == [("N113", "1,2000", None)]
    assert found("接待群众12,000人次，投入1,234,567元。", "N113") == []


# --- 发文字号 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, brackets", [
    ("根据国发[2026]1号文件。", "[2026]"), ("根据国发(2026)1号文件。", "(2026)"),
    ("根据国发【2026】1号文件。", "【2026】"), ("根据国发（2026）1号文件。", "（2026）"),
    ("根据国发﹝2026﹞1号文件。", "﹝2026﹞"),
])
def test_docnum_brackets(text, brackets):
    assert found(text, "N110") == [("N110", brackets, "〔2026〕")]
    # the bracket is this rule's to fix, not the punctuation rules'
    assert [f for f in found(text, rules=punctuation.RULES)] == []


@pytest.mark.parametrize("text, hit", [("国发〔2026〕01号", "01"), ("国发〔2026〕第1号", "第1")])
def test_docnum_serial(text, hit):
    assert found(text, "N111") == [("N111", hit, "1")]


def test_docnum_ok():
    assert found("根据国发〔2026〕1号、浙政办发〔2025〕12号文件要求。") == []


# --- the independent review: the reviewer's own lines ------------------------------------------

def _fix_once(text: str) -> str:
    from toolkit.check.fixes import apply_to_text

    doc = parse_text(text)
    rules = RULES + punctuation.RULES
    return apply_to_text(text, doc, [f for f, _ in run(doc, rules)])


REPORT = "关于2026年医保工作情况的报告\n全年工作稳步推进。\n以上报告。\nXX县医疗保障局\n{date}\n"


@pytest.mark.parametrize("date", ["2026.7.5", "2026-07-05", "2026/7/5"])
def test_numeric_signing_date_is_written_out(date):
    # C3: GB/T 9704-2012 7.3.5.4
    text = REPORT.format(date=date)
    assert found(text, "N114") == [("N114", date, "2026年7月5日")]
    assert BY_CODE["N114"].severity == "错误"
    fixed = _fix_once(text)
    assert fixed.endswith("\n2026年7月5日\n")
    assert [f for f, _ in run(parse_text(fixed), RULES) if f.replacement is not None] == []


def test_numeric_dates_in_the_body_are_not_signing_dates():
    assert found("数据截至2026-07-05，2026-07-06起施行。", "N114") == []


def test_mixed_numeric_date_forms_in_one_text():
    # C3, probe_fix.txt line 10
    hits = found("该项目于2026-07-05开工,2026/7/5验收.", "N103")
    assert hits == [("N103", "2026/7/5", None)]
    doc = parse_text("该项目于2026-07-05开工。\n2026.7.5验收。\n")
    finding = next(f for f, _ in run(doc, [BY_CODE["N103"]]))
    assert finding.block == 1 and "2026-07-05" in finding.message


@pytest.mark.parametrize("text", [
    "该项目于2026-07-05开工，2026-09-30验收。",
    "系统版本为2026.1.5.2，IP地址为10.0.0.1，数据截至2026-07-05。",
    "会议于2026年7月5日召开，数据截至2026-07-05。",
])
def test_one_numeric_date_form_is_fine(text):
    assert found(text, "N103") == []


def test_fullwidth_colon_in_a_time_and_its_range():
    # C4, messy6 line 6: the colon is found and the range connector still is
    line = ('（一）实施"双一流"建设就业工程(以下简称"就业工程")，就业信息网为'
            "https://job.ljdx.edu.cn/news?id=12,13&t=1，咨询时间为每周二14：30-17:00。")
    assert found(line, "N115") == [("N115", "：", ":")]
    assert found(line, "N106") == [("N106", "-", "—")]
    fixed = _fix_once(line + "\n")
    assert fixed.endswith("咨询时间为每周二14:30—17:00。\n")


@pytest.mark.parametrize("text", ["比例尺为1：50，比分为3：2。", "注意事项：10项。", "共计：12：00"])
def test_fullwidth_colon_outside_times_is_left(text):
    assert found(text, "N115") == []


@pytest.mark.parametrize("text", ["会议于6月5日14：30召开。", "请于10：00前报送。", "每天8：30—17：30开放。",
                                  "开放时间：14：30"])
def test_fullwidth_colon_in_times(text):
    assert {hit for _, hit, _ in found(text, "N115")} == {"："}

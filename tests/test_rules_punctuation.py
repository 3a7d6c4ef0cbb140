"""Punctuation rules (T): the reference report, protected spans, each mark's edge cases, fixes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import SHARED_REFERENCE
from conftest import found as shared_found
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.check.engine import run
from toolkit.check.model import ERROR
from toolkit.check.rules import numbers, punctuation
from toolkit.core.document import BODY, DATE, Block, Document
from toolkit.text.parser import parse_text

ROOT = Path(__file__).resolve().parent.parent
SOURCE = SHARED_REFERENCE
RULES = punctuation.RULES
BY_CODE = {r.code: r for r in RULES}


def found(text: str, code: str | None = None, rules=RULES):
    """(code, text found, replacement) for each finding of this family (or one code)."""
    return shared_found(text, rules, code)


def fix_blocks(doc: Document, findings) -> Document:
    """The document with every replacement applied to its block text (no overlaps)."""
    by_block: dict[int, list] = {}
    for f in findings:
        if f.replacement is not None and f.block >= 0:
            by_block.setdefault(f.block, []).append(f)
    blocks = []
    for i, block in enumerate(doc.blocks):
        text, last = block.text, len(block.text) + 1
        for f in sorted(by_block.get(i, []), key=lambda f: f.start, reverse=True):
            if f.end > last:
                continue
            text = text[:f.start] + f.replacement + text[f.end:]
            last = f.start
        blocks.append(Block(block.kind, text, block.level, block.marker, block.lead, block.series))
    return Document(blocks)


# --- the reference report ----------------------------------------------------------------------

@pytest.mark.skipif(not SOURCE.exists(), reason="reference report not available")
def test_every_halfwidth_mark_of_the_reference_report_is_found_once():
    text = SOURCE.read_text(encoding="utf-8")
    doc = parse_text(text, str(SOURCE))
    marks = Counter(c for b in doc.blocks for c in b.text if c in ",;:()")
    assert sum(marks.values()) == 123  # 110 , 4 ; 3 : 3 ( 3 ): the boilerplate lines count too
    hits = Counter()
    for f, _ in run(doc, RULES):
        if f.code in ("T101", "T102", "T103", "T105"):
            hits[doc.blocks[f.block].text[f.start:f.end].strip()] += 1
    assert hits == marks


@pytest.mark.skipif(not SOURCE.exists(), reason="reference report not available")
def test_reference_report_dunhao_between_quoted_items():
    doc = parse_text(SOURCE.read_text(encoding="utf-8"))
    messages = [f.message for f, _ in run(doc, [BY_CODE["T113"]])]
    assert len(messages) == 1
    assert "“三大攻坚战”、“四大补短板”" in messages[0]


@pytest.mark.skipif(not SOURCE.exists(), reason="reference report not available")
def test_fixing_the_reference_report_leaves_no_halfwidth_mark():
    from toolkit.check.fixes import apply_to_text

    text = SOURCE.read_text(encoding="utf-8")
    doc = parse_text(text)
    fixed = apply_to_text(text, doc, [f for f, _ in run(doc, RULES)])
    again = [f for f, _ in run(parse_text(fixed), RULES) if f.replacement is not None]
    assert again == []
    assert fixed.count("，") == text.count("，") + 110
    assert re.sub(r"[,;:()，；：（）、]", "", fixed) == re.sub(r"[,;:()，；：（）、]", "", text)


def test_composed_reference_report_has_no_error():
    from toolkit.draft.pipeline import draft_file

    doc = draft_file(str(ROOT / "configs" / "examples" / "reference-report.yaml")).document
    errors = [f for f, level in run(doc, RULES + numbers.RULES) if level == ERROR]
    assert errors == []


@pytest.mark.parametrize("path", sorted((ROOT / "corpora" / "clean").glob("*.txt")),
                         ids=lambda p: p.name)
def test_clean_reports_have_no_error_or_warning(path):
    doc = parse_text(path.read_text(encoding="utf-8"), str(path))
    bad = [(f.code, f.message) for f, level in run(doc, RULES + numbers.RULES) if level != "提示"]
    assert bad == []


# --- protected spans ---------------------------------------------------------------------------

PROTECTED_TEXT = (
    "请登录https://www.example.gov.cn/list?a=1,b=2;c=3:4查询，或访问www.example.gov.cn/x,y。\n"
    "会议定于上午9:30召开，时长1.5小时，圆周率取3.14，比例尺1:500。\n"
    "严格执行GB/T 9704-2012、GB/T 15834—2011和ISO 9001:2015标准，ISO/IEC 27001:2013同步推进。\n"
    "系统升级到v2.1.0版本，请下载report_2026.docx和工作要点v1.2.pdf。\n"
    "材料请发送至office@example.gov.cn，抄送li.ming@example.com。\n"
    "1.建立机制。全年投入2.5亿元，完成率98.6%，IP地址为10.0.0.1。\n"
)


def test_protected_spans_get_no_punctuation_finding():
    assert found(PROTECTED_TEXT) == []


@pytest.mark.parametrize("text", ["2026年", "GDP增长5%", "在Word中", "2026年，GDP增长5%，在Word中排版。",
                                  "使用 Word 排版，共 3 份。"])
def test_no_rule_touches_space_between_chinese_and_latin(text):
    assert found(text, rules=RULES + numbers.RULES) == []


# --- each mark ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code, hit, replacement", [
    ("根据会议安排,我代表办公室汇报。", "T101", ",", "，"),
    ("根据会议安排, 我代表办公室汇报。", "T101", ", ", "，"),
    ("全年共100人,其中党员60人。", "T101", ",", "，"),
    ("提高效能;推动落实。", "T102", ";", "；"),
    ("网站客服:3074922707", "T103", ":", "："),
    ("这是为什么?", "T104", "?", "？"),
    ("抓落实!", "T104", "!", "！"),
    ("(一)构建机制", "T105", "(", "（"),
    ("全区生产总值(GDP)增长。", "T105", "(", "（"),
    ("任务已经完成.下一步继续推进。", "T106", ".", "。"),
    ("任务已经完成.", "T106", ".", "。"),
    ("各街道（乡镇)按时报送。", "T117", ")", "）"),
    ("(一）构建机制", "T117", "(", "（"),
])
def test_halfwidth_marks_in_chinese_context(text, code, hit, replacement):
    assert (code, hit, replacement) in found(text, code)


@pytest.mark.parametrize("text", [
    "指标A,B均已达标。",           # between two Latin tokens
    "比例为1:2，时间为9:30。",      # ratio and time
    "共有12,000人参加。",           # thousands separator
    "1.建立高位推进机制。",          # the 1. marker
    "全年增长3.5个百分点。",          # decimal
    "The plan, etc. is done.",      # English
    "使用Windows(R)系统，按f(x)计算。",
    "一.主要做法",                  # a wrong marker: the structure rules' case, not a full stop
])
def test_not_chinese_context(text):
    codes = {"T101", "T102", "T103", "T104", "T105", "T106", "T117"}
    assert [f for f in found(text) if f[0] in codes] == []


def test_straight_quotes_alternate_and_nest():
    text = '他说"要抓好\'最后一公里\'的落实"，又说"久久为功"。'
    assert [r for _, _, r in found(text, "T107")] == ["“", "‘", "’", "”", "“", "”"]


def test_straight_quote_closes_a_curly_one():
    assert [r for _, _, r in found("建立“大督查\"工作机制。", "T107")] == ["”"]


def test_apostrophes_are_not_quotes():
    assert found("赴Xi'an考察，学习China’s经验。", "T107") == []
    assert found("赴Xi'an考察，学习China’s经验。", "T108") == []


@pytest.mark.parametrize("text, mark", [
    ("认真贯彻《安全生产法，压实责任。", "《"),
    ("建立“大督查工作机制。", "“"),
    ("落实责任）。", "）"),
    ("学习“《条例”》。", "《"),
])
def test_unpaired_marks(text, mark):
    assert mark in [hit for _, hit, _ in found(text, "T108")]


@pytest.mark.parametrize("text", [
    "认真贯彻《安全生产法》，压实“管行业必须管安全”的要求（见附件）。",
    "1）建立机制。",  # a marker's lone bracket: the structure rules' case
    "“要抓好落实。\n“确保各项任务落地见效。”",  # a quotation over two paragraphs
    "根据国发[2026]1号文件要求。",
])
def test_paired_marks_ok(text):
    assert found(text, "T108") == []


def test_quote_nesting():
    assert found("他强调“要抓好“最后一公里”的落实”。", "T118")
    assert found("他强调“要抓好‘最后一公里’的落实”。", "T118") == []


@pytest.mark.parametrize("text, form", [
    ("安全检查、隐患排查...", "..."), ("安全检查、隐患排查。。。", "。。。"),
    ("安全检查、隐患排查…", "…"), ("安全检查、隐患排查......", "......"),
    ("安全检查、隐患排查⋯⋯", "⋯⋯"),
])
def test_ellipsis_forms(text, form):
    assert found(text, "T109") == [("T109", form, "……")]


@pytest.mark.parametrize("text", ["安全检查、隐患排查……", "此处略去一段…………"])
def test_ellipsis_ok(text):
    assert found(text, "T109") == []


@pytest.mark.parametrize("text, form", [
    ("我们的目标--建设服务型政府。", "--"), ("我们的目标－－建设服务型政府。", "－－"),
    ("我们的目标———建设服务型政府。", "———"), ("这是长期任务—“久久为功”。", "—"),
])
def test_dash_forms(text, form):
    assert found(text, "T110") == [("T110", form, "——")]


@pytest.mark.parametrize("text", ["规划期为2021—2025年，1—3月完成投资。", "我们的目标——建设服务型政府。",
                                  "执行GB/T 9704-2012，型号A-3。"])
def test_dash_ok(text):
    assert found(text, "T110") == []


def test_single_dash_between_words_is_only_a_hint():
    assert found("我们的目标—建设服务型政府。", "T110") == []
    assert found("我们的目标—建设服务型政府。", "T119") == [("T119", "—", None)]
    assert BY_CODE["T119"].severity == "提示"


@pytest.mark.parametrize("text, hit, replacement", [
    ("提高站位，，坚定信心。", "，，", "，"), ("确保落实！！！", "！！！", "！"),
    ("任务完成。。", "。。", "。"), ("真的吗？？", "？？", "？"), ("全面完成任务，。", "，。", None),
])
def test_repeated_marks(text, hit, replacement):
    assert found(text, "T111") == [("T111", hit, replacement)]


def test_repeated_marks_leave_ellipsis_and_question_exclamation():
    assert found("任务完成。。。真的吗？！", "T111") == []


@pytest.mark.parametrize("text, code", [
    ("采取沟通、提示、服务、等方式。", "T112"),
    ("涉及教育、医疗、等等领域。", "T112"),
    ("推动“三大攻坚战”、“四大补短板”工程。", "T113"),
    ("学习《安全生产法》、《消防法》。", "T113"),
    ("每期培训三、四天。", "T114"),
    ("参训人员七、八十岁。", "T114"),
])
def test_dunhao_misuse(text, code):
    assert found(text, code) == [(code, "、", "")]


@pytest.mark.parametrize("text", [
    "按照安全风险、等级划分实施管控。", "学习《安全生产法》（2021年修正）、《消防法》。",
    "小学一、二年级不布置作业，第三、四季度同步推进。", "一、二、三等奖各若干名。",
])
def test_dunhao_ok(text):
    assert [f for f in found(text) if f[0] in ("T112", "T113", "T114")] == []


@pytest.mark.parametrize("text, hit", [
    ("全面贯彻 落实中央决策部署。", " "), ("强化\u3000基础保障。", "\u3000"),
    ("提高政治站位， 坚定信心。", " "), ("关 于 工 作 的 汇 报", " "),
])
def test_spaces_in_chinese(text, hit):
    assert ("T115", hit, "") in found(text, "T115")


def test_leading_indentation_and_name_padding_are_kept():
    doc = Document([Block(BODY, "\u3000\u3000全面贯彻落实中央决策部署。"),
                    Block(BODY, "参会人员：王\u3000伟、李\u3000强、张建国。"),
                    Block(DATE, "2026年1月5日")])
    assert [f for f, _ in run(doc, [BY_CODE["T115"]])] == []


@pytest.mark.parametrize("text, hit, half", [
    ("２０２６年", "２０２６", "2026"), ("全区ＧＤＰ增长", "ＧＤＰ", "GDP"), ("增长３．５％", "３．５", "3.5"),
])
def test_fullwidth_alphanumerics(text, hit, half):
    assert found(text, "T116") == [("T116", hit, half)]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_examples_and_fixes(rule):
    replaced = False
    for example in rule.fails:
        doc = parse_text(example)
        findings = [f for f, _ in run(doc, [rule])]
        assert findings, example
        if rule.fix:
            replaced |= any(f.replacement is not None for f in findings)
            again = [f for f, _ in run(fix_blocks(doc, findings), [rule])
                     if f.replacement is not None]
            assert again == [], example
    assert replaced == rule.fix
    for example in rule.passes:
        assert [f for f, _ in run(parse_text(example), [rule])] == [], example


# --- property: fixes converge and never touch protected text ------------------------------------

HAN = "推进工作落实机制建设发展提高政治站位坚定信心全面深化改革服务群众"
TOKENS = ("https://www.example.gov.cn/a,b;c:d?x=1&y=2", "9:30", "3.14", "GB/T 9704-2012",
          "ISO 9001:2015", "v2.1.0", "report_2026.docx", "office@example.gov.cn")
MARKS = (",", ";", ":", "?", "!", "(", ")", ".", '"', "'", "...", "--", " ", "\u3000")

pieces = st.lists(
    st.tuples(st.text(alphabet=HAN, min_size=1, max_size=6),
              st.one_of(st.none(), st.sampled_from(MARKS), st.sampled_from(TOKENS))),
    min_size=1, max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces, st.text(alphabet=HAN, min_size=1, max_size=4))
def test_fixes_converge_and_spare_protected_spans(parts, tail):
    text, tokens = "", []
    for han, extra in parts:
        text += han
        if extra in TOKENS:
            tokens.append((len(text), len(text) + len(extra)))
        text += extra or ""
    text += tail
    doc = Document([Block(BODY, text)])
    findings = [f for f, _ in run(doc, RULES) if f.replacement is not None]
    for f in findings:
        assert not any(f.start < b and a < f.end for a, b in tokens), (text, f)
    ranges = sorted((f.start, f.end) for f in findings)
    assert all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:])), (text, ranges)
    fixed = fix_blocks(doc, findings)
    left = [f for f, _ in run(fixed, RULES) if f.replacement is not None]
    assert left == [], fixed.blocks[0].text
    for token in {text[a:b] for a, b in tokens}:
        assert fixed.blocks[0].text.count(token) >= text.count(token)


# --- the independent review: the reviewer's own lines ------------------------------------------

T_AND_N = RULES + numbers.RULES


def fix_once(text: str) -> str:
    """`text` after one `gongwen check --fix` pass of the T and N rules."""
    from toolkit.check.fixes import apply_to_text

    doc = parse_text(text)
    return apply_to_text(text, doc, [f for f, _ in run(doc, T_AND_N)])


@pytest.mark.parametrize("line", [
    # B1: joint issuers inside a cited title and before a 公告号
    "严格落实《财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告》（财政部 税务总局"
    "公告2023年第12号）等政策规定，上半年全市新增减税降费及退税缓费23.85亿元，惠及纳税人缴费人4.7万户次。"
    "依托电子税务局“税费政策精准推送”功能，向纳税人推送政策信息12.6万条，推送准确率达到96.5%。",
    # B2: the elements of a standard's title (GB/T 1.1)
    "对照《环境管理体系 要求及使用指南》（GB/T 24001—2016），指导重点企业健全环境管理体系，全区126家重点"
    "排污单位全部实现在线监测。上半年开展安全生产检查218次，整改隐患1354项，未发生较大及以上生产安全事故。",
    "财政部 税务总局关于进一步支持小微企业发展有关税费政策的公告",
    "根据财政部 税务总局〔2023〕12号文件要求。",
    "贯彻《中共中央 国务院关于全面推进乡村振兴的意见》和《信息安全技术 网络安全等级保护基本要求》。",
])
def test_deliberate_spaces_in_titles_and_document_numbers(line):
    assert found(line, "T115") == []
    assert fix_once(line + "\n") == line + "\n"


@pytest.mark.parametrize("text", ["认真学习《 安全生产法》。", "认真学习《安全生产法 》。",
                                  "全面贯彻 落实《安全生产法》。", "编印《公文处理  常见问题解析》。",
                                  "完成《临江市基础教育高质量发 展三年行动方案》起草。"])
def test_stray_spaces_in_and_next_to_titles_are_still_found(text):
    assert [code for code, _, _ in found(text, "T115")] == ["T115"]


def test_foreign_name_dot_is_never_fixed_to_a_full_stop():
    # B3
    line = "美国专家约翰.史密斯参加了座谈,并介绍了Python 3.10和V2.0版系统."
    hits = [(hit, rep) for code, hit, rep in found(line, "T106")]
    assert hits == [(".", None), (".", "。")]
    assert fix_once(line + "\n") == "美国专家约翰.史密斯参加了座谈，并介绍了Python 3.10和V2.0版系统。\n"
    doc = parse_text(line)
    first = next(f for f, _ in run(doc, [BY_CODE["T106"]]))
    assert "·" in first.message and "·" in first.suggestion


@pytest.mark.parametrize("text, replacement", [
    ("全年完成各项目标任务.下一步将继续加大工作力度。", "。"),  # 务/下: no name characters
    ("任务完成. 下一步继续推进。", "。"),
    ("约翰. 史密斯参加了座谈。", None),
    ("列奥纳多.达.芬奇的作品。", "·"),
])
def test_dot_between_han_characters(text, replacement):
    assert {rep for _, _, rep in found(text, "T106")} == {replacement}


def test_repeated_halfwidth_marks_are_fixed_in_one_pass():
    # B6
    line = "组织开展“学法规”、“讲案例”活动，全年培训干部的的能力明显提升!!"
    assert ("T104", "!!", "！") in found(line, "T104")
    fixed = fix_once(line + "\n")
    assert fixed.endswith("明显提升！\n")
    assert [f for f, _ in run(parse_text(fixed), T_AND_N) if f.replacement is not None] == []
    assert found("明显提升！!", "T104") == [("T104", "!", "")]
    assert found("真的落实了吗?!", "T104") == [("T104", "?!", "？！")]


@pytest.mark.parametrize("line, expected", [
    # B7, probe_fix.txt lines 4, 7 and 11
    ("下载地址为http://www.linjiang.gov.cn/files/a(1).html,也可发送邮件至fxb@linjiang.gov.cn.",
     "下载地址为http://www.linjiang.gov.cn/files/a(1).html，也可发送邮件至fxb@linjiang.gov.cn。"),
    ("执行GB/T 15834-2011标准,分机号为0571-86012345-8001,1-2月完成率为35.6%.",
     "执行GB/T 15834-2011标准，分机号为0571-86012345-8001，1—2月完成率为35.6%。"),
    ('截至7月5日-10日,完成检查"120"家,他说"好".',
     "截至7月5日—10日，完成检查“120”家，他说“好”。"),
])
def test_sentence_end_after_addresses_numbers_and_quotes(line, expected):
    fixed = fix_once(line + "\n")
    assert fixed == expected + "\n"
    assert [f for f, _ in run(parse_text(fixed), T_AND_N) if f.replacement is not None] == []


@pytest.mark.parametrize("text", ["见第1,2项。", "共有12,000人参加。", "访问www.example.gov.cn/a,b查询。"])
def test_commas_between_numbers_stay_unless_a_code_ends_the_clause(text):
    assert found(text, "T101") == []


def test_english_quotes_keep_their_spaces():
    assert found("即 the “Belt and Road” Initiative。", "T115") == []


@pytest.mark.parametrize("line", [
    # A5: GB/T 15834 4.13.3.2, the 一字线 links related items
    "市、县两级共储备编织袋28万条、救生衣3600件、冲锋舟42艘，组建专业抢险队伍15支、1260人。5月14日，"
    "市防指组织开展全市防汛综合应急演练，参演人员480余人，检验了“预警—转移—救援”全链条处置流程。",
    "三是深化校企合作，新建实习实践基地50个，切实做到“招生—培养—就业”联动。",
    "开通“北京—上海”专线，打通研发—生产—销售链条。",
])
def test_linked_items_take_a_single_dash(line):
    assert found(line, "T119") == []


def test_a_single_dash_as_a_short_dash_is_still_a_hint():
    assert [c for c, _, _ in found("这项工作—特别是基层—必须抓实。", "T119")] == ["T119", "T119"]

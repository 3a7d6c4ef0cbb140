"""Word lists as data: the shipped lists, context conditions, users' own lists and their errors."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.check.engine import run
from toolkit.check.rules import wording
from toolkit.check.wordlists import Lexicons, list_rule
from toolkit.core.document import Block, Document
from toolkit.core.errors import InputError
from toolkit.text.parser import parse_text

DEFAULT = Lexicons.default()


def codes_found(text: str, lexicons: Lexicons | None = None, rules=None) -> list[tuple[str, str]]:
    doc = parse_text(text)
    rules = rules or [r for r in wording.RULES if r.code <= "W110"]
    return [(f.code, doc.blocks[f.block].text[f.start:f.end])
            for f, _ in run(doc, rules, lexicons=lexicons)]


def write(tmp_path, name: str, body: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


# --- the shipped lists -------------------------------------------------------------------------

def test_shipped_lists_have_their_codes_and_enough_entries():
    sizes = {wl.code or wl.name: len(wl.entries) for wl in DEFAULT.lists}
    assert set(sizes) == {"W101", "W102", "W103", "W104", "W105", "W106", "request-phrases"}
    assert all(n >= 25 for n in sizes.values()), sizes
    assert sizes["W103"] >= 40


def test_every_list_rule_is_a_rule_with_the_list_examples():
    rules = {r.code: r for r in wording.RULES}
    for wl in DEFAULT.lists:
        if not wl.code:
            continue
        rule = rules[wl.code]
        assert rule.fails == wl.fails and rule.passes == wl.passes
        assert len(rule.fails) >= 2 and len(rule.passes) >= 2
        assert not rule.fix


def test_default_is_read_once():
    assert Lexicons.default() is DEFAULT


def test_importing_the_rules_reads_no_list_file():
    code = ("import toolkit.check.rules, toolkit.check.rules.wording, toolkit.check.wordlists as l;"
            "print(l._default.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


@pytest.mark.parametrize("text, expected", [
    ("截止2026年底，全区累计完成投资12.6亿元。", "截止"),
    ("截止到2025年10月，共受理投诉326件。", "截止"),
    ("截止目前，已完成整改89项。", "截止"),
    ("报名截止后不再受理。", None),
    ("申报截止日期为6月30日。", None),
    ("申报截至日期为6月30日。", "截至"),
    ("截至2026年底，全区累计完成投资12.6亿元。", None),
    ("对此作出重要批示。", None),
    ("对此做出重要批示。", "做出"),
    ("为全区发展做出新的更大贡献。", "做出"),
    ("食堂每天做出200份营养餐。", None),
    ("制定了12项管理制度。", None),
    ("制订了12项管理制度。", "制订"),
    ("制订年度培训计划。", None),
    ("群众反应强烈。", None),
    ("向上级反应情况。", "反应"),
    ("建立区级部门权利清单。", "权利"),
    ("保障公民的合法权利。", None),
    ("各单位必需严格落实值班制度。", "必需"),
    ("配齐防汛必需物资。", None),
    ("既使群众满意，又使企业受益。", None),
    ("既使遇到困难，也不能放松标准。", None),
    ("既使条件有限，工作标准不降低。", "既使"),
    ("本办法自2026年1月1日起实行。", "实行"),
    ("从2026年起实行新的考核办法。", None),
])
def test_confusables_follow_their_context(text, expected):
    hit = DEFAULT["W103"].find(text)
    assert (hit.text if hit else None) == expected


def test_hits_inside_book_title_marks_are_never_reported():
    assert DEFAULT["W103"].find("认真学习《关于做出重要部署的通知》精神。") is None
    assert DEFAULT["W103"].find("对此做出重要部署。") is not None


def test_quoted_sayings_are_skipped_where_the_list_says_so():
    # W101 skips “…” (a quoted saying may be colloquial); W103 does not.
    assert DEFAULT["W101"].find("往往是“老百姓的事再小也是大事”。") is None
    assert DEFAULT["W101"].find("老百姓的事再小也是大事。") is not None
    assert DEFAULT["W103"].find("口号是“其它工作让路”。") is not None


def test_pattern_suggestion_refers_to_its_groups():
    hit = DEFAULT["W101"].find("我代表区政府办公室汇报一下。")
    assert (hit.text, hit.suggestion) == ("汇报一下", "汇报")
    hit = DEFAULT["W103"].find("建立安全生产台帐。")
    assert (hit.text, hit.suggestion) == ("台帐", "账")


def test_request_phrases_are_exposed_for_the_structure_rules():
    phrases = DEFAULT.request_phrases
    assert not phrases.code  # data only: no rule of its own
    assert phrases.find("以上报告如无不妥，请批示。").text == "请批示"
    assert phrases.find("妥否，请批复。") is not None
    assert phrases.find("特此报告。") is None
    assert phrases.find("组织请研究生座谈。") is None
    assert "request-phrases" not in {r.name for r in wording.RULES}


def test_list_finding_message_and_suggestion():
    doc = parse_text("这项工作老百姓普遍满意。")
    rule = next(r for r in wording.RULES if r.code == "W101")
    (finding, level), = run(doc, [rule])
    assert finding.message == "“老百姓”是口语说法，公文宜改为“群众、人民群众”。"
    assert finding.suggestion == "改为“群众、人民群众”"
    assert level == "警告" and finding.replacement is None


WORDS = [e.source for wl in DEFAULT.lists for e in wl.entries if e.literal]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text("的工作，。“”《》0123456789截止至", max_size=6)),
                max_size=30))
def test_hits_are_ordered_disjoint_and_point_at_their_text(parts):
    text = "".join(parts)
    for wl in DEFAULT.lists:
        last = 0
        for hit in wl.finditer(text):
            assert last <= hit.start < hit.end <= len(text)
            assert text[hit.start:hit.end] == hit.text
            last = hit.end


# --- users' own lists ---------------------------------------------------------------------------

USER_LIST = """
    # 本单位用语规范
    code: W501
    name: unit-terms
    severity: 提示
    message: "“{word}”不是本单位的规范说法，请改为“{suggestion}”。"
    basis: 本单位公文写作规范
    summary: 本单位统一用语。
    examples:
      fails: [区应急局开展检查。]
      passes: [区应急管理局开展检查。]
    entries:
      - {word: 区应急局, suggest: 区应急管理局}
      - word: 安监
        suggest: 应急管理
        not_after: '局长'
"""


def test_a_user_list_defines_a_new_rule(tmp_path):
    path = write(tmp_path, "unit.yaml", USER_LIST)
    lexicons = Lexicons.load([path])
    (rule,) = lexicons.rules()
    assert [r.code for r in lexicons.extra_rules()] == ["W501"]
    assert DEFAULT.extra_rules() == ()
    assert (rule.code, rule.name, rule.severity) == ("W501", "unit-terms", "提示")
    found = codes_found("区应急局和安监部门开展联合检查。原安监局长参加。", lexicons, [rule])
    assert found == [("W501", "区应急局"), ("W501", "安监")]
    assert lexicons["W103"] is DEFAULT["W103"]  # the shipped lists stay as they were


def test_a_user_list_extends_a_shipped_one(tmp_path):
    path = write(tmp_path, "more.yaml", """
        extends: W103
        remove: [其它]
        add:
          - word: 登陆
            suggest: 登录
            after: '(?:系统|平台|账号|网站)'
            note: 进入网络系统用“登录”
    """)
    lexicons = Lexicons.load([path])
    text = "其它工作同步推进。群众可登陆平台查询。台风登陆前完成转移。"
    assert codes_found(text, DEFAULT) == [("W103", "其它")]
    assert codes_found(text, lexicons) == [("W103", "登陆")]
    assert len(lexicons["W103"].entries) == len(DEFAULT["W103"].entries)


def test_chinese_keys_work_too(tmp_path):
    path = write(tmp_path, "cn.yaml", """
        继承: W101
        增加:
          - {词: 整两句, 建议: 讲几句}
        删除: [老百姓]
    """)
    lexicons = Lexicons.load([path])
    assert codes_found("请领导整两句。老百姓满意。", lexicons) == [("W101", "整两句")]


def problems_of(tmp_path, body: str, name: str = "bad.yaml") -> list[str]:
    path = write(tmp_path, name, body)
    with pytest.raises(InputError) as info:
        Lexicons.load([path])
    return [f"{p.place.line}:{p.place.column} {p.message}" if p.place else p.message
            for p in info.value.problems]


def test_bad_regex_and_unknown_key_are_reported_at_file_line_col(tmp_path):
    problems = problems_of(tmp_path, """
        extends: W103
        add:
          - word: 登陆
            suggest: 登录
            after: '(?:系统|平台'
          - word: 帐篷
            sugest: 账篷
    """)
    assert problems[0].startswith("5:13 “after”条件不是有效的正则表达式：括号没有闭合")
    assert problems[1].startswith("7:5 词条中不认识键“sugest”")
    path = str(tmp_path / "bad.yaml")
    with pytest.raises(InputError) as info:
        Lexicons.load([path])
    assert str(info.value.problems[0].place) == f"{path}:5:13"
    assert "是不是“suggest”" in info.value.problems[1].hint


def test_every_problem_of_a_new_list_at_once(tmp_path):
    problems = problems_of(tmp_path, """
        code: W120
        name: Unit Terms
        severity: 严重
        message: "“{word}”改为“{suggestion}”{建议}。"
        entries:
          - {pattern: '(', suggest: x}
          - {word: 甲, pattern: 乙}
          - 丙
    """)
    text = "\n".join(problems)
    assert "1:7 自定义词表的代码应在 W500～W999 之间" in text
    assert "2:7 名称“Unit Terms”应为小写英文和短横线" in text
    assert "3:11 级别只能是" in text
    assert "4:35 消息模板中的“{建议}”不认识" in text
    assert "缺少“basis”" in text and "缺少“summary”" in text and "缺少“examples”" in text
    assert "6:16 pattern“(”不是有效的正则表达式" in text
    assert "7:5 每个词条要有 word 或 pattern" in text
    assert "8:5 词条“丙”缺少 suggest" in text


def test_examples_of_a_user_list_must_behave(tmp_path):
    problems = problems_of(tmp_path, USER_LIST.replace("[区应急局开展检查。]", "[区应急管理局开展检查。]")
                           .replace("passes: [区应急管理局开展检查。]", "passes: [原安监站撤销。]"))
    assert problems == ["9:11 示例“区应急管理局开展检查。”应当被词表发现，但没有词条命中。",
                        "10:13 示例“原安监站撤销。”不应被发现，但命中了“安监”。"]


def test_extends_errors(tmp_path):
    problems = problems_of(tmp_path, """
        extends: W199
        remove: [其它]
    """)
    assert problems[0].startswith("1:10 没有代码或名称为“W199”的词表")
    problems = problems_of(tmp_path, """
        extends: confusable-words
        remove: [其它, 不存在的词]
        fix: true
    """)
    assert problems[0].startswith("3:1 extends 词表文件中不认识键“fix”")
    assert problems[1].startswith("2:14 词表 W103 中没有词条“不存在的词”")


def test_a_user_code_must_not_take_a_shipped_or_used_one(tmp_path):
    first = write(tmp_path, "a.yaml", USER_LIST)
    second = write(tmp_path, "b.yaml", USER_LIST.replace("unit-terms", "other-terms"))
    with pytest.raises(InputError) as info:
        Lexicons.load([first, second])
    assert [p.message for p in info.value.problems] == ["代码“W501”已被词表“unit-terms”使用。"]


def test_missing_and_broken_files_are_input_errors(tmp_path):
    with pytest.raises(InputError) as info:
        Lexicons.load([tmp_path / "nope.yaml"])
    assert "找不到文件" in info.value.message
    path = write(tmp_path, "tab.yaml", "extends: W101\nadd:\n\t- 啥\n")
    with pytest.raises(InputError) as info:
        Lexicons.load([path])
    assert info.value.problems[0].place.line == 3


def test_list_rule_uses_the_lists_in_force():
    """A shipped rule reads its list from the context, so a user's `extends` changes it."""
    rule = list_rule(DEFAULT["W106"])
    doc = Document([Block("body", "近日，区政府召开常务会议。")])
    assert [f.code for f, _ in run(doc, [rule])] == ["W106"]
    emptied = Lexicons([l for l in DEFAULT.lists if l.code != "W106"]
                       + [type(DEFAULT["W106"])(name="vague-time-words", code="W106",
                                                entries=DEFAULT["W105"].entries)])
    assert run(doc, [rule], lexicons=emptied) == []


def test_backreference_patterns_scan_on_their_own(tmp_path):
    path = write(tmp_path, "rep.yaml", r"""
        code: W502
        name: doubled-terms
        severity: 提示
        message: "“{word}”重复。"
        basis: 本单位规范
        summary: 重复。
        examples: {fails: [要求要求。], passes: [要求。]}
        entries:
          - pattern: '(要求|意见)\1'
    """)
    wl = Lexicons.load([path])["W502"]
    assert [h.text for h in wl.finditer("意见意见，要求，要求要求")] == ["意见意见", "要求要求"]
    assert re.compile(wl.entries[0].source)


def test_request_phrases_examples_behave():
    # A data-only list has no rule to run its examples: S121 uses it, so they are checked here.
    phrases = DEFAULT.request_phrases
    for text in phrases.fails:
        assert phrases.find(text) is not None, text
    for text in phrases.passes:
        assert phrases.find(text) is None, text


@pytest.mark.parametrize("text, hit", [
    ("以上报告，请领导批示。", "请领导批示"),  # /tmp/review/messy2 line 12
    ("以上报告，请审阅批示。", "请审阅批示"),
    ("以上报告，请各位领导审阅批示。", "请各位领导审阅批示"),
    ("建议增拨经费200万元，请予审批。", "请予审批"),
    ("以上报告，请市政府批准。", "请市政府批准"),
])
def test_request_phrases_allow_words_between_qing_and_the_request(text, hit):
    assert DEFAULT.request_phrases.find(text).text == hit

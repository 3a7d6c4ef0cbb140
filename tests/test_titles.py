"""Title line breaking: word boundaries, 上长下短, punctuation rules, speed-critical laziness."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.text.titles import MAX_CHARS, STRETCH, break_title, title_units

REFERENCE = "X区人民政府办公室关于贯彻落实中央、省、市重大决策部署工作情况汇报"

# Phrases a typist never splits across lines.
WHOLE = [
    "安全生产", "人民政府", "办公室", "重大决策部署", "贯彻落实", "工作情况汇报", "应急管理局",
    "2026年", "2025年度", "机关党建", "营商环境", "主体责任", "的报告", "的通知", "的实施意见",
]

TITLES = [
    REFERENCE,
    "XX市应急管理局关于2026年安全生产工作情况的报告",
    "关于进一步加强和改进新时代机关党建工作的实施意见",
    "XX县人民政府办公室关于做好2026年防汛抗旱工作的通知",
    "XX镇人民政府关于巡察整改工作进展情况的报告",
    "XX市人民政府关于2025年度法治政府建设情况的报告",
    "关于表彰2025年度全市安全生产工作先进集体和先进个人的决定",
    "XX区人民政府关于2025年度落实全面从严治党主体责任情况暨2026年工作安排的报告",
    "XX市住房和城乡建设局关于开展城镇燃气安全专项整治工作的实施方案（征求意见稿）",
    "关于印发《XX区贯彻落实〈中华人民共和国安全生产法〉实施办法》的通知",
]

OPENING = "“‘（《〈〔【"
CLOSING = "、，。：；！？”’）》〉〕】"
# Conjunctions and prepositions a line never ends with (the titles here use them as words).
LINKS = ["关于", "和", "与", "及", "以及", "并", "暨", "对", "在", "向"]


def assert_well_formed(title: str, lines: list[str], max_chars: int = MAX_CHARS) -> None:
    assert "".join(lines) == title
    # Beyond the measure only to save a line (tests below pin where).
    assert all(len(line) <= max_chars + STRETCH for line in lines), lines
    for upper, lower in zip(lines, lines[1:]):
        assert lower[0] not in CLOSING and lower[0] != "的", lines
        assert upper[-1] not in OPENING, lines
        assert not any(upper.endswith(word) for word in LINKS), lines
    for phrase in WHOLE:
        if phrase in title:
            assert any(phrase in line for line in lines), (phrase, lines)


def test_reference_title_breaks_after_the_dunhao_with_the_longer_line_on_top() -> None:
    lines = break_title(REFERENCE)
    assert lines == ["X区人民政府办公室关于贯彻落实中央、", "省、市重大决策部署工作情况汇报"]
    assert len(lines[0]) >= len(lines[1])
    assert_well_formed(REFERENCE, lines)


@pytest.mark.parametrize("title", TITLES)
def test_titles_break_at_word_boundaries_within_the_line_length(title: str) -> None:
    lines = break_title(title)
    assert_well_formed(title, lines)
    # As few lines as the length allows, give or take the line forced by word boundaries.
    assert len(lines) <= -(-len(title) // MAX_CHARS) + 1


@pytest.mark.parametrize("title", TITLES[:8])
def test_two_and_three_line_titles_get_no_longer_below(title: str) -> None:
    lines = break_title(title)
    assert all(len(upper) >= len(lower) for upper, lower in zip(lines, lines[1:])), lines


def test_year_and_report_type_stay_on_their_lines() -> None:
    assert break_title("XX市应急管理局关于2026年安全生产工作情况的报告") == [
        "XX市应急管理局关于2026年",
        "安全生产工作情况的报告",
    ]


def test_modifier_breaks_before_the_compound_it_modifies() -> None:
    assert break_title("关于进一步加强和改进新时代机关党建工作的实施意见") == [
        "关于进一步加强和改进新时代",
        "机关党建工作的实施意见",
    ]


def test_a_law_name_inside_a_document_name_is_not_torn() -> None:
    lines = break_title("关于印发《XX区贯彻落实〈中华人民共和国安全生产法〉实施办法》的通知")
    assert "〈中华人民共和国安全生产法〉" in lines
    # A diamond (菱形) then, never a longer last line.
    assert len(lines[-1]) < len(lines[-2])


# Review findings (a year torn from its period, a line ending on 和, a campaign torn from what
# it names, a third line where a 19-character line does): each as a careful typist breaks it.


def test_a_year_keeps_its_period() -> None:
    title = "青山区应急管理局关于2026年上半年安全生产工作情况的报告"
    assert break_title(title) == ["青山区应急管理局关于2026年上半年", "安全生产工作情况的报告"]


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("青山区应急管理局关于2026年第一季度安全生产形势分析情况的报告", "2026年第一季度"),
        ("青山区应急管理局关于2026年1—6月安全生产工作情况的报告", "2026年1—6月"),
        ("青山区人民政府关于2025—2026年度冬春火灾防控工作情况的报告", "2025—2026年度冬春"),
        ("临江市人民政府办公室关于2026年度全市公文质量检查情况的报告", "2026年度"),
        ("青山区市场监督管理局2026年上半年工作总结", "2026年上半年"),
        ("青山区应急管理局关于2026年前三季度安全生产工作情况的报告", "2026年前三季度"),
    ],
)
def test_dates_are_one_unit(title: str, date: str) -> None:
    lines = break_title(title)
    assert any(date in line for line in lines), lines
    assert_well_formed(title, lines)


LONG = (
    "青山区人民政府办公室关于贯彻落实《中华人民共和国安全生产法》和《浙江省安全生产条例》"
    "推进安全生产治本攻坚三年行动工作情况汇报"
)


def test_a_long_title_keeps_its_conjunction_and_its_campaign_whole() -> None:
    lines = break_title(LONG)
    # Before: …贯彻落实 / 《中华人民共和国安全生产法》和 / 《浙江省安全生产条例》推进安全生产 /
    # 治本攻坚三年行动工作情况汇报. Four lines are the fewest (62 characters); a last line longer
    # than the one above is the price of keeping every name whole.
    assert lines == [
        "青山区人民政府办公室关于贯彻落实",
        "《中华人民共和国安全生产法》",
        "和《浙江省安全生产条例》推进",
        "安全生产治本攻坚三年行动工作情况汇报",
    ]
    assert_well_formed(LONG, lines)


def test_a_line_may_stretch_to_20_characters_only_to_save_a_line() -> None:
    title = "青山区人民政府办公室关于优化营商环境推动“高效办成一件事”改革工作情况汇报"
    # 37 characters: three lines of at most 18, two of at most 20. Of the two-line breaks,
    # 18 + 19 goes one character beyond the measure where 20 + 17 goes two.
    assert break_title(title) == [
        "青山区人民政府办公室关于优化营商环境", "推动“高效办成一件事”改革工作情况汇报"
    ]
    assert break_title(title, stretch=0) == [
        "青山区人民政府办公室关于优化营商环境", "推动“高效办成一件事”改革", "工作情况汇报"
    ]
    # A line that fits either way keeps the measure (18 + 15, not 20 + 13).
    assert [len(line) for line in break_title(REFERENCE)] == [18, 15]
    # A title of up to 20 characters is one line.
    assert break_title("青山区应急管理局2026年防汛工作的报告") == ["青山区应急管理局2026年防汛工作的报告"]


def test_a_stretched_line_never_tears_a_name() -> None:
    # Two lines would need …〈中华人民共和国 / 安全生产法〉…: three it is.
    title = "关于印发《XX区贯彻落实〈中华人民共和国安全生产法〉实施办法》的通知"
    assert len(break_title(title)) == 3


def test_a_line_never_starts_with_de() -> None:
    title = "XX市住房和城乡建设局关于开展城镇燃气安全专项整治工作的实施方案（征求意见稿）"
    # Before: …关于开展 / 城镇燃气安全专项整治工作 / 的实施方案（征求意见稿）.
    assert break_title(title) == [
        "XX市住房和城乡建设局关于开展", "城镇燃气安全专项整治工作的实施方案", "（征求意见稿）"
    ]


def test_a_line_never_ends_with_guanyu() -> None:
    title = "江城交通投资集团有限公司关于2026年重点项目建设工作情况的汇报"
    # Before: …有限公司关于 / 2026年重点项目建设工作情况的汇报.
    assert break_title(title) == ["江城交通投资集团有限公司关于2026年", "重点项目建设工作情况的汇报"]


@pytest.mark.parametrize(
    "title", ["关于2026年安全生产工作的报告", "XX区应急管理局2025年工作总结", "关于开展“三大攻坚战”专项督查的通知"]
)
def test_a_title_that_fits_stays_one_line(title: str) -> None:
    assert len(title) <= MAX_CHARS
    assert break_title(title) == [title]


def test_a_narrower_measure_gives_more_lines_still_whole_words() -> None:
    lines = break_title(REFERENCE, max_chars=12)
    assert len(lines) == 3
    assert_well_formed(REFERENCE, lines, max_chars=12)


def test_empty_title_and_bad_measure() -> None:
    assert break_title("") == []
    with pytest.raises(ValueError):
        break_title(REFERENCE, max_chars=0)


def test_titles_never_load_jieba() -> None:
    code = (
        "import sys, toolkit.text.titles as t;"
        f"t.break_title({REFERENCE!r});"
        "print('jieba' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert result.stderr == ""


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
MARKS = st.sampled_from(list("、，。：；！？“”‘’（）《》〈〉—…"))


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(CJK, CJK, CJK, MARKS), max_size=60), st.integers(1, 30))
def test_breaking_keeps_every_character_and_the_measure(text: str, max_chars: int) -> None:
    lines = break_title(text, max_chars)
    assert "".join(lines) == text
    units = title_units(text)
    assert "".join(units) == text
    for line in lines:
        # Longer only when the line is a single piece that cannot be broken.
        assert len(line) <= max_chars + STRETCH or line in units
    for upper, lower in zip(lines, lines[1:]):
        assert lower[0] not in CLOSING and lower[0] != "的"
        assert upper[-1] not in OPENING
    if len(text) <= max_chars + STRETCH:
        assert lines == ([text] if text else [])


# Titles as offices write them: organs, 关于, content words, dates, conjunctions and
# prepositions, quoted and 书名号 names, pauses. No content word ends with a character of a
# conjunction or preposition, so a line ending with one ends with the function word itself.
_ORGANS = st.sampled_from(["青山区人民政府办公室", "XX市应急管理局", "临江市教育局", "东城街道办事处"])
_CONTENT = st.sampled_from([
    "安全生产", "工作", "推进", "营商环境", "改革", "情况", "专项整治", "机关党建", "治本攻坚三年行动",
    "重大决策部署", "贯彻落实", "优化", "全市", "基层治理", "自建房", "隐患排查", "防汛抗旱", "高质量发展",
    "2026年", "2026年上半年", "2025年度", "第一季度", "先进集体", "人居环境", "整治提升", "工作机制",
])
_LINK = st.sampled_from(LINKS)
_NAME = st.builds(lambda o, words, c: o + "".join(words) + c, st.sampled_from(["《", "“"]),
                  st.lists(_CONTENT, min_size=1, max_size=3), st.sampled_from(["》", "”"]))
_PIECE = st.one_of(_CONTENT, _CONTENT, _CONTENT, _LINK, _LINK, _NAME, st.just("、"), st.just("的"))
_DOCTYPE = st.sampled_from(["的报告", "工作情况汇报", "的通知", "的实施意见", "工作总结", ""])
_TITLE = st.builds(lambda organ, lead, pieces, doctype: organ + lead + "".join(pieces) + doctype,
                   st.one_of(_ORGANS, st.just("")), st.sampled_from(["关于", ""]),
                   st.lists(_PIECE, min_size=1, max_size=16), _DOCTYPE)


@settings(max_examples=400, deadline=None)
@given(_TITLE, st.integers(8, 24))
def test_lines_never_end_on_a_conjunction_nor_start_with_de(title: str, max_chars: int) -> None:
    lines = break_title(title, max_chars)
    assert "".join(lines) == title
    for upper, lower in zip(lines, lines[1:]):
        assert not any(upper.endswith(word) for word in LINKS), lines
        assert upper[-1] not in OPENING, lines
        assert lower[0] not in CLOSING and lower[0] != "的", lines


def test_shipped_common_words_are_what_the_script_derives_from_jieba() -> None:
    import importlib.util
    from pathlib import Path

    import jieba

    from toolkit.core import resources

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "make_lexicon.py"
    spec = importlib.util.spec_from_file_location("make_lexicon", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.build(Path(jieba.__file__).with_name("dict.txt"), jieba.__version__)
    shipped = resources.path("corpora", "lexicon", "common-words.txt")
    assert shipped.read_text(encoding="utf-8") == expected
    assert shipped.stat().st_size < 700_000


def test_an_unknown_section_in_a_phrase_list_names_the_line() -> None:
    from toolkit.core.errors import InputError
    from toolkit.text.titles import _Lexicon

    with pytest.raises(InputError) as caught:
        _Lexicon(b"", "[phrase]\n安全生产\n[organs]\n", "", "title-phrases.txt")
    place = caught.value.problems[0].place
    assert (place.path, place.line) == ("title-phrases.txt", 3)
    assert "[organ]" in caught.value.problems[0].hint

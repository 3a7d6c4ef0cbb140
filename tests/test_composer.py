"""The composer: numbering, count words, 一是 series and sentence punctuation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.core.document import HEADING
from toolkit.core.numerals import chinese, marker, parse_chinese
from toolkit.draft.composer import compose
from toolkit.draft.outline import Outline


def _texts(outline: Outline) -> list[str]:
    return [b.text for b in compose(outline.blocks).blocks]


def test_inline_series_of_short_items_uses_semicolons():
    o = Outline()
    o.series([{"标题": "加强学习"}, {"标题": "改进作风；"}, {"标题": "完善制度。"}], "合段")
    assert _texts(o) == ["一是加强学习；二是改进作风；三是完善制度。"]


def test_inline_series_with_bodies_ends_each_item_with_a_full_stop():
    o = Outline()
    o.item(3, {"标题": "强化制度保障", "内容": "", "分项": [
        {"标题": "推行问效机制", "内容": "推出考核系统"},
        {"标题": "推行排位制。", "内容": "按绩效排座次。"},
    ], "分项方式": "合段"})
    assert _texts(o) == ["1.强化制度保障。一是推行问效机制。推出考核系统。二是推行排位制。按绩效排座次。"]


def test_series_paragraphs_count_past_ten():
    o = Outline()
    o.series([{"标题": f"第{n}项", "内容": "内容"} for n in range(1, 13)])
    texts = _texts(o)
    assert texts[9].startswith("十是") and texts[10].startswith("十一是")
    assert texts[11] == "十二是第12项。内容。"


def test_every_sentence_ends_with_exactly_one_full_stop():
    o = Outline()
    for ending in ("", "。", "；", ",", "，", " ", "。 "):
        o.para("抓好落实" + ending)
    assert set(_texts(o)) == {"抓好落实。"}


def test_questions_exclamations_and_quotes_keep_their_own_ending():
    o = Outline()
    o.para("为什么要抓落实？")
    o.para("他说：“马上就办。”")
    o.para("千条万条，不抓落实就是白条！")
    o.para("敢啃“硬骨头”")
    assert _texts(o) == ["为什么要抓落实？", "他说：“马上就办。”", "千条万条，不抓落实就是白条！",
                         "敢啃“硬骨头”。"]


def test_headings_lose_final_punctuation_and_salutation_gets_a_colon():
    o = Outline()
    o.salutation("尊敬的各位领导:")
    o.heading(1, "主要经验和做法。")
    o.heading(2, "构建机制，凝聚合力；")
    assert _texts(o) == ["尊敬的各位领导：", "一、主要经验和做法", "（一）构建机制，凝聚合力"]


def test_count_words_follow_the_items():
    for n, word in ((1, "一"), (2, "两"), (3, "三"), (12, "十二")):
        o = Outline()
        o.heading(2, "构建“{数}大机制”，凝聚合力抓落实")
        o.items(3, [{"标题": f"机制{i}", "内容": "内容"} for i in range(n)])
        assert _texts(o)[0] == f"（一）构建“{word}大机制”，凝聚合力抓落实"


def test_count_word_in_a_paragraph_counts_the_sections_after_it():
    o = Outline()
    o.para("现从{数}个方面汇报如下")
    for name in ("成绩", "问题", "打算"):
        o.heading(1, name)
        o.heading(2, "小标题")
    assert _texts(o)[0] == "现从三个方面汇报如下。"


def test_removing_an_item_renumbers_everything():
    def build(skip: bool) -> list[str]:
        o = Outline()
        for i, name in enumerate(("甲", "乙", "丙")):
            if skip and i == 0:
                continue
            o.heading(1, name)
            o.heading(2, "（{数}项）" + name)
            o.items(3, [{"标题": "条", "内容": "文"}] * (i + 1))
        return _texts(o)

    full, fewer = build(False), build(True)
    assert full[0] == "一、甲" and fewer[0] == "一、乙"
    assert fewer[-1] == "3.条。文。" and fewer[-4] == "（一）（三项）丙"


def test_counters_reset_under_a_new_parent():
    o = Outline()
    o.heading(1, "甲")
    o.heading(2, "子")
    o.heading(2, "子")
    o.heading(1, "乙")
    o.heading(2, "子")
    o.heading(3, "孙")
    o.heading(4, "曾孙")
    assert _texts(o) == ["一、甲", "（一）子", "（二）子", "二、乙", "（一）子", "1.孙", "（1）曾孙"]


def test_spans_point_back_to_yaml():
    from toolkit.core.document import Origin
    from toolkit.draft.loader import Text

    o = Outline()
    o.heading(2, Text("构建“{数}大机制”，凝聚合力", Origin("r.yaml", 7, 12, True)))
    o.items(3, [{"标题": "甲", "内容": "乙"}])
    block = compose(o.blocks).blocks[0]
    assert block.text == "（一）构建“一大机制”，凝聚合力"
    place = block.origin_at(block.text.index("凝"))
    assert (place.path, place.line, place.column) == ("r.yaml", 7, 12 + "构建“{数}大机制”，".index("，") + 1)
    assert block.origin_at(0) is None  # the marker was written by the toolkit


def test_numerals_round_trip():
    for n in range(1, 1000):
        assert parse_chinese(chinese(n)) == n


# -- properties ---------------------------------------------------------------------------------

trees = st.recursive(st.just([]), lambda children: st.lists(children, max_size=4), max_leaves=30)


def _emit(o: Outline, forest, level: int) -> None:
    for children in forest:
        o.heading(level, "标题")
        if level < 4:
            _emit(o, children, level + 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(trees, min_size=1, max_size=5))
def test_numbering_of_any_tree_is_gapless_and_nested(forest):
    o = Outline()
    _emit(o, forest, 1)
    doc = compose(o.blocks)
    expected_next = [0, 1, 1, 1, 1]
    for block in doc.blocks:
        assert block.kind == HEADING
        level = block.level
        assert block.marker == marker(level, expected_next[level])
        assert block.text == block.marker + "标题"
        expected_next[level] += 1
        for deeper in range(level + 1, 5):
            expected_next[deeper] = 1


def test_a_lead_in_keeps_its_colon():
    o = Outline()
    o.para("现将有关情况报告如下:")
    o.para("主要做法是：")
    assert _texts(o) == ["现将有关情况报告如下：", "主要做法是："]


def test_a_paragraph_may_carry_an_inline_series():
    o = Outline()
    o.para("主要做法是", series=[{"标题": "抓学习"}, {"标题": "抓落实"}])
    assert _texts(o) == ["主要做法是。一是抓学习；二是抓落实。"]


def test_a_series_of_one_gets_no_ordinal():
    o = Outline()
    o.series([{"标题": "人员不足", "内容": "编制少"}])
    o.series([{"标题": "加强学习"}], "合段")
    assert _texts(o) == ["人员不足。编制少。", "加强学习。"]

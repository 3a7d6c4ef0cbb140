"""The fast segmenter (toolkit.text.lexicon): jieba's words and tags for rules, without loading jieba."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from toolkit.text import lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpora" / "clean").glob("*.txt"))


def _make_lexicon():
    spec = importlib.util.spec_from_file_location("make_lexicon", ROOT / "benchmarks" / "make_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_word_lists_are_what_the_script_derives_from_jieba() -> None:
    """`python benchmarks/make_lexicon.py --check` in a test: regenerate after a jieba upgrade."""
    from toolkit.core import resources

    built = _make_lexicon().build_all()
    assert set(built) == {"common-words.txt", "word-classes.txt", "char-states.txt"}
    for name, text in built.items():
        shipped = resources.path("corpora", "lexicon", name)
        assert shipped.read_text(encoding="utf-8") == text, f"{name} is stale"
    assert resources.path(*lexicon.CLASSES).stat().st_size < 250_000
    assert resources.path(*lexicon.STATES).stat().st_size < 350_000


def test_using_it_never_loads_jieba() -> None:
    code = (
        "import sys, toolkit.text.lexicon as l;"
        "l.words('区安委会与街道签订小微企业欠薪治理责任书'); l.tagged('构建“三大机制”');"
        "print('jieba' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (result.stdout.strip(), result.stderr) == ("False", "")


REPORT = """\
关于2026年安全生产工作情况的报告

区政府：
现将有关情况报告如下。
一、主要做法
（一）构建“三大机制”，凝聚合力抓落实
我局建立会商、督查、考核机制。
（二）突出“三大职能”，围绕中心抓落实
我局围绕中心履职尽责。
（三）关于保障方面
我局落实经费和人员保障。
二、存在的问题
一是认识不足。有的同志瞻前顾后。
二是经费紧张。项目资金缺口较大。
三、下一步打算
一是提高思想认识。深化学习教育。
二是改进工作作风。狠抓督查落实。

XX区应急管理局
2026年7月1日
"""


def test_a_check_with_headings_never_loads_jieba(tmp_path: Path) -> None:
    """The default rules, L104 and L105 among them, check headings without jieba."""
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    code = textwrap.dedent(f"""
        import sys
        from toolkit.cli import main
        try:
            main(["check", {str(path)!r}, "--format", "json"])
        except SystemExit:
            pass
        print("jieba" in sys.modules, file=sys.stderr)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "False", result.stderr
    codes = {f["code"] for f in json.loads(result.stdout)}
    assert {"L104", "L105"} <= codes, codes


@pytest.mark.parametrize("text, expected", [
    ("加强安全生产", ["加强", "安全生产"]),
    ("坚决贯彻落实重大决策部署，压实主体责任", ["坚决", "贯彻落实", "重大决策部署", "，", "压实", "主体责任"]),
    ("构建“三大机制”，强化基础保障", ["构建", "“", "三大", "机制", "”", "，", "强化", "基础", "保障"]),
    ("全年共排查整治隐患1260处，完成投资3.5亿元",
     ["全年", "共", "排查整治", "隐患", "1260", "处", "，", "完成", "投资", "3.5", "亿元"]),
    # Words no list has, joined by the HMM as jieba's: 区安, 小微, 欠薪.
    ("区安委会督促小微企业治理欠薪", ["区安", "委会", "督促", "小微", "企业", "治理", "欠薪"]),
    ("信息化水平不高", ["信息化", "水平", "不高"]),
    ("", []),
])
def test_words_as_jieba_cuts_them(text: str, expected: list[str]) -> None:
    assert lexicon.words(text) == expected


def test_the_hmm_is_jiebas() -> None:
    """The shipped character states give jieba's finalseg cut on every run of the clean corpus."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from jieba import finalseg
    model = lexicon._words()
    runs = {run[i:i + 6] for path in CORPUS
            for run in re.findall("[\u4e00-\u9fd5]+", path.read_text(encoding="utf-8"))
            for i in range(0, len(run), 3)}
    assert len(runs) > 1000
    assert [r for r in sorted(runs) if model._hmm(r) != list(finalseg.cut(r))] == []


@pytest.mark.parametrize("word, tag", [
    ("构建", "v"), ("强化", "v"), ("推进", "v"), ("保障", "v"),
    ("进一步", "v"), ("坚决", "v"), ("参差不齐", "v"),  # adverbs, idioms: jieba's d, i
    ("关于", "p"), ("对于", "p"),
    ("机制", "n"), ("我们", "n"), ("全面", "n"),  # jieba tags 全面 n
    ("安全生产", "vn"), ("抓落实", "v"),  # the domain dictionary's own tags
    ("压紧", "v"), ("汛前", "n"), ("我局", "n"),  # joined by the HMM: by their characters
    ("，", "x"), (" ", "x"), ("2026", "m"), ("1.", "m"), ("XX", "eng"),
])
def test_tags(word: str, tag: str) -> None:
    assert lexicon.tag(word) == tag


def test_tagged_pairs_words_with_tags() -> None:
    assert lexicon.tagged("关于保障方面") == [("关于", "p"), ("保障", "v"), ("方面", "n")]


def test_balance_rules_find_what_they_found_with_jieba(monkeypatch: pytest.MonkeyPatch) -> None:
    """L104 and L105 read words and tags from toolkit.text.lexicon; with jieba's they find the same
    on the clean corpus and on every rule example."""
    from toolkit.check.engine import run
    from toolkit.check.rules import all_rules, balance
    from toolkit.text import segment
    from toolkit.text.parser import parse_text

    rules = [r for r in balance.RULES if r.code in ("L104", "L105")]
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    texts += [ex for r in all_rules() for ex in r.fails + r.passes if isinstance(ex, str)]
    docs = [parse_text(t) for t in texts]

    def findings():
        balance._head.cache_clear()
        return [[(f.code, f.block, f.start, f.message) for f, _ in run(doc, rules)] for doc in docs]

    fast = findings()
    monkeypatch.setattr(lexicon, "words", segment.words)
    monkeypatch.setattr(lexicon, "tagged", segment.tagged)
    assert findings() == fast
    balance._head.cache_clear()
    assert sum(map(len, fast)) >= 5  # the rules did find something to compare

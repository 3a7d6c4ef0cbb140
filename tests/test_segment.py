"""jieba segmentation: loaded lazily, silently, with its cache in the user's cache folder."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.text import segment


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the module, so jieba builds its prefix dictionary once."""
    return tmp_path_factory.mktemp("xdg-cache")


def run_python(code: str, cache_home: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(cache_home))
    env["LOCALAPPDATA"] = str(cache_home)  # the same folder on Windows
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def monkeypatch_module():
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


@pytest.fixture(scope="module")
def tokenizer_in_cache(cache_home: Path, monkeypatch_module: pytest.MonkeyPatch):
    """The in-process tokenizer, rebuilt with its cache in the test folder, not the real home."""
    monkeypatch_module.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch_module.setenv("LOCALAPPDATA", str(cache_home))
    segment.tokenizer.cache_clear()
    segment._pos_tokenizer.cache_clear()
    yield segment.tokenizer()
    segment.tokenizer.cache_clear()
    segment._pos_tokenizer.cache_clear()


def test_first_use_is_silent_and_caches_under_the_user_cache_folder(
    cache_home: Path, tmp_path: Path
) -> None:
    code = "import toolkit.text.segment as s; s.words('加强安全生产')"
    first = run_python(code, cache_home, tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    assert first.stdout == ""
    caches = list((cache_home / "gongwen").glob("jieba-*.cache"))
    assert len(caches) == 1
    # The second run reads that cache, still without a word.
    second = run_python(code, cache_home, tmp_path)
    assert (second.returncode, second.stderr, second.stdout) == (0, "", "")


def test_silent_even_when_the_host_logs_everything(cache_home: Path, tmp_path: Path) -> None:
    code = (
        "import logging; logging.basicConfig(level=logging.DEBUG);"
        "import toolkit.text.segment as s; s.words('抓落实'); s.tagged('抓落实');"
        "import jieba; assert not jieba.default_logger.disabled"
    )
    result = run_python(code, cache_home, tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_importing_the_module_does_not_load_jieba(cache_home: Path, tmp_path: Path) -> None:
    code = "import sys, toolkit.text.segment; print('jieba' in sys.modules)"
    result = run_python(code, cache_home, tmp_path)
    assert result.stdout.strip() == "False"


def test_domain_terms_come_out_whole(tokenizer_in_cache) -> None:
    assert "安全生产" in segment.words("加强安全生产")
    assert segment.words("抓落实") == ["抓落实"]
    sentence = "坚决贯彻落实重大决策部署，压实主体责任，落实一岗双责，推动高质量发展"
    words = segment.words(sentence)
    for term in ("贯彻落实", "重大决策部署", "主体责任", "一岗双责", "高质量发展"):
        assert term in words, words
    assert "".join(words) == sentence


def test_tags_come_from_the_domain_dictionary(tokenizer_in_cache) -> None:
    tags = dict(segment.tagged("加强安全生产，抓落实"))
    assert tags["安全生产"] == "vn"
    assert tags["抓落实"] == "v"
    assert tags["，"] == "x"


def test_segmentation_of_report_sentences_stays_sensible(tokenizer_in_cache) -> None:
    """The compact dictionary still cuts 公文 prose the way a reader would."""
    cases = {
        "各单位要坚持安全生产责任制，切实抓落实、求实效": ("安全生产", "抓落实", "责任制"),
        "区政府办公室坚决贯彻落实重大决策部署": ("区政府", "办公室", "贯彻落实", "重大决策部署"),
        "构建“三大机制”，强化基础保障": ("构建", "三大", "机制", "强化", "基础", "保障"),
        "全年共排查整治隐患1260处，完成投资3.5亿元": ("排查整治", "隐患", "1260", "3.5", "亿元"),
    }
    for sentence, expected in cases.items():
        words = segment.words(sentence)
        assert "".join(words) == sentence
        for term in expected:
            assert term in words, (term, words)
    tags = dict(segment.tagged("构建“三大机制”，强化基础保障，推进工作落实"))
    for verb in ("构建", "强化", "推进"):
        assert tags[verb] == "v", (verb, tags)


def test_compact_dictionary_is_small_and_loadable_by_jieba() -> None:
    """No comment lines (jieba's loaders reject them), every line "word count tag", ≤ 1.5 MB."""
    from toolkit.core import resources

    path = resources.path(*segment.BASE_DICT)
    data = path.read_bytes()
    assert len(data) <= 1_500_000
    for line in data.decode("utf-8").splitlines():
        word, count, tag = line.split(" ")
        assert word and count.isdigit() and tag, line


def test_first_use_reads_one_compact_cache(cache_home: Path, tmp_path: Path) -> None:
    """What keeps jieba's first use cheap (timed in benchmarks/check_speed.py): the compact
    dictionary, cached once in the user's cache folder, and read back, not rebuilt, next time.
    """
    code = ("import toolkit.text.segment as s; s.words('加强安全生产'); s.tagged('抓落实');"
            "print(len(s.tokenizer().FREQ))")
    run_python(code, cache_home, tmp_path)  # builds the cache if this module has not yet
    caches = sorted(cache_home.rglob("jieba-*-compact-*.cache"))
    assert len(caches) == 1, caches
    before = caches[0].stat().st_mtime_ns
    result = run_python(code, cache_home, tmp_path)
    assert result.returncode == 0, result.stderr
    assert caches[0].stat().st_mtime_ns == before  # read, not written again
    assert sorted(cache_home.rglob("jieba-*.cache")) == caches  # and no second cache
    # jieba's full dictionary has 349k words: a prefix table this small is the compact one.
    assert int(result.stdout) < 300_000, result.stdout


def test_jieba_posseg_stays_whole_for_other_code(cache_home: Path, tmp_path: Path) -> None:
    """gongwen skips building jieba's default tagger, but other code still gets the real one."""
    code = (
        "import toolkit.text.segment as s; s.tagged('抓落实');"
        "import jieba, jieba.posseg as p; jieba.setLogLevel(60);"
        "print(dict(p.lcut('我爱北京天安门'))['天安门'], len(p.dt.word_tag_tab) > 300000)"
    )
    result = run_python(code, cache_home, tmp_path)
    assert result.stdout.split() == ["ns", "True"], result.stderr


def test_the_tokenizer_is_built_once(tokenizer_in_cache) -> None:
    assert segment.tokenizer() is tokenizer_in_cache
    assert logging.getLogger("jieba").disabled is False

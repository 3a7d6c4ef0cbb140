"""jieba segmentation: loaded lazily, silently, with its cache in the user's cache folder."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import segment


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
    code = "import toolkit.segment as s; s.words('加强安全生产')"
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
        "import toolkit.segment as s; s.words('抓落实'); s.tagged('抓落实');"
        "import jieba; assert not jieba.default_logger.disabled"
    )
    result = run_python(code, cache_home, tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_importing_the_module_does_not_load_jieba(cache_home: Path, tmp_path: Path) -> None:
    code = "import sys, toolkit.segment; print('jieba' in sys.modules)"
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


def test_the_tokenizer_is_built_once(tokenizer_in_cache) -> None:
    assert segment.tokenizer() is tokenizer_in_cache
    assert logging.getLogger("jieba").disabled is False

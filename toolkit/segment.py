"""The one place jieba is loaded: a quiet, cached word segmenter with the 公文 domain dictionary."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # jieba itself is imported on first use only: loading it costs about a second
    import jieba
    import jieba.posseg


def _import_quietly(name: str):
    """Imports a jieba module without letting its import-time warnings reach the user.

    jieba 0.42 imports pkg_resources (deprecated by setuptools with a warning on import) and,
    compiled by Python 3.12+, warns about invalid escape sequences in its regexes.
    """
    import importlib
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return importlib.import_module(name)


def _cache_dir() -> str | None:
    """The gongwen cache folder, created if need be; None lets jieba fall back to the temp dir."""
    from toolkit import resources

    folder = resources.cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return str(folder)


def _userdict_entries() -> list[tuple[str, int | None, str | None]]:
    """(word, count, tag) from corpora/jieba/userdict.txt, skipping comments and blank lines."""
    from toolkit import resources

    entries: list[tuple[str, int | None, str | None]] = []
    text = resources.path("corpora", "jieba", "userdict.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        # jieba's own format: word [count] [tag], single spaces.
        fields = line.split()
        word = fields[0]
        count = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else None
        tag = fields[-1] if len(fields) > 1 and not fields[-1].isdigit() else None
        entries.append((word, count, tag))
    return entries


@functools.cache
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the domain dictionary, built on first use and cached per process.

    It prints nothing (jieba logs its progress on stderr) and keeps its prefix-dictionary cache
    in the user's gongwen cache folder, named after the jieba version so an upgrade rebuilds it.
    """
    jieba = _import_quietly("jieba")
    tk = jieba.Tokenizer()
    tk.tmp_dir = _cache_dir()
    tk.cache_file = f"jieba-{jieba.__version__}.cache"
    # jieba's logger has its own stderr handler at DEBUG level. Switching that one logger off
    # for the load, and back afterwards, silences "Building prefix dict…" (and a traceback if
    # the cache cannot be written) without touching the host application's logging set-up.
    logger = jieba.default_logger
    was_disabled = logger.disabled
    logger.disabled = True
    try:
        tk.initialize()
    finally:
        logger.disabled = was_disabled
    for word, count, tag in _userdict_entries():
        tk.add_word(word, count, tag)
    return tk


@functools.cache
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger over the same tokenizer (it reads dict.txt once more)."""
    posseg = _import_quietly("jieba.posseg")
    return posseg.POSTokenizer(tokenizer())


def words(text: str) -> list[str]:
    """The words of `text` as jieba cuts them (with its HMM for words no dictionary has)."""
    return tokenizer().lcut(text)


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) pairs for `text`; tags as in jieba (n, v, vn, nt, x …)."""
    return [(pair.word, pair.flag) for pair in _pos_tokenizer().cut(text)]

"""The one place jieba is loaded: a quiet, cached, fast word segmenter with the 公文 domain dictionary.

Most rules need no jieba: toolkit.text.lexicon segments and tags much as jieba does from compact
word lists, without jieba's 0.1 s start. This module is for what needs jieba itself (W111
judges a doubled word by jieba's segmentation of its clause).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # jieba itself is imported on first use only
    import jieba
    import jieba.posseg

# The base dictionary: a frequency-cut subset of jieba's dict.txt (benchmarks/make_jieba_dict.py,
# provenance in corpora/jieba/README.md). jieba's full dictionary costs about 0.7 s to load and
# 0.5 s more for its tag table, more than a whole cold `gongwen check` may take.
BASE_DICT = ("corpora", "jieba", "dict-compact.txt")
USER_DICT = ("corpora", "jieba", "userdict.txt")


def _import_quietly(name: str):
    """Imports a jieba module without its import-time warnings and without pkg_resources.

    jieba 0.42 imports pkg_resources only to open its own data files, and falls back to plain
    open() when the import fails. pkg_resources takes about 80 ms to import (and setuptools warns
    that it is deprecated), so it is blocked for the duration of jieba's import unless the host
    has already imported it. Python 3.12+ also warns about invalid escapes in jieba's regexes.
    """
    import importlib
    import sys
    import warnings

    block = "pkg_resources" not in sys.modules
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if block:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
        try:
            return importlib.import_module(name)
        finally:
            if block and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]


def _cache_dir() -> str:
    """The gongwen cache folder, created if need be; the temp folder if it cannot be (as jieba)."""
    from toolkit.core import resources

    folder = resources.cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile

        return tempfile.gettempdir()
    return str(folder)


def _userdict_entries() -> list[tuple[str, int | None, str | None]]:
    """(word, count, tag) from corpora/jieba/userdict.txt, skipping comments and blank lines."""
    from toolkit.core import resources
    from toolkit.text.lexicon import userdict_entries

    return userdict_entries(resources.path(*USER_DICT).read_text(encoding="utf-8"))


@functools.cache
def _base() -> tuple[dict[str, int], int, dict[str, str]]:
    """The compact dictionary as jieba needs it: (prefix dictionary, total count, tag table).

    jieba builds the first two (its `gen_pfdict`) on every start unless it finds its marshal
    cache, and posseg parses the file once more, line by line, for the third: together about
    0.25 s for this dictionary. Here all three come from one marshal cache in the user's gongwen
    cache folder, in which the words are shared between the two tables: 40 ms. The cache name
    carries the jieba version and the dictionary's size, and a cache older than the dictionary
    file is rebuilt, so neither an upgrade nor a regenerated dictionary is served a stale cache.
    """
    import os

    from toolkit.core import resources

    path = resources.path(*BASE_DICT)
    version = _import_quietly("jieba").__version__
    name = f"jieba-{version}-compact-{path.stat().st_size}.cache"
    cache = os.path.join(_cache_dir(), name)
    loaded = _read_cache(cache, path)
    if loaded:
        return loaded
    built = _build(path.read_bytes().decode("utf-8"))
    _write_cache(cache, built)
    return built


def _build(text: str) -> tuple[dict[str, int], int, dict[str, str]]:
    """What jieba's gen_pfdict and posseg's load_word_tag make of a "word count tag" file."""
    fields = text.split()
    words = fields[0::3]
    freq = dict(zip(words, map(int, fields[1::3])))
    total = sum(freq.values())
    for word in words:  # every prefix of a word is in the prefix dictionary, counted 0
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq, total, dict(zip(words, fields[2::3]))


def _read_cache(cache: str, source) -> tuple | None:
    """The cached tables, if the cache is newer than the dictionary and well formed."""
    import marshal
    import os

    try:
        if os.path.getmtime(cache) <= os.path.getmtime(source):
            return None
        with open(cache, "rb") as f:
            # marshal.loads of the whole file: marshal.load(f), as jieba uses it, pulls the
            # file through small Python-level reads and takes five times as long.
            loaded = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (isinstance(loaded, tuple) and len(loaded) == 3 and isinstance(loaded[0], dict)
            and isinstance(loaded[1], int) and isinstance(loaded[2], dict)):
        return loaded
    return None


def _write_cache(cache: str, tables: tuple) -> None:
    """Writes the cache atomically (a parallel batch may build it at the same time); a cache
    that cannot be written only costs the next start its build."""
    import contextlib
    import marshal
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(cache), suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump(tables, f)
        os.replace(tmp, cache)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@functools.cache
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer on the compact dictionary plus the domain one, built once per process.

    It is handed its tables ready-made, so jieba never runs its own loader: nothing is logged
    and no second cache is written.
    """
    from toolkit.core import resources

    jieba = _import_quietly("jieba")
    tk = jieba.Tokenizer(str(resources.path(*BASE_DICT)))
    freq, total, _ = _base()
    # add_word below changes the prefix dictionary: the cached one stays as loaded.
    tk.FREQ, tk.total, tk.initialized = dict(freq), total, True
    for word, count, tag in _userdict_entries():
        tk.add_word(word, count, tag)
    return tk


def _import_posseg():
    """jieba.posseg, imported without building jieba's default tagger.

    The module ends with `dt = POSTokenizer(jieba.dt)`, which reads the tag column of jieba's
    full 5 MB dictionary (about 0.2 s) for a tagger gongwen never uses. During the import the
    default tokenizer hands it an empty file instead; afterwards `posseg.dt` becomes a stand-in
    that builds the real default tagger the first time anyone else in the process uses it, so
    jieba.posseg.cut() behaves for other code exactly as without gongwen.
    """
    import io
    import sys

    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    jieba = _import_quietly("jieba")
    jieba.dt.get_dict_file = lambda: io.BytesIO()  # shadows the method on this one instance
    try:
        posseg = _import_quietly("jieba.posseg")
    finally:
        del jieba.dt.get_dict_file
    posseg.dt = _DefaultTagger(posseg, jieba)
    posseg.initialize = lambda dictionary=None: posseg.dt.initialize(dictionary)
    return posseg


class _DefaultTagger:
    """Stands in for jieba.posseg.dt: builds jieba's own default tagger on first use, then steps aside."""

    def __init__(self, posseg, jieba) -> None:
        self._posseg = posseg
        self._jieba = jieba

    def __getattr__(self, name: str):
        real = self._posseg.POSTokenizer(self._jieba.dt)
        self._posseg.dt = real
        return getattr(real, name)


@functools.cache
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger over the same tokenizer and dictionaries."""
    posseg = _import_posseg()

    class Tagger(posseg.POSTokenizer):
        def load_word_tag(self, f) -> None:
            # The table jieba's line-by-line loader would build (100 ms), from the cache.
            f.close()
            self.word_tag_tab = dict(_base()[2])

    return Tagger(tokenizer())


def words(text: str) -> list[str]:
    """The words of `text` as jieba cuts them (with its HMM for words no dictionary has)."""
    return tokenizer().lcut(text)


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) pairs for `text`; tags as in jieba (n, v, vn, nt, x …)."""
    return [(pair.word, pair.flag) for pair in _pos_tokenizer().cut(text)]

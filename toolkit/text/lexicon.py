"""Chinese words without jieba: a fast segmenter over shipped word lists, for titles and rules.

jieba costs about 0.1 s to import and load even from its cache, as much as the rest of a cold
`gongwen check`. Breaking a title into lines and the rules that only need a heading's words or
its first word's part of speech use this instead: the same idea as jieba (the most probable
path through a word graph, then jieba's HMM for runs of characters no dictionary joins) over
compact lists derived from jieba's data by benchmarks/make_lexicon.py, read as bytes and decoded
only for the characters a text contains. Nothing is read at import; the first use reads three
files (about 1 MB) in a few milliseconds.

- corpora/lexicon/common-words.txt: words with a frequency class (log2 of jieba's count);
- corpora/lexicon/word-classes.txt: which of them open a predicate or are prepositions;
- corpora/lexicon/char-states.txt: jieba's HMM (finalseg) for words no list has;
- corpora/jieba/userdict.txt: the 公文 domain words, with jieba's counts and tags.

`words` and `tagged` follow jieba's `lcut` and `posseg.cut` closely: the HMM is jieba's to the
thousandth of a nat, and the rules L104 and L105 find with them what they found with jieba on
the clean corpus and every rule example (tests/test_lexicon.py). Words that jieba's compact
dictionary has but common-words.txt drops (counts 11-49 above two characters: 集团化, 责任书)
come out in parts. Rules that need jieba itself use toolkit.text.segment.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

COMMON = ("corpora", "lexicon", "common-words.txt")
CLASSES = ("corpora", "lexicon", "word-classes.txt")
STATES = ("corpora", "lexicon", "char-states.txt")
USER_DICT = ("corpora", "jieba", "userdict.txt")


def find_line(data: bytes, key: bytes) -> bytes | None:
    """The line of `data` whose first field is `key`; lines sorted by first field (UTF-8 order).

    Comment lines at the top sort before every key ('#' is ASCII) and are never matched."""
    lo, hi = 0, len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        space = data.find(b" ", start, end)
        head = data[start : space if space >= 0 else end]
        if head == key:
            return data[start:end]
        if head < key:
            lo = end + 1
        else:
            hi = start
    return None


class Lexicon:
    """Word costs (in bits) for segmentation: common-words.txt plus extra words.

    A word of frequency class c (a count of about 2^(c + 0.5)) costs `total - c - 0.5` bits;
    a character no word list has costs `total`, like a count of 1 in jieba. Extra words are
    (word, class) pairs; they take the place of the common list's class when `replace` (as
    jieba's user dictionary replaces a count), else only where they are cheaper.
    """

    def __init__(self, common: bytes, extra: Iterable[tuple[str, float]] = (),
                 replace: bool = False) -> None:
        self.total = 26.0
        # The file stays undecoded bytes: a text looks up only the lines of its own characters
        # (binary search, the lines being sorted), so a cold start costs a file read, not a
        # parse of 60 000 words.
        self.common = common
        for line in common[:4096].split(b"\n"):  # the header comments
            if line.startswith(b"# total-log2 "):
                self.total = float(line.split()[2])
        self.unknown = self.total
        self.replace = replace
        self.extra: dict[str, list[tuple[str, float]]] = {}
        for word, cls in extra:
            self.add(word, cls)
        self._tables: dict[str, tuple[dict[str, float], int]] = {}

    def add(self, word: str, cls: float) -> None:
        """An extra word of frequency class `cls` (before the first lookup of its character)."""
        self.extra.setdefault(word[0], []).append((word, cls))

    def table(self, head: str) -> tuple[dict[str, float], int]:
        """Costs of the words starting with `head`, and the length of the longest of them."""
        found = self._tables.get(head)
        if found is not None:
            return found
        costs: dict[str, float] = {}
        line = find_line(self.common, head.encode("utf-8"))
        if line is not None:
            cost = self.unknown
            for field in line.decode("utf-8").split()[1:]:
                if field.isdigit():
                    cost = self.total - int(field) - 0.5  # mid-class count
                else:
                    costs[field] = cost
        for word, cls in self.extra.get(head, ()):
            cost = self.total - cls - 0.5
            if self.replace or costs.get(word, cost) >= cost:
                costs[word] = cost
        found = (costs, max(map(len, costs), default=1))
        self._tables[head] = found
        return found

    def knows(self, word: str) -> bool:
        return bool(word) and word in self.table(word[0])[0]

    def segment(self, run: str, longest: bool = False) -> list[tuple[str, bool]]:
        """The most probable segmentation of `run` as (word, known) pairs; `known` is False for
        a character no list has. Between equally probable paths the first word is the shortest
        one, or with `longest` the longest (as jieba chooses)."""
        unknown = self.unknown
        n = len(run)
        best = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        known = [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            costs, maxlen = self.table(run[i])
            c = costs.get(run[i])
            b = (unknown if c is None else c) + best[i + 1]
            j = i + 1
            for k in range(i + 2, min(n, i + maxlen) + 1):
                c = costs.get(run[i:k])
                if c is not None and (c + best[k] < b or longest and c + best[k] == b):
                    b, j = c + best[k], k
            best[i] = b
            nxt[i] = j
            known[i] = j > i + 1 or run[i] in costs
        out = []
        i = 0
        while i < n:
            out.append((run[i : nxt[i]], known[i]))
            i = nxt[i]
        return out


@functools.cache
def _read(parts: tuple[str, ...]) -> bytes:
    from toolkit.core import resources

    return resources.path(*parts).read_bytes()


def userdict_entries(text: str) -> list[tuple[str, int | None, str | None]]:
    """(word, count, tag) of a jieba user dictionary ("word [count] [tag]"), without comments."""
    entries: list[tuple[str, int | None, str | None]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        count = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else None
        tag = fields[-1] if len(fields) > 1 and not fields[-1].isdigit() else None
        entries.append((fields[0], count, tag))
    return entries


# ---------------------------------------------------------------------------------------------
# Words and tags for rules, as jieba's lcut and posseg.cut give them
# ---------------------------------------------------------------------------------------------


@functools.cache
def _re(pattern: str):
    """A compiled pattern (titles never compile these, nor import re for them)."""
    import re

    return re.compile(pattern)


# jieba's default cut: runs of these are segmented, everything else is cut into characters
# (whitespace kept together).
_BLOCK = "([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)"
_SPACE = "(\r\n|\\s)"
# Its HMM (finalseg) sees Han runs; digits and letters go out whole, other characters alone.
_HAN = "([\u4E00-\u9FD5]+)"
_ALNUM = "([a-zA-Z0-9]+(?:\\.\\d+)?%?)"
# posseg tags what is not Han by these (prefix matches, as jieba uses them).
_NUM = "[\\.0-9]+"
_ENG = "[a-zA-Z0-9]+"


class _Words:
    """The rules' segmenter: common words plus the domain dictionary with its counts and tags."""

    def __init__(self, common: bytes, userdict: str, classes: bytes, states: bytes) -> None:
        import math

        entries = userdict_entries(userdict)
        self.lexicon = Lexicon(common, replace=True)
        self.user_tags: dict[str, str] = {}
        for word, count, tag in entries:
            # jieba adds a word without a count at a count that keeps it whole; a word of the
            # domain list is meant whole anyway.
            self.lexicon.add(word, math.log2(count) - 0.5 if count else 10.0)
            if tag:
                self.user_tags[word] = tag
        self.classes = classes
        self._class_lines: dict[str, dict[str, str]] = {}
        self.states = states
        self.start, self.trans = _hmm_header(states)
        self._emit: dict[str, tuple[float, float, float, float]] = {}

    # -- segmentation ---------------------------------------------------------------------

    def cut(self, text: str) -> list[str]:
        out: list[str] = []
        for block in _re(_BLOCK).split(text):
            if not block:
                continue
            if _re(_BLOCK).match(block):
                self._cut_block(block, out)
            else:
                for piece in _re(_SPACE).split(block):
                    if _re(_SPACE).match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out

    def _cut_block(self, block: str, out: list[str]) -> None:
        """jieba's __cut_DAG: the likeliest words; runs of single characters that are not a
        word themselves go to the HMM, which may join them into words no list has."""
        buf = ""
        for word, _ in self.lexicon.segment(block, longest=True):
            if len(word) == 1:
                buf += word
                continue
            if buf:
                self._flush(buf, out)
                buf = ""
            out.append(word)
        if buf:
            self._flush(buf, out)

    def _flush(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1 or self.lexicon.knows(buf):
            out.extend(buf)
            return
        for block in _re(_HAN).split(buf):
            if _re(_HAN).match(block):
                out.extend(self._hmm(block))
            else:
                out.extend(piece for piece in _re(_ALNUM).split(block) if piece)

    # -- the HMM ------------------------------------------------------------------------------

    def _emission(self, ch: str) -> tuple[float, float, float, float]:
        """log P(ch | state) for B E M S; jieba's MIN_FLOAT where it has none."""
        found = self._emit.get(ch)
        if found is None:
            line = find_line(self.states, ch.encode("utf-8"))
            fields = line.decode("utf-8").split()[1:] if line is not None else ["-"] * 4
            found = tuple(_MIN if f == "-" else -int(f) / 1000 for f in fields)  # type: ignore[assignment]
            self._emit[ch] = found
        return found

    def _hmm(self, run: str) -> list[str]:
        """jieba's finalseg.__cut: Viterbi over B E M S, then words from the states."""
        start, trans = self.start, self.trans
        emit = [self._emission(ch) for ch in run]
        index = {"B": 0, "E": 1, "M": 2, "S": 3}
        prev = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
        v = {y: start.get(y, _MIN) + emit[0][index[y]] for y in "BMES"}
        path = {y: y for y in "BMES"}
        for t in range(1, len(run)):
            nv, npath = {}, {}
            for y in "BMES":
                em = emit[t][index[y]]
                prob, state = max((v[y0] + trans.get(y0 + y, _MIN) + em, y0) for y0 in prev[y])
                nv[y] = prob
                npath[y] = path[state] + y
            v, path = nv, npath
        _, state = max((v[y], y) for y in "ES")
        states = path[state]
        words = []
        begin = nexti = 0
        for i, ch in enumerate(run):
            pos = states[i]
            if pos == "B":
                begin = i
            elif pos == "E":
                words.append(run[begin : i + 1])
                nexti = i + 1
            elif pos == "S":
                words.append(ch)
                nexti = i + 1
        if nexti < len(run):
            words.append(run[nexti:])
        return words

    # -- tags ---------------------------------------------------------------------------------

    def _class_line(self, head: str) -> dict[str, str]:
        found = self._class_lines.get(head)
        if found is None:
            found = {}
            line = find_line(self.classes, head.encode("utf-8"))
            if line is not None:
                cls = "v"
                for field in line.decode("utf-8").split()[1:]:
                    if field.isascii():
                        cls = field
                    else:
                        found[field] = cls
            self._class_lines[head] = found
        return found

    def tag(self, word: str) -> str:
        """A part-of-speech tag for `word` as toolkit.check.rules read jieba's: "v" for a word that
        opens a predicate (verbs, adjectives, adverbs …), "p" a preposition, "n" noun-like,
        "m" a number, "eng" Latin letters, "x" not a word (punctuation, spaces); the domain
        dictionary's own tag for its words.

        A Han word no list has (joined by the HMM: 压紧, 汛前, 我局) is "v" when its first and
        its last character both open a predicate (压 and 紧), else noun-like, which agrees with
        jieba's tagger on three in four of them in the clean corpus and the checks' examples.
        """
        if not word:
            return "x"
        tag = self.user_tags.get(word)
        if tag:
            return tag
        if not _re(_HAN).match(word):
            if _re(_NUM).match(word):
                return "m"
            if _re(_ENG).match(word):
                return "eng"
            return "x"
        if self.lexicon.knows(word):
            return self._class_line(word[0]).get(word, "n")
        if len(word) > 1 and self._opens(word[0]) and self._opens(word[-1]):
            return "v"
        return "n"

    def _opens(self, ch: str) -> bool:
        """Whether a character is a word that opens a predicate on its own (压, 紧)."""
        return self.lexicon.knows(ch) and self._class_line(ch).get(ch) == "v"


_MIN = -3.14e100  # jieba's MIN_FLOAT: a state a character never takes


def _hmm_header(states: bytes) -> tuple[dict[str, float], dict[str, float]]:
    """The start and transition log probabilities from the header of char-states.txt."""
    start: dict[str, float] = {}
    trans: dict[str, float] = {}
    for line in states[:4096].split(b"\n"):
        fields = line.decode("utf-8").split()
        if fields[:2] == ["#", "start"]:
            target = start
        elif fields[:2] == ["#", "trans"]:
            target = trans
        else:
            continue
        for key, value in zip(fields[2::2], fields[3::2]):
            target[key] = -int(value) / 1000
    return start, trans


@functools.cache
def _words() -> _Words:
    """Reads the word lists once per process (a few milliseconds, never at import)."""
    from toolkit.core import resources

    userdict = resources.path(*USER_DICT)
    return _Words(_read(COMMON), userdict.read_text(encoding="utf-8") if userdict.is_file() else "",
                  _read(CLASSES), _read(STATES))


@functools.lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(_words().cut(text))


def words(text: str) -> list[str]:
    """The words of `text` much as jieba's lcut gives them (with its HMM for unknown words)."""
    return list(_cut(text))


def tag(word: str) -> str:
    """The part-of-speech tag of one word (see `_Words.tag`)."""
    return _words().tag(word)


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs for `text`: `words` with `tag`."""
    model = _words()
    return [(word, model.tag(word)) for word in _cut(text)]


def cache_clear() -> None:
    """Forgets segmentations (benchmarks measure a new document with this)."""
    _cut.cache_clear()

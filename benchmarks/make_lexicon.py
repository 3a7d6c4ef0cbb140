"""Regenerates the word lists of corpora/lexicon/ that toolkit/lexicon.py segments with, from jieba.

jieba takes far longer to import and load than a cold `gongwen build` or `gongwen check` may
spend, so the fast segmenter (toolkit/lexicon.py: title line breaking, and the rules that only
need words and a first word's part of speech) reads three compact files derived from jieba's
data instead, each one line per first character, sorted, so that a text decodes only the few
lines of its own characters:

- common-words.txt: the common words of jieba's dict.txt, each with a frequency class so that a
  dynamic-programming segmentation can still prefer likely words;
- word-classes.txt: which of those words open a predicate (verbs, adjectives, adverbs …: jieba's
  tags other than the noun-like ones) or are prepositions; the rest are noun-like;
- char-states.txt: jieba's HMM for words no dictionary has (finalseg: how likely each character
  begins, ends, continues or is a one-character word), costs rounded to 1/1000 of a nat.

Run from the project root (deterministic: the same jieba gives the same bytes):

    python benchmarks/make_lexicon.py            # writes the three files
    python benchmarks/make_lexicon.py --check    # exits 1 if a committed file is stale
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "corpora" / "lexicon"
TARGET = FOLDER / "common-words.txt"
CLASSES = "word-classes.txt"
STATES = "char-states.txt"

# Words rarer than this in jieba's counts are mostly names, idioms and technical terms, which
# titles seldom contain; the 公文 vocabulary jieba counts low (贯彻落实 3, 一岗双责 5) comes from
# the hand-written title-phrases.txt instead.
MIN_FREQ = 50
MAX_LEN = 8
# Two-character words carry most of the "do not split me" knowledge (研判 21, 履职 24, 闭环 38
# would otherwise be breakable), so they are kept down to this count unless jieba tags them
# as a name, place, organisation, number or time, which a title spells out anyway.
MIN_FREQ_PAIR = 10
NAME_TAGS = frozenset("nr nrt nrfg ns nt nz m mq q t x eng o y z s".split())
# Person names (丁春秋, 韦小宝: jieba's counts come partly from novels) never belong in a title;
# their characters stay unknown, which already makes a break between them dear.
PERSON_TAGS = frozenset("nr nrt nrfg".split())


def _is_cjk(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or ch == "\u3007" for ch in word)


def freq_class(freq: int) -> int:
    """floor(log2(freq)): 15 classes cover the kept range; finer counts would not change a break."""
    return int(math.log2(freq))


def _kept(word: str, freq: int, tag: str) -> bool:
    """Whether common-words.txt keeps a dict.txt entry."""
    if len(word) > MAX_LEN or not _is_cjk(word) or tag in PERSON_TAGS and len(word) > 1:
        return False
    pair = len(word) == 2 and freq >= MIN_FREQ_PAIR and tag not in NAME_TAGS
    return freq >= MIN_FREQ or pair


def _entries(dict_path: Path):
    """(word, count, tag) of every line of jieba's dict.txt."""
    with dict_path.open(encoding="utf-8") as f:
        for line in f:
            word, freq_text, tag = line.split()[:3]
            yield word, int(freq_text), tag


def build(dict_path: Path, jieba_version: str) -> str:
    """The text of common-words.txt for jieba's dict.txt at `dict_path`."""
    by_head: dict[str, dict[int, list[str]]] = {}
    total = 0
    kept = 0
    for word, freq, tag in _entries(dict_path):
        total += freq
        if _kept(word, freq, tag):
            by_head.setdefault(word[0], {}).setdefault(freq_class(freq), []).append(word)
            kept += 1
    header = [
        "# Common Chinese words for breaking report titles at word boundaries (toolkit/titles.py).",
        f"# Derived from jieba {jieba_version} dict.txt (MIT licence, (c) 2013 Sun Junyi,",
        "# https://github.com/fxsjy/jieba) by benchmarks/make_lexicon.py, which regenerates it.",
        f"# Kept: words of 1 to {MAX_LEN} CJK characters counted at least {MIN_FREQ} times, and",
        f"# two-character words counted at least {MIN_FREQ_PAIR} times unless tagged as a name;",
        f"# no person names of two or more characters. {kept} words.",
        "# Format: one line per first character, sorted: the character, then frequency classes,",
        "# each a number N = floor(log2(count)) followed by its words. The reader decodes only",
        "# the lines of the characters a title contains. Comments only at the top.",
        f"# total-log2 {math.log2(total):.3f}",
    ]
    body = []
    for head in sorted(by_head):
        classes = by_head[head]
        fields = [head]
        for cls in sorted(classes, reverse=True):
            fields.append(str(cls))
            fields.extend(sorted(classes[cls]))
        body.append(" ".join(fields))
    return "\n".join(header + body) + "\n"


# What toolkit/rules/balance.py (L104) reads a title's first word as: jieba's tags starting with
# one of these are noun-like (名词: n… r… m… t… s… f… q…); p is a preposition (介词); x is not a
# word; every other tag (v vd vn vg, a ad an, d, i, l, z, b, c …) opens a predicate (动词).
NOUN_TAGS = ("n", "r", "m", "t", "s", "f", "q")


def word_class(tag: str) -> str:
    """n (noun-like), p (preposition), x (not a word) or v (opens a predicate) for a jieba tag."""
    if tag in ("p", "x"):
        return tag
    return "n" if tag.startswith(NOUN_TAGS) else "v"


def build_classes(dict_path: Path, jieba_version: str) -> str:
    """The text of word-classes.txt: the class of each word of common-words.txt that is not
    noun-like, by its tag in jieba's dict.txt at `dict_path`."""
    by_head: dict[str, dict[str, list[str]]] = {}
    kept = 0
    for word, freq, tag in _entries(dict_path):
        cls = word_class(tag)
        if cls != "n" and _kept(word, freq, tag):
            by_head.setdefault(word[0], {}).setdefault(cls, []).append(word)
            kept += 1
    header = [
        "# Word classes for reading a title's first word (toolkit/lexicon.py, rule L104) without jieba.",
        f"# Derived from the part-of-speech tags of jieba {jieba_version} dict.txt (MIT licence,",
        "# (c) 2013 Sun Junyi, https://github.com/fxsjy/jieba) by benchmarks/make_lexicon.py,",
        "# which regenerates it. Listed: the words common-words.txt keeps that jieba does not tag",
        "# as noun-like (tags n… r… m… t… s… f… q…); a word of common-words.txt not listed is",
        f"# noun-like. {kept} words in three classes:",
        "#   v  opens a predicate: verbs (v vd vn vg vi), adjectives (a ad an ag), adverbs (d),",
        "#      idioms and set phrases (i l), and jieba's other non-noun tags (b c e j o u y z …);",
        "#   p  preposition (关于 对 在 …);   x  not a word (jieba's x: stray characters).",
        "# Format: one line per first character, sorted: the character, then each class present,",
        "# the letter followed by its words. Comments only at the top.",
    ]
    body = []
    for head in sorted(by_head):
        fields = [head]
        for cls in sorted(by_head[head]):
            fields.append(cls)
            fields.extend(sorted(by_head[head][cls]))
        body.append(" ".join(fields))
    return "\n".join(header + body) + "\n"


def _milli(logp: float) -> str:
    """A log probability as its cost in thousandths of a nat: -0.263 -> "263"."""
    return str(round(-logp * 1000))


def build_states(finalseg, jieba_version: str) -> str:
    """The text of char-states.txt from jieba's finalseg module (its start, transition and
    emission probabilities)."""
    emit = finalseg.emit_P
    states = "BEMS"
    chars = sorted(set().union(*(emit[s] for s in states)))
    start = " ".join(f"{s} {_milli(finalseg.start_P[s])}" for s in states
                     if finalseg.start_P[s] > finalseg.MIN_FLOAT)
    trans = " ".join(f"{a}{b} {_milli(p)}" for a in states
                     for b, p in sorted(finalseg.trans_P[a].items()))
    header = [
        "# Character states for words no dictionary has (toolkit/lexicon.py), jieba's HMM without jieba.",
        f"# Derived from jieba {jieba_version} finalseg (prob_start, prob_trans, prob_emit; MIT licence,",
        "# (c) 2013 Sun Junyi, https://github.com/fxsjy/jieba) by benchmarks/make_lexicon.py,",
        "# which regenerates it. States: B begins a word, E ends it, M is inside it, S is a word",
        "# alone. Costs are -ln(probability) in thousandths, rounded; '-' where jieba has none.",
        f"# {len(chars)} characters. Format: one line per character, sorted: the character, then its",
        "# costs as B E M S. Comments only at the top, with the start and transition costs:",
        f"# start {start}",
        f"# trans {trans}",
    ]
    body = []
    for ch in chars:
        costs = [_milli(emit[s][ch]) if ch in emit[s] else "-" for s in states]
        body.append(" ".join([ch, *costs]))
    return "\n".join(header + body) + "\n"


def _import_finalseg():
    import warnings

    with warnings.catch_warnings():  # jieba's regexes warn on Python 3.12+
        warnings.simplefilter("ignore")
        import jieba
        import jieba.finalseg
    return jieba, jieba.finalseg


def build_all(dict_path: Path | None = None) -> dict[str, str]:
    """File name -> text, for the three files of corpora/lexicon/ this script owns."""
    jieba, finalseg = _import_finalseg()
    dict_path = dict_path or Path(jieba.__file__).with_name("dict.txt")
    return {
        TARGET.name: build(dict_path, jieba.__version__),
        CLASSES: build_classes(dict_path, jieba.__version__),
        STATES: build_states(finalseg, jieba.__version__),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, help="jieba's dict.txt (default: the installed one)")
    parser.add_argument("--dir", type=Path, default=FOLDER, help="where the files go")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)

    stale = 0
    for name, text in build_all(args.dict).items():
        out = args.dir / name
        if args.check:
            current = out.read_text(encoding="utf-8") if out.exists() else ""
            if current != text:
                print(f"{out} is stale; run benchmarks/make_lexicon.py", file=sys.stderr)
                stale = 1
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out} ({len(text.encode('utf-8'))} bytes)")
    return stale


if __name__ == "__main__":
    sys.exit(main())

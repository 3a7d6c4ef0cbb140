"""Regenerates corpora/lexicon/common-words.txt, the compact word list titles.py breaks lines with.

jieba's full dictionary takes far longer to load than a cold `gongwen build` may spend, so the
title breaker reads this subset instead: the common words of jieba's dict.txt, each with a
frequency class so that a dynamic-programming segmentation can still prefer likely words, one
line per first character so that a title decodes only the few lines it needs.

Run from the project root (deterministic: the same dict.txt gives the same bytes):

    python benchmarks/make_lexicon.py            # writes corpora/lexicon/common-words.txt
    python benchmarks/make_lexicon.py --check    # exits 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "corpora" / "lexicon" / "common-words.txt"

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


def build(dict_path: Path, jieba_version: str) -> str:
    """The text of common-words.txt for jieba's dict.txt at `dict_path`."""
    by_head: dict[str, dict[int, list[str]]] = {}
    total = 0
    kept = 0
    with dict_path.open(encoding="utf-8") as f:
        for line in f:
            word, freq_text, tag = line.split()[:3]
            freq = int(freq_text)
            total += freq
            if len(word) > MAX_LEN or not _is_cjk(word) or tag in PERSON_TAGS and len(word) > 1:
                continue
            pair = len(word) == 2 and freq >= MIN_FREQ_PAIR and tag not in NAME_TAGS
            if freq < MIN_FREQ and not pair:
                continue
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, help="jieba's dict.txt (default: the installed one)")
    parser.add_argument("--out", type=Path, default=TARGET)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)

    import jieba

    dict_path = args.dict or Path(jieba.__file__).with_name("dict.txt")
    text = build(dict_path, jieba.__version__)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale; run benchmarks/make_lexicon.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

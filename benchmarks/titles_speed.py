"""Prints how long title breaking and jieba loading take, cold and warm (targets in the text)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import timeit

REFERENCE = "X区人民政府办公室关于贯彻落实中央、省、市重大决策部署工作情况汇报"

# Targets (see toolkit/titles.py): importing titles and breaking the reference title in a fresh
# interpreter under 15 ms, a warm break under 0.5 ms; jieba only ever loads for check rules.
COLD = """
import time
{preload}
t = time.perf_counter()
from toolkit.text.titles import break_title
break_title({title!r})
print((time.perf_counter() - t) * 1000)
"""

DOCX = """
import time
t = time.perf_counter()
import docx
print((time.perf_counter() - t) * 1000)
"""

JIEBA = """
import time
t = time.perf_counter()
import toolkit.text.segment as s
s.words("加强安全生产")
w = time.perf_counter()
s.tagged("加强安全生产")
print((w - t) * 1000, (time.perf_counter() - w) * 1000)
"""


def median_ms(code: str, runs: int = 7, env: dict[str, str] | None = None) -> list[float]:
    """Median of each figure the snippet prints, over fresh interpreters."""
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        samples.append([float(x) for x in out.stdout.split()])
    return [statistics.median(column) for column in zip(*samples)]


def main() -> None:
    from toolkit.core import resources
    from toolkit.text.titles import break_title

    cold = median_ms(COLD.format(preload="", title=REFERENCE))[0]
    # What a build pays on top of modules it has loaded anyway (pathlib for resources, re …).
    extra = median_ms(COLD.format(preload="import pathlib, functools, re", title=REFERENCE))[0]
    docx = median_ms(DOCX)[0]
    break_title(REFERENCE)
    number = 2000
    warm = timeit.timeit(lambda: break_title(REFERENCE), number=number) / number * 1000
    with tempfile.TemporaryDirectory() as cache:
        # A private cache folder, filled by a first run, so the figures are for a warm cache.
        env = dict(os.environ, XDG_CACHE_HOME=cache, LOCALAPPDATA=cache)
        median_ms(JIEBA, runs=1, env=env)
        jieba_words, jieba_tags = median_ms(JIEBA, runs=3, env=env)
    sizes = {
        name: resources.path("corpora", *name.split("/")).stat().st_size
        for name in ("lexicon/common-words.txt", "lexicon/title-phrases.txt", "jieba/userdict.txt")
    }
    print(f"titles cold, fresh interpreter     {cold:8.2f} ms   (target < 15)")
    print(f"titles cold, pathlib/re preloaded  {extra:8.2f} ms")
    print(f"titles warm, reference title       {warm:8.3f} ms   (target < 0.5)")
    print(f"import docx, for comparison        {docx:8.2f} ms")
    print(f"jieba first words() (cached dict)  {jieba_words:8.1f} ms")
    print(f"jieba first tagged() on top        {jieba_tags:8.1f} ms")
    for name, size in sizes.items():
        print(f"corpora/{name:<28} {size / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()

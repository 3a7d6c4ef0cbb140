"""Measures how fast the checks are: warm throughput, cold `gongwen check`, and jieba's first use.

Figures from one run:
- warm: characters per second of all default rules (one core) on the reference report and on
  the clean corpus, documents parsed beforehand; with the segmentation cache cleared before
  each pass (a new document) and kept (the same document again). Target >= 200,000 chars/s.
  The slowest rules are listed with their own throughput.
- cold: wall time of a fresh `gongwen check <reference report>` against a fresh
  `python -c "import docx"` (median of several runs, user cache warm). Target ratio <= 4x.
  Also whether that check imports jieba (it should not: the rules that need only words and
  parts of speech use toolkit.text.lexicon; jieba loads only for W111's rare candidates), and the
  very first run with an empty user cache (jieba builds its prefix-dictionary cache if used).
- jieba: first words() and first tagged() in a fresh process (target well under 0.2 s each).

    python benchmarks/check_speed.py [--seconds 1.0] [--runs 7]
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference" / "source-report.txt"
CORPUS = ROOT / "corpora" / "clean"
TARGET_WARM = 200_000
TARGET_RATIO = 4.0
TARGET_JIEBA = 0.2
FAMILIES = ("structure", "punctuation", "numbers", "wording", "balance")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The stand-in for `gongwen check` while the CLI cannot run all families yet: the same work
# (settings, rules, parse, run) in a fresh interpreter, with whichever families import.
STAND_IN = """
import sys, importlib
import toolkit.cli  # the CLI's own start-up cost (click …)
from toolkit.text.parser import parse_text
from toolkit.check.engine import run
from toolkit.core.sources import read_text
from toolkit.check.settings import load_settings
rules = ()
for family in {families!r}:
    try:
        rules += tuple(importlib.import_module("toolkit.check.rules." + family).RULES)
    except ImportError:
        pass
try:
    load_settings(rules)
except Exception:
    pass
try:
    from toolkit.check.wordlists import Lexicons
    lexicons = Lexicons.default()
except Exception:
    lexicons = None
doc = parse_text(read_text({path!r}).text, {path!r})
found = []
for rule in rules:
    try:
        found += run(doc, [rule], lexicons=lexicons)
    except Exception:
        pass
print(len(found))
"""


def load_rules() -> tuple[tuple, list[str]]:
    try:
        from toolkit.check.rules import all_rules

        return tuple(all_rules()), list(FAMILIES)
    except ImportError:
        rules, present = (), []
        for family in FAMILIES:
            try:
                rules += tuple(importlib.import_module(f"toolkit.check.rules.{family}").RULES)
                present.append(family)
            except ImportError:
                pass
        return tuple(sorted(rules, key=lambda r: r.code)), present


def active(rules: tuple) -> list:
    from toolkit.check.settings import Settings, load_settings

    try:
        return load_settings(rules).active(rules)
    except Exception:  # checks.yaml names families that are not written yet
        return Settings().active(rules)


def usable(rules, docs) -> tuple[list, dict[str, str]]:
    """The rules that run without raising on `docs`, and the errors of those that do not."""
    from toolkit.check.engine import run

    ok, broken = [], {}
    for rule in rules:
        try:
            for doc in docs:
                run(doc, [rule])
            ok.append(rule)
        except Exception as exc:  # a rule being written: measure the others, say which
            broken[rule.code] = f"{type(exc).__name__}: {exc}"
    return ok, broken


def _chars(doc) -> int:
    return sum(len(b.text) for b in doc.blocks)


def throughput(docs, rules, seconds: float, clear: bool) -> float:
    """Characters per second of running `rules` over `docs`, repeated for about `seconds`."""
    from toolkit.check import engine
    from toolkit.text import lexicon

    for doc in docs:  # warm: jieba loaded, regexes compiled, word lists read
        engine.run(doc, rules)
    size = sum(_chars(d) for d in docs)
    done = 0
    start = time.perf_counter()
    while True:
        for doc in docs:
            if clear:
                engine._words.cache_clear()
                lexicon.cache_clear()
            engine.run(doc, rules)
        done += size
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed


def per_rule(docs, rules, budget: float) -> list[tuple[float, str]]:
    """(chars/s, code) for each rule alone, slowest first."""
    from toolkit.check import engine
    from toolkit.text import lexicon

    size = sum(_chars(d) for d in docs)
    out = []
    for rule in rules:
        for doc in docs:
            engine.run(doc, [rule])
        reps, start = 0, time.perf_counter()
        while True:
            for doc in docs:
                engine._words.cache_clear()
                lexicon.cache_clear()
                engine.run(doc, [rule])
            reps += 1
            elapsed = time.perf_counter() - start
            if elapsed >= budget:
                break
        out.append((reps * size / elapsed, rule.code))
    return sorted(out)


def wall(cmd: list[str], env: dict, runs: int) -> tuple[float, subprocess.CompletedProcess]:
    times, last = [], None
    for _ in range(runs):
        start = time.perf_counter()
        last = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times), last


def check_command(env: dict) -> tuple[list[str], str]:
    """`gongwen check` if it works with the rules as they are now; else the stand-in."""
    exe = Path(sys.executable).with_name("gongwen")
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "toolkit"]),
           "check", str(REFERENCE)]
    probe = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if probe.returncode in (0, 1) and "内部错误" not in probe.stderr:
        return cmd, "gongwen check"
    code = STAND_IN.format(families=FAMILIES, path=str(REFERENCE))
    lines = probe.stderr.strip().splitlines() or ["?"]
    reason = next((ln for ln in reversed(lines) if "Error" in ln), lines[0])
    return [sys.executable, "-c", code], f"替身（gongwen check 尚不能运行：{reason.strip()[:80]}）"


JIEBA_FIRST = (
    "import time; t0 = time.perf_counter(); import toolkit.text.segment as s;"
    "s.words('坚决贯彻落实重大决策部署，压实安全生产责任'); t1 = time.perf_counter();"
    "s.tagged('构建三大机制，强化基础保障'); t2 = time.perf_counter(); print(t1 - t0, t2 - t1)"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="per warm measurement")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per cold figure")
    parser.add_argument("--slowest", type=int, default=8, help="slowest rules to list")
    args = parser.parse_args(argv)

    from toolkit.text.parser import parse_text

    rules, present = load_rules()
    rules = active(rules)
    print(f"规则：{len(rules)} 条（族：{'、'.join(present) or '无'}；"
          f"尚无：{'、'.join(f for f in FAMILIES if f not in present) or '无'}）")

    reference = parse_text(REFERENCE.read_text(encoding="utf-8"), str(REFERENCE))
    clean = [parse_text(p.read_text(encoding="utf-8"), p.name) for p in sorted(CORPUS.glob("*.txt"))]
    rules, broken = usable(rules, [reference, *clean])
    for code, error in sorted(broken.items()):
        print(f"  出错而未计入：{code} {error}")
    print()
    print("== 热态吞吐（单核，文档已解析） ==")
    for label, docs in (("参考报告", [reference]), (f"干净语料 {len(clean)} 篇", clean)):
        new = throughput(docs, rules, args.seconds, clear=True)
        same = throughput(docs, rules, args.seconds, clear=False)
        verdict = "PASS" if new >= TARGET_WARM else "FAIL"
        print(f"{label}（{sum(_chars(d) for d in docs)} 字）：新文档 {new:,.0f} 字/秒 {verdict}"
              f"（目标 ≥ {TARGET_WARM:,}）；同一文档重复 {same:,.0f} 字/秒")
    slow = per_rule(clean, rules, budget=0.05)[:args.slowest]
    print("最慢的规则（单独运行，干净语料）：" + "；".join(f"{c} {v:,.0f}" for v, c in slow))

    print()
    print("== 冷启动（新进程，中位数） ==")
    env = dict(os.environ)
    # pip compiles an installed package's bytecode; a machine that sets PYTHONDONTWRITEBYTECODE
    # would make every cold start of a source checkout recompile all modules instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd, what = check_command(env)
    wall(cmd, env, 1)  # the user cache (jieba) exists from here on
    check_time, last = wall(cmd, env, args.runs)
    docx_time, _ = wall([sys.executable, "-c", "import docx"], env, args.runs)
    ratio = check_time / docx_time
    print(f"{what}：{check_time:.3f} 秒（退出码 {last.returncode}）")
    print(f"python -c \"import docx\"：{docx_time:.3f} 秒")
    print(f"比值 {ratio:.2f}× {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}（目标 ≤ {TARGET_RATIO:g}×）")
    traced = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                            env=dict(env, PYTHONPROFILEIMPORTTIME="1"))
    jieba = any(line.startswith("import time:") and line.split("|")[-1].strip() == "jieba"
                for line in traced.stderr.splitlines())
    print(f"检查是否导入 jieba：{'是 FAIL（默认规则应不需要 jieba）' if jieba else '否 PASS'}")
    with tempfile.TemporaryDirectory() as empty:
        first_env = dict(env, XDG_CACHE_HOME=empty, LOCALAPPDATA=empty)
        first, _ = wall(cmd, first_env, 1)
    print(f"用户缓存为空时的第一次运行：{first:.3f} 秒（用到 jieba 时建立其前缀词典缓存，仅一次）")

    print()
    print("== jieba 首次使用（新进程，缓存已建，中位数） ==")
    samples = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", JIEBA_FIRST], capture_output=True, text=True,
                             env=env, cwd=ROOT)
        samples.append(tuple(map(float, out.stdout.split())))
    first_words = statistics.median(s[0] for s in samples)
    first_tagged = statistics.median(s[1] for s in samples)
    for label, value in (("首次 words()（含导入 jieba、读缓存）", first_words),
                         ("首次 tagged()（含导入 posseg、读词性表）", first_tagged)):
        print(f"{label}：{value:.3f} 秒 {'PASS' if value < TARGET_JIEBA else 'FAIL'}"
              f"（目标 < {TARGET_JIEBA:g} 秒）")
    return 0


if __name__ == "__main__":
    sys.exit(main())

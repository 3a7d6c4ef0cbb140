"""Measures the checks' precision on clean reports and their recall on injected defects.

1. False positives: every default rule runs over the clean corpus (corpora/clean/*.txt, reports
   written to be correct); every finding there is a false positive. Printed per 10,000
   characters for each severity (target at 错误: < 1), each finding listed with code, place and
   the text it points at, so that the rule can be fixed.
2. Recall: for each defect class of benchmarks/defects, N trials each put one defect into a
   random clean text; a trial is a hit when the rules report the expected code anew (more often
   than on the clean text, paragraph by paragraph) in the paragraph the defect went into, or
   anywhere for a structural defect (lines added or removed, or a heading, series item, title,
   salutation, signature or date changed: a missing （二） is rightly reported at （三）).
   Target per class: >= 95 %.
3. Real documents (tests/cases/real: public reports, notices and summaries nobody here wrote,
   each with a label file of its true defects): per rule precision, false findings and hints per
   10,000 characters, and recall of the labelled defects, for the tuning part and for the held-out
   measuring part. Targets on the measuring part: errors right >= 99 %, warnings >= 90 %, hints
   >= 80 %; < 0.2 false errors and < 1 false warning per 10,000 characters; <= 10 hints per
   10,000 characters; recall > 60 %.

Deterministic for a given --seed. A measuring script: it always exits 0.

    python benchmarks/check_quality.py [--trials 200] [--seed 1] [--only 标点] [--no-list]
    python benchmarks/check_quality.py --real-only [--part measure]
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "clean"
REAL = ROOT / "tests" / "cases" / "real"
# Rules that judge whether a document is complete: not scored on an excerpt that stops early.
COMPLETENESS = ("S106", "S107", "S110", "S112")
REAL_TARGETS = {"错误": 0.99, "警告": 0.90, "提示": 0.80}
REAL_FALSE_PER_10K = {"错误": 0.2, "警告": 1.0}
REAL_INFO_PER_10K = 10.0
REAL_RECALL = 0.60
TARGET_RECALL = 0.95
TARGET_FP_ERRORS = 1.0  # per 10,000 characters, at 错误
FAMILIES = ("structure", "punctuation", "numbers", "wording", "balance")

if str(ROOT) not in sys.path:  # run as a script: make `toolkit` and `benchmarks` importable
    sys.path.insert(0, str(ROOT))

from toolkit.check.engine import run
from toolkit.check.model import ERROR, INFO, WARNING, Finding
from toolkit.text.parser import parse_text


@dataclass
class Engine:
    """The default rules and settings, resolved once, applied like `gongwen check` does."""

    rules: list
    settings: object
    lexicons: object
    families: list[str]
    missing: dict[str, str]

    broken: dict[str, str] = field(default_factory=dict)  # code -> error of a rule that raised
    all_hints: bool = False

    def check(self, text: str, path: str = "<文本>", all_hints: bool = False):
        """Findings as `gongwen check` shows them (quiet hints held back), or every finding."""
        self.all_hints = all_hints
        doc = parse_text(text, path)
        args = (self.settings.severities, self.settings.options, _kind(doc), self.lexicons)
        try:
            return doc, self._shown(run(doc, self.rules, *args))
        except Exception:  # a rule being written crashed: find it, set it aside, report it
            found = []
            for rule in list(self.rules):
                try:
                    found += run(doc, [rule], *args)
                except Exception as exc:
                    self.broken[rule.code] = f"{type(exc).__name__}: {exc}"
                    self.rules.remove(rule)
            found.sort(key=lambda fs: (fs[0].block, fs[0].start, fs[0].code))
            return doc, self._shown(found)

    def _shown(self, found):
        """What `gongwen check` shows by default: quiet hints held back (configs/checks.yaml)."""
        split = getattr(self.settings, "split_held", None)
        return split(found)[0] if split and not self.all_hints else found


def _kind(doc):
    if not doc.kind:
        return None
    try:
        from toolkit.draft import kinds as templating

        return templating.find_kind(doc.kind, ())
    except Exception:  # an unknown kind checks as no kind, as in `gongwen check`
        return None


def load_engine() -> Engine:
    """all_rules() with the default settings; while families are still being written, the ones
    that import."""
    from toolkit.check.settings import load_settings

    missing: dict[str, str] = {}
    try:
        from toolkit.check.rules import all_rules

        rules = tuple(all_rules())
        families = list(FAMILIES)
    except ImportError:
        rules, families = (), []
        for family in FAMILIES:
            try:
                module = importlib.import_module(f"toolkit.check.rules.{family}")
                rules += tuple(module.RULES)
                families.append(family)
            except Exception as exc:
                missing[family] = f"{type(exc).__name__}: {exc}"
        rules = tuple(sorted(rules, key=lambda r: r.code))
    try:
        settings = load_settings(rules)
    except Exception as exc:  # configs/checks.yaml names families that are not written yet
        from toolkit.check.settings import Settings

        missing["settings"] = f"默认设置未能加载（{exc}），改用内置默认"
        settings = Settings()
    lexicons = None  # the default word lists; the engine loads them itself when this is None
    try:
        from toolkit.check.wordlists import Lexicons

        lexicons = Lexicons.default()
    except Exception as exc:
        missing["lexicons"] = f"{type(exc).__name__}: {exc}"
    return Engine(list(settings.active(rules)), settings, lexicons, families, missing)


def corpus() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


def chars(text: str) -> int:
    return len(text.replace("\n", ""))


# --- false positives -------------------------------------------------------------------------

def _line_of(doc, finding: Finding) -> tuple[int, int]:
    if finding.block < 0:
        return 0, 0
    place = doc.blocks[finding.block].origin_at(finding.start)
    if place is None:
        span = doc.blocks[finding.block].spans
        return (span[0].origin.line, 1) if span else (0, 0)
    return place.line, place.column


def _excerpt(doc, finding: Finding, width: int = 10) -> str:
    if finding.block < 0:
        return "（全文）"
    text = doc.blocks[finding.block].text
    a, b = finding.start, max(finding.end, finding.start)
    left = text[max(0, a - width):a]
    right = text[b:b + width]
    inside = text[a:b] if b - a <= 40 else text[a:a + 18] + "……" + text[b - 18:b]
    return f"{'…' if a > width else ''}{left}【{inside}】{right}{'…' if b + width < len(text) else ''}"


def false_positives(engine: Engine, texts, listing: bool, max_info: int) -> None:
    total_chars = sum(chars(t) for _, t in texts)
    rows = {ERROR: [], WARNING: [], INFO: []}
    for name, text in texts:
        doc, found = engine.check(text, name)
        for finding, level in found:
            line, col = _line_of(doc, finding)
            rows[level].append((finding.code, f"{name}:{line}:{col}", _excerpt(doc, finding),
                                finding.message))
    print(f"== 误报（干净语料 {len(texts)} 篇，{total_chars} 字） ==")
    for level in (ERROR, WARNING, INFO):
        n = len(rows[level])
        rate = n * 10000 / total_chars if total_chars else 0.0
        verdict = ""
        if level == ERROR:
            verdict = "  PASS" if rate < TARGET_FP_ERRORS else "  FAIL"
            verdict += f"（目标 < {TARGET_FP_ERRORS:g}）"
        by_code = Counter(code for code, *_ in rows[level])
        codes = "  ".join(f"{c}×{k}" for c, k in sorted(by_code.items()))
        print(f"{level}: {n} 处，每万字 {rate:.2f}{verdict}" + (f"   [{codes}]" if codes else ""))
    if not listing:
        return
    for level in (ERROR, WARNING, INFO):
        items = rows[level]
        if not items:
            continue
        limit = len(items) if level != INFO else max_info
        print(f"-- {level} --")
        for code, where, excerpt, message in sorted(items)[:limit]:
            print(f"  {code} {where}  {excerpt}  {message}")
        if len(items) > limit:
            print(f"  …另有 {len(items) - limit} 处{level}（--max-info 调整）")


# --- recall ----------------------------------------------------------------------------------

def _findings_by_line(doc, found) -> Counter:
    """(code, source line) counts; document-level findings sit on line 0."""
    counts: Counter = Counter()
    for finding, _ in found:
        if finding.block < 0:
            counts[(finding.code, 0)] += 1
        else:
            spans = doc.blocks[finding.block].spans
            counts[(finding.code, spans[0].origin.line if spans else -1)] += 1
    return counts


def _line_map(clean: str, defective: str) -> tuple[dict[int, int], set[int]]:
    """Defective line -> clean line (1-based) for unchanged lines, and the defective lines the
    defect touched (for a deletion: the lines on either side of the gap)."""
    a, b = clean.split("\n"), defective.split("\n")
    mapping: dict[int, int] = {}
    touched: set[int] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                mapping[j1 + k + 1] = i1 + k + 1
        elif j1 == j2:  # lines deleted: the defect sits between two lines
            touched.update((j1, j1 + 1))
        else:
            touched.update(range(j1 + 1, j2 + 1))
    return mapping, touched


@dataclass
class Trial:
    hit: bool
    skipped: bool = False
    error: str = ""
    detail: str = ""
    elsewhere: bool = False  # a structural hit reported outside the changed lines


def one_trial(engine: Engine, inject, texts, baseline, rng: random.Random) -> Trial:
    order = list(range(len(texts)))
    rng.shuffle(order)
    for index in order:  # a random text that has a suitable place for this defect
        name, clean = texts[index]
        try:
            result = inject(clean, rng)
        except Exception:
            return Trial(False, error="injector: " + traceback.format_exc(limit=4))
        if result is None:
            continue
        defective, code = result
        if defective == clean:
            return Trial(False, error=f"injector returned the text unchanged ({name})")
        try:
            doc, found = engine.check(defective, name, all_hints=True)
        except Exception:
            return Trial(False, error="rules: " + traceback.format_exc(limit=6))
        before = baseline[index]
        after = _findings_by_line(doc, found)
        mapping, touched = _line_map(clean, defective)
        new_counts: Counter = Counter()  # (code, defective line) -> findings beyond the clean text's
        for (c, line), k in after.items():
            if line == 0:
                new_counts[(c, 0)] = k - before.get((c, 0), 0)
            elif line in mapping:
                new_counts[(c, line)] = k - before.get((c, mapping[line]), 0)
            else:  # a line the defect changed: all its findings are new
                new_counts[(c, line)] = k
        expected = [line for (c, line), k in new_counts.items() if k > 0 and c == code]
        # A defect inside a body paragraph must be reported in that paragraph. A structural one
        # (lines added or removed, a heading, series item, title … changed) may rightly be
        # reported elsewhere: a missing （二） shows as a gap at （三）.
        structural = clean.count("\n") != defective.count("\n") or any(
            b.kind != "body" or b.marker for b in doc.blocks
            if b.spans and b.spans[0].origin.line in touched)
        located = any(line == 0 or line in touched for line in expected)
        hit = located or (structural and bool(expected))
        detail = ""
        if not hit:
            lines = defective.split("\n")
            changed = [lines[n - 1] for n in sorted(touched) if 0 < n <= len(lines)][:2]
            got = sorted({c for (c, line), k in new_counts.items() if k > 0})
            where = f"（{code} 报在第 {expected} 行，不在改动的段落）" if expected else ""
            detail = (f"{name}: 期望 {code}{where}，新增 {got or '无'}；"
                      f"改动段落：{' / '.join(changed)[:100]}")
        return Trial(hit, detail=detail, elsewhere=hit and not located)
    return Trial(False, skipped=True)


def recall(engine: Engine, texts, trials: int, seed: int, only: str | None,
           show_misses: int) -> None:
    from benchmarks.defects import gather

    gathered = gather()
    print()
    print(f"== 召回（每类 {trials} 次，种子 {seed}） ==")
    print("缺陷注入模块：已有 " + ("、".join(gathered.present) or "无")
          + ("；尚无 " + "、".join(gathered.missing) if gathered.missing else "")
          + ("；导入失败 " + "、".join(gathered.broken) if gathered.broken else ""))
    for family, error in gathered.broken.items():
        print(f"  {family}: {error.strip().splitlines()[-1]}")
    baseline = [_findings_by_line(*engine.check(text, name, all_hints=True)) for name, text in texts]
    classes = [c for c in gathered.classes if not only or only in c.name or only == c.family]
    passed = failed = 0
    total_hits = total_runs = 0
    for cls in classes:
        rng = random.Random(f"{seed}:{cls.family}:{cls.name}")
        hits = runs = skipped = elsewhere = 0
        errors: list[str] = []
        misses: list[str] = []
        for _ in range(trials):
            trial = one_trial(engine, cls.inject, texts, baseline, rng)
            if trial.skipped:
                skipped += 1
                continue
            runs += 1
            hits += trial.hit
            elsewhere += trial.elsewhere
            if trial.error:
                errors.append(trial.error)
            elif not trial.hit and trial.detail:
                misses.append(trial.detail)
        label = f"[{cls.family}] {cls.name}"
        if runs == 0:
            print(f"{label}: 无适用位置（{skipped} 次均跳过） FAIL")
            failed += 1
            continue
        rate = hits / runs
        ok = rate >= TARGET_RECALL and not errors
        passed += ok
        failed += not ok
        total_hits += hits
        total_runs += runs
        extra = f"，跳过 {skipped}" if skipped else ""
        extra += f"，出错 {len(errors)}" if errors else ""
        extra += f"，其中 {elsewhere} 次报在改动段落之外（结构性缺陷）" if elsewhere else ""
        print(f"{label}: {hits}/{runs} = {rate:.1%}（目标 ≥ {TARGET_RECALL:.0%}{extra}）"
              f" {'PASS' if ok else 'FAIL'}")
        if errors:
            print("    首个错误：" + errors[0].strip().replace("\n", "\n    "))
        for miss in misses[:show_misses]:
            print("    漏报：" + miss)
    if classes:
        overall = total_hits / total_runs if total_runs else 0.0
        print(f"总体：{len(classes)} 类，PASS {passed}，FAIL {failed}；"
              f"合计召回 {total_hits}/{total_runs} = {overall:.1%}")
    else:
        print("总体：还没有缺陷类（benchmarks/defects/<family>.py 尚未写出）。")


# --- real documents --------------------------------------------------------------------------

@dataclass
class RealDoc:
    name: str
    text: str
    part: str
    truncated: bool
    defects: list[dict]


def real_documents() -> list[RealDoc]:
    import yaml

    docs = []
    for path in sorted(REAL.glob("*.txt")):
        label = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
        docs.append(RealDoc(path.name, path.read_text(encoding="utf-8"), label.get("part", ""),
                            bool(label.get("truncated")), list(label.get("defects") or [])))
    return docs


SENTENCE = 30  # a finding longer than this points at a whole sentence: it only meets style labels


def _overlaps(defect: dict, line: int, col: int, end_line: int, end_col: int) -> bool:
    wide = end_line != line or end_col - col > SENTENCE
    if defect["line"] != line or wide != bool(defect.get("style")):
        return False
    a = defect["col"]
    b = a + max(len(defect["text"]), 1)
    end = end_col if end_line == line else 10 ** 6
    return col < b and a < max(end, col + 1)


@dataclass
class RealScore:
    chars: int = 0
    docs: int = 0
    by_rule: dict = field(default_factory=dict)  # code -> [severity, findings, right]
    unscored: int = 0
    defects: int = 0
    found: int = 0
    placeholder_defects: int = 0
    placeholder_found: int = 0
    false_rows: list = field(default_factory=list)
    missed: list = field(default_factory=list)


def score_real(engine: Engine, docs: list[RealDoc]) -> RealScore:
    from toolkit.check.diagnostics import locate

    score = RealScore()
    for rd in docs:
        score.docs += 1
        score.chars += chars(rd.text)
        doc, found = engine.check(rd.text, rd.name)
        lines = rd.text.split("\n")
        hit = [False] * len(rd.defects)
        for finding, level in found:
            if rd.truncated and finding.code in COMPLETENESS:
                score.unscored += 1
                continue
            line, col, end_line, end_col = locate(doc, finding)
            matches = [i for i, d in enumerate(rd.defects) if _overlaps(d, line, col, end_line, end_col)]
            for i in matches:
                hit[i] = True
            row = score.by_rule.setdefault(finding.code, [level, 0, 0])
            row[1] += 1
            row[2] += bool(matches)
            if not matches:
                text = lines[line - 1] if 0 < line <= len(lines) else ""
                a = col - 1
                b = end_col - 1 if end_line == line else a + 1
                show = text[max(0, a - 8):a] + "【" + text[a:max(b, a + 1)][:24] + "】" + text[max(b, a + 1):][:8]
                score.false_rows.append((finding.code, level, f"{rd.name}:{line}:{col}", show,
                                         finding.message))
        for i, d in enumerate(rd.defects):
            if d.get("style"):
                continue
            placeholder = "占位" in str(d.get("what", ""))
            score.defects += 1
            score.found += hit[i]
            score.placeholder_defects += placeholder
            score.placeholder_found += placeholder and hit[i]
            if not hit[i]:
                score.missed.append((f"{rd.name}:{d['line']}:{d['col']}", d["text"], d.get("what", "")))
    return score


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.1%}" if b else "—"


def real_report(engine: Engine, parts: list[str], listing: bool) -> None:
    docs = real_documents()
    if not docs:
        print("\n== 真实文档：tests/cases/real 下没有文档 ==")
        return
    for part in parts:
        chosen = [d for d in docs if part == "all" or d.part == part]
        s = score_real(engine, chosen)
        label = {"tuning": "调校部分", "measure": "测量部分（留出）", "all": "全部"}.get(part, part)
        print()
        print(f"== 真实文档：{label} {s.docs} 篇，{s.chars} 字 ==")
        print("规则   级别  报出  正确  准确率")
        for code, (level, n, right) in sorted(s.by_rule.items()):
            print(f"{code}   {level}  {n:4d}  {right:4d}  {right / n:6.1%}")
        measured = part == "measure"
        for level in (ERROR, WARNING, INFO):
            n = sum(r[1] for r in s.by_rule.values() if r[0] == level)
            right = sum(r[2] for r in s.by_rule.values() if r[0] == level)
            wrong = n - right
            per = wrong * 10000 / s.chars if s.chars else 0.0
            line = f"{level}：{n} 处，正确 {_pct(right, n)}（目标 ≥ {REAL_TARGETS[level]:.0%}）"
            ok = not n or right / n >= REAL_TARGETS[level]
            if level in REAL_FALSE_PER_10K:
                line += f"；误报每万字 {per:.2f}（目标 < {REAL_FALSE_PER_10K[level]:g}）"
                ok = ok and per < REAL_FALSE_PER_10K[level]
            else:
                dense = n * 10000 / s.chars if s.chars else 0.0
                line += f"；每万字 {dense:.1f} 处（目标 ≤ {REAL_INFO_PER_10K:g}）"
                ok = ok and dense <= REAL_INFO_PER_10K
            print(line + (("  PASS" if ok else "  FAIL") if measured else ""))
        rec = s.found / s.defects if s.defects else 0.0
        print(f"召回：{_pct(s.found, s.defects)}（目标 > {REAL_RECALL:.0%}）"
              + (("  PASS" if rec > REAL_RECALL else "  FAIL") if measured else "")
              + f"；不计占位符 {_pct(s.found - s.placeholder_found, s.defects - s.placeholder_defects)}")
        if s.unscored:
            print(f"（节选文档上的完整性检查 {'、'.join(COMPLETENESS)} 共 {s.unscored} 处，不计分）")
        if listing:
            for code, level, where, show, message in sorted(s.false_rows):
                print(f"  误报 {code} [{level}] {where}  {show}  {message[:50]}")
            for where, text, what in s.missed:
                print(f"  漏报 {where}  “{text}”  {what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", help="only defect classes whose name contains this, or a family")
    parser.add_argument("--no-list", action="store_true", help="counts only, no finding list")
    parser.add_argument("--max-info", type=int, default=40, help="提示 findings to list")
    parser.add_argument("--misses", type=int, default=3, help="missed trials to show per class")
    parser.add_argument("--skip-recall", action="store_true")
    parser.add_argument("--real-only", action="store_true",
                        help="only the real documents of tests/cases/real")
    parser.add_argument("--part", choices=("tuning", "measure", "all"),
                        help="real documents: one part only (default: tuning and measure)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    engine = load_engine()
    print(f"规则：{len(engine.rules)} 条（族：{'、'.join(engine.families) or '无'}）")
    for what, why in engine.missing.items():
        print(f"  缺少 {what}：{why}")
    if not args.real_only:
        texts = corpus()
        false_positives(engine, texts, not args.no_list, args.max_info)
        if not args.skip_recall:
            recall(engine, texts, args.trials, args.seed, args.only, args.misses)
    real_report(engine, [args.part] if args.part else ["tuning", "measure"], not args.no_list)
    if engine.broken:
        print()
        print(f"出错而被搁置的规则（{len(engine.broken)} 条，未计入以上数字）：")
        for code, error in sorted(engine.broken.items()):
            print(f"  {code}: {error}")
    print(f"用时 {time.perf_counter() - started:.1f} 秒")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception:  # a measuring script: report, never fail the caller
        traceback.print_exc()
    sys.exit(0)

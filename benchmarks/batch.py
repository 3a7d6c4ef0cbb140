"""Batch speed and memory: N departmental reports the size of the reference report, built and
checked with `gongwen batch -j 2`.

Targets (issue: gongwen batch), on this 2-core machine: 1,000 reports in at most 15 s wall time;
peak memory of the largest process at most 300 MB, and no more at 1,000 than at 100.

Run: python benchmarks/batch.py [--sizes 100 1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "configs" / "examples" / "reference-report.yaml"


def make_departments(folder: Path, count: int) -> None:
    """`count` YAML files: the reference report under different unit names."""
    text = REFERENCE.read_text(encoding="utf-8")
    for n in range(count):
        unit = f"X区第{n + 1}部门办公室"
        (folder / f"部门{n + 1:04d}.yaml").write_text(
            text.replace("单位: X区人民政府办公室", f"单位: {unit}"), encoding="utf-8")


def measure(count: int, jobs: int) -> dict:
    """Run one batch in a child process; wall time and the largest process's peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src, out = tmp / "src", tmp / "out"
        src.mkdir()
        out.mkdir()
        make_departments(src, count)
        command = [sys.executable, "-m", "toolkit", "batch", str(src), "-o", str(out),
                   "-j", str(jobs), "--quiet"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        wall = time.perf_counter() - start
        # ru_maxrss of children: the largest of every finished descendant (parent or worker).
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        report = json.loads((out / "质量报告.json").read_text(encoding="utf-8"))
        return {"count": count, "wall": wall, "peak_mb": peak_kb / 1024, "exit": done.returncode,
                "built": report["合计"]["已生成"], "failed": report["合计"]["失败"],
                "errors": sum(r["错误"] for r in report["部门"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.jobs)))
        return
    results = []
    for size in args.sizes:
        # A fresh measuring process per size, so each peak belongs to its own run.
        child = subprocess.run([sys.executable, __file__, "--one", str(size), "--jobs",
                                str(args.jobs)], capture_output=True, text=True, check=True)
        results.append(json.loads(child.stdout))
    for r in results:
        print(f"{r['count']:5d} reports, -j {args.jobs}: {r['wall']:6.2f} s wall "
              f"({r['count'] / r['wall']:6.1f} reports/s), peak memory {r['peak_mb']:6.1f} MB, "
              f"built {r['built']}, failed {r['failed']}, 错误-level findings {r['errors']}")
    big = max(results, key=lambda r: r["count"])
    small = min(results, key=lambda r: r["count"])
    print(f"target: 1000 reports in <= 15 s -> {big['wall']:.2f} s for {big['count']}")
    print(f"target: peak <= 300 MB and not growing -> {small['peak_mb']:.1f} MB at {small['count']}, "
          f"{big['peak_mb']:.1f} MB at {big['count']}")


if __name__ == "__main__":
    main()

"""Build speed: gongwen (warm and cold) against docxtpl rendering the same document.

Prints figures and ratios from one run. Targets (issue: gongwen build):
- warm: building the reference report is at least 4x faster than docxtpl rendering an
  equivalent document (same paragraphs, same paragraph styles);
- cold: a fresh `gongwen build` process takes at most 3x a fresh `python -c "import docx"`.

Run: python benchmarks/build.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "configs" / "examples" / "reference-report.yaml"

# One docxtpl paragraph style per gongwen block kind (heading levels apart).
STYLES = {
    "title": "Title", "salutation": "Normal", "body": "Body Text", "heading1": "Heading 1",
    "heading2": "Heading 2", "heading3": "Heading 3", "heading4": "Heading 4",
    "signature": "Closing", "date": "Date",
}


def _style_key(block) -> str:
    return f"heading{block.level}" if block.kind == "heading" else block.kind


def make_docxtpl_template(path: Path) -> None:
    """A Word template whose Jinja loop emits each block in its own paragraph style."""
    import docx

    document = docx.Document()
    styles = {s.name for s in document.styles}
    for name in set(STYLES.values()):
        if name not in styles:
            document.styles.add_style(name, 1)  # WD_STYLE_TYPE.PARAGRAPH
    document.add_paragraph("{%p for b in blocks %}")
    for key, style in STYLES.items():
        document.add_paragraph(f"{{%p if b.style == '{key}' %}}")
        document.add_paragraph("{{ b.text }}", style=style)
        document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.save(path)


def time_it(fn, rounds: int) -> float:
    """Median seconds of `rounds` calls after one warm-up call."""
    fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def time_process(argv: list[str], rounds: int, cwd: Path) -> float:
    """Median wall time of a fresh process (after one run that warms the OS file cache).

    Measured with bytecode caching on, as an installed package runs (pip compiles it); a
    machine that sets PYTHONDONTWRITEBYTECODE would otherwise recompile every module each time.
    """
    import os

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True, env=env)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from docxtpl import DocxTemplate

    from toolkit.docx.writer import write_docx
    from toolkit.draft.pipeline import draft_file

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        document = draft_file(REFERENCE).document
        context = {"blocks": [{"style": _style_key(b), "text": b.text} for b in document.blocks]}
        template = tmp / "template.docx"
        make_docxtpl_template(template)

        def gongwen_warm() -> None:
            write_docx(draft_file(REFERENCE).document, tmp / "gongwen.docx")

        def docxtpl_render() -> None:
            tpl = DocxTemplate(template)
            tpl.render(context)
            tpl.save(tmp / "docxtpl.docx")

        warm = time_it(gongwen_warm, args.rounds)
        tpl = time_it(docxtpl_render, args.rounds)
        check = DocxTemplate(tmp / "docxtpl.docx")  # the docxtpl output really holds the text
        texts = [p.text for p in check.get_docx().paragraphs if p.text]
        assert len(texts) == len(document.blocks), (len(texts), len(document.blocks))

        gongwen = [sys.executable, "-m", "toolkit", "build", str(REFERENCE), "-o",
                   str(tmp / "cold.docx")]
        script = Path(sys.executable).with_name("gongwen")
        if script.exists():  # the console script is what a user runs
            gongwen = [str(script)] + gongwen[3:]
        cold = time_process(gongwen, max(args.rounds // 2, 5), tmp)
        base = time_process([sys.executable, "-c", "import docx"], max(args.rounds // 2, 5), tmp)

    print(f"paragraphs in the reference report: {len(document.blocks)}")
    print(f"warm gongwen build (draft + DOCX):  {warm * 1000:8.1f} ms")
    print(f"warm docxtpl render + save:         {tpl * 1000:8.1f} ms")
    print(f"  ratio docxtpl / gongwen:          {tpl / warm:8.1f}x   (target >= 4x)")
    print(f"cold `gongwen build` process:       {cold * 1000:8.1f} ms")
    print(f"cold `python -c 'import docx'`:     {base * 1000:8.1f} ms")
    print(f"  ratio gongwen / import docx:      {cold / base:8.2f}x   (target <= 3x)")


if __name__ == "__main__":
    main()

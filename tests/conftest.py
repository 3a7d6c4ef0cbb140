"""Shared test helpers: golden files with a refresh flag, and running the CLI in-process."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
REFERENCE_YAML = ROOT / "configs" / "examples" / "reference-report.yaml"
# The shared reference report: CI lays shared/ beside the clone, as on a developer's machine.
SHARED_REFERENCE = ROOT.parent / "shared" / "reference" / "source-report.txt"


def found(text: str, rules, code: str | None = None):
    """(code, text found, replacement) for each finding of `rules` (or of one code) on `text`."""
    from toolkit.check.engine import run
    from toolkit.text.parser import parse_text

    doc = parse_text(text)
    chosen = [r for r in rules if code is None or r.code == code]
    return [(f.code, doc.blocks[f.block].text[f.start:f.end] if f.block >= 0 else "",
             f.replacement) for f, _ in run(doc, chosen)]


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite golden files from the current output (review the diff!)")


@pytest.fixture
def golden(request):
    """Compare text with a golden file; with --update-goldens, rewrite it instead."""
    update = request.config.getoption("--update-goldens")

    def check(path: Path, actual: str) -> None:
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file missing: {path} (run pytest --update-goldens)")
            path.write_text(actual, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"output differs from {path.relative_to(ROOT)}"

    return check


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None) -> Result:
    """Run `gongwen ARGS` in this process, as a user would from a shell in `cwd`."""
    from toolkit.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main(list(args))
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(old)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli

"""Every class of bad report file gets located Chinese messages, exit code 2 and no output."""

from __future__ import annotations

import shutil

import pytest
from conftest import CASES

ERROR_CASES = sorted(p for p in (CASES / "errors").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", ERROR_CASES, ids=[p.name for p in ERROR_CASES])
def test_error_case(case, tmp_path, cli, golden):
    shutil.copy(case / "input.yaml", tmp_path / "input.yaml")
    (tmp_path / "input.docx").write_bytes(b"previous build")
    result = cli("build", "input.yaml", cwd=tmp_path)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    golden(case / "expected.err", result.err)
    # A refused build leaves the previous output untouched and no temporary file behind.
    assert (tmp_path / "input.docx").read_bytes() == b"previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.docx", "input.yaml"]

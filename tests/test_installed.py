"""The installed command works from any folder: it finds its templates, corpora and configs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REFERENCE_YAML


def _env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the installed package, not this checkout, must answer
    return env


def test_installed_gongwen_builds_from_an_unrelated_folder(tmp_path):
    script = Path(sys.executable).with_name("gongwen")
    command = [str(script)] if script.exists() else [shutil.which("gongwen") or "gongwen"]
    done = subprocess.run(command + ["build", str(REFERENCE_YAML), "-o", "r.docx", "--text", "r.txt"],
                          cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.docx").stat().st_size > 5000
    assert done.stderr == ""  # nothing noisy (jieba, warnings) on a normal build


def test_python_m_toolkit_works_and_finds_shipped_folders(tmp_path):
    code = ("from toolkit.core import resources; "
            "print(all(resources.folder(n).is_dir() for n in resources.FOLDERS))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True", done.stderr
    done = subprocess.run([sys.executable, "-m", "toolkit", "--version"], cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "gongwen" in done.stdout

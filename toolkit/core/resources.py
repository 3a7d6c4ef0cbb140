"""Finds the shipped data folders (templates, corpora, configs) in a wheel or a source checkout."""

from __future__ import annotations

import functools
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # toolkit/, beside core/
FOLDERS = ("templates", "corpora", "configs")


@functools.cache
def folder(name: str) -> Path:
    """The shipped folder `name`: inside the installed package, else beside it in a checkout."""
    if name not in FOLDERS:
        raise ValueError(name)
    # A wheel carries the folders as toolkit/<name>; an editable install or a checkout has them
    # at the project root, one level up.
    for base in (_PACKAGE, _PACKAGE.parent):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"gongwen: shipped folder '{name}' not found near {_PACKAGE}")


def path(name: str, *parts: str) -> Path:
    """A file or folder below one of the shipped folders."""
    return folder(name).joinpath(*parts)


def cache_dir() -> Path:
    """The user's cache directory for gongwen (XDG on Unix, LOCALAPPDATA on Windows)."""
    import os
    import sys

    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "gongwen"

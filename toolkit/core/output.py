"""Atomic file output: write a temporary file beside the target, then rename it into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from toolkit.core.errors import OutputError, Place


def atomic_write(target: str | Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` on a temporary file in the target's folder, then replace the target.

    A failure at any point leaves the previous file untouched and no temporary file behind.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise OutputError("输出文件夹不存在。", Place(str(folder)),
                          "请先创建这个文件夹，或用 -o 指定一个已有的位置。")
    if not folder.is_dir():
        raise OutputError("输出位置的上级不是文件夹。", Place(str(folder)))
    if target.is_dir():
        raise OutputError("输出路径是一个文件夹，不是文件。", Place(str(target)),
                          "请在 -o 后写出文件名，例如 -o 输出/报告.docx。")
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=folder)
    except PermissionError:
        raise OutputError("没有在这个文件夹中写文件的权限。", Place(str(folder))) from None
    except OSError as exc:
        raise OutputError(f"无法在此处写文件：{exc.strerror or exc}", Place(str(folder))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        # mkstemp creates 0600; a report should get the permissions a normal new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, PermissionError):
            raise OutputError("没有写入此文件的权限（文件可能正在 Word 或 WPS 中打开）。",
                              Place(str(target)), "请关闭正在打开此文件的程序后重试。") from None
        if isinstance(exc, OSError):
            raise OutputError(f"写文件失败：{exc.strerror or exc}", Place(str(target))) from None
        raise
    return target


def write_text(target: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    data = text.encode("utf-8")
    return atomic_write(target, lambda handle: handle.write(data))

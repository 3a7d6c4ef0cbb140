"""Reads users' text files: size limit, BOM, UTF-8 or GB18030, with a notice when not UTF-8."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.errors import InputError, Notice, Place

MAX_BYTES = 4 * 1024 * 1024  # a report is tens of KB; 4 MB is far beyond any real draft


@dataclass
class SourceText:
    """The decoded text of a user file and what was noticed while reading it."""

    path: str
    text: str
    encoding: str = "utf-8"
    notices: list[Notice] = field(default_factory=list)


def decode(data: bytes, path: str) -> SourceText:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return SourceText(path, data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return SourceText(path, data.decode("utf-16"), "utf-16")
    try:
        return SourceText(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        bad = utf8_error.start
    if b"\x00" in data[:8192]:
        raise InputError(
            "这不是文本文件（含有二进制内容），无法读取。",
            Place(path),
            "请确认选择的是 YAML、TXT 或 DOCX 文件。",
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[:bad].count(b"\n") + 1
        raise InputError(
            "文件编码无法识别：既不是 UTF-8，也不是 GB18030/GBK。",
            Place(path, line, 1),
            "请在编辑器中以“UTF-8”编码另存此文件。",
        ) from None
    notice = Notice(f"{path}：文件不是 UTF-8 编码，已按 GB18030（GBK）读取。建议另存为 UTF-8。")
    return SourceText(path, text, "gb18030", [notice])


def read_text(path: str | Path, display: str | None = None, limit: int = MAX_BYTES) -> SourceText:
    """Read a user's text file, refusing missing, unreadable, oversized or binary files."""
    shown = display or str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError("这是一个文件夹，不是文件。", Place(shown))
        if size > limit:
            raise InputError(
                f"文件太大（{size / 1024 / 1024:.1f} MB），超过 {limit // 1024 // 1024} MB 的上限。",
                Place(shown),
                "一份报告的源文件通常只有几十 KB，请确认没有选错文件。",
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("找不到文件。", Place(shown), "请检查文件名和路径是否正确。") from None
    except PermissionError:
        raise InputError("没有读取此文件的权限。", Place(shown)) from None
    except IsADirectoryError:
        raise InputError("这是一个文件夹，不是文件。", Place(shown)) from None
    except OSError as exc:
        raise InputError(f"无法读取文件：{exc.strerror or exc}", Place(shown)) from None
    return decode(data, shown)

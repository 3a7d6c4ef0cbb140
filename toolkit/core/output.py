"""Atomic file output: write a temporary file beside the target, then rename it into place."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from toolkit.core.errors import OutputError, Place

# Folders whose entries are kernel objects, never documents: a link into them (/proc/self/fd/1,
# /dev/null) must not be turned into a regular file.
_SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
_TMP_NAME_BYTES = 150  # the temporary file's name must fit 255 bytes with the pid and suffix
_LEGACY_TMP_AGE = 3600  # seconds: temporary files of versions without a pid in the name


def _short(name: str) -> str:
    """`name` cut to a byte length that leaves room for the temporary suffix."""
    data = name.encode("utf-8", "surrogatepass")
    if len(data) <= _TMP_NAME_BYTES:
        return name
    return data[:_TMP_NAME_BYTES].decode("utf-8", "ignore")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:  # signal 0 only asks (POSIX; on Windows os.kill would end the process: not called)
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


# Temporary files of gongwen's own outputs: .NAME.PID.RANDOM.tmp, and .NAME.RANDOM.tmp from
# versions before the pid was added. Only these suffixes: another program's files stay.
_OUTPUTS = r"\.(?:docx|txt|md|pdf|png|csv|json|jsonl|yaml|yml)"
_TEMPORARY = re.compile(r"^\.(.+" + _OUTPUTS + r")\.(?:(\d+)\.)?[a-z0-9_]{8}\.tmp$", re.S)
_cleaned: set[str] = set()  # folders already cleaned by this process


def clean_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files a killed gongwen left in `folder` (those whose process is
    gone; on Windows, and those without a pid, after an hour). Once per folder and process:
    a batch writing ten thousand files scans its folder once."""
    key = os.path.abspath(folder)
    if key in _cleaned:
        return
    _cleaned.add(key)
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".")
                   and e.name.endswith(".tmp")]
    except OSError:
        return
    for entry in entries:
        found = _TEMPORARY.match(entry.name)
        if not found:
            continue
        pid = found.group(2)
        try:
            if pid and os.name == "posix":
                stale = not _alive(int(pid))
            else:
                stale = time.time() - entry.stat(follow_symlinks=False).st_mtime > _LEGACY_TMP_AGE
            if stale and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
        except OSError:
            pass


def _real_target(target: Path) -> Path:
    """Where the bytes go: a symbolic link is followed (the link stays), a special file is
    refused."""
    if str(target) == "-":
        raise OutputError("这个输出不能写到标准输出（-）。", Place("-"),
                          "请给出一个文件名。")
    real = target
    for _ in range(40):  # each hop of a chain of links is judged, not only where it ends
        absolute = os.path.abspath(real)
        if os.name == "posix" and any(absolute == f or absolute.startswith(f + os.sep)
                                      for f in _SYSTEM_FOLDERS):
            raise OutputError("输出路径指向系统设备或进程文件，不是普通文件，未写入。",
                              Place(str(target)), "请给出一个普通文件的路径；要输出到屏幕请写 -。")
        if not os.path.islink(real):
            break
        real = Path(os.path.join(os.path.dirname(absolute), os.readlink(real)))
    else:
        raise OutputError("输出路径的符号链接层数过多。", Place(str(target)))
    real = Path(os.path.realpath(real)) if real != target else real
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return real
    except OSError as exc:
        raise OutputError(f"无法访问输出文件：{exc.strerror or exc}", Place(str(target))) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("输出路径是一个文件夹，不是文件。", Place(str(target)),
                          "请在 -o 后写出文件名，例如 -o 输出/报告.docx。")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError("输出路径是管道、设备或其他特殊文件，不是普通文件，未写入。",
                          Place(str(target)), "请给出一个普通文件的路径；要输出到屏幕请写 -。")
    return real


def check_target(target: str | Path, force: bool = False) -> Path:
    """Refuse, before any work, a target atomic_write would refuse; returns where it writes."""
    real = _real_target(Path(target))
    if not force and real.exists() and not os.stat(real).st_mode & 0o222:
        raise OutputError("输出文件是只读的，未覆盖。", Place(str(target)),
                          "如确需覆盖，请先去掉只读属性，或加 --force；也可以换一个文件名。")
    return real


def atomic_write(target: str | Path, write: Callable[[BinaryIO], None], force: bool = False) -> Path:
    """Call `write` on a temporary file in the target's folder, then replace the target.

    A failure at any point leaves the previous file untouched and no temporary file behind.
    Only regular files are written; a replaced file keeps its permissions (and owner where
    allowed); a read-only one is replaced only with `force`.
    """
    target = Path(target)
    real = check_target(target, force)
    folder = real.parent if str(real.parent) else Path(".")
    if not folder.exists():
        raise OutputError("输出文件夹不存在。", Place(str(folder)),
                          "请先创建这个文件夹，或用 -o 指定一个已有的位置。")
    if not folder.is_dir():
        raise OutputError("输出位置的上级不是文件夹。", Place(str(folder)))
    try:
        previous = os.stat(real)
    except OSError:
        previous = None
    clean_stale_temporaries(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{_short(real.name)}.{os.getpid()}.", suffix=".tmp",
                                   dir=folder)
    except PermissionError:
        raise OutputError("没有在这个文件夹中写文件的权限。", Place(str(folder))) from None
    except OSError as exc:
        raise OutputError(f"无法在此处写文件：{exc.strerror or exc}", Place(str(folder))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        if previous is not None:
            # A rewrite (check --fix, a rebuild) keeps what the user set: a 0600 draft stays 0600.
            os.chmod(tmp, stat.S_IMODE(previous.st_mode) & 0o777)
            if hasattr(os, "chown") and (previous.st_uid, previous.st_gid) != (os.getuid(),
                                                                               os.getgid()):
                try:
                    os.chown(tmp, previous.st_uid, previous.st_gid)
                except OSError:
                    pass
        else:
            # mkstemp creates 0600; a report should get the permissions a normal new file gets.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, real)
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


def write_text(target: str | Path, text: str, force: bool = False) -> Path:
    """Write UTF-8 text atomically."""
    data = text.encode("utf-8")
    return atomic_write(target, lambda handle: handle.write(data), force)


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when two paths name one existing file (links and relative paths resolved)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(os.path.realpath(a)) == os.path.abspath(os.path.realpath(b))

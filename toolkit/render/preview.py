"""Preview: a DOCX (or the DOCX a draft builds to) rendered by LibreOffice to PDF or PNG pages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.errors import InputError, Place

DEFAULT_TIMEOUT = 180  # seconds; a first start with a fresh profile takes a few
DEFAULT_DPI = 80
INSTALL_HINT = ("Debian/Ubuntu：sudo apt-get install --no-install-recommends "
                "libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation2；"
                "Windows、macOS：从 https://www.libreoffice.org 下载安装，并把 soffice 所在文件夹加入 PATH。")


@dataclass
class Preview:
    """What a preview wrote and which stand-in faces it drew with."""

    outputs: list[Path]
    pages: int
    standins: list = field(default_factory=list)  # fonts.Availability of the mapped faces
    missing: list = field(default_factory=list)  # faces with neither the real face nor a stand-in
    fontconfig: bool = True  # False: faces could not be checked or mapped
    isolated: list = field(default_factory=list)  # (what, how many) removed from the copy
    kept: list = field(default_factory=list)  # other pages named like ours, not made by gongwen


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    import shutil

    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _tool(name: str, source: str) -> str:
    import shutil

    found = shutil.which(name)
    if found is None:
        raise InputError(f"生成 PNG 图片需要 poppler-utils 中的 {name}，本机没有安装。", Place(source),
                         "Debian/Ubuntu：sudo apt-get install --no-install-recommends poppler-utils；"
                         "也可以用 -o 文件名.pdf 只生成 PDF。")
    return found


def render(source: str, target: str, *, style=None, templates: tuple[str, ...] = (),
           dpi: int = DEFAULT_DPI, timeout: float = DEFAULT_TIMEOUT) -> Preview:
    """Render `source` (.docx or .yaml) to `target` (.pdf, or .png: one picture per page,
    TARGET-1.png, TARGET-2.png …). Raises InputError (exit 2) for what the user must fix:
    the input, the output name, a missing LibreOffice, a converter that fails or hangs."""
    import tempfile
    import time

    started = time.monotonic()
    out = Path(target)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".png"):
        raise InputError("预览的输出文件应为 .pdf 或 .png。", Place(target),
                         "例如：gongwen preview 报告.docx -o 报告.pdf")
    if dpi < 20 or dpi > 600:
        raise InputError(f"--dpi {dpi} 不合适。", None, "请用 20～600 之间的值，屏幕查看用 80 左右。")
    if timeout <= 0:
        raise InputError("--timeout 应大于 0 秒。", None)
    office = soffice()
    if office is None:
        raise InputError("预览需要 LibreOffice，本机没有安装（找不到 soffice 命令）。", Place(source),
                         INSTALL_HINT)
    pdftoppm = _tool("pdftoppm", source) if kind == ".png" else None
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():  # say so before a conversion that takes seconds
        raise InputError("输出文件夹不存在。", Place(str(folder)),
                         "请先创建这个文件夹，或用 -o 指定一个已有的位置。")
    if kind == ".pdf":
        from toolkit.core.output import check_target

        check_target(out)  # a FIFO, a device or a read-only file: refused before converting

    from toolkit.intake.inputs import docx_source, read_input
    from toolkit.render import fonts

    if Path(source).suffix.lower() not in (".docx", ".yaml", ".yml"):
        raise InputError("预览只支持 .docx 文件和 .yaml 草稿。", Place(source),
                         "纯文本请先用 gongwen build 排成 DOCX；.doc、.wps 请先另存为 .docx。")
    from toolkit.docx.isolate import isolate

    # The time limit covers reading, building and the font analysis too, not just LibreOffice.
    with _time_limit(timeout, source):
        inp = read_input(source, templates)
        make, origin = docx_source(inp, style)
        # LibreOffice converts a copy without external links: a received file must not report
        # its opening to a stranger, reach intranet hosts or pull local files into the PDF.
        data, isolated = isolate(make(), source)
        asked = [u.face for u in fonts.faces_of(data, inp.document.blocks, origin)]
        # Map every standard name (and the document's own faces) that is missing, not just the
        # ones found in the text: an empty paragraph's face still sets its line height.
        found = fonts.availability(fonts.preview_faces(asked), probe=False)
        known = fonts.installed_families() is not None
        mapped = [a for a in found if a.installed is False and a.standin]
        used = [a for a in mapped if a.face in asked]
        missing = [a for a in fonts.availability(asked) if a.installed is False and not a.standin]
    left = timeout - (time.monotonic() - started)
    if left <= 0:
        _timed_out(timeout, source)

    with tempfile.TemporaryDirectory(prefix="gongwen-preview-") as folder:
        work = Path(folder)
        document = work / "document.docx"
        document.write_bytes(data)
        env = dict(os.environ)
        # LibreOffice's own temporary files (lu*.tmp) go in the folder removed afterwards: a
        # converter killed at the time limit or by SIGTERM cannot clean up after itself.
        scratch = work / "tmp"
        scratch.mkdir()
        env.update(TMPDIR=str(scratch), TMP=str(scratch), TEMP=str(scratch))
        if known:
            conf = work / "fonts.conf"
            conf.write_text(fonts.fontconfig_xml(mapped, os.environ.get("FONTCONFIG_FILE")),
                            encoding="utf-8")
            env["FONTCONFIG_FILE"] = str(conf)
        # Each run has its own LibreOffice profile: two previews at once would otherwise fight
        # over one profile's lock and the second would silently do nothing.
        profile = (work / "profile").resolve().as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--invisible",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work), str(document)]
        code, err = _run(command, env, left, source, "LibreOffice", timeout)
        pdf = work / "document.pdf"
        if code != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            detail = err.strip().splitlines()[-1][:200] if err.strip() else f"退出码 {code}"
            raise InputError(f"LibreOffice 没有生成 PDF（{detail}）。", Place(source),
                             "请确认文件能在 Word 或 WPS 中正常打开；LibreOffice 正在运行时请关闭后再试。")
        from toolkit.core.output import atomic_write

        if kind == ".pdf":
            blob = pdf.read_bytes()
            atomic_write(out, lambda handle: handle.write(blob))
            return Preview([out], _page_count(blob), used, missing, known, isolated)
        left = max(1.0, timeout - (time.monotonic() - started))
        pages, kept = _pictures(pdftoppm, pdf, work, out, dpi, left, source, env)
        return Preview(pages, len(pages), used, missing, known, isolated, kept)


MARK = b"gongwen preview"  # a tEXt chunk in every page picture: which pages gongwen made


def _marked(blob: bytes) -> bytes:
    """The PNG with a Software text chunk after its header chunk."""
    import struct
    import zlib

    body = b"tEXt" + b"Software\0" + MARK
    chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    header_end = 8 + 8 + 13 + 4  # signature, IHDR length and type, IHDR data, CRC
    return blob[:header_end] + chunk + blob[header_end:]


def _is_ours(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(256)
    except OSError:
        return False
    return head.startswith(b"\x89PNG") and b"Software\0" + MARK in head


def _pictures(pdftoppm: str, pdf: Path, work: Path, out: Path, dpi: int, timeout: float,
              source: str, env: dict) -> tuple[list[Path], list[Path]]:
    """PNG pages OUT-1.png, OUT-2.png …, each written atomically; stale higher-numbered pages
    of an earlier, longer preview are removed so the folder shows this document only, but
    only pages gongwen made (marked in the PNG): a user's own OUT-7.png stays."""
    from toolkit.core.output import atomic_write

    code, err = _run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(work / "page")], env,
                     timeout, source, "pdftoppm")
    # pdftoppm pads page numbers to the width of the page count (page-01.png from 10 pages).
    made = sorted(work.glob("page-*.png"), key=lambda p: int(p.stem.rpartition("-")[2]))
    if code != 0 or not made:
        raise InputError(f"pdftoppm 没有生成图片（{err.strip()[:200] or f'退出码 {code}'}）。",
                         Place(source), "可以用 -o 文件名.pdf 先生成 PDF。")
    written = []
    for n, page in enumerate(made, 1):
        target = out.with_name(f"{out.stem}-{n}.png")
        blob = _marked(page.read_bytes())
        written.append(atomic_write(target, lambda handle, blob=blob: handle.write(blob)))
    n = len(made) + 1
    kept = []
    while (stale := out.with_name(f"{out.stem}-{n}.png")).is_file():
        if _is_ours(stale):
            stale.unlink()
        else:
            kept.append(stale)
        n += 1
    return written, kept


def _timed_out(limit: float, source: str, name: str = "预览") -> None:
    raise InputError(f"{name}在 {limit:g} 秒内没有完成，已停止。", Place(source),
                     "文件可能很大或已损坏；可以用 --timeout 给更长的时间，或在 Word 中另存一次再试。")


class _Expired(BaseException):
    """Raised by the alarm inside the work it interrupts (never caught as an Exception)."""


class _time_limit:
    """Stop the enclosed work after `seconds` (POSIX main thread; elsewhere no limit)."""

    def __init__(self, seconds: float, source: str):
        self.seconds, self.source, self.armed = seconds, source, False

    def __enter__(self):
        import signal
        import threading

        if os.name == "posix" and threading.current_thread() is threading.main_thread():
            def expire(signum, frame):
                raise _Expired()

            self.previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def __exit__(self, kind, value, traceback):
        import signal

        if self.armed:
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
            except _Expired:  # it fired just as the work ended: still past the limit
                kind = _Expired
            signal.signal(signal.SIGALRM, self.previous)
        if kind is _Expired:
            _timed_out(self.seconds, self.source)
        return False


def _run(command: list[str], env: dict, timeout: float, source: str, name: str,
         limit: float | None = None) -> tuple[int, str]:
    """Run a converter in its own process group; past `timeout` the whole group is killed
    (soffice starts soffice.bin, which would outlive a kill of the launcher alone)."""
    import subprocess

    options: dict = {}
    if os.name == "posix":
        options["start_new_session"] = True
    else:
        options["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, **options)
    except OSError as exc:
        raise InputError(f"无法启动 {name}：{exc.strerror or exc}", Place(source),
                         INSTALL_HINT if name == "LibreOffice" else "") from None
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        process.communicate()
        _timed_out(limit or timeout, source, name + " ")
    except BaseException:  # Ctrl+C: leave no converter behind
        _kill(process)
        process.communicate()
        raise
    return process.returncode, err.decode("utf-8", "replace")


def _kill(process) -> None:
    import signal

    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass


def _page_count(pdf: bytes) -> int:
    """Pages of a PDF: the /Count of its page tree (LibreOffice writes no object streams)."""
    import re

    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    return max(counts) if counts else len(re.findall(rb"/Type\s*/Page\b", pdf))

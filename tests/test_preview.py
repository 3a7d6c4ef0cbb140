"""Preview: LibreOffice found or clearly missing, own profile per run, stand-in faces, time limit."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import REFERENCE_YAML

from toolkit.render import fonts

POSIX = pytest.mark.skipif(os.name != "posix", reason="fake converters are shell scripts")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def libreoffice():
    """Real LibreOffice and pdftoppm; in CI (CI=true) their absence fails instead of skipping."""
    from toolkit.render.preview import soffice

    if soffice() is None or shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice and poppler-utils must be installed in CI (.ci/run)")
        pytest.skip("LibreOffice or pdftoppm not installed")


def tiny_pdf(pages: int = 2) -> bytes:
    """A valid PDF of blank A4 pages, as a stand-in converter's output."""
    kids = " ".join(f"{3 + n} 0 R" for n in range(pages))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


@pytest.fixture
def fake_office(tmp_path, monkeypatch):
    """A stand-in `soffice` first on PATH: it records its arguments and FONTCONFIG_FILE, then
    writes the PDF LibreOffice would (or, with `hang`, starts a child and never finishes)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    record = tmp_path / "record"
    record.mkdir()
    pdf = tmp_path / "stand-in.pdf"
    pdf.write_bytes(tiny_pdf(2))

    def make(hang: bool = False) -> Path:
        script = folder / "soffice"
        body = ['#!/bin/sh', f'n=$(ls "{record}" | grep -c "^args-")', f'echo "$@" > "{record}/args-$n"',
                f'cat "$FONTCONFIG_FILE" > "{record}/fonts-$n.conf" 2>/dev/null']
        if hang:
            body += [f'sleep 300 & echo $! > "{record}/child"', f'echo $$ > "{record}/parent"',
                     "sleep 300"]
        else:
            body += ['for last; do :; done', 'out=$(dirname "$last")',
                     f'cp "{pdf}" "$out/document.pdf"']
        script.write_text("\n".join(body) + "\n")
        script.chmod(0o755)
        return record

    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return make


def test_without_libreoffice_preview_says_how_to_install_it(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = cli("preview", str(REFERENCE_YAML), "-o", str(tmp_path / "out.pdf"))
    assert result.code == 2
    assert "预览需要 LibreOffice" in result.err
    assert "apt-get install --no-install-recommends libreoffice-writer-nogui" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("name", ["out.docx", "out.jpg", "out"])
def test_preview_output_must_be_pdf_or_png(tmp_path, cli, name):
    result = cli("preview", str(REFERENCE_YAML), "-o", str(tmp_path / name))
    assert result.code == 2 and "应为 .pdf 或 .png" in result.err


@POSIX
def test_bad_input_is_refused_before_libreoffice_starts(tmp_path, cli, fake_office):
    record = fake_office()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    result = cli("preview", str(broken), "-o", str(tmp_path / "out.pdf"))
    assert result.code == 2 and "不是有效的 DOCX 文件" in result.err
    missing = cli("preview", str(tmp_path / "nowhere.yaml"), "-o", str(tmp_path / "out.pdf"))
    assert missing.code == 2 and "找不到" in missing.err
    assert not list(record.glob("args-*"))


@POSIX
def test_each_run_has_its_own_profile_and_a_fontconfig_with_stand_ins(tmp_path, cli, fake_office):
    record = fake_office()
    for n in (1, 2):
        result = cli("preview", str(REFERENCE_YAML), "-o", str(tmp_path / f"out{n}.pdf"))
        assert result.code == 0, result.err
        assert f"out{n}.pdf（共 2 页）" in result.out
        assert (tmp_path / f"out{n}.pdf").read_bytes().startswith(b"%PDF")
    first, second = (record / "args-0").read_text(), (record / "args-1").read_text()
    profiles = [a.split("=", 1)[1] for a in (first + " " + second).split()
                if a.startswith("-env:UserInstallation=")]
    assert len(profiles) == 2 and profiles[0] != profiles[1]
    assert all(p.startswith("file://") for p in profiles)
    assert not Path(profiles[0][len("file://"):]).exists()  # removed with the run's folder
    assert "--headless" in first and "--convert-to pdf" in first
    if fonts.installed_families() is None:
        return
    conf = (record / "fonts-0.conf").read_text(encoding="utf-8")
    assert "<include" in conf and "fonts.conf</include>" in conf
    missing = [a for a in fonts.availability(["仿宋_GB2312"], probe=False) if a.standin]
    if missing:
        assert '<match target="pattern"><test name="family" qual="any"><string>仿宋_GB2312' in conf
        assert 'binding="strong"' in conf and f"<string>{missing[0].standin}</string>" in conf
        assert f"仿宋_GB2312 → {missing[0].standin}" in result.err  # says which stand-ins


@POSIX
def test_a_hung_converter_is_stopped_with_its_children(tmp_path, cli, fake_office):
    record = fake_office(hang=True)
    started = time.monotonic()
    result = cli("preview", str(REFERENCE_YAML), "-o", str(tmp_path / "out.pdf"),
                 "--timeout", "2")
    assert time.monotonic() - started < 60
    assert result.code == 2
    assert "2 秒内没有完成，已停止" in result.err and "--timeout" in result.err
    assert not (tmp_path / "out.pdf").exists()
    for name in ("parent", "child"):
        pid = int((record / name).read_text())
        for _ in range(50):  # the kill is immediate; reaping by init may take a moment
            if not _alive(pid):
                break
            time.sleep(0.1)
        assert not _alive(pid), f"{name} process {pid} survived the time limit"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"  # a zombie is dead, waiting to be reaped


@POSIX
def test_png_gives_one_picture_per_page_and_clears_stale_pages(tmp_path, cli, fake_office):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    fake_office()
    (tmp_path / "page-notes.png").write_bytes(b"mine")
    result = cli("preview", str(REFERENCE_YAML), "-o", str(tmp_path / "page.png"), "--dpi", "20")
    assert result.code == 0, result.err
    # A page of an earlier, longer preview (made by gongwen) goes; a user's page-4.png stays.
    shutil.copy(tmp_path / "page-1.png", tmp_path / "page-3.png")
    (tmp_path / "page-4.png").write_bytes(b"\x89PNG mine")
    result = cli("preview", str(REFERENCE_YAML), "-o", str(tmp_path / "page.png"), "--dpi", "20")
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.glob("page-*.png")) == [
        "page-1.png", "page-2.png", "page-4.png", "page-notes.png"]
    assert (tmp_path / "page-1.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "page-notes.png").read_bytes() == b"mine"
    assert (tmp_path / "page-4.png").read_bytes() == b"\x89PNG mine"
    assert "page-4.png" in result.err and "未删除" in result.err
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave nothing behind


def test_real_preview_of_a_draft_to_pdf(tmp_path, cli, libreoffice):
    target = tmp_path / "参考报告.pdf"
    result = cli("preview", str(REFERENCE_YAML), "-o", str(target))
    assert result.code == 0, result.err
    assert target.read_bytes().startswith(b"%PDF")
    pages = int(result.out.rpartition("共 ")[2].split(" ")[0])
    assert pages >= 3
    missing = [a for a in fonts.availability(["仿宋_GB2312"], probe=False) if a.standin]
    if missing:
        assert "预览用了替代字体" in result.err and f"仿宋_GB2312 → {missing[0].standin}" in result.err


def test_real_previews_in_parallel_do_not_collide(tmp_path, libreoffice):
    from toolkit.render.preview import render

    built = tmp_path / "r.docx"
    from conftest import run_cli

    run_cli("build", str(REFERENCE_YAML), "-o", str(built))
    results, errors = {}, []

    def one(n: int) -> None:
        try:
            source = str(built) if n % 2 else str(REFERENCE_YAML)
            results[n] = render(source, str(tmp_path / f"p{n}.png"), dpi=30)
        except Exception as exc:  # collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    for n in range(3):
        assert results[n].pages >= 3
        assert [p.name for p in results[n].outputs] == [f"p{n}-{k}.png"
                                                          for k in range(1, results[n].pages + 1)]

"""gongwen check from the command line: inputs, output formats, settings, fixes, annotation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from conftest import CASES, ROOT, SHARED_REFERENCE

CHECK_CASES = sorted(p for p in (CASES / "check").iterdir() if p.is_dir())
JSON_FIELDS = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity",
               "message", "suggestion"}


@pytest.mark.parametrize("case", CHECK_CASES, ids=[p.name for p in CHECK_CASES])
def test_check_case(case, tmp_path, cli, golden):
    source = next(case.glob("input.*"))
    shutil.copy(source, tmp_path / source.name)
    result = cli("check", source.name, cwd=tmp_path)
    assert result.code in (0, 1), result.err
    golden(case / "expected.out", result.out)


def test_yaml_findings_point_at_the_yaml_value(tmp_path, cli):
    src = CASES / "check" / "draft-yaml" / "input.yaml"
    shutil.copy(src, tmp_path / "d.yaml")
    result = cli("check", "d.yaml", "--format", "json", cwd=tmp_path)
    found = json.loads(result.out)
    comma = next(f for f in found if f["code"] == "T101")
    lines = src.read_text(encoding="utf-8").splitlines()
    assert lines[comma["line"] - 1][comma["column"] - 1] == ","
    assert comma["end_column"] == comma["column"] + 1


def test_json_output_contract(tmp_path, cli):
    path = tmp_path / "a.txt"
    path.write_text("关于加强管理的报告\n区政府:\n我们要加强管理,提高效率。\n", encoding="utf-8")
    result = cli("check", str(path), "--format", "json")
    data = json.loads(result.out)
    assert data and all(JSON_FIELDS <= set(item) for item in data)
    assert all(item["severity"] in ("错误", "警告", "提示") for item in data)
    assert result.code == 1


def test_exit_codes_and_fail_on(tmp_path, cli):
    clean = tmp_path / "clean.txt"
    clean.write_text((ROOT / "corpora" / "clean").glob("*.txt").__next__().read_text(
        encoding="utf-8"), encoding="utf-8")
    assert cli("check", str(clean)).code == 0
    assert cli("check", str(clean), "--fail-on", "提示").code in (0, 1)
    messy = tmp_path / "m.txt"
    messy.write_text("关于加强管理的报告\n区政府：\n我们要加强管理,提高效率。\n", encoding="utf-8")
    assert cli("check", str(messy)).code == 1
    assert cli("check", str(messy), "--ignore", "T").code == 0
    assert cli("check", str(messy), "--select", "T101", "--fail-on", "error").code == 1
    assert cli("check", str(messy), "--fail-on", "严重").code == 2


def test_stdin_and_folders_and_several_paths(tmp_path, cli, monkeypatch):
    import io
    import sys

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("关于甲的报告\n正文,有问题。\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("关于乙的报告\n正文;有问题。\n", encoding="utf-8")
    (tmp_path / "sub" / "~$临时.txt").write_text("x,y", encoding="utf-8")
    result = cli("check", str(tmp_path / "sub"), "--format", "json")
    paths = {Path(f["path"]).name for f in json.loads(result.out)}
    assert paths == {"a.txt", "b.txt"}
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("正文,有问题。\n".encode())))
    piped = cli("check", "-", "--format", "json")
    assert any(f["path"] == "<标准输入>" and f["code"] == "T101" for f in json.loads(piped.out))


def test_bad_inputs_are_exit_2_and_the_others_still_checked(tmp_path, cli):
    good = tmp_path / "good.txt"
    good.write_text("关于甲的报告\n正文,有问题。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "notzip.docx").write_bytes(b"hello")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (tmp_path / "encrypted.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (tmp_path / "bad.yaml").write_text("单位: [\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (5 * 1024 * 1024))
    import zipfile

    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    names = ["empty.txt", "binary.txt", "notzip.docx", "old.doc", "encrypted.docx", "bad.yaml",
             "big.txt", "bomb.docx", "missing.txt", "good.txt"]
    result = cli("check", *names, "--format", "json", cwd=tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.err
    for name in names[:-1]:
        assert name in result.err, name
    assert any(f["path"] == "good.txt" for f in json.loads(result.out))


def test_fix_text_in_place_and_nothing_fixed_is_found_again(tmp_path, cli):
    src = CASES / "check" / "messy-text" / "input.txt"
    path = tmp_path / "m.txt"
    shutil.copy(src, path)
    before = json.loads(cli("check", str(path), "--format", "json").out)
    fixable = {(f["code"], f["line"]) for f in before if f["fixable"]}
    assert fixable
    diff = cli("check", str(path), "--diff")
    assert "+++" in diff.out and path.read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
    fixed = cli("check", str(path), "--fix")
    assert "已修复" in fixed.err
    after = json.loads(cli("check", str(path), "--format", "json").out)
    assert not [f for f in after if f["fixable"]], after
    text = path.read_text(encoding="utf-8")
    assert "今年以来，我局坚持人民至上，扎实推进" in text
    assert "（一）压实责任" in text and "一、主要做法" in text


def test_fix_yaml_keeps_comments_and_layout(tmp_path, cli):
    src = CASES / "check" / "draft-yaml" / "input.yaml"
    path = tmp_path / "d.yaml"
    shutil.copy(src, path)
    result = cli("check", str(path), "--fix")
    assert "已修复" in result.err
    old = src.read_text(encoding="utf-8").splitlines()
    new = path.read_text(encoding="utf-8").splitlines()
    assert len(old) == len(new) and new[0] == old[0]  # the comment line is kept
    assert new[4] == "开场白: 根据会议安排，现将有关情况汇报一下。"
    assert "（含企业）" in new[10]
    after = json.loads(cli("check", str(path), "--format", "json").out)
    assert not [f for f in after if f["fixable"]]


def test_fix_docx_inside_the_runs(tmp_path, cli):
    path = tmp_path / "old.docx"
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("今年以来,")
    bold = p.add_run("我局")
    bold.bold = True
    p.add_run("扎实推进工作;成效明显。")
    document.save(path)
    result = cli("check", str(path), "--fix")
    assert "已修复" in result.err, result.err
    again = docx.Document(path)
    runs = again.paragraphs[0].runs
    assert again.paragraphs[0].text == "今年以来，我局扎实推进工作；成效明显。"
    assert runs[1].bold and runs[1].text == "我局"  # formatting kept


def test_annotate_docx_puts_a_comment_on_each_finding(tmp_path, cli):
    path = tmp_path / "old.docx"
    document = docx.Document()
    document.add_paragraph("关于安全生产的报告")
    document.add_paragraph("今年以来,我局扎实推进工作。其它问题及时整改。")
    document.save(path)
    out = tmp_path / "批注版.docx"
    result = cli("check", str(path), "--annotate", str(out), "--format", "json")
    found = json.loads(result.out)
    annotated = docx.Document(out)
    comments = list(annotated.comments)
    assert len(comments) == len(found) and found
    texts = [c.text for c in comments]
    assert any(t.startswith("T101［错误］") for t in texts)
    body = annotated.element.body.xml
    assert body.count("commentRangeStart") == len(found)
    assert path.read_bytes() != out.read_bytes()


def test_annotate_yaml_builds_then_comments(tmp_path, cli):
    src = CASES / "check" / "draft-yaml" / "input.yaml"
    shutil.copy(src, tmp_path / "d.yaml")
    result = cli("check", "d.yaml", "--annotate", "批注.docx", cwd=tmp_path)
    assert result.code == 1
    comments = list(docx.Document(tmp_path / "批注.docx").comments)
    assert len(comments) >= 4


def test_settings_file_with_extends_and_errors_at_their_line(tmp_path, cli):
    messy = tmp_path / "m.txt"
    messy.write_text("关于加强管理的报告\n区政府：\n我们要加强管理,提高效率。\n", encoding="utf-8")
    config = tmp_path / "我的检查.yaml"
    config.write_text("extends: default\nrules:\n  T101: 提示\nfail-on: 错误\n", encoding="utf-8")
    result = cli("check", str(messy), "--config", str(config), "--format", "json")
    comma = [f for f in json.loads(result.out) if f["code"] == "T101"]
    assert comma and comma[0]["severity"] == "提示"
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: default\nrules:\n  T999: 警告\n  L101:\n    options:\n      maxx: 3\n",
                   encoding="utf-8")
    result = cli("check", str(messy), "--config", str(bad))
    assert result.code == 2
    assert "bad.yaml:3:3" in result.err and "T999" in result.err
    assert "bad.yaml:6:7" in result.err and "maxx" in result.err


def test_per_report_settings_in_the_yaml(tmp_path, cli):
    src = CASES / "check" / "draft-yaml" / "input.yaml"
    text = src.read_text(encoding="utf-8") + "检查:\n  ignore: [T]\n"
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    found = json.loads(cli("check", "d.yaml", "--format", "json", cwd=tmp_path).out)
    assert found and not [f for f in found if f["code"].startswith("T")]


def test_rules_lists_and_explains(cli):
    listing = cli("rules")
    assert listing.code == 0 and "T101" in listing.out and "S101" in listing.out
    one = cli("rules", "T101")
    assert one.code == 0 and "依据" in one.out and "✗" in one.out and "✓" in one.out
    assert cli("rules", "T1O1").code == 2


@pytest.mark.skipif(not SHARED_REFERENCE.exists(), reason="../shared is not beside this clone")
def test_the_reference_report(tmp_path, cli):
    path = tmp_path / "source-report.txt"
    shutil.copyfile(SHARED_REFERENCE, path)  # the shared copy is read-only; --fix refuses those
    found = json.loads(cli("check", str(path), "--format", "json").out)
    codes = {f["code"] for f in found}
    assert {"T101", "S116", "S104"} <= codes
    assert any(f["code"] in ("S123", "S124") and f["line"] > 16 for f in found)
    cli("check", str(path), "--fix")
    after = json.loads(cli("check", str(path), "--format", "json").out)
    assert not [f for f in after if f["code"].startswith("T")
                and f["severity"] == "错误"], [f for f in after if f["code"].startswith("T")]


def test_every_example_builds_into_a_report_without_errors(cli):
    examples = sorted((ROOT / "configs" / "examples").glob("*.yaml"))
    assert len(examples) >= 5
    result = cli("check", *map(str, examples), "--format", "json")
    errors = [f for f in json.loads(result.out) if f["severity"] == "错误"]
    assert not errors, errors


def test_unit_word_lists_through_settings(tmp_path, cli):
    """A unit's lists: extend a shipped one (add and remove) and add a new rule W5xx."""
    (tmp_path / "本单位词表.yaml").write_text(
        "extends: W103\nremove: [其它]\nadd:\n  - {word: 安监局, suggest: 应急管理局}\n",
        encoding="utf-8")
    (tmp_path / "术语.yaml").write_text(
        "code: W501\nname: unit-terms\nseverity: 警告\nmessage: \"请用“{suggestion}”，不用“{word}”。\"\n"
        "basis: 本单位规范\nsummary: 本单位统一用语。\nfix: false\n"
        "examples:\n  fails: [区应急局召开会议。]\n  passes: [区应急管理局召开会议。]\n"
        "entries:\n  - {word: 区应急局, suggest: 区应急管理局}\n", encoding="utf-8")
    (tmp_path / "设置.yaml").write_text(
        "extends: default\nlexicons: [本单位词表.yaml, 术语.yaml]\nrules:\n  W501: 错误\n",
        encoding="utf-8")
    (tmp_path / "稿.txt").write_text("关于甲的报告\n区应急局联合安监局开展检查，其它问题已整改。\n",
                                    encoding="utf-8")
    result = cli("check", "稿.txt", "--config", "设置.yaml", "--format", "json", cwd=tmp_path)
    found = {(f["code"], f["severity"]) for f in json.loads(result.out)}
    assert ("W501", "错误") in found
    words = [f["message"] for f in json.loads(result.out) if f["code"] == "W103"]
    assert any("安监局" in m for m in words) and not any("其它" in m for m in words)
    (tmp_path / "坏词表.yaml").write_text("extends: W103\nadd:\n  - {word: 甲, pattern: '(('}\n",
                                        encoding="utf-8")
    (tmp_path / "坏设置.yaml").write_text("lexicons: [坏词表.yaml]\n", encoding="utf-8")
    bad = cli("check", "稿.txt", "--config", "坏设置.yaml", cwd=tmp_path)
    assert bad.code == 2 and "坏词表.yaml:3:" in bad.err


QUIET_TEXT = ("关于2024年工作情况的报告\n区政府：\n"
              "今年以来，全年检查企业120家，整改隐患36处，各项工作取得了明显的成效。\n")


def test_quiet_hints_are_held_back_and_counted(tmp_path, cli):
    (tmp_path / "a.txt").write_text(QUIET_TEXT, encoding="utf-8")
    shown = cli("check", "a.txt", cwd=tmp_path)
    assert "W105" not in shown.out
    assert "另有 1 处把握不大的提示未显示" in shown.out and "--all-hints" in shown.out
    every = cli("check", "a.txt", "--all-hints", cwd=tmp_path)
    assert "W105" in every.out and "另有" not in every.out
    named = cli("check", "a.txt", "--select", "W105", cwd=tmp_path)
    assert "W105" in named.out


def test_quiet_hints_are_not_fixed_and_a_fix_leaves_what_check_shows(tmp_path, cli):
    (tmp_path / "a.txt").write_text(QUIET_TEXT.replace("：", ":"), encoding="utf-8")
    cli("check", "a.txt", "--fix", cwd=tmp_path)
    after = cli("check", "a.txt", cwd=tmp_path)
    assert after.code == 0 and "另有 1 处" in after.out


def test_fix_keeps_blank_slots_and_reports_them_as_unfilled(tmp_path, cli):
    text = "关于2024年工作情况的报告\n区政府：\n截止 月 日，全市将 座新建学校投入使用,会议x次。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    cli("check", "a.txt", "--fix", cwd=tmp_path)
    fixed = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert "截止 月 日" in fixed and "将 座新建" in fixed and "使用，会议" in fixed
    after = cli("check", "a.txt", cwd=tmp_path)
    assert after.out.count("空位未填") == 2 and "“x”" in after.out and "T115" not in after.out

"""gongwen build and init, end to end from the command line a user types."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CASES, REFERENCE_YAML, SHARED_REFERENCE


def test_reference_text_equals_the_source_report(tmp_path, cli):
    result = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "out.txt"))
    assert result.code == 0, result.err
    expected = (CASES / "reference" / "expected.txt").read_text(encoding="utf-8")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == expected


@pytest.mark.skipif(not SHARED_REFERENCE.exists(), reason="../shared is not beside this clone")
def test_reference_golden_is_the_source_report_made_full_width():
    """The golden text is the shared source report, not something the build produced."""
    lines = SHARED_REFERENCE.read_text(encoding="utf-8").split("\n")
    start = [i for i, line in enumerate(lines) if line.startswith("X区人民政府办公室关于")][1]
    paragraphs = [line for line in lines[start:] if line.strip()]
    table = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})
    expected = "".join(p.translate(table) + "\n" for p in paragraphs)
    assert (CASES / "reference" / "expected.txt").read_text(encoding="utf-8") == expected


def test_build_writes_docx_and_text_next_to_input(tmp_path, cli):
    src = tmp_path / "汇报.yaml"
    src.write_text(REFERENCE_YAML.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("build", "汇报.yaml", "--text", "汇报.txt", cwd=tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / "汇报.docx").stat().st_size > 5000
    assert (tmp_path / "汇报.txt").read_text(encoding="utf-8").startswith("X区人民政府办公室关于")
    assert "汇报.docx" in result.out


def _write(tmp_path: Path, text: str, name: str = "r.yaml", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


MINIMAL = "单位: X区应急管理局\n事由: 安全生产\n"


def _text(tmp_path, cli, yaml_text: str, encoding: str = "utf-8"):
    path = _write(tmp_path, yaml_text, encoding=encoding)
    result = cli("build", str(path), "-o", str(tmp_path / "out.txt"))
    assert result.code == 0, result.err
    return (tmp_path / "out.txt").read_text(encoding="utf-8"), result


def test_values_are_taken_as_written(tmp_path, cli):
    text, _ = _text(tmp_path, cli, "单位: 010\n事由: no\n称谓: 2026-01-05\n")
    assert text.splitlines()[:2] == ["010关于no工作情况汇报", "2026-01-05："]


def test_utf8_bom_is_read(tmp_path, cli):
    text, result = _text(tmp_path, cli, "\ufeff" + MINIMAL)
    assert text.startswith("X区应急管理局关于安全生产工作情况汇报")
    assert "GB18030" not in result.err and "错误" not in result.err


def test_gb18030_is_read_with_a_notice(tmp_path, cli):
    text, result = _text(tmp_path, cli, MINIMAL + "称谓: 尊敬的各位领导\n", encoding="gb18030")
    assert "尊敬的各位领导：" in text
    assert "GB18030" in result.err and "r.yaml" in result.err


def test_oversized_file_is_refused(tmp_path, cli):
    path = tmp_path / "big.yaml"
    path.write_bytes(MINIMAL.encode() + b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    result = cli("build", str(path))
    assert result.code == 2
    assert "文件太大" in result.err and "Traceback" not in result.err


def test_binary_file_is_refused(tmp_path, cli):
    path = tmp_path / "photo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    result = cli("build", str(path))
    assert result.code == 2 and "二进制" in result.err


def test_missing_input_is_a_clear_error(tmp_path, cli):
    result = cli("build", "不存在.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("不存在.yaml: 错误：找不到文件。")


def test_missing_output_folder_is_exit_2(tmp_path, cli):
    src = _write(tmp_path, MINIMAL)
    result = cli("build", str(src), "-o", str(tmp_path / "没有" / "out.docx"))
    assert result.code == 2 and "输出文件夹不存在" in result.err


def test_output_path_that_is_a_folder_is_exit_2(tmp_path, cli):
    src = _write(tmp_path, MINIMAL)
    (tmp_path / "out.docx").mkdir()
    result = cli("build", str(src), "-o", str(tmp_path / "out.docx"))
    assert result.code == 2 and "文件夹" in result.err


def test_unwritable_folder_is_exit_2(tmp_path, cli):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    src = _write(tmp_path, MINIMAL)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = cli("build", str(src), "-o", str(locked / "out.docx"))
    assert result.code == 2 and "权限" in result.err


def test_init_starter_builds_and_explains_every_key(tmp_path, cli):
    result = cli("init", "我的汇报.yaml", cwd=tmp_path)
    assert result.code == 0, result.err
    starter = (tmp_path / "我的汇报.yaml").read_text(encoding="utf-8")
    for key in ("标题", "单位", "事由", "称谓", "开场白", "概述", "经验做法", "机制", "职能", "保障",
                "问题", "下一步", "落款", "日期"):
        assert re.search(rf"^\s*# {key}（", starter, re.M), key
    built = cli("build", "我的汇报.yaml", "-o", "out.txt", cwd=tmp_path)
    assert built.code == 0, built.err
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "（一）健全“两项机制”，压实安全责任" in text


def test_init_does_not_overwrite(tmp_path, cli):
    (tmp_path / "a.yaml").write_text("mine", encoding="utf-8")
    result = cli("init", "a.yaml", cwd=tmp_path)
    assert result.code == 2 and "已存在" in result.err
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "mine"


def test_unknown_output_format_is_exit_2(tmp_path, cli):
    src = _write(tmp_path, MINIMAL)
    result = cli("build", str(src), "-o", str(tmp_path / "out.pdf"))
    assert result.code == 2 and ".docx" in result.err


def test_usage_error_is_exit_2(cli):
    assert cli("build").code == 2
    assert cli("no-such-command").code == 2


def test_markdown_output(tmp_path, cli):
    result = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "out.md"))
    assert result.code == 0, result.err
    md = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert md.startswith("# X区人民政府办公室关于")
    assert "\n## 一、主要经验和做法\n" in md
    assert "**1.建立高位推进机制**。建立和完善" in md


def test_reference_docx_dump_golden(tmp_path, cli, golden):
    """Page settings and every paragraph's style, fonts, size, indent and text, as a reviewable dump."""
    from toolkit.docx.dump import dump

    result = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "ref.docx"))
    assert result.code == 0, result.err
    golden(CASES / "reference" / "expected.docx.txt", dump(tmp_path / "ref.docx"))


def test_docx_reads_back_as_the_text_output(tmp_path, cli):
    """python-docx sees the same paragraphs as --text (blank spacing lines aside, title lines joined)."""
    import docx

    result = cli("build", str(REFERENCE_YAML), "-o", str(tmp_path / "r.docx"), "--text",
                 str(tmp_path / "r.txt"))
    assert result.code == 0, result.err
    paragraphs = [p.text.replace("\n", "") for p in docx.Document(tmp_path / "r.docx").paragraphs]
    assert [p for p in paragraphs if p] == (tmp_path / "r.txt").read_text(encoding="utf-8").splitlines()
    title = docx.Document(tmp_path / "r.docx").paragraphs[0].text
    assert "\n" in title  # the title was broken into lines, and joins back to the one-line title


def test_a_matter_ending_in_work_does_not_say_work_twice(tmp_path, cli):
    text, _ = _text(tmp_path, cli, "单位: 甲局\n事由: 安全生产工作\n")
    assert text.splitlines()[0] == "甲局关于安全生产工作情况汇报"


def test_a_third_level_of_items_is_refused_not_dropped(tmp_path, cli):
    path = _write(tmp_path, MINIMAL + "经验做法:\n  机制:\n    标题: 机制\n    条目:\n      - 标题: 甲\n"
                            "        分项:\n          - 标题: 乙\n            分项: [丙]\n")
    result = cli("build", str(path), "-o", str(tmp_path / "o.txt"))
    assert result.code == 2 and "不能再有“分项”" in result.err and ":10:13:" in result.err


def test_an_empty_required_section_is_noticed_at_build_time(tmp_path, cli):
    _, result = _text(tmp_path, cli, MINIMAL + "问题:\n  条目: []\n")
    assert "“经验做法”“问题”“下一步”部分，这里是空的" in result.err

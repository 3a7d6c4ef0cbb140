"""Unit templates: listing, showing, scaffolding, inheritance, and a sandbox that holds."""

from __future__ import annotations

from pathlib import Path

import pytest

MINIMAL = "单位: X区应急管理局\n事由: 安全生产\n问题:\n  条目:\n    - 人员不足。编制少。\n"


def _unit(tmp_path: Path, outline: str, manifest: str | None = None) -> Path:
    folder = tmp_path / "模板" / "测试模板"
    folder.mkdir(parents=True)
    (folder / "manifest.yaml").write_text(
        manifest or "名称: 测试模板\n继承: 工作情况汇报\n", encoding="utf-8")
    (folder / "outline.j2").write_text(outline, encoding="utf-8")
    (tmp_path / "r.yaml").write_text("类型: 测试模板\n模板目录: 模板\n" + MINIMAL, encoding="utf-8")
    return folder


def test_templates_lists_every_kind(cli):
    result = cli("templates")
    assert result.code == 0
    for kind in ("工作情况汇报", "工作总结", "述职报告", "情况报告", "调研报告"):
        assert kind in result.out


def test_templates_show_lists_fields_with_types_defaults_and_help(cli):
    result = cli("templates", "show", "工作情况汇报")
    assert result.code == 0, result.err
    assert "称谓（一行文字）" in result.out
    assert "标题（一行文字；默认：主要经验和做法）" in result.out
    assert "必需部分：经验做法、问题、下一步" in result.out


def test_scaffolded_unit_template_extends_a_builtin_one(tmp_path, cli):
    made = cli("templates", "new", "本单位月报", "--from", "工作情况汇报", "--dir", str(tmp_path))
    assert made.code == 0, made.err
    assert (tmp_path / "本单位月报" / "manifest.yaml").exists()
    init = cli("init", "--template", "本单位月报", "--templates", str(tmp_path), "月报.yaml",
               cwd=tmp_path)
    assert init.code == 0, init.err
    built = cli("build", "月报.yaml", "-o", "月报.txt", cwd=tmp_path)
    assert built.code == 0, built.err
    text = (tmp_path / "月报.txt").read_text(encoding="utf-8").splitlines()
    assert "三、下月工作安排" in text  # the manifest override of a default
    assert text[-3] == "以上汇报，请审阅。"  # the block override, before the inherited closing
    listed = cli("templates", "--templates", str(tmp_path))
    assert "本单位月报" in listed.out and "继承“工作情况汇报”" in listed.out


def test_unit_template_overrides_a_block_and_keeps_the_rest(tmp_path, cli):
    _unit(tmp_path, '{% extends "内置/工作情况汇报/outline.j2" %}\n'
                    '{% block 标题 %}{{ title("关于", 事由, "的专题汇报") }}{% endblock %}\n')
    result = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 0, result.err
    lines = (tmp_path / "r.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "关于安全生产的专题汇报"
    assert lines[1:3] == ["一、存在的困难和问题", "人员不足。编制少。"]  # one item: no 一是


def test_a_unit_kind_of_the_same_name_can_extend_the_builtin(tmp_path, cli):
    folder = tmp_path / "模板" / "工作情况汇报"
    folder.mkdir(parents=True)
    (folder / "manifest.yaml").write_text(
        "名称: 工作情况汇报\n继承: 工作情况汇报\n字段:\n  - 名称: 称谓\n    类型: 文本\n"
        "    默认: 尊敬的各位领导\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text("模板目录: 模板\n" + MINIMAL, encoding="utf-8")
    result = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").splitlines()[1] == "尊敬的各位领导："


@pytest.mark.parametrize("escape", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].listdir('/') }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../etc/passwd' %}",
    "{{ title(config) }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ title('x' * 10**8) }}",
    "{% for i in range(1000) %}{{ para('段落') }}{% endfor %}" * 10,
])
def test_sandbox_escapes_are_refused_with_a_located_error(tmp_path, cli, escape):
    _unit(tmp_path, escape + "\n")
    result = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err and "root:" not in result.err
    assert "模板" in result.err
    assert not (tmp_path / "r.txt").exists()


def test_template_errors_name_the_file_and_line(tmp_path, cli):
    _unit(tmp_path, "{{ title(单位) }}\n{{ para(不存在的字段) }}\n")
    result = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 2
    assert "测试模板/outline.j2:2:" in result.err and "不存在的字段" in result.err
    _unit(tmp_path / "b", "{% if %}\n")
    syntax = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path / "b")
    assert syntax.code == 2 and "模板语法错误" in syntax.err and "outline.j2:1:" in syntax.err


def test_a_broken_manifest_is_located(tmp_path, cli):
    _unit(tmp_path, "{{ title(单位) }}\n", "名称: 测试模板\n继承: 工作情况汇报\n字段:\n"
                                          "  - 名称: 新字段\n    类型: 数字\n")
    result = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 2
    assert "manifest.yaml:5:" in result.err and "字段类型“数字”不存在" in result.err


def test_a_template_that_runs_too_long_is_stopped(tmp_path, cli, monkeypatch):
    from toolkit.draft import kinds as templating

    monkeypatch.setattr(templating, "RENDER_SECONDS", 0.5)
    _unit(tmp_path, "{% for i in range(999) %}{% for j in range(999) %}{% for k in range(999) %}"
                    "{% endfor %}{% endfor %}{% endfor %}\n")
    result = cli("build", "r.yaml", "-o", "r.txt", cwd=tmp_path)
    assert result.code == 2 and "超过 0.5 秒" in result.err

"""Fonts: the faces a document asks for, whether the machine has them, stand-ins, --require-fonts."""

from __future__ import annotations

import pytest
from conftest import REFERENCE_YAML
from lxml import etree

from toolkit.docx import faces
from toolkit.intake.inputs import read_input
from toolkit.render import fonts

ALL_STANDARD = frozenset(s.name.casefold() for s in faces.STANDARD)
ONLY_FREE = frozenset(n.casefold() for n in ("FandolFang", "FandolKai", "Noto Sans CJK SC",
                                             "Noto Serif CJK SC", "Liberation Serif"))


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def machine(monkeypatch):
    """Pretend the machine has exactly these families (None: no fontconfig at all)."""
    def have(families):
        monkeypatch.setattr(fonts, "installed_families", lambda: families)
        monkeypatch.setattr(fonts, "fc_match", lambda name: "DejaVu Serif")
    return have


def test_names_of_one_typeface_are_one_family():
    assert faces.family_of("仿宋_GB2312") == faces.family_of("仿宋") == faces.family_of("FangSong")
    assert faces.family_of("楷体_GB2312") == faces.family_of("KaiTi") == "楷体"
    assert faces.family_of("SimSun") == "宋体" and faces.family_of("方正小标宋_GBK") == "小标宋"
    assert faces.family_of("times new roman") == "Times New Roman"
    assert faces.family_of("Arial") == "Arial"
    assert faces.standard("FangSong").family == "仿宋"
    assert faces.standard("Arial") is None


@pytest.mark.parametrize("face, cjk", [("仿宋_GB2312", True), ("SimSun", True),
                                       ("Noto Serif CJK SC", True), ("ＭＳ 明朝", True),
                                       ("Times New Roman", False), ("Calibri", False),
                                       ("Century Gothic", False), (None, False)])
def test_chinese_faces_are_recognised_by_name(face, cjk):
    assert faces.is_cjk_face(face) is cjk


def test_missing_faces_get_installed_stand_ins_real_ones_are_left_alone():
    states = {a.face: a for a in fonts.availability(
        ["仿宋_GB2312", "方正小标宋简体", "黑体", "Times New Roman", "自定义字体"],
        ONLY_FREE | {"黑体"}, probe=False)}
    assert states["黑体"].installed is True and not states["黑体"].standin
    assert states["仿宋_GB2312"].standin == "FandolFang"
    assert (states["方正小标宋简体"].standin, states["方正小标宋简体"].bold) == ("Noto Serif CJK SC", True)
    assert states["Times New Roman"].standin_label == "Liberation Serif"
    assert states["自定义字体"].installed is False and not states["自定义字体"].standin


def test_the_next_stand_in_serves_when_the_first_is_not_installed():
    state, = fonts.availability(["仿宋"], frozenset({"noto serif cjk sc"}), probe=False)
    assert state.standin == "Noto Serif CJK SC"


def test_without_fontconfig_nothing_is_claimed(machine):
    machine(None)
    state, = fonts.availability(["仿宋_GB2312"])
    assert state.installed is None and not state.standin


def test_generated_fontconfig_includes_the_system_and_binds_stand_ins_strongly():
    mapped = fonts.availability(["方正小标宋简体", "仿宋_GB2312", "黑体"], ONLY_FREE, probe=False)
    text = fonts.fontconfig_xml(mapped)
    root = etree.fromstring(text.encode("utf-8"))
    assert root.find("include").text == "/etc/fonts/fonts.conf"
    matches = {m.find("test/string").text: m for m in root.findall("match")}
    assert set(matches) == {"方正小标宋简体", "仿宋_GB2312", "黑体"}
    for face, match in matches.items():
        assert match.get("target") == "pattern"
        edit = match.find("edit[@name='family']")
        assert (edit.get("mode"), edit.get("binding")) == ("assign", "strong")
    assert matches["仿宋_GB2312"].find("edit/string").text == "FandolFang"
    assert matches["方正小标宋简体"].find("edit[@name='weight']/const").text == "bold"
    assert matches["黑体"].find("edit[@name='weight']") is None


def test_fontconfig_lists_families_in_every_language(monkeypatch, tmp_path):
    fake = tmp_path / "fc-list"
    fake.write_text("#!/bin/sh\nprintf 'SimSun,宋体\\nFandolFang,FandolFang R\\n'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    found = fonts.installed_families()
    assert {"simsun", "宋体", "fandolfang", "fandolfang r"} <= found
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert fonts.installed_families() is None


def test_faces_of_the_reference_report_and_where_they_are_used(tmp_path, cli):
    built = tmp_path / "r.docx"
    cli("build", str(REFERENCE_YAML), "-o", str(built))
    inp = read_input(str(built))
    uses = {u.face: u.places for u in fonts.faces_of(built.read_bytes(), inp.document.blocks, "file")}
    assert uses["方正小标宋简体"] == ["标题"]
    assert uses["黑体"] == ["一级标题"]
    assert uses["楷体_GB2312"] == ["二级标题"]
    assert {"正文", "主送机关（称谓）", "段首三级标题"} <= set(uses["仿宋_GB2312"])
    assert "正文（数字、西文）" in uses["Times New Roman"]
    assert uses["宋体"] == ["页码"]


def test_fonts_command_lists_faces_places_and_stand_ins(tmp_path, cli, machine):
    machine(ONLY_FREE | {"黑体"})
    result = cli("fonts", str(REFERENCE_YAML))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    row = next(line for line in lines if line.strip().startswith("仿宋_GB2312"))
    assert "正文" in row and "未安装" in row and "预览替代：FandolFang" in row
    row = next(line for line in lines if line.strip().startswith("黑体"))
    assert "一级标题" in row and "已安装" in row
    assert "缺少 5 种字体" in result.out and "方正小标宋简体：方正字库" in result.out


def test_fonts_command_says_plainly_when_fontconfig_is_absent(tmp_path, cli, machine):
    machine(None)
    result = cli("fonts", str(REFERENCE_YAML))
    assert result.code == 0
    assert "本机没有 fontconfig" in result.out and "无法检查" in result.out


def test_fonts_of_a_python_docx_file_come_from_its_theme(tmp_path, cli, machine):
    import docx

    document = docx.Document()
    document.add_paragraph("正文内容，数字2026。")
    document.save(str(tmp_path / "plain.docx"))
    machine(ONLY_FREE)
    result = cli("fonts", str(tmp_path / "plain.docx"))
    assert "ＭＳ 明朝" in result.out and "Cambria" in result.out
    assert "预览时由系统替换为 DejaVu Serif" in result.out


def test_fonts_of_plain_text_is_an_input_error(tmp_path, cli):
    path = tmp_path / "a.txt"
    path.write_text("正文。\n", encoding="utf-8")
    result = cli("fonts", str(path))
    assert result.code == 2 and "只支持 .docx 文件和 .yaml 草稿" in result.err


def test_require_fonts_refuses_to_build_and_says_where_to_get_them(tmp_path, cli, machine):
    machine(ONLY_FREE | {"黑体", "宋体"})
    target = tmp_path / "r.docx"
    result = cli("build", str(REFERENCE_YAML), "-o", str(target), "--require-fonts")
    assert result.code == 1
    assert not target.exists()
    assert "本机缺少 4 种文档要用的字体" in result.err
    assert "方正小标宋简体（标题）：方正字库" in result.err
    assert "仿宋_GB2312（" in result.err and "Times New Roman（" in result.err


def test_require_fonts_builds_when_every_face_is_there(tmp_path, cli, machine):
    machine(ALL_STANDARD)
    target = tmp_path / "r.docx"
    result = cli("build", str(REFERENCE_YAML), "-o", str(target), "--require-fonts")
    assert result.code == 0, result.err
    assert target.exists()


def test_require_fonts_without_fontconfig_refuses_rather_than_guess(tmp_path, cli, machine):
    machine(None)
    target = tmp_path / "r.docx"
    result = cli("build", str(REFERENCE_YAML), "-o", str(target), "--require-fonts")
    assert result.code == 1 and not target.exists()
    assert "fontconfig" in result.err


def test_require_fonts_follows_the_chosen_style(tmp_path, cli, machine):
    machine(ALL_STANDARD - {"仿宋_gb2312", "楷体_gb2312"})  # a Windows 7+ machine
    target = tmp_path / "r.docx"
    assert cli("build", str(REFERENCE_YAML), "-o", str(target), "--require-fonts").code == 1
    result = cli("build", str(REFERENCE_YAML), "-o", str(target), "--require-fonts",
                 "--style", "gbt9704-fangsong")
    assert result.code == 0, result.err

"""The standard faces of GB/T 9704 documents: their names, aliases and families."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Standard:
    """A face that GB/T 9704 documents name, with free stand-ins and where offices get it."""

    name: str
    family: str  # the typeface this name is one version of (仿宋_GB2312 and 仿宋 are 仿宋)
    standins: tuple[tuple[str, bool], ...]  # (installed family, bold) in order of preference
    source: str  # where an office gets the real face (Chinese, shown to users)


# Stand-ins are one em wide for CJK text (Liberation Serif is metric-compatible with Times New
# Roman), so a preview keeps the line and character counts of the real faces (gbt9704.md §4).
_FANG = (("FandolFang", False), ("Noto Serif CJK SC", False))
_KAI = (("FandolKai", False), ("Noto Serif CJK SC", False))
STANDARD = (
    Standard("方正小标宋简体", "小标宋", (("Noto Serif CJK SC", True), ("FandolSong", True)),
             "方正字库的商用字体，须向方正电子购买授权后安装"),
    Standard("仿宋_GB2312", "仿宋", _FANG,
             "旧版 Windows 自带，新电脑须从单位的字体包安装（新版 Windows 自带的是“仿宋”）"),
    Standard("仿宋", "仿宋", _FANG, r"Windows 自带（C:\Windows\Fonts\simfang.ttf）"),
    Standard("楷体_GB2312", "楷体", _KAI,
             "旧版 Windows 自带，新电脑须从单位的字体包安装（新版 Windows 自带的是“楷体”）"),
    Standard("楷体", "楷体", _KAI, r"Windows 自带（C:\Windows\Fonts\simkai.ttf）"),
    Standard("黑体", "黑体", (("Noto Sans CJK SC", False), ("FandolHei", False)),
             r"Windows 自带（C:\Windows\Fonts\simhei.ttf）"),
    Standard("宋体", "宋体", (("Noto Serif CJK SC", False), ("FandolSong", False)),
             r"Windows 自带（C:\Windows\Fonts\simsun.ttc）"),
    Standard("Times New Roman", "Times New Roman", (("Liberation Serif", False),),
             r"Windows 自带（C:\Windows\Fonts\times.ttf）；Linux 可安装 ttf-mscorefonts-installer"),
)
_BY_NAME = {s.name.casefold(): s for s in STANDARD}

# Other names of the same typefaces: Windows' English names, the GBK/简体 cuts of 方正 and 华文.
ALIASES = {
    "仿宋": ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体",
           "方正仿宋_GB2312", "华文仿宋", "STFangsong", "仿宋体"),
    "楷体": ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体",
           "方正楷体_GB2312", "华文楷体", "STKaiti", "楷体字"),
    "黑体": ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "方正黑体_GB2312", "华文黑体",
           "STHeiti"),
    "宋体": ("宋体", "SimSun", "新宋体", "NSimSun", "方正书宋_GBK", "方正书宋简体", "华文宋体",
           "STSong", "宋体-方正超大字符集"),
    "小标宋": ("方正小标宋简体", "方正小标宋_GBK", "方正小标宋", "小标宋", "小标宋体",
            "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
    "Times New Roman": ("Times New Roman", "Times", "TimesNewRoman", "Times New Roman PS"),
}
_FAMILY = {alias.casefold(): family for family, names in ALIASES.items() for alias in names}

# Faces named in Latin letters that are nonetheless Chinese (or Japanese/Korean) faces.
_CJK_LATIN_NAMES = ("simsun", "simhei", "fangsong", "kaiti", "yahei", "dengxian", "nsimsun",
                    "cjk", "source han", "fandol", "stsong", "stkaiti", "stfangsong", "stheiti",
                    "fzxiaobiaosong", "ms mincho", "ms gothic", "mingliu", "batang", "gulim",
                    "pingfang", "hiragino", "wenquanyi", "ar pl", "songti", "heiti", "meiryo")


def family_of(name: str | None) -> str:
    """The typeface a face name is a version of: 仿宋_GB2312, 仿宋 and FangSong are all 仿宋."""
    if not name:
        return ""
    return _FAMILY.get(name.strip().casefold(), name.strip())


def standard(name: str | None) -> Standard | None:
    """The standard face `name` is, or is a version of (FangSong → the 仿宋 entry)."""
    if not name:
        return None
    found = _BY_NAME.get(name.strip().casefold())
    if found is not None:
        return found
    family = family_of(name)
    return next((s for s in STANDARD if s.name == family or s.family == family), None)


def is_cjk_face(name: str | None) -> bool:
    """Whether a face draws Chinese: a CJK name, or a known Latin-lettered Chinese face."""
    if not name:
        return False
    if any(ord(ch) >= 0x2E80 for ch in name):
        return True
    folded = name.casefold()
    return family_of(name) in ("仿宋", "楷体", "黑体", "宋体", "小标宋") or any(
        key in folded for key in _CJK_LATIN_NAMES)

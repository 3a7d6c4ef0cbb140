"""Font faces on this machine: which a document asks for, which are installed, preview stand-ins."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from toolkit.docx.faces import ALIASES, STANDARD, Standard, standard

# ---------------------------------------------------------------- this machine (fontconfig)

def fontconfig_tool(name: str = "fc-list") -> str | None:
    """Path of a fontconfig command, or None where fontconfig is not installed."""
    import shutil

    return shutil.which(name)


@functools.cache
def _families(fc_list: str) -> frozenset[str]:
    import subprocess

    try:
        done = subprocess.run([fc_list, "--format", "%{family}\n"], capture_output=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    names = set()
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        # One line per font file: its family names in every language, comma-separated.
        for part in line.split(","):
            if part.strip():
                names.add(part.strip().casefold())
    return frozenset(names)


def installed_families() -> frozenset[str] | None:
    """Family names (casefolded) of the installed fonts; None when fontconfig is absent."""
    tool = fontconfig_tool()
    return None if tool is None else _families(tool)


def fc_match(name: str) -> str | None:
    """The family fontconfig would draw `name` with (its own fallback), or None."""
    import subprocess

    tool = fontconfig_tool("fc-match")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, "--format", "%{family}", name], capture_output=True,
                              timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    text = done.stdout.decode("utf-8", "replace").split(",")[0].strip()
    return text or None


@dataclass(frozen=True)
class Availability:
    """Whether a face is on this machine and what a preview draws instead of it."""

    face: str
    installed: bool | None  # None: cannot tell (no fontconfig)
    standin: str = ""  # installed family the preview maps the face to
    bold: bool = False  # the stand-in is drawn bold (小标宋 is a heavy face)
    fallback: str = ""  # fontconfig's own choice when no stand-in is installed
    standard: Standard | None = field(default=None, compare=False)

    @property
    def standin_label(self) -> str:
        if self.standin:
            return self.standin + (" Bold" if self.bold else "")
        return ""


def availability(faces: Iterable[str], installed: frozenset[str] | None = None,
                 *, probe: bool = True) -> list[Availability]:
    """Each face with whether it is installed and its stand-in; `installed` defaults to what
    fontconfig lists. `probe` asks fc-match for faces no stand-in covers."""
    if installed is None:
        installed = installed_families()
    out = []
    for face in dict.fromkeys(faces):
        known = standard(face)
        if installed is None:
            out.append(Availability(face, None, standard=known))
            continue
        if face.casefold() in installed:
            out.append(Availability(face, True, standard=known))
            continue
        standin, bold = "", False
        for candidate, heavy in (known.standins if known else ()):
            if candidate.casefold() in installed:
                standin, bold = candidate, heavy
                break
        fallback = "" if standin or not probe else (fc_match(face) or "")
        out.append(Availability(face, False, standin, bold, fallback, known))
    return out


def fontconfig_xml(mapped: Iterable[Availability], include: str | None = None) -> str:
    """A fontconfig file: the system configuration, then each missing face assigned (strongly,
    so the application's own fallback does not win) to its installed stand-in."""
    from xml.sax.saxutils import escape

    include = include or "/etc/fonts/fonts.conf"
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', "<fontconfig>",
             f'  <include ignore_missing="yes">{escape(include)}</include>']
    for item in mapped:
        if not item.standin:
            continue
        edits = (f'<edit name="family" mode="assign" binding="strong">'
                 f"<string>{escape(item.standin)}</string></edit>")
        if item.bold:
            edits += ('<edit name="weight" mode="assign" binding="strong">'
                      "<const>bold</const></edit>")
        lines.append(f'  <match target="pattern"><test name="family" qual="any">'
                     f"<string>{escape(item.face)}</string></test>{edits}</match>")
    lines.append("</fontconfig>")
    return "\n".join(lines) + "\n"


def preview_faces(extra: Iterable[str] = ()) -> list[str]:
    """The faces a preview maps: every standard name and its common aliases, plus `extra`."""
    names = [s.name for s in STANDARD]
    for family in ("仿宋", "楷体", "黑体", "宋体", "小标宋"):
        names += list(ALIASES[family])
    return list(dict.fromkeys([*names, *extra]))


# ---------------------------------------------------------------- the faces of one document

@dataclass
class FaceUse:
    """A face a document asks for and the block kinds it draws (Chinese names)."""

    face: str
    places: list[str]
    availability: Availability | None = None


def faces_of(data: bytes, blocks, origin: str) -> list[FaceUse]:
    """Every face the DOCX `data` draws text with (run → styles → docDefaults, theme fonts
    resolved), with the kinds of block it is used for, in order of first use."""
    from toolkit.docx import existing, ooxml
    from toolkit.docx.formatting import KIND_NAMES, Layout, face_uses
    from toolkit.docx.profiles import builtin

    layout = Layout(existing.OpenDocx(data), blocks, origin)
    places: dict[str, list[str]] = {}

    def add(face: str | None, place: str) -> None:
        if face:
            where = places.setdefault(face, [])
            if place not in where:
                where.append(place)

    for use in face_uses(layout, builtin()):
        kind = KIND_NAMES.get(use.key, use.key)
        if use.role == "lead" and use.key.startswith("heading"):
            kind = "段首" + kind  # the title part of a run-in “1.标题。正文” paragraph
        add(use.face.name, kind if use.slot == "eastAsia" else kind + "（数字、西文）")
    for _, _, name in layout.footers():
        root = layout.package.part(name)
        if root is None:
            continue
        for p in root.iter(ooxml.qn("w:p")):
            text = existing.field_text(p)
            if not text.strip():
                continue
            runs = existing.visible_runs(p)
            for run, _, run_text in runs or [(None, 0, text)]:
                slot = "eastAsia" if any(ord(c) > 0x2000 for c in run_text) else "ascii"
                add(layout.face(run, p, slot).name, KIND_NAMES["footer"])
            if "{PAGE}" in text:  # the number itself is a field result in the ascii slot
                first = runs[0][0] if runs else None
                add(layout.face(first, p, "ascii").name, KIND_NAMES["footer"])
    return [FaceUse(face, where) for face, where in places.items()]


def report(inp, style=None) -> list[FaceUse]:
    """The faces of a checked input (a .docx, or the DOCX a .yaml draft builds to), each with
    whether this machine has it and the stand-in a preview would use."""
    from toolkit.intake.inputs import docx_source

    source, origin = docx_source(inp, style)
    if source is None:
        return []
    uses = faces_of(source(), inp.document.blocks, origin)
    found = {a.face: a for a in availability(u.face for u in uses)}
    for use in uses:
        use.availability = found.get(use.face)
    return uses


def describe(uses: list[FaceUse], path: str) -> str:
    """The fonts report as a table a writer reads, then where to get what is missing."""
    from toolkit.core.messages import cell_width

    if not uses:
        return f"{path} 中没有找到文字的字体设置。"
    known = all(u.availability is None or u.availability.installed is not None for u in uses)
    rows = []
    for use in uses:
        state = use.availability
        if state is None or state.installed is None:
            have, instead = "无法检查", ""
        elif state.installed:
            have, instead = "已安装", ""
        else:
            have = "未安装"
            instead = ("预览替代：" + state.standin_label if state.standin
                       else f"预览时由系统替换为 {state.fallback}" if state.fallback
                       else "没有替代字体")
        rows.append((use.face, "、".join(use.places), have, instead))
    widths = [max(cell_width(r[i]) for r in rows) for i in range(3)]
    lines = [f"{path} 要用的字体（字体 / 用在 / 本机 / 预览）："]
    for row in rows:
        cells = [c + " " * (w - cell_width(c)) for c, w in zip(row[:3], widths)]
        lines.append(("  " + "  ".join(cells) + "  " + row[3]).rstrip())
    if not known:
        lines.append("本机没有 fontconfig（fc-list），无法判断字体是否已安装；Windows 上请在"
                     "“设置—个性化—字体”中查找，或在 Word 的字体列表中看字体名是否出现。")
        return "\n".join(lines)
    missing = [u for u in uses if u.availability and u.availability.installed is False]
    if not missing:
        lines.append("全部已安装。")
        return "\n".join(lines)
    lines.append(f"缺少 {len(missing)} 种字体，在本机打印前请安装：")
    for use in missing:
        known_face = use.availability.standard
        source = known_face.source if known_face else "请向发文单位索取或从正版字体包中安装"
        lines.append(f"  {use.face}：{source}")
    return "\n".join(lines)


def require(doc, style, reference, source: str, styles: bool = False) -> None:
    """Refuse (RefusedError, exit 1) when a face the built DOCX would use is not installed:
    for offices that print on the machine that builds."""
    from toolkit.core.errors import Place, RefusedError
    from toolkit.docx.profiles import load_profile
    from toolkit.docx.writer import render_docx

    data = render_docx(doc, load_profile(style), reference, styles)
    uses = faces_of(data, doc.blocks, "built")
    installed = installed_families()
    if installed is None:
        raise RefusedError("无法确认字体是否已安装（本机没有 fontconfig 的 fc-list），"
                           "按 --require-fonts 的要求没有生成文件。", Place(source),
                           "在装有 fontconfig 的电脑上生成，或去掉 --require-fonts。")
    states = {a.face: a for a in availability((u.face for u in uses), installed, probe=False)}
    missing = [u for u in uses if not states[u.face].installed]
    if not missing:
        return
    hint = []
    for use in missing:
        known = states[use.face].standard
        where = "、".join(use.places)
        hint.append(f"{use.face}（{where}）：{known.source if known else '请从正版字体包中安装'}")
    hint.append("装好后可用 gongwen fonts 文件 核对；不在本机打印时去掉 --require-fonts。")
    names = "、".join(u.face for u in missing)
    raise RefusedError(f"本机缺少 {len(missing)} 种文档要用的字体（{names}），"
                       "按 --require-fonts 的要求没有生成文件。", Place(source), "\n".join(hint))

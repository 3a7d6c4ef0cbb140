"""A copy of a received DOCX with everything that reaches outside the file removed (for preview)."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

from toolkit.core.errors import InputError, Place
from toolkit.docx.ooxml import qn

MAX_PART = 64 * 1024 * 1024  # bytes of one XML part: far beyond any real report
_SCHEME = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|[\\/]{2})")
_SAFE_LINK = re.compile(r"^\s*(?:https?:|mailto:)", re.I)
# Field instructions that load another file or a URL while the document is laid out.
_FETCHING = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|IMPORT|DDEAUTO|DDE|"
                       r"DATABASE|HYPERLINK\s+\S*\\d)\b", re.I)
_REL_KINDS = {"image": "外链图片", "oleObject": "链接的 OLE 对象", "attachedTemplate": "附加模板",
              "subDocument": "子文档", "frame": "框架页面", "hyperlink": "指向本机或内网文件的超链接",
              "package": "链接的嵌入包", "video": "外链视频", "audio": "外链音频",
              "mailMergeSource": "邮件合并数据源", "mailMergeHeaderSource": "邮件合并数据源"}
_SETTINGS_DROP = ("attachedTemplate", "mailMerge", "linkStyles")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        raise InputError(f"DOCX 中的部件 {info.filename} 过大，未预览。", Place(source),
                         "请在 Word 中打开后另存一次再试。")
    return data


def _rels(root, removed: Counter) -> bool:
    changed = False
    for rel in list(root):
        target = rel.get("Target", "")
        external = rel.get("TargetMode") == "External" or bool(_SCHEME.match(target))
        if not external:
            continue
        kind = (rel.get("Type") or "").rpartition("/")[2]
        if kind == "hyperlink" and _SAFE_LINK.match(target):
            continue  # a web link is only followed when someone clicks it
        root.remove(rel)
        removed[_REL_KINDS.get(kind, "其他外部链接")] += 1
        changed = True
    return changed


def _fields(root, removed: Counter) -> bool:
    """Blank the instructions of fields that fetch (the cached result text stays)."""
    from lxml import etree

    changed = False
    for simple in list(root.iter(qn("w:fldSimple"))):
        instr = simple.get(qn("w:instr"), "")
        if _FETCHING.match(instr):
            parent = simple.getparent()
            index = parent.index(simple)
            for offset, kid in enumerate(list(simple)):
                parent.insert(index + offset, kid)
            parent.remove(simple)
            removed[_FETCHING.match(instr).group(1).upper() + " 域"] += 1
            changed = True
    stack: list[list] = []  # the instrText elements of each open complex field
    for node in root.iter(qn("w:fldChar"), qn("w:instrText")):
        if node.tag == qn("w:instrText"):
            if stack and stack[-1] is not None:
                stack[-1].append(node)
            continue
        kind = node.get(qn("w:fldCharType"))
        if kind == "begin":
            stack.append([])
        elif kind in ("separate", "end") and stack:
            parts = stack[-1]
            if parts:
                instr = "".join(p.text or "" for p in parts)
                found = _FETCHING.match(instr)
                if found:
                    for p in parts:
                        p.text = ""
                    removed[found.group(1).upper() + " 域"] += 1
                    changed = True
            if kind == "separate":
                stack[-1] = None  # the result part: no more instructions for this field
            else:
                stack.pop()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            if name.rpartition("}")[2] in ("src", "href") and _SCHEME.match(value) \
                    and not _SAFE_LINK.match(value):
                del element.attrib[name]
                removed["外链图片"] += 1
                changed = True
    entities = [e for e in root.iter() if isinstance(e, etree._Entity)]
    for entity in entities:  # references to DTD entities: nothing may be fetched to expand them
        entity.getparent().remove(entity)
        changed = True
    return changed


def _settings(root) -> bool:
    changed = False
    for name in _SETTINGS_DROP:
        for element in root.findall(qn("w:" + name)):
            root.remove(element)  # its link is counted with the relationships
            changed = True
    return changed


def isolate(data: bytes, source: str) -> tuple[bytes, list[tuple[str, int]]]:
    """`data` with external relationships, fetching fields, linked pictures, attached templates,
    mail-merge sources and DTD declarations removed; with what was removed and how often."""
    from lxml import etree

    from toolkit.docx.ooxml import parse_xml

    removed: Counter = Counter()
    out = io.BytesIO()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("文件不是有效的 DOCX（zip 结构损坏）。", Place(source)) from None
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            name = info.filename
            lower = name.lower()
            if not lower.endswith((".xml", ".rels")):
                with archive.open(info) as src, copy.open(zipfile.ZipInfo(name, info.date_time),
                                                          "w") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                continue
            blob = _read(archive, info, source)
            try:
                root = parse_xml(blob)
            except etree.XMLSyntaxError:
                removed["无法解析的部件"] += 1
                continue  # what cannot be read here must not be read by LibreOffice either
            changed = b"<!DOCTYPE" in blob[:4096].upper()
            if lower.endswith(".rels"):
                changed = _rels(root, removed) or changed
            else:
                changed = _fields(root, removed) or changed
                if root.tag == qn("w:settings"):
                    changed = _settings(root) or changed
            info_out = zipfile.ZipInfo(name, info.date_time)
            info_out.compress_type = zipfile.ZIP_DEFLATED
            copy.writestr(info_out, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                   standalone=True) if changed else blob)
    return out.getvalue(), [(what, n) for what, n in removed.items() if n]


def describe(removed: list[tuple[str, int]]) -> str:
    """What was taken out, for the preview notice."""
    return "、".join(f"{what} {n} 处" for what, n in removed)

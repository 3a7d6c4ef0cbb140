"""A build depends only on its input: same YAML, same DOCX (with SOURCE_DATE_EPOCH: same bytes)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.core.sources import SourceText
from toolkit.docx.writer import render_docx
from toolkit.draft.pipeline import draft_text

CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1,
              max_size=30)


def _yaml(unit, matter, groups, problems) -> str:
    lines = [f"单位: {unit}", f"事由: {matter}", "称谓: 各位领导", "经验做法:"]
    for key, (title, items) in zip(("机制", "职能", "保障"), groups):
        lines += [f"  {key}:", f"    标题: {title}{{数}}项", "    条目:"]
        lines += [f"      - 标题: {t}\n        内容: {c}" for t, c in items]
    lines += ["问题:", "  条目:"] + [f"    - {p}。{p}" for p in problems]
    return "\n".join(lines) + "\n"


def _members(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CJK, CJK, st.lists(st.tuples(CJK, st.lists(st.tuples(CJK, CJK), min_size=1, max_size=4)),
                          min_size=1, max_size=3),
       st.lists(CJK, min_size=1, max_size=4))
def test_build_is_deterministic_apart_from_timestamps(unit, matter, groups, problems):
    text = _yaml(unit, matter, groups, problems)
    first = draft_text(SourceText("r.yaml", text)).document
    second = draft_text(SourceText("r.yaml", text)).document
    assert first == second and first.text() == second.text()
    a, b = _members(render_docx(first)), _members(render_docx(second))
    assert a.keys() == b.keys()
    for name in a:
        if name != "docProps/core.xml":  # holds the creation time, like any Word file
            assert a[name] == b[name], name


def test_source_date_epoch_gives_identical_bytes(monkeypatch):
    from conftest import REFERENCE_YAML

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    from toolkit.draft.pipeline import draft_file

    doc = draft_file(REFERENCE_YAML).document
    first = render_docx(doc)
    assert render_docx(draft_file(REFERENCE_YAML).document) == first
    assert b"2026-01-01T00:00:00Z" in _members(first)["docProps/core.xml"]

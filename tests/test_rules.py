"""Every rule is declared completely, and fires on its must-fail examples and not on its must-pass ones."""

from __future__ import annotations

import re

import pytest

from toolkit.check.engine import run
from toolkit.check.model import SEVERITIES, DocxExample
from toolkit.check.rules import all_rules
from toolkit.intake.inputs import docx_source, read_input
from toolkit.text.parser import parse_text

RULES = all_rules()


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    # DOCX examples are built by the writer, which caches bases on disk: not in the user's cache.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path_factory.getbasetemp() / "cache"))


def findings(example, rule, folder) -> list:
    """The rule's findings on an example: text is parsed like a .txt draft; a DocxExample is
    written to a file and read through the DOCX input path, as `gongwen check x.docx` does."""
    if isinstance(example, str):
        return [f for f, _ in run(parse_text(example), [rule])]
    path = folder / "example.docx"
    path.write_bytes(example())
    inp = read_input(str(path))
    docx, origin = docx_source(inp)
    return [f for f, _ in run(inp.document, [rule], docx=docx, docx_origin=origin)]


def test_at_least_sixty_rules():
    assert len(RULES) >= 60, len(RULES)


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"[STNWLD]\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_declared_completely(rule):
    assert rule.severity in SEVERITIES
    assert rule.message.strip() and rule.summary.strip()
    assert rule.basis.strip(), f"{rule.code} has no basis"
    assert rule.fails, f"{rule.code} has no must-fail example"
    assert rule.passes, f"{rule.code} has no must-pass example"
    for example in rule.fails + rule.passes:
        assert isinstance(example, (str, DocxExample)), example
        assert str(example).strip(), f"{rule.code} has an example without a description"
    if rule.code.startswith("D"):  # layout rules judge a file: their examples are files
        assert all(isinstance(e, DocxExample) for e in rule.fails + rule.passes), rule.code


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_examples(rule, tmp_path):
    for example in rule.fails:
        found = findings(example, rule, tmp_path)
        assert found, f"{rule.code} did not fire on must-fail example: {str(example)!r}"
    for example in rule.passes:
        found = findings(example, rule, tmp_path)
        assert not found, f"{rule.code} fired on must-pass example {str(example)!r}: {found}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.fix], ids=[r.code for r in RULES if r.fix])
def test_safe_fixes_remove_their_findings(rule):
    """Applying a rule's replacements to its must-fail examples leaves nothing for it to find."""
    from toolkit.check.fixes import apply_to_text

    for example in rule.fails:
        doc = parse_text(example)
        findings = [f for f, _ in run(doc, [rule])]
        if not any(f.replacement is not None for f in findings):
            continue
        fixed = apply_to_text(example, doc, findings)
        again = [f for f, _ in run(parse_text(fixed), [rule]) if f.replacement is not None]
        assert not again, f"{rule.code}: fix left {again} in {fixed!r}"

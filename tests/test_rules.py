"""Every rule is declared completely, and fires on its must-fail examples and not on its must-pass ones."""

from __future__ import annotations

import re

import pytest

from toolkit.checking import SEVERITIES, run
from toolkit.parser import parse_text
from toolkit.rules import all_rules

RULES = all_rules()


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


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_examples(rule):
    for example in rule.fails:
        found = [f for f, _ in run(parse_text(example), [rule])]
        assert found, f"{rule.code} did not fire on must-fail example: {example!r}"
    for example in rule.passes:
        found = [f for f, _ in run(parse_text(example), [rule])]
        assert not found, f"{rule.code} fired on must-pass example {example!r}: {found}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.fix], ids=[r.code for r in RULES if r.fix])
def test_safe_fixes_remove_their_findings(rule):
    """Applying a rule's replacements to its must-fail examples leaves nothing for it to find."""
    from toolkit.fixes import apply_to_text

    for example in rule.fails:
        doc = parse_text(example)
        findings = [f for f, _ in run(doc, [rule])]
        if not any(f.replacement is not None for f in findings):
            continue
        fixed = apply_to_text(example, doc, findings)
        again = [f for f, _ in run(parse_text(fixed), [rule]) if f.replacement is not None]
        assert not again, f"{rule.code}: fix left {again} in {fixed!r}"

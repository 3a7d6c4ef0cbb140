"""Every rule, listed explicitly by family (no hidden registry): S T N W L, and D for DOCX layout."""

from __future__ import annotations

import functools


@functools.cache
def all_rules() -> tuple:
    """All rules in code order. Imported on demand so `gongwen --help` stays instant."""
    from toolkit.check.rules import balance, layout, numbers, punctuation, structure, wording

    rules = (*structure.RULES, *punctuation.RULES, *numbers.RULES, *wording.RULES, *balance.RULES,
             *layout.RULES)
    return tuple(sorted(rules, key=lambda r: r.code))


def by_code() -> dict:
    return {r.code: r for r in all_rules()}

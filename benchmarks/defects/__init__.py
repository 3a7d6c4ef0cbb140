"""Defect injectors for the check benchmark, gathered from the family modules that exist.

Each family module (structure, balance, punctuation, numbers, wording) defines
`INJECTORS = {"class name": fn}` with `fn(text, rng) -> (defective_text, expected_code) | None`:
it puts ONE defect of its class into a clean report at a random suitable place, and says which
rule code must report it (None when the text has no suitable place). A family whose module is
missing or fails to import is reported, not fatal, so the benchmark runs while rules are written.
"""

from __future__ import annotations

import importlib
import random
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

FAMILIES = ("structure", "balance", "punctuation", "numbers", "wording")

Injector = Callable[[str, random.Random], "tuple[str, str] | None"]


@dataclass(frozen=True)
class DefectClass:
    """One class of defect: its family, its (Chinese) name and the function that injects it."""

    family: str
    name: str
    inject: Injector


@dataclass
class Gathered:
    classes: list[DefectClass] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # no module yet
    broken: dict[str, str] = field(default_factory=dict)  # family -> import error


def gather(families: tuple[str, ...] = FAMILIES) -> Gathered:
    """Every injector of every family module that imports, in family then declaration order."""
    out = Gathered()
    for family in families:
        name = f"{__name__}.{family}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                out.missing.append(family)
                continue
            out.broken[family] = traceback.format_exc(limit=3)
            continue
        except Exception:  # a family being written may not import yet: report, go on
            out.broken[family] = traceback.format_exc(limit=3)
            continue
        injectors = getattr(module, "INJECTORS", None)
        if not isinstance(injectors, dict):
            out.broken[family] = "no INJECTORS dict"
            continue
        out.present.append(family)
        for class_name, fn in injectors.items():
            out.classes.append(DefectClass(family, str(class_name), fn))
    return out


def injectors() -> dict[str, Injector]:
    """All injectors as one dict; a class name used by two families gets its family prefixed."""
    classes = gather().classes
    seen: dict[str, int] = {}
    for c in classes:
        seen[c.name] = seen.get(c.name, 0) + 1
    return {(c.name if seen[c.name] == 1 else f"{c.family}:{c.name}"): c.inject for c in classes}

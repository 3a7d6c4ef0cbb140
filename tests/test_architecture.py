"""The package map of docs/architecture.md holds: stages import only lower stages, no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TOOLKIT = Path(__file__).resolve().parent.parent / "toolkit"

# Lowest first. A module may import its own package and any package listed before it.
LAYERS = ("core", "text", "draft", "docx", "intake", "render", "check", "importer", "batch",
          "serve", "cli")


def _modules() -> dict[str, Path]:
    found = {}
    for path in TOOLKIT.rglob("*.py"):
        parts = path.relative_to(TOOLKIT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, name: str) -> set[str]:
    """Every toolkit module `path` imports, at the top or inside a function."""
    out = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", "") == "TYPE_CHECKING"
                   for n in ast.walk(block)}  # annotations only: never imported at run time
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("toolkit"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([node.module] if node.module else []))
            if not base.startswith("toolkit"):
                continue
            for alias in node.names:  # `from toolkit.docx import ooxml` imports a module
                out.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return out - {name}


MODULES = _modules()
GRAPH = {name: _imports(path, name) for name, path in MODULES.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "cli"  # toolkit/__init__ and __main__ sit with the command line
    return parts[1] if parts[1] in LAYERS else "cli"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_stage_imports_only_lower_stages(module):
    mine = LAYERS.index(_stage(module))
    upward = sorted(m for m in GRAPH[module]
                    if m != "toolkit" and LAYERS.index(_stage(m)) > mine)
    assert not upward, f"{module} ({_stage(module)}) imports higher stages: {upward}"


def test_no_import_cycles():
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH.get(m, ())):
            if n not in GRAPH or n == "toolkit":
                continue
            if state.get(n) == 1:
                cycles.append(stack[stack.index(n):] + [n])
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m)
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_every_module_says_what_it_owns():
    for name, path in MODULES.items():
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc, f"{name} has no docstring"


def test_only_the_cli_prints():
    allowed = {"toolkit.cli", "toolkit.docx.dump"}  # dump: `python -m toolkit.docx.dump`, a dev tool
    for name, path in MODULES.items():
        if name in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print":
                pytest.fail(f"{name}:{node.lineno} prints; only toolkit.cli does")

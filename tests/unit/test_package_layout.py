"""The package's layout: imports point one way (hooks -> pages -> conversion/search -> base) and
no module imports itself round a cycle, counting the imports inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from scripts import ROOT

PACKAGE = ROOT / "scripts"
# Lower layers never import higher ones; a layer's packages do not import each other.
LAYERS = {
    "scripts": 0,  # the shared base: problems, data tables, front matter, the directive interface
    "conversion": 1,
    "search": 2, "case_reports": 2, "tools": 2,
    "pages": 3, "testing": 3,
    "checks": 4, "bench": 4,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every `scripts…` module imported anywhere in the file (a `from X import name` counts as
    X.name when that is a module of the package, else X)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("scripts"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scripts"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: imports_of(path) - {name} for name, path in MODULES.items()}


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else "scripts"


def test_every_subpackage_has_a_layer() -> None:
    assert {package_of(m) for m in MODULES} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down(module: str) -> None:
    here = package_of(module)
    wrong = [target for target in sorted(GRAPH[module])
             if package_of(target) != here and LAYERS[package_of(target)] >= LAYERS[here]]
    assert wrong == [], f"{module} (layer {LAYERS[here]}) imports {wrong}"


def cycles_in(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk meets, each as the list of modules round it."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target):], target])
            elif target in graph and not state.get(target):
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if not state.get(module):
            visit(module, [module])
    return cycles


def test_no_import_cycle() -> None:
    assert cycles_in(GRAPH) == []


def test_cycle_finder_reports_the_old_convert_context_rules_cycle() -> None:
    old = dict(GRAPH)
    old["scripts.conversion.context_rules"] = GRAPH["scripts.conversion.context_rules"] | {
        "scripts.conversion.convert"}
    found = cycles_in(old)
    assert [set(cycle) for cycle in found] == [
        {"scripts.conversion.context_rules", "scripts.conversion.convert"}]

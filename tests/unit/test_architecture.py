"""The package rules of the service's layout (README, "Architecture"), checked on the import statements.

- no import cycle between packages (`app.domain.<feature>`, `app.lib`, `app.server`, ...);
- no domain module imports `app.server`; `app.lib` imports no feature;
- nothing imports Litestar's private modules (`litestar._...`) or the engine's (`app.engine.<x>._...`) outside
  the engine itself.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _package(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] == ["app", "domain"] and len(parts) >= 3:
        return ".".join(parts[:3])
    if parts[0] == "app" and len(parts) >= 2:
        return ".".join(parts[:2])
    return None


def _imports() -> list[tuple[str, str]]:
    """(importing module, imported module) for every import in `app/`."""
    found: list[tuple[str, str]] = []
    for path in APP.rglob("*.py"):
        module = ".".join(path.relative_to(APP.parent).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((module, node.module))
            elif isinstance(node, ast.Import):
                found.extend((module, alias.name) for alias in node.names)
    return found


def test_no_import_cycle_between_packages() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for source, target in _imports():
        a, b = _package(source), _package(target)
        if a and b and a != b:
            edges[a].add(b)

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            for nxt in edges[node]:
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    cycles = sorted(f"{a} <-> {b}" for a in list(edges) for b in edges[a] if reaches(b, a))
    assert not cycles
    assert "app.domain.access" in edges  # the walk really saw the packages


def test_layers_point_one_way() -> None:
    wrong = [
        f"{source} imports {target}"
        for source, target in _imports()
        if (source.startswith("app.domain.") and target.startswith("app.server"))
        or (source.startswith("app.lib") and target.startswith(("app.domain", "app.server")))
        or (not source.startswith("app.engine") and target.startswith("app.engine") and "._" in target)
        or target.startswith("litestar._")
    ]
    assert not wrong

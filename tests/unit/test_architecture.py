"""The package rules of the service's layout (README, "Architecture"), checked on the import statements.

- no import cycle between packages (`app.domain.<feature>`, `app.lib`, `app.server`, ...);
- no domain module imports `app.server`; `app.lib` imports no feature;
- nothing imports Litestar's private modules (`litestar._...`) or the engine's (`app.engine.<x>._...`) outside
  the engine itself.

Every import counts, wherever it stands: module level, inside a function (lazy imports), under `TYPE_CHECKING`,
relative (`from . import x`), `from app.domain import feature`, and the lazy `"app.x.y:attr"` strings handed to
`importlib` (the CLI's command table). A cycle through any of them still ties the packages together.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
_LAZY_TARGET = re.compile(r"^(app(?:\.\w+)+)(?::\w+)?$")


def _package(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] == ["app", "domain"] and len(parts) >= 3:
        return ".".join(parts[:3])
    if parts[0] == "app" and len(parts) >= 2:
        return ".".join(parts[:2])
    return None


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(APP.parent).with_suffix("").parts).removesuffix(".__init__")


def _exists(module: str) -> bool:
    base = APP.parent.joinpath(*module.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _targets(module: str, is_package: bool, node: ast.AST) -> list[str]:
    """The modules one AST node imports (an `import_module`/lazy string counts as an import)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:  # relative: resolved against this module's package
            anchor = module.split(".") if is_package else module.split(".")[:-1]
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, node.module] if node.module else anchor)
        else:
            base = node.module or ""
        # `from app.domain import accounts` imports the submodule `app.domain.accounts`.
        found = [f"{base}.{alias.name}" for alias in node.names if _exists(f"{base}.{alias.name}")]
        return found or [base]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        match = _LAZY_TARGET.match(node.value)
        if match and _exists(match.group(1)):
            return [match.group(1)]
    return []


def _imports() -> list[tuple[str, str]]:
    """(importing module, imported module) for every import in `app/`."""
    found: list[tuple[str, str]] = []
    for path in APP.rglob("*.py"):
        module = _module_name(path)
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text())):
            found.extend((module, target) for target in _targets(module, is_package, node))
    return found


def _package_graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for source, target in _imports():
        a, b = _package(source), _package(target)
        if a and b and a != b:
            edges[a].add(b)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan), each sorted; empty when acyclic."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(set(edges) | {n for targets in edges.values() for n in targets}):
        if node not in index:
            visit(node)
    return sorted(groups)


def _witness(edges: dict[str, set[str]], group: list[str]) -> str:
    """Which module imports which, for each edge inside a cycle (what to look at to break it)."""
    members = set(group)
    lines = [
        f"  {source} -> {target}"
        for source, target in sorted(set(_imports()))
        if _package(source) in members and _package(target) in members and _package(source) != _package(target)
    ]
    return " <-> ".join(group) + "\n" + "\n".join(lines)


def test_the_cycle_finder_finds_cycles() -> None:
    """The check itself can fail: a two-package and a three-package cycle are found, a chain is not."""
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": {"c"}}) == []


def test_the_import_walk_sees_every_kind_of_import() -> None:
    """Relative, `from app.domain import feature` and lazy string imports all resolve to modules."""
    relative = ast.parse("from . import services\nfrom ..access import guards").body
    assert _targets("app.domain.accounts.controllers", False, relative[0]) == ["app.domain.accounts.services"]
    assert _targets("app.domain.accounts.controllers", False, relative[1]) == ["app.domain.access.guards"]
    package = ast.parse("from app.domain import accounts").body[0]
    assert _targets("x", False, package) == ["app.domain.accounts"]
    lazy = ast.parse('"app.server.worker:worker"').body[0]
    assert isinstance(lazy, ast.Expr)
    assert _targets("app.cli.main", False, lazy.value) == ["app.server.worker"]


def test_no_import_cycle_between_packages() -> None:
    edges = _package_graph()
    assert "app.domain.access" in edges  # the walk really saw the packages
    assert len([p for p in edges if p.startswith("app.domain.")]) >= 10
    cycles = _cycles(edges)
    assert not cycles, "import cycles between packages:\n" + "\n".join(_witness(edges, g) for g in cycles)


def test_layers_point_one_way() -> None:
    wrong = [
        f"{source} imports {target}"
        for source, target in _imports()
        if (source.startswith("app.domain") and target.startswith("app.server"))
        or (source.startswith("app.lib") and target.startswith(("app.domain", "app.server")))
        or (source.startswith(("app.config", "app.db")) and target.startswith(("app.domain", "app.server")))
        or (not source.startswith("app.engine") and target.startswith("app.engine") and "._" in target)
        or target.startswith("litestar._")
    ]
    assert not wrong

"""The package rules of the service's layout (README, "Architecture"), checked on the syntax trees.

- no import cycle between packages (`app.domain.<feature>`, `app.lib`, `app.server`, ...);
- no domain module imports `app.server`; `app.lib` imports no feature;
- nothing imports Litestar's private modules (`litestar._...`) or the engine's (`app.engine.<x>._...`) outside
  the engine itself;
- handlers and `Provide` functions never read the services container or `app.state`: the runtime services are
  named dependencies; controllers (the API's and the console's) use the injected services, never build one;
- controllers never commit, and any other commit on the request path is the registry's or says why;
- the services container is read only by the accessors of the code Litestar calls with the app alone (guards,
  lifespans, ASGI layers), listed by hand; the MCP server and its tools get their services as arguments;
- no behaviour hangs on the names of a handler's parameters (no lookup of a signature's parameters by name);
- each feature provides its request-scoped services in its own `deps.py`.

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


# --- handlers: thin, on injected services, commits at the request boundary -------------------------------------

_ROUTE_DECORATORS = frozenset({"get", "post", "put", "patch", "delete", "head", "route"})
_CONTAINER_READERS = frozenset({"services_of", "services_in"})
_SERVICE_CLASS = re.compile(r"^(\w+Service|PromptRegistry)$")
_STILL_READS_THE_CONTAINER: dict[str, str] = {}
"""Known leftovers, by module: the handler named. A fixed one must leave this table (the test says so)."""

_WORKERS = frozenset({"app.domain.webhooks.relay", "app.domain.webhooks.delivery"})
"""Code outside requests (the webhook relay and deliveries): it owns its transactions."""


def _domain_modules() -> list[tuple[str, ast.Module, list[str]]]:
    """(module name, syntax tree, source lines) of every module under `app/domain/`."""
    found = []
    for path in sorted((APP / "domain").rglob("*.py")):
        text = path.read_text()
        found.append((_module_name(path), ast.parse(text), text.splitlines()))
    return found


def _is_controllers(module: str) -> bool:
    return "controllers" in module.split(".")


def _decorator_name(node: ast.expr) -> str | None:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    return None


def _handlers_and_providers(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Route handlers (`@get`, `@post`, ...) and the functions a `Provide(...)` of the module wraps."""
    provided = {
        node.args[0].id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _decorator_name(node.func) == "Provide"
        and node.args
        and isinstance(node.args[0], ast.Name)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and (node.name in provided or any(_decorator_name(d) in _ROUTE_DECORATORS for d in node.decorator_list))
    ]


def _reads_the_container(function: ast.AST) -> list[str]:
    """How a function reaches the runtime services itself: `services_of(...)`, `services_in(...)`, `x.app`."""
    reads = []
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and _decorator_name(node.func) in _CONTAINER_READERS:
            reads.append(f"{_decorator_name(node.func)}() at line {node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr == "app":
            reads.append(f".app at line {node.lineno}")
    return reads


def test_the_handler_checks_see_what_they_look_for() -> None:
    """The walks below can fail: they find a handler, a provider, a container read, a service built by hand."""
    tree = ast.parse(
        "@get('/')\nasync def h(request):\n    return services_of(request.app).get(X)\n"
        "def p(request):\n    return WorkspaceService(request)\nD = {'x': Provide(p)}\n"
    )
    found = {f.name: f for f in _handlers_and_providers(tree)}
    assert set(found) == {"h", "p"}
    assert _reads_the_container(found["h"]) == ["services_of() at line 3", ".app at line 3"]
    calls = [n for n in ast.walk(found["p"]) if isinstance(n, ast.Call)]
    assert any(_SERVICE_CLASS.match(_decorator_name(c.func) or "") for c in calls)


def test_handlers_receive_runtime_services_through_dependencies() -> None:
    """No handler or `Provide` function reads the services container or `app.state` itself: what it needs is a
    named dependency (`RUNTIME_DEPENDENCIES` in app/server/services.py). Guards, lifespans and ASGI layers have no
    dependency injection and go through the accessors of `_CONTAINER_ACCESSORS`."""
    wrong: list[str] = []
    leftovers: dict[str, str] = {}
    handlers_seen = 0
    for module, tree, _ in _domain_modules():
        for function in _handlers_and_providers(tree):
            handlers_seen += 1
            reads = _reads_the_container(function)
            if reads and _STILL_READS_THE_CONTAINER.get(module) == function.name:
                leftovers[module] = function.name
            elif reads:
                wrong.append(f"{module}.{function.name}: {', '.join(reads)}")
        if _is_controllers(module):
            imported = {
                alias.name
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module == "app.lib.services"
                for alias in node.names
            }
            if imported and module not in _STILL_READS_THE_CONTAINER:
                wrong.append(f"{module} imports {sorted(imported)} from app.lib.services")
    assert handlers_seen > 100  # the walk really saw the API's and the console's handlers
    assert not wrong, "handlers reaching into the services container:\n" + "\n".join(wrong)
    assert leftovers == _STILL_READS_THE_CONTAINER, "fixed: remove it from _STILL_READS_THE_CONTAINER"


def test_controllers_use_the_injected_services() -> None:
    """Controllers (the API's and the console's) name their services as dependencies (`workspaces`,
    `api_keys`, `registry`, ...); none builds one by hand on the session."""
    wrong = [
        f"{module}:{node.lineno} builds {_decorator_name(node.func)}"
        for module, tree, _ in _domain_modules()
        if _is_controllers(module)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _SERVICE_CLASS.match(_decorator_name(node.func) or "")
    ]
    assert not wrong, "\n".join(wrong)


def test_commits_are_the_request_boundarys_or_explained() -> None:
    """Services flush and the request boundary commits (`app.lib.transactions`, before the response starts).
    Controllers never commit; elsewhere on the request path a commit is the registry's (`registry.commit()`, which
    holds the prompt's row lock and publishes the events) or carries a comment saying why (on its line or the two
    above)."""
    wrong = []
    commits_seen = 0
    for module, tree, lines in _domain_modules():
        if module in _WORKERS:
            continue
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _decorator_name(node.func) == "commit"):
                continue
            commits_seen += 1
            where = f"{module}:{node.lineno}"
            if _is_controllers(module):
                wrong.append(f"{where}: a controller commits")
                continue
            receiver = ast.unparse(node.func.value) if isinstance(node.func, ast.Attribute) else ""
            inside = [f.name for f in functions if f.lineno <= node.lineno <= (f.end_lineno or f.lineno)]
            if receiver in {"registry", "self.registry"} or "commit" in inside:
                continue
            if receiver == "self" and module.startswith("app.domain.prompts.services."):
                continue  # PromptRegistry's own write paths
            explained = any("#" in line for line in lines[max(0, node.lineno - 3) : node.lineno])
            if not explained:
                wrong.append(f"{where}: `{ast.unparse(node)}` without a comment saying why")
    assert commits_seen >= 5
    assert not wrong, "\n".join(wrong)


def test_each_feature_declares_its_dependencies_in_deps() -> None:
    """One vocabulary: a feature's request-scoped services are provided (`Provide(...)`) in its `deps.py`,
    next to `controllers`, `services` and `schemas`; the app-wide runtime ones in app/server/services.py."""
    wrong = [
        f"{module}:{node.lineno}"
        for module, tree, _ in _domain_modules()
        if not module.endswith(".deps")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _decorator_name(node.func) == "Provide"
    ]
    assert not wrong, "Provide(...) outside a feature's deps.py:\n" + "\n".join(wrong)


# --- who reads the services container ----------------------------------------------------------------------------

_CONTAINER_ACCESSORS: dict[str, set[str]] = {
    "app.domain.access.runtime": {"access_runtime"},  # the guards, the rate-limit lifespan
    "app.domain.access.replay": {"bind_replay_access"},  # the access objects the three replay layers bind once
    "app.domain.delivery.cache": {"get_resolve_cache"},  # the resolve fast path (an ASGI layer)
    "app.domain.delivery.fastpath": {"_bind", "get_fastpath_cache"},  # the fast path binds its objects once
    "app.domain.generation.fastpath": {"get_generate_fastpath"},  # the generate fast path
    "app.domain.prompts.fastpath": {"_bind"},  # the list fast path, likewise
    "app.domain.generation.llm": {"llm_lifespan"},
    "app.domain.mcp.http": {"mcp_runtime"},  # the `/mcp` mount, its guard, its lifespan, the stdio entry point
    "app.domain.system.metrics": {"metrics_token_guard"},
    "app.domain.webhooks.runtime": {"webhook_runtime"},  # the relay's lifespan
}
"""The functions under `app/domain/` that read the services container (`services_of`/`services_in`), by module.
Each serves code Litestar calls with the app alone; anything else gets its services as dependencies or
arguments."""

_MCP_SERVER_MODULES = ("server", "tools", "prompts", "workspace", "notifications", "errors")
"""`app.domain.mcp` modules that run inside the SDK's handlers: they get `McpServices` as an argument."""


def _container_readers() -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for module, tree, _ in _domain_modules():
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if any(
                isinstance(node, ast.Call) and _decorator_name(node.func) in _CONTAINER_READERS
                for node in ast.walk(function)
            ):
                found[module].add(function.name)
    return dict(found)


def test_the_container_is_read_by_the_listed_accessors_only() -> None:
    assert _container_readers() == _CONTAINER_ACCESSORS


def test_the_mcp_server_gets_its_services_as_arguments() -> None:
    """The SDK has no dependency injection: the server, its prompts and its tools use the `McpServices` handed to
    the runtime where the app's services are built. None of them reaches for the app, an accessor or the
    container."""
    wrong = []
    seen = 0
    for module, tree, _ in _domain_modules():
        if module.rsplit(".", 1)[-1] not in _MCP_SERVER_MODULES or not module.startswith("app.domain.mcp."):
            continue
        seen += 1
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "app":
                wrong.append(f"{module}:{node.lineno} reads `.app`")
            elif isinstance(node, ast.Call) and (name := _decorator_name(node.func) or "").endswith("_runtime"):
                wrong.append(f"{module}:{node.lineno} calls {name}()")
            elif isinstance(node, ast.ImportFrom) and node.module in {"app.lib.services", "litestar"}:
                wrong.append(f"{module}:{node.lineno} imports from {node.module}")
    assert seen == len(_MCP_SERVER_MODULES)
    assert not wrong, "\n".join(wrong)


# --- no behaviour on parameter names -----------------------------------------------------------------------------

_SIGNATURE = re.compile(r"signature|fn_args|kwargs_model", re.IGNORECASE)


def _by_parameter_name(tree: ast.AST) -> list[int]:
    """Lines that pick a handler's parameter by name: `<signature>.parameters["x"]`, `.get("x")`, `"x" in
    <signature>.parameters`, and `<param>.name == "x"` inside a loop over a signature's parameters."""

    def is_signature_parameters(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Attribute)
            and node.attr == "parameters"
            and bool(_SIGNATURE.search(ast.unparse(node.value)))
        )

    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and is_signature_parameters(node.value):
            if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            if is_signature_parameters(node.func.value) and node.args and isinstance(node.args[0], ast.Constant):
                lines.append(node.lineno)
        elif isinstance(node, ast.Compare) and any(is_signature_parameters(c) for c in node.comparators):
            if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
                lines.append(node.lineno)
        elif isinstance(node, ast.For) and is_signature_parameters(
            node.iter.func.value
            if isinstance(node.iter, ast.Call) and isinstance(node.iter.func, ast.Attribute)
            else node.iter
        ):
            lines += [
                inner.lineno
                for inner in ast.walk(node)
                if isinstance(inner, ast.Compare)
                and isinstance(inner.left, ast.Attribute)
                and inner.left.attr == "name"
                and any(isinstance(c, ast.Constant) and isinstance(c.value, str) for c in inner.comparators)
            ]
    return sorted(lines)


def test_the_parameter_name_check_finds_lookups_by_name() -> None:
    found = _by_parameter_name(
        ast.parse(
            'a = handler.parsed_fn_signature.parameters["data"]\n'
            'b = handler.parsed_fn_signature.parameters.get("caller")\n'
            'c = "ctx" in inspect.signature(fn).parameters\n'
            "for p in inspect.signature(fn).parameters.values():\n"
            '    if p.name == "workspace_ctx":\n'
            "        pass\n"
            "d = [f for f in handler.parsed_fn_signature.parameters.values() if f.has_default]\n"
        )
    )
    assert found == [1, 2, 3, 5]


def test_no_behaviour_hangs_on_parameter_names() -> None:
    """Guards, dependencies and the OpenAPI document follow what routes declare (routers, `opt`, types, the
    operation Litestar built), never what a handler's parameters are called."""
    wrong = [
        f"{_module_name(path)}:{line}"
        for path in sorted(APP.rglob("*.py"))
        if "engine" not in path.relative_to(APP).parts[:1]
        for line in _by_parameter_name(ast.parse(path.read_text()))
    ]
    assert not wrong, "parameters picked by name:\n" + "\n".join(wrong)


def _rebound_names(source: str) -> list[str]:
    """Module-level names bound twice, where the second binding does not build on the first (`X = wrap(X)` does)."""
    bound: set[str] = set()
    rebound: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            used = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)} if node.value is not None else set()
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names, used = [node.name], set()
        else:
            continue
        rebound.extend(name for name in names if name in bound and name not in used)
        bound.update(names)
    return rebound


def test_the_rebinding_check_finds_a_shadowed_constant() -> None:
    assert _rebound_names("A = 1\ndef f(): return A\nA = 2\n") == ["A"]
    assert _rebound_names("A = compile('x')\nA = wrap(A)\n") == []


def test_no_module_constant_is_silently_rebound() -> None:
    # A second `_ITEM_NUMBER = …` further down plan.py once replaced the pattern that an earlier function used.
    found = {
        str(path): names
        for path in sorted(APP.rglob("*.py"))
        if (names := _rebound_names(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_no_module_uses_pydantic() -> None:
    # The app class leaves out Litestar's Pydantic plugins (`EdgeApp._get_default_plugins`, 2 MB per worker): a
    # Pydantic model in a handler, a dependency or a schema would need them back.
    users = sorted({module for module, target in _imports() if target.split(".")[0] == "pydantic"})
    assert users == []

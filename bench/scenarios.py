"""The load scenarios: what each sends, to which app instance, and how it is found in the OpenAPI document.

Endpoints are looked up by operationId in the running app's `/schema/openapi.json`, so a scenario whose
endpoint has not landed yet is reported as "not available (endpoint missing)" instead of failing the run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.infra import Request
from bench.seed import HOT_PROMPT, WRITE_POOL, WRITE_POOL_PREFIX, WRITE_PROMPT, Account

BRIEF = {
    "task": "Answer support tickets for Acme's billing app in Spanish, in a friendly tone. Escalate refunds "
    "over $500 and never promise delivery dates.",
    "audience": "small-business owners",
    "constraints": ["Cite the help-centre article you used", "Keep answers under 150 words"],
    "target": "claude",
}

LINT_BRIEFS = [
    "A coding assistant that helps Python developers debug stack traces and write unit tests",
    "Extract the invoice number, vendor, date and total from invoices as JSON",
    "A patient math tutor for high school students that uses the Socratic method",
    "Review pull requests for security vulnerabilities and bugs before merge",
    "Summarise long legal contracts for busy managers, flagging unusual clauses",
    "A customer service chatbot for Globex Airlines that handles baggage and refund complaints",
    "Translate product descriptions from English into German for an online store",
    "An SQL assistant that writes PostgreSQL queries for data analysts",
]


def lint_prompt_20kb(size: int = 20_000) -> str:
    """A realistic ~20 KB system prompt: the engine's own prompts for several briefs, concatenated."""
    parts: list[str] = []
    try:
        from app.engine import Brief, generate

        for task in LINT_BRIEFS:
            parts.append(generate(Brief(task=task)).prompt)
    except Exception:  # noqa: BLE001 - engine not importable: a plain but sizeable prompt
        parts = [
            f"## Section {i}\nYou are a careful assistant. Follow rule {i}: answer {{{{question}}}} precisely, "
            "cite sources, never invent facts, and ask for clarification when the request is ambiguous.\n"
            for i in range(200)
        ]
    out = ""
    i = 0
    while len(out) < size:
        out += parts[i % len(parts)] + "\n\n"
        i += 1
    cut = out.rfind("\n", 0, size)
    return out[: cut if cut > size * 0.9 else size]


# --- OpenAPI discovery -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    params: frozenset[str]


def discover(base_url: str) -> dict[str, Operation]:
    """operationId -> (method, path template, parameter names) from the running app's OpenAPI document."""
    doc = httpx.get(base_url + "/schema/openapi.json", timeout=30).raise_for_status().json()
    ops: dict[str, Operation] = {}
    for path, item in doc.get("paths", {}).items():
        shared = [p.get("name") for p in item.get("parameters", []) if isinstance(p, dict)]
        for method, op in item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            names = shared + [p.get("name") for p in op.get("parameters", []) if isinstance(p, dict)]
            ops[op["operationId"]] = Operation(method.upper(), path, frozenset(n for n in names if n))
    return ops


def find_resolve(ops: dict[str, Operation]) -> Operation | None:
    for op_id, op in sorted(ops.items()):
        if op.method == "GET" and "resolve" in op_id.lower():
            return op
    return None


def fill(template: str, **values: str) -> str:
    def sub(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[0]
        if name not in values:
            raise KeyError(name)
        return values[name]

    return re.sub(r"\{([^}]+)\}", sub, template)


# --- scenarios ---------------------------------------------------------------------------------------------


@dataclass
class Context:
    ops: dict[str, Operation]
    account: Account | None
    lint_body: bytes = b""
    hot_ready: bool = False
    write_ready: bool = False
    write_pool_ready: bool = False
    notes: list[str] = field(default_factory=list)


class Unavailable(Exception):
    """The scenario cannot run; str() is the reason shown in the report."""


def _op(ctx: Context, op_id: str) -> Operation:
    op = ctx.ops.get(op_id)
    if op is None:
        raise Unavailable(f"not available (endpoint missing: {op_id})")
    return op


def _account(ctx: Context) -> Account:
    if ctx.account is None:
        raise Unavailable("not available (endpoint missing: accounts / API keys)")
    return ctx.account


def _resolve_request(ctx: Context) -> Request:
    op = find_resolve(ctx.ops)
    if op is None:
        raise Unavailable("not available (endpoint missing: resolve)")
    account = _account(ctx)
    if not ctx.hot_ready:
        raise Unavailable("not available (endpoint missing: prompt / version creation)")
    path = fill(op.path, workspace=account.workspace, name=HOT_PROMPT)
    if "label" in op.params:
        path += "?label=production"
    return Request("GET", path, headers=account.key_headers)


def _health(ctx: Context) -> Request:
    op = _op(ctx, "healthLive")
    return Request(op.method, op.path)


def _list_prompts(ctx: Context) -> Request:
    op = _op(ctx, "listPrompts")
    account = _account(ctx)
    path = fill(op.path, workspace=account.workspace).rstrip("/") + "?limit=50"
    return Request("GET", path, headers=account.key_headers)


def _create_version(ctx: Context) -> Request:
    op = _op(ctx, "createPromptVersion")
    account = _account(ctx)
    if not ctx.write_ready:
        raise Unavailable("not available (endpoint missing: prompt creation)")
    path = fill(op.path, workspace=account.workspace, name=WRITE_PROMPT)
    return Request(
        "POST", path, headers={**account.key_headers, "Content-Type": "application/json"}, script="create_version.lua"
    )


def _create_version_distinct(ctx: Context) -> Request:
    """The same POST, round robin over `WRITE_POOL` prompts: concurrent writers never share a prompt's row lock."""
    op = _op(ctx, "createPromptVersion")
    account = _account(ctx)
    if not ctx.write_pool_ready:
        raise Unavailable("not available (endpoint missing: prompt creation)")
    path_fmt = fill(op.path, workspace=account.workspace, name=WRITE_POOL_PREFIX + "%07d")
    return Request(
        "POST",
        path_fmt % 0,
        headers={**account.key_headers, "Content-Type": "application/json"},
        script="create_version_distinct.lua",
        script_env={"BENCH_WRITE_PATH_FMT": path_fmt, "BENCH_WRITE_PROMPTS": str(WRITE_POOL)},
    )


def _generate(ctx: Context) -> Request:
    op = _op(ctx, "generatePrompt")
    account = _account(ctx)
    return Request(
        op.method,
        op.path,
        headers={**account.key_headers, "Content-Type": "application/json"},
        body=json.dumps(BRIEF).encode(),
    )


def _lint(ctx: Context) -> Request:
    op = _op(ctx, "lintPrompt")
    account = _account(ctx)
    return Request(
        op.method, op.path, headers={**account.key_headers, "Content-Type": "application/json"}, body=ctx.lint_body
    )


def _keyed_read(ctx: Context) -> Request:
    """The cheapest API-key read there is (resolve when it exists, else get-workspace)."""
    try:
        return _resolve_request(ctx)
    except Unavailable:
        op = _op(ctx, "getWorkspace")
        account = _account(ctx)
        return Request("GET", fill(op.path, workspace=account.workspace), headers=account.key_headers)


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    instance: str  # main | nocache | limited | nolimit | metrics
    build: Callable[[Context], Request]
    database: bool = False
    """Served from PostgreSQL on every request: also reported as a ratio to the asyncpg reference app."""


SCENARIOS: list[Scenario] = [
    Scenario("health_live", "GET /health/live", "main", _health),
    Scenario("resolve_cached", "resolve (cache on)", "main", _resolve_request),
    Scenario("resolve_uncached", "resolve (RESOLVE_CACHE_ENABLED=false)", "nocache", _resolve_request, database=True),
    Scenario("list_prompts", "list prompts, page of 50 of 10 000", "main", _list_prompts, database=True),
    Scenario("create_version", "POST a version, 32 writers on one prompt", "main", _create_version, database=True),
    Scenario(
        "create_version_distinct",
        f"POST a version, round robin over {WRITE_POOL} prompts",
        "main",
        _create_version_distinct,
        database=True,
    ),
    Scenario("generate", "POST /generate (deterministic)", "main", _generate),
    Scenario("lint_20kb", "POST /lint, 20 KB prompt", "main", _lint),
    Scenario("read_ratelimited", "API-key read, rate limit on", "limited", _keyed_read),
    Scenario("read_unlimited", "same read, rate limit off (reference)", "nolimit", _keyed_read),
    Scenario("resolve_metrics", "resolve (cache on, METRICS=open)", "metrics", _resolve_request),
]
SCENARIO_NAMES = [s.name for s in SCENARIOS]


def select(names: list[str] | None) -> list[Scenario]:
    if not names:
        return list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIO_NAMES]
    if unknown:
        raise SystemExit(f"unknown scenario(s): {', '.join(unknown)}; choose from {', '.join(SCENARIO_NAMES)}")
    chosen = [s for s in SCENARIOS if s.name in names]
    # The rate-limit cost needs its reference.
    if any(s.name == "read_ratelimited" for s in chosen) and not any(s.name == "read_unlimited" for s in chosen):
        chosen.append(next(s for s in SCENARIOS if s.name == "read_unlimited"))
    if any(s.name == "resolve_metrics" for s in chosen) and not any(s.name == "resolve_cached" for s in chosen):
        chosen.insert(0, next(s for s in SCENARIOS if s.name == "resolve_cached"))  # its reference (metrics off)
    return chosen


def describe(result: dict[str, Any]) -> str:
    return json.dumps(result)

"""`python -m bench.growth [--sizes 1000 100000 1000000] [--quick]`: resolve and list latency as versions grow.

One workspace (a "big tenant") grows in stages to the given total numbers of prompt versions, seeded in bulk
with `INSERT ... SELECT ... FROM generate_series` (10 versions per prompt, a `production` label on each), plus
a hot prompt whose own history grows to 1% of the total (at least `HOT_MIN` versions: two pages) while its
`production` label stays on version 1.
At each stage wrk measures, on the same running servers:

- resolve with the cache disabled (every request reaches the database) and with the cache on;
- list prompts (a page of 50) and list the hot prompt's versions (a page of 50).

Target (read, not asserted): p99 at the largest size <= 1.2 x p99 at the smallest, per scenario.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bench import report
from bench.infra import (
    HarnessError,
    Placement,
    Request,
    Server,
    app_database_url,
    app_env,
    clear_redis_namespace,
    drop_database,
    migrate,
    recreate_database,
    require_wrk,
    run_wrk,
)
from bench.scenarios import discover, fill, find_resolve
from bench.seed import HOT_PROMPT, _table, create_account, create_prompt_http, insert_select_sql

DATABASE = "promptsmith_bench_growth"
NAMESPACE = "promptsmith-bench-growth"
VERSIONS_PER_PROMPT = 10
HOT_SHARE = 0.01
HOT_MIN = 100
"""The hot prompt's versions at the smallest stages: at 1% of 1 000 it had 10, so the 1 000 stage's version list
returned a page of 10 and every larger stage a page of 50, and the growth ratio compared page sizes, not sizes of
the history (same statement, same index range scan: `bench/results/perf19b-notes.md`)."""
GROWTH_LIMIT = 1.2
"""p99 at the largest size over p99 at the smallest, per scenario (issue #15)."""


def log(message: str) -> None:
    print(f"[growth] {message}", file=sys.stderr, flush=True)  # noqa: T201


async def _count(engine: AsyncEngine, sql: str, **params: Any) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text(sql), params)).scalar_one())


async def grow_to(engine: AsyncEngine, workspace_id: str, hot_id: str, total: int) -> dict[str, Any]:
    """Add bulk prompts/versions and hot-prompt versions until prompt_version holds about `total` rows."""
    prompt_t, version_t, label_t = _table("prompt"), _table("prompt_version"), _table("prompt_label")
    started = time.perf_counter()
    current = await _count(engine, "SELECT count(*) FROM prompt_version")
    hot_now = await _count(engine, "SELECT version_count FROM prompt WHERE id = :id", id=uuid.UUID(hot_id))
    hot_target = max(hot_now, int(total * HOT_SHARE), HOT_MIN)
    bulk_needed = max(0, total - current - (hot_target - hot_now))
    first = await _count(engine, "SELECT count(*) FROM prompt WHERE name LIKE 'g-%'") + 1
    last = first + bulk_needed // VERSIONS_PER_PROMPT - 1
    ws = f"'{uuid.UUID(workspace_id)}'::uuid"
    name_expr = "'g-' || lpad(g::text, 8, '0')"
    async with engine.begin() as conn:
        if last >= first:
            await conn.exec_driver_sql(
                insert_select_sql(
                    prompt_t,
                    {
                        "workspace_id": ws,
                        "name": name_expr,
                        "description": "''",
                        "kind": "'text'",
                        "archived": "false",
                        "version_count": str(VERSIONS_PER_PROMPT),
                        "revision": "1",
                    },
                    f"generate_series({first}, {last}) g",
                )
            )
            in_range = (
                f"p.workspace_id = {ws} AND p.name >= 'g-{first:08d}' AND p.name <= 'g-{last:08d}' "
                "AND p.name LIKE 'g-%'"
            )
            await conn.exec_driver_sql(
                insert_select_sql(
                    version_t,
                    {
                        "prompt_id": "p.id",
                        "version": "v",
                        "text": "'You are the assistant of team ' || p.name || '. Revision ' || v || "
                        "'. Answer questions about {{topic}} briefly and cite sources.'",
                        "commit_message": "'seed'",
                        "author_type": "'user'",
                        "author_label": "'bench'",
                        "source": "'imported'",
                        "content_hash": "md5(p.name || ':' || v) || md5(v || ':' || p.name)",
                    },
                    f"prompt p CROSS JOIN generate_series(1, {VERSIONS_PER_PROMPT}) v WHERE {in_range}",
                )
            )
            await conn.exec_driver_sql(
                insert_select_sql(
                    label_t,
                    {"prompt_id": "p.id", "name": "'production'", "version": str(VERSIONS_PER_PROMPT)},
                    f"prompt p WHERE {in_range}",
                )
            )
        if hot_target > hot_now:
            hot = f"'{uuid.UUID(hot_id)}'::uuid"
            await conn.exec_driver_sql(
                insert_select_sql(
                    version_t,
                    {
                        "prompt_id": hot,
                        "version": "v",
                        "text": "'You are the support assistant for Acme. Revision ' || v || '. About {{topic}}.'",
                        "commit_message": "'seed'",
                        "author_type": "'user'",
                        "author_label": "'bench'",
                        "source": "'imported'",
                        "content_hash": "md5('hot:' || v) || md5(v || ':hot')",
                    },
                    f"generate_series({hot_now + 1}, {hot_target}) v",
                )
            )
            await conn.execute(
                text("UPDATE prompt SET version_count = :n WHERE id = :id"), {"n": hot_target, "id": uuid.UUID(hot_id)}
            )
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE"))
    versions = await _count(engine, "SELECT count(*) FROM prompt_version")
    prompts = await _count(engine, "SELECT count(*) FROM prompt")
    return {
        "versions": versions,
        "prompts": prompts,
        "hot_versions": hot_target,
        "seed_seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.growth", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", nargs="+", type=int, help="total versions per stage (default 1000 100000 1000000)")
    parser.add_argument("--quick", action="store_true", help="sizes 1000 and 100000, short runs")
    parser.add_argument("--duration", type=float, help="seconds per wrk run (default 2 quick, 5 full)")
    parser.add_argument("--rounds", type=int, help="runs per scenario and stage (default 2 quick, 3 full)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes or ([1_000, 100_000] if args.quick else [1_000, 100_000, 1_000_000]))
    duration = args.duration or (2.0 if args.quick else 5.0)
    rounds = args.rounds or (2 if args.quick else 3)
    try:
        require_wrk()
    except HarnessError as err:
        print(f"bench: {err}", file=sys.stderr)  # noqa: T201
        return 2
    placement = Placement.detect()
    log(f"sizes {sizes}; {placement.note}")
    t0 = time.perf_counter()
    database_url = app_database_url(DATABASE)
    asyncio.run(recreate_database(DATABASE))
    migrate(database_url)
    asyncio.run(clear_redis_namespace(NAMESPACE))
    servers = {
        "main": Server(
            "main", "app.server.asgi:create_app", True, app_env(database_url, NAMESPACE), "/health/live", placement
        ),
        "nocache": Server(
            "nocache",
            "app.server.asgi:create_app",
            True,
            app_env(database_url, NAMESPACE, RESOLVE_CACHE_ENABLED="false"),
            "/health/live",
            placement,
        ),
    }
    stages: list[dict[str, Any]] = []
    doc: dict[str, Any] = {"meta": {}, "stages": stages, "notes": []}
    code = 0
    try:
        for server in servers.values():
            server.start()
        ops = discover(servers["main"].base_url)
        resolve_op = find_resolve(ops)
        missing = [
            n for n in ("createPrompt", "createPromptVersion", "listPrompts", "listPromptVersions") if n not in ops
        ]
        if resolve_op is None or missing:
            raise HarnessError(f"not available (endpoint missing: {', '.join(missing or ['resolve'])})")
        account = asyncio.run(create_account(servers["main"].base_url))
        asyncio.run(create_prompt_http(servers["main"].base_url, account, HOT_PROMPT, labels=["production"]))
        resolve_path = fill(resolve_op.path, workspace=account.workspace, name=HOT_PROMPT) + "?label=production"
        list_path = fill(ops["listPrompts"].path, workspace=account.workspace).rstrip("/") + "?limit=50"
        versions_path = fill(ops["listPromptVersions"].path, workspace=account.workspace, name=HOT_PROMPT) + "?limit=50"
        plan = {
            "resolve_uncached": ("nocache", Request("GET", resolve_path, headers=account.key_headers)),
            "resolve_cached": ("main", Request("GET", resolve_path, headers=account.key_headers)),
            "list_prompts": ("main", Request("GET", list_path, headers=account.key_headers)),
            "list_versions": ("main", Request("GET", versions_path, headers=account.key_headers)),
        }

        async def hot_id() -> str:
            engine = create_async_engine(database_url)
            try:
                return str(await _count_id(engine, account.workspace_id))
            finally:
                await engine.dispose()

        hot = asyncio.run(hot_id())
        for size in sizes:

            async def seed(size: int = size) -> dict[str, Any]:
                engine = create_async_engine(database_url)
                try:
                    return await grow_to(engine, account.workspace_id, hot, size)
                finally:
                    await engine.dispose()

            info = asyncio.run(seed())
            log(f"stage {size}: {info}")
            stage: dict[str, Any] = {"size": size, **info, "scenarios": {}}
            for name, (instance, request) in plan.items():
                run_wrk(
                    servers[instance].base_url,
                    request,
                    duration=1,
                    connections=args.connections,
                    threads=1,
                    placement=placement,
                )  # warm-up
                results = [
                    run_wrk(
                        servers[instance].base_url,
                        request,
                        duration=duration,
                        connections=args.connections,
                        threads=1,
                        placement=placement,
                        timeout=10,
                    ).as_dict()
                    for _ in range(rounds)
                ]
                agg = {
                    "rps": round(statistics.median(r["rps"] for r in results), 1),
                    "p50_ms": round(statistics.median(r["p50_ms"] for r in results), 3),
                    "p99_ms": round(statistics.median(r["p99_ms"] for r in results), 3),
                    "non2xx": sum(r["non2xx"] for r in results),
                    "errors": sum(r["errors"] for r in results),
                }
                stage["scenarios"][name] = agg
                log(f"  {name}: {agg}")
            stages.append(stage)
        doc["rss_mb"] = {name: server.rss_mb() for name, server in servers.items()}
    except HarnessError as err:
        log(f"error: {err}")
        doc["notes"].append(str(err))
        code = 1
    finally:
        for server in servers.values():
            server.stop()
    if not args.keep_db:
        asyncio.run(drop_database(DATABASE))
    asyncio.run(clear_redis_namespace(NAMESPACE))
    doc["targets"] = growth_targets(stages)
    doc["meta"] = {
        "sizes": sizes,
        "duration": duration,
        "rounds": rounds,
        "connections": args.connections,
        "placement": placement.note,
        "elapsed_s": round(time.perf_counter() - t0, 1),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    doc["_markdown"] = growth_markdown(doc)
    json_path, md_path = report.write(doc, "growth")
    print(doc["_markdown"])  # noqa: T201
    log(f"wrote {json_path} and {md_path}")
    return code


async def _count_id(engine: AsyncEngine, workspace_id: str) -> uuid.UUID:
    async with engine.connect() as conn:
        row = await conn.execute(
            text("SELECT id FROM prompt WHERE workspace_id = :ws AND name = :name"),
            {"ws": uuid.UUID(workspace_id), "name": HOT_PROMPT},
        )
        return uuid.UUID(str(row.scalar_one()))


def growth_targets(stages: list[dict[str, Any]]) -> dict[str, Any]:
    if len(stages) < 2:
        return {}
    first, last = stages[0], stages[-1]
    out = {}
    for name, r in last["scenarios"].items():
        base = first["scenarios"].get(name, {}).get("p99_ms")
        ratio = round(r["p99_ms"] / base, 2) if base else None
        out[name] = {
            "p99_small_ms": base,
            "p99_large_ms": r["p99_ms"],
            "ratio": ratio,
            "threshold": GROWTH_LIMIT,
            "verdict": "n/a" if ratio is None else ("pass" if ratio <= GROWTH_LIMIT else "miss"),
        }
    return out


def growth_markdown(doc: dict[str, Any]) -> str:
    stages = doc["stages"]
    lines = [
        f"# Promptsmith growth benchmark — {doc['meta']['started']}",
        "",
        f"{doc['meta']['placement']}; wrk -t1 -c{doc['meta']['connections']} -d{doc['meta']['duration']}s, "
        f"median of {doc['meta']['rounds']} runs per cell.",
        "",
    ]
    if stages:
        header = "| scenario | " + " | ".join(f"{s['size']:,} versions: req/s, p50, p99 ms" for s in stages) + " |"
        lines += [header, "|---|" + "---|" * len(stages)]
        for name in stages[0]["scenarios"]:
            cells = []
            for s in stages:
                r = s["scenarios"].get(name)
                cells.append(
                    ""
                    if r is None
                    else f"{r['rps']:.0f}, {r['p50_ms']:.2f}, {r['p99_ms']:.2f}"
                    + (f" ({r['non2xx']} non-2xx)" if r["non2xx"] else "")
                )
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += ["", "| stage | versions | prompts | hot prompt versions | seed s |", "|---:|---:|---:|---:|---:|"]
        lines += [
            f"| {s['size']:,} | {s['versions']:,} | {s['prompts']:,} | {s['hot_versions']:,} | {s['seed_seconds']} |"
            for s in stages
        ]
    if doc["targets"]:
        lines += [
            "",
            f"## Target: p99 at the largest size <= {GROWTH_LIMIT} x p99 at the smallest",
            "",
            "| scenario | p99 small ms | p99 large ms | ratio | verdict |",
            "|---|---:|---:|---:|---|",
        ]
        lines += [
            f"| {n} | {t['p99_small_ms']} | {t['p99_large_ms']} | {t['ratio']} | {t['verdict']} |"
            for n, t in doc["targets"].items()
        ]
    if doc.get("rss_mb"):
        lines += ["", "Resident memory after the run: " + ", ".join(f"{k} {v} MB" for k, v in doc["rss_mb"].items())]
    if doc["notes"]:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in doc["notes"]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())

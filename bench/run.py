"""`python -m bench.run [--quick] [--scenarios NAME ...]`: load the app and a bare Litestar app with wrk.

What it does, in order:

1. Checks for wrk (prints how to install it and exits 2 if missing; installs nothing).
2. (Re)creates the database `promptsmith_bench` through the admin connection, migrates it, clears the Redis
   namespace `promptsmith-bench`.
3. Starts, each with `uvicorn --workers 1 --no-access-log --loop uvloop --http httptools --log-level warning`
   pinned to the server core: the bare app, the asyncpg reference (`bench/pg_app.py`: one query by primary
   key through a pool), the app (ENVIRONMENT=production), a second app instance with
   RESOLVE_CACHE_ENABLED=false, a third with the API-key rate limit off (the reference for its cost) and a
   fourth with METRICS=open (the cached resolve with metrics on, against the main instance's metrics off).
4. Sets up an account, workspace and API key over HTTP, two prompts over HTTP, and 10 000 prompts in bulk SQL.
5. Warms up, then runs interleaved rounds: bare, [asyncpg reference for database-backed scenarios,] scenario,
   ... with wrk on the other core.
6. Reads each server's VmRSS (also once ready, before first use), stops the servers, times `--help` and the
   cold start of `serve`, runs the engine microbenchmarks pinned to the server core.
7. Prints the table and writes bench/results/bench-<timestamp>.{json,md} (and bench-latest.*).

Targets are reported (pass / miss), not asserted; `--strict` makes a missed target exit 1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import create_async_engine

from app.config.settings import Settings
from bench import report, scenarios
from bench.infra import (
    PG_SPARE,
    HarnessError,
    Placement,
    Request,
    Server,
    WrkResult,
    app_database_url,
    app_env,
    asyncpg_dsn,
    clear_redis_namespace,
    drop_database,
    fit_pool_size,
    migrate,
    pg_headroom,
    recreate_database,
    require_wrk,
    run_wrk,
)
from bench.metrics_overhead import measure as measure_metrics_overhead
from bench.micro import run_micro
from bench.ratelimit_overhead import measure as measure_ratelimit_overhead
from bench.seed import (
    HOT_PROMPT,
    WRITE_POOL,
    WRITE_POOL_PREFIX,
    WRITE_PROMPT,
    SetupError,
    bulk_prompts,
    create_account,
    create_prompt_http,
)
from bench.startup import cli_help_seconds, create_reference_table, serve_cold_start_seconds

DATABASE = "promptsmith_bench"
NAMESPACE = "promptsmith-bench"
LIST_PROMPTS = 10_000
APP_POOL_SIZE = Settings().db_pool_size
"""The app's default DB_POOL_SIZE (with DB_MAX_OVERFLOW 0): what every pool of a run gets when they all fit."""
HEAVY = {"generate", "lint_20kb"}
"""CPU-bound scenarios: fewer connections, so queueing does not push latencies past wrk's timeout."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)  # noqa: T201


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        default=os.environ.get("QUICK", "") not in {"", "0"},
        help="short runs (finishes in under two minutes); also QUICK=1",
    )
    parser.add_argument(
        "--scenarios",
        nargs="+",
        metavar="NAME",
        help=f"subset to run (comma or space separated): {', '.join(scenarios.SCENARIO_NAMES)}",
    )
    parser.add_argument("--duration", type=float, help="seconds per wrk run (default 2 quick, 10 full)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 2 quick, 3 full)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    parser.add_argument("--heavy-connections", type=int, default=8, help="connections for generate / lint")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1: wrk has one core)")
    parser.add_argument("--no-micro", action="store_true", help="skip the engine microbenchmarks")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the bench database afterwards")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--variant-env",
        nargs="+",
        metavar="KEY=VALUE",
        default=[],
        help="A/B in the same run: a second copy of every app instance with these settings, run right after the "
        "original in every round (rows 'NAME [variant]')",
    )
    parser.add_argument(
        "--variant-tree",
        metavar="DIR",
        help="A/B in the same run: the variant copies run from this source tree (e.g. `git archive HEAD~1`)",
    )
    args = parser.parse_args(argv)
    if args.scenarios:
        args.scenarios = [n for item in args.scenarios for n in item.split(",") if n]
    args.duration = args.duration or (2.0 if args.quick else 10.0)
    args.rounds = args.rounds or (2 if args.quick else 3)
    return args


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, check=False
        ).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except OSError:
        return "?"


async def _setup_data(main: Server, database_url: str, ctx: scenarios.Context) -> None:
    ops = ctx.ops
    if "register" not in {op_id.lower() for op_id in ops} and not any("register" in o.path for o in ops.values()):
        ctx.notes.append("accounts endpoints missing: every authenticated scenario is unavailable")
        return
    ctx.account = await create_account(main.base_url)
    if "createPrompt" in ops and "createPromptVersion" in ops:
        await create_prompt_http(main.base_url, ctx.account, HOT_PROMPT, labels=["production"])
        ctx.hot_ready = True
        await create_prompt_http(main.base_url, ctx.account, WRITE_PROMPT, labels=[])
        ctx.write_ready = True
        engine = create_async_engine(database_url)
        try:
            started = time.perf_counter()
            await bulk_prompts(engine, ctx.account.workspace_id, LIST_PROMPTS)
            log(f"seeded {LIST_PROMPTS} prompts in bulk in {time.perf_counter() - started:.1f}s")
            # The write pool of create_version_distinct: one version each, `latest` on it, as the API leaves them.
            await bulk_prompts(engine, ctx.account.workspace_id, WRITE_POOL, prefix=WRITE_POOL_PREFIX, label="latest")
            ctx.write_pool_ready = True
        finally:
            await engine.dispose()


def _in_proportion(overhead: dict[str, Any], reference_runs: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """An in-process added cost with the reference request's own cost per request (one core / its median req/s,
    under `key`) and the share of it the addition is."""
    rps = statistics.median(r["rps"] for r in reference_runs) if reference_runs else 0
    if rps:
        overhead[key] = round(1e6 / rps, 1)
        overhead["share"] = round(overhead["added_us"] / overhead[key], 4)
    return overhead


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        require_wrk()
    except HarnessError as err:
        print(f"bench: {err}", file=sys.stderr)  # noqa: T201
        return 2
    selected = scenarios.select(args.scenarios)
    placement = Placement.detect()
    started_wall = time.strftime("%Y-%m-%d %H:%M:%S")
    t_start = time.perf_counter()
    log(f"{'quick' if args.quick else 'full'} run; {placement.note}")

    database_url = app_database_url(DATABASE)
    instances = {s.instance for s in selected}
    variant = dict(item.split("=", 1) for item in args.variant_env)
    # Every app instance (main and the others this selection needs, twice with a variant) and the asyncpg
    # reference keep their whole pool open once a burst filled it: their sum must fit in max_connections.
    app_instances = (1 + len(instances & {"nocache", "metrics", "nolimit", "limited"})) * (
        2 if variant or args.variant_tree else 1
    )
    used, max_conn = asyncio.run(pg_headroom())
    try:
        pool_size = fit_pool_size(app_instances + 1, used, max_conn, APP_POOL_SIZE)
    except HarnessError as err:
        print(f"bench: {err}", file=sys.stderr)  # noqa: T201
        return 2
    startup_notes = []
    if pool_size < APP_POOL_SIZE:
        note = (
            f"PostgreSQL: {used} of max_connections {max_conn} in use before the run; the {app_instances + 1} "
            f"pools (app instances and the asyncpg reference) get {pool_size} connections each instead of "
            f"{APP_POOL_SIZE}, so that all of them full leave {PG_SPARE} free (DB_POOL_SIZE={pool_size})"
        )
        log(note)
        startup_notes.append(note)
    asyncio.run(recreate_database(DATABASE))
    migrate(database_url)
    asyncio.run(create_reference_table(asyncpg_dsn(database_url)))
    asyncio.run(clear_redis_namespace(NAMESPACE))

    pool_env = {"DB_POOL_SIZE": str(pool_size), "DB_MAX_OVERFLOW": "0"}
    servers: dict[str, Server] = {
        "bare": Server("bare", "bench.bare_app:app", False, {}, "/", placement),
        "pgref": Server(
            "pgref",
            "bench.pg_app:app",
            False,
            {"BENCH_PG_DSN": asyncpg_dsn(database_url), "BENCH_PG_POOL_SIZE": str(pool_size)},
            "/",
            placement,
        ),
        "main": Server(
            "main",
            "app.server.asgi:create_app",
            True,
            app_env(database_url, NAMESPACE, **pool_env),
            "/health/live",
            placement,
        ),
    }
    if "nocache" in instances:
        servers["nocache"] = Server(
            "nocache",
            "app.server.asgi:create_app",
            True,
            app_env(database_url, NAMESPACE, RESOLVE_CACHE_ENABLED="false", **pool_env),
            "/health/live",
            placement,
        )
    if "metrics" in instances:
        servers["metrics"] = Server(
            "metrics",
            "app.server.asgi:create_app",
            True,
            app_env(database_url, NAMESPACE, METRICS="open", **pool_env),
            "/health/live",
            placement,
        )
    if "limited" in instances:
        # The rate-limited read's own instance, as fresh as "nolimit": the pair then differs in the limit alone, not
        # in what the other scenarios left in the main instance's heap and caches.
        servers["limited"] = Server(
            "limited",
            "app.server.asgi:create_app",
            True,
            app_env(database_url, NAMESPACE, **pool_env),
            "/health/live",
            placement,
        )
    if "nolimit" in instances:
        servers["nolimit"] = Server(
            "nolimit",
            "app.server.asgi:create_app",
            True,
            app_env(
                database_url, NAMESPACE, RATE_LIMIT_API_KEY_PER_MINUTE="0", RATE_LIMIT_USER_PER_MINUTE="0", **pool_env
            ),
            "/health/live",
            placement,
        )
    if variant or args.variant_tree:
        for name in [n for n in servers if n not in {"bare", "pgref"}]:
            base = servers[name]
            servers[name + "+"] = Server(
                name + "+", base.target, base.factory, {**base.env, **variant}, base.ready_path, placement
            )
            if args.variant_tree:
                servers[name + "+"].root = Path(args.variant_tree).resolve()
        doc_variant = {**variant, **({"tree": args.variant_tree} if args.variant_tree else {})}
    else:
        doc_variant = {}
    doc: dict[str, Any] = {"meta": {}, "scenarios": {}, "notes": startup_notes, "variant_env": doc_variant}
    exit_code = 0
    try:
        for server in servers.values():
            server.start()
        log("servers up: " + ", ".join(f"{n}:{s.port}" for n, s in servers.items()))
        # Before any API request: what a worker holds once it is ready, before its first use.
        doc["rss_idle_mb"] = {name: server.rss_mb() for name, server in servers.items()}

        ctx = scenarios.Context(ops=scenarios.discover(servers["main"].base_url), account=None)
        ctx.lint_body = __import__("json").dumps({"prompt": scenarios.lint_prompt_20kb()}).encode()
        try:
            asyncio.run(_setup_data(servers["main"], database_url, ctx))
        except SetupError as err:
            ctx.notes.append(f"setup incomplete: {err}")
            log(f"setup incomplete: {err}")

        plan: list[tuple[scenarios.Scenario, Request]] = []
        for sc in selected:
            try:
                plan.append((sc, sc.build(ctx)))
            except scenarios.Unavailable as reason:
                doc["scenarios"][sc.name] = {"instance": sc.instance, "title": sc.title, "unavailable": str(reason)}
                log(f"{sc.name}: {reason}")

        def wrk(server: Server, request: Request, seconds: float, name: str) -> WrkResult:
            conns = args.heavy_connections if name in HEAVY else args.connections
            return run_wrk(
                server.base_url,
                request,
                duration=seconds,
                connections=conns,
                threads=args.threads,
                placement=placement,
                timeout=10,
            )

        bare_request = Request("GET", "/")
        pg_request = Request("GET", "/items/500")
        warm = 1.0 if args.quick else 2.0
        wrk(servers["bare"], bare_request, warm, "bare")
        wrk(servers["pgref"], pg_request, warm, "bare")
        for sc, request in plan:
            try:
                wrk(servers[sc.instance], request, warm, sc.name)
            except HarnessError as err:
                log(f"{sc.name}: warm-up failed: {err}")

        # The bare app answers thousands of requests a second: in quick mode one second per run is plenty.
        bare_seconds = 1.0 if args.quick else args.duration
        runs: dict[str, list[dict[str, Any]]] = {sc.name: [] for sc, _ in plan}
        bare_runs: dict[str, list[dict[str, Any]]] = {sc.name: [] for sc, _ in plan}
        pg_runs: dict[str, list[dict[str, Any]]] = {sc.name: [] for sc, _ in plan if sc.database}
        variant_runs: dict[str, list[dict[str, Any]]] = {sc.name: [] for sc, _ in plan}
        failures: dict[str, str] = {}
        for round_no in range(1, args.rounds + 1):
            for sc, request in plan:
                if sc.name in failures:
                    continue
                try:
                    bare = wrk(servers["bare"], bare_request, bare_seconds, "bare")
                    # Database-backed scenarios: the asyncpg reference right before, with the same connections.
                    pg = wrk(servers["pgref"], pg_request, args.duration, sc.name) if sc.database else None
                    result = wrk(servers[sc.instance], request, args.duration, sc.name)
                except HarnessError as err:
                    failures[sc.name] = str(err)[:300]
                    log(f"{sc.name}: {err}")
                    continue
                if doc_variant:
                    other = wrk(servers[sc.instance + "+"], request, args.duration, sc.name)
                    variant_runs[sc.name].append(other.as_dict())
                    log(f"round {round_no} {sc.name} [variant]: {other.rps:.0f} req/s, p50 {other.p50_ms:.2f} ms")
                bare_runs[sc.name].append(bare.as_dict())
                if pg is not None:
                    pg_runs[sc.name].append(pg.as_dict())
                runs[sc.name].append(result.as_dict())
                pg_note = f", asyncpg ref {pg.rps:.0f}" if pg is not None else ""
                log(
                    f"round {round_no} {sc.name}: {result.rps:.0f} req/s (bare {bare.rps:.0f}{pg_note}), "
                    f"p50 {result.p50_ms:.2f} ms, p99 {result.p99_ms:.2f} ms, non-2xx {result.non2xx}"
                )

        # The rate limiter's and the metrics' costs are small differences between two fast reads: measure them
        # on direct pairs (with, without / without, with, ...) with nothing in between, which drift affects least.
        pair_totals: dict[str, dict[str, int]] = {}
        """Requests, non-2xx and socket errors of the pair runs, per scenario: counted with its rounds' own."""

        cpu_pairs: dict[str, list[float]] = {}
        """Per pair measurement, CPU time per request with / without (the server's own core time, see
        `Server.cpu_seconds`), keyed by the "with" scenario."""

        def pair_ratios(with_name: str, without_name: str, pairs_min: int = 3) -> list[float] | None:
            pair_plan = {sc.name: (sc, request) for sc, request in plan if sc.name in {with_name, without_name}}
            if len(pair_plan) != 2 or failures.keys() & pair_plan.keys():
                return None
            pairs: list[float] = []
            for index in range(max(pairs_min, args.rounds)):
                order = [with_name, without_name][:: 1 if index % 2 == 0 else -1]
                rps: dict[str, float] = {}
                cpu_us: dict[str, float] = {}
                for name in order:
                    sc, request = pair_plan[name]
                    server = servers[sc.instance]
                    cpu_before = server.cpu_seconds()
                    pair_run = wrk(server, request, args.duration, name)
                    cpu_after = server.cpu_seconds()
                    rps[name] = pair_run.rps
                    if cpu_before is not None and cpu_after is not None and pair_run.requests:
                        cpu_us[name] = (cpu_after - cpu_before) * 1e6 / pair_run.requests
                    totals = pair_totals.setdefault(name, {"requests": 0, "non2xx": 0, "errors": 0, "first_bad": 0})
                    totals["requests"] += pair_run.requests
                    totals["non2xx"] += pair_run.non2xx
                    totals["errors"] += pair_run.errors
                    totals["first_bad"] = totals["first_bad"] or pair_run.first_bad_status
                if rps[without_name]:
                    pairs.append(rps[with_name] / rps[without_name])
                if cpu_us.get(without_name):
                    cpu_pairs.setdefault(with_name, []).append(round(cpu_us[with_name] / cpu_us[without_name], 4))
            return [round(p, 4) for p in pairs]

        rate_pairs = pair_ratios("read_ratelimited", "read_unlimited", pairs_min=5)
        if rate_pairs is not None:
            doc["rate_limit_pairs"] = rate_pairs
            log(f"rate limit pairs (limited / unlimited req/s): {rate_pairs}")
            if cpu_pairs.get("read_ratelimited"):
                doc["rate_limit_cpu_pairs"] = cpu_pairs["read_ratelimited"]
                log(f"rate limit pairs (limited / unlimited CPU time per request): {cpu_pairs['read_ratelimited']}")
            # The limiter's added work in process (CPU time), set against the unlimited read's cost per request.
            limiter = _in_proportion(measure_ratelimit_overhead(quick=args.quick), runs["read_unlimited"], "read_us")
            doc["ratelimit_overhead"] = limiter
            log(f"rate limiter overhead in process: {limiter}")
        metrics_pairs = pair_ratios("resolve_metrics", "resolve_cached", pairs_min=6)
        if metrics_pairs is not None:
            doc["metrics_pairs"] = metrics_pairs
            log(f"metrics pairs (METRICS=open / off, cached resolve req/s): {metrics_pairs}")
            # The same cost measured in process (CPU time, far less noisy), set against the cached resolve's own
            # cost per request on its one core.
            overhead = _in_proportion(measure_metrics_overhead(quick=args.quick), runs["resolve_cached"], "resolve_us")
            doc["metrics_overhead"] = overhead
            log(f"metrics overhead in process: {overhead}")

        all_bare = [b for runs_ in bare_runs.values() for b in runs_]
        if all_bare:
            doc["bare"] = report.aggregate(all_bare, all_bare)
        all_pg = [p for runs_ in pg_runs.values() for p in runs_]
        if all_pg:
            doc["pgref"] = report.aggregate(all_pg, [b for n in pg_runs for b in bare_runs[n]])
        for sc, _ in plan:
            if sc.name in failures and not runs[sc.name]:
                doc["scenarios"][sc.name] = {"instance": sc.instance, "title": sc.title, "failed": failures[sc.name]}
            else:
                doc["scenarios"][sc.name] = {
                    "instance": sc.instance,
                    "title": sc.title,
                    **report.aggregate(runs[sc.name], bare_runs[sc.name]),
                }
                if sc.database:
                    doc["scenarios"][sc.name].update(report.reference_ratio(runs[sc.name], pg_runs[sc.name]))
                if sc.name in pair_totals:  # the pairs' load counts towards "no non-2xx" like the rounds'
                    pair_sum = pair_totals[sc.name]
                    entry = doc["scenarios"][sc.name]
                    entry["pair_requests"] = pair_sum["requests"]
                    entry["non2xx"] += pair_sum["non2xx"]
                    entry["errors"] += pair_sum["errors"]
                    entry["first_bad_status"] = entry["first_bad_status"] or pair_sum["first_bad"]
                if variant_runs[sc.name]:
                    other_doc = report.aggregate(variant_runs[sc.name], bare_runs[sc.name])
                    if sc.database:
                        other_doc.update(report.reference_ratio(variant_runs[sc.name], pg_runs[sc.name]))
                    doc["scenarios"][sc.name]["variant"] = other_doc
        # Keep the report in scenario order.
        doc["scenarios"] = {s.name: doc["scenarios"][s.name] for s in selected if s.name in doc["scenarios"]}

        references = {"bare", "pgref"} | {n for n in servers if n.endswith("+")}
        rss = {name: server.rss_mb() for name, server in servers.items() if name not in references}
        doc["rss_mb"] = {**rss, **{name: servers[name].rss_mb() for name in references}}
        doc["notes"] += ctx.notes
    except HarnessError as err:
        log(f"error: {err}")
        doc["notes"].append(f"harness error: {str(err)[-500:]}")
        exit_code = 1
        rss = {}
    finally:
        for server in servers.values():
            server.stop()

    if exit_code == 0:
        log("start-up figures: CLI --help, cold start of serve")
        doc["cli_help"] = cli_help_seconds(placement, runs=3 if args.quick else 5)
        doc["serve_cold_start"] = serve_cold_start_seconds(
            placement, app_env(database_url, NAMESPACE), runs=2 if args.quick else 3
        )
    if exit_code == 0 and not args.no_micro:
        log("engine microbenchmarks")
        doc["micro"] = run_micro(quick=args.quick, cpu=placement.server_cpus)

    doc["targets"] = report.evaluate(
        doc["scenarios"], rss, doc.get("rate_limit_pairs"), doc.get("metrics_pairs"), doc.get("rate_limit_cpu_pairs")
    )
    doc["meta"] = {
        "mode": "quick" if args.quick else "full",
        "started": started_wall,
        "commit": _commit(),
        "placement": placement.note,
        "duration": args.duration,
        "rounds": args.rounds,
        "connections": args.connections,
        "heavy_connections": args.heavy_connections,
        "threads": args.threads,
        "db_pool_size": pool_size,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "elapsed_s": 0.0,
    }
    if not args.keep_db:
        asyncio.run(drop_database(DATABASE))
    asyncio.run(clear_redis_namespace(NAMESPACE))
    doc["meta"]["elapsed_s"] = round(time.perf_counter() - t_start, 1)
    json_path, md_path = report.write(doc, "bench-quick" if args.quick else "bench")
    print(report.markdown(doc))  # noqa: T201
    log(f"wrote {json_path} and {md_path} in {doc['meta']['elapsed_s']}s")
    if exit_code:
        return exit_code
    if args.strict and any(t["verdict"] == "miss" for t in doc["targets"].values()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

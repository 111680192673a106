"""A/B load comparison of two source trees (checkouts of this repository).

    uv run python -m bench.ab --before /tmp/ps_before [--duration 5 --rounds 3]

Starts, with the fixed uvicorn flags (`--workers 1 --no-access-log --loop uvloop --http httptools --log-level
warning`), pinned to CPU 0 (wrk on the other): the bare Litestar app, and for each tree (`before` = the given
directory, `after` = this checkout) a main instance, a RESOLVE_CACHE_ENABLED=false one and a rate-limit-off one.
Data goes into its own database `promptsmith_perf` (created and dropped here through the admin URL) and Redis
namespaces `promptsmith-perf-*`. Rounds are interleaved: bare, before, after for every scenario, and each
figure is reported with its ratio to the bare run just before it (medians over rounds).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.infra import (
    UVICORN_FLAGS,
    Placement,
    Request,
    app_database_url,
    app_env,
    clear_redis_namespace,
    drop_database,
    free_port,
    migrate,
    recreate_database,
    run_wrk,
)
from bench.seed import HOT_PROMPT, create_account, create_prompt_http

REPO = Path(__file__).resolve().parents[1]
DATABASE = "promptsmith_perf"


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


@dataclass
class Srv:
    name: str
    root: Path
    target: str
    factory: bool
    env: dict[str, str]
    ready: str
    placement: Placement
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        cmd = [sys.executable, "-m", "uvicorn", self.target, "--host", "127.0.0.1", "--port", str(self.port)]
        if self.factory:
            cmd.append("--factory")
        cmd = self.placement.wrap([*cmd, *UVICORN_FLAGS], self.placement.server_cpus)
        env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL", "VIRTUAL_ENV"}}
        env.update(self.env)
        env["PYTHONPATH"] = str(self.root)
        log = tempfile.NamedTemporaryFile(prefix=f"ab-{self.name}-", suffix=".log", delete=False)  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {Path(log.name).read_text()[-2000:]}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(self.url + self.ready, timeout=2).status_code == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not start")

    def stop(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc = None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True, type=Path)
    parser.add_argument("--after", default=REPO, type=Path)
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--scenarios", default="health_live,resolve_cached,resolve_uncached,read_ratelimited,read_unlimited"
    )
    args = parser.parse_args()
    placement = Placement.detect()
    print(f"placement: {placement.note}", flush=True)  # noqa: T201
    db_url = app_database_url(DATABASE)
    asyncio.run(recreate_database(DATABASE))
    migrate(db_url)
    servers: dict[str, Srv] = {"bare": Srv("bare", REPO, "bench.bare_app:app", False, {}, "/", placement)}
    # Small pools for every app server (both trees alike): seven servers on one PostgreSQL must stay well under
    # its max_connections, or a late starter gets "too many clients" and waits out its pool timeout.
    pools = {"DB_POOL_SIZE": "6", "DB_MAX_OVERFLOW": "2"}
    variants = {
        "main": {},
        "nocache": {"RESOLVE_CACHE_ENABLED": "false"},
        "nolimit": {"RATE_LIMIT_API_KEY_PER_MINUTE": "0", "RATE_LIMIT_USER_PER_MINUTE": "0"},
    }
    for tree, root in (("before", args.before), ("after", args.after)):
        ns = f"promptsmith-perf-{tree}"
        asyncio.run(clear_redis_namespace(ns))
        for vname, extra in variants.items():
            servers[f"{tree}-{vname}"] = Srv(
                f"{tree}-{vname}",
                root,
                "app.server.asgi:create_app",
                True,
                app_env(db_url, ns, **pools, **extra),
                "/health/live",
                placement,
            )
    try:
        for s in servers.values():
            s.start()
        account = asyncio.run(create_account(servers["after-main"].url))
        asyncio.run(create_prompt_http(servers["after-main"].url, account, HOT_PROMPT, labels=["production"]))
        resolve = Request(
            "GET",
            f"/api/v1/workspaces/{account.workspace}/prompts/{HOT_PROMPT}/resolve?label=production",
            headers=account.key_headers,
        )
        plan = {
            "health_live": ("main", Request("GET", "/health/live")),
            "resolve_cached": ("main", resolve),
            "resolve_uncached": ("nocache", resolve),
            "read_ratelimited": ("main", resolve),
            "read_unlimited": ("nolimit", resolve),
        }
        chosen = [n for n in args.scenarios.split(",") if n]
        bare_req = Request("GET", "/")

        def wrk(url: str, req: Request, seconds: float) -> dict[str, float]:
            r = run_wrk(
                url, req, duration=seconds, connections=args.connections, threads=1, placement=placement, timeout=10
            )
            return {"rps": r.rps, "p50": r.p50_ms, "p99": r.p99_ms, "non2xx": r.non2xx + r.errors}

        for name in chosen:  # warm-up
            for tree in ("before", "after"):
                wrk(servers[f"{tree}-{plan[name][0]}"].url, plan[name][1], 1)
        wrk(servers["bare"].url, bare_req, 1)
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        for rnd in range(args.rounds):
            for name in chosen:
                instance, req = plan[name]
                order = ("before", "after") if rnd % 2 == 0 else ("after", "before")
                for tree in order:
                    bare = wrk(servers["bare"].url, bare_req, args.duration)
                    res = wrk(servers[f"{tree}-{instance}"].url, req, args.duration)
                    res["ratio"] = res["rps"] / bare["rps"]
                    res["bare"] = bare["rps"]
                    results.setdefault((name, tree), []).append(res)
                    out(
                        f"round {rnd + 1} {name:17} {tree:6} {res['rps']:8.0f} rps (bare {bare['rps']:.0f}) "
                        f"ratio {res['ratio']:.3f} p50 {res['p50']:.2f} p99 {res['p99']:.2f} bad {res['non2xx']}"
                    )
        print("\n| scenario | tree | rps | bare rps | ratio | p50 ms | p99 ms | non-2xx |")  # noqa: T201
        print("|---|---|---|---|---|---|---|---|")  # noqa: T201
        for name in chosen:
            for tree in ("before", "after"):
                rs = results[(name, tree)]

                def med(k: str, rs: list[dict[str, float]] = rs) -> float:
                    return statistics.median(r[k] for r in rs)

                out(
                    f"| {name} | {tree} | {med('rps'):.0f} | {med('bare'):.0f} | {med('ratio'):.3f} | "
                    f"{med('p50'):.2f} | {med('p99'):.2f} | {sum(r['non2xx'] for r in rs):.0f} |"
                )

        for tree in ("before", "after"):
            lim = statistics.median(r["rps"] for r in results.get(("read_ratelimited", tree), [{"rps": 0}]))
            unl = statistics.median(r["rps"] for r in results.get(("read_unlimited", tree), [{"rps": 0}]))
            if lim and unl:
                print(f"rate limit cost ({tree}): {1 - lim / unl:+.1%}")  # noqa: T201
    finally:
        for s in servers.values():
            s.stop()
        asyncio.run(drop_database(DATABASE))
        for tree in ("before", "after"):
            asyncio.run(clear_redis_namespace(f"promptsmith-perf-{tree}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

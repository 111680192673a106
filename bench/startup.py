"""Start-up figures and the asyncpg reference's table: cold start of `serve`, CLI `--help`, idle memory.

These are wall-clock times of fresh processes pinned to the server core, so they include the interpreter's own
start-up; the median of a few runs is reported, as everything here runs on a shared machine.
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
import time
from typing import Any

import asyncpg
import httpx

from bench.infra import REPO_ROOT, Placement, free_port

REFERENCE_ROWS = 1000


async def create_reference_table(dsn: str) -> None:
    """`bench_reference(id int primary key, name, body)` with 1 000 rows, for the asyncpg reference app."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS bench_reference"
            " (id integer PRIMARY KEY, name text NOT NULL, body text NOT NULL)"
        )
        await conn.execute("TRUNCATE bench_reference")
        await conn.execute(
            "INSERT INTO bench_reference SELECT g, 'prompt-' || g, repeat('x', 200) FROM generate_series(1, $1) g",
            REFERENCE_ROWS,
        )
        await conn.execute("ANALYZE bench_reference")
    finally:
        await conn.close()


def _clean_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL", "VIRTUAL_ENV"}}
    env.update(extra)
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


def cli_help_seconds(placement: Placement, runs: int = 5) -> dict[str, Any]:
    """Wall time of `python -m app --help` (median of `runs`), pinned to the server core."""
    cmd = placement.wrap([sys.executable, "-m", "app", "--help"], placement.server_cpus)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, cwd=REPO_ROOT, env=_clean_env({}), capture_output=True, check=True, timeout=120)
        times.append(time.perf_counter() - started)
    return {"median_s": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times]}


def serve_cold_start_seconds(placement: Placement, env: dict[str, str], runs: int = 3) -> dict[str, Any]:
    """Wall time from exec of `python -m app serve` until /health/live answers 200."""
    times: list[float] = []
    for _ in range(runs):
        port = free_port()
        cmd = placement.wrap(
            [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
            placement.server_cpus,
        )
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=_clean_env(env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = started + 120
            while time.perf_counter() < deadline and proc.poll() is None:
                with contextlib.suppress(httpx.TransportError):
                    if httpx.get(f"http://127.0.0.1:{port}/health/live", timeout=1).status_code == 200:
                        times.append(time.perf_counter() - started)
                        break
                time.sleep(0.02)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
    if not times:
        return {"median_s": None, "runs": []}
    return {"median_s": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times]}

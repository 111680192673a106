"""Processes and plumbing of the harness: the bench database, uvicorn servers pinned to a core, wrk runs."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = Path(__file__).resolve().parent
WRK_DIR = BENCH_DIR / "wrk"
RESULTS_DIR = BENCH_DIR / "results"

ADMIN_URL = os.environ.get("BENCH_ADMIN_DATABASE_URL", "postgresql://postgres@localhost:5432/test")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://localhost:6379/0")
BENCH_SECRET = "bench-secret-key-not-for-production-0123456789abcdef"  # noqa: S105 - local benchmark only

# The same flags for the app and the bare app (the brief's fixed server command line).
UVICORN_FLAGS = [
    "--workers", "1", "--no-access-log", "--loop", "uvloop", "--http", "httptools", "--log-level", "warning",
]  # fmt: skip


class HarnessError(RuntimeError):
    """A precondition of the harness is missing; the message says what to do."""


def require_wrk() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise HarnessError("wrk is not installed. Install it with: apt-get install -y wrk  (Debian package 'wrk')")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- CPU placement -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """Which cores the servers and the load generator run on (None: not pinned)."""

    server_cpus: str | None
    wrk_cpus: str | None
    note: str

    @classmethod
    def detect(cls) -> Placement:
        cpus = sorted(os.sched_getaffinity(0))
        if shutil.which("taskset") is None:
            return cls(None, None, "taskset not found: not pinned")
        if len(cpus) < 2:
            return cls(None, None, f"only {len(cpus)} CPU available: server and wrk share it")
        server = str(cpus[0])
        load = ",".join(str(c) for c in cpus[1:])
        return cls(server, load, f"server on CPU {server}, wrk on CPU {load}")

    def wrap(self, cmd: list[str], cpus: str | None) -> list[str]:
        return ["taskset", "-c", cpus, *cmd] if cpus else cmd


# --- Database --------------------------------------------------------------------------------------------


def asyncpg_dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def app_database_url(name: str) -> str:
    return make_url(ADMIN_URL).set(drivername="postgresql+asyncpg", database=name).render_as_string(hide_password=False)


async def recreate_database(name: str) -> None:
    admin = await asyncpg.connect(asyncpg_dsn(ADMIN_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def drop_database(name: str) -> None:
    admin = await asyncpg.connect(asyncpg_dsn(ADMIN_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


PG_SPARE = 10
"""Connections a run leaves free on the PostgreSQL server for everything else (other sessions' tests, psql)."""


def fit_pool_size(pools: int, used: int, max_connections: int, ceiling: int) -> int:
    """The pool size, at most `ceiling`, at which `pools` pools filled at once still leave `PG_SPARE` connections
    free besides the `used` ones. Each app instance keeps its whole pool open after a burst (DB_MAX_OVERFLOW=0), so
    pools that add up to max_connections leave no room: the instance that grows its pool last is refused
    (TooManyConnectionsError, SQLSTATE 53300) and answers 503."""
    size = min(ceiling, (max_connections - used - PG_SPARE) // pools)
    if size < 2:
        raise HarnessError(
            f"PostgreSQL has {max_connections - used} of {max_connections} connections free: too few for {pools} "
            f"pools of 2 plus {PG_SPARE} spare. Stop other sessions' servers or raise max_connections."
        )
    return size


async def pg_headroom() -> tuple[int, int]:
    """(connections in use on the whole server, max_connections): other users of a shared PostgreSQL show here."""
    admin = await asyncpg.connect(asyncpg_dsn(ADMIN_URL))
    try:
        used = int(await admin.fetchval("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"))
        limit = int(await admin.fetchval("SHOW max_connections"))
    finally:
        await admin.close()
    return used, limit


def migrate(database_url: str) -> None:
    """Alembic upgrade head on the bench database, exactly as `python -m app database upgrade` does."""
    from advanced_alchemy.alembic.commands import AlembicCommands

    from app.config.database import create_alchemy_config
    from app.config.settings import load_settings

    settings = load_settings(
        {"ENVIRONMENT": "production", "SECRET_KEY": BENCH_SECRET, "DATABASE_URL": database_url}, env_file=None
    )
    AlembicCommands(sqlalchemy_config=create_alchemy_config(settings)).upgrade("head")


async def clear_redis_namespace(namespace: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(REDIS_URL)
    try:
        async for key in client.scan_iter(match=f"{namespace}*", count=1000):
            await client.unlink(key)
    finally:
        await client.aclose()


# --- Servers ---------------------------------------------------------------------------------------------


def app_env(database_url: str, namespace: str, **overrides: str) -> dict[str, str]:
    """Production-like settings for an app instance under load."""
    env = {
        "ENVIRONMENT": "production",
        "SECRET_KEY": BENCH_SECRET,
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "json",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "REDIS_NAMESPACE": namespace,
        "AUTO_MIGRATE": "false",
        # Far above what one worker can serve, so the limiter runs on every request but never refuses one.
        "RATE_LIMIT_API_KEY_PER_MINUTE": "1000000000",
        "RATE_LIMIT_USER_PER_MINUTE": "1000000000",
    }
    env.update(overrides)
    return env


def compile_sources(root: Path) -> None:
    """Write the bytecode of the app and its migrations (`compileall`, a no-op when it is current) before an app
    server starts from `root`.

    A worker that finds no current bytecode compiles its modules in memory: the first server started after the code
    changed (the bench's main instance, started first) held about 2.5 MB more than the same code started from
    bytecode (127.9 / 130.5 MB idle, `bench/results/perf35-notes.md`), so its figures compared a compiling start
    with the other instances' plain ones.
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "migrations"], cwd=root, check=False, capture_output=True
    )


@dataclass
class Server:
    """One uvicorn process (one worker, the fixed flags), pinned to the server core."""

    name: str
    target: str  # "module:attr"
    factory: bool
    env: dict[str, str]
    ready_path: str
    placement: Placement
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    log_path: str = ""
    root: Path = REPO_ROOT
    """The source tree the server runs from (another checkout for an A/B, `bench.run --variant-tree`)."""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        if self.factory:
            compile_sources(self.root)
        cmd = [sys.executable, "-m", "uvicorn", self.target, "--host", "127.0.0.1", "--port", str(self.port)]
        if self.factory:
            cmd.append("--factory")
        cmd += UVICORN_FLAGS
        cmd = self.placement.wrap(cmd, self.placement.server_cpus)
        log = tempfile.NamedTemporaryFile(prefix=f"bench-{self.name}-", suffix=".log", delete=False)  # noqa: SIM115
        self.log_path = log.name
        # Only the variables we set, plus what Python needs: no developer .env or shell settings leak in.
        env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL", "VIRTUAL_ENV"}}
        env.update(self.env)
        env["PYTHONPATH"] = str(self.root)
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise HarnessError(f"server {self.name} exited at start-up:\n{self.log_tail()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(self.base_url + self.ready_path, timeout=2).status_code == 200:
                    return
            time.sleep(0.2)
        raise HarnessError(f"server {self.name} did not answer {self.ready_path} within {timeout}s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return Path(self.log_path).read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def rss_mb(self) -> float | None:
        """VmRSS of the worker process (with --workers 1 uvicorn serves in the process it starts)."""
        if self.proc is None:
            return None
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
        except OSError:
            return None
        return None

    def cpu_seconds(self) -> float | None:
        """User plus system CPU time the worker process has used so far (from /proc/<pid>/stat).

        CPU time per request is what a saturated single-core server's throughput is the inverse of, without the time
        other processes on a shared machine take from it: the rate limiter's small cost shows in it where req/s is
        lost in the noise."""
        if self.proc is None:
            return None
        try:
            stat = Path(f"/proc/{self.proc.pid}/stat").read_text()
        except OSError:
            return None
        fields = stat[stat.rindex(")") + 2 :].split()  # the command name in parentheses may contain spaces
        utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5), counted from the state
        return (utime + stime) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        self.proc = None
        with contextlib.suppress(OSError):
            Path(self.log_path).unlink()


# --- wrk ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """What wrk sends: method, path, headers, optional body, optional custom Lua script."""

    method: str = "GET"
    path: str = "/"
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    script: str = "common.lua"
    script_env: dict[str, str] = field(default_factory=dict)


@dataclass
class WrkResult:
    requests: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    non2xx: int
    first_bad_status: int

    def as_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def run_wrk(
    base_url: str,
    request: Request,
    *,
    duration: float,
    connections: int,
    threads: int,
    placement: Placement,
    timeout: float = 5.0,
) -> WrkResult:
    env = {**os.environ, "BENCH_WRK_DIR": str(WRK_DIR), "BENCH_METHOD": request.method, "BENCH_PATH": request.path}
    env["BENCH_HEADERS"] = "\n".join(f"{k}: {v}" for k, v in request.headers.items())
    env.update(request.script_env)
    body_file = None
    if request.body is not None:
        body_file = tempfile.NamedTemporaryFile(prefix="bench-body-", delete=False)  # noqa: SIM115
        body_file.write(request.body)
        body_file.close()
        env["BENCH_BODY"] = body_file.name
    cmd = [
        "wrk", "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(duration))}s",
        "--timeout", f"{timeout:.0f}s", "-s", str(WRK_DIR / request.script), base_url + request.path,
    ]  # fmt: skip
    cmd = placement.wrap(cmd, placement.wrk_cpus)
    try:
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=duration + 60, check=False)
    finally:
        if body_file is not None:
            with contextlib.suppress(OSError):
                Path(body_file.name).unlink()
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if out.returncode != 0 or line is None:
        raise HarnessError(f"wrk failed ({out.returncode}): {out.stderr.strip() or out.stdout.strip()}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = data["duration_us"] / 1e6
    errors = data["errors"]
    socket_errors = errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
    lat = data["latency_us"]
    return WrkResult(
        requests=data["requests"],
        rps=round(data["requests"] / seconds, 1) if seconds else 0.0,
        p50_ms=round(lat["p50"] / 1000, 3),
        p90_ms=round(lat["p90"] / 1000, 3),
        p99_ms=round(lat["p99"] / 1000, 3),
        max_ms=round(lat["max"] / 1000, 3),
        errors=socket_errors,
        non2xx=data["non2xx"],
        first_bad_status=data["first_bad_status"],
    )


def run_async(coro: Any) -> Any:
    return asyncio.run(coro)

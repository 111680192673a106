"""Extra commands on the Litestar CLI: `serve` (uvicorn with our fixed flags) and `lint`."""

from __future__ import annotations

import asyncio
import math
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from types import FrameType

import click
import uvicorn

from app.config.database import create_engine
from app.config.settings import Settings, get_settings
from app.server.lifespan import StartupError, ensure_schema_current, wait_for_database
from app.server.protocol import ProblemHttpToolsProtocol


def register_commands(cli: click.Group) -> None:
    """Attach our commands to the Litestar CLI group."""
    cli.add_command(serve)


@click.command(name="serve", help="Serve the API with uvicorn using the settings (graceful shutdown bounded).")
@click.option("--host", default=None, help="Bind address (default SERVER_HOST).")
@click.option("--port", type=int, default=None, help="Port (default SERVER_PORT).")
@click.option("--workers", type=int, default=None, help="Worker processes (default SERVER_WORKERS).")
def serve(host: str | None, port: int | None, workers: int | None) -> None:
    settings = get_settings()
    if workers is not None and workers > 1 and settings.redis_url is None:
        click.echo(
            f"promptsmith: cannot start: --workers {workers} needs REDIS_URL (without it sessions, rate limits and "
            "caches live in each worker's memory, so people would be logged out at random)",
            err=True,
        )
        sys.exit(2)
    # Fail before uvicorn starts, with one line, when the database cannot be reached: inside the lifespan
    # the same failure is reported by uvicorn with a full traceback.
    try:
        asyncio.run(_check_database(settings))
    except StartupError as err:
        click.echo(f"promptsmith: cannot start: {err}", err=True)
        sys.exit(3)
    # uvicorn re-raises the signal it shut down on once the graceful shutdown is over, which would end the
    # process as "killed by SIGTERM" (exit 143). The shutdown was clean: exit 0, as orchestrators expect.
    signal.signal(signal.SIGTERM, _exit_after_graceful_shutdown)
    workers = workers or settings.server_workers
    own_metrics_dir = _prepare_multiprocess_metrics(settings, workers)
    try:
        _run(settings, host, port, workers)
    finally:
        if own_metrics_dir is not None:
            shutil.rmtree(own_metrics_dir, ignore_errors=True)
    sys.exit(0)


def _prepare_multiprocess_metrics(settings: Settings, workers: int) -> str | None:
    """With METRICS on and several workers: give them a shared, empty PROMETHEUS_MULTIPROC_DIR (prometheus-client's
    multiprocess mode, so a scrape sums every worker). The workers are spawned, so they read it at import. Returns
    the directory when it was created here (removed after the server stops)."""
    if settings.metrics == "off" or workers <= 1:
        return None
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    directory = given or tempfile.mkdtemp(prefix="promptsmith-metrics-")
    Path(directory).mkdir(parents=True, exist_ok=True)
    for stale in Path(directory).glob("*.db"):  # values of a previous run would be added to this one's
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    return None if given else directory


def _run(settings: Settings, host: str | None, port: int | None, workers: int) -> None:
    uvicorn.run(
        "app.server.asgi:create_app",
        factory=True,
        host=host or settings.server_host,
        port=port if port is not None else settings.server_port,
        workers=workers,
        # uvicorn waits forever for in-flight requests by default; bound it.
        timeout_graceful_shutdown=math.ceil(settings.shutdown_timeout),
        timeout_keep_alive=5,
        access_log=False,
        log_config=None,
        # X-Forwarded-* only from the configured proxies: anyone else could pick the address that login
        # throttling and the audit log record.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=settings.trusted_proxies or None,
        server_header=False,
        http=ProblemHttpToolsProtocol,  # unparseable requests get problem+json, not text/plain
        lifespan="on",
    )


async def _check_database(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        await wait_for_database(engine, settings.db_connect_retries, settings.db_connect_retry_delay)
        if not settings.should_auto_migrate:  # otherwise the lifespan migrates before serving
            await ensure_schema_current(engine)
    finally:
        await engine.dispose()


def _exit_after_graceful_shutdown(signum: int, frame: FrameType | None) -> None:
    sys.exit(0)

"""Extra commands on the Litestar CLI: `serve` (uvicorn with our fixed flags) and `lint`."""

from __future__ import annotations

import asyncio
import math
import signal
import sys
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
    uvicorn.run(
        "app.server.asgi:create_app",
        factory=True,
        host=host or settings.server_host,
        port=port if port is not None else settings.server_port,
        workers=workers or settings.server_workers,
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
    sys.exit(0)


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

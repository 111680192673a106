"""`python -m app worker`: the separate webhooks worker (relay + deliveries), and its liveness check.

Liveness: while its loops run, the worker refreshes a Redis key named after the host (the pod or container name)
every 10 s with a 30 s expiry. `python -m app worker --check` exits 0 when this host's key is there and 1 when it
is not: a Kubernetes exec liveness probe or a compose healthcheck restarts a worker that hung or lost Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import time

import click
import structlog
from redis.asyncio import Redis

from app.config.database import create_engine
from app.config.settings import Settings, get_settings
from app.domain.webhooks.runtime import HEARTBEAT_EVERY, HEARTBEAT_TTL, WebhookRuntime, heartbeat_key
from app.lib.log import configure_logging
from app.server.lifespan import StartupError, ensure_schema_current, wait_for_database

logger = structlog.get_logger("promptsmith.webhooks")


@click.command(name="worker", help="Run the webhooks worker (needs REDIS_URL); --check probes its liveness.")
@click.option("--check", is_flag=True, help="Exit 0 when this host's worker is alive (heartbeat fresh), else 1.")
@click.option("--name", default=None, help="Worker name for the heartbeat key (default: the host name).")
def worker(check: bool, name: str | None) -> None:
    settings = get_settings()
    if settings.redis_url is None:
        click.echo("promptsmith: the worker needs REDIS_URL (without Redis, webhooks run inside the API)", err=True)
        sys.exit(2)
    if check:
        alive = asyncio.run(_check(settings, name))
        sys.exit(0 if alive else 1)
    configure_logging(settings)
    try:
        asyncio.run(_run(settings, name))
    except StartupError as err:
        click.echo(f"promptsmith: cannot start the worker: {err}", err=True)
        sys.exit(3)


async def _check(settings: Settings, name: str | None) -> bool:
    assert settings.redis_url is not None
    redis = Redis.from_url(settings.redis_url, socket_timeout=2.0, socket_connect_timeout=2.0)
    try:
        return bool(await redis.exists(heartbeat_key(settings, name)))
    except OSError:
        return False
    finally:
        await redis.aclose()


async def _run(settings: Settings, name: str | None) -> None:
    engine = create_engine(settings)
    try:
        await wait_for_database(engine, settings.db_connect_retries, settings.db_connect_retry_delay)
        await ensure_schema_current(engine)
    finally:
        await engine.dispose()
    assert settings.redis_url is not None
    redis = Redis.from_url(settings.redis_url, socket_timeout=2.0, socket_connect_timeout=2.0)
    runtime = WebhookRuntime(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await runtime.start(deliver=True)
    logger.info("webhook_worker_started")
    key = heartbeat_key(settings, name)
    beaten = False
    try:
        while not stop.is_set():
            # Alive means the relay completed a round recently, not merely that the process exists.
            if time.time() - runtime.last_relay_ok < HEARTBEAT_TTL:
                with contextlib.suppress(Exception):
                    await redis.set(key, str(int(time.time())), ex=HEARTBEAT_TTL)
                    beaten = True
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(HEARTBEAT_EVERY if beaten else 0.5):
                    await stop.wait()
    finally:
        logger.info("webhook_worker_stopping")
        await runtime.stop()
        with contextlib.suppress(Exception):
            await redis.delete(key)
        await redis.aclose()

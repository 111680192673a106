"""The one Redis client of the process, with timeouts and retries bounded by settings.

redis-py's defaults (5 s socket timeout, several retries with backoff) block a caller for about 4.5 s
when Redis is dead. Here one command costs at most `redis_socket_timeout * (redis_retries + 1)`,
which settings validation keeps under `redis_max_block`.
"""

from __future__ import annotations

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app.config.settings import Settings


def create_redis_client(settings: Settings) -> Redis | None:
    """Build the shared client (no connection is opened yet), or None when no Redis is configured."""
    if settings.redis_url is None:
        return None
    return Redis.from_url(
        settings.redis_url,
        socket_timeout=settings.redis_socket_timeout,
        socket_connect_timeout=settings.redis_socket_timeout,
        retry=Retry(NoBackoff(), settings.redis_retries),
        retry_on_error=[RedisConnectionError, RedisTimeoutError, ConnectionRefusedError, OSError],
        max_connections=256,
        health_check_interval=30,
        client_name="promptsmith",
    )

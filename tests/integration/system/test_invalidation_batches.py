"""Batched invalidations on a real Redis: what `publish_soon` queues in one turn goes out in one pipeline and reaches
the other instances; a later turn starts a new batch; the resolve cache's repeats are batched too."""

from __future__ import annotations

import asyncio
import uuid

from redis.asyncio import Redis

from app.domain.delivery.cache import REPEAT_WINDOW, ResolveCache
from app.lib.cache import CircuitBreaker
from app.lib.invalidation import InvalidationBus, LocalCache
from tests.conftest import make_settings


async def _two_instances(redis: Redis) -> tuple[InvalidationBus, InvalidationBus, LocalCache[str]]:
    channel = f"test-invalidate-{uuid.uuid4().hex[:8]}"
    here, there = InvalidationBus(redis, channel=channel), InvalidationBus(redis, channel=channel)
    remote = there.register(LocalCache[str]("prompts", ttl=60.0))
    await there.start()
    assert await there.wait_connected()
    return here, there, remote


async def _until(condition: object, timeout: float = 2.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "not delivered in time"
        await asyncio.sleep(0.01)


async def test_messages_queued_in_one_turn_and_in_later_turns_all_reach_the_other_instance(redis: Redis) -> None:
    here, there, remote = await _two_instances(redis)
    try:
        for key in ("w:a", "w:b", "w:c", "w:d"):
            remote.set(key, "x")
        here.publish_soon("prompts", "w:a")
        here.publish_soon("prompts", "w:b")  # same turn: same batch
        await _until(lambda: remote.get("w:a") is None and remote.get("w:b") is None)
        here.publish_soon("prompts", "w:c")  # a later turn: a new batch
        await asyncio.sleep(0)
        here.publish_soon("prompts", "w:d")
        await _until(lambda: remote.get("w:c") is None and remote.get("w:d") is None)
    finally:
        await here.stop()
        await there.stop()


async def test_resolve_invalidations_and_their_batched_repeats_drop_redis_and_other_instances(redis: Redis) -> None:
    namespace = f"test-resolve-{uuid.uuid4().hex[:8]}"
    settings = make_settings(REDIS_NAMESPACE=namespace)
    channel = f"{namespace}:invalidate"
    here_bus, there_bus = InvalidationBus(redis, channel=channel), InvalidationBus(redis, channel=channel)
    here = ResolveCache(settings, redis, here_bus, CircuitBreaker("test"), repeat_delay=0.5)
    there = ResolveCache(settings, redis, there_bus, CircuitBreaker("test"), repeat_delay=0.5)
    await there_bus.start()
    assert await there_bus.wait_connected()
    try:
        keys = [f"ws:p{i}" for i in range(3)]
        for key in keys:
            there.local.set(f"{key}\x00l:production", "answer")  # type: ignore[arg-type]
            await redis.hset(f"{namespace}:resolve:{key}", "l:production", b"answer")
        for key in keys:
            await here.invalidate(key)
        assert not any([await redis.exists(f"{namespace}:resolve:{key}") for key in keys])
        await _until(lambda: all(there.local.get(f"{key}\x00l:production") is None for key in keys))
        # A reader that loaded before the writes stores its stale answer after them: the batched repeat drops it,
        # no sooner than `repeat_delay` after the last invalidation of the batch.
        stale = f"{namespace}:resolve:{keys[-1]}"
        await redis.hset(stale, "l:production", b"stale")
        await asyncio.sleep(0.1)
        assert await redis.exists(stale)
        await asyncio.sleep(0.5 + REPEAT_WINDOW + 0.2)
        assert not await redis.exists(stale)
    finally:
        await asyncio.gather(*here._tasks, return_exceptions=True)
        await there_bus.stop()
        await here_bus.stop()

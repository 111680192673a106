"""`InvalidationBus` without Redis (one instance): publishing drops keys of the registered caches at once."""

from __future__ import annotations

from app.lib.invalidation import InvalidationBus, LocalCache


async def test_publish_drops_a_key_or_a_prefix_in_the_named_cache_only() -> None:
    bus = InvalidationBus(None, channel="test")
    prompts = bus.register(LocalCache[str]("prompts", ttl=60.0))
    keys = bus.register(LocalCache[str]("keys", ttl=60.0))
    for key in ("w1:a", "w1:b", "w2:a"):
        prompts.set(key, "x")
    keys.set("w1:a", "k")
    await bus.publish("prompts", "w1:a")
    assert prompts.get("w1:a") is None
    assert prompts.get("w1:b") == "x"
    assert keys.get("w1:a") == "k"  # another cache, same key: untouched
    bus.publish_soon("prompts", "w1:*")
    assert prompts.get("w1:b") is None
    assert prompts.get("w2:a") == "x"
    await bus.publish("unknown-cache", "anything")  # ignored, never raises
    assert bus.cache("prompts") is prompts
    assert bus.cache("unknown-cache") is None


async def test_start_and_stop_without_redis_are_no_ops() -> None:
    bus = InvalidationBus(None, channel="test")
    await bus.start()
    assert not await bus.wait_connected(timeout=0.01)  # nothing to connect to
    await bus.stop()

"""How delivery follows the registry: a committed change to what resolve serves (a version, a label, an import,
a rename, a delete) drops the prompt's cached answers here, in Redis and on every other instance; a rename or a
delete also forgets the last-known-good copies of the old name. Creating a prompt or changing its metadata
(description, tags, archived) changes no answer, so it drops nothing.
"""

from __future__ import annotations

from app.domain.delivery.cache import ResolveCache, prompt_key
from app.domain.prompts.events import PromptChanged, PromptEvent
from app.lib.events import EventBus

_NO_ANSWER_CHANGE = frozenset({"created", "updated"})


def subscribe_delivery(bus: EventBus, cache: ResolveCache) -> None:
    """Register delivery's subscriber on the app's event bus (called once, where the runtime is built)."""

    async def on_prompt_event(event: PromptEvent) -> None:
        if isinstance(event, PromptChanged) and event.change in _NO_ANSWER_CHANGE:
            return
        if isinstance(event, PromptChanged) and event.change == "renamed" and event.previous_name is not None:
            key = prompt_key(event.workspace_id, event.previous_name)
            await cache.invalidate(key)
            await cache.drop_stale(key)
            return
        key = prompt_key(event.workspace_id, event.prompt)
        await cache.invalidate(key)
        if isinstance(event, PromptChanged) and event.change == "deleted":
            await cache.drop_stale(key)

    bus.subscribe(PromptEvent, on_prompt_event)

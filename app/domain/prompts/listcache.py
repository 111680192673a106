"""The prompt list's answer cache: encoded pages by workspace and query, dropped by the registry's own events.

A page of the HTTP list (`GET …/prompts`) is served from memory when the same query of the same workspace was
answered in the last `LIST_CACHE_TTL` seconds and nothing in that workspace changed since. The cache is local
to the process (no network round trip on a hit) and holds the encoded JSON body, so a hit costs no database
query and no serialisation.

Invalidation follows the registry, not a timer:

* every registry event (`PromptEvent`: a prompt created, updated, renamed, archived, deleted or imported, a
  version created, a label moved or removed) is announced after its commit, before the write's response leaves;
  the subscriber (`subscribe_list_cache`) drops **every** cached page of that workspace here at once and on
  every other instance through the `InvalidationBus` (Redis pub/sub). Any change can move a prompt into or
  out of any page, so the whole workspace goes, never a guess at which pages;
* a list that read the database just before a write committed is not stored after the write's drop: the
  cache's invalidation token is taken before the read (`LocalCache.token`);
* a lost bus message (Redis down, subscriber reconnecting) leaves a page at most `LIST_CACHE_TTL` old; the bus
  clears every local cache when its subscription comes back.

The page is the workspace's data only: authorization (the guard, `read` permission) runs before the handler on
every request, hit or miss, so one caller's page never reaches a caller who may not read the workspace.
"""

from __future__ import annotations

from uuid import UUID

from app.config.settings import Settings
from app.domain.prompts.events import PromptEvent
from app.domain.prompts.listing import ListQuery
from app.lib.events import EventBus
from app.lib.invalidation import InvalidationBus, LocalCache

LIST_CACHE = "prompt_list"
MAX_ENTRIES = 256
MAX_BODY = 64 * 1024
"""Larger pages (a large `limit` of long descriptions) are not kept: at most MAX_ENTRIES x this (16 MB) per process;
a page of 50 prompts with short descriptions is about 20 KB."""


class ListCache(LocalCache[bytes]):
    """Encoded list pages of one app, by `list_key` (a type of its own: the app's services are kept by type)."""

    def __init__(self, ttl: float) -> None:
        super().__init__(LIST_CACHE, ttl=ttl or 1.0, maxsize=MAX_ENTRIES)
        self.enabled = ttl > 0

    def keep(self, key: str, body: bytes, token: int) -> None:
        """Store `body` unless the cache is off, the body is too large or a write landed since `token`."""
        if self.enabled and len(body) <= MAX_BODY:
            self.set(key, body, token=token)


def workspace_prefix(workspace_id: UUID) -> str:
    return f"{workspace_id.hex}:"


def list_key(workspace_id: UUID, query: ListQuery) -> str:
    """The cache key of one query: the workspace, then every field of the query (the cursor included)."""
    return (
        f"{workspace_prefix(workspace_id)}{query.prefix!r}|{query.tags!r}|{query.label!r}|{query.q!r}|"
        f"{query.updated_after!r}|{query.updated_before!r}|{query.archived!r}|{query.sort}|{query.order}|"
        f"{query.limit}|{query.cursor!r}|{query.count}"
    )


def new_list_cache(settings: Settings, invalidation: InvalidationBus, events: EventBus) -> ListCache:
    """The app's list cache, following the invalidation bus and the registry's events (built by `build_services`)."""
    cache = ListCache(settings.list_cache_ttl)
    if cache.enabled:  # off: nothing stored, nothing to drop (no bus message per write)
        invalidation.register(cache)
        subscribe_list_cache(events, invalidation, cache)
    return cache


def subscribe_list_cache(events: EventBus, invalidation: InvalidationBus, cache: ListCache) -> None:
    """Drop a workspace's cached pages, on every instance, on each of the registry's committed changes."""

    async def on_prompt_event(event: PromptEvent) -> None:
        # Dropped here synchronously (the next request on this instance reads the committed rows), published to
        # the other instances in the background.
        invalidation.publish_soon(cache.name, workspace_prefix(event.workspace_id) + "*")

    events.subscribe(PromptEvent, on_prompt_event)

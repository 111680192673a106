"""`notifications/prompts/list_changed` when what `prompts/list` serves changes, on every instance.

Clients on the 2026-07-28 protocol open a `subscriptions/listen` stream (over HTTP, the response of one POST:
nothing is kept between requests, so it fits the stateless endpoint). A stream follows one topic, the caller's
workspace and label (`<workspace id hex>:<label>`); it never hears about another workspace.

How a committed change reaches the streams: the registry announces it (`app.domain.prompts.events`);
`subscribe_prompt_lists` turns it into the topics it touches and publishes them on the `InvalidationBus`, which
drops them here at once and, through Redis, on every other instance. There `PromptListSignals` (a `LocalCache`
the bus delivers to) hands them to `PromptListHub`, which wakes the matching streams. A label move or removal
touches that label's topic, a new version the labels it moved (`latest` included), anything else about a prompt
(metadata, rename, delete, import) every label of the workspace; creating an empty prompt touches none.

Handshake-era clients (up to 2025-11-25): over stdio the server sends them the notification on their connection
(`app.domain.mcp.stdio`); over HTTP they would need the standalone GET stream of a stateful session, which the
stateless endpoint does not keep, so they see changes when they list again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from uuid import UUID

import structlog

from app.domain.prompts.events import LabelMoved, LabelRemoved, PromptChanged, PromptEvent, VersionCreated
from app.lib.events import EventBus
from app.lib.invalidation import InvalidationBus, LocalCache

if TYPE_CHECKING:  # the SDK is imported by the first MCP request (app.domain.mcp.http), not with the app
    from mcp.server.subscriptions import ServerEvent
    from mcp_types import SubscriptionsListenRequestParams, SubscriptionsListenResult

logger = structlog.get_logger("promptsmith.mcp")

SIGNAL_CACHE = "mcp_prompt_lists"
"""The bus's name for prompt-list topics (`<workspace hex>:<label>`, or `<workspace hex>:*` for every label)."""

Listener = Callable[["ServerEvent"], None]


def topic(workspace_id: UUID, label: str) -> str:
    return f"{workspace_id.hex}:{label}"


class PromptListHub:
    """The open listen streams of this process, by topic."""

    def __init__(self, max_subscriptions: int) -> None:
        self.max_subscriptions = max_subscriptions
        self._listeners: dict[str, dict[object, Listener]] = {}

    def __len__(self) -> int:
        return sum(len(listeners) for listeners in self._listeners.values())

    def signal(self, key: str) -> None:
        """Wake the streams of topic `key` (a `*` at the end: every topic with that prefix)."""
        if key.endswith("*"):
            matching = [t for t in self._listeners if t.startswith(key[:-1])]
        else:
            matching = [key] if key in self._listeners else []
        if not matching:
            return
        from mcp.server.subscriptions import PromptsListChanged  # imported already: a stream is listening

        for name in matching:
            for listener in list(self._listeners.get(name, {}).values()):
                try:
                    listener(PromptsListChanged())
                except Exception as exc:  # noqa: BLE001 - one broken stream must not starve the others
                    logger.warning("mcp_listener_failed", error_type=type(exc).__name__)

    def bus(self, name: str) -> TopicBus:
        """The `SubscriptionBus` of one topic, for the SDK's `ListenHandler`."""
        return TopicBus(self, name)

    def add_listener(self, name: str, listener: Listener) -> Callable[[], None]:
        token = object()
        self._listeners.setdefault(name, {})[token] = listener

        def unsubscribe() -> None:
            listeners = self._listeners.get(name)
            if listeners is not None:
                listeners.pop(token, None)
                if not listeners:
                    self._listeners.pop(name, None)

        return unsubscribe


class TopicBus:
    """One topic of the hub, seen as the SDK's `SubscriptionBus` (events come from the hub, never from here)."""

    def __init__(self, hub: PromptListHub, name: str) -> None:
        self.hub = hub
        self.name = name

    async def publish(self, event: ServerEvent) -> None:
        from mcp.server.subscriptions import PromptsListChanged

        if isinstance(event, PromptsListChanged):
            self.hub.signal(self.name)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self.hub.add_listener(self.name, listener)


async def listen(
    hub: PromptListHub, name: str, ctx: Any, params: SubscriptionsListenRequestParams
) -> SubscriptionsListenResult:
    """Serve one `subscriptions/listen` stream on topic `name` (the SDK's handler does the protocol)."""
    from mcp.server.subscriptions import ListenHandler
    from mcp.shared.exceptions import MCPError
    from mcp_types import INTERNAL_ERROR

    if len(hub) >= hub.max_subscriptions:
        raise MCPError(INTERNAL_ERROR, "Subscription limit reached; try again later.")
    return await ListenHandler(hub.bus(name), max_subscriptions=1)(ctx, params)


class PromptListSignals(LocalCache[object]):
    """Receives prompt-list topics from the `InvalidationBus` (local and remote) and wakes the hub's streams.

    A `LocalCache` only so the bus delivers to it; it stores nothing. `clear()` (the bus reconnected and may have
    missed messages) wakes every stream: clients refetch, which is always correct.
    """

    def __init__(self, hub: PromptListHub) -> None:
        super().__init__(SIGNAL_CACHE, ttl=1.0, maxsize=1)
        self.hub = hub

    def invalidate(self, key: str) -> None:
        self.hub.signal(key)

    def invalidate_prefix(self, prefix: str) -> None:
        self.hub.signal(prefix + "*")

    def clear(self) -> None:
        self.hub.signal("*")


def touched_topics(event: PromptEvent) -> list[str]:
    """The prompt-list topics a committed registry event changes."""
    workspace = event.workspace_id.hex
    if isinstance(event, (LabelMoved, LabelRemoved)):
        return [f"{workspace}:{event.label}"]
    if isinstance(event, VersionCreated):
        return [f"{workspace}:{label}" for label in event.labels]
    if isinstance(event, PromptChanged) and event.change == "created":
        return []  # no version, so no label: in no list yet
    return [f"{workspace}:*"]


def subscribe_prompt_lists(events: EventBus, invalidation: InvalidationBus, hub: PromptListHub) -> None:
    """Wire the registry's events to every instance's listen streams (called once, where the app is built)."""
    invalidation.register(PromptListSignals(hub))

    async def on_prompt_event(event: PromptEvent) -> None:
        for key in touched_topics(event):
            invalidation.publish_soon(SIGNAL_CACHE, key)  # one pipeline with the commit's other messages

    events.subscribe(PromptEvent, on_prompt_event)

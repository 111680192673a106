"""What the authorized-replay layers in front of Litestar (resolve, the prompt list, generate) ask of access control.

A replay never decides access (see `app.domain.delivery.fastpath` for the invariant); it only checks that what the
full path's guard saw still holds, counts the request like the guard would, and touches the key. These are those
steps, bound once per process to the app's `AccessRuntime`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from app.domain.access.ratelimit import API_KEY_POLICY
from app.domain.access.runtime import AccessRuntime
from app.lib.services import services_in

if TYPE_CHECKING:
    from litestar import Litestar

    from app.domain.access.apikeys import ApiKeyLookup, KeySnapshot
    from app.domain.access.caches import WorkspaceSnapshot
    from app.domain.access.ratelimit import HeaderCounter
    from app.lib.invalidation import LocalCache


@dataclass(frozen=True, slots=True)
class ReplayAccess:
    """The per-process access objects a replay layer checks against, and its route's template."""

    keys: ApiKeyLookup
    workspaces: LocalCache[WorkspaceSnapshot]
    count: HeaderCounter | None
    """The rate limiter's counter for API keys (`RateLimiter.header_counter`, bound to the key limit); None when
    `RATE_LIMIT_API_KEY_PER_MINUTE` is 0 (not limited)."""
    gzip_min: int
    template: str
    """The route's template as Litestar's router reports it (for the metrics and the access line)."""

    def live_key(self, prefix: str, key_id: UUID, expires_at: float | None) -> KeySnapshot | None:
        """The API key's snapshot while it is still the one the guard saw: cached, same id, not revoked, not expired
        (revocation and deletion drop it from the cache on every instance)."""
        snapshot = self.keys.cache.get(prefix)
        if snapshot is None or snapshot.id != key_id or snapshot.revoked_at is not None:
            return None
        if expires_at is not None and expires_at <= time.time():
            return None
        return snapshot

    def live_workspace(self, slug: str, workspace_id: UUID) -> bool:
        """Whether the workspace snapshot the guard saw is still cached under the same id."""
        workspace = self.workspaces.get(slug)
        return workspace is not None and workspace.id == workspace_id

    def admit(self, snapshot: KeySnapshot, rate_identity: str) -> list[tuple[bytes, bytes]] | None:
        """Count the request against the key's rate limit and touch the key: the RateLimit headers to send, or None
        when the limit refuses it (the replay then falls through, so the 429 comes from the guard, counted once)."""
        count = self.count
        headers: list[tuple[bytes, bytes]] | None = []
        if count is not None:
            headers = count(rate_identity)
            if headers is None:
                return None
        self.keys.touch(snapshot, datetime.now(UTC))
        return headers


def bind_replay_access(litestar: Litestar, is_template: Callable[[str], bool]) -> ReplayAccess | None:
    """The app's replay access objects once its services exist (after the lifespan started), else None; the route
    whose template satisfies `is_template` gives the template."""
    runtime = services_in(litestar.state).find(AccessRuntime)
    if runtime is None:
        return None
    limit = runtime.settings.rate_limit_api_key_per_minute
    return ReplayAccess(
        keys=runtime.keys,
        workspaces=runtime.caches.workspaces,
        count=runtime.limiter.header_counter(limit, API_KEY_POLICY) if limit > 0 else None,
        gzip_min=runtime.settings.gzip_min_size,
        template=next(route.path_format for route in litestar.routes if is_template(route.path_format)),
    )

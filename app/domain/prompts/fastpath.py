"""The prompt list's fast path: an *authorized response cache* in front of Litestar, for `GET …/prompts`.

The list's pages are already cached in process, encoded, per workspace and query (`prompts.listcache`, dropped by
every registry write), so a repeated page cost what Litestar's own path costs: routing, the guards (each run
on a copy of the route handler), dependency injection, query-parameter parsing, the response. This layer
replays such a page the way the resolve fast path replays an answer (`app.domain.delivery.fastpath`, same
invariant): it never decides access, it only serves again what the full path already served to the same
credential on the same URL, while everything that answer depended on is still what the guard saw.

1. **Who stores.** Only the list handler (`remember`), after the workspace guard authenticated an API key,
   resolved the workspace and checked the `read` permission, and the handler served the page kept in the list
   cache. The entry key is `<credential kind><sha256 of the raw credential header>\\0<path>\\0<query string>`,
   as this layer computed it for the request (never the raw secret), so a replay needs the same credential,
   byte for byte, on the same URL with the same query string. Session cookies, CORS requests, bodies and other
   methods always go to Litestar.
2. **What must still hold at replay** (any failure hands the request to Litestar, which re-checks everything):
   - the API key's snapshot is still in the API-key cache, same id, not revoked and not expired;
   - the workspace snapshot is still in the workspace cache with the same id (rename, settings, deletion);
   - the page is still in the list cache under the handler's key (every registry write in the workspace drops
     them all, here and on the other instances);
   - the entry is younger than `FAST_TTL` (1 s); its cache is on the invalidation bus too.
3. **What a replay still does:** counts the request against the key's rate limit (a refusal falls through, so
   the 429 comes from the guard), touches `last_used_at`, gzips like the compression middleware, and sends the
   handler's headers with `X-Cache: hit; fast`; the route template, actor, workspace and cache outcome `fast`
   are noted for the access line and the metrics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from app.domain.access.replay import bind_replay_access
from app.domain.prompts.listcache import ListCache
from app.lib.fastpath import FAST_TTL, gzip_body, scan_api_key_headers, send_json
from app.lib.invalidation import InvalidationBus, LocalCache
from app.lib.request_context import note_access
from app.lib.services import services_in

if TYPE_CHECKING:
    from litestar import Litestar
    from litestar.types import ASGIApp, Receive, Scope, Send

    from app.domain.access.context import WorkspaceContext

LIST_FASTPATH_CACHE = "prompt_list_fastpath"
STATE_KEY = "promptsmith_list_fastpath_key"
"""Set in the request state on a miss: the entry key the list handler may store its page under."""
X_CACHE = b"hit; fast"
MAX_QUERY = 1024
_PATH = re.compile(r"^/api/v1/workspaces/[^/]+/prompts/?$")
LIST_ROUTE = "/api/v1/workspaces/{workspace}/prompts"


@dataclass(frozen=True, slots=True)
class ListEntry:
    """What the full path established for one credential on one list URL."""

    key_prefix: str
    key_id: UUID
    key_expires_at: float | None
    workspace_slug: str
    workspace_id: UUID
    page_key: str
    """The page's key in the list cache (`listcache.list_key`)."""
    rate_identity: str


class ListFastPathCache(LocalCache[ListEntry]):
    """The list fast path's authorized entries (a type of its own: the app's services are kept by type)."""


def new_list_fastpath_cache(bus: InvalidationBus) -> ListFastPathCache:
    cache = ListFastPathCache(LIST_FASTPATH_CACHE, ttl=FAST_TTL, maxsize=50_000)
    bus.register(cache)
    return cache


def remember(scope: Any, entries: ListFastPathCache, ctx: WorkspaceContext, page_key: str) -> None:
    """Called by the list handler after the guard allowed the request and it served the page kept under
    `page_key`: store the entry under the key this layer computed for the request (if it computed one)."""
    state = scope.get("state")
    entry_key = state.get(STATE_KEY) if state else None
    api_key = ctx.caller.api_key
    if entry_key is None or api_key is None:
        return
    entries.set(
        entry_key,
        ListEntry(
            key_prefix=api_key.prefix,
            key_id=api_key.id,
            key_expires_at=api_key.expires_at.timestamp() if api_key.expires_at is not None else None,
            workspace_slug=ctx.workspace_slug,
            workspace_id=ctx.workspace_id,
            page_key=page_key,
            rate_identity=f"key:{api_key.id}",
        ),
    )


class ListFastPath:
    """Pure ASGI layer: replays authorized list pages, hands everything else to Litestar."""

    def __init__(self, app: ASGIApp, litestar: Litestar) -> None:
        self.app = app
        self.litestar = litestar
        self._ready = False
        # Gzipped pages by page key, with the body they were made from (a new page under the same key is new).
        self._gzip_cache: LocalCache[tuple[bytes, bytes]] = LocalCache("list_fastpath_gzip", ttl=60.0, maxsize=256)

    def _bind(self) -> bool:
        access = bind_replay_access(self.litestar, LIST_ROUTE.__eq__)
        if access is None:
            return False
        self._access = access
        self._entries = services_in(self.litestar.state).get(ListFastPathCache)
        self._pages = services_in(self.litestar.state).get(ListCache)
        self._ready = True
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"  # type: ignore[comparison-overlap]
            or scope["method"] != "GET"  # type: ignore[typeddict-item]
            or not scope["path"].endswith(("/prompts", "/prompts/"))
            or len(scope["query_string"]) > MAX_QUERY
            or not _PATH.match(scope["path"])
            or (not self._ready and not self._bind())
        ):
            await self.app(scope, receive, send)
            return
        credential, _, accept_encoding = scan_api_key_headers(scope)
        if credential is None:
            await self.app(scope, receive, send)
            return
        entry_key = f"{credential}\x00{scope['path']}\x00{scope['query_string'].decode('latin-1')}"
        if not await self._replay(scope, entry_key, accept_encoding, send):
            scope.setdefault("state", {})[STATE_KEY] = entry_key
            await self.app(scope, receive, send)

    async def _replay(self, scope: Scope, entry_key: str, accept_encoding: bytes, send: Send) -> bool:
        entry = self._entries.get(entry_key)
        if entry is None:
            return False
        access = self._access
        snapshot = access.live_key(entry.key_prefix, entry.key_id, entry.key_expires_at)
        if snapshot is None or not access.live_workspace(entry.workspace_slug, entry.workspace_id):
            return False
        body = self._pages.get(entry.page_key)
        if body is None:
            return False
        rate_headers = access.admit(snapshot, entry.rate_identity)
        if rate_headers is None:
            return False
        scope["path_template"] = access.template
        note_access(scope, actor=f"api_key:{entry.key_id}", workspace=entry.workspace_slug, cache="fast")
        await send_json(
            send,
            [(b"x-cache", X_CACHE), *rate_headers],
            body,
            accept_encoding=accept_encoding,
            gzip_min=access.gzip_min,
            gzipped=lambda: self._gzipped(entry.page_key, body),
        )
        return True

    def _gzipped(self, page_key: str, body: bytes) -> bytes:
        cached = self._gzip_cache.get(page_key)
        if cached is None or cached[0] is not body:
            cached = (body, gzip_body(body))
            self._gzip_cache.set(page_key, cached)
        return cached[1]

"""The resolve fast path: an *authorized response cache* in front of Litestar, for `GET …/prompts/{name}/resolve`.

Invariant: authorization lives in ONE place, the workspace router's guard (`access.guards.workspace_permission`).
This layer never decides access. It only replays an answer that the full Litestar path already served to the
same credential, and only while everything that answer depended on is still what the guard saw:

1. **Who stores.** Only the resolve handler (`remember`), after the guard authenticated the caller with an API
   key, resolved the workspace, checked the route's permission and the handler resolved the prompt. The entry
   key is `<credential kind><sha256 of the raw credential header>\\0<path>\\0<query string>`, exactly as this
   layer computed it for that request (never the raw secret), so a replay needs the same key, byte for byte,
   on the same URL. Session cookies, CORS requests, bodies, other methods and query strings other than one
   `label=` or `version=` always go to Litestar.
2. **What must still hold at replay** (checked on every hit; any failure falls through to Litestar, which
   re-checks everything and stores a fresh entry):
   - the API key's snapshot is still in the API-key cache, same id, not revoked and not expired (revocation
     and workspace deletion drop it on every instance through the `InvalidationBus`);
   - the workspace snapshot is still in the workspace cache with the same id (rename, settings, deletion drop
     it);
   - the resolve answer is still in the in-process resolve cache (label moves, new versions, prompt deletes
     drop it on every instance); with the resolve cache off (`RESOLVE_CACHE_ENABLED=false`) there is no cached
     answer to check: the answer is loaded from the database for every request (`LeanLoader`, the handler's
     own single query), so it is as fresh as the full path's; a load that fails (a missing prompt or label,
     the database unreachable) is handed to Litestar with its error (`LOAD_FAILED_KEY`), whose handler
     raises it without a second query, so the problem response is the full path's;
   - the entry itself is younger than `FAST_TTL` (1 s), the safety net if an invalidation is ever lost; its
     cache is on the bus as well, and cleared with every other cache when the subscription reconnects.
3. **What a replay still does:** counts the request against the key's rate limit with the same
   `RateLimiter` (a refusal falls through, so the 429 comes from the guard), touches `last_used_at`, honours
   `If-None-Match` (304), gzips like the compression middleware would, and sends the same headers as the
   handler (`ETag`, `Cache-Control`, `RateLimit`, `RateLimit-Policy`); `X-Cache: hit; fast` says which path
   answered (a database load says `miss`, as the handler does). The
   request-id, security headers and the access line come from the edge layer (`app.server.edge`) around this one;
   a replay sets what Litestar's router would have (`path_template`, the resolve route's) and notes the actor,
   workspace and cache outcome `fast` for the access line and the metrics.

Anything else — a miss, a failed check, another route — is handed to Litestar unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.access.replay import bind_replay_access
from app.domain.delivery.cache import Answer, get_resolve_cache
from app.domain.delivery.resolve import LeanLoader
from app.lib.etags import etag_matches
from app.lib.fastpath import FAST_TTL, gzip_body, replay_start, scan_api_key_headers, send_json
from app.lib.invalidation import InvalidationBus, LocalCache
from app.lib.metrics import count_resolve
from app.lib.request_context import note_access
from app.lib.services import services_in

if TYPE_CHECKING:
    from litestar import Litestar
    from litestar.datastructures import State
    from litestar.types import ASGIApp, Receive, Scope, Send

    from app.domain.access.context import WorkspaceContext

FASTPATH_CACHE = "resolve_fastpath"
X_CACHE = b"hit; fast"
X_CACHE_MISS = b"miss"
LOAD_FAILED_KEY = "promptsmith_fastpath_load_failed"
"""Set in the request state when the fast path's database load failed: the handler raises it (no second query)."""
STATE_KEY = "promptsmith_fastpath_key"
"""Set in the request state on a fast-path miss: the entry key the handler may store the answer under."""

_PATH = re.compile(r"^/api/v1/workspaces/[^/]+/prompts/[^/]+/resolve/?$")
_QUERY = re.compile(rb"^(?:|label=[a-z0-9][a-z0-9._-]{0,63}|version=[1-9][0-9]{0,9})$")
RESOLVE_ROUTE_SUFFIX = "/prompts/{name}/resolve"


@dataclass(frozen=True, slots=True)
class AuthorizedEntry:
    """What the full path established for one credential on one URL (see the module docstring)."""

    key_prefix: str
    key_id: UUID
    key_expires_at: float | None
    workspace_slug: str
    workspace_id: UUID
    answer_key: str
    rate_identity: str
    prompt: str
    label: str | None
    version: int | None
    """The selector the handler resolved (its label defaulted): what a database load asks for."""


class FastPathCache(LocalCache[AuthorizedEntry]):
    """The authorized response cache of one app (a type of its own: the app's services are kept by type)."""


def new_fastpath_cache(bus: InvalidationBus) -> FastPathCache:
    """The authorized response cache of one app, registered on its invalidation bus (built by `ApplicationCore`)."""
    cache = FastPathCache(FASTPATH_CACHE, ttl=FAST_TTL, maxsize=50_000)
    bus.register(cache)
    return cache


def get_fastpath_cache(app_state: State) -> FastPathCache:
    """The app's authorized response cache."""
    return services_in(app_state).get(FastPathCache)


def remember(
    scope: Any,
    entries: FastPathCache,
    ctx: WorkspaceContext,
    answer_key: str,
    selected: tuple[str, str | None, int | None],
) -> None:
    """Called by the resolve handler after the guard allowed the request and it served an answer (not a stale
    copy): store the entry under the key this layer computed for the request (if it computed one). `selected` is
    the prompt name, label and version the handler resolved."""
    state = scope.get("state")
    entry_key = state.get(STATE_KEY) if state else None
    api_key = ctx.caller.api_key
    if entry_key is None or api_key is None:
        return
    expires = api_key.expires_at.timestamp() if api_key.expires_at is not None else None
    entry = AuthorizedEntry(
        key_prefix=api_key.prefix,
        key_id=api_key.id,
        key_expires_at=expires,
        workspace_slug=ctx.workspace_slug,
        workspace_id=ctx.workspace_id,
        answer_key=answer_key,
        rate_identity=f"key:{api_key.id}",
        prompt=selected[0],
        label=selected[1],
        version=selected[2],
    )
    entries.set(entry_key, entry)


class ResolveFastPath:
    """Pure ASGI layer: replays authorized resolve answers, hands everything else to Litestar."""

    def __init__(self, app: ASGIApp, litestar: Litestar) -> None:
        self.app = app
        self.litestar = litestar
        self._ready = False
        self._gzip_cache: LocalCache[bytes] = LocalCache("resolve_fastpath_gzip", ttl=60.0, maxsize=2_000)

    def _bind(self) -> bool:
        """Look the per-process objects up once (they exist after the lifespan started)."""
        access = bind_replay_access(self.litestar, lambda template: template.endswith(RESOLVE_ROUTE_SUFFIX))
        if access is None:
            return False
        state = self.litestar.state
        self._access = access
        self._entries = get_fastpath_cache(state)
        self._resolve = get_resolve_cache(state)
        self._engine = services_in(state).get(AsyncEngine)
        self._ready = True
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"  # type: ignore[comparison-overlap]
            or scope["method"] != "GET"  # type: ignore[typeddict-item]
            or not scope["path"].endswith(("/resolve", "/resolve/"))
            or (not self._ready and not self._bind())
        ):
            await self.app(scope, receive, send)
            return
        entry_key, if_none_match, accept_encoding = self._entry_key(scope)
        if entry_key is None:
            await self.app(scope, receive, send)
            return
        served = await self._replay(scope, entry_key, if_none_match, accept_encoding, send)
        if not served:
            scope.setdefault("state", {})[STATE_KEY] = entry_key
            await self.app(scope, receive, send)

    def _entry_key(self, scope: Scope) -> tuple[str | None, bytes | None, bytes]:
        query = scope["query_string"]
        if not _QUERY.match(query) or not _PATH.match(scope["path"]):
            return None, None, b""
        credential, if_none_match, accept_encoding = scan_api_key_headers(scope)
        if credential is None:
            return None, None, b""
        return f"{credential}\x00{scope['path']}\x00{query.decode('latin-1')}", if_none_match, accept_encoding

    async def _replay(
        self, scope: Scope, entry_key: str, if_none_match: bytes | None, accept_encoding: bytes, send: Send
    ) -> bool:
        entry = self._entries.get(entry_key)
        if entry is None:
            return False
        access = self._access
        snapshot = access.live_key(entry.key_prefix, entry.key_id, entry.key_expires_at)
        if snapshot is None or not access.live_workspace(entry.workspace_slug, entry.workspace_id):
            return False
        answer, x_cache, outcome = await self._answer(scope, entry)
        if answer is None:
            return False
        rate_headers = access.admit(snapshot, entry.rate_identity)
        if rate_headers is None:
            return False
        headers = [(b"etag", answer.etag.encode()), (b"x-cache", x_cache), (b"cache-control", b"no-cache")]
        headers += rate_headers
        scope["path_template"] = access.template
        note_access(scope, actor=f"api_key:{entry.key_id}", workspace=entry.workspace_slug, cache=outcome)
        count_resolve(outcome)
        if if_none_match is not None and etag_matches(if_none_match.decode("latin-1"), answer.etag):
            await send(replay_start(304, headers))
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return True
        await send_json(
            send,
            headers,
            answer.body,
            accept_encoding=accept_encoding,
            gzip_min=access.gzip_min,
            gzipped=lambda: self._gzipped(answer),
        )
        return True

    async def _answer(self, scope: Scope, entry: AuthorizedEntry) -> tuple[Answer | None, bytes, str]:
        """The answer to replay: the in-process cached one, or (resolve cache off) one query to the database."""
        if self._resolve.enabled:
            return self._resolve.local.get(entry.answer_key), X_CACHE, "fast"
        try:
            answer = await LeanLoader(self._engine, entry.workspace_id).load(entry.prompt, entry.label, entry.version)
        except Exception as exc:  # noqa: BLE001 - the full path answers it (the handler raises this very error)
            scope.setdefault("state", {})[LOAD_FAILED_KEY] = exc
            return None, X_CACHE_MISS, "miss"
        return answer, X_CACHE_MISS, "miss"

    def _gzipped(self, answer: Answer) -> bytes:
        cached = self._gzip_cache.get(answer.etag)
        if cached is None:
            cached = gzip_body(answer.body)
            self._gzip_cache.set(answer.etag, cached)
        return cached

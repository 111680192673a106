"""The generate fast path: an *authorized response cache* in front of Litestar, for `POST /api/v1/generate`.

The deterministic engine gives the same answer for the same request body, so an answer the full path served can
be served again without Litestar (routing, the guards, body parsing and validation, the handler, the response
encoding), which is most of what a repeated brief costs. The invariant is the resolve fast path's
(`app.domain.delivery.fastpath`): this layer never decides access; it replays only what the full Litestar path
already served to the same credential, and only while what that depended on is still what the guard saw.

1. **Who stores.** Only the generate handler (`remember`), after the router's guard authenticated the caller
   with an API key and the route's guard checked the `write` scope, and the handler built a deterministic answer
   (`engine: "deterministic"`; an LLM answer is never stored). Two entries:
   - a *grant*, under `<credential kind><sha256 of the raw credential header>` (never the raw secret): this
     credential passed the guards of this route;
   - the *answer*, the encoded JSON body, under the sha256 of the request's `Content-Type` and body bytes.
     The answer depends on nothing but those bytes (no workspace, no lint settings on this route), so it is
     shared by every credential that holds a grant.
   Session cookies, CORS requests, chunked bodies, bodies over `MAX_BODY`, other methods, other paths and query
   strings always go to Litestar.
2. **What must still hold at replay** (checked on every hit; any failure hands the request, body included, to
   Litestar, which re-checks everything and stores fresh entries):
   - the API key's snapshot is still in the API-key cache, same id, not revoked, not expired, and its scopes
     still grant `write` (revocation and scope changes drop the snapshot on every instance through the
     `InvalidationBus`);
   - the grant is younger than `GRANT_TTL` (1 s), the safety net if an invalidation is ever lost; its cache is
     on the bus as well and cleared with every other cache when the subscription reconnects;
   - the body is byte for byte (with the same `Content-Type`) one the full path answered.
3. **What a replay still does:** counts the request against the key's rate limit with the same `RateLimiter`
   (a refusal falls through, so the 429 comes from the guard), touches `last_used_at`, records the generation in
   `promptsmith_generate_duration_seconds`, gzips like the compression middleware would, and sends the
   handler's headers (`Content-Type`, `RateLimit`, `RateLimit-Policy`) plus `X-Cache: hit; fast`. The request id,
   the security headers and the access line come from the edge layer (`app.server.edge`) around this one; a replay
   sets the route's `path_template` and notes the actor for the access line and the metrics.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from litestar.serialization import encode_json

from app.domain.access.authorization import scope_permissions
from app.domain.access.permissions import Permission
from app.domain.access.replay import bind_replay_access
from app.lib.fastpath import gzip_body, send_json
from app.lib.invalidation import InvalidationBus, LocalCache
from app.lib.metrics import GENERATE_DURATION
from app.lib.request_context import note_access
from app.lib.services import services_in

if TYPE_CHECKING:
    from litestar import Litestar
    from litestar.datastructures import State
    from litestar.types import ASGIApp, Receive, ReceiveMessage, Scope, Send

    from app.domain.access.context import Caller
    from app.domain.generation.schemas import GenerateResponse

GENERATE_PATH = "/api/v1/generate"
GRANTS_CACHE = "generate_fastpath"
GRANT_TTL = 1.0
ANSWER_TTL = 3600.0
ANSWER_MAXSIZE = 256
"""Answers kept (the encoded body is 5-15 KB: a few MB at most)."""
MAX_BODY = 64 * 1024
"""Larger bodies always take the full path (it enforces the request size limits)."""
STATE_KEY = "promptsmith_generate_fastpath"
"""Set in the request state on a miss: (grant key, answer key) the handler may store its answer under."""
X_CACHE = b"hit; fast"


@dataclass(frozen=True, slots=True)
class Grant:
    """The full path served this route to one API key (see the module docstring)."""

    key_prefix: str
    key_id: UUID
    key_expires_at: float | None
    rate_identity: str


@dataclass(frozen=True, slots=True)
class Answer:
    body: bytes
    gzipped: bytes | None = None


class GenerateGrants(LocalCache[Grant]):
    """The credentials the full path authorized for generate (a type of its own: services are kept by type)."""


class GenerateAnswers(LocalCache[Answer]):
    """The encoded deterministic answers, by request body."""


class GenerateFastPathCache:
    """The two caches of one app (built by `ApplicationCore`; the grants are on the invalidation bus)."""

    def __init__(self, bus: InvalidationBus) -> None:
        self.grants = GenerateGrants(GRANTS_CACHE, ttl=GRANT_TTL, maxsize=50_000)
        bus.register(self.grants)
        self.answers = GenerateAnswers("generate_fastpath_answers", ttl=ANSWER_TTL, maxsize=ANSWER_MAXSIZE)


def get_generate_fastpath(app_state: State) -> GenerateFastPathCache:
    return services_in(app_state).get(GenerateFastPathCache)


def remember(scope: Any, cache: GenerateFastPathCache, caller: Caller, engine: str, response: GenerateResponse) -> None:
    """Called by the generate handler after the guards allowed the request and it built its answer: when the
    request asked for the deterministic engine (`engine`; an LLM request that fell back is not stored: the model
    may answer next time), store the grant and the answer under the keys this layer computed for the request."""
    state = scope.get("state")
    keys = state.get(STATE_KEY) if state else None
    api_key = caller.api_key
    if keys is None or api_key is None or engine != "deterministic" or response.engine != "deterministic":
        return
    grant_key, answer_key = keys
    expires = api_key.expires_at.timestamp() if api_key.expires_at is not None else None
    cache.grants.set(
        grant_key,
        Grant(key_prefix=api_key.prefix, key_id=api_key.id, key_expires_at=expires, rate_identity=f"key:{api_key.id}"),
    )
    if cache.answers.get(answer_key) is None:
        # The bytes Litestar sends for this return value (the app has no custom type encoders).
        cache.answers.set(answer_key, Answer(body=encode_json(response)))


class GenerateFastPath:
    """Pure ASGI layer: replays authorized deterministic generate answers, hands everything else to Litestar."""

    def __init__(self, app: ASGIApp, litestar: Litestar) -> None:
        self.app = app
        self.litestar = litestar
        self._ready = False

    def _bind(self) -> bool:
        """Look the per-process objects up once (they exist after the lifespan started)."""
        access = bind_replay_access(self.litestar, GENERATE_PATH.__eq__)
        if access is None:
            return False
        cache = get_generate_fastpath(self.litestar.state)
        self._access = access
        self._grants = cache.grants
        self._answers = cache.answers
        self._ready = True
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"  # type: ignore[comparison-overlap]
            or scope["method"] != "POST"  # type: ignore[typeddict-item]
            or scope["path"] != GENERATE_PATH
            or scope["query_string"]
            or (not self._ready and not self._bind())
        ):
            await self.app(scope, receive, send)
            return
        grant_key, content_type, accept_encoding = self._headers(scope)
        if grant_key is None:
            await self.app(scope, receive, send)
            return
        body, disconnected = await _read_body(receive)
        if disconnected:
            return  # the client is gone: nobody to answer
        answer_key = hashlib.sha256(content_type + b"\x00" + body).hexdigest()
        if await self._replay(scope, grant_key, answer_key, accept_encoding, send):
            return
        scope.setdefault("state", {})[STATE_KEY] = (grant_key, answer_key)
        await self.app(scope, _replay_receive(body, receive), send)

    @staticmethod
    def _headers(scope: Scope) -> tuple[str | None, bytes, bytes]:
        """(grant key, content type, accept-encoding); grant key None: the full path only."""
        credential: bytes | None = None
        kind = ""
        content_type = b""
        accept_encoding = b""
        length = -1
        for name, value in scope["headers"]:
            if name == b"authorization":
                if kind == "a":
                    return None, b"", b""  # two Authorization headers: let the full path decide
                credential, kind = value, "a"
            elif name == b"x-api-key":
                if kind == "":
                    credential, kind = value, "x"
                elif kind == "x":
                    return None, b"", b""
            elif name in (b"cookie", b"origin", b"transfer-encoding"):
                return None, b"", b""  # sessions, CORS and chunked bodies: the full path only
            elif name == b"content-length":
                if length != -1 or not value.isdigit():
                    return None, b"", b""
                length = int(value)
            elif name == b"content-type":
                if content_type:
                    return None, b"", b""
                content_type = value
            elif name == b"accept-encoding":
                accept_encoding = value
        if credential is None or not 0 < length <= MAX_BODY:
            return None, b"", b""
        return f"{kind}{hashlib.sha256(credential).hexdigest()}", content_type, accept_encoding

    async def _replay(self, scope: Scope, grant_key: str, answer_key: str, accept_encoding: bytes, send: Send) -> bool:
        started = time.perf_counter()
        grant = self._grants.get(grant_key)
        if grant is None:
            return False
        answer = self._answers.get(answer_key)
        if answer is None:
            return False
        access = self._access
        snapshot = access.live_key(grant.key_prefix, grant.key_id, grant.key_expires_at)
        if snapshot is None or Permission.WRITE not in scope_permissions(snapshot.scopes):
            return False
        rate_headers = access.admit(snapshot, grant.rate_identity)
        if rate_headers is None:
            return False
        scope["path_template"] = access.template
        note_access(scope, actor=f"api_key:{grant.key_id}")
        GENERATE_DURATION.labels("deterministic").observe(time.perf_counter() - started)
        await send_json(
            send,
            [(b"x-cache", X_CACHE), *rate_headers],
            answer.body,
            accept_encoding=accept_encoding,
            gzip_min=access.gzip_min,
            gzipped=lambda: self._gzipped(answer_key, answer),
        )
        return True

    def _gzipped(self, answer_key: str, answer: Answer) -> bytes:
        if answer.gzipped is None:
            answer = Answer(body=answer.body, gzipped=gzip_body(answer.body))
            self._answers.set(answer_key, answer)
        assert answer.gzipped is not None
        return answer.gzipped


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    """The whole request body (its Content-Length is at most `MAX_BODY`), and whether the client disconnected."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"", True
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), False


def _replay_receive(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives Litestar the body already read, then whatever the connection sends next."""
    sent = False

    async def replayed() -> ReceiveMessage:
        nonlocal sent
        if not sent:
            sent = True
            first: ReceiveMessage = {"type": "http.request", "body": body, "more_body": False}
            return first
        return await receive()

    return replayed

"""Who is calling: an API key or a session cookie, checked once per request and counted against the rate limit.

An API key (`Authorization: Bearer psk_…` or `X-API-Key`) is tried first and, if present, is the only credential
considered; otherwise the session cookie. Cookie-authenticated unsafe requests need the `X-CSRF-Token` header
equal to the session's token (API keys are exempt: a browser cannot attach them cross-site). Each authenticated
request is counted against the per-key or per-user rate limit; the RateLimit headers are added to the response by
`add_rate_limit_headers`.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from litestar.connection import ASGIConnection
from litestar.types import Message, Scope
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.access.apikeys import KeySnapshot
from app.domain.access.context import Actor, Caller
from app.domain.access.ratelimit import API_KEY_POLICY, USER_POLICY
from app.domain.access.runtime import AccessRuntime, access_runtime
from app.domain.access.secrets import parse_api_key, secret_matches
from app.domain.access.sessions import CSRF_HEADER, SESSION_COOKIE
from app.lib.errors import AuthenticationError, PermissionDeniedError, RateLimitedError
from app.lib.request_context import note_access

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_CALLER_KEY = "promptsmith_caller"
_RATE_HEADERS_KEY = "promptsmith_ratelimit_headers"
SESSION_CSRF_KEY = "promptsmith_session_csrf"
"""Request-state key of the session's CSRF token (the console puts it in its forms)."""


def client_address(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    return connection.client.host if connection.client else "unknown"


def _bearer_key(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    auth = connection.headers.get("authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise AuthenticationError("Unsupported Authorization header; send `Bearer psk_…`.")
        return value.strip()
    return connection.headers.get("x-api-key")


async def _authenticate_key(runtime: AccessRuntime, connection: ASGIConnection[Any, Any, Any, Any], raw: str) -> Caller:
    return await authenticate_api_key(runtime, raw, lambda: runtime.db_session(connection.scope))


async def authenticate_api_key(runtime: AccessRuntime, raw: str, session: Callable[[], AsyncSession]) -> Caller:
    """The caller of the API key `raw` (`psk_…`), outside any HTTP request too (the MCP stdio server).

    `session()` is called only when the key is not in the lookup cache. 401 for an unknown, revoked or expired key.
    """
    parsed = parse_api_key(raw)
    if parsed is None:
        raise AuthenticationError("Invalid API key.")
    prefix, secret = parsed
    snapshot: KeySnapshot | None = await runtime.keys.find(session, prefix)
    now = datetime.now(UTC)
    if snapshot is None or not secret_matches(secret, snapshot.secret_hash) or not snapshot.is_usable(now):
        raise AuthenticationError("Invalid, revoked or expired API key.")
    runtime.keys.touch(snapshot, now)
    actor = Actor(type="api_key", id=snapshot.id, label=f"{snapshot.name} ({snapshot.prefix})")
    return Caller(actor=actor, api_key=snapshot)  # the immutable cached snapshot: no ORM object per request


async def _authenticate_session(
    runtime: AccessRuntime, connection: ASGIConnection[Any, Any, Any, Any], session_id: str, csrf_token: str
) -> Caller:
    live = await runtime.sessions.load(session_id)
    if live is None:
        raise AuthenticationError("Your session has expired or is invalid; log in again.")
    db = runtime.db_session(connection.scope)
    user = await db.get(User, UUID(live.record.user_id))
    if user is None or not user.is_active or live.record.issued_at < user.password_changed_at.timestamp():
        await runtime.sessions.delete(live.id)
        raise AuthenticationError("Your session has expired or is invalid; log in again.")
    if connection.scope.get("method") in UNSAFE_METHODS:
        token = csrf_token
        if not token or not hmac.compare_digest(token.encode(), live.record.csrf.encode()):
            raise PermissionDeniedError(
                "Missing or invalid CSRF token: send the X-CSRF-Token header (GET /api/v1/auth/csrf)."
            )
    connection.scope.setdefault("state", {})[SESSION_CSRF_KEY] = live.record.csrf
    return Caller(actor=Actor(type="user", id=user.id, label=user.email), user=user, session_id=live.id)


def _apply_rate_limit(runtime: AccessRuntime, connection: ASGIConnection[Any, Any, Any, Any], caller: Caller) -> None:
    # Every authenticated request passes here once: the access line names the actor by id (never a secret).
    note_access(connection.scope, actor=f"{caller.actor.type}:{caller.actor.id}")
    settings = runtime.settings
    if caller.api_key is not None:
        identity, limit, policy = f"key:{caller.api_key.id}", settings.rate_limit_api_key_per_minute, API_KEY_POLICY
    else:
        identity, limit, policy = f"user:{caller.actor.id}", settings.rate_limit_user_per_minute, USER_POLICY
    if limit <= 0:
        return
    decision = runtime.limiter.hit(identity, limit, policy)
    if not decision.allowed:  # the problem response carries the headers itself
        raise RateLimitedError(f"Rate limit of {limit} requests per minute exceeded.", headers=decision.headers())
    connection.scope.setdefault("state", {})[_RATE_HEADERS_KEY] = decision.header_pairs()


async def authenticate(connection: ASGIConnection[Any, Any, Any, Any]) -> Caller:
    """The request's caller (cached in the request state); 401/403/429 problems otherwise."""
    state = connection.scope.setdefault("state", {})
    cached: Caller | None = state.get(_CALLER_KEY)
    if cached is not None:
        return cached
    runtime = access_runtime(connection.app)
    raw_key = _bearer_key(connection)
    if raw_key is not None:
        caller = await _authenticate_key(runtime, connection, raw_key)
    else:
        session_id = connection.cookies.get(SESSION_COOKIE)
        if not session_id:
            raise AuthenticationError("Authentication required: log in or send an API key.")
        caller = await _authenticate_session(runtime, connection, session_id, connection.headers.get(CSRF_HEADER, ""))
    _apply_rate_limit(runtime, connection, caller)
    state[_CALLER_KEY] = caller
    await runtime.end_guard_read(connection.scope)
    return caller


async def authenticate_session_form(connection: ASGIConnection[Any, Any, Any, Any], csrf_token: str) -> Caller:
    """The caller of a browser page (the web console): a session cookie only, CSRF token from the form.

    API keys never open the console (a 401 even when the key is valid). Unsafe requests need `csrf_token`,
    the form's hidden field (or the X-CSRF-Token header htmx sends), equal to the session's token. The caller
    is cached like `authenticate`'s, so the workspace guard after it reuses it.
    """
    state = connection.scope.setdefault("state", {})
    cached: Caller | None = state.get(_CALLER_KEY)
    if cached is not None:
        return cached
    if connection.headers.get("authorization") or connection.headers.get("x-api-key"):
        raise AuthenticationError("API keys do not open the console; sign in with your email and password.")
    session_id = connection.cookies.get(SESSION_COOKIE)
    if not session_id:
        raise AuthenticationError("Sign in to use the console.")
    runtime = access_runtime(connection.app)
    caller = await _authenticate_session(runtime, connection, session_id, csrf_token)
    _apply_rate_limit(runtime, connection, caller)
    state[_CALLER_KEY] = caller
    return caller


async def add_rate_limit_headers(message: Message, scope: Scope) -> None:
    """`before_send` hook: put the RateLimit headers computed during authentication on the response.

    Runs for every message of every response, so it returns at once for bodies and for requests that were
    not rate limited; the headers were encoded when the request was counted.
    """
    if message["type"] != "http.response.start":
        return
    state = scope.get("state")
    extra: list[tuple[bytes, bytes]] | None = state.get(_RATE_HEADERS_KEY) if state else None
    if not extra:
        return
    existing = list(message.get("headers", ()))
    for name, _ in existing:
        if name.lower() == b"ratelimit":  # the response set its own (never the case today): keep them
            return
    existing.extend(extra)
    message["headers"] = existing

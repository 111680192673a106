"""Authentication and workspace authorization: the `caller` and `workspace_ctx` dependencies, in one place.

How a request is authorized:

1. `account_guard` (an app-wide guard) runs before the body and query are parsed. On any route whose path has
   `{workspace}`, and on any handler that asks for `caller`/`ctx`/`workspace_ctx`, it authenticates the caller
   (`authenticate`) and, for workspace routes, resolves the workspace and checks the route's declared
   `opt["permission"]` (`resolve_workspace`). So a stranger gets the same 404 whatever the body holds.
2. The dependency providers return what the guard stored in the request state (computing it if needed).
3. Every workspace route must declare `opt={"permission": Permission.X}`; `check_workspace_routes` refuses
   to start the app otherwise.

Callers: an API key (`Authorization: Bearer psk_…` or `X-API-Key`) is tried first and, if present, is the only
credential considered; otherwise the session cookie. Cookie-authenticated unsafe requests need the
`X-CSRF-Token` header equal to the session's token (API keys are exempt: a browser cannot attach them
cross-site). Each authenticated request is counted against the per-key or per-user rate limit.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from litestar import Litestar, Request
from litestar.config.app import AppConfig
from litestar.connection import ASGIConnection
from litestar.di import Provide
from litestar.exceptions import ImproperlyConfiguredException
from litestar.handlers import HTTPRouteHandler
from litestar.handlers.base import BaseRouteHandler
from litestar.routes import HTTPRoute
from litestar.types import Message, Scope
from sqlalchemy import select

from app.db.models import User, Workspace, WorkspaceMember
from app.domain.accounts.access import WorkspaceSnapshot, member_key
from app.domain.accounts.apikeys import KeySnapshot
from app.domain.accounts.context import Actor, Caller, WorkspaceContext
from app.domain.accounts.permissions import ROLE_PERMISSIONS, Permission, Role, permissions_for_scopes
from app.domain.accounts.runtime import AccountsRuntime, accounts_lifespan, get_runtime
from app.domain.accounts.security import parse_api_key, secret_matches
from app.domain.accounts.sessions import CSRF_HEADER, SESSION_COOKIE
from app.lib.errors import AuthenticationError, NotFoundError, PermissionDeniedError, RateLimitedError
from app.lib.request_context import get_request_id

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SAFE_METHODS = frozenset({"GET", "HEAD"})
WORKSPACE_PARAM = "workspace"
_CALLER_KEY = "promptsmith_caller"
_CTX_KEY = "promptsmith_workspace_ctx"
_RATE_HEADERS_KEY = "promptsmith_ratelimit_headers"
_AUTH_PARAMS = frozenset({"caller", "ctx", "workspace_ctx"})
WORKSPACE_NOT_FOUND = "Workspace not found."


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


async def _authenticate_key(
    runtime: AccountsRuntime, connection: ASGIConnection[Any, Any, Any, Any], raw: str
) -> Caller:
    parsed = parse_api_key(raw)
    if parsed is None:
        raise AuthenticationError("Invalid API key.")
    prefix, secret = parsed
    snapshot: KeySnapshot | None = await runtime.keys.find(
        lambda: runtime.db_session(connection.app.state, connection.scope), prefix
    )
    now = datetime.now(UTC)
    if snapshot is None or not secret_matches(secret, snapshot.secret_hash) or not snapshot.is_usable(now):
        raise AuthenticationError("Invalid, revoked or expired API key.")
    runtime.keys.touch(snapshot, now)
    actor = Actor(type="api_key", id=snapshot.id, label=f"{snapshot.name} ({snapshot.prefix})")
    return Caller(actor=actor, api_key=snapshot)  # the immutable cached snapshot: no ORM object per request


async def _authenticate_session(
    runtime: AccountsRuntime, connection: ASGIConnection[Any, Any, Any, Any], session_id: str
) -> Caller:
    live = await runtime.sessions.load(session_id)
    if live is None:
        raise AuthenticationError("Your session has expired or is invalid; log in again.")
    db = runtime.db_session(connection.app.state, connection.scope)
    user = await db.get(User, UUID(live.record.user_id))
    if user is None or not user.is_active or live.record.issued_at < user.password_changed_at.timestamp():
        await runtime.sessions.delete(live.id)
        raise AuthenticationError("Your session has expired or is invalid; log in again.")
    if connection.scope.get("method") in UNSAFE_METHODS:
        token = connection.headers.get(CSRF_HEADER, "")
        if not token or not hmac.compare_digest(token.encode(), live.record.csrf.encode()):
            raise PermissionDeniedError(
                "Missing or invalid CSRF token: send the X-CSRF-Token header (GET /api/v1/auth/csrf)."
            )
    return Caller(actor=Actor(type="user", id=user.id, label=user.email), user=user, session_id=live.id)


def _apply_rate_limit(runtime: AccountsRuntime, connection: ASGIConnection[Any, Any, Any, Any], caller: Caller) -> None:
    handler = connection.scope.get("route_handler")
    if handler is not None and handler.opt.get("rate_limit") is False:
        return
    settings = runtime.settings
    if caller.api_key is not None:
        identity, limit = f"key:{caller.api_key.id}", settings.rate_limit_api_key_per_minute
    else:
        identity, limit = f"user:{caller.actor.id}", settings.rate_limit_user_per_minute
    if limit <= 0:
        return
    decision = runtime.limiter.hit(identity, limit)
    if not decision.allowed:  # the problem response carries the headers itself
        raise RateLimitedError(f"Rate limit of {limit} requests per minute exceeded.", headers=decision.headers())
    connection.scope.setdefault("state", {})[_RATE_HEADERS_KEY] = [
        (b"ratelimit-limit", str(decision.limit).encode()),
        (b"ratelimit-remaining", str(decision.remaining).encode()),
        (b"ratelimit-reset", str(decision.reset).encode()),
        (b"ratelimit-policy", f"{decision.limit};w={decision.window}".encode()),
    ]


async def authenticate(connection: ASGIConnection[Any, Any, Any, Any]) -> Caller:
    """The request's caller (cached in the request state); 401/403/429 problems otherwise."""
    state = connection.scope.setdefault("state", {})
    cached: Caller | None = state.get(_CALLER_KEY)
    if cached is not None:
        return cached
    runtime = get_runtime(connection.app)
    raw_key = _bearer_key(connection)
    if raw_key is not None:
        caller = await _authenticate_key(runtime, connection, raw_key)
    else:
        session_id = connection.cookies.get(SESSION_COOKIE)
        if not session_id:
            raise AuthenticationError("Authentication required: log in or send an API key.")
        caller = await _authenticate_session(runtime, connection, session_id)
    _apply_rate_limit(runtime, connection, caller)
    state[_CALLER_KEY] = caller
    return caller


def required_permission(handler: BaseRouteHandler) -> Permission:
    permission = handler.opt.get("permission")
    if not isinstance(permission, Permission):
        msg = f"route handler {handler.handler_name!r} takes {{workspace}} but declares no opt['permission']"
        raise ImproperlyConfiguredException(msg)
    return permission


async def _workspace_by_slug(
    runtime: AccountsRuntime, connection: ASGIConnection[Any, Any, Any, Any], slug: str
) -> Workspace | WorkspaceSnapshot | None:
    """The workspace named `slug`: its cached snapshot on safe requests, else loaded into the request's session."""
    access = runtime.access
    if connection.scope.get("method") in SAFE_METHODS:
        snapshot = access.workspaces.get(slug)
        if snapshot is not None:
            return snapshot
    token = access.workspaces.token()
    db = runtime.db_session(connection.app.state, connection.scope)
    workspace = (await db.execute(select(Workspace).where(Workspace.slug == slug))).scalar_one_or_none()
    if workspace is not None:
        access.workspaces.set(slug, WorkspaceSnapshot.of(workspace), token=token)
    return workspace


async def _member_role(
    runtime: AccountsRuntime, connection: ASGIConnection[Any, Any, Any, Any], workspace_id: UUID, user_id: UUID
) -> Role | None:
    """The user's role in the workspace (cached on safe requests), or None when not a member."""
    members = runtime.access.members
    key = member_key(workspace_id, user_id)
    if connection.scope.get("method") in SAFE_METHODS:
        cached = members.get(key)
        if cached is not None:
            return Role(cached)
    token = members.token()
    db = runtime.db_session(connection.app.state, connection.scope)
    role = (
        await db.execute(
            select(WorkspaceMember.role).where(
                WorkspaceMember.workspace_id == workspace_id, WorkspaceMember.user_id == user_id
            )
        )
    ).scalar_one_or_none()
    if role is None:
        return None
    members.set(key, role, token=token)
    return Role(role)


async def _load_membership(
    runtime: AccountsRuntime, connection: ASGIConnection[Any, Any, Any, Any], slug: str, user_id: UUID
) -> tuple[Workspace | None, Role | None]:
    access = runtime.access
    tokens = access.workspaces.token(), access.members.token()
    db = runtime.db_session(connection.app.state, connection.scope)
    row = (
        await db.execute(
            select(Workspace, WorkspaceMember.role)
            .join(WorkspaceMember, WorkspaceMember.workspace_id == Workspace.id)
            .where(Workspace.slug == slug, WorkspaceMember.user_id == user_id)
        )
    ).one_or_none()
    if row is None:
        return None, None
    workspace, role = row[0], Role(row[1])
    access.workspaces.set(slug, WorkspaceSnapshot.of(workspace), token=tokens[0])
    access.members.set(member_key(workspace.id, user_id), role.value, token=tokens[1])
    return workspace, role


async def resolve_workspace(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> WorkspaceContext:
    """The caller's access to the `{workspace}` of the URL: 404 without access, 403 without the permission.

    Safe (GET/HEAD) requests read the workspace and the membership from the bus-invalidated caches of
    `app.domain.accounts.access` and open no database session when both are cached; writes load the rows.
    """
    state = connection.scope.setdefault("state", {})
    cached: WorkspaceContext | None = state.get(_CTX_KEY)
    if cached is not None:
        return cached
    permission = required_permission(handler)
    caller = await authenticate(connection)
    slug = connection.path_params.get(WORKSPACE_PARAM)
    runtime = get_runtime(connection.app)
    role: Role | None = None
    workspace: Workspace | WorkspaceSnapshot | None = None
    if not isinstance(slug, str):
        granted: frozenset[Permission] = frozenset()
    elif caller.api_key is not None:
        workspace = await _workspace_by_slug(runtime, connection, slug)
        if workspace is not None and workspace.id != caller.api_key.workspace_id:
            workspace = None
        granted = _scope_permissions(caller.api_key.scopes)
    else:
        assert caller.user is not None
        if connection.scope.get("method") in SAFE_METHODS:
            workspace = await _workspace_by_slug(runtime, connection, slug)
            if workspace is not None:
                role = await _member_role(runtime, connection, workspace.id, caller.user.id)
        else:  # a write: one query, the row attached to the request's session
            workspace, role = await _load_membership(runtime, connection, slug, caller.user.id)
        if role is None:
            workspace = None
        granted = ROLE_PERMISSIONS[role] if role is not None else frozenset()
    if workspace is None:
        raise NotFoundError(WORKSPACE_NOT_FOUND)
    if permission not in granted:
        raise PermissionDeniedError(f"This action needs the {permission.value!r} permission in this workspace.")
    ctx = WorkspaceContext(
        workspace=workspace,
        caller=caller,
        role=role,
        permissions=granted,
        request_id=get_request_id(connection.scope),
        client_address=client_address(connection),
    )
    state[_CTX_KEY] = ctx
    return ctx


_SCOPE_GRANTS: dict[tuple[str, ...], frozenset[Permission]] = {}


def _scope_permissions(scopes: tuple[str, ...]) -> frozenset[Permission]:
    """`permissions_for_scopes`, memoised: keys carry a handful of distinct scope tuples."""
    granted = _SCOPE_GRANTS.get(scopes)
    if granted is None:
        granted = permissions_for_scopes(scopes)
        if len(_SCOPE_GRANTS) < 64:
            _SCOPE_GRANTS[scopes] = granted
    return granted


def _needs_auth(handler: BaseRouteHandler) -> bool:
    cached = handler.opt.get("_needs_auth")
    if cached is None:
        cached = bool(_AUTH_PARAMS & set(handler.parsed_fn_signature.parameters))
        handler.opt["_needs_auth"] = cached
    return bool(cached)


async def account_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """App-wide guard: authenticate and authorize before any parameter or body is parsed."""
    if connection.scope.get("method") == "OPTIONS":  # CORS preflight and Litestar's automatic OPTIONS handlers
        return
    if WORKSPACE_PARAM in connection.path_params:
        await resolve_workspace(connection, handler)
    elif _needs_auth(handler):
        await authenticate(connection)


async def provide_caller(request: Request[Any, Any, Any]) -> Caller:
    """Dependency `caller`: the authenticated user or API key."""
    return await authenticate(request)


async def provide_workspace_ctx(request: Request[Any, Any, Any]) -> WorkspaceContext:
    """Dependency `workspace_ctx` (also `ctx`): the caller's checked access to the URL's workspace."""
    return await resolve_workspace(request, request.route_handler)


async def provide_ctx(request: Request[Any, Any, Any]) -> WorkspaceContext:
    """Dependency `ctx`: the same as `workspace_ctx`, for handlers that name the parameter `ctx`."""
    return await resolve_workspace(request, request.route_handler)


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
        if name.lower() == b"ratelimit-limit":  # the response set its own (never the case today): keep them
            return
    existing.extend(extra)
    message["headers"] = existing


def check_workspace_routes(app: Litestar) -> None:
    """Refuse to start when a route under `{workspace}` does not declare the permission it needs."""
    missing = [
        f"{sorted(handler.http_methods)} {route.path}"
        for route in app.routes
        if isinstance(route, HTTPRoute) and WORKSPACE_PARAM in route.path_parameters
        for handler in route.route_handlers
        if not isinstance(handler.opt.get("permission"), Permission) and set(handler.http_methods) != {"OPTIONS"}
    ]
    if missing:
        msg = "workspace routes without opt['permission'] (add one): " + ", ".join(missing)
        raise ImproperlyConfiguredException(msg)


def skip_guard_where_it_does_nothing(app: Litestar) -> None:
    """Startup hook: take `account_guard` off the handlers where it can only return at once.

    The guard acts on a route with `{workspace}` in its path or a handler that takes `caller`/`ctx`/
    `workspace_ctx`; everywhere else (health, docs, login, register) it is a no-op, but Litestar still copies
    the handler for every guard call, which was a sixth of the cost of `/health/live`. A handler is left
    untouched if any of its routes needs the guard, or if Litestar's resolved-guard list is not where expected.
    """
    needed: dict[int, tuple[HTTPRouteHandler, bool]] = {}
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        on_workspace = WORKSPACE_PARAM in route.path_parameters
        for handler in route.route_handlers:
            _, before = needed.get(id(handler), (handler, False))
            needed[id(handler)] = (handler, before or on_workspace or _needs_auth(handler))
    for handler, needs_guard in needed.values():
        if needs_guard:
            continue
        guards = handler.resolve_guards()
        if account_guard in guards and getattr(handler, "_resolved_guards", None) is guards:
            handler._resolved_guards = [g for g in guards if g is not account_guard]


ACCOUNT_DEPENDENCIES: dict[str, Provide] = {
    "caller": Provide(provide_caller),
    "workspace_ctx": Provide(provide_workspace_ctx),
    "ctx": Provide(provide_ctx),
}


def install_accounts(app_config: AppConfig) -> None:
    """Wire dependencies, the guard, the RateLimit header hook, the lifespan and the start-up route checks."""
    app_config.dependencies.update(ACCOUNT_DEPENDENCIES)
    app_config.guards.append(account_guard)
    app_config.before_send.append(add_rate_limit_headers)
    app_config.lifespan.append(accounts_lifespan)
    app_config.on_startup.append(check_workspace_routes)
    app_config.on_startup.append(skip_guard_where_it_does_nothing)

"""Who may open a console page: a person's session cookie, never an API key; CSRF from the form on writes.

`console_session` is the guard of the whole console router. Pages inside a workspace add the API's own
`workspace_permission` guard after it, so a page can never show what the API would refuse.

The sign-in and register forms are posted before a session exists: they carry a double-submit token (a
random value in a SameSite=Strict cookie and in the form, compared in constant time).
"""

from __future__ import annotations

import hmac
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie
from litestar.handlers.base import BaseRouteHandler

from app.domain.access.authentication import SESSION_CSRF_KEY, UNSAFE_METHODS, authenticate_session_form
from app.domain.access.secrets import new_token
from app.domain.access.sessions import CSRF_HEADER
from app.lib.errors import PermissionDeniedError

CSRF_FIELD = "_csrf"
PRE_SESSION_COOKIE = "promptsmith_console_csrf"


async def form_value(connection: ASGIConnection[Any, Any, Any, Any], field: str) -> str:
    """One field of a posted form ('' when absent); Litestar caches the parsed form for the handler."""
    if not isinstance(connection, Request):
        return ""
    form = await connection.form()
    value = form.get(field, "")
    return value if isinstance(value, str) else ""


async def console_session(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard: a live session (401 otherwise, shown as the sign-in page); CSRF token on POST."""
    token = ""
    if connection.scope.get("method") in UNSAFE_METHODS:
        token = connection.headers.get(CSRF_HEADER, "") or await form_value(connection, CSRF_FIELD)
    await authenticate_session_form(connection, token)


def session_csrf(request: Request[Any, Any, Any]) -> str:
    """The signed-in session's CSRF token (set by the guard), for the forms of the page."""
    token: str = request.scope.get("state", {}).get(SESSION_CSRF_KEY, "")
    return token


def pre_session_token(request: Request[Any, Any, Any]) -> tuple[str, Cookie | None]:
    """The sign-in form's token: the cookie's, or a new one with the cookie that carries it."""
    current = request.cookies.get(PRE_SESSION_COOKIE, "")
    if 20 <= len(current) <= 128:
        return current, None
    token = new_token()
    cookie = Cookie(key=PRE_SESSION_COOKIE, value=token, path="/ui", httponly=True, samesite="strict", max_age=3600)
    return token, cookie


async def check_pre_session_token(request: Request[Any, Any, Any]) -> None:
    """403 unless the posted sign-in/register form carries the token of its cookie."""
    cookie = request.cookies.get(PRE_SESSION_COOKIE, "")
    posted = await form_value(request, CSRF_FIELD)
    if not cookie or not posted or not hmac.compare_digest(cookie.encode(), posted.encode()):
        raise PermissionDeniedError("This form expired; reload the page and try again.")

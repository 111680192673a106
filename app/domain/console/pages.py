"""Rendering console pages, and turning the services' errors into readable pages (never raw problem details)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.exceptions import HTTPException
from litestar.response import Redirect, Template
from markupsafe import Markup, escape

from app.domain.access.authentication import authenticate_session_form
from app.domain.access.authorization import _CTX_KEY
from app.domain.access.context import Caller, WorkspaceContext
from app.domain.console.auth import session_csrf
from app.lib.errors import AuthenticationError, ProblemError

CONSOLE_PREFIX = "/ui"
CONSOLE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Only the app's own files: no inline script or style (htmx's indicator styles are switched off)."""


def prompt_path(name: str) -> str:
    """A prompt name as one URL path segment (`/` becomes `%2F`), as the API expects."""
    return quote(name, safe="")


def highlight_variables(text: str) -> Markup:
    """The text, escaped, with each `{{variable}}` wrapped in a <mark> (the text itself is never trusted)."""
    out: list[str] = []
    rest = text
    while True:
        start = rest.find("{{")
        end = rest.find("}}", start + 2) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(str(escape(rest)))
            break
        out.append(str(escape(rest[:start])))
        out.append(f'<mark class="var">{escape(rest[start : end + 2])}</mark>')
        rest = rest[end + 2 :]
    return Markup("".join(out))  # noqa: S704 - every piece above was escaped


def form_error(exc: Exception, fallback: str) -> tuple[int, str]:
    """Status and message of a failed form: the service's own problem, or 400 with `fallback` for bad input."""
    if isinstance(exc, ProblemError):
        return exc.status_code, exc.detail
    return 400, fallback


def page(request: Request[Any, Any, Any], template: str, status_code: int = 200, **context: Any) -> Template:
    """A full console page with the signed-in person, the workspace and the CSRF token in its context."""
    state = request.scope.get("state", {})
    caller: Caller | None = state.get("promptsmith_caller")
    ctx: WorkspaceContext | None = state.get(_CTX_KEY)
    base = {
        "user": caller.user if caller else None,
        "ws": ctx,
        "csrf": session_csrf(request),
        "request_path": request.url.path,
    }
    return Template(template_name=template, context={**base, **context}, status_code=status_code)


def _sign_in_redirect(request: Request[Any, Any, Any]) -> Response[Any]:
    target = f"{CONSOLE_PREFIX}/login"
    if request.method == "GET" and request.url.path.startswith(CONSOLE_PREFIX):
        target += "?next=" + quote(request.url.path, safe="/")
    if request.headers.get("hx-request"):
        return Response(None, status_code=200, headers={"HX-Redirect": target})
    return Redirect(path=target, status_code=303)


def problem_page(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Console exception handler: sign-in redirect for 401, an error page for everything else."""
    if isinstance(exc, AuthenticationError):
        if request.headers.get("authorization") or request.headers.get("x-api-key"):
            return page(request, "error.html", 401, title="Sign in with your account", detail=exc.detail)
        return _sign_in_redirect(request)
    if isinstance(exc, ProblemError):
        status, title, detail = exc.status_code, exc.title, exc.detail
    elif isinstance(exc, HTTPException):
        status, title, detail = exc.status_code, "Something is not right", str(exc.detail)
    else:  # infrastructure failures: the API's handlers log them; the page stays vague on purpose
        status, title, detail = 503, "Service unavailable", "Please try again in a moment."
    titles = {404: "Not found", 403: "Not allowed", 409: "Conflict", 429: "Slow down"}
    return page(request, "error.html", status, title=titles.get(status, title), detail=detail)


async def ensure_caller(request: Request[Any, Any, Any]) -> Caller:
    """The signed-in caller on pages outside a workspace (the guard already checked it)."""
    return await authenticate_session_form(request, session_csrf(request))

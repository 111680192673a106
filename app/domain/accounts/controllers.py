"""`/auth`: register and login (public router); logout, me, password change, CSRF token (authenticated router).

Logout, the CSRF token and the password change need a user session (`session_only` guard), never an API key.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from app.domain.access.authentication import client_address
from app.domain.access.context import Caller
from app.domain.access.guards import session_only
from app.domain.access.runtime import AccessRuntime
from app.domain.access.sessions import SESSION_COOKIE
from app.domain.accounts.deps import ACCOUNT_DEPENDENCIES
from app.domain.accounts.schemas import (
    ApiKeyIdentity,
    CsrfOut,
    LoginRequest,
    Me,
    PasswordChangeRequest,
    RegisterRequest,
    SessionOut,
    UserOut,
)
from app.domain.accounts.services import AccountService
from app.lib.caching import NO_STORE
from app.lib.errors import AuthenticationError, ConflictError, PermissionDeniedError
from app.lib.openapi import problem_responses
from app.lib.request_context import get_request_id


def _session_caller(caller: Caller) -> Caller:
    """The caller of a `session_only` route, narrowed for the type checker (the guard already refused keys)."""
    if caller.user is None or caller.session_id is None:
        raise PermissionDeniedError("This endpoint needs a user session, not an API key.")
    return caller


class AuthController(Controller):
    """Register and log in (public router)."""

    path = "/auth"
    tags = ["Auth"]
    dependencies = ACCOUNT_DEPENDENCIES

    @post(
        "/register",
        operation_id="authRegister",
        cache_control=NO_STORE,
        summary="Create an account (and its personal workspace) and log in",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(400, 409, 429, 503),
        security=[],
    )
    async def register(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[RegisterRequest],
        accounts: NamedDependency[AccountService],
    ) -> Response[SessionOut]:
        """Emails are unique in their NFKC case-folded form (letters mixing Latin, Greek and Cyrillic in one part
        are refused); the password must be 10 to 128 characters. An existing email is a 409, throttled like failed
        logins (429 with Retry-After past the per-address limit)."""
        address = client_address(request)
        await accounts.check_register_throttle(data.email, address)
        try:
            user, workspace = await accounts.register(data, request_id=get_request_id(request.scope), address=address)
        except ConflictError:
            # The 409 tells that an email has an account: each one counts against the address.
            await accounts.record_register_conflict(data.email, address)
            raise
        session = await accounts.start_session(user, request.cookies.get(SESSION_COOKIE))
        body = SessionOut(
            user=UserOut.from_model(user), csrf_token=session.record.csrf, personal_workspace=workspace.slug
        )
        return Response(body, status_code=HTTP_201_CREATED, cookies=[accounts.access.sessions.cookie(session)])

    @post(
        "/login",
        operation_id="authLogin",
        cache_control=NO_STORE,
        summary="Log in with email and password (sets the session cookie)",
        status_code=HTTP_200_OK,
        responses=problem_responses(400, 401, 429, 503),
        security=[],
    )
    async def login(
        self, request: Request[Any, Any, Any], data: JSONBody[LoginRequest], accounts: NamedDependency[AccountService]
    ) -> Response[SessionOut]:
        """Always a new session id. The same 401 for an unknown email and a wrong password."""
        user, workspace = await accounts.login(
            data, request_id=get_request_id(request.scope), address=client_address(request)
        )
        session = await accounts.start_session(user, request.cookies.get(SESSION_COOKIE))
        body = SessionOut(
            user=UserOut.from_model(user),
            csrf_token=session.record.csrf,
            personal_workspace=workspace.slug if workspace else "",
        )
        return Response(body, cookies=[accounts.access.sessions.cookie(session)])


class SessionController(Controller):
    """The caller's identity and session (authenticated router)."""

    path = "/auth"
    tags = ["Auth"]
    dependencies = ACCOUNT_DEPENDENCIES

    @post(
        "/logout",
        operation_id="authLogout",
        guards=[session_only],
        summary="End the current session (server-side)",
        status_code=HTTP_204_NO_CONTENT,
        responses=problem_responses(400, 401, 403, 503),
    )
    async def logout(self, caller: NamedDependency[Caller], access: NamedDependency[AccessRuntime]) -> Response[None]:
        session_id = _session_caller(caller).session_id
        assert session_id is not None
        await access.sessions.delete(session_id)
        return Response(None, status_code=HTTP_204_NO_CONTENT, cookies=[access.sessions.clear_cookie()])

    @get(
        "/me",
        operation_id="authMe",
        cache_control=NO_STORE,
        summary="Who is calling: the logged-in user or the API key",
        responses=problem_responses(401, 429, 503),
    )
    async def me(self, caller: NamedDependency[Caller]) -> Me:
        if caller.api_key is not None:
            return Me(type="api_key", api_key=ApiKeyIdentity.from_model(caller.api_key))
        if caller.user is None:
            raise AuthenticationError("Authentication required.")
        return Me(type="user", user=UserOut.from_model(caller.user))

    @get(
        "/csrf",
        operation_id="authCsrfToken",
        cache_control=NO_STORE,
        guards=[session_only],
        summary="The CSRF token to send as X-CSRF-Token on unsafe cookie-authenticated requests",
        responses=problem_responses(400, 401, 429, 503),
    )
    async def csrf(self, caller: NamedDependency[Caller], access: NamedDependency[AccessRuntime]) -> CsrfOut:
        session_id = _session_caller(caller).session_id
        assert session_id is not None
        live = await access.sessions.load(session_id)
        if live is None:
            raise AuthenticationError("Your session has expired; log in again.")
        return CsrfOut(csrf_token=live.record.csrf)

    @post(
        "/password",
        operation_id="authChangePassword",
        guards=[session_only],
        summary="Change the password; every other session of the user ends",
        status_code=HTTP_204_NO_CONTENT,
        responses=problem_responses(400, 401, 403, 429, 503),
    )
    async def change_password(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasswordChangeRequest],
        caller: NamedDependency[Caller],
        accounts: NamedDependency[AccountService],
    ) -> None:
        await accounts.change_password(
            _session_caller(caller),
            data,
            request_id=get_request_id(request.scope),
            address=client_address(request),
        )

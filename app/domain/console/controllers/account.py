"""Sign in, register, sign out, and the home page (the person's workspaces with their role).

Sign-in and register call the accounts services the API uses; only the transport differs (a form and a
redirect instead of JSON). As on the API, the services flush and the request boundary commits (on the 303 too,
before it is sent: `app.lib.transactions`); a page that shows a refusal has a 4xx status, so it rolls back.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from app.domain.access.authentication import client_address
from app.domain.access.runtime import AccessRuntime
from app.domain.access.sessions import SESSION_COOKIE
from app.domain.accounts.deps import ACCOUNT_DEPENDENCIES
from app.domain.accounts.schemas import LoginRequest, RegisterRequest
from app.domain.accounts.services import AccountService
from app.domain.console.auth import check_pre_session_token, console_session, pre_session_token
from app.domain.console.pages import CONSOLE_PREFIX, ensure_caller, form_error, page
from app.domain.workspaces.deps import WORKSPACE_DEPENDENCIES
from app.domain.workspaces.schemas import WorkspaceCreate
from app.domain.workspaces.services import WorkspaceService
from app.lib.errors import ProblemError
from app.lib.request_context import get_request_id


def _safe_next(target: str) -> str:
    """Only a path inside the console (no open redirect to another site)."""
    if target.startswith(CONSOLE_PREFIX + "/") and not target.startswith("//") and "\\" not in target:
        return target
    return CONSOLE_PREFIX + "/"


def _form_page(request: Request[Any, Any, Any], template: str, status: int = 200, **context: Any) -> Template:
    token, cookie = pre_session_token(request)
    response = page(request, template, status, form_token=token, **context)
    if cookie is not None:
        response.cookies.append(cookie)
    return response


def _validation_message(error: Exception) -> str:
    text = str(error)
    if "password" in text:
        return "The password must be 10 to 128 characters."
    if "email" in text:
        return "Enter a valid email address."
    if "displayName" in text:
        return "Enter your name (up to 100 characters)."
    return "Check the form and try again."


class AccountPages(Controller):
    """Public pages: sign in and register."""

    path = "/"
    dependencies = ACCOUNT_DEPENDENCIES

    @get("/login", name="console:login")
    async def login_form(
        self,
        request: Request[Any, Any, Any],
        next_path: Annotated[str, QueryParameter(name="next", max_length=600)] = "",
    ) -> Template:
        return _form_page(request, "login.html", form={"email": ""}, next=next_path)

    @post("/login")
    async def login(self, request: Request[Any, Any, Any], accounts: NamedDependency[AccountService]) -> Response[Any]:
        await check_pre_session_token(request)
        form = await request.form()
        email, password = str(form.get("email", "")).strip(), str(form.get("password", ""))
        try:
            data = msgspec.convert({"email": email, "password": password}, LoginRequest)
            user, _ = await accounts.login(
                data, request_id=get_request_id(request.scope), address=client_address(request)
            )
        except (msgspec.ValidationError, ProblemError) as exc:
            status, detail = form_error(exc, "Enter your email and password.")
            return _form_page(request, "login.html", status, form={"email": email}, error=detail)
        session = await accounts.start_session(user, request.cookies.get(SESSION_COOKIE))
        target = _safe_next(str(form.get("next", "")))
        return Redirect(path=target, status_code=303, cookies=[accounts.access.sessions.cookie(session)])

    @get("/register", name="console:register")
    async def register_form(self, request: Request[Any, Any, Any]) -> Template:
        return _form_page(request, "register.html", form={"email": "", "display_name": ""})

    @post("/register")
    async def register(
        self, request: Request[Any, Any, Any], accounts: NamedDependency[AccountService]
    ) -> Response[Any]:
        await check_pre_session_token(request)
        form = await request.form()
        values = {
            "email": str(form.get("email", "")).strip(),
            "display_name": str(form.get("display_name", "")).strip(),
        }
        try:
            raw = {
                "email": values["email"],
                "displayName": values["display_name"],
                "password": form.get("password", ""),
            }
            data = msgspec.convert(raw, RegisterRequest)
            user, _ = await accounts.register(
                data, request_id=get_request_id(request.scope), address=client_address(request)
            )
        except (msgspec.ValidationError, ProblemError) as exc:
            status, detail = form_error(exc, _validation_message(exc))
            return _form_page(request, "register.html", status, form=values, error=detail)
        session = await accounts.start_session(user, request.cookies.get(SESSION_COOKIE))
        return Redirect(path=CONSOLE_PREFIX + "/", status_code=303, cookies=[accounts.access.sessions.cookie(session)])


async def _my_workspaces(request: Request[Any, Any, Any], workspaces: WorkspaceService) -> list[dict[str, str]]:
    caller = await ensure_caller(request)
    assert caller.user is not None  # console_session admits only people
    rows, _ = await workspaces.list_for_user(caller.user.id, limit=100, offset=0)
    return [{"slug": ws.slug, "name": ws.name, "role": role} for ws, role in rows]


class HomePages(Controller):
    """Signed-in pages outside a workspace: the workspace list and sign out."""

    path = "/"
    guards = [console_session]
    dependencies = WORKSPACE_DEPENDENCIES

    @get("/", name="console:home")
    async def home(self, request: Request[Any, Any, Any], workspaces: NamedDependency[WorkspaceService]) -> Template:
        return page(request, "home.html", workspaces=await _my_workspaces(request, workspaces))

    @post("/workspaces")
    async def create_workspace(
        self, request: Request[Any, Any, Any], workspaces: NamedDependency[WorkspaceService]
    ) -> Response[Any]:
        """A shared workspace owned by the signed-in person (the API's `createWorkspace` rules)."""
        caller = await ensure_caller(request)
        assert caller.user is not None
        form = await request.form()
        name = str(form.get("name", "")).strip()
        try:
            data = msgspec.convert({"name": name}, WorkspaceCreate)
            workspace = await workspaces.create(caller.user, data.name.strip())
        except (msgspec.ValidationError, ProblemError) as exc:
            status, detail = form_error(exc, "Give the workspace a name.")
            mine = await _my_workspaces(request, workspaces)
            return page(request, "home.html", status, workspaces=mine, form={"name": name}, error=detail)
        return Redirect(path=f"{CONSOLE_PREFIX}/w/{workspace.slug}/prompts/", status_code=303)

    @get("/workspace-menu")
    async def workspace_menu(
        self, request: Request[Any, Any, Any], workspaces: NamedDependency[WorkspaceService]
    ) -> Template:
        """The switcher's list (a fragment loaded when the menu opens): the person's workspaces and roles."""
        return page(request, "_workspace_menu.html", workspaces=await _my_workspaces(request, workspaces))

    @post("/logout")
    async def logout(self, request: Request[Any, Any, Any], access: NamedDependency[AccessRuntime]) -> Redirect:
        caller = await ensure_caller(request)
        if caller.session_id is not None:
            await access.sessions.delete(caller.session_id)
        return Redirect(path=CONSOLE_PREFIX + "/login", status_code=303, cookies=[access.sessions.clear_cookie()])

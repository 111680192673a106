"""The web console's routes at `/ui`: public sign-in pages, signed-in pages, and workspace pages.

Workspace pages sit behind the API's own `workspace_permission` guard (after `console_session`), with the
permission declared on each handler, so the start-up check of workspace routes covers them too. Errors on
these routes become pages (`problem_page`), never problem+json; the API's handlers are untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request, Router, get
from litestar.datastructures import ResponseHeader
from litestar.exceptions import HTTPException
from litestar.plugins.htmx import HTMXRequest
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.types import ControllerRouterHandler

from app.domain.access.deps import WORKSPACE_CONTEXT_DEPENDENCIES
from app.domain.access.guards import workspace_permission
from app.domain.console.auth import console_session
from app.domain.console.controllers.account import AccountPages, HomePages
from app.domain.console.controllers.prompts import PromptPages
from app.domain.console.controllers.tools import GeneratorPages, KeyPages
from app.domain.console.controllers.workspace import AuditPages, LintPages, MemberPages
from app.domain.console.pages import CONSOLE_CSP, CONSOLE_PREFIX, highlight_variables, problem_page, prompt_path
from app.lib.caching import NO_STORE
from app.lib.errors import ProblemError

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"


def _configure_engine(engine: JinjaTemplateEngine) -> None:
    engine.engine.filters["url_name"] = prompt_path
    engine.engine.filters["highlight"] = highlight_variables


def console_template_config() -> TemplateConfig[JinjaTemplateEngine]:
    """The app's template engine (Jinja2, autoescaped); only console handlers render templates."""
    return TemplateConfig(directory=HERE / "templates", engine=JinjaTemplateEngine, engine_callback=_configure_engine)


async def _no_json_check(_: Request[Any, Any, Any]) -> None:
    """Console forms are `application/x-www-form-urlencoded`: replaces the API's JSON-only body check here."""


@get("/", include_in_schema=False)
async def root_redirect() -> Redirect:
    """`/` opens the console (the API lives under `/api/v1`)."""
    return Redirect(path=CONSOLE_PREFIX + "/", status_code=302)


workspace_pages = Router(
    path="/w/{workspace:str}",
    guards=[workspace_permission],
    dependencies=WORKSPACE_CONTEXT_DEPENDENCIES,
    route_handlers=[PromptPages, GeneratorPages, KeyPages, MemberPages, AuditPages, LintPages],
)

console_router = Router(
    path=CONSOLE_PREFIX,
    route_handlers=[
        AccountPages,
        HomePages,
        Router(path="/", guards=[console_session], route_handlers=[workspace_pages]),
    ],
    request_class=HTMXRequest,
    before_request=_no_json_check,
    response_headers=[ResponseHeader(name="Content-Security-Policy", value=CONSOLE_CSP)],
    # Every page carries the session's CSRF token in its forms, the keys page a new key once: never cached.
    cache_control=NO_STORE,
    exception_handlers={ProblemError: problem_page, HTTPException: problem_page},
    include_in_schema=False,
)

static_router = create_static_files_router(
    path=CONSOLE_PREFIX + "/static",
    directories=[STATIC_DIR],
    include_in_schema=False,
    cache_control=None,
)

CONSOLE_HANDLERS: list[ControllerRouterHandler] = [root_redirect, console_router, static_router]

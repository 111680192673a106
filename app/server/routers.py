"""Every route of the service, on one of three routers, each with its guard. Read with `app/server/core.py`.

- probes (`/health`): no guard.
- `public_router` (`/api/v1`): no guard (register, log in).
- `account_router` (`/api/v1`): guard `authenticated`; dependency `caller`. Handlers add `requires_scope(...)`
  (what an API key needs on the stateless endpoints) or `session_only` (logout, CSRF token, password).
- `workspace_router` (`/api/v1/workspaces/{workspace}`): guard `workspace_permission`, which authenticates, finds
  the workspace (404 without access) and checks the route's declared `opt["permission"]` (403 without it);
  dependencies `caller` and `workspace_ctx`.

The permission each workspace route needs is declared on the handler (`opt={"permission": Permission.X}`) or on
its controller; `check_workspace_routes` refuses to start the app when one is missing, or when a route with
`{workspace}` in its path is not on the workspace router. `tests/integration/workspaces/test_role_matrix.py`
pins the resulting role x route table by hand.
"""

from __future__ import annotations

from litestar import Router
from litestar.types import ControllerRouterHandler

from app.domain.access.deps import CALLER_DEPENDENCY, WORKSPACE_CONTEXT_DEPENDENCIES
from app.domain.access.guards import authenticated, workspace_permission
from app.domain.accounts.controllers import AuthController, SessionController
from app.domain.apikeys.controllers import ApiKeyController
from app.domain.audit.controllers import AuditController
from app.domain.console.routers import CONSOLE_HANDLERS
from app.domain.delivery.controllers import ResolveController
from app.domain.generation.controllers import (
    GenerationController,
    LintController,
    SavedGenerationController,
    WorkspaceLintController,
)
from app.domain.mcp.http import mcp_endpoint
from app.domain.prompts.controllers import (
    LabelController,
    PromptController,
    PromptTransferController,
    VersionController,
)
from app.domain.system.controllers import HealthController
from app.domain.webhooks.controllers import WebhookController
from app.domain.workspaces.controllers import MemberController, WorkspaceCollectionController, WorkspaceController

API_PREFIX = "/api/v1"
WORKSPACE_PATH = "/workspaces/{workspace:str}"

public_router = Router(path="/", route_handlers=[AuthController])
"""Register and log in: no credentials needed."""

account_router = Router(
    path="/",
    guards=[authenticated],
    dependencies=CALLER_DEPENDENCY,
    route_handlers=[SessionController, WorkspaceCollectionController, GenerationController, LintController],
)
"""Any authenticated caller (API key or session); scopes and session-only routes add a handler guard."""

workspace_router = Router(
    path=WORKSPACE_PATH,
    guards=[workspace_permission],
    dependencies=WORKSPACE_CONTEXT_DEPENDENCIES,
    route_handlers=[
        WorkspaceController,
        MemberController,
        ApiKeyController,
        AuditController,
        WorkspaceLintController,
        SavedGenerationController,
        # The transfer controller's literal `/prompts/export` must be registered before `/prompts/{name}`.
        PromptTransferController,
        PromptController,
        VersionController,
        LabelController,
        ResolveController,
        WebhookController,
    ],
)
"""Everything inside one workspace: the caller's access and the route's declared permission are checked first."""

api_router = Router(path=API_PREFIX, route_handlers=[public_router, account_router, workspace_router])
"""`/api/v1`, set once."""

ROUTE_HANDLERS: list[ControllerRouterHandler] = [HealthController, api_router, *CONSOLE_HANDLERS]
"""What `ApplicationCore` registers: the probes (outside the API version), the API and the web console (`/ui`)."""

MCP_HANDLERS: list[ControllerRouterHandler] = [mcp_endpoint]
"""`/mcp`: the MCP server over streamable HTTP (app/domain/mcp), an ASGI mount whose guard takes API keys only;
registered by `ApplicationCore` when `MCP_ENABLED` (the default)."""

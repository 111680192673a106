"""Who calls the MCP server, and the workspace its MCP requests act in.

MCP takes API keys only (HTTP: `Authorization: Bearer psk_…`, checked by the mount's guard with the same code as
every REST route; stdio: the key in `PROMPTSMITH_API_KEY`). A key belongs to one workspace, and that workspace is
the only one its MCP requests ever see: no request names a workspace, so none can reach another one.

Each MCP request opens its own database session and builds the same `WorkspaceContext` a REST request under
`/workspaces/{slug}` gets for that key (permissions from the key's scopes), then calls the registry's services.

The SDK's handlers have no Litestar dependency injection, so what they use (`McpServices`: the access runtime
with its session maker, the event bus, the resolve path's engine and cache, the generation service) is handed to
the MCP runtime where the app's services are built (`app/server/services.py`), and from there to the server and
every tool as an argument; nothing in `app.domain.mcp` looks a service up by type.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.db.models import Workspace
from app.domain.access.authorization import WORKSPACE_NOT_FOUND, scope_permissions
from app.domain.access.context import Caller, WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.access.runtime import AccessRuntime
from app.domain.delivery.cache import ResolveCache
from app.domain.generation.services import GenerationService
from app.domain.prompts.services.prompts import PromptRegistry
from app.domain.prompts.services.versions import VersionService
from app.lib.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from app.lib.events import EventBus

_SCOPE_NEEDED = {Permission.READ: "read", Permission.WRITE: "write"}


@dataclass(frozen=True, slots=True)
class McpServices:
    """The app's services the MCP server uses, given to it explicitly (see the module doc)."""

    access: AccessRuntime
    """Database sessions (its Advanced Alchemy config) and the API-key lookup stdio authenticates with."""
    events: EventBus
    """The registry announces its committed changes here (caches, webhooks, list-changed streams follow)."""
    db_engine: AsyncEngine
    """The resolve path's lean reads (`delivery.resolve.LeanLoader`)."""
    resolve_cache: ResolveCache
    generation: GenerationService


@dataclass(frozen=True, slots=True)
class McpIdentity:
    """The authenticated API key behind one MCP request, the label its prompt list follows, and what the audit
    trail records about the request."""

    caller: Caller
    label: str
    request_id: str
    client_address: str


@dataclass(slots=True)
class WorkspaceScope:
    """The services of one MCP request, bound to the caller's workspace and a database session of its own."""

    services: McpServices
    session: AsyncSession
    ctx: WorkspaceContext
    registry: PromptRegistry

    @property
    def versions(self) -> VersionService:
        return VersionService(self.registry)

    def require(self, permission: Permission) -> None:
        """403 unless the key's scopes grant `permission` (the rule the workspace router applies to REST routes)."""
        if not self.ctx.can(permission):
            scope = _SCOPE_NEEDED.get(permission, "admin")
            raise PermissionDeniedError(f"This API key needs the {scope!r} scope for this action.")


@asynccontextmanager
async def open_workspace(services: McpServices, identity: McpIdentity) -> AsyncIterator[WorkspaceScope]:
    """The caller's workspace and its registry for one MCP request; the session is closed afterwards.

    Writes commit inside the services (as on REST); anything left uncommitted is rolled back on exit.
    """
    key = identity.caller.api_key
    if key is None:
        raise AuthenticationError("MCP needs an API key.")
    async with services.access.alchemy.get_session() as session:
        workspace = (
            await session.execute(select(Workspace).where(Workspace.id == key.workspace_id))
        ).scalar_one_or_none()
        if workspace is None:  # deleted after the key was cached
            raise NotFoundError(WORKSPACE_NOT_FOUND)
        ctx = WorkspaceContext(
            workspace=workspace,
            caller=identity.caller,
            role=None,
            permissions=scope_permissions(key.scopes),
            request_id=identity.request_id,
            client_address=identity.client_address,
        )
        registry = PromptRegistry(session, ctx, services.events)
        yield WorkspaceScope(services=services, session=session, ctx=ctx, registry=registry)

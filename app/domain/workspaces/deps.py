"""Dependencies of the workspace controllers (the API's and the console's): the workspace service."""

from __future__ import annotations

from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.workspaces.services import WorkspaceService


def provide_workspaces(db_session: NamedDependency[AsyncSession]) -> WorkspaceService:
    """Dependency `workspaces`: the workspace service on the request's session."""
    return WorkspaceService(db_session)


WORKSPACE_DEPENDENCIES = {"workspaces": Provide(provide_workspaces, sync_to_thread=False)}

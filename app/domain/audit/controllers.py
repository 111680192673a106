"""`/api/v1/workspaces/{workspace}/audit-events`: the workspace's audit log (admins and owners)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.audit.deps import AUDIT_DEPENDENCIES
from app.domain.audit.schemas import AuditEventOut, AuditEventPage
from app.domain.audit.services import AuditEventService
from app.lib.instants import Since, Until, parse_instant
from app.lib.openapi import problem_responses
from app.lib.pagination import Limit, Offset


class AuditController(Controller):
    path = "/audit-events"
    tags = ["Audit"]
    dependencies = AUDIT_DEPENDENCIES

    @get(
        "/",
        operation_id="listAuditEvents",
        summary="List audit events, newest first",
        opt={"permission": Permission.VIEW_AUDIT},
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_events(
        self,
        workspace_ctx: NamedDependency[WorkspaceContext],
        audit_events: NamedDependency[AuditEventService],
        limit: Limit = 50,
        offset: Offset = 0,
        action: Annotated[
            str | None, QueryParameter(max_length=64, description="Exact action, e.g. login.failed")
        ] = None,
        since: Since = None,
        until: Until = None,
    ) -> AuditEventPage:
        events, total = await audit_events.list_for_workspace(
            workspace_ctx.workspace_id,
            limit=limit,
            offset=offset,
            action=action,
            since=parse_instant("since", since),
            until=parse_instant("until", until),
        )
        items = [AuditEventOut.from_model(e) for e in events]
        return AuditEventPage(items=items, total=total, limit=limit, offset=offset)

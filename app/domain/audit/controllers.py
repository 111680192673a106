"""`/api/v1/workspaces/{workspace}/audit-events`: the workspace's audit log (admins and owners)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import AuditEvent
from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.audit.schemas import AuditActor, AuditEventOut, AuditEventPage, AuditTarget
from app.domain.audit.services import AuditEventService
from app.lib.instants import Since, Until, parse_instant
from app.lib.openapi import problem_responses
from app.lib.pagination import Limit, Offset


def event_out(event: AuditEvent) -> AuditEventOut:
    return AuditEventOut(
        id=event.id,
        action=event.action,
        actor=AuditActor(type=event.actor_type, id=event.actor_id, label=event.actor_label),
        target=AuditTarget(type=event.target_type, id=event.target_id, label=event.target_label),
        details=dict(event.details or {}),
        request_id=event.request_id,
        client_address=event.client_address,
        created_at=event.created_at,
    )


class AuditController(Controller):
    path = "/audit-events"
    tags = ["Audit"]

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
        db_session: NamedDependency[AsyncSession],
        limit: Limit = 50,
        offset: Offset = 0,
        action: Annotated[
            str | None, QueryParameter(max_length=64, description="Exact action, e.g. login.failed")
        ] = None,
        since: Since = None,
        until: Until = None,
    ) -> AuditEventPage:
        service = AuditEventService(session=db_session)
        events, total = await service.list_for_workspace(
            workspace_ctx.workspace_id,
            limit=limit,
            offset=offset,
            action=action,
            since=parse_instant("since", since),
            until=parse_instant("until", until),
        )
        return AuditEventPage(items=[event_out(e) for e in events], total=total, limit=limit, offset=offset)

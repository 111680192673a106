"""`/api/v1/workspaces/{workspace}/audit-events`: the workspace's audit log (admins and owners)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.audit.schemas import AuditEventOut, AuditEventPage
from app.domain.audit.services import AUDIT_DEPENDENCIES, AuditEventService
from app.lib.errors import ValidationFailedError
from app.lib.openapi import problem_responses
from app.lib.pagination import Limit, Offset

# An RFC 3339 date-time with its offset, parsed here: Litestar's own datetime parameters also take a bare number
# (`until=0.5`) as a Unix timestamp, which the documented `format: date-time` does not allow.
Instant = Annotated[
    str | None,
    QueryParameter(
        format="date-time", max_length=64, description="RFC 3339 date-time with offset, e.g. 2026-01-31T09:00:00Z"
    ),
]


def parse_instant(name: str, value: str | None) -> datetime | None:
    """`value` as an aware datetime, or a 400 naming the parameter when it is not an RFC 3339 date-time."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None or "T" not in value.upper():
        raise ValidationFailedError(
            f"{name} must be an RFC 3339 date-time with an offset, e.g. 2026-01-31T09:00:00Z.",
            extra={"errors": [{"field": name, "source": "query", "message": "expected an RFC 3339 date-time"}]},
        )
    return parsed


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
        since: Instant = None,
        until: Instant = None,
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

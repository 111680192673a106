"""Writing and reading audit events. Other features call `record_audit_event` in their own transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from advanced_alchemy.filters import LimitOffset, OrderBy
from advanced_alchemy.repository import SQLAlchemyAsyncRepository
from advanced_alchemy.service import SQLAlchemyAsyncRepositoryService
from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import AuditEvent
from app.domain.access.context import Actor, WorkspaceContext


async def record_event(
    session: AsyncSession,
    *,
    workspace_id: UUID | None,
    actor: Actor,
    action: str,
    target_type: str = "",
    target_id: str = "",
    target_label: str = "",
    details: dict[str, Any] | None = None,
    request_id: str = "",
    client_address: str = "",
) -> None:
    """Add one event to `session` (committed with the caller's transaction)."""
    session.add(
        AuditEvent(
            workspace_id=workspace_id,
            actor_type=actor.type,
            actor_id=actor.id,
            actor_label=actor.label[:320],
            action=action,
            target_type=target_type[:32],
            target_id=target_id[:128],
            target_label=target_label[:320],
            details=details or {},
            request_id=request_id[:128],
            client_address=client_address[:64],
        )
    )
    await session.flush()


async def record_audit_event(
    session: AsyncSession,
    ctx: WorkspaceContext,
    *,
    action: str,
    target_type: str,
    target_id: str,
    target_label: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """Record `action` on a target in the context's workspace, by the context's caller, with the request id."""
    await record_event(
        session,
        workspace_id=ctx.workspace_id,
        actor=ctx.actor,
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label,
        details=details,
        request_id=ctx.request_id,
        client_address=ctx.client_address,
    )


class AuditEventRepository(SQLAlchemyAsyncRepository[AuditEvent]):
    model_type = AuditEvent


class AuditEventService(SQLAlchemyAsyncRepositoryService[AuditEvent]):
    """Reads of one workspace's audit log."""

    repository_type = AuditEventRepository

    async def list_for_workspace(
        self,
        workspace_id: UUID,
        *,
        limit: int,
        offset: int,
        action: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[list[AuditEvent], int]:
        """Newest first, filtered by exact action and a half-open time range [since, until)."""
        conditions: list[ColumnElement[bool]] = [AuditEvent.workspace_id == workspace_id]
        if action:
            conditions.append(AuditEvent.action == action)
        if since is not None:
            conditions.append(AuditEvent.created_at >= since)
        if until is not None:
            conditions.append(AuditEvent.created_at < until)
        results, total = await self.get_many_and_count(
            *conditions, OrderBy("created_at", "desc"), OrderBy("id", "desc"), LimitOffset(limit, offset)
        )
        return list(results), total

"""Audit event DTOs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from app.lib.pagination import Page
from app.lib.schema import CamelizedBaseStruct

if TYPE_CHECKING:
    from app.db.models import AuditEvent


class AuditActor(CamelizedBaseStruct):
    type: str
    """`user`, `api_key` or `anonymous`."""
    id: UUID | None
    label: str


class AuditTarget(CamelizedBaseStruct):
    type: str
    id: str
    label: str


class AuditEventOut(CamelizedBaseStruct):
    id: UUID
    action: str
    actor: AuditActor
    target: AuditTarget
    details: dict[str, Any]
    request_id: str
    client_address: str
    created_at: datetime

    @classmethod
    def from_model(cls, event: AuditEvent) -> AuditEventOut:
        return cls(
            id=event.id,
            action=event.action,
            actor=AuditActor(type=event.actor_type, id=event.actor_id, label=event.actor_label),
            target=AuditTarget(type=event.target_type, id=event.target_id, label=event.target_label),
            details=dict(event.details or {}),
            request_id=event.request_id,
            client_address=event.client_address,
            created_at=event.created_at,
        )


class AuditEventPage(Page[AuditEventOut], kw_only=True):
    items: list[AuditEventOut]

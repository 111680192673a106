"""Audit event DTOs."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from app.lib.schema import CamelizedBaseStruct


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


class AuditEventPage(CamelizedBaseStruct):
    items: list[AuditEventOut]
    total: int
    limit: int
    offset: int

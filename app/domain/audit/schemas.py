"""Audit event DTOs."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from app.lib.pagination import Page
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


class AuditEventPage(Page[AuditEventOut], kw_only=True):
    items: list[AuditEventOut]

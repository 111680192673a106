"""Identity and tenancy: users, workspaces, memberships, API keys and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from advanced_alchemy.base import UUIDv7AuditBase
from advanced_alchemy.types import DateTimeUTC, JsonB
from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship


class User(UUIDv7AuditBase):
    """A person who logs in with email and password."""

    __tablename__ = "user_account"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    """Normalised (trimmed, lower-cased), so uniqueness is case-insensitive."""
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_changed_at: Mapped[datetime] = mapped_column(DateTimeUTC(timezone=True))
    """Sessions issued before this instant are invalid: a password change ends other sessions."""


class Workspace(UUIDv7AuditBase):
    """The tenant: everything a user owns lives in exactly one workspace."""

    __tablename__ = "workspace"

    slug: Mapped[str] = mapped_column(String(64), unique=True)
    """Immutable URL key."""
    name: Mapped[str] = mapped_column(String(120))
    is_personal: Mapped[bool] = mapped_column(Boolean, default=False)
    protected_labels: Mapped[list[str]] = mapped_column(JsonB, default=lambda: ["production"])
    lint_overrides: Mapped[list[dict[str, Any]]] = mapped_column(JsonB, default=list)

    members: Mapped[list[WorkspaceMember]] = relationship(
        back_populates="workspace", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class WorkspaceMember(UUIDv7AuditBase):
    """A user's role in a workspace: owner, admin, editor or viewer."""

    __tablename__ = "workspace_member"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id", name="uq_workspace_member"),)

    workspace_id: Mapped[UUID] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    user_id: Mapped[UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))

    workspace: Mapped[Workspace] = relationship(back_populates="members", lazy="raise")
    user: Mapped[User] = relationship(lazy="raise")


class ApiKey(UUIDv7AuditBase):
    """A workspace-scoped credential for programs. Only a hash of the secret is stored."""

    __tablename__ = "api_key"

    workspace_id: Mapped[UUID] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    prefix: Mapped[str] = mapped_column(String(32), unique=True)
    """Public, recognisable part of the key (`psk_<id>`), used to find the row."""
    secret_hash: Mapped[str] = mapped_column(String(128))
    scopes: Mapped[list[str]] = mapped_column(JsonB)
    expires_at: Mapped[datetime | None] = mapped_column(DateTimeUTC(timezone=True), default=None)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTimeUTC(timezone=True), default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTimeUTC(timezone=True), default=None)
    created_by_id: Mapped[UUID | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), default=None)


class AuditEvent(UUIDv7AuditBase):
    """A security or deployment event. `workspace_id` is null only for events with no workspace
    (a failed login for an unknown email)."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_workspace_created", "workspace_id", "created_at"),
        Index("ix_audit_event_workspace_action", "workspace_id", "action"),
    )

    workspace_id: Mapped[UUID | None] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    actor_type: Mapped[str] = mapped_column(String(16))
    """`user`, `api_key` or `anonymous`."""
    actor_id: Mapped[UUID | None] = mapped_column(default=None)
    actor_label: Mapped[str] = mapped_column(String(320), default="")
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32), default="")
    target_id: Mapped[str] = mapped_column(String(128), default="")
    target_label: Mapped[str] = mapped_column(String(320), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JsonB, default=dict)
    request_id: Mapped[str] = mapped_column(String(128), default="")
    client_address: Mapped[str] = mapped_column(String(64), default="")

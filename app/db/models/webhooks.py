"""Webhooks: subscriptions, the transactional outbox, deliveries and their attempts."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from advanced_alchemy.base import IdentityBase, UUIDv7AuditBase
from advanced_alchemy.types import DateTimeUTC, JsonB
from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column


class WebhookSubscription(UUIDv7AuditBase):
    """A URL that receives a workspace's registry events, signed with its secret."""

    __tablename__ = "webhook_subscription"

    workspace_id: Mapped[UUID] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    events: Mapped[list[str]] = mapped_column(JsonB)
    prompt_prefix: Mapped[str | None] = mapped_column(String(200), default=None)
    labels: Mapped[list[str] | None] = mapped_column(JsonB, default=None)
    description: Mapped[str] = mapped_column(String(200), default="")
    secret_encrypted: Mapped[str] = mapped_column(Text)
    """The signing secret, encrypted under a key derived from SECRET_KEY (`app.lib.encryption`)."""
    secret_rotated_at: Mapped[datetime] = mapped_column(DateTimeUTC(timezone=True))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str] = mapped_column(String(200), default="")
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)


class WebhookOutbox(IdentityBase):
    """A committed registry event waiting for the relay; written in the transaction of the change itself.

    The identity orders events: a later change of one prompt (serialised by its row lock) gets a larger id.
    """

    __tablename__ = "webhook_outbox"

    event_id: Mapped[UUID] = mapped_column(unique=True)
    workspace_id: Mapped[UUID] = mapped_column(index=True)
    """No foreign key: the event of a deleted workspace's last change must not block the delete."""
    event_type: Mapped[str] = mapped_column(String(32))
    prompt: Mapped[str] = mapped_column(String(200))
    label: Mapped[str | None] = mapped_column(String(64), default=None)
    labels: Mapped[list[str]] = mapped_column(JsonB, default=list)
    """Labels the event concerns (the moved label, or the labels a new version got), for subscription filters."""
    payload: Mapped[dict[str, Any]] = mapped_column(JsonB)
    created_at: Mapped[datetime] = mapped_column(DateTimeUTC(timezone=True))


class WebhookDelivery(UUIDv7AuditBase):
    """One event for one subscription: pending until delivered, or failed after the last attempt."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        Index("ix_webhook_delivery_queue", "subscription_id", "prompt", "status", "sequence"),
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
    )

    subscription_id: Mapped[UUID] = mapped_column(ForeignKey("webhook_subscription.id", ondelete="CASCADE"))
    workspace_id: Mapped[UUID] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[UUID]
    event_type: Mapped[str] = mapped_column(String(32))
    prompt: Mapped[str] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(BigInteger)
    """The outbox id of the event: deliveries of one prompt to one subscription go out in this order."""
    payload: Mapped[dict[str, Any]] = mapped_column(JsonB)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    """`pending`, `delivered` or `failed`."""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTimeUTC(timezone=True))
    locked_until: Mapped[datetime | None] = mapped_column(DateTimeUTC(timezone=True), default=None)
    """A worker sending this delivery holds it until then; a worker that died lets it expire."""
    last_status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    last_latency_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str] = mapped_column(String(300), default="")
    delivered_at: Mapped[datetime | None] = mapped_column(DateTimeUTC(timezone=True), default=None)
    redelivery_of: Mapped[UUID | None] = mapped_column(default=None)


class WebhookAttempt(UUIDv7AuditBase):
    """One HTTP attempt of a delivery: the delivery log."""

    __tablename__ = "webhook_attempt"

    delivery_id: Mapped[UUID] = mapped_column(ForeignKey("webhook_delivery.id", ondelete="CASCADE"), index=True)
    attempt: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    latency_ms: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(String(300), default="")
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)

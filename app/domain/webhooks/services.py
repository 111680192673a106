"""Webhook subscriptions of a workspace: create (the secret is returned once), change, rotate the secret,
delete, read the delivery log and redeliver. Every query is scoped to the caller's workspace."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID

import msgspec
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config.settings import Settings
from app.db.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from app.domain.access.context import WorkspaceContext
from app.domain.audit.services import record_audit_event
from app.domain.webhooks.delivery import secret_box
from app.domain.webhooks.schemas import WebhookCreate, WebhookUpdate
from app.domain.webhooks.signing import new_secret
from app.lib import outbound
from app.lib.errors import NotFoundError, ValidationFailedError

MAX_SUBSCRIPTIONS = 50
"""Per workspace: each one multiplies the deliveries of every event."""


def _check_url(settings: Settings, url: str) -> str:
    url = url.strip()
    try:
        outbound.check_url(url, allow_private=settings.webhook_allow_private_targets)
    except outbound.OutboundRefused as err:
        raise ValidationFailedError(
            str(err), extra={"errors": [{"field": "url", "source": "body", "message": str(err)}]}
        ) from None
    return url


def _without_secrets(url: str) -> str:
    """The URL as the audit log shows it: scheme, host and path; credentials and query (often a token) dropped."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, host + port, parts.path, "", ""))[:320]


class WebhookService:
    """A workspace's webhook subscriptions and their delivery log, on the request's session. It flushes; the
    request boundary commits, except in `redeliver` (see there)."""

    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.settings = settings

    async def _audit(self, ctx: WorkspaceContext, action: str, row: WebhookSubscription) -> None:
        await record_audit_event(
            self.session,
            ctx,
            action=action,
            target_type="webhook",
            target_id=str(row.id),
            target_label=_without_secrets(row.url),
        )

    async def create_subscription(self, ctx: WorkspaceContext, data: WebhookCreate) -> tuple[WebhookSubscription, str]:
        """Create a subscription; returns it with its plaintext secret (never readable again through the API)."""
        url = _check_url(self.settings, data.url)
        count = (
            await self.session.execute(
                select(func.count())
                .select_from(WebhookSubscription)
                .where(WebhookSubscription.workspace_id == ctx.workspace_id)
            )
        ).scalar_one()
        if count >= MAX_SUBSCRIPTIONS:
            raise ValidationFailedError(f"A workspace has at most {MAX_SUBSCRIPTIONS} webhook subscriptions.")
        secret = new_secret()
        row = WebhookSubscription(
            workspace_id=ctx.workspace_id,
            url=url,
            events=sorted(set(data.events)),
            prompt_prefix=data.prompt_prefix,
            labels=sorted(set(data.labels)) if data.labels else None,
            description=data.description,
            secret_encrypted=secret_box(self.settings).encrypt(secret),
            secret_rotated_at=datetime.now(UTC),
            enabled=True,
            disabled_reason="",
            consecutive_failures=0,
        )
        self.session.add(row)
        await self.session.flush()
        await self._audit(ctx, "webhook.created", row)
        return row, secret

    async def list_subscriptions(
        self, ctx: WorkspaceContext, *, limit: int, offset: int
    ) -> tuple[list[WebhookSubscription], int]:
        condition = WebhookSubscription.workspace_id == ctx.workspace_id
        total = (
            await self.session.execute(select(func.count()).select_from(WebhookSubscription).where(condition))
        ).scalar_one()
        rows = (
            await self.session.execute(
                select(WebhookSubscription)
                .where(condition)
                .order_by(WebhookSubscription.created_at, WebhookSubscription.id)
                .limit(limit)
                .offset(offset)
            )
        ).scalars()
        return list(rows), total

    async def get_subscription(self, ctx: WorkspaceContext, webhook_id: UUID) -> WebhookSubscription:
        row = (
            await self.session.execute(
                select(WebhookSubscription).where(
                    WebhookSubscription.id == webhook_id, WebhookSubscription.workspace_id == ctx.workspace_id
                )
            )
        ).scalar_one_or_none()
        if row is None:
            raise NotFoundError("No such webhook in this workspace.")
        return row

    async def update_subscription(
        self, ctx: WorkspaceContext, webhook_id: UUID, data: WebhookUpdate
    ) -> WebhookSubscription:
        row = await self.get_subscription(ctx, webhook_id)
        changes: dict[str, Any] = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
        if "url" in changes:
            row.url = _check_url(self.settings, changes["url"])
        if "events" in changes:
            row.events = sorted(set(changes["events"]))
        if "prompt_prefix" in changes:
            row.prompt_prefix = changes["prompt_prefix"]
        if "labels" in changes:
            row.labels = sorted(set(changes["labels"])) if changes["labels"] else None
        if "description" in changes:
            row.description = changes["description"]
        if "enabled" in changes:
            row.enabled = changes["enabled"]
            if row.enabled:
                row.disabled_reason = ""
                row.consecutive_failures = 0
            else:
                row.disabled_reason = "disabled by a member"
        await self.session.flush()
        await self._audit(ctx, "webhook.updated", row)
        return row

    async def rotate_secret(self, ctx: WorkspaceContext, webhook_id: UUID) -> tuple[WebhookSubscription, str]:
        """Replace the signing secret at once; deliveries from now on are signed with the new one."""
        row = await self.get_subscription(ctx, webhook_id)
        secret = new_secret()
        row.secret_encrypted = secret_box(self.settings).encrypt(secret)
        row.secret_rotated_at = datetime.now(UTC)
        await self.session.flush()
        await self._audit(ctx, "webhook.secret_rotated", row)
        return row, secret

    async def delete_subscription(self, ctx: WorkspaceContext, webhook_id: UUID) -> None:
        row = await self.get_subscription(ctx, webhook_id)
        await self._audit(ctx, "webhook.deleted", row)
        await self.session.delete(row)
        await self.session.flush()

    async def list_deliveries(
        self, ctx: WorkspaceContext, webhook_id: UUID, *, limit: int, offset: int
    ) -> tuple[list[WebhookDelivery], int]:
        """The delivery log of one subscription, newest first."""
        await self.get_subscription(ctx, webhook_id)
        condition = (WebhookDelivery.subscription_id == webhook_id) & (WebhookDelivery.workspace_id == ctx.workspace_id)
        total = (
            await self.session.execute(select(func.count()).select_from(WebhookDelivery).where(condition))
        ).scalar_one()
        rows = (
            await self.session.execute(
                select(WebhookDelivery)
                .where(condition)
                .order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())
                .limit(limit)
                .offset(offset)
            )
        ).scalars()
        return list(rows), total

    async def list_attempts(self, ctx: WorkspaceContext, webhook_id: UUID, delivery_id: UUID) -> list[WebhookAttempt]:
        """Every HTTP attempt of one delivery, first to last."""
        delivery = await self._delivery(ctx, webhook_id, delivery_id)
        rows = await self.session.execute(
            select(WebhookAttempt).where(WebhookAttempt.delivery_id == delivery.id).order_by(WebhookAttempt.attempt)
        )
        return list(rows.scalars())

    async def _delivery(self, ctx: WorkspaceContext, webhook_id: UUID, delivery_id: UUID) -> WebhookDelivery:
        await self.get_subscription(ctx, webhook_id)
        row = (
            await self.session.execute(
                select(WebhookDelivery).where(
                    WebhookDelivery.id == delivery_id,
                    WebhookDelivery.subscription_id == webhook_id,
                    WebhookDelivery.workspace_id == ctx.workspace_id,
                )
            )
        ).scalar_one_or_none()
        if row is None:
            raise NotFoundError("No such delivery for this webhook.")
        return row

    async def redeliver(self, ctx: WorkspaceContext, webhook_id: UUID, delivery_id: UUID) -> WebhookDelivery:
        """A new delivery of the same event (same event id and body) to the same subscription, sent as soon as the
        prompt's earlier pending deliveries are out. Committed here, the one exception to "the request boundary
        commits": the caller then enqueues the drain, whose job runs in another process and must find the row."""
        original = await self._delivery(ctx, webhook_id, delivery_id)
        newest = (
            await self.session.execute(
                select(func.max(WebhookDelivery.sequence)).where(
                    WebhookDelivery.subscription_id == webhook_id, WebhookDelivery.prompt == original.prompt
                )
            )
        ).scalar_one()
        copy = WebhookDelivery(
            subscription_id=original.subscription_id,
            workspace_id=original.workspace_id,
            event_id=original.event_id,
            event_type=original.event_type,
            prompt=original.prompt,
            sequence=int(newest or original.sequence),
            payload=original.payload,
            status="pending",
            attempts=0,
            next_attempt_at=datetime.now(UTC),
            last_error="",
            redelivery_of=original.id,
        )
        self.session.add(copy)
        await self.session.commit()  # before the enqueue (see the docstring)
        return copy

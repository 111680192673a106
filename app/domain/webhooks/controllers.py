"""`/webhooks` of a workspace (workspace router, admin): subscriptions, their secret, delivery log, redelivery."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import structlog
from litestar import Controller, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT
from sqlalchemy.ext.asyncio import AsyncSession

from app.config.settings import Settings
from app.db.models import WebhookDelivery, WebhookSubscription
from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.webhooks import services
from app.domain.webhooks.runtime import WebhookRuntime
from app.domain.webhooks.schemas import (
    AttemptList,
    AttemptRead,
    DeliveryPage,
    DeliveryRead,
    WebhookCreate,
    WebhookPage,
    WebhookRead,
    WebhookUpdate,
    WebhookWithSecret,
)
from app.lib.caching import NO_STORE
from app.lib.openapi import problem_responses
from app.lib.pagination import Limit, Offset

logger = structlog.get_logger("promptsmith.webhooks")


def webhook_read(row: WebhookSubscription) -> WebhookRead:
    return WebhookRead(
        id=row.id,
        url=row.url,
        events=list(row.events),
        prompt_prefix=row.prompt_prefix,
        labels=list(row.labels) if row.labels else None,
        description=row.description,
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        consecutive_failures=row.consecutive_failures,
        secret_rotated_at=row.secret_rotated_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def with_secret(row: WebhookSubscription, secret: str) -> WebhookWithSecret:
    out = webhook_read(row)
    return WebhookWithSecret(secret=secret, **{f: getattr(out, f) for f in out.__struct_fields__})


def delivery_read(row: WebhookDelivery) -> DeliveryRead:
    pending = row.status == "pending"
    next_at: datetime | None = row.next_attempt_at if pending else None
    return DeliveryRead(
        id=row.id,
        event_id=row.event_id,
        event_type=row.event_type,
        prompt=row.prompt,
        status=row.status,
        attempts=row.attempts,
        last_status_code=row.last_status_code,
        last_latency_ms=row.last_latency_ms,
        last_error=row.last_error,
        next_attempt_at=next_at,
        delivered_at=row.delivered_at,
        redelivery_of=row.redelivery_of,
        created_at=row.created_at,
    )


class WebhookController(Controller):
    path = "/webhooks"
    tags = ["Webhooks"]
    opt = {"permission": Permission.MANAGE_WORKSPACE}

    @get(
        "/",
        operation_id="listWebhooks",
        summary="List webhook subscriptions (never their secrets)",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_webhooks(
        self,
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> WebhookPage:
        rows, total = await services.list_subscriptions(db_session, workspace_ctx, limit=limit, offset=offset)
        return WebhookPage(items=[webhook_read(r) for r in rows], total=total, limit=limit, offset=offset)

    @post(
        "/",
        operation_id="createWebhook",
        cache_control=NO_STORE,
        summary="Subscribe a URL to registry events; the signing secret is in this response only",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(400, 401, 403, 404, 422, 429, 503),
    )
    async def create_webhook(
        self,
        data: JSONBody[WebhookCreate],
        settings: NamedDependency[Settings],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> WebhookWithSecret:
        row, secret = await services.create_subscription(db_session, workspace_ctx, settings, data)
        return with_secret(row, secret)

    @get(
        "/{webhook_id:uuid}",
        operation_id="getWebhook",
        summary="Get a webhook subscription (never its secret)",
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def get_webhook(
        self,
        webhook_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> WebhookRead:
        return webhook_read(await services.get_subscription(db_session, workspace_ctx, webhook_id))

    @patch(
        "/{webhook_id:uuid}",
        operation_id="updateWebhook",
        summary="Change a webhook subscription (URL, events, filters, enabled)",
        responses=problem_responses(400, 401, 403, 404, 422, 429, 503),
    )
    async def update_webhook(
        self,
        webhook_id: FromPath[UUID],
        data: JSONBody[WebhookUpdate],
        settings: NamedDependency[Settings],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> WebhookRead:
        row = await services.update_subscription(db_session, workspace_ctx, settings, webhook_id, data)
        return webhook_read(row)

    @delete(
        "/{webhook_id:uuid}",
        operation_id="deleteWebhook",
        summary="Delete a webhook subscription and its delivery log",
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def delete_webhook(
        self,
        webhook_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> Response[None]:
        await services.delete_subscription(db_session, workspace_ctx, webhook_id)
        return Response(None, status_code=HTTP_204_NO_CONTENT)

    @post(
        "/{webhook_id:uuid}/rotate-secret",
        operation_id="rotateWebhookSecret",
        cache_control=NO_STORE,
        summary="Replace the signing secret; the new one is in this response only",
        status_code=200,
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def rotate_webhook_secret(
        self,
        webhook_id: FromPath[UUID],
        settings: NamedDependency[Settings],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> WebhookWithSecret:
        row, secret = await services.rotate_secret(db_session, workspace_ctx, settings, webhook_id)
        return with_secret(row, secret)

    @get(
        "/{webhook_id:uuid}/deliveries",
        operation_id="listWebhookDeliveries",
        summary="The delivery log of a subscription: status, response code, latency, attempts (newest first)",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_webhook_deliveries(
        self,
        webhook_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> DeliveryPage:
        rows, total = await services.list_deliveries(db_session, workspace_ctx, webhook_id, limit=limit, offset=offset)
        return DeliveryPage(items=[delivery_read(r) for r in rows], total=total, limit=limit, offset=offset)

    @get(
        "/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/attempts",
        operation_id="listWebhookDeliveryAttempts",
        summary="Every attempt of one delivery: response code, latency, error",
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def list_webhook_delivery_attempts(
        self,
        webhook_id: FromPath[UUID],
        delivery_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> AttemptList:
        rows = await services.list_attempts(db_session, workspace_ctx, webhook_id, delivery_id)
        return AttemptList(
            items=[
                AttemptRead(
                    attempt=r.attempt,
                    succeeded=r.succeeded,
                    status_code=r.status_code,
                    latency_ms=r.latency_ms,
                    error=r.error,
                    created_at=r.created_at,
                )
                for r in rows
            ]
        )

    @post(
        "/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/redeliver",
        operation_id="redeliverWebhook",
        summary="Send an event again (same event id and body) as a new delivery",
        status_code=HTTP_202_ACCEPTED,
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def redeliver_webhook(
        self,
        webhook_id: FromPath[UUID],
        delivery_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
        webhook_runtime: NamedDependency[WebhookRuntime],
    ) -> DeliveryRead:
        copy = await services.redeliver(db_session, workspace_ctx, webhook_id, delivery_id)
        # A documented exception to "the request boundary commits": the delivery job, enqueued next, runs in
        # another process and must find the row.
        await db_session.commit()
        try:
            await webhook_runtime.queue.enqueue_drain(webhook_id, copy.prompt, key=f"redeliver:{copy.id}")
        except Exception as exc:  # noqa: BLE001 - the relay's sweep enqueues it shortly anyway
            logger.warning("webhook_enqueue_failed", error=type(exc).__name__)
        return delivery_read(copy)

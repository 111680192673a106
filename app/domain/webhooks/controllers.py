"""`/webhooks` of a workspace (workspace router, admin): subscriptions, their secret, delivery log, redelivery."""

from __future__ import annotations

from uuid import UUID

import structlog
from litestar import Controller, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.webhooks.deps import WEBHOOK_DEPENDENCIES
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
from app.domain.webhooks.services import WebhookService
from app.lib.caching import NO_STORE
from app.lib.openapi import problem_responses
from app.lib.pagination import Limit, Offset

logger = structlog.get_logger("promptsmith.webhooks")


class WebhookController(Controller):
    path = "/webhooks"
    tags = ["Webhooks"]
    opt = {"permission": Permission.MANAGE_WORKSPACE}
    dependencies = WEBHOOK_DEPENDENCIES

    @get(
        "/",
        operation_id="listWebhooks",
        summary="List webhook subscriptions (never their secrets)",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_webhooks(
        self,
        workspace_ctx: NamedDependency[WorkspaceContext],
        webhooks: NamedDependency[WebhookService],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> WebhookPage:
        rows, total = await webhooks.list_subscriptions(workspace_ctx, limit=limit, offset=offset)
        return WebhookPage(items=[WebhookRead.from_model(r) for r in rows], total=total, limit=limit, offset=offset)

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
        workspace_ctx: NamedDependency[WorkspaceContext],
        webhooks: NamedDependency[WebhookService],
    ) -> WebhookWithSecret:
        row, secret = await webhooks.create_subscription(workspace_ctx, data)
        return WebhookWithSecret.from_model_and_secret(row, secret)

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
        webhooks: NamedDependency[WebhookService],
    ) -> WebhookRead:
        return WebhookRead.from_model(await webhooks.get_subscription(workspace_ctx, webhook_id))

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
        workspace_ctx: NamedDependency[WorkspaceContext],
        webhooks: NamedDependency[WebhookService],
    ) -> WebhookRead:
        row = await webhooks.update_subscription(workspace_ctx, webhook_id, data)
        return WebhookRead.from_model(row)

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
        webhooks: NamedDependency[WebhookService],
    ) -> Response[None]:
        await webhooks.delete_subscription(workspace_ctx, webhook_id)
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
        workspace_ctx: NamedDependency[WorkspaceContext],
        webhooks: NamedDependency[WebhookService],
    ) -> WebhookWithSecret:
        row, secret = await webhooks.rotate_secret(workspace_ctx, webhook_id)
        return WebhookWithSecret.from_model_and_secret(row, secret)

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
        webhooks: NamedDependency[WebhookService],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> DeliveryPage:
        rows, total = await webhooks.list_deliveries(workspace_ctx, webhook_id, limit=limit, offset=offset)
        return DeliveryPage(items=[DeliveryRead.from_model(r) for r in rows], total=total, limit=limit, offset=offset)

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
        webhooks: NamedDependency[WebhookService],
    ) -> AttemptList:
        rows = await webhooks.list_attempts(workspace_ctx, webhook_id, delivery_id)
        return AttemptList(items=[AttemptRead.from_model(r) for r in rows])

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
        webhooks: NamedDependency[WebhookService],
        webhook_runtime: NamedDependency[WebhookRuntime],
    ) -> DeliveryRead:
        copy = await webhooks.redeliver(workspace_ctx, webhook_id, delivery_id)  # committed: the job must find it
        try:
            await webhook_runtime.queue.enqueue_drain(webhook_id, copy.prompt, key=f"redeliver:{copy.id}")
        except Exception as exc:  # noqa: BLE001 - the relay's sweep enqueues it shortly anyway
            logger.warning("webhook_enqueue_failed", error=type(exc).__name__)
        return DeliveryRead.from_model(copy)

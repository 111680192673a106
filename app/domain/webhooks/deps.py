"""Dependencies of the webhook controllers: the webhook service."""

from __future__ import annotations

from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from app.config.settings import Settings
from app.domain.webhooks.services import WebhookService


def provide_webhooks(db_session: NamedDependency[AsyncSession], settings: NamedDependency[Settings]) -> WebhookService:
    """Dependency `webhooks`: the webhook service on the request's session."""
    return WebhookService(db_session, settings)


WEBHOOK_DEPENDENCIES = {"webhooks": Provide(provide_webhooks, sync_to_thread=False)}

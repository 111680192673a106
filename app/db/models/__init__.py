"""All ORM models, imported here so that the shared metadata is complete for Alembic."""

from app.db.models.accounts import ApiKey, AuditEvent, User, Workspace, WorkspaceMember
from app.db.models.prompts import LabelEvent, Prompt, PromptLabel, PromptTag, PromptVersion
from app.db.models.webhooks import WebhookAttempt, WebhookDelivery, WebhookOutbox, WebhookSubscription

__all__ = [
    "ApiKey",
    "AuditEvent",
    "LabelEvent",
    "Prompt",
    "PromptLabel",
    "PromptTag",
    "PromptVersion",
    "User",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookOutbox",
    "WebhookSubscription",
    "Workspace",
    "WorkspaceMember",
]

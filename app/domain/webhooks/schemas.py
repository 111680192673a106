"""Request and response bodies of webhook subscriptions and their delivery log."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal
from uuid import UUID

import msgspec

from app.lib.pagination import Page
from app.lib.schema import CamelizedBaseStruct, RequestStruct

if TYPE_CHECKING:
    from app.db.models import WebhookAttempt, WebhookDelivery, WebhookSubscription

EventName = Literal["version.created", "label.moved", "label.removed", "prompt.deleted"]
Url = Annotated[str, msgspec.Meta(min_length=8, max_length=2048, pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://")]
"""An http(s) URL; the SSRF guard also checks its host and port when it is stored and at each delivery."""
Events = Annotated[list[EventName], msgspec.Meta(min_length=1, max_length=4)]
PromptPrefix = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
LabelName = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
Labels = Annotated[list[LabelName], msgspec.Meta(min_length=1, max_length=20)]
Description = Annotated[str, msgspec.Meta(max_length=200)]


class WebhookCreate(RequestStruct):
    url: Url
    events: Events
    prompt_prefix: PromptPrefix | None = None
    labels: Labels | None = None
    description: Description = ""


class WebhookUpdate(RequestStruct):
    url: Url | msgspec.UnsetType = msgspec.UNSET
    events: Events | msgspec.UnsetType = msgspec.UNSET
    prompt_prefix: PromptPrefix | msgspec.UnsetType | None = msgspec.UNSET
    labels: Labels | msgspec.UnsetType | None = msgspec.UNSET
    description: Description | msgspec.UnsetType = msgspec.UNSET
    enabled: bool | msgspec.UnsetType = msgspec.UNSET
    """Re-enabling a subscription disabled after failures resets its failure count."""


class WebhookRead(CamelizedBaseStruct):
    id: UUID
    url: str
    events: list[str]
    prompt_prefix: str | None
    labels: list[str] | None
    description: str
    enabled: bool
    disabled_reason: str
    consecutive_failures: int
    secret_rotated_at: datetime
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, row: WebhookSubscription) -> WebhookRead:
        """The subscription; never its secret."""
        return cls(**_subscription_fields(row))


class WebhookWithSecret(WebhookRead):
    secret: str
    """The signing secret. Shown only in this response (creation, rotation): store it now."""

    @classmethod
    def from_model_and_secret(cls, row: WebhookSubscription, secret: str) -> WebhookWithSecret:
        """The subscription with the plaintext secret it was just given."""
        return cls(secret=secret, **_subscription_fields(row))


def _subscription_fields(row: WebhookSubscription) -> dict[str, Any]:
    return {
        "id": row.id,
        "url": row.url,
        "events": list(row.events),
        "prompt_prefix": row.prompt_prefix,
        "labels": list(row.labels) if row.labels else None,
        "description": row.description,
        "enabled": row.enabled,
        "disabled_reason": row.disabled_reason,
        "consecutive_failures": row.consecutive_failures,
        "secret_rotated_at": row.secret_rotated_at,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


class WebhookPage(Page[WebhookRead], kw_only=True):
    items: list[WebhookRead]


class DeliveryRead(CamelizedBaseStruct):
    id: UUID
    event_id: UUID
    event_type: str
    prompt: str
    status: str
    attempts: int
    last_status_code: int | None
    last_latency_ms: int | None
    last_error: str
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    redelivery_of: UUID | None
    created_at: datetime

    @classmethod
    def from_model(cls, row: WebhookDelivery) -> DeliveryRead:
        """One delivery; `nextAttemptAt` only while it is pending."""
        return cls(
            id=row.id,
            event_id=row.event_id,
            event_type=row.event_type,
            prompt=row.prompt,
            status=row.status,
            attempts=row.attempts,
            last_status_code=row.last_status_code,
            last_latency_ms=row.last_latency_ms,
            last_error=row.last_error,
            next_attempt_at=row.next_attempt_at if row.status == "pending" else None,
            delivered_at=row.delivered_at,
            redelivery_of=row.redelivery_of,
            created_at=row.created_at,
        )


class DeliveryPage(Page[DeliveryRead], kw_only=True):
    items: list[DeliveryRead]


class AttemptRead(CamelizedBaseStruct):
    attempt: int
    succeeded: bool
    status_code: int | None
    latency_ms: int
    error: str
    created_at: datetime

    @classmethod
    def from_model(cls, row: WebhookAttempt) -> AttemptRead:
        return cls(
            attempt=row.attempt,
            succeeded=row.succeeded,
            status_code=row.status_code,
            latency_ms=row.latency_ms,
            error=row.error,
            created_at=row.created_at,
        )


class AttemptList(CamelizedBaseStruct):
    items: list[AttemptRead]

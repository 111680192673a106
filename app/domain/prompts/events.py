"""What the registry announces after each committed change. Delivery (the resolve caches) subscribes; the
webhooks of issue #12 will too. Every event names the workspace, the prompt and the actor."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal
from uuid import UUID

import msgspec

from app.domain.access.context import Actor


def _now() -> datetime:
    return datetime.now(UTC)


class PromptEvent(msgspec.Struct, frozen=True, kw_only=True):
    """Base of every registry event: something about `prompt` in `workspace_id` changed."""

    workspace_id: UUID
    workspace_slug: str
    prompt: str
    actor: Actor
    occurred_at: datetime = msgspec.field(default_factory=_now)


class PromptChanged(PromptEvent, frozen=True, kw_only=True):
    """The prompt's metadata changed; `renamed` gives the old name (`prompt` is the new one), `deleted` its end."""

    change: Literal["created", "updated", "renamed", "deleted", "imported"]
    previous_name: str | None = None


class VersionCreated(PromptEvent, frozen=True, kw_only=True):
    """A new version; `labels` are the labels this transaction pointed at it (`latest` included)."""

    version: int
    labels: tuple[str, ...] = ()


class LabelMoved(PromptEvent, frozen=True, kw_only=True):
    """`label` now serves `version_after` (it served `version_before`, None when new)."""

    label: str
    version_before: int | None
    version_after: int


class LabelRemoved(PromptEvent, frozen=True, kw_only=True):
    """`label` no longer exists on the prompt (it served `version_before`)."""

    label: str
    version_before: int | None

"""The transactional outbox: every registry event a webhook may carry becomes a `webhook_outbox` row, written by
a `before_commit` hook in the very transaction of the change. A committed change therefore always leaves its
event behind and a rolled-back one never does; the relay (`relay.py`) fans the rows out to subscriptions later.

The hook adds ORM rows that the commit's own flush inserts: one INSERT per event, no read, no lock.
"""

from __future__ import annotations

import weakref
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from uuid_utils.compat import uuid7

from app.db.models import WebhookOutbox
from app.domain.prompts.events import LabelMoved, LabelRemoved, PromptChanged, PromptEvent, VersionCreated
from app.lib.events import pending_events, register_row_writer

EVENT_TYPES = ("version.created", "label.moved", "label.removed", "prompt.deleted")
"""The events a subscription may ask for."""

_WRITTEN_KEY = "promptsmith_outbox_written"
_HOOKED: weakref.WeakSet[type[Session]] = weakref.WeakSet()
"""The session classes of the session makers `attach_outbox_hooks` hooked (each `sessionmaker` makes its own
subclass). `event.contains` cannot answer for a session: it knows listeners by the target they were attached to,
the session maker, not by the class they run on."""


def event_type_of(domain_event: PromptEvent) -> str | None:
    """The webhook event name of a registry event, or None when webhooks do not carry it."""
    if isinstance(domain_event, VersionCreated):
        return "version.created"
    if isinstance(domain_event, LabelMoved):
        return "label.moved"
    if isinstance(domain_event, LabelRemoved):
        return "label.removed"
    if isinstance(domain_event, PromptChanged) and domain_event.change == "deleted":
        return "prompt.deleted"
    return None


def build_payload(domain_event: PromptEvent, event_type: str, event_id: str) -> dict[str, Any]:
    """The JSON document a receiver gets (the same bytes on every attempt)."""
    version: int | None = None
    label: dict[str, Any] | None = None
    labels: list[str] = []
    if isinstance(domain_event, VersionCreated):
        version = domain_event.version
        labels = list(domain_event.labels)
    elif isinstance(domain_event, LabelMoved):
        version = domain_event.version_after
        label = {"name": domain_event.label, "before": domain_event.version_before, "after": domain_event.version_after}
    elif isinstance(domain_event, LabelRemoved):
        label = {"name": domain_event.label, "before": domain_event.version_before, "after": None}
    actor = domain_event.actor
    return {
        "id": event_id,
        "type": event_type,
        "occurredAt": domain_event.occurred_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "workspace": {"id": str(domain_event.workspace_id), "slug": domain_event.workspace_slug},
        "prompt": {"name": domain_event.prompt},
        "version": version,
        "label": label,
        "labels": labels,
        "actor": {"type": actor.type, "id": str(actor.id) if actor.id else None, "label": actor.label},
    }


def outbox_row(domain_event: object) -> WebhookOutbox | None:
    """The outbox row of one recorded event, or None for events webhooks do not carry."""
    values = _row_values(domain_event)
    return None if values is None else WebhookOutbox(**values, created_at=datetime.now(UTC))


def _row_values(domain_event: object) -> dict[str, Any] | None:
    if not isinstance(domain_event, PromptEvent):
        return None
    event_type = event_type_of(domain_event)
    if event_type is None:
        return None
    event_id = uuid7()
    payload = build_payload(domain_event, event_type, str(event_id))
    label_names = [payload["label"]["name"]] if payload["label"] else list(payload["labels"])
    return {
        "event_id": event_id,
        "workspace_id": domain_event.workspace_id,
        "event_type": event_type,
        "prompt": domain_event.prompt,
        "label": payload["label"]["name"] if payload["label"] else None,
        "labels": label_names,
        "payload": payload,
    }


def outbox_values(session: Any, domain_event: PromptEvent) -> dict[str, Any] | None:
    """The outbox row of `domain_event` for a caller that inserts it itself, in its own statement (the version
    write path on PostgreSQL: one round trip), or None when webhooks do not carry the event or `session` has no
    outbox hook. The commit hook then skips this event (matched by identity, like a retried commit's events),
    so the caller must record this very event object, or one it marks with `skip_outbox`. No ORM object is
    built: the caller only reads the values."""
    sync: Session = getattr(session, "sync_session", session)
    if type(sync) not in _HOOKED:
        return None
    values = _row_values(domain_event)
    if values is None:
        return None
    return {key: values[key] for key in ("event_id", "event_type", "labels", "payload")}


def skip_outbox(session: Any, domain_event: object) -> None:
    """The commit hook must not write `domain_event`'s row: its caller inserted it (`outbox_values`)."""
    sync: Session = getattr(session, "sync_session", session)
    sync.info.setdefault(_WRITTEN_KEY, set()).add(id(domain_event))


def _write_outbox(session: Session) -> None:
    written: set[int] = session.info.setdefault(_WRITTEN_KEY, set())
    for domain_event in pending_events(session):
        if id(domain_event) in written:  # a retried commit of the same transaction
            continue
        written.add(id(domain_event))
        row = outbox_row(domain_event)
        if row is not None:
            session.add(row)


def _forget_written(session: Session, *_: Any) -> None:
    session.info.pop(_WRITTEN_KEY, None)


def attach_outbox_hooks(session_factory: sessionmaker[Session]) -> None:
    """Write the outbox rows of the app's sessions' events in the transaction that records them."""
    event.listen(session_factory, "before_commit", _write_outbox)
    event.listen(session_factory, "after_commit", _forget_written)
    event.listen(session_factory, "after_soft_rollback", _forget_written)
    _HOOKED.add(session_factory.class_)
    register_row_writer(outbox_values, skip_outbox)

"""Domain events announced after a commit: a feature records what changed, others subscribe.

A service records an event on its database session (`record_event`). The session's `after_commit` hook (attached
to the app's own session factory by `attach_event_hooks`, never to SQLAlchemy's global `Session`) marks the events
of that transaction committed; a rollback drops them. The code that committed then awaits
`EventBus.publish_committed(session)`, which hands each committed event to its subscribers, in order, before the
response leaves: so a rolled-back change never announces anything, and the next request sees the effects of a
committed one (e.g. the resolve caches already dropped).

Subscribers must not raise: a failure is logged, and the committed change stands.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import structlog
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

logger = structlog.get_logger("promptsmith.events")

E = TypeVar("E")
Subscriber = Callable[[Any], Awaitable[None]]

_PENDING_KEY = "promptsmith_pending_events"
_COMMITTED_KEY = "promptsmith_committed_events"


def record_event(session: Any, domain_event: object) -> None:
    """Announce `domain_event` once `session` (sync or async) commits its current transaction."""
    sync: Session = getattr(session, "sync_session", session)
    sync.info.setdefault(_PENDING_KEY, []).append(domain_event)


def pending_events(session: Any) -> list[object]:
    """The events recorded in `session`'s current transaction, not yet committed (for before-commit writers such
    as the webhooks outbox, which must write in the same transaction as the change)."""
    sync: Session = getattr(session, "sync_session", session)
    return list(sync.info.get(_PENDING_KEY, ()))


def _mark_committed(session: Session) -> None:
    pending: list[object] | None = session.info.pop(_PENDING_KEY, None)
    if pending:
        session.info.setdefault(_COMMITTED_KEY, []).extend(pending)


def _drop_pending(session: Session, *_: Any) -> None:
    session.info.pop(_PENDING_KEY, None)


def attach_event_hooks(session_factory: sessionmaker[Session]) -> None:
    """Follow commits and rollbacks of the sessions `session_factory` (the app's own) makes."""
    event.listen(session_factory, "after_commit", _mark_committed)
    event.listen(session_factory, "after_soft_rollback", _drop_pending)


class EventBus:
    """In-process subscribers per event type (a subscriber to a base class receives its subclasses)."""

    def __init__(self) -> None:
        self._subscribers: list[tuple[type[Any], Subscriber]] = []

    def subscribe(self, event_type: type[E], subscriber: Callable[[E], Awaitable[None]]) -> None:
        self._subscribers.append((event_type, subscriber))

    async def publish(self, domain_event: object) -> None:
        """Hand one event to every matching subscriber; a subscriber's failure is logged, never raised."""
        for event_type, subscriber in self._subscribers:
            if isinstance(domain_event, event_type):
                try:
                    await subscriber(domain_event)
                except Exception as exc:  # noqa: BLE001 - the change is committed; a subscriber must not undo it
                    logger.error("event_subscriber_failed", event_type=type(domain_event).__name__, error=repr(exc))

    async def publish_committed(self, session: Any) -> None:
        """Publish, in order, the events of the transactions `session` committed since the last call."""
        sync: Session = getattr(session, "sync_session", session)
        committed: list[object] | None = sync.info.pop(_COMMITTED_KEY, None)
        for domain_event in committed or ():
            await self.publish(domain_event)


# A row that a commit hook writes for an event (the webhook outbox's), which a writer may instead put into its own
# statement (the version write path on PostgreSQL: one round trip). The feature that owns the hook registers how;
# the writer asks here, so that neither imports the other.
RowValues = Callable[[Any, Any], "dict[str, Any] | None"]
RowSkip = Callable[[Any, Any], None]
_row_writers: list[tuple[RowValues, RowSkip]] = []


def register_row_writer(values: RowValues, skip: RowSkip) -> None:
    """Let writers inline the row a commit hook would write for an event (`values`), then tell the hook (`skip`)."""
    if (values, skip) not in _row_writers:
        _row_writers.append((values, skip))


def inline_row(session: Any, domain_event: object) -> tuple[dict[str, Any], RowSkip] | None:
    """The row a commit hook would write for `domain_event` on `session`, and how to tell it the caller wrote it
    instead; None when no hook on this session writes one."""
    for values, skip in _row_writers:
        row = values(session, domain_event)
        if row is not None:
            return row, skip
    return None

"""The relay: moves committed events from the outbox to the subscriptions that want them, and enqueues drains.

One relay transaction takes a batch of outbox rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several
workers never fan out the same row), inserts a delivery per matching subscription and deletes the rows. Drains
are enqueued after that commit; if the process dies in between, the sweep finds the deliveries overdue and
enqueues them. The relay uses its own small engine, never the API's request pool.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import WebhookDelivery, WebhookOutbox, WebhookSubscription
from app.domain.webhooks.queue import DrainQueue

BATCH = 100
SWEEP_GRACE = 2.0
"""Seconds a due delivery may wait for its own job before the sweep enqueues one for it."""


def matches(subscription: WebhookSubscription, row: WebhookOutbox) -> bool:
    """Does the subscription want this event? Events, then the prompt-name prefix, then the label filter.

    The label filter applies to events about labels (label.moved/removed: the label; version.created: the
    labels the version got); prompt.deleted passes it.
    """
    if row.event_type not in subscription.events:
        return False
    # Prompt names are unique ignoring case, so the prefix filter ignores case too.
    if subscription.prompt_prefix and not row.prompt.casefold().startswith(subscription.prompt_prefix.casefold()):
        return False
    if subscription.labels and row.event_type != "prompt.deleted":
        return any(label in subscription.labels for label in row.labels)
    return True


async def relay_once(sessions: async_sessionmaker[AsyncSession], queue: DrainQueue) -> int:
    """Fan out one batch of the outbox; returns how many events it took."""
    async with sessions() as session:
        rows = list(
            (
                await session.execute(
                    select(WebhookOutbox).order_by(WebhookOutbox.id).limit(BATCH).with_for_update(skip_locked=True)
                )
            ).scalars()
        )
        if not rows:
            return 0
        workspace_ids = {row.workspace_id for row in rows}
        subscriptions = list(
            (
                await session.execute(
                    select(WebhookSubscription).where(
                        WebhookSubscription.workspace_id.in_(workspace_ids), WebhookSubscription.enabled.is_(True)
                    )
                )
            ).scalars()
        )
        now = datetime.now(UTC)
        drains: dict[tuple[WebhookSubscription, str], str] = {}
        for row in rows:
            for subscription in subscriptions:
                if subscription.workspace_id != row.workspace_id or not matches(subscription, row):
                    continue
                delivery = WebhookDelivery(
                    subscription_id=subscription.id,
                    workspace_id=row.workspace_id,
                    event_id=row.event_id,
                    event_type=row.event_type,
                    prompt=row.prompt,
                    sequence=row.id,
                    payload=row.payload,
                    next_attempt_at=now,
                )
                session.add(delivery)
                drains.setdefault((subscription, row.prompt), str(row.event_id))
        await session.execute(delete(WebhookOutbox).where(WebhookOutbox.id.in_([row.id for row in rows])))
        await session.commit()
    for (subscription, prompt), event_id in drains.items():
        await queue.enqueue_drain(subscription.id, prompt, key=f"new:{subscription.id}:{event_id}")
    return len(rows)


async def sweep_once(sessions: async_sessionmaker[AsyncSession], queue: DrainQueue) -> int:
    """Enqueue a drain for every line whose head is overdue and unclaimed (lost job, dead worker)."""
    now = datetime.now(UTC)
    async with sessions() as session:
        lines = (
            await session.execute(
                select(WebhookDelivery.subscription_id, WebhookDelivery.prompt)
                .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
                .where(
                    WebhookDelivery.status == "pending",
                    WebhookDelivery.next_attempt_at <= now - timedelta(seconds=SWEEP_GRACE),
                    or_(WebhookDelivery.locked_until.is_(None), WebhookDelivery.locked_until < now),
                    WebhookSubscription.enabled.is_(True),
                )
                .distinct()
                .limit(1000)
            )
        ).all()
    stamp = int(now.timestamp())
    for subscription_id, prompt in lines:
        await queue.enqueue_drain(subscription_id, prompt, key=f"sweep:{subscription_id}:{prompt}:{stamp}")
    return len(lines)

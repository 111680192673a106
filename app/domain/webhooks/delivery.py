"""Sending deliveries: one drain sends the pending deliveries of one prompt to one subscription, oldest first.

A delivery is claimed with a lease (`locked_until`, compare-and-set in a short transaction), sent with no
transaction open, then its outcome is recorded. The head of the line blocks the ones behind it until it is
delivered or has failed for good, so a receiver sees the events of one prompt in the order they happened.
A failed attempt schedules the next one (exponential backoff with jitter); a drain job for that moment is
enqueued, and the relay's sweep re-enqueues anything overdue (a lost job, a worker killed mid-send).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING
from uuid import UUID

import msgspec
import structlog
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config.settings import Settings
from app.db.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from app.domain.webhooks.queue import DrainQueue
from app.domain.webhooks.signing import SIGNATURE_HEADER, sign
from app.lib import outbound
from app.lib.encryption import SecretBox, SecretUnreadable
from app.lib.metrics import WEBHOOK_DELIVERIES, WEBHOOK_DELIVERY_DURATION

if TYPE_CHECKING:
    import httpx

logger = structlog.get_logger("promptsmith.webhooks")

LEASE_MARGIN = 5.0
"""Seconds a claim outlives the attempt's timeout, so only a dead worker's claim ever expires."""
MAX_SENDS_PER_DRAIN = 50
"""A drain stops after this many sends and enqueues its own continuation (fairness between subscriptions)."""
USER_AGENT = "Promptsmith-Webhooks/1"


def secret_box(settings: Settings) -> SecretBox:
    return SecretBox(settings.effective_secret_key, "webhook-signing-secret")


def retry_delay(settings: Settings, attempts: int) -> float:
    """Seconds before attempt `attempts + 1`: base x 2^(attempts-1), capped, with jitter (50-100 %)."""
    delay: float = min(settings.webhook_retry_max, settings.webhook_retry_base * 2.0 ** max(0, attempts - 1))
    return delay * random.uniform(0.5, 1.0)


@dataclass(frozen=True, slots=True)
class Claim:
    delivery_id: UUID
    attempt: int
    url: str
    secret: str
    body: bytes
    event_type: str
    event_id: UUID


@dataclass(frozen=True, slots=True)
class Outcome:
    succeeded: bool
    status_code: int | None
    latency_ms: int
    error: str
    permanent: bool = False


class Deliverer:
    """Runs drains against the database, the outbound guard and the queue."""

    def __init__(
        self,
        settings: Settings,
        sessions: async_sessionmaker[AsyncSession],
        http: httpx.AsyncClient,
        queue: DrainQueue,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        self.http = http
        self.queue = queue
        self.policy = outbound.OutboundPolicy(
            allow_private=settings.webhook_allow_private_targets, timeout=settings.webhook_timeout
        )

    @cached_property
    def box(self) -> SecretBox:
        """The signing secrets' box, made on the first delivery: most servers never deliver one, and
        `cryptography` (6 MB resident) is imported only then (`app.lib.encryption`)."""
        return secret_box(self.settings)

    async def drain(self, subscription_id: UUID, prompt: str) -> None:
        """Send the due deliveries of (`subscription_id`, `prompt`) in order until one must wait."""
        for _ in range(MAX_SENDS_PER_DRAIN):
            claim = await self._claim_head(subscription_id, prompt)
            if claim is None:
                return
            outcome = await self._send(claim)
            retry_at = await self._record(subscription_id, claim, outcome)
            if retry_at is not None:
                await self.queue.enqueue_drain(
                    subscription_id, prompt, key=f"retry:{claim.delivery_id}:{claim.attempt}", at=retry_at
                )
                return
        await self.queue.enqueue_drain(subscription_id, prompt, key=f"more:{subscription_id}:{prompt}:{time.time()}")

    async def _claim_head(self, subscription_id: UUID, prompt: str) -> Claim | None:
        async with self.sessions() as session:
            subscription = await session.get(WebhookSubscription, subscription_id)
            if subscription is None or not subscription.enabled:
                return None
            head = (
                await session.execute(
                    select(WebhookDelivery)
                    .where(
                        WebhookDelivery.subscription_id == subscription_id,
                        WebhookDelivery.prompt == prompt,
                        WebhookDelivery.status == "pending",
                    )
                    .order_by(WebhookDelivery.sequence, WebhookDelivery.created_at)
                    .limit(1)
                )
            ).scalar_one_or_none()
            now = datetime.now(UTC)
            if head is None or head.next_attempt_at > now:
                return None  # a retry job for that moment is already enqueued (or the sweep will enqueue one)
            claimed = await session.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == head.id,
                    WebhookDelivery.status == "pending",
                    WebhookDelivery.attempts == head.attempts,
                    or_(WebhookDelivery.locked_until.is_(None), WebhookDelivery.locked_until < now),
                )
                .values(locked_until=now + timedelta(seconds=self.settings.webhook_timeout + LEASE_MARGIN))
                .execution_options(synchronize_session=False)
            )
            await session.commit()
            if getattr(claimed, "rowcount", 0) != 1:
                return None  # another drain holds it; it carries on with the rest of the line
            try:
                secret = self.box.decrypt(subscription.secret_encrypted)
            except SecretUnreadable:
                secret = ""
            return Claim(
                delivery_id=head.id,
                attempt=head.attempts + 1,
                url=subscription.url,
                secret=secret,
                body=msgspec.json.encode(head.payload),
                event_type=head.event_type,
                event_id=head.event_id,
            )

    async def _send(self, claim: Claim) -> Outcome:
        if not claim.secret:
            return Outcome(False, None, 0, "the signing secret cannot be read; rotate it", permanent=True)
        timestamp = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: sign(claim.secret, timestamp, claim.body),
            "Promptsmith-Event": claim.event_type,
            "Promptsmith-Event-Id": str(claim.event_id),
            "Promptsmith-Delivery": str(claim.delivery_id),
            "Promptsmith-Attempt": str(claim.attempt),
        }
        import httpx  # only a delivering process sends (the API imports this module for `secret_box`)

        started = time.perf_counter()
        try:
            response = await outbound.post(
                self.http, claim.url, content=claim.body, headers=headers, policy=self.policy
            )
        except outbound.OutboundRefused as err:
            return Outcome(False, None, 0, str(err)[:300], permanent=True)
        except (TimeoutError, httpx.TimeoutException):
            return Outcome(False, None, _ms_since(started), "timed out")
        except httpx.HTTPError as err:
            return Outcome(False, None, _ms_since(started), f"connection failed ({type(err).__name__})")
        except Exception as err:  # noqa: BLE001 - anything else is recorded and retried, never left pending unseen
            return Outcome(False, None, _ms_since(started), f"delivery failed ({type(err).__name__})")
        ok = 200 <= response.status_code < 300
        return Outcome(ok, response.status_code, response.latency_ms, "" if ok else f"HTTP {response.status_code}")

    async def _record(self, subscription_id: UUID, claim: Claim, outcome: Outcome) -> float | None:
        """Store the attempt; returns the epoch time of the next attempt, or None when there is none."""
        settings = self.settings
        now = datetime.now(UTC)
        retry_at: float | None = None
        async with self.sessions() as session:
            delivery = await session.get(WebhookDelivery, claim.delivery_id)
            subscription = await session.get(WebhookSubscription, subscription_id)
            if delivery is None or subscription is None:
                return None
            session.add(
                WebhookAttempt(
                    delivery_id=delivery.id,
                    attempt=claim.attempt,
                    status_code=outcome.status_code,
                    latency_ms=outcome.latency_ms,
                    error=outcome.error,
                    succeeded=outcome.succeeded,
                )
            )
            delivery.attempts = claim.attempt
            delivery.last_status_code = outcome.status_code
            delivery.last_latency_ms = outcome.latency_ms
            delivery.last_error = outcome.error
            delivery.locked_until = None
            if outcome.succeeded:
                delivery.status = "delivered"
                delivery.delivered_at = now
                subscription.consecutive_failures = 0
            else:
                subscription.consecutive_failures += 1
                if outcome.permanent or claim.attempt >= settings.webhook_max_attempts:
                    delivery.status = "failed"
                else:
                    delay = retry_delay(settings, claim.attempt)
                    delivery.next_attempt_at = now + timedelta(seconds=delay)
                    retry_at = time.time() + delay
                if subscription.enabled and subscription.consecutive_failures >= settings.webhook_disable_after:
                    subscription.enabled = False
                    subscription.disabled_reason = (
                        f"disabled after {subscription.consecutive_failures} consecutive failed attempts"
                    )
                    logger.warning("webhook_disabled", subscription_id=str(subscription.id))
                    retry_at = None
            await session.commit()
            _count_attempt(outcome, delivery.status, subscription.enabled)
        return retry_at


def _count_attempt(outcome: Outcome, status: str, still_enabled: bool) -> None:
    """The attempt in the delivery metrics (after commit: only what was recorded is counted)."""
    if outcome.status_code is not None:
        WEBHOOK_DELIVERY_DURATION.observe(outcome.latency_ms / 1000)
    if outcome.succeeded:
        label = "delivered"
    elif not still_enabled:
        label = "disabled"
    elif status == "failed":
        label = "exhausted"
    else:
        label = "failed"
    WEBHOOK_DELIVERIES.labels(label).inc()


def _ms_since(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)

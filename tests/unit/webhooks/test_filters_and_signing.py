"""Subscription filters, the retry schedule and the signature scheme, without I/O."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from app.db.models import WebhookOutbox, WebhookSubscription
from app.domain.webhooks.delivery import retry_delay
from app.domain.webhooks.relay import matches
from app.domain.webhooks.signing import sign, verify
from tests.conftest import make_settings


def _sub(events: list[str], prefix: str | None = None, labels: list[str] | None = None) -> WebhookSubscription:
    return WebhookSubscription(events=events, prompt_prefix=prefix, labels=labels)


def _row(event_type: str, prompt: str = "support/triage", labels: list[str] | None = None) -> WebhookOutbox:
    return WebhookOutbox(event_type=event_type, prompt=prompt, labels=labels or [])


@pytest.mark.parametrize(
    ("subscription", "row", "wanted"),
    [
        (_sub(["label.moved"]), _row("label.moved", labels=["production"]), True),
        (_sub(["label.moved"]), _row("version.created"), False),
        (_sub(["label.moved"], prefix="support/"), _row("label.moved", labels=["x"]), True),
        (_sub(["label.moved"], prefix="sales/"), _row("label.moved", labels=["x"]), False),
        (_sub(["label.moved"], prefix="Support/"), _row("label.moved", labels=["x"]), True),  # names ignore case
        (_sub(["label.moved"], labels=["production"]), _row("label.moved", labels=["staging"]), False),
        (_sub(["label.moved"], labels=["production"]), _row("label.moved", labels=["production"]), True),
        (_sub(["version.created"], labels=["production"]), _row("version.created", labels=["latest"]), False),
        (
            _sub(["version.created"], labels=["production"]),
            _row("version.created", labels=["latest", "production"]),
            True,
        ),
        (_sub(["prompt.deleted"], labels=["production"]), _row("prompt.deleted"), True),
    ],
)
def test_matches(subscription: WebhookSubscription, row: WebhookOutbox, wanted: bool) -> None:
    assert matches(subscription, row) is wanted


def test_retry_delays_grow_exponentially_with_jitter_and_a_cap() -> None:
    settings = make_settings(WEBHOOK_RETRY_BASE="2", WEBHOOK_RETRY_MAX="60")
    for attempts, ceiling in [(1, 2), (2, 4), (3, 8), (4, 16), (10, 60)]:
        delays = {retry_delay(settings, attempts) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays), (attempts, delays)
        assert len(delays) > 1, "jittered"


def test_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    body = b'{"type":"label.moved"}'
    header = sign("whsec_k", 1_700_000_000, body)
    expected = hmac.new(b"whsec_k", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert header == f"t=1700000000,v1={expected}"
    assert verify("whsec_k", header, body, now=1_700_000_100)
    assert not verify("whsec_k", header, body + b" ", now=1_700_000_100)
    assert not verify("whsec_other", header, body, now=1_700_000_100)
    assert not verify("whsec_k", header, body, now=1_700_000_000 + 301), "too old: a replay"
    assert not verify("whsec_k", "garbage", body, now=1_700_000_000)


def test_the_audit_log_never_shows_a_webhook_urls_credentials_or_query() -> None:
    from app.domain.webhooks.services import _without_secrets

    shown = _without_secrets("https://user:pw@hooks.example.com:8443/in/abc?token=s3cret#x")
    assert shown == "https://hooks.example.com:8443/in/abc"


async def test_an_unexpected_sending_error_becomes_a_recorded_retryable_failure() -> None:
    """Any exception while sending is an attempt outcome (logged, retried), never a drain that dies unrecorded."""
    import uuid

    import httpx

    from app.domain.webhooks.delivery import Claim, Deliverer
    from app.domain.webhooks.queue import LocalDrainQueue
    from tests.conftest import make_settings

    class Exploding(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            raise RuntimeError("a bug below httpx")

    settings = make_settings(WEBHOOK_ALLOW_PRIVATE_TARGETS="true")
    async with httpx.AsyncClient(transport=Exploding()) as http:
        deliverer = Deliverer(settings, None, http, LocalDrainQueue())  # type: ignore[arg-type]
        claim = Claim(uuid.uuid4(), 1, "http://127.0.0.1:9/hook", "secret", b"{}", "label.moved", uuid.uuid4())
        outcome = await deliverer._send(claim)
    assert (outcome.succeeded, outcome.permanent) == (False, False)
    assert outcome.error == "delivery failed (RuntimeError)"

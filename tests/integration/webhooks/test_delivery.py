"""Deliveries end to end: a real receiver gets signed events, in order, again after 500s and on redelivery."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import time

from tests.integration.webhooks.conftest import Hooks
from tests.integration.webhooks.receiver import Receiver

TEXT = "You are a support assistant for Acme. Answer in two sentences, citing the relevant policy."


def verify(secret: str, header: str, body: bytes) -> bool:
    """The README's verification recipe, written out independently of the app's code."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return abs(time.time() - int(parts["t"])) < 300 and hmac.compare_digest(expected, parts["v1"])


async def test_label_move_arrives_signed_with_the_full_payload(hooks: Hooks, receiver: Receiver) -> None:
    created = await hooks.subscribe(receiver.url(), events=["label.moved"])
    await hooks.create_prompt("greeter")
    await hooks.add_version("greeter", TEXT)
    second = await hooks.add_version("greeter", TEXT + " Be kind.")
    started = time.monotonic()
    await hooks.move_label("greeter", "production", second)

    [request] = await receiver.wait_for(1)
    assert request.at - started < 1.0, "the event should arrive within a second of the move"
    assert verify(created["secret"], request.headers["promptsmith-signature"], request.body)
    assert not verify("whsec_wrong", request.headers["promptsmith-signature"], request.body)
    event = request.json
    assert event["type"] == "label.moved" == request.headers["promptsmith-event"]
    assert event["prompt"] == {"name": "greeter"}
    assert event["version"] == second
    assert event["label"] == {"name": "production", "before": None, "after": second}
    assert event["workspace"]["slug"] == hooks.slug
    assert event["actor"]["type"] == "api_key"
    assert event["id"] == request.headers["promptsmith-event-id"]
    assert event["occurredAt"].endswith("Z")
    await asyncio.sleep(0.5)
    assert len(receiver.received) == 1, "version.created was not subscribed to and must not be sent"

    [logged] = await hooks.deliveries(created["id"])
    assert logged["status"] == "delivered"
    assert logged["lastStatusCode"] == 200
    assert logged["attempts"] == 1
    assert logged["eventId"] == event["id"]


async def test_retries_after_server_errors_then_delivers(hooks: Hooks, receiver: Receiver) -> None:
    receiver.script = [500, 503]
    created = await hooks.subscribe(receiver.url(), events=["version.created"])
    await hooks.create_prompt("retry-me")
    await hooks.add_version("retry-me", TEXT)

    received = await receiver.wait_for(3)
    assert [r.answered for r in received] == [500, 503, 200]
    assert len({r.json["id"] for r in received}) == 1, "the same event each time"
    assert len({r.body for r in received}) == 1, "the same body each time"
    assert [r.headers["promptsmith-attempt"] for r in received] == ["1", "2", "3"]
    gaps = [b.at - a.at for a, b in itertools.pairwise(received)]
    assert all(gap >= 0.09 for gap in gaps), f"retries must back off: {gaps}"
    await asyncio.sleep(0.3)
    [logged] = await hooks.deliveries(created["id"])
    assert (logged["status"], logged["attempts"], logged["lastStatusCode"]) == ("delivered", 3, 200)
    response = await hooks.client.get(
        hooks.url(f"/{created['id']}/deliveries/{logged['id']}/attempts"), headers=hooks.headers
    )
    assert response.status_code == 200, response.text
    attempts = response.json()["items"]
    assert [(a["attempt"], a["statusCode"], a["succeeded"]) for a in attempts] == [
        (1, 500, False),
        (2, 503, False),
        (3, 200, True),
    ]
    assert all(a["latencyMs"] >= 0 for a in attempts)
    assert attempts[0]["error"] == "HTTP 500"


async def test_events_of_one_prompt_arrive_in_order(hooks: Hooks, receiver: Receiver) -> None:
    receiver.script = [500]  # the first event is retried; the ones behind it must wait for it
    await hooks.subscribe(receiver.url())
    await hooks.create_prompt("ordered")
    expected: list[tuple[str, int | None]] = []
    for n in range(1, 6):
        version = await hooks.add_version("ordered", f"{TEXT} Variant {n}.")
        expected.append(("version.created", version))
        await hooks.move_label("ordered", "staging", version)
        expected.append(("label.moved", version))
    received = await receiver.wait_for(len(expected) + 1)
    delivered = [(r.json["type"], r.json["version"]) for r in received if r.answered == 200]
    assert delivered == expected


async def test_redelivery_sends_the_same_event_again(hooks: Hooks, receiver: Receiver) -> None:
    created = await hooks.subscribe(receiver.url(), events=["version.created"])
    await hooks.create_prompt("again")
    await hooks.add_version("again", TEXT)
    [first] = await receiver.wait_for(1)
    await asyncio.sleep(0.2)
    [logged] = await hooks.deliveries(created["id"])

    response = await hooks.client.post(
        hooks.url(f"/{created['id']}/deliveries/{logged['id']}/redeliver"), headers=hooks.headers
    )
    assert response.status_code == 202, response.text
    assert response.json()["redeliveryOf"] == logged["id"]
    received = await receiver.wait_for(2)
    assert received[1].json["id"] == first.json["id"]
    assert received[1].body == first.body
    assert received[1].headers["promptsmith-delivery"] != first.headers["promptsmith-delivery"]
    missing = await hooks.client.post(
        hooks.url(f"/{created['id']}/deliveries/{created['id']}/redeliver"), headers=hooks.headers
    )
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


async def test_repeated_failures_disable_the_subscription_until_re_enabled(hooks: Hooks, receiver: Receiver) -> None:
    receiver.default = 500
    created = await hooks.subscribe(receiver.url(), events=["version.created"])
    await hooks.create_prompt("flaky")
    await hooks.add_version("flaky", TEXT)
    await receiver.wait_for(4)  # WEBHOOK_DISABLE_AFTER=4 in these tests

    for _ in range(50):
        state = (await hooks.client.get(hooks.url(f"/{created['id']}"), headers=hooks.headers)).json()
        if not state["enabled"]:
            break
        await asyncio.sleep(0.1)
    assert state["enabled"] is False
    assert "4 consecutive failed attempts" in state["disabledReason"]
    await asyncio.sleep(1.5)
    assert len(receiver.received) == 4, "a disabled subscription gets nothing more"
    [logged] = await hooks.deliveries(created["id"])
    assert (logged["status"], logged["attempts"], logged["lastStatusCode"]) == ("pending", 4, 500)

    receiver.default = 200
    response = await hooks.client.patch(hooks.url(f"/{created['id']}"), json={"enabled": True}, headers=hooks.headers)
    assert response.status_code == 200, response.text
    assert response.json()["consecutiveFailures"] == 0
    received = await receiver.wait_for(5)
    assert received[-1].answered == 200

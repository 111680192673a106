"""The outbox is written in the transaction of the change: a rolled-back change never produces an event."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import asyncpg
from litestar import Litestar
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.config.database import app_session_factory, create_alchemy_config
from app.db.models import WebhookOutbox
from app.domain.access.context import Actor
from app.domain.prompts.events import LabelMoved
from app.domain.webhooks.outbox import attach_outbox_hooks
from app.lib.events import attach_event_hooks, record_event
from app.lib.services import services_of
from tests.conftest import make_settings
from tests.integration.faults._db import asyncpg_dsn
from tests.integration.webhooks.conftest import Hooks
from tests.integration.webhooks.receiver import Receiver

TEXT = "You are a release assistant. Summarise each change in one sentence for the changelog."


async def _workspace_id(hooks: Hooks) -> uuid.UUID:
    response = await hooks.client.get(f"/api/v1/workspaces/{hooks.slug}", headers=hooks.headers)
    assert response.status_code == 200, response.text
    return uuid.UUID(response.json()["id"])


async def test_rolled_back_transaction_leaves_no_event(hooks: Hooks, receiver: Receiver, database_url: str) -> None:
    """Sessions wired exactly as `ApplicationCore` wires the app's (on an engine of the test's own loop); the
    app's relay then finds in the database only what was committed."""
    await hooks.subscribe(receiver.url(), events=["label.moved"])
    workspace_id = await _workspace_id(hooks)
    engine = create_async_engine(database_url)
    config = create_alchemy_config(make_settings(), engine)
    factory = app_session_factory(config)
    attach_event_hooks(factory)
    attach_outbox_hooks(factory)
    sessions = config.create_session_maker()
    actor = Actor(type="anonymous", id=None, label="test")

    def moved(prompt: str) -> LabelMoved:
        return LabelMoved(
            workspace_id=workspace_id,
            workspace_slug=hooks.slug,
            prompt=prompt,
            actor=actor,
            label="production",
            version_before=None,
            version_after=1,
        )

    async with sessions() as session:
        record_event(session, moved("rolled-back"))
        await session.execute(select(1))
        await session.rollback()
        await session.commit()  # nothing left to commit: the rollback dropped the event
    async with sessions() as session:
        record_event(session, moved("committed"))
        await session.commit()

    [request] = await receiver.wait_for(1)
    assert request.json["prompt"]["name"] == "committed"
    await asyncio.sleep(1.0)
    assert [r.json["prompt"]["name"] for r in receiver.received] == ["committed"]
    async with sessions() as session:
        left = (await session.execute(select(WebhookOutbox.prompt))).scalars().all()
    await engine.dispose()
    assert "rolled-back" not in left


async def test_a_request_whose_transaction_fails_sends_nothing(
    hooks: Hooks, receiver: Receiver, database_url: str
) -> None:
    """The label move records its event, then the database refuses the transaction (a trigger cancels the
    label event's insert, as a statement timeout would): 503, and no webhook for it."""
    await hooks.subscribe(receiver.url(), events=["label.moved"])
    await hooks.create_prompt("fragile")
    version = await hooks.add_version("fragile", TEXT)
    label = f"doomed-{uuid.uuid4().hex[:6]}"
    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    function = f"refuse_{label.replace('-', '_')}"
    try:
        await conn.execute(
            f"CREATE FUNCTION {function}() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.label = '{label}' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '57014'; END IF; "
            f"RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        await conn.execute(
            f"CREATE TRIGGER {function} BEFORE INSERT ON label_event FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
        response = await hooks.client.put(
            hooks.prompts(f"/fragile/labels/{label}"), json={"version": version}, headers=hooks.headers
        )
        assert response.status_code == 503, response.text
    finally:
        await conn.execute(f"DROP TRIGGER IF EXISTS {function} ON label_event")
        await conn.execute(f"DROP FUNCTION IF EXISTS {function}()")
        await conn.close()
    await hooks.move_label("fragile", "staging", version)  # a change that commits, sent after the failed one

    [request] = await receiver.wait_for(1)
    assert request.json["label"]["name"] == "staging"
    await asyncio.sleep(1.0)
    assert [r.json["label"]["name"] for r in receiver.received] == ["staging"]


async def test_every_acknowledged_concurrent_write_produces_exactly_one_event(hooks: Hooks, receiver: Receiver) -> None:
    await hooks.subscribe(receiver.url(), events=["version.created"])
    names = ["busy-a", "busy-b"]
    for name in names:
        await hooks.create_prompt(name)

    async def writer(index: int) -> list[tuple[str, int]]:
        done = []
        for step in range(4):
            name = names[(index + step) % len(names)]
            response = await hooks.client.post(
                hooks.prompts(f"/{name}/versions"),
                json={"text": f"{TEXT} Writer {index} step {step}."},
                headers=hooks.headers,
            )
            assert response.status_code == 201, response.text
            done.append((name, int(response.json()["version"])))
        return done

    results = await asyncio.gather(*(writer(i) for i in range(5)))
    acknowledged = sorted(pair for result in results for pair in result)
    first_seen: dict[str, tuple[str, int]] = {}

    async def all_events_arrived() -> bool:
        for r in receiver.received:
            first_seen.setdefault(r.json["id"], (r.json["prompt"]["name"], r.json["version"]))
        return len(first_seen) >= len(acknowledged)

    for _ in range(300):
        if await all_events_arrived():
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(1.0)
    await all_events_arrived()
    # Delivery is at least once: an attempt whose answer came too late is sent again, with the same event id
    # (receivers deduplicate on it). Per event id, exactly the acknowledged writes.
    assert sorted(first_seen.values()) == acknowledged
    for r in receiver.received:
        assert first_seen[r.json["id"]] == (r.json["prompt"]["name"], r.json["version"])
    for name in names:  # and in order, per prompt
        versions = [pair[1] for pair in first_seen.values() if pair[0] == name]
        assert versions == sorted(versions)


async def test_a_version_writes_its_outbox_row_in_its_own_statement(
    hooks: Hooks, receiver: Receiver, app: Litestar
) -> None:
    """On PostgreSQL the version statement inserts the `version.created` row itself (`create_version_pg`): the
    commit hook must recognise that and add no second, ORM-flushed INSERT (it did: the hook's presence was
    looked up on the session class, where `event.contains` never finds a listener attached to the session
    maker, so the statement skipped its outbox part and the commit flushed the row instead). The receiver
    gets the event once, with the version's number and labels."""
    await hooks.subscribe(receiver.url(), events=["version.created"])
    await hooks.create_prompt("outbox-one-statement")
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    engine = services_of(app).get(AsyncEngine).sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        number = await hooks.add_version("outbox-one-statement", TEXT, labels=["staging"])
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert not [s for s in statements if s.lstrip().upper().startswith("INSERT INTO WEBHOOK_OUTBOX")], statements
    assert any("INSERT INTO webhook_outbox" in s for s in statements)  # inside the version's statement
    [request] = await receiver.wait_for(1)
    await asyncio.sleep(0.5)
    assert len(receiver.received) == 1
    assert request.json["type"] == "version.created"
    assert request.json["prompt"]["name"] == "outbox-one-statement"
    assert (request.json["version"], request.json["labels"]) == (number, ["latest", "staging"])

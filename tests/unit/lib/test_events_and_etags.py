"""Domain events are published only for committed transactions; the ETag list parser."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from app.lib.etags import etag_matches
from app.lib.events import EventBus, attach_event_hooks, record_event


class Thing:
    def __init__(self, name: str) -> None:
        self.name = name


class SpecialThing(Thing):
    pass


@pytest.fixture
def factory() -> sessionmaker[Session]:
    made: sessionmaker[Session] = sessionmaker(create_engine("sqlite://"))
    attach_event_hooks(made)
    return made


async def test_committed_events_reach_subscribers_in_order_and_rolled_back_ones_never(factory) -> None:
    bus = EventBus()
    seen: list[str] = []
    special: list[str] = []

    async def on_thing(event: Thing) -> None:
        seen.append(event.name)

    async def on_special(event: SpecialThing) -> None:
        special.append(event.name)

    bus.subscribe(Thing, on_thing)
    bus.subscribe(SpecialThing, on_special)
    with factory() as session:
        session.execute(text("SELECT 1"))
        record_event(session, Thing("rolled back"))
        session.rollback()
        await bus.publish_committed(session)
        assert seen == []

        session.execute(text("SELECT 1"))
        record_event(session, Thing("first"))
        record_event(session, SpecialThing("second"))
        await bus.publish_committed(session)
        assert seen == []  # not committed yet
        session.commit()
        await bus.publish_committed(session)
        await bus.publish_committed(session)  # published once only
    assert seen == ["first", "second"]
    assert special == ["second"]


async def test_a_failing_subscriber_does_not_stop_the_others(factory) -> None:
    bus = EventBus()
    seen: list[str] = []

    async def broken(event: Thing) -> None:
        raise RuntimeError("boom")

    async def working(event: Thing) -> None:
        seen.append(event.name)

    bus.subscribe(Thing, broken)
    bus.subscribe(Thing, working)
    await bus.publish(Thing("x"))
    assert seen == ["x"]


@pytest.mark.parametrize(
    ("header", "matches"),
    [
        (None, False),
        ("", False),
        ('"abc"', True),
        ('W/"abc"', True),
        ('"x", "abc"', True),
        ('"x"', False),
        ("*", True),
        ('"abcd"', False),
    ],
)
def test_etag_lists(header: str | None, matches: bool) -> None:
    assert etag_matches(header, '"abc"') is matches

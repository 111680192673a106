"""Gapless version numbering and serialised label moves under real concurrency (PostgreSQL)."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time

import asyncpg
from sqlalchemy.engine import make_url

from tests.integration.prompts.conftest import Api


async def test_50_concurrent_version_creations_are_numbered_1_to_50(api: Api) -> None:
    await api.create_prompt("load/versions")
    url = api.url("load/versions", "/versions")
    responses = await asyncio.gather(*(api.post(url, json={"text": f"variant {i}"}) for i in range(50)))
    assert [r.status_code for r in responses] == [201] * 50, [r.text for r in responses if r.status_code != 201][:3]
    numbers = sorted(r.json()["version"] for r in responses)
    assert numbers == list(range(1, 51))
    listed = (await api.get(url, params={"limit": 100})).json()
    assert listed["total"] == 50
    assert [v["version"] for v in listed["items"]] == list(range(50, 0, -1))
    prompt = (await api.get(api.url("load/versions"))).json()
    assert prompt["latestVersion"] == 50
    assert prompt["labels"]["latest"] == 50


async def test_concurrent_creations_with_parent_version_get_designed_409s(api: Api) -> None:
    await api.create_prompt("load/parents")
    await api.add_version("load/parents", "base")
    url = api.url("load/parents", "/versions")
    bodies = [{"text": f"edit {i}", "parentVersion": 1} for i in range(10)]
    responses = await asyncio.gather(*(api.post(url, json=body) for body in bodies))
    codes = sorted(r.status_code for r in responses)
    assert codes == [201] + [409] * 9, [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 201)
    assert winner.json()["version"] == 2
    assert winner.json()["parentVersion"] == 1
    loser = next(r for r in responses if r.status_code == 409)
    assert loser.json()["latestVersion"] == 2
    assert (await api.get(api.url("load/parents"))).json()["latestVersion"] == 2


async def test_20_concurrent_moves_of_one_label_are_all_recorded(api: Api) -> None:
    await api.create_prompt("load/labels")
    for i in range(5):
        await api.add_version("load/labels", f"v{i + 1}")
    url = api.url("load/labels", "/labels/staging")
    targets = [(i % 5) + 1 for i in range(20)]
    responses = await asyncio.gather(*(api.put(url, json={"version": v}) for v in targets))
    assert [r.status_code for r in responses] == [200] * 20, [r.text for r in responses if r.status_code != 200][:3]
    history = (await api.get(api.url("load/labels", "/labels/staging/history"), params={"limit": 100})).json()
    assert history["total"] == 20
    events = list(reversed(history["items"]))  # oldest first
    assert sorted(e["toVersion"] for e in events) == sorted(targets)
    # Serialised: each move starts where the previous one ended.
    assert events[0]["fromVersion"] is None
    for before, after in itertools.pairwise(events):
        assert after["fromVersion"] == before["toVersion"]
    final = (await api.get(api.url("load/labels"))).json()["labels"]["staging"]
    assert final == events[-1]["toVersion"]
    assert final in targets


async def test_concurrent_creations_on_one_prompt_chain_their_label_history(api: Api) -> None:
    """Each creation moves `latest` (and `staging`, named in the body) from the version before it: the label
    history is read under the prompt's row lock, never from a snapshot older than the previous writer's commit."""
    await api.create_prompt("load/history")
    url = api.url("load/history", "/versions")
    responses = await asyncio.gather(
        *(api.post(url, json={"text": f"variant {i}", "labels": ["staging"]}) for i in range(30))
    )
    assert [r.status_code for r in responses] == [201] * 30, [r.text for r in responses if r.status_code != 201][:3]
    for label in ("latest", "staging"):
        history = (await api.get(api.url("load/history", f"/labels/{label}/history"), params={"limit": 100})).json()
        events = list(reversed(history["items"]))  # oldest first
        assert [e["toVersion"] for e in events] == list(range(1, 31))
        assert [e["fromVersion"] for e in events] == [None, *range(1, 30)]


async def test_concurrent_creations_on_distinct_prompts_number_each_from_1(api: Api) -> None:
    names = [f"load/spread-{i}" for i in range(8)]
    for name in names:
        await api.create_prompt(name)
    posts = [(name, i) for i in range(5) for name in names]  # interleaved: every prompt is written concurrently
    responses = await asyncio.gather(
        *(api.post(api.url(name, "/versions"), json={"text": f"{name} variant {i}"}) for name, i in posts)
    )
    assert [r.status_code for r in responses] == [201] * len(posts), [r.text for r in responses][:3]
    for name in names:
        numbers = sorted(r.json()["version"] for r in responses if r.json()["prompt"] == name)
        assert numbers == [1, 2, 3, 4, 5], (name, numbers)
        prompt = (await api.get(api.url(name))).json()
        assert prompt["latestVersion"] == 5
        assert prompt["labels"]["latest"] == 5
        history = (await api.get(api.url(name, "/labels/latest/history"), params={"limit": 100})).json()
        assert [e["fromVersion"] for e in reversed(history["items"])] == [None, 1, 2, 3, 4]


async def _hold_lock_and_add_label(dsn: str, ready: threading.Event, hold: float) -> None:
    """Another writer: lock the prompt row, point a new `staging` label at version 1, commit after `hold` s."""
    conn = await asyncpg.connect(dsn)
    try:
        async with conn.transaction():
            prompt_id = await conn.fetchval(
                "UPDATE prompt SET revision = revision + 1 WHERE name = 'load/waiter' RETURNING id"
            )
            await conn.execute(
                "INSERT INTO prompt_label (id, prompt_id, name, version, created_at, updated_at) "
                "VALUES (gen_random_uuid(), $1, 'staging', 1, now(), now())",
                prompt_id,
            )
            ready.set()
            await asyncio.sleep(hold)
    finally:
        await conn.close()


async def test_a_creation_waiting_on_the_lock_sees_the_labels_of_the_writer_before_it(
    api: Api, database_url: str
) -> None:
    """A writer holds the prompt row lock and points `staging` at version 1 (a new label); a version created
    meanwhile waits, then moves `staging` from 1, never `set` from None as a snapshot from before the lock says."""
    await api.create_prompt("load/waiter")
    await api.add_version("load/waiter", "v1")
    dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    ready = threading.Event()
    # Its own thread and loop: the test client runs the app's request in a way that blocks this loop.
    writer = threading.Thread(target=lambda: asyncio.run(_hold_lock_and_add_label(dsn, ready, 0.5)))
    writer.start()
    try:
        assert await asyncio.to_thread(ready.wait, 10)
        started = time.monotonic()
        response = await api.post(api.url("load/waiter", "/versions"), json={"text": "v2", "labels": ["staging"]})
        waited = time.monotonic() - started
    finally:
        await asyncio.to_thread(writer.join, 10)
    assert response.status_code == 201, response.text
    assert waited > 0.2  # it did wait for the other writer's lock
    history = (await api.get(api.url("load/waiter", "/labels/staging/history"))).json()["items"]
    assert [(e["action"], e["fromVersion"], e["toVersion"]) for e in history] == [("move", 1, 2)]
    latest = (await api.get(api.url("load/waiter", "/labels/latest/history"))).json()["items"]
    assert [(e["fromVersion"], e["toVersion"]) for e in latest] == [(1, 2), (None, 1)]

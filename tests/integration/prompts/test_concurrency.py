"""Gapless version numbering and serialised label moves under real concurrency (PostgreSQL)."""

from __future__ import annotations

import asyncio
import itertools

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

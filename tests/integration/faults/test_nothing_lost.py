"""Concurrent version creations and label moves while the app's database connections are being killed.

Afterwards, in the database: every write that got a 2xx is there, exactly once and complete; version numbers
are gapless; a version created with labels has its label event (one transaction); `latest` points at the
newest version. Failed requests are 503 problems (or 409 conflicts), never 500s.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from dataclasses import dataclass

import asyncpg
import pytest

from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.faults._api import create_prompt, setup_tenant, unique_text
from tests.integration.faults._db import asyncpg_dsn as _dsn
from tests.integration.faults._db import terminate_app_connections
from tests.integration.faults._server import serve_in_loop

pytestmark = pytest.mark.slow

PROMPTS = ["ledger-a", "ledger-b", "ledger-c"]
WRITERS = 6
DURATION = 4.0
MAX_DURATION = 30.0
ENOUGH_ACKNOWLEDGED = 25
"""Run at least DURATION seconds and until this many writes were acknowledged (a loaded machine serves fewer
requests between two kills), within MAX_DURATION."""
KILL_EVERY = 0.25


@dataclass
class Write:
    kind: str  # "version" | "label"
    prompt: str
    request_id: str
    status: int
    text: str = ""
    labels: tuple[str, ...] = ()
    version: int | None = None  # the version created, or the version the label was moved to
    problem_type: str = ""


async def test_acknowledged_writes_survive_killed_connections(database_url: str) -> None:
    app = create_app(make_settings(DB_POOL_SIZE=4, DB_MAX_OVERFLOW=4, SESSION_COOKIE_SECURE="false"))
    writes: list[Write] = []
    kills = 0
    async with serve_in_loop(app) as client:
        tenant = await setup_tenant(client)
        for name in PROMPTS:
            await create_prompt(client, tenant, name, unique_text(name), labels=["production"])
        acknowledged: dict[str, list[int]] = {name: [1] for name in PROMPTS}
        stop = asyncio.Event()

        async def writer(index: int) -> None:
            step = 0
            while not stop.is_set():
                step += 1
                name = PROMPTS[(index + step) % len(PROMPTS)]
                rid = f"faults-{index}-{step}-{uuid.uuid4().hex[:8]}"
                headers = {**tenant.headers, "X-Request-ID": rid}
                if step % 3 == 0:
                    known = acknowledged[name]
                    target = known[-1] if step % 2 else known[0]
                    response = await client.put(
                        tenant.prompts(f"/{name}/labels/staging"), json={"version": target}, headers=headers
                    )
                    write = Write("label", name, rid, response.status_code, version=target)
                else:
                    labels = ("candidate",) if step % 2 else ()
                    text = unique_text(rid)
                    response = await client.post(
                        tenant.prompts(f"/{name}/versions"),
                        json={"text": text, "labels": list(labels)},
                        headers=headers,
                    )
                    write = Write("version", name, rid, response.status_code, text=text, labels=labels)
                    if response.status_code == 201:
                        write.version = int(response.json()["version"])
                        acknowledged[name].append(write.version)
                if response.status_code >= 400:
                    write.problem_type = response.headers.get("content-type", "")
                writes.append(write)

        async def killer() -> None:
            nonlocal kills
            while not stop.is_set():
                await asyncio.sleep(KILL_EVERY)
                kills += await terminate_app_connections(database_url)

        tasks = [asyncio.create_task(writer(i)) for i in range(WRITERS)] + [asyncio.create_task(killer())]
        started = asyncio.get_running_loop().time()
        while True:
            await asyncio.sleep(0.25)
            elapsed = asyncio.get_running_loop().time() - started
            acknowledged_writes = sum(1 for w in writes if 200 <= w.status < 300)
            if elapsed >= MAX_DURATION or (elapsed >= DURATION and acknowledged_writes >= ENOUGH_ACKNOWLEDGED):
                break
        stop.set()
        await asyncio.gather(*tasks)

    assert kills > 0
    statuses: defaultdict[int, int] = defaultdict(int)
    for w in writes:
        statuses[w.status] += 1
    ok = [w for w in writes if 200 <= w.status < 300]
    print(f"kills={kills} statuses={dict(statuses)}")  # noqa: T201 - shown with -s / on failure
    assert len(ok) >= 20, f"too few successful writes to mean anything: {dict(statuses)}"
    unexpected = [w for w in writes if w.status >= 300 and w.status not in (409, 503)]
    assert not unexpected, f"failures other than 503/409: {[(w.kind, w.status) for w in unexpected][:10]}"
    assert all(w.problem_type.startswith("application/problem+json") for w in writes if w.status >= 400)

    conn = await asyncpg.connect(_dsn(database_url))
    try:
        ws_id = await conn.fetchval("SELECT id FROM workspace WHERE slug = $1", tenant.slug)
        prompts = {
            r["name"]: r
            for r in await conn.fetch("SELECT id, name, version_count FROM prompt WHERE workspace_id = $1", ws_id)
        }
        versions = await conn.fetch(
            "SELECT p.name, v.version, v.text FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id "
            "WHERE p.workspace_id = $1",
            ws_id,
        )
        labels = await conn.fetch(
            "SELECT p.name, l.name AS label, l.version FROM prompt_label l JOIN prompt p ON p.id = l.prompt_id "
            "WHERE p.workspace_id = $1",
            ws_id,
        )
        events = await conn.fetch(
            "SELECT p.name, e.label, e.to_version, e.request_id FROM label_event e JOIN prompt p ON p.id = e.prompt_id "
            "WHERE p.workspace_id = $1",
            ws_id,
        )
    finally:
        await conn.close()

    by_prompt: dict[str, list[int]] = defaultdict(list)
    text_of: dict[tuple[str, int], str] = {}
    for row in versions:
        by_prompt[row["name"]].append(row["version"])
        text_of[(row["name"], row["version"])] = row["text"]
    # Gapless numbering, consistent with the prompt's counter.
    for name in PROMPTS:
        numbers = sorted(by_prompt[name])
        assert numbers == list(range(1, len(numbers) + 1)), f"{name}: gaps or duplicates in {numbers}"
        assert prompts[name]["version_count"] == len(numbers), name
    # Every acknowledged version is there, with the content that was sent; no request was applied twice.
    for w in ok:
        if w.kind == "version":
            assert w.version is not None
            assert text_of.get((w.prompt, w.version)) == w.text, f"acknowledged version lost: {w}"
    sent_texts = [t for t in text_of.values() if "faults-" in t]
    assert len(sent_texts) == len(set(sent_texts)), "a version was stored twice"
    # A version and the labels it asked for commit together.
    label_events = {(e["name"], e["label"], e["to_version"]) for e in events}
    labelled = {w.text: w for w in writes if w.kind == "version" and w.labels}
    for (name, number), stored_text in text_of.items():
        if stored_text in labelled:
            assert (name, "candidate", number) in label_events, f"{name} v{number} stored without its label event"
    # Every acknowledged label move is recorded, by its request id.
    by_request = {(e["name"], e["request_id"], e["to_version"]) for e in events}
    for w in ok:
        if w.kind == "label":
            assert (w.prompt, w.request_id, w.version) in by_request, f"acknowledged label move lost: {w}"
    # `latest` follows the newest version.
    current = {(r["name"], r["label"]): r["version"] for r in labels}
    for name in PROMPTS:
        if (name, "latest") in current:
            assert current[(name, "latest")] == prompts[name]["version_count"], name

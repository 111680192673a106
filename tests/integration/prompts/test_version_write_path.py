"""What one new version costs the database on PostgreSQL, and that the cached workspace an API key's version write
uses still follows the workspace's changes (the write guard's snapshot, `WRITE_SNAPSHOT`)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg
from litestar import Litestar
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from app.config.settings import Settings
from app.lib.services import services_of
from tests.integration.helpers import create_api_key, create_workspace, register
from tests.integration.prompts.conftest import Api


@contextmanager
def statements_of(app: Litestar) -> Iterator[list[str]]:
    """What the app sends the database while the block runs: the statements SQLAlchemy executes and, from asyncpg's
    query log on each connection the pool hands out, BEGIN, COMMIT and the statements the app gives the driver
    itself (the pool's liveness check, run before the log is attached, is not among them). The first are recorded
    as they start, the others as they end: compare them sorted (`heads`)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    def log(query: Any) -> None:
        if not any(mark in query.query for mark in _DRIVER_OWN):
            seen.append(" ".join(query.query.split()).rstrip(";"))

    def attach(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.driver_connection.add_query_logger(log)

    def detach(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.driver_connection.remove_query_logger(log)

    engine = services_of(app).get(AsyncEngine).sync_engine
    listeners = [("before_cursor_execute", record), ("checkout", attach), ("checkin", detach)]
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield seen
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


_DRIVER_OWN = ("typeinfo_tree", "'jit'")
"""asyncpg's own queries, on a connection's first use of a type (its type introspection, with JIT off)."""


def heads(statements: list[str]) -> list[str]:
    """The statements' first words, sorted."""
    return sorted(s.split("(")[0].strip() for s in statements)


async def test_an_api_key_version_write_is_one_statement(api: Api, app: Litestar) -> None:
    """The version statement and nothing else: no workspace read by the guard (the cached snapshot), no outbox
    INSERT flushed at commit (the statement writes the row), and no BEGIN or COMMIT: the statement is the whole
    transaction. A label named in the body adds its audit event, and with it a transaction."""
    await api.create_prompt("write/one")
    await api.add_version("write/one", "first")  # the workspace snapshot is cached from here on
    with statements_of(app) as seen:
        created = await api.add_version("write/one", "second")
    assert created["version"] == 2
    assert created["labels"] == ["latest"]
    assert heads(seen) == ["WITH seen AS"], seen
    with statements_of(app) as seen:
        created = await api.add_version("write/one", "third", labels=["staging"])
    assert created["labels"] == ["latest", "staging"]
    assert heads(seen) == ["BEGIN", "COMMIT", "INSERT INTO audit_event", "WITH seen AS"], seen


async def test_a_user_session_version_write_still_reads_the_membership(client: Any, app: Litestar) -> None:
    owner = await register(client)
    ws = await create_workspace(client, owner["csrf"])
    as_owner = Api(client=client, slug=ws["slug"], csrf=owner["csrf"])
    await as_owner.create_prompt("write/session")
    with statements_of(app) as seen:
        await as_owner.add_version("write/session", "first")
    assert any("JOIN workspace_member" in s for s in seen), seen


async def test_a_version_write_follows_newly_protected_labels_at_once(client: Any) -> None:
    """The write key's workspace comes from the cache: protecting `release` must reach it on the next write."""
    owner = await register(client)
    ws = await create_workspace(client, owner["csrf"])
    writer = Api(
        client=client, slug=ws["slug"], key=await create_api_key(client, owner["csrf"], ws["slug"], scopes=["write"])
    )
    await writer.create_prompt("write/guarded")
    first = await writer.post(writer.url("write/guarded", "/versions"), json={"text": "one", "labels": ["release"]})
    assert first.status_code == 201, first.text  # not protected yet; the snapshot is cached now
    protected = await client.patch(
        f"/api/v1/workspaces/{ws['slug']}",
        json={"protectedLabels": ["production", "release"]},
        headers={"X-CSRF-Token": owner["csrf"]},
    )
    assert protected.status_code == 200, protected.text
    url = writer.url("write/guarded", "/versions")
    refused = await writer.post(url, json={"text": "two", "labels": ["release"]})
    assert refused.status_code == 403, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    allowed = await writer.post(url, json={"text": "two"})
    assert allowed.status_code == 201, allowed.text
    assert allowed.json()["version"] == 2


async def test_a_key_of_another_workspace_gets_404_on_a_version_write(client: Any, api: Api) -> None:
    await api.create_prompt("write/foreign")
    await api.add_version("write/foreign", "one")
    other = await register(client)
    ws = await create_workspace(client, other["csrf"])
    foreign = Api(client=client, slug=api.slug, key=await create_api_key(client, other["csrf"], ws["slug"]))
    response = await foreign.post(foreign.url("write/foreign", "/versions"), json={"text": "two"})
    assert response.status_code == 404, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_a_label_protected_on_another_instance_refuses_the_next_write_here(
    client: Any, settings: Settings
) -> None:
    """The workspace cache of this instance never hears of the change (another instance wrote it and its message was
    lost): the protected labels a key's labelled write checks are read from the database, not from the cache."""
    owner = await register(client)
    ws = await create_workspace(client, owner["csrf"])
    writer = Api(
        client=client, slug=ws["slug"], key=await create_api_key(client, owner["csrf"], ws["slug"], scopes=["write"])
    )
    await writer.create_prompt("write/elsewhere")
    url = writer.url("write/elsewhere", "/versions")
    first = await writer.post(url, json={"text": "one", "labels": ["release"]})
    assert first.status_code == 201, first.text  # the snapshot (no protected `release`) is cached now
    # The other instance's change, with no invalidation reaching this one: its own connection, on this test's loop.
    other = create_async_engine(settings.database_url, poolclass=NullPool)
    try:
        async with other.begin() as conn:
            await conn.execute(
                text("UPDATE workspace SET protected_labels = CAST(:labels AS jsonb) WHERE slug = :slug"),
                {"labels": '["release"]', "slug": ws["slug"]},
            )
    finally:
        await other.dispose()
    refused = await writer.post(url, json={"text": "two", "labels": ["release"]})
    assert refused.status_code == 403, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    unlabelled = await writer.post(url, json={"text": "two"})
    assert unlabelled.status_code == 201, unlabelled.text  # a write without labels needs no read and no refusal


async def test_refused_versions_leave_no_gap_in_the_numbering(api: Api) -> None:
    """A version of the wrong kind (400) or on a stale parent (409) numbers nothing, though the write that refuses
    them commits on its own: the next version is 3."""
    await api.create_prompt("write/refused")
    await api.add_version("write/refused", "one")
    await api.add_version("write/refused", "two")
    url = api.url("write/refused", "/versions")
    wrong_kind = await api.post(url, json={"messages": [{"role": "user", "content": "hi"}]})
    assert wrong_kind.status_code == 400, wrong_kind.text
    stale = await api.post(url, json={"text": "three", "parentVersion": 1})
    assert stale.status_code == 409, stale.text
    missing = await api.post(api.url("write/no-such-prompt", "/versions"), json={"text": "x"})
    assert missing.status_code == 404, missing.text
    created = await api.post(url, json={"text": "three", "parentVersion": 2})
    assert created.status_code == 201, created.text
    assert created.json()["version"] == 3
    listed = (await api.get(url)).json()
    assert [v["version"] for v in listed["items"]] == [3, 2, 1]
    assert listed["total"] == 3


async def _hold_lock_and_add_version(dsn: str, ready: threading.Event, hold: float) -> None:
    """Another writer: lock the prompt row, add version 2 and point `latest` at it, commit after `hold` s."""
    conn = await asyncpg.connect(dsn)
    try:
        async with conn.transaction():
            prompt_id = await conn.fetchval(
                "UPDATE prompt SET revision = revision + 1, version_count = 2 WHERE name = 'write/waiter' RETURNING id"
            )
            await conn.execute(
                "INSERT INTO prompt_version (id, prompt_id, version, text, variables, model_config, commit_message, "
                "author_type, author_id, author_label, source, content_hash, parent_version, created_at, updated_at) "
                "SELECT gen_random_uuid(), prompt_id, 2, 'v2', variables, model_config, '', author_type, author_id, "
                "author_label, source, 'other', 1, now(), now() FROM prompt_version "
                "WHERE prompt_id = $1 AND version = 1",
                prompt_id,
            )
            await conn.execute(
                "UPDATE prompt_label SET version = 2 WHERE prompt_id = $1 AND name = 'latest'", prompt_id
            )
            ready.set()
            await asyncio.sleep(hold)
    finally:
        await conn.close()


async def test_a_write_that_waited_on_another_writer_numbers_after_it(
    api: Api, app: Litestar, database_url: str
) -> None:
    """Another writer holds the prompt row and adds version 2: a version written meanwhile (no body labels) waits,
    finds the prompt changed, writes nothing in autocommit and takes the locking path: version 3, `latest` moved
    from 2. The prompt then counts as contended: the next write goes straight to the locking path."""
    await api.create_prompt("write/waiter")
    await api.add_version("write/waiter", "v1")
    dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    ready = threading.Event()
    # Its own thread and loop: the test client runs the app's request in a way that blocks this loop.
    writer = threading.Thread(target=lambda: asyncio.run(_hold_lock_and_add_version(dsn, ready, 0.5)))
    writer.start()
    try:
        assert await asyncio.to_thread(ready.wait, 10)
        started = time.monotonic()
        response = await api.post(api.url("write/waiter", "/versions"), json={"text": "v3"})
        waited = time.monotonic() - started
    finally:
        await asyncio.to_thread(writer.join, 10)
    assert response.status_code == 201, response.text
    assert waited > 0.2  # it did wait for the other writer's lock
    assert response.json()["version"] == 3
    assert response.json()["parentVersion"] == 2
    latest = (await api.get(api.url("write/waiter", "/labels/latest/history"))).json()["items"]
    assert [(e["fromVersion"], e["toVersion"]) for e in latest] == [(2, 3), (None, 1)]
    with statements_of(app) as seen:
        assert (await api.add_version("write/waiter", "v4"))["version"] == 4
    assert heads(seen) == ["BEGIN", "COMMIT", "WITH seen AS"], seen

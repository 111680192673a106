"""What one new version costs the database on PostgreSQL, and that the cached workspace an API key's version write
uses still follows the workspace's changes (the write guard's snapshot, `WRITE_SNAPSHOT`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from litestar import Litestar
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from app.config.settings import Settings
from app.lib.services import services_of
from tests.integration.helpers import create_api_key, create_workspace, register
from tests.integration.prompts.conftest import Api


@contextmanager
def statements_of(app: Litestar) -> Iterator[list[str]]:
    """The SQL statements the app's engine sends while the block runs (BEGIN and COMMIT are not cursor calls)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    engine = services_of(app).get(AsyncEngine).sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def test_an_api_key_version_write_is_one_statement(api: Api, app: Litestar) -> None:
    """The version statement and nothing else: no workspace read by the guard (the cached snapshot), no outbox
    INSERT flushed at commit (the statement writes the row). A label named in the body adds its audit event."""
    await api.create_prompt("write/one")
    await api.add_version("write/one", "first")  # the workspace snapshot is cached from here on
    with statements_of(app) as seen:
        created = await api.add_version("write/one", "second")
    assert created["version"] == 2
    assert created["labels"] == ["latest"]
    assert len(seen) == 1, seen
    assert seen[0].startswith("WITH seen AS"), seen[0][:80]
    with statements_of(app) as seen:
        created = await api.add_version("write/one", "third", labels=["staging"])
    assert created["labels"] == ["latest", "staging"]
    assert [s.split("(")[0].strip() for s in seen] == ["WITH seen AS", "INSERT INTO audit_event"], seen


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

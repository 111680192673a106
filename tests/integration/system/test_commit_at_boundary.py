"""The request boundary commits before the response starts: a write whose COMMIT fails never answers success.

The failures are real PostgreSQL ones at COMMIT: a `DEFERRABLE INITIALLY DEFERRED` constraint trigger on
`api_key`, created in the test database for this module, fires at COMMIT for a marker key name and refuses it with
the SQLSTATE the name carries (`commit-fails-40001-...`: serialization failure), or terminates its own server
process (`commit-fails-drop-...`: the connection is lost during the COMMIT). Every other insert passes untouched.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tests.integration.console.test_console_pages import _console_register, _token
from tests.integration.faults._db import asyncpg_dsn
from tests.integration.helpers import api_headers, unique_email

_TRIGGER = """
CREATE OR REPLACE FUNCTION test_fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name LIKE 'commit-fails-drop-%' THEN
        PERFORM pg_terminate_backend(pg_backend_pid());
        PERFORM pg_sleep(5);  -- the termination lands here: FATAL 57P01, the connection closes mid-COMMIT
    ELSIF NEW.name LIKE 'commit-fails-%' THEN
        RAISE EXCEPTION 'refused at commit' USING ERRCODE = split_part(NEW.name, '-', 3);
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS test_fail_at_commit ON api_key;
CREATE CONSTRAINT TRIGGER test_fail_at_commit AFTER INSERT ON api_key
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_at_commit();
"""


@pytest.fixture(scope="module")
async def fails_at_commit(database_url: str) -> AsyncIterator[None]:
    """The constraint trigger above, for this module's tests only."""
    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        await conn.execute(_TRIGGER)
        yield
        await conn.execute(
            "DROP TRIGGER IF EXISTS test_fail_at_commit ON api_key; DROP FUNCTION IF EXISTS test_fail_at_commit()"
        )
    finally:
        await conn.close()


def _name(kind: str) -> str:
    return f"commit-fails-{kind}-{uuid.uuid4().hex[:8]}"


async def _stored(db_session: AsyncSession, name: str) -> bool:
    found = await db_session.scalar(text("SELECT count(*) FROM api_key WHERE name = :name"), {"name": name})
    await db_session.rollback()
    return bool(found)


async def _create_key(client: Any, slug: str, name: str) -> Any:
    """`POST .../api-keys` as the signed-in owner (API keys cannot create keys): flushed, committed at the boundary."""
    csrf = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    return await client.post(
        f"/api/v1/workspaces/{slug}/api-keys", json={"name": name, "scopes": ["read"]}, headers={"X-CSRF-Token": csrf}
    )


def _assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert "key" not in body  # the key that was never stored is not shown
    return body


@pytest.mark.parametrize(("sqlstate", "status"), [("40001", 409), ("40P01", 409), ("23505", 409), ("P0001", 500)])
async def test_api_write_refused_at_commit_is_an_error_and_stores_nothing(
    client: Any,
    workspace_key: tuple[str, str],
    db_session: AsyncSession,
    fails_at_commit: None,
    sqlstate: str,
    status: int,
) -> None:
    slug, _ = workspace_key  # the client is signed in as the workspace's owner
    name = _name(sqlstate)
    response = await _create_key(client, slug, name)
    body = _assert_problem(response, status)
    assert "not saved" in body["detail"] or "could not be confirmed" in body["detail"]
    assert not await _stored(db_session, name)

    # The same request without the marker commits: the row is there and the key works.
    created = await _create_key(client, slug, f"fine-{uuid.uuid4().hex[:8]}")
    assert created.status_code == 201, created.text
    assert await _stored(db_session, created.json()["name"])
    works = await client.get(f"/api/v1/workspaces/{slug}/prompts/", headers=api_headers(created.json()["key"]))
    assert works.status_code == 200, works.text


async def test_connection_lost_during_commit_is_a_503_and_the_next_write_commits(
    client: Any, workspace_key: tuple[str, str], db_session: AsyncSession, fails_at_commit: None
) -> None:
    slug, _ = workspace_key  # the client is signed in as the workspace's owner
    name = _name("drop")
    response = await _create_key(client, slug, name)
    body = _assert_problem(response, 503)
    assert response.headers["retry-after"] == "1"
    assert "may not have been saved" in body["detail"]
    assert not await _stored(db_session, name)

    # The pool replaces the dead connection: the next write goes through and is stored.
    fine = f"fine-{uuid.uuid4().hex[:8]}"
    created = await _create_key(client, slug, fine)
    assert created.status_code == 201, created.text
    assert await _stored(db_session, fine)


async def test_console_new_key_refused_at_commit_shows_the_error_page_not_the_key(
    client: Any, db_session: AsyncSession, fails_at_commit: None
) -> None:
    slug = await _console_register(client, unique_email("console"))
    keys_page = await client.get(f"/ui/w/{slug}/keys/")
    assert keys_page.status_code == 200

    for kind, status, title in (("40001", 409, "Conflict"), ("drop", 503, "Service unavailable")):
        name = _name(kind)
        refused = await client.post(
            f"/ui/w/{slug}/keys/", data={"_csrf": _token(keys_page.text), "name": name, "scopes": ["read"]}
        )
        assert refused.status_code == status, refused.text
        assert refused.headers["content-type"].startswith("text/html")
        assert 'id="new-key"' not in refused.text
        assert f"<h1>{title}</h1>" in refused.text
        assert not await _stored(db_session, name)

    created = await client.post(
        f"/ui/w/{slug}/keys/", data={"_csrf": _token(keys_page.text), "name": "fine", "scopes": ["read"]}
    )
    assert created.status_code == 200, created.text
    match = re.search(r'<code id="new-key">([^<]+)</code>', created.text)
    assert match
    works = await client.get(f"/api/v1/workspaces/{slug}/prompts/", headers=api_headers(match.group(1)))
    assert works.status_code == 200, works.text

"""Migration c4e1a7d2f903 on a database that already has data: emails rewritten to their normalised form,
case-insensitive prompt names enforced, and clashes stopping the upgrade with a list instead of losing data."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator

import asyncpg
import pytest
from advanced_alchemy.alembic.commands import AlembicCommands
from sqlalchemy.engine import make_url

from app.config.database import create_alchemy_config
from tests.conftest import ADMIN_DATABASE_URL, _asyncpg_dsn, make_settings

BEFORE = "b9c5594eb710"
REVISION = "c4e1a7d2f903"


@pytest.fixture
def scratch_url() -> Iterator[str]:
    name = f"promptsmith_mig_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    url = make_url(ADMIN_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    yield url
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _admin(sql: str) -> None:
    conn = await asyncpg.connect(_asyncpg_dsn(ADMIN_DATABASE_URL))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _alembic(url: str) -> AlembicCommands:
    return AlembicCommands(sqlalchemy_config=create_alchemy_config(make_settings(DATABASE_URL=url)))


async def _seed(url: str, emails: list[str], prompt_names: list[str]) -> None:
    conn = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        for email in emails:
            await conn.execute(
                "INSERT INTO user_account (id, email, display_name, password_hash, is_active, password_changed_at,"
                " created_at, updated_at) VALUES ($1, $2, 'x', 'x', true, now(), now(), now())",
                uuid.uuid4(),
                email,
            )
        workspace = uuid.uuid4()
        await conn.execute(
            "INSERT INTO workspace (id, slug, name, is_personal, protected_labels, lint_overrides, created_at,"
            " updated_at) VALUES ($1, $2, 'w', false, '[]', '{}', now(), now())",
            workspace,
            f"w-{workspace.hex[:8]}",
        )
        for name in prompt_names:
            await conn.execute(
                "INSERT INTO prompt (id, workspace_id, name, description, kind, archived, version_count, revision,"
                " created_at, updated_at) VALUES ($1, $2, $3, '', 'text', false, 0, 0, now(), now())",
                uuid.uuid4(),
                workspace,
                name,
            )
    finally:
        await conn.close()


async def _fetch(url: str, sql: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


def test_upgrade_normalises_emails_and_enforces_names(scratch_url: str) -> None:
    _alembic(scratch_url).upgrade(BEFORE)
    asyncio.run(_seed(scratch_url, ["ｓｔｒａｓｓｅ@example.de", "ada@example.com"], ["Support/Billing", "sales"]))
    _alembic(scratch_url).upgrade(REVISION)
    emails = {r["email"] for r in asyncio.run(_fetch(scratch_url, "SELECT email FROM user_account"))}
    assert emails == {"strasse@example.de", "ada@example.com"}
    with pytest.raises(asyncpg.UniqueViolationError):
        asyncio.run(_seed(scratch_url, [], ["support/billing", "SUPPORT/BILLING"]))


def test_upgrade_stops_on_clashes_and_changes_nothing(scratch_url: str) -> None:
    _alembic(scratch_url).upgrade(BEFORE)
    asyncio.run(_seed(scratch_url, ["straße@example.de", "strasse@example.de"], ["Support/Billing", "support/billing"]))
    with pytest.raises(RuntimeError, match="support/billing"):
        _alembic(scratch_url).upgrade(REVISION)
    rows = asyncio.run(_fetch(scratch_url, "SELECT version_num FROM alembic_version"))
    assert [r["version_num"] for r in rows] == [BEFORE]

"""`serve` refuses configurations that would start a broken service, with one clear line and no traceback.

Both used to start: several workers on per-process memory stores logged people out at random, and a database
that was never migrated passed readiness while every request failed with a 500.
"""

from __future__ import annotations

import subprocess
import sys

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from tests.conftest import ADMIN_DATABASE_URL, _asyncpg_dsn
from tests.integration.system.conftest import free_port, subprocess_env

pytestmark = pytest.mark.slow


def _serve(args: list[str], cwd, env) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "serve", "--port", str(free_port()), *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _one_clear_line(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.startswith("promptsmith:")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr, stderr
    return lines[0]


def test_several_workers_without_redis_are_refused(tmp_path):
    env = subprocess_env(DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/p.db")
    done = _serve(["--workers", "2"], tmp_path, env)
    assert done.returncode == 2, done.stderr
    line = _one_clear_line(done.stderr)
    assert "--workers 2" in line
    assert "REDIS_URL" in line


async def test_a_database_that_was_never_migrated_is_refused(tmp_path):
    name = f"promptsmith_refused_{free_port()}"
    admin = await asyncpg.connect(_asyncpg_dsn(ADMIN_DATABASE_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        url = make_url(ADMIN_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
        done = _serve([], tmp_path, subprocess_env(DATABASE_URL=url, DB_CONNECT_RETRIES="0"))
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
    assert done.returncode == 3, done.stderr
    line = _one_clear_line(done.stderr)
    assert "never migrated" in line
    assert "database upgrade" in line
    assert "AUTO_MIGRATE" in line

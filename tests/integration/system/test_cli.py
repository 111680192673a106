"""The command line: `python -m app --help` and `python -m app database upgrade` on a fresh SQLite file."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys

import pytest

from tests.integration.system.conftest import subprocess_env


def _run(args: list[str], cwd, env) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_help_lists_serve_and_database(tmp_path):
    result = _run(["--help"], tmp_path, subprocess_env())
    assert result.returncode == 0, result.stderr
    assert "Commands" in result.stdout
    commands = result.stdout.split("Commands", 1)[1]  # plain or rich-formatted help
    assert re.search(r"\bserve\b", commands)
    assert re.search(r"\bdatabase\b", commands)


@pytest.mark.slow
def test_database_upgrade_on_a_fresh_sqlite_file(tmp_path):
    database = tmp_path / "data" / "fresh.db"
    env = subprocess_env(DATABASE_URL=f"sqlite+aiosqlite:///{database}")
    result = _run(["database", "upgrade", "--no-prompt"], tmp_path, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert database.is_file()
    with sqlite3.connect(database) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert {"alembic_version", "user_account", "workspace"} <= tables
    assert version

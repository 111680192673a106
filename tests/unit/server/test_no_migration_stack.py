"""A server process loads no migration or CLI machinery: building the app and its start-up schema check import
neither Alembic (with Mako) nor rich-click, Litestar's CLI or Advanced Alchemy's Litestar extension (which imports all
of them): 6 to 7 MB per worker (bench/results/perf36-notes.md). Migrations and the `database` commands import them
when they run.

Checked in a fresh interpreter: the test session itself imports Alembic long before this test runs.
"""

from __future__ import annotations

import subprocess
import sys

MIGRATION_STACK = ("alembic", "mako", "rich_click", "litestar.cli", "advanced_alchemy.extensions.litestar")

PROBE = f"""
import asyncio
import sys

from app.config.settings import load_settings
from app.server.asgi import create_app
from app.server.lifespan import StartupError, ensure_schema_current
from app.lib.services import services_of
from sqlalchemy.ext.asyncio import AsyncEngine

app = create_app(load_settings({{"DATABASE_URL": "sqlite+aiosqlite:///:memory:"}}, env_file=None))
engine = services_of(app).get(AsyncEngine)
try:  # the lifespan's check: reads the code's head revision, finds an empty database
    asyncio.run(ensure_schema_current(engine))
except StartupError as err:
    print("refused:", err)
print(",".join(m for m in {MIGRATION_STACK!r} if m in sys.modules) or "none")
"""


def test_the_server_imports_no_alembic_nor_cli() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    refused, loaded = result.stdout.strip().splitlines()[-2:]
    assert "was never migrated, this version needs" in refused
    assert loaded == "none"

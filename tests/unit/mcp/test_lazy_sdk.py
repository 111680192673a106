"""The MCP SDK (about 20 MB resident) is imported by the first `/mcp` request, not when the app is built.

Checked in a fresh interpreter: the test session itself has imported the SDK long before this test runs.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from app.config.settings import load_settings
from app.server.asgi import create_app

create_app(load_settings({"DATABASE_URL": "sqlite+aiosqlite:///:memory:"}, env_file=None))
loaded = sorted(m for m in sys.modules if m in ("mcp", "mcp_types") or m.startswith(("mcp.", "mcp_types.")))
print(",".join(loaded) or "none")
"""


def test_building_the_app_does_not_import_the_mcp_sdk() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "none"

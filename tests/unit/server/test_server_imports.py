"""Building the app imports neither httpx nor saq: only LLM calls and webhook delivery need them, and a server
with neither configured (or with a separate webhooks worker) would carry about 3 MB of them in every worker.

Checked in a fresh interpreter: the test session itself imports both long before this test runs.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from app.config.settings import load_settings
from app.server.asgi import create_app

create_app(load_settings({"DATABASE_URL": "sqlite+aiosqlite:///:memory:"}, env_file=None))
print(",".join(sorted(m for m in ("httpx", "saq") if m in sys.modules)) or "none")

from app.domain.generation.llm import LLMRuntime, OpenAIChatProvider

runtime = LLMRuntime(load_settings({"LLM_PROVIDER": "openai", "LLM_BASE_URL": "http://127.0.0.1:9/v1",
                                    "LLM_MODEL": "m"}, env_file=None))
print(type(runtime.provider()) is OpenAIChatProvider, "httpx" in sys.modules)
"""


def test_building_the_app_imports_no_http_client_nor_job_queue() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    built, provider = result.stdout.strip().splitlines()[-2:]
    assert built == "none"
    assert provider == "True True"  # a configured provider still gets its client on first use

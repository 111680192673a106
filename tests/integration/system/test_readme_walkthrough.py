"""The README's API walkthrough runs as written, top to bottom, against a freshly served app.

A newcomer copies the shell block into a terminal; if a step needs a value that no earlier step set (the API
key, say), or a field name drifts, they hit a wall. This test extracts that very block from README.md and runs
it with bash against `python -m app serve` on the embedded default, exactly as the quick start says.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.integration.faults._procs import (
    REPO_ROOT,
    free_port,
    kill_group,
    port_open,
    read_log,
    start_python_module,
    wait_until,
)

pytestmark = pytest.mark.slow


def _walkthrough_block() -> str:
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme.split("## Using the API", 1)[1]
    match = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert match, "the 'Using the API' section has a bash block"
    return match.group(1)


def _json_documents(stream: str) -> list[dict[str, object]]:
    decoder = json.JSONDecoder()
    documents, index = [], 0
    while index < len(stream):
        if stream[index].isspace():
            index += 1
            continue
        document, index = decoder.raw_decode(stream, index)
        documents.append(document)
    return documents


def test_readme_walkthrough_runs_as_written(tmp_path: Path) -> None:
    if shutil.which("curl") is None:
        pytest.fail("curl is needed to run the README walkthrough (install it: apt-get install curl)")
    port = free_port()
    env = {
        "ENVIRONMENT": "development",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/promptsmith.db",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
    }
    server = start_python_module("app", ["serve", "--port", str(port)], env)
    try:
        try:
            wait_until(lambda: port_open(port), 60, what=f"the served app on {port}")
        except TimeoutError:
            raise AssertionError(read_log(server)) from None
        block = _walkthrough_block()
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block],
            cwd=tmp_path,
            env={"PATH": "/usr/bin:/bin:/usr/local/bin", "PROMPTSMITH_URL": f"http://127.0.0.1:{port}"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}\nserver:\n{read_log(server)}"
        # curl prints each JSON answer without a newline: split the stream into its documents.
        answers = _json_documents(done.stdout)
        assert len(answers) == 6, done.stdout  # register, workspace, generate, save, move label, resolve
        # The last command resolves `production`: it serves version 1, the saved generation.
        resolved = answers[-1]
        assert resolved["version"] == 1
        assert "Acme" in json.dumps(resolved)
    finally:
        kill_group(server)

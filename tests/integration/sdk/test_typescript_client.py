"""The TypeScript SDK path: openapi-typescript generates types from our OpenAPI document and `tsc` type-checks a
plain client program (`typescript/client.ts`) against them.

It fails when a request field with a server-side default is generated as required, when a schema the program
names disappears, or when the CSRF header is not declared on session writes. `npm ci` in `typescript/` (run by
`.ci/run`) installs the pinned tools.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from litestar.serialization import encode_json

from app.config.settings import Settings
from app.server.asgi import create_app

PROJECT = Path(__file__).parent / "typescript"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=PROJECT, capture_output=True, text=True, timeout=300, check=False)


def test_generated_types_type_check_a_plain_client(settings: Settings, tmp_path: Path) -> None:
    npx = shutil.which("npx")
    assert npx is not None, "Node.js/npm is required (installed by .ci/run)"
    assert (PROJECT / "node_modules" / ".bin" / "tsc").exists(), f"run `npm ci` in {PROJECT}"
    document = tmp_path / "openapi.json"
    document.write_bytes(encode_json(create_app(settings).openapi_schema.to_schema()))
    (PROJECT / "generated").mkdir(exist_ok=True)

    generated = _run(npx, "--no-install", "openapi-typescript", str(document), "-o", "generated/schema.d.ts")
    assert generated.returncode == 0, generated.stdout + generated.stderr

    checked = _run(npx, "--no-install", "tsc", "-p", "tsconfig.json")
    assert checked.returncode == 0, f"tsc found type errors:\n{checked.stdout}{checked.stderr}"

"""The embedded default: `python -m app serve` with no configuration at all, in an empty directory."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.integration.system.conftest import free_port, subprocess_env

PROBLEM = "application/problem+json"
SHUTDOWN_TIMEOUT = 10  # the SHUTDOWN_TIMEOUT default


def _assert_problem(response: httpx.Response, *statuses: int) -> dict:
    assert response.status_code in statuses, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == response.status_code
    assert body["requestId"] == response.headers["x-request-id"]
    return body


@pytest.mark.slow
def test_serve_with_no_configuration(start_server, tmp_path):
    port = free_port()
    env = subprocess_env()  # no DATABASE_URL, REDIS_URL, ENVIRONMENT, SECRET_KEY ...
    assert not {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"} & env.keys()
    assert not (tmp_path / ".env").exists()
    server = start_server(["-m", "app", "serve", "--port", str(port)], port=port, env=env, cwd=tmp_path)
    server.wait_live(timeout=30)

    with httpx.Client(base_url=server.base_url, timeout=10) as http:
        ready = http.get("/health/ready")
        assert ready.status_code == 200, ready.text
        body = ready.json()
        assert body["status"] == "pass"
        assert list(body["checks"]) == [
            "database:responseTime",
            "database:schema",
        ]  # no Redis configured: no Redis check
        assert body["checks"]["database:responseTime"][0]["status"] == "pass"

        document = http.get("/schema/openapi.json")
        assert document.status_code == 200
        openapi = document.json()

        _assert_problem(http.post("/no/such/path", json={}), 404)

        # Malformed JSON: 405 on a GET-only route; a problem+json 400 from the POST routes that parse the
        # body first (routes that need a caller answer 401/403 before reading it: still problem+json).
        _assert_problem(http.post("/health/live", content=b"{bad", headers={"content-type": "application/json"}), 405)
        post_paths = [
            path for path, item in openapi["paths"].items() if "post" in item and not re.search(r"\{[^}]+\}", path)
        ]
        statuses = []
        for path in post_paths:
            response = http.post(path, content=b'{"a": ', headers={"content-type": "application/json"})
            body = _assert_problem(response, 400, 401, 403)
            assert "Traceback" not in response.text
            statuses.append(body["status"])
        if post_paths:
            assert 400 in statuses, dict(zip(post_paths, statuses, strict=True))

    # Migrations ran at start: the SQLite file was created under the working directory.
    database = tmp_path / "var" / "promptsmith.db"
    assert database.is_file()
    assert database.stat().st_size > 0

    assert server.terminate(timeout=SHUTDOWN_TIMEOUT + 5) == 0
    stderr = server.stderr()
    assert "Traceback" not in stderr
    records = server.log_records()
    assert any(r.get("event") == "migrations_applied" for r in records)
    assert any(r.get("event") == "request" and r.get("path") == "/health/ready" for r in records)

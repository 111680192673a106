"""Logging: request ids on every line of a request, one access line per request, the level applied.

The subprocess tests read the real output: JSON lines on stderr (stderr is not a TTY), produced by the
`serve` command serving the app plus the test-only routes.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tests.conftest import REDIS_URL, TEST_REDIS_NAMESPACE, TEST_SECRET
from tests.integration.system.conftest import REPO_ROOT, free_port, subprocess_env

SANE_ID = "client-req_42.a:b"
REQUEST_EVENTS = {"request", "handler_step", "unhandled_exception"}

# The real `serve` command (same uvicorn flags, signal handling and exit code), serving the real app
# plus the test-only routes: only the factory path handed to uvicorn is swapped.
RUNNER = """
import sys
import uvicorn
from app.server import cli

run = uvicorn.run
uvicorn.run = lambda _app, **kwargs: run("tests.integration.system.routes:create_test_app", **kwargs)
cli.serve.main(["--port", sys.argv[1]])
"""


# ---------------------------------------------------------------- request id (in-process)


async def test_sane_request_id_is_echoed(test_client):
    response = await test_client.get("/health/live", headers={"X-Request-ID": SANE_ID})
    assert response.headers["x-request-id"] == SANE_ID


async def test_request_id_is_generated_when_absent(test_client):
    first = (await test_client.get("/health/live")).headers["x-request-id"]
    second = (await test_client.get("/health/live")).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@pytest.mark.parametrize(
    "insane",
    ["a" * 300, "has spaces in it", "semi;colon", 'quote"d', "<script>", "tab\tinside", "vt\x0binside", ""],
)
async def test_insane_request_id_is_replaced(test_client, insane):
    response = await test_client.get("/health/live", headers={"X-Request-ID": insane})
    replaced = response.headers["x-request-id"]
    assert replaced != insane
    assert re.fullmatch(r"[0-9a-f]{32}", replaced)


async def test_request_id_in_error_bodies_matches_header(test_client):
    response = await test_client.get("/no/such/route", headers={"X-Request-ID": SANE_ID})
    assert response.json()["requestId"] == SANE_ID
    assert response.headers["x-request-id"] == SANE_ID


# ---------------------------------------------------------------- real output (subprocess)


def _start(start_server, settings, log_level: str):
    port = free_port()
    env = subprocess_env(
        PYTHONPATH=str(REPO_ROOT),
        ENVIRONMENT="test",
        SECRET_KEY=TEST_SECRET,
        DATABASE_URL=settings.database_url,
        REDIS_URL=REDIS_URL,
        REDIS_NAMESPACE=TEST_REDIS_NAMESPACE,
        AUTO_MIGRATE="false",
        LOG_LEVEL=log_level,
    )
    server = start_server(["-c", RUNNER, str(port)], port=port, env=env)
    server.wait_live()
    return server


def _by_request(records: list[dict[str, Any]], request_id: str) -> list[dict[str, Any]]:
    return [r for r in records if r.get("request_id") == request_id]


@pytest.mark.slow
def test_info_level_request_ids_and_access_lines(start_server, settings):
    server = _start(start_server, settings, "INFO")
    base = server.base_url
    with httpx.Client(base_url=base, timeout=10) as http:
        logged = http.get("/test/log", headers={"X-Request-ID": SANE_ID})
        boom = http.get("/test/fail/boom", headers={"X-Request-ID": "boom-1"})
        missing = http.post("/no/such/route", headers={"X-Request-ID": "missing-1"})
        insane = http.get("/health/live", headers={"X-Request-ID": "x" * 300})
        plain = http.get("/health/live")
    assert logged.headers["x-request-id"] == SANE_ID
    assert boom.status_code == 500
    assert missing.status_code == 404
    replaced = insane.headers["x-request-id"]
    assert replaced != "x" * 300
    assert server.terminate(timeout=15) == 0
    records = server.log_records()  # every line is JSON

    # Every log line emitted while serving a request carries that request's id.
    for record in records:
        if record.get("event") in REQUEST_EVENTS:
            assert record.get("request_id"), record
    handler_lines = _by_request(records, SANE_ID)
    assert [r["event"] for r in handler_lines] == ["handler_step", "handler_step", "request"]
    assert {r["level"] for r in handler_lines} == {"info", "warning"}

    # The unhandled exception: logged with its traceback and the request id; then the access line.
    boom_lines = _by_request(records, "boom-1")
    error = next(r for r in boom_lines if r["event"] == "unhandled_exception")
    assert error["level"] == "error"
    assert "Traceback" in error["exception"]
    assert "RuntimeError: secret internal detail" in error["exception"]
    assert "secret internal detail" not in boom.text

    # One access line per request, with method, path, status and duration.
    expected = {
        SANE_ID: ("GET", "/test/log", 200),
        "boom-1": ("GET", "/test/fail/boom", 500),
        "missing-1": ("POST", "/no/such/route", 404),
        replaced: ("GET", "/health/live", 200),
        plain.headers["x-request-id"]: ("GET", "/health/live", 200),
    }
    for request_id, (method, path, status) in expected.items():
        access = [r for r in _by_request(records, request_id) if r["event"] == "request"]
        assert len(access) == 1, (request_id, access)
        line = access[0]
        assert line["logger"] == "promptsmith.access"
        assert line["level"] == "info"
        assert (line["method"], line["path"], line["status"]) == (method, path, status)
        assert isinstance(line["duration_ms"], int | float)
        assert line["duration_ms"] >= 0
    # Readiness probes of the server start-up (wait_live) are requests too, each with its own id.
    access_ids = [r["request_id"] for r in records if r["event"] == "request"]
    assert len(access_ids) == len(set(access_ids))
    # uvicorn's own access log is off (ours replaces it); its lifecycle lines come through as JSON.
    assert not [r for r in records if r.get("logger") == "uvicorn.access"]
    assert any(r.get("logger") == "uvicorn.error" for r in records)


@pytest.mark.slow
def test_warning_level_drops_info_lines(start_server, settings):
    server = _start(start_server, settings, "WARNING")
    with httpx.Client(base_url=server.base_url, timeout=10) as http:
        assert http.get("/test/log", headers={"X-Request-ID": SANE_ID}).status_code == 200
        assert http.get("/health/live").status_code == 200
    assert server.terminate(timeout=15) == 0
    records = server.log_records()
    assert not [r for r in records if r["level"] in {"debug", "info"}], records
    assert not [r for r in records if r.get("event") == "request"]
    # The level filters, it does not silence: the handler's warning is still there, with its request id.
    warnings = [r for r in records if r.get("event") == "handler_step"]
    assert len(warnings) == 1
    assert warnings[0]["level"] == "warning"
    assert warnings[0]["request_id"] == SANE_ID

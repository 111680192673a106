"""Every failure is an RFC 9457 problem+json body that carries the request id and leaks nothing internal."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from tests.integration.system.routes import SECRET

PROBLEM = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "requestId"}
# Words that would reveal internals: SQL, table/constraint names from the failing statements, tracebacks.
LEAKS = (
    "SELECT",
    "INSERT",
    "SQL",
    "user_account",
    "api_key",
    "uq_",
    "fk_",
    "secret",
    "constraint",
    "Traceback",
    "10.0.0",
    "asyncpg",
    "sqlalchemy",
)


def assert_problem(response: Any, status: int, *, path: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body.keys() >= PROBLEM_KEYS, body
    assert body["status"] == status
    assert body["type"].startswith("urn:promptsmith:problem:")
    assert body["title"]
    assert body["detail"]
    assert body["instance"] == (path or response.request.url.path)
    assert body["requestId"] == response.headers["x-request-id"]
    return body


def assert_no_leak(response: Any) -> None:
    body = response.json()
    body.pop("instance", None)  # the request path, chosen by the test
    text = json.dumps(body)
    for word in LEAKS:
        assert word.lower() not in text.lower(), f"{word!r} leaked in {text}"


async def test_400_validation_lists_field_errors(test_client):
    response = await test_client.post("/test/items", json={"name": "", "count": -1})
    body = assert_problem(response, 400)
    assert body["type"].endswith(":validation-error")
    assert isinstance(body["errors"], list)
    assert body["errors"], body
    for error in body["errors"]:
        assert {"field", "message"} <= error.keys()
    assert {e["field"] for e in body["errors"]} & {"name", "count"}


async def test_400_wrong_type_names_the_field(test_client):
    response = await test_client.post("/test/items", json={"name": 5, "count": 1})
    body = assert_problem(response, 400)
    assert [e["field"] for e in body["errors"]] == ["name"]


async def test_400_unknown_field(test_client):
    response = await test_client.post("/test/items", json={"name": "a", "count": 1, "extra": True})
    assert_problem(response, 400)


async def test_400_malformed_json(test_client):
    response = await test_client.post(
        "/test/items", content=b'{"name": "a", ', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 400)
    assert "Traceback" not in body["detail"]


async def test_valid_body_passes(test_client):
    response = await test_client.post("/test/items", json={"name": "a", "count": 1})
    assert response.status_code == 201
    assert response.json() == {"name": "a", "count": 1}


@pytest.mark.parametrize(
    ("kind", "status", "slug"),
    [
        ("bad-request", 400, "bad-request"),
        ("unauthenticated", 401, "unauthenticated"),
        ("forbidden", 403, "forbidden"),
        ("not-found", 404, "not-found"),
        ("conflict", 409, "conflict"),
        ("precondition", 412, "precondition-failed"),
        ("rate-limited", 429, "rate-limited"),
        ("unavailable", 503, "service-unavailable"),
    ],
)
async def test_domain_errors(test_client, kind, status, slug):
    response = await test_client.get(f"/test/domain/{kind}")
    body = assert_problem(response, status)
    assert body["type"] == f"urn:promptsmith:problem:{slug}"


async def test_429_keeps_retry_after(test_client):
    response = await test_client.get("/test/domain/rate-limited")
    assert response.headers["retry-after"] == "7"


async def test_404_unknown_path(test_client):
    response = await test_client.get("/no/such/path")
    assert_problem(response, 404)


async def test_405_wrong_method(test_client):
    response = await test_client.delete("/health/live")
    assert_problem(response, 405)
    assert "GET" in response.headers["allow"]


async def test_413_body_over_max_body_size(make_client):
    async with make_client(max_body_size=64) as client:
        response = await client.post("/test/items", json={"name": "x" * 100, "count": 1})
        body = assert_problem(response, 413)
        assert body["type"].endswith(":payload-too-large")
        small = await client.post("/test/items", json={"name": "x", "count": 1})
        assert small.status_code == 201


async def test_415_text_plain_to_json_route(test_client):
    response = await test_client.post("/test/items", content=b"name=a", headers={"content-type": "text/plain"})
    body = assert_problem(response, 415)
    assert "application/json" in body["detail"]


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        ("aa-duplicate", 409),
        ("aa-integrity", 409),
        ("aa-not-found", 404),
        ("operational", 503),
        ("redis", 503),
        ("driver-state", 503),
    ],
)
async def test_repository_and_infrastructure_errors_leak_nothing(test_client, kind, status):
    response = await test_client.get(f"/test/fail/{kind}")
    assert_problem(response, status)
    assert_no_leak(response)
    if status == 503:
        assert response.headers["retry-after"]


@pytest.mark.parametrize(
    ("kind", "status"), [("duplicate", 409), ("foreign-key", 409), ("connection-lost", 503), ("bad-statement", 500)]
)
async def test_real_postgres_errors(test_client, kind, status):
    """Real PostgreSQL failures (wrapped like an Advanced Alchemy repository does) map without leaking."""
    response = await test_client.post(f"/test/db/{kind}")
    assert_problem(response, status)
    assert_no_leak(response)


async def test_500_unhandled_exception_is_logged_but_not_leaked(test_client, caplog):
    with caplog.at_level(logging.ERROR, logger="promptsmith.errors"):
        response = await test_client.get("/test/fail/boom")
    body = assert_problem(response, 500)
    assert body["type"].endswith(":internal-error")
    assert_no_leak(response)
    assert SECRET not in json.dumps(body)
    # Logged at ERROR with its traceback (rendered into the event by structlog's format_exc_info).
    records = [r for r in caplog.records if r.name == "promptsmith.errors" and r.levelno == logging.ERROR]
    assert records, "the unhandled exception was not logged"
    event = records[-1].msg
    assert isinstance(event, dict)
    assert event["event"] == "unhandled_exception"
    assert event["request_id"] == body["requestId"]
    assert "Traceback" in event["exception"]
    assert f"RuntimeError: {SECRET}" in event["exception"]

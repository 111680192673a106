"""Request bodies that cannot be decoded are the client's 400 (or 415), never a 500 with a traceback.

Each case was a 500 before the fix: msgspec raises `RecursionError` for deep nesting and `UnicodeDecodeError`
for invalid UTF-8, and Litestar's decoder only catches `msgspec.DecodeError`. Login and register are probed
because they run before authentication: anyone on the internet can send these bodies.
"""

from __future__ import annotations

import gzip
import json

import pytest
import structlog

from tests.integration.system.test_errors import assert_no_leak, assert_problem

BAD_BODIES = {
    "nested 1,000 deep": b"[" * 1000 + b"]" * 1000,
    "nested 100,000 deep, unclosed": b"[" * 100_000,
    "invalid UTF-8": b'{"email": "\xff\xfe@example.com", "password": "x"}',
    "lone surrogate bytes": b'{"email": "\xed\xa0\x80", "password": "x"}',
    "truncated": b'{"email": "a@example.com", "password": ',
}


@pytest.mark.parametrize("path", ["/api/v1/auth/login", "/api/v1/auth/register"])
@pytest.mark.parametrize("name", sorted(BAD_BODIES))
async def test_undecodable_json_is_a_400_problem(client, path, name):
    with structlog.testing.capture_logs() as logs:
        response = await client.post(path, content=BAD_BODIES[name], headers={"content-type": "application/json"})
    body = assert_problem(response, 400)
    assert body["detail"].startswith("The request body is not valid JSON"), body
    assert "truncated" not in body["detail"].lower()  # msgspec's wording, meaningless to a client
    assert_no_leak(response)
    assert not [entry for entry in logs if entry.get("log_level") == "error"], logs
    assert not [entry for entry in logs if "exception" in entry or "exc_info" in entry], logs


async def test_gzip_request_body_is_refused_with_415(client):
    payload = gzip.compress(json.dumps({"email": "a@example.com", "password": "x" * 12}).encode())
    response = await client.post(
        "/api/v1/auth/login",
        content=payload,
        headers={"content-type": "application/json", "content-encoding": "gzip"},
    )
    body = assert_problem(response, 415)
    assert "uncompressed" in body["detail"]


async def test_valid_json_still_reaches_the_handler(client):
    response = await client.post("/api/v1/auth/login", json={"email": "nobody@example.com", "password": "x" * 12})
    assert response.status_code == 401, response.text


@pytest.mark.parametrize(
    ("body", "field"), [({"password": "x" * 12}, "email"), ({"email": "a@example.com"}, "password")]
)
async def test_a_missing_body_field_is_named(client, body, field):
    response = await client.post("/api/v1/auth/login", json=body)
    problem = assert_problem(response, 400)
    assert problem["errors"] == [
        {"field": field, "source": "body", "message": f"Object missing required field `{field}`"}
    ], problem

"""HTTP middleware: CORS, gzip, security headers, the request body limit."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.integration.system.conftest import build_app

ALLOWED = "https://app.example"


async def test_cors_preflight_from_allowed_origin(make_client):
    async with make_client(cors_origins=f"{ALLOWED}, https://other.example") as client:
        response = await client.options(
            "/test/items",
            headers={
                "Origin": ALLOWED,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type, x-request-id, if-match",
            },
        )
        assert response.status_code in {200, 204}
        assert response.headers["access-control-allow-origin"] == ALLOWED
        assert response.headers["access-control-allow-credentials"] == "true"
        assert "POST" in response.headers["access-control-allow-methods"]
        allowed_headers = response.headers["access-control-allow-headers"].lower()
        for header in ("content-type", "x-request-id", "if-match", "authorization"):
            assert header in allowed_headers
        assert "origin" in response.headers.get("vary", "").lower()


async def test_cors_simple_request_exposes_request_id(make_client):
    async with make_client(cors_origins=ALLOWED) as client:
        response = await client.get("/health/live", headers={"Origin": ALLOWED})
        assert response.headers["access-control-allow-origin"] == ALLOWED
        assert "x-request-id" in response.headers["access-control-expose-headers"].lower()


async def test_cors_disallowed_origin_gets_no_allow_headers(make_client):
    async with make_client(cors_origins=ALLOWED) as client:
        preflight = await client.options(
            "/test/items",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
        )
        assert "access-control-allow-origin" not in preflight.headers
        assert "access-control-allow-credentials" not in preflight.headers
        simple = await client.get("/health/live", headers={"Origin": "https://evil.example"})
        assert simple.status_code == 200
        assert "access-control-allow-origin" not in simple.headers


async def test_no_cors_when_no_origins_configured(test_client):
    response = await test_client.options(
        "/test/items", headers={"Origin": ALLOWED, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in response.headers


async def test_gzip_above_threshold(test_client):
    response = await test_client.get("/test/big", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in response.headers.get("vary", "").lower()
    assert len(response.json()["items"]) == 200  # httpx decompressed it: a valid gzip stream


async def test_no_gzip_below_threshold_or_without_accept_encoding(test_client):
    tiny = await test_client.get("/health/live", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in tiny.headers
    plain = await test_client.get("/test/big", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert len(plain.content) > 1024


def _assert_security_headers(response: Any) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/health/live"), ("GET", "/no/such/route"), ("DELETE", "/health/live"), ("GET", "/test/fail/boom")],
)
async def test_security_headers_on_api_routes_and_errors(test_client, method, path):
    response = await test_client.request(method, path)
    _assert_security_headers(response)
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    # Not a development environment (ENVIRONMENT=test): HSTS is on.
    assert response.headers["strict-transport-security"].startswith("max-age=")


async def test_no_hsts_in_development(make_client):
    async with make_client(environment="development") as client:
        response = await client.get("/health/live")
        assert "strict-transport-security" not in response.headers
        _assert_security_headers(response)


def _csp_sources(csp: str, directive: str) -> list[str]:
    for part in csp.split(";"):
        name, *values = part.split()
        if name == directive:
            return values
    return []


async def test_docs_page_loads_only_from_the_app(test_client):
    response = await test_client.get("/schema")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    _assert_security_headers(response)
    csp = response.headers["content-security-policy"]
    # Nothing on the page, and nothing the policy allows, comes from another origin.
    assert re.findall(r"(?:src|href)=\"([^\"]+)\"", response.text)
    for url in re.findall(r"(?:src|href)=\"([^\"]+)\"", response.text):
        assert url.startswith(("/", "data:")), url
    assert "http" not in csp
    assert _csp_sources(csp, "script-src") == ["'self'"]
    # No inline script to allow: the only script without src is Scalar's JSON configuration block.
    for match in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>", response.text):
        assert 'type="application/json"' in match.group(1)
    # The script the page names is served by the app, cacheable for good (its URL carries the version).
    (script,) = re.findall(r"<script[^>]+src=\"([^\"]+)\"", response.text)
    bundle = await test_client.get(script)
    assert bundle.status_code == 200
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert "immutable" in bundle.headers["cache-control"]
    assert b"createApiReference" in bundle.content
    # Only the docs prefix has the page's policy: the API keeps the strict one.
    api = await test_client.get("/health/live")
    assert "default-src 'none'" in api.headers["content-security-policy"]


async def _asgi_post(app: Any, chunks: list[bytes], headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """Drive the ASGI app directly, so the body can arrive in chunks without a Content-Length."""
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/test/items",
        "raw_path": b"/test/items",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }
    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


async def test_body_limit_applies_to_chunked_bodies(settings):
    app = build_app(max_body_size=64)
    payload = json.dumps({"name": "x" * 10, "count": 1, "pad": "y" * 200}).encode()
    status, body = await _asgi_post(
        app,
        [payload[i : i + 32] for i in range(0, len(payload), 32)],
        [(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")],
    )
    assert status == 413
    assert json.loads(body)["status"] == 413


async def test_body_limit_is_the_configured_one(make_client):
    async with make_client(max_body_size=2048) as client:
        ok = await client.post("/test/items", json={"name": "a", "count": 1, "pad": "y" * 1000})
        assert ok.status_code == 400  # under the limit: reaches validation (unknown field)
        too_big = await client.post("/test/items", json={"name": "a", "count": 1, "pad": "y" * 3000})
        assert too_big.status_code == 413
        assert too_big.headers["content-type"].startswith("application/problem+json")

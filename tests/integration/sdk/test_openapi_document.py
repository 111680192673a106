"""Static rules on our OpenAPI document that keep it honest for fuzzers and client generators (fast: no server).

Each rule is something the fuzzing run or the SDK generation once tripped on (see `app/server/openapi.py`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.serialization import encode_json

from app.config.settings import Settings
from app.server.asgi import create_app

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PROBLEM = "application/problem+json"
PUBLIC_OPERATIONS = frozenset({"healthLive", "healthReady", "authRegister", "authLogin"})
# The readiness probe reports a failing dependency in its own format (draft-inadarei-api-health-check).
NOT_PROBLEMS = {("healthReady", "503"): {"application/health+json"}}


@pytest.fixture(scope="module")
def document(settings: Settings) -> dict[str, Any]:
    app = create_app(settings)
    result: dict[str, Any] = json.loads(encode_json(app.openapi_schema.to_schema()))
    return result


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def test_operation_ids_are_present_and_unique(document: dict[str, Any]) -> None:
    ids = Counter(op.get("operationId") for _, _, op in _operations(document))
    assert None not in ids
    assert [name for name, count in ids.items() if count > 1] == []


def test_every_error_response_is_a_problem_document(document: dict[str, Any]) -> None:
    wrong = [
        f"{method} {path} {status}: {sorted(response.get('content', {}))}"
        for method, path, op in _operations(document)
        for status, response in op["responses"].items()
        if status.isdigit()
        and int(status) >= 400
        and set(response.get("content", {})) != NOT_PROBLEMS.get((op["operationId"], status), {PROBLEM})
    ]
    assert wrong == []


def test_no_content_responses_have_no_body(document: dict[str, Any]) -> None:
    wrong = [
        f"{method} {path} {status}"
        for method, path, op in _operations(document)
        for status, response in op["responses"].items()
        if status in {"204", "304"} and response.get("content")
    ]
    assert wrong == []


def test_input_errors_are_documented(document: dict[str, Any]) -> None:
    """Parameters or a body: 400. A JSON body: also 413 (too large) and 415 (not JSON)."""
    missing = []
    for method, path, op in _operations(document):
        codes = set(op["responses"])
        if (op.get("parameters") or op.get("requestBody")) and "400" not in codes:
            missing.append(f"{method} {path} 400")
        if "application/json" in op.get("requestBody", {}).get("content", {}):
            missing += [f"{method} {path} {code}" for code in ("413", "415") if code not in codes]
    assert missing == []


def test_authenticated_operations_document_401(document: dict[str, Any]) -> None:
    missing = [
        f"{method} {path}"
        for method, path, op in _operations(document)
        if op["operationId"] not in PUBLIC_OPERATIONS and "401" not in op["responses"]
    ]
    assert missing == []


def test_request_bodies_reject_unknown_properties(document: dict[str, Any]) -> None:
    """Request structs forbid unknown fields (400), so their schemas say `additionalProperties: false`."""
    schemas = document["components"]["schemas"]
    open_bodies = []
    for method, path, op in _operations(document):
        schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        ref = schema.get("$ref", "")
        if ref and schemas[ref.rsplit("/", 1)[-1]].get("additionalProperties") is not False:
            open_bodies.append(f"{method} {path} {ref}")
    assert open_bodies == []


SESSION_ONLY_OPERATIONS = frozenset({"authLogout", "authCsrfToken", "authChangePassword"})
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def test_every_operation_declares_its_security(document: dict[str, Any]) -> None:
    """Public routes none; session-only routes only `session`; every other route an API key or a session."""
    wrong = []
    for method, path, op in _operations(document):
        operation_id = op["operationId"]
        if operation_id in PUBLIC_OPERATIONS:
            expected = None
        elif operation_id in SESSION_ONLY_OPERATIONS:
            expected = [{"session": []}]
        else:
            expected = [{"apiKey": []}, {"session": []}]
        if op.get("security") != expected:
            wrong.append(f"{method} {path}: {op.get('security')}")
    assert wrong == []
    assert set(document["components"]["securitySchemes"]) == {"apiKey", "session"}


def test_session_writes_declare_the_csrf_header(document: dict[str, Any]) -> None:
    missing = [
        f"{method} {path}"
        for method, path, op in _operations(document)
        if method in WRITES
        and op.get("security")
        and "X-CSRF-Token" not in {p["name"] for p in op.get("parameters", []) if p["in"] == "header"}
    ]
    assert missing == []

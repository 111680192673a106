"""Property-based fuzzing of every operation in our own OpenAPI document (schemathesis 4).

Runs against a real uvicorn server (the app with its lifespan), twice: once authenticated with an admin API
key (`Authorization: Bearer`), once with a logged-in owner's session (cookie + `X-CSRF-Token`). Every
operation gets the examples, coverage and fuzzing phases with positive and negative data; checks: no 5xx,
documented status codes, documented content types, bodies that match the documented schemas.
Path parameters (and a few body fields) point at real resources for most cases (see `_state.FuzzState`).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.integration.fuzz._state import FuzzState

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

pytestmark = pytest.mark.slow

api_key_schema = schemathesis.pytest.from_fixture("api_key_schema")
session_schema = schemathesis.pytest.from_fixture("session_schema")
if ONLY := os.environ.get("FUZZ_OPERATIONS"):  # a regex on operationId, to dig into a few operations locally
    api_key_schema = api_key_schema.include(operation_id_regex=ONLY)
    session_schema = session_schema.include(operation_id_regex=ONLY)


def _run(case: schemathesis.Case[Any], state: FuzzState, headers: dict[str, str]) -> None:
    operation_id = case.operation.definition.raw.get("operationId")
    state.fill_path(case.path_parameters)
    state.fill_body(operation_id, case.body)
    response = case.call(headers=headers)
    # Repair what a successful unsafe request broke before validating, so a failure here cannot leave the
    # following cases without their session, key or workspace.
    state.after_call(operation_id, case.method, response.status_code)
    case.validate_response(response, checks=CHECKS, headers=headers)


@api_key_schema.parametrize()
def test_fuzz_with_api_key(case: schemathesis.Case[Any], fuzz_state: FuzzState) -> None:
    _run(case, fuzz_state, fuzz_state.api_key_headers)


@session_schema.parametrize()
def test_fuzz_with_session(case: schemathesis.Case[Any], fuzz_state: FuzzState) -> None:
    _run(case, fuzz_state, fuzz_state.session_headers)

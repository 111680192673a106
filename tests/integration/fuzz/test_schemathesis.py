"""Property-based fuzzing of every operation in our own OpenAPI document (schemathesis 4), with every check.

Runs against a real uvicorn server (the app with its lifespan, real PostgreSQL and Redis), twice: once
authenticated with an admin API key (`Authorization: Bearer`), once with a logged-in owner's session (cookie +
`X-CSRF-Token`). Every operation gets the examples, coverage and fuzzing phases with positive and negative data,
and every check schemathesis has (`--checks all`): no 5xx, documented status codes, content types, headers and
bodies, schema-violating requests refused, schema-valid requests accepted, `Allow` on OPTIONS, authentication
enforced... A stateful run then chains operations through the links schemathesis infers from the document.
Path parameters (and a few body fields) point at real resources for most positive cases (see `_state.FuzzState`).

The few documented refusals of schema-valid input that no JSON Schema can express (a wrong current password,
`engine: "llm"` on a server without a model provider...) are listed in `conftest.SEMANTIC_REFUSALS`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.engine import events
from schemathesis.engine.run import PhaseName

from tests.integration.fuzz._server import LiveServer
from tests.integration.fuzz._state import SESSION_COOKIE, FuzzState
from tests.integration.fuzz.conftest import fuzz_config

# Each run is one pytest item holding every operation: the default per-test bound (300 s) is too short for it.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

STATEFUL_SCENARIOS = int(os.environ.get("FUZZ_STATEFUL_EXAMPLES", "30"))
"""Scenarios in the stateful run; each chains up to `STATEFUL_STEPS` linked calls."""
STATEFUL_STEPS = 6

api_key_schema = schemathesis.pytest.from_fixture("api_key_schema")
session_schema = schemathesis.pytest.from_fixture("session_schema")
if ONLY := os.environ.get("FUZZ_OPERATIONS"):  # a regex on operationId, to dig into a few operations locally
    api_key_schema = api_key_schema.include(operation_id_regex=ONLY)
    session_schema = session_schema.include(operation_id_regex=ONLY)


def authenticate(case: schemathesis.Case[Any], state: FuzzState, *, with_session: bool) -> dict[str, str]:
    """Put the run's real credentials into `case`, in place of generated ones; return them for the checks.

    The credentials go into the case (not as call overrides) and the changed components are marked dirty, so the
    negative-data check judges the request that was really sent: a case whose only invalid part was a
    credential is no longer counted as invalid. The returned headers tell the authentication checks that the
    credentials were given on purpose (they then probe the same request without them, and with bad ones).
    """
    if with_session:
        case.headers.pop("Authorization", None)
        case.cookies[SESSION_COOKIE] = state.session_id
        case.headers["X-CSRF-Token"] = state.csrf
        explicit = {"Cookie": f"{SESSION_COOKIE}={state.session_id}"}
    else:
        case.cookies.pop(SESSION_COOKIE, None)
        case.headers["Authorization"] = f"Bearer {state.api_key}"
        explicit = {"Authorization": case.headers["Authorization"]}
    if case.meta is not None:
        case.meta.mark_dirty(ParameterLocation.HEADER)
        case.meta.mark_dirty(ParameterLocation.COOKIE)
    return explicit


def prepare(case: schemathesis.Case[Any], state: FuzzState) -> None:
    """Point the positive parts of `case` at real resources; negative parts stay as generated (they must fail)."""
    operation_id = case.operation.definition.raw.get("operationId")
    if case.meta is None or not case.meta.is_negative_at(ParameterLocation.PATH):
        state.fill_path(case.path_parameters)
    if case.meta is None or not case.meta.is_negative_at(ParameterLocation.BODY):
        state.fill_body(operation_id, case.body)


def _run(case: schemathesis.Case[Any], state: FuzzState, *, with_session: bool) -> None:
    prepare(case, state)
    explicit = authenticate(case, state, with_session=with_session)
    response = case.call()
    # Repair what a successful unsafe request broke before validating, so a failure here cannot leave the
    # following cases without their session, key or workspace.
    state.after_call(case.operation.definition.raw.get("operationId"), case.method, response.status_code)
    case.validate_response(response, headers=explicit)


@api_key_schema.parametrize()
def test_fuzz_with_api_key(case: schemathesis.Case[Any], fuzz_state: FuzzState) -> None:
    _run(case, fuzz_state, with_session=False)


@session_schema.parametrize()
def test_fuzz_with_session(case: schemathesis.Case[Any], fuzz_state: FuzzState) -> None:
    _run(case, fuzz_state, with_session=True)


def test_stateful_with_api_key(
    live_server: LiveServer, openapi_document: dict[str, Any], fuzz_state: FuzzState
) -> None:
    """Linked sequences (create, then read/update/delete what was created), with every check, run by
    schemathesis' own engine (its stateful phase, links inferred from the document), derandomized."""
    config = fuzz_config(
        live_server,
        auth={"openapi": {"apiKey": {"bearer": fuzz_state.api_key}}},
        phases={
            "examples": {"enabled": False},
            "coverage": {"enabled": False},
            "fuzzing": {"enabled": False},
            "stateful": {"enabled": True, "max-steps": STATEFUL_STEPS},
        },
    )
    config["generation"] = {**config["generation"], "max-examples": STATEFUL_SCENARIOS}
    schema = schemathesis.openapi.from_dict(openapi_document, config=schemathesis.Config.from_dict(config))
    problems: list[str] = []
    scenarios = checked = 0
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished) and event.phase == PhaseName.STATEFUL_TESTING:
            scenarios += 1
            for checks in event.recorder.checks.values():
                checked += len(checks)
                problems.extend(
                    f"{check.name}: {check.failure_info.failure.title} ({check.failure_info.failure.message}) - "
                    f"{check.failure_info.code_sample}"
                    for check in checks
                    if check.failure_info is not None
                )
        elif isinstance(event, events.NonFatalError | events.FatalError):
            problems.append(f"{type(event).__name__}: {getattr(event, 'info', event)}")
    print(f"stateful: {scenarios} scenarios, {checked} checks")  # noqa: T201 - shown with -s
    assert scenarios > 0, "the stateful phase ran no scenario (no links inferred?)"
    assert checked > scenarios, "the scenarios checked nothing"
    assert not problems, "\n".join(sorted(set(problems)))

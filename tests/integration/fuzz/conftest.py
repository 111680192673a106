"""Fixtures for the schemathesis run: a live server and the data the fuzzer's requests point at."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis

from tests.integration.fuzz._server import LiveServer, run_server, server_env
from tests.integration.fuzz._state import FuzzState

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "10"))
"""Hypothesis examples per operation and run in the fuzzing phase (the coverage phase adds its own cases)."""
DETERMINISTIC = os.environ.get("FUZZ_RANDOM", "") == ""
"""Derandomized by default, so CI is reproducible; FUZZ_RANDOM=1 explores new inputs on every run."""

ACCEPTED = ["2XX", "3XX", "401", "403", "404", "409", "429"]
"""What schemathesis expects for schema-valid input by default (less 5XX, which another check fails anyway)."""
REJECTED = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
"""What schemathesis expects for schema-violating input by default, plus 413 (and less 5XX, as above)."""
SEMANTIC_REFUSALS: dict[str, list[str]] = {
    # Documented refusals of input that is valid by the schema but not by rules no JSON Schema can state (they
    # depend on stored state, the clock, the server's configuration, or two parameters together). Each is a
    # problem+json listed in the operation's responses; anything else schema-valid must still be accepted.
    "authChangePassword": ["400"],  # the current password is wrong
    # A password with a lone surrogate ("\ud800" escaped in the JSON): valid by the schema, but no UTF-8 text can
    # carry it, and the body decoder refuses it with a 400 problem (seen in the stateful phase of full runs only).
    "authLogin": ["400"],
    "authRegister": ["400"],  # an address mixing Latin, Greek or Cyrillic letters in one part (imitates another)
    "generatePrompt": ["400"],  # engine "llm" on a server with no model provider (llm-not-configured)
    "improvePrompt": ["400"],  # idem
    "saveGeneration": ["400"],  # idem
    "listPrompts": ["400"],  # a cursor this server did not issue
    "resolvePrompt": ["400"],  # `label` and `version` together
    "renderPrompt": ["400"],  # idem
    "exportPrompt": ["400"],  # idem
    "createWebhook": ["400"],  # a URL the SSRF guard refuses (private address, port, a host no client can send to)
    "updateWebhook": ["400"],  # idem
    "createApiKey": ["400"],  # `expiresAt` in the past
    "createPromptVersion": ["400"],  # a body that does not fit the prompt's kind (`{}`: no text for a text prompt)
    "importPrompts": ["400"],  # a document that does not parse as prompts
    "setPromptLabel": ["400"],  # `latest` is maintained by the server and cannot be set by hand
    "removePromptLabel": ["400"],  # idem
    "lintPrompt": ["400"],  # a rule id the engine does not have (GET /api/v1/lint/rules lists them)
    "lintPromptInWorkspace": ["400"],  # idem
    "setWorkspaceLintRules": ["400"],  # idem
    "updatePrompt": ["412"],  # If-Match that is not the prompt's current ETag
    "archivePrompt": ["412"],  # idem
    "deletePrompt": ["412"],  # idem
}


def _pytest_92_nodeid_shim() -> None:
    """schemathesis 4.32 (`pytest.from_fixture`) renames the running item through `Node._nodeid`, which
    pytest 9.2 replaced by a structured `Node._id`. Map the old attribute onto the new one."""
    from _pytest.nodeid import coerce_node_id
    from _pytest.nodes import Node

    if hasattr(Node, "_nodeid") or not hasattr(Node, "id"):
        return

    def _get(self: Node) -> object:
        return self._id

    def _set(self: Node, value: object) -> None:
        self._id = coerce_node_id(value)  # type: ignore[arg-type]

    Node._nodeid = property(_get, _set)  # type: ignore[attr-defined]


_pytest_92_nodeid_shim()


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[LiveServer]:
    """uvicorn serving the app on a free port, on this session's test database and Redis namespace."""
    with run_server(server_env(database_url)) as server:
        yield server


@pytest.fixture(scope="session")
def openapi_document(live_server: LiveServer) -> dict[str, Any]:
    response = httpx.get(f"{live_server.base_url}/schema/openapi.json", timeout=30)
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    return document


@pytest.fixture(scope="session")
def fuzz_state(live_server: LiveServer, openapi_document: dict[str, Any]) -> Iterator[FuzzState]:
    """A user with a session, a workspace, API keys and a prompt with versions and labels (see `_state`)."""
    operation_ids = frozenset(
        op["operationId"]
        for item in openapi_document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    )
    state = FuzzState(live_server.base_url, operation_ids=operation_ids)
    state.provision()
    yield state
    state.close()
    if stats_path := os.environ.get("FUZZ_STATS"):  # per-operation status counts, to see what was reached
        with open(stats_path, "w") as out:
            json.dump({"repairs": state.repairs, "statuses": state.statuses}, out, indent=1, sort_keys=True)


def fuzz_config(server: LiveServer, **overrides: Any) -> dict[str, Any]:
    """The schemathesis configuration both runs share: every check, the documented semantic refusals."""
    config: dict[str, Any] = {
        "base-url": server.base_url,
        "request-timeout": 20,
        "generation": {"max-examples": MAX_EXAMPLES, "mode": "all", "deterministic": DETERMINISTIC},
        # examples, coverage (boundary values and missing/invalid parts) and fuzzing run per operation here;
        # the stateful phase is `test_stateful_with_api_key`, which runs schemathesis' engine itself.
        "phases": {"stateful": {"enabled": False}},
        # An over-long body is refused before it is read (413, documented on every operation with a body).
        "checks": {"negative_data_rejection": {"expected-statuses": REJECTED}},
        "operations": [
            {
                "include-operation-id": operation_id,
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, *statuses]}},
            }
            for operation_id, statuses in SEMANTIC_REFUSALS.items()
        ],
    }
    config.update(overrides)
    return config


def _load_schema(server: LiveServer, document: dict[str, Any]) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(fuzz_config(server))
    return schemathesis.openapi.from_dict(document, config=config)


@pytest.fixture
def api_key_schema(live_server: LiveServer, openapi_document: dict[str, Any]) -> schemathesis.BaseSchema:
    return _load_schema(live_server, openapi_document)


@pytest.fixture
def session_schema(live_server: LiveServer, openapi_document: dict[str, Any]) -> schemathesis.BaseSchema:
    return _load_schema(live_server, openapi_document)

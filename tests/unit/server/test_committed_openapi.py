"""The committed OpenAPI document (app/server/openapi.json, served at /schema/openapi.json) is the live one."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from litestar.serialization import encode_json, get_serializer

from app.config.settings import Settings
from app.server.asgi import create_app
from app.server.docs import OPENAPI_DOCUMENT, committed_openapi_document, committed_openapi_title


def _normalised(document: bytes) -> str:
    decoded: Any = json.loads(document)
    return json.dumps(decoded, sort_keys=True, ensure_ascii=False, indent=1)


def _live_document(settings: Settings | None = None) -> bytes:
    """Built the way `python -m app schema openapi` (Litestar's CLI) builds it."""
    app = create_app(settings or Settings())
    return msgspec.json.format(
        encode_json(app.openapi_schema.to_schema(), serializer=get_serializer(app.type_encoders)), indent=4
    )


def test_committed_document_is_the_live_document() -> None:
    live = _normalised(_live_document())
    committed = _normalised(OPENAPI_DOCUMENT.read_bytes())
    assert committed == live, (
        f"{OPENAPI_DOCUMENT} is stale: the API's OpenAPI document changed. Run `just openapi` and commit the file."
    )


@pytest.mark.parametrize(
    "settings",
    [Settings(metrics="open"), Settings(mcp_enabled=False), Settings(metrics="open", mcp_enabled=True)],
    ids=["metrics on", "mcp off", "metrics and mcp on"],
)
def test_the_document_does_not_depend_on_settings(settings: Settings) -> None:
    # every deployment serves the one committed copy, so no setting may add or remove a documented route
    assert _normalised(_live_document(settings)) == _normalised(OPENAPI_DOCUMENT.read_bytes())


def test_served_bytes_are_the_committed_document() -> None:
    served = committed_openapi_document()
    assert served is committed_openapi_document()  # read once, kept
    assert b"\n" not in served  # compact, like Litestar's own JSON render
    assert _normalised(served) == _normalised(OPENAPI_DOCUMENT.read_bytes())
    assert committed_openapi_title() == json.loads(served)["info"]["title"] == "Promptsmith API"

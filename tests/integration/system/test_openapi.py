"""OpenAPI 3.1 at /schema: every documented operation has an explicit, unique operationId and a tag."""

from __future__ import annotations

import re
from collections import Counter

from litestar import Litestar
from litestar.routes import HTTPRoute

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def _documented_handlers(app: Litestar):
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if handler.resolve_include_in_schema():
                yield route.path, handler


async def test_openapi_document_is_3_1(client):
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] == "Promptsmith API"
    assert document["paths"]
    assert {"apiKey", "session"} <= document["components"]["securitySchemes"].keys()


async def test_docs_ui(client):
    response = await client.get("/schema")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Promptsmith API" in response.text


def test_every_route_handler_sets_an_explicit_operation_id(app: Litestar):
    handlers = list(_documented_handlers(app))
    assert handlers
    missing = [
        f"{sorted(h.http_methods)} {path} ({h.handler_name})"
        for path, h in handlers
        if not isinstance(h.operation_id, str) or not h.operation_id
    ]
    assert not missing, "route handlers without an explicit operation_id=...: " + ", ".join(missing)


def test_operation_ids_do_not_collide(app: Litestar):
    ids = Counter(h.operation_id for _, h in _documented_handlers(app) if isinstance(h.operation_id, str))
    assert not [op for op, n in ids.items() if n > 1], ids


async def test_document_operations_have_unique_ids_and_tags(client):
    document = (await client.get("/schema/openapi.json")).json()
    operations = [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]
    assert operations
    without_id = [f"{m} {p}" for m, p, op in operations if not op.get("operationId")]
    assert not without_id
    counts = Counter(op["operationId"] for _, _, op in operations)
    assert not [op for op, n in counts.items() if n > 1], counts
    untagged = [f"{m} {p}" for m, p, op in operations if not op.get("tags")]
    assert not untagged, "operations without a tag: " + ", ".join(untagged)


async def test_document_matches_the_route_handlers(app: Litestar, client):
    """The ids in the document are exactly the explicit ones (none generated behind our back)."""
    document = (await client.get("/schema/openapi.json")).json()
    in_document = {
        op["operationId"] for item in document["paths"].values() for m, op in item.items() if m in HTTP_METHODS
    }
    explicit = {h.operation_id for _, h in _documented_handlers(app)}
    assert in_document == explicit


_PATH_VALUES = {
    "{user_id}": "0190a2b4-0000-7000-8000-000000000000",
    "{key_id}": "0190a2b4-0000-7000-8000-000000000000",
    "{version}": "1",
}


async def test_options_allow_lists_every_documented_method(client):
    """OPTIONS on each documented path answers `Allow` with exactly its documented methods (plus OPTIONS)."""
    document = (await client.get("/schema/openapi.json")).json()
    mismatches = []
    for path, item in document["paths"].items():
        methods = {m.upper() for m in item if m in {"get", "put", "post", "delete", "patch", "head"}}
        uuids = {
            "{" + p["name"] + "}"
            for op in item.values()
            if isinstance(op, dict)
            for p in op.get("parameters", [])
            if p.get("in") == "path" and p.get("schema", {}).get("format") == "uuid"
        }
        values = {**dict.fromkeys(uuids, _PATH_VALUES["{user_id}"]), **_PATH_VALUES}
        concrete = re.sub(r"\{[^}]+\}", lambda m, values=values: values.get(m.group(0), "x"), path)
        response = await client.options(concrete)
        allowed = {m.strip() for m in response.headers.get("allow", "").split(",") if m.strip()}
        if response.status_code != 204 or allowed - {"OPTIONS", "HEAD"} != methods - {"HEAD"}:
            mismatches.append(f"{path}: {response.status_code} Allow={sorted(allowed)} documented={sorted(methods)}")
    assert not mismatches, "\n".join(mismatches)


async def test_union_fields_keep_the_bounds_of_each_member(client):
    """`str | list[...]` with bounds on each side: the document's oneOf branches carry those bounds."""
    document = (await client.get("/schema/openapi.json")).json()
    branches = document["components"]["schemas"]["TokensRequest"]["properties"]["prompt"]["oneOf"]
    by_type = {branch["type"]: branch for branch in branches}
    assert by_type["string"]["maxLength"] > 0
    assert by_type["array"]["minItems"] == 1
    assert by_type["array"]["maxItems"] > 1

"""`OpenAPIDefaults` documents the errors an operation can answer from what the operation takes (its parameters,
its dependencies' parameters, its body), never from the names of the handler's parameters."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Litestar, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import Body, JSONBody, QueryParameter
from litestar.serialization import encode_json

from app.server.openapi import OpenAPIDefaults


class Thing(msgspec.Struct):
    name: str


def provide_page(cursor: Annotated[str | None, QueryParameter(max_length=10)] = None) -> str:
    return cursor or ""


def provide_clock() -> float:
    return 0.0


@get("/plain", operation_id="plain", dependencies={"caller": Provide(provide_clock, sync_to_thread=False)})
async def plain(caller: NamedDependency[float]) -> str:
    """Takes a dependency named like the old guard trigger, and no input."""
    return str(caller)


@get("/paged", operation_id="paged", dependencies={"clock": Provide(provide_page, sync_to_thread=False)})
async def paged(clock: NamedDependency[str]) -> str:
    """A query parameter reached only through a dependency (whatever that dependency is called)."""
    return clock


@get("/query", operation_id="query")
async def query(data_version: Annotated[int, QueryParameter(ge=1)] = 1) -> int:
    """A query parameter whose name starts like the body's."""
    return data_version


@post("/body", operation_id="body", status_code=200)
async def body(data: JSONBody[Thing]) -> str:
    return data.name


@post("/optional", operation_id="optional", status_code=200)
async def optional(data: Annotated[Thing | None, Body()] = None) -> str:
    return data.name if data else ""


def _operations() -> dict[str, dict[str, Any]]:
    app = Litestar([plain, paged, query, body, optional], plugins=[OpenAPIDefaults()])
    document = msgspec.json.decode(encode_json(app.openapi_schema.to_schema()))
    return {op["operationId"]: op for item in document["paths"].values() for op in item.values()}


def test_errors_follow_what_the_operation_takes() -> None:
    ops = _operations()
    codes = {name: sorted(op["responses"]) for name, op in ops.items()}
    assert codes["plain"] == ["200"]  # dependencies without input: nothing to reject
    assert codes["paged"] == ["200", "400"]  # the dependency's query parameter
    assert codes["query"] == ["200", "400"]
    assert codes["body"] == ["200", "400", "413", "415"]
    assert codes["optional"] == ["200", "400", "413", "415"]
    problem = ops["paged"]["responses"]["400"]["content"]
    assert list(problem) == ["application/problem+json"]  # ours, not Litestar's `application/json` one


def test_an_optional_body_is_documented_as_optional() -> None:
    ops = _operations()
    assert ops["body"]["requestBody"]["required"] is True
    assert ops["optional"]["requestBody"]["required"] is False

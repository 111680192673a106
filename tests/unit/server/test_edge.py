"""The edge layer (`app.server.edge`): what the five layers it replaced did, on Litestar answers and on replays.

Each test builds a small `EdgeApp` with the edge installed as `app.server.asgi` installs it, and a stand-in replay
layer that answers like the fast paths do (its own headers, a route template) or hands the request on.
"""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Litestar, get, post
from litestar.params import FromPath
from litestar.testing import TestClient
from litestar.types import Message, Receive, Scope, Send

from app.lib.draining import Drain
from app.lib.fastpath import replay_start
from app.lib.metrics import RequestRecorder
from app.server.edge import Edge, EdgeApp

SECURITY = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"}
REPLAY_TEMPLATE = "/api/v1/workspaces/{workspace}/prompts/{name}/resolve"


@get("/items", sync_to_thread=False)
def list_items() -> list[str]:
    return ["a"]


@post("/items", sync_to_thread=False)
def create_item() -> str:
    return "made"


@get("/framed", sync_to_thread=False, response_headers={"X-Frame-Options": "SAMEORIGIN"})
def framed() -> str:
    return "own header"


@get("/schema/page", sync_to_thread=False)
def docs_page() -> str:
    return "docs"


@get("/api/v1/workspaces/{workspace:str}/prompts/{name:str}/resolve", sync_to_thread=False)
def resolve(workspace: FromPath[str], name: FromPath[str]) -> dict[str, str]:
    return {"workspace": workspace, "name": name, "by": "litestar"}


async def receive_nothing() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}  # type: ignore[typeddict-item,return-value]


class Replay:
    """Answers a resolve for the workspace `hit` like a fast path; hands everything else to `app`."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        if "/workspaces/hit/" not in scope["path"]:
            await self.app(scope, receive, send)
            return
        scope["path_template"] = REPLAY_TEMPLATE
        headers = [(b"x-cache", b"hit; fast"), (b"content-type", b"application/json"), (b"content-length", b"2")]
        await send(replay_start(200, headers))  # marked as the fast paths mark theirs
        await send({"type": "http.response.body", "body": b"{}", "more_body": False})


def build(drain: Drain | None = None, metrics: RequestRecorder | None = None) -> tuple[EdgeApp, Replay, list[str]]:
    """An app with GET and POST on `/items`, and a before_send hook that records the responses it saw."""
    hooked: list[str] = []

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] == "http.response.start":
            hooked.append(scope["path"])

    app = EdgeApp(
        route_handlers=[list_items, create_item, framed, docs_page, resolve],
        before_send=[hook],
        logging_config=None,
    )
    replay = Replay(app.litestar_http)
    app.edge = Edge(
        app.litestar_http,
        app,
        security_headers=SECURITY,
        api_csp="default-src 'none'",
        docs_csp="default-src 'self'",
        docs_prefix="/schema",
        hsts=True,
        replay_get={"/resolve": replay},
        metrics=metrics,
        drain=drain or Drain(),
    )
    return app, replay, hooked


def test_every_answer_gets_the_security_headers_and_a_request_id() -> None:
    app, _, _ = build()
    with TestClient(app) as client:
        for path in ("/items", "/missing", "/api/v1/workspaces/hit/prompts/p/resolve"):
            response = client.get(path)
            assert response.headers["x-content-type-options"] == "nosniff", path
            assert response.headers["content-security-policy"] == "default-src 'none'", path
            assert response.headers["strict-transport-security"].startswith("max-age="), path
            assert len(response.headers["x-request-id"]) == 32, path
        assert client.get("/schema/page").headers["content-security-policy"] == "default-src 'self'"


def test_a_header_the_response_sets_itself_is_kept() -> None:
    app, _, _ = build()
    with TestClient(app) as client:
        response = client.get("/framed")
    assert response.headers.get_list("x-frame-options") == ["SAMEORIGIN"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_sane_incoming_request_id_is_kept_and_an_insane_one_replaced() -> None:
    app, _, _ = build()
    with TestClient(app) as client:
        assert client.get("/items", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
        replaced = client.get("/items", headers={"X-Request-ID": "bad id!"}).headers["x-request-id"]
        assert replaced != "bad id!"
        assert len(replaced) == 32


def test_options_lists_every_method_of_the_resource() -> None:
    """An OPTIONS answer with the short `Allow` Litestar gives when a path's handlers come from several
    controllers (stood in for by `inner`) gets the route table's full list."""
    messages: list[Message] = []

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        scope["path_template"] = "/items"
        await send({"type": "http.response.start", "status": 204, "headers": [(b"Allow", b"OPTIONS, POST")]})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def record(message: Message) -> None:
        messages.append(message)

    edge = Edge(
        inner,
        Litestar([list_items, create_item], logging_config=None),
        security_headers={},
        api_csp="",
        docs_csp="",
        docs_prefix="/schema",
        hsts=False,
    )
    for method in ("OPTIONS", "GET"):
        scope = {"type": "http", "method": method, "path": "/items", "headers": [], "query_string": b""}
        asyncio.run(edge(scope, receive_nothing, record))  # type: ignore[arg-type]
    options, get_ = (dict(m["headers"]) for m in messages if m["type"] == "http.response.start")
    assert options[b"allow"] == b"GET, OPTIONS, POST"
    assert b"Allow" not in options
    assert get_[b"Allow"] == b"OPTIONS, POST"  # only OPTIONS answers are completed


def test_while_draining_every_answer_closes_its_connection() -> None:
    drain = Drain()
    app, _, _ = build(drain=drain)
    with TestClient(app) as client:
        assert "close" not in client.get("/items").headers.get("connection", "")
        drain.active = True
        for path in ("/items", "/api/v1/workspaces/hit/prompts/p/resolve"):
            assert client.get(path).headers.get_list("connection") == ["close"], path


def test_an_encoded_slash_stays_inside_the_prompt_name() -> None:
    app, _, _ = build()
    with TestClient(app) as client:
        response = client.get("/api/v1/workspaces/miss/prompts/support%2Ftriage/resolve")
    assert response.status_code == 200
    assert response.json() == {"workspace": "miss", "name": "support%2Ftriage", "by": "litestar"}


def test_replays_skip_litestar_and_its_hooks_and_misses_reach_it() -> None:
    recorder = RequestRecorder()
    app, replay, hooked = build(metrics=recorder)
    with TestClient(app) as client:
        hit = client.get("/api/v1/workspaces/hit/prompts/p/resolve")
        miss = client.get("/api/v1/workspaces/miss/prompts/p/resolve")
        other = client.get("/items")
    assert hit.headers["x-cache"] == "hit; fast"
    assert miss.json()["by"] == "litestar"
    assert other.json() == ["a"]
    assert replay.calls == 2  # the two resolve paths; /items went straight to Litestar
    assert hooked == ["/api/v1/workspaces/miss/prompts/p/resolve", "/items"]
    # Both resolves are counted under the route's template: the replay's, and the router's for the miss.
    assert {key[0] for key in recorder._children} == {REPLAY_TEMPLATE, "/items"}


def test_the_edge_passes_other_scopes_through() -> None:
    seen: list[str] = []

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])

    edge = Edge(
        inner, Litestar(logging_config=None), security_headers={}, api_csp="", docs_csp="", docs_prefix="/s", hsts=False
    )
    import asyncio

    asyncio.run(edge({"type": "websocket", "path": "/ws"}, None, None))  # type: ignore[arg-type,typeddict-item]
    assert seen == ["websocket"]

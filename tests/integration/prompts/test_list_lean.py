"""The HTTP prompt list runs without an ORM session (`listing.list_lean`: the driver on PostgreSQL, an autocommit
connection elsewhere); MCP and the console list inside their session (`listing.list_in_session`). Both must give
the same pages, scoped to the caller's workspace, on PostgreSQL and on the embedded SQLite default.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from uuid import UUID

import msgspec
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.config.database import create_engine
from app.config.settings import Settings, load_settings
from app.domain.prompts.listing import ListQuery, list_in_session, list_lean
from app.server.asgi import create_app
from tests.integration.helpers import api_headers, create_api_key, create_workspace, register
from tests.integration.prompts.conftest import Api

QUERIES: list[dict[str, Any]] = [
    {},
    {"sort": "name", "order": "asc"},
    {"sort": "createdAt", "order": "asc", "limit": 2},
    {"prefix": "lean/", "sort": "name", "order": "desc", "limit": 3},
    {"tag": ["alpha"], "count": "true"},
    {"tag": ["alpha", "zeta"], "sort": "name"},
    {"label": "production", "count": "true"},
    {"q": "THIRD"},
    {"q": "lean_", "sort": "name"},
    {"archived": "true"},
    {"updatedAfter": "2000-01-01T00:00:00Z", "updatedBefore": "2999-01-01T00:00:00+02:00", "limit": 4},
]


async def _seed(api: Api) -> None:
    for i in range(7):
        await api.create_prompt(f"lean/p{i}", tags=["zeta", "alpha"] if i % 2 else [], description=f"the {i}th")
    await api.create_prompt("lean_x", description="third party")
    await api.add_version("lean/p3", "x", labels=["staging"])
    await api.add_version("lean/p3", "y")
    await api.set_label("lean/p3", "production", 1)
    assert (await api.post(api.url("lean/p5", "/archive"))).status_code == 200


async def _all_pages(api: Api, params: dict[str, Any]) -> list[dict[str, Any]]:
    pages = []
    cursor = None
    while True:
        response = await api.get(api.url(), params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page)
        cursor = page["nextCursor"]
        if cursor is None:
            return pages


def _query(params: dict[str, Any], cursor: str | None) -> ListQuery:
    from datetime import datetime

    def instant(key: str) -> datetime | None:
        return datetime.fromisoformat(params[key]) if key in params else None

    return ListQuery(
        prefix=params.get("prefix"),
        tags=tuple(params.get("tag", ())),
        label=params.get("label"),
        q=params.get("q"),
        updated_after=instant("updatedAfter"),
        updated_before=instant("updatedBefore"),
        archived=params.get("archived") == "true",
        sort=params.get("sort", "updatedAt"),
        order=params.get("order", "desc"),
        limit=params.get("limit", 50),
        cursor=cursor,
        count=params.get("count") == "true",
    )


async def _same_pages_in_session(
    engine: AsyncEngine, workspace_id: Any, params: dict[str, Any], pages: list[Any]
) -> None:
    """Every HTTP page equals the page `list_in_session` and `list_lean` build for the same query (on an engine
    of the test's own event loop: the app's pool belongs to the test client's thread)."""
    cursor = None
    for page in pages:
        query = _query(params, cursor)
        async with AsyncSession(engine) as session:
            in_session = msgspec.to_builtins(await list_in_session(session, workspace_id, query))
        lean = msgspec.to_builtins(await list_lean(engine, workspace_id, query))
        assert msgspec.json.decode(msgspec.json.encode(in_session)) == page, params
        assert msgspec.json.decode(msgspec.json.encode(lean)) == page, params
        cursor = page["nextCursor"]


async def _check_listing(client: Any, settings: Settings, api: Api) -> None:
    await _seed(api)
    workspace = (await client.get(f"/api/v1/workspaces/{api.slug}", headers=api.headers)).json()
    engine = create_engine(settings)
    try:
        for params in QUERIES:
            pages = await _all_pages(api, params)
            await _same_pages_in_session(engine, UUID(workspace["id"]), params, pages)
    finally:
        await engine.dispose()
    names = [i["name"] for p in await _all_pages(api, {"sort": "name", "order": "asc", "limit": 3}) for i in p["items"]]
    assert names == ["lean/p0", "lean/p1", "lean/p2", "lean/p3", "lean/p4", "lean/p6", "lean_x"]
    alpha = (await api.get(api.url(), params={"tag": "alpha", "count": "true", "sort": "name", "order": "asc"})).json()
    assert [i["name"] for i in alpha["items"]] == ["lean/p1", "lean/p3"]  # p5 is archived
    assert alpha["total"] == 2
    p3 = (await api.get(api.url(), params={"label": "production"})).json()["items"]
    assert [(i["name"], i["labels"], i["tags"], i["latestVersion"]) for i in p3] == [
        ("lean/p3", {"latest": 2, "production": 1, "staging": 1}, ["alpha", "zeta"], 2)
    ]
    assert [i["name"] for i in (await api.get(api.url(), params={"q": "lean_"})).json()["items"]] == ["lean_x"]
    # A cursor whose instant has no offset is not one this API hands out: 400, not a server error.
    naive = base64.urlsafe_b64encode(msgspec.json.encode(["2026-01-01T00:00:00", str(workspace["id"])])).decode()
    response = await api.get(api.url(), params={"cursor": naive.rstrip("=")})
    assert response.status_code == 400, response.text
    # Workspace scoping: another workspace with prompts of the same names lists only its own.
    owner = await register(client)
    other_ws = await create_workspace(client, owner["csrf"])
    other = Api(client=client, slug=other_ws["slug"], key=await create_api_key(client, owner["csrf"], other_ws["slug"]))
    await other.create_prompt("lean/p0", description="theirs")
    theirs = (await other.get(other.url(), params={"count": "true"})).json()
    assert [(i["name"], i["description"]) for i in theirs["items"]] == [("lean/p0", "theirs")]
    assert theirs["total"] == 1
    mine = (await api.get(api.url(), params={"prefix": "lean/p0"})).json()["items"]
    assert [(i["name"], i["description"]) for i in mine] == [("lean/p0", "the 0th")]


async def test_list_pages_match_the_session_listing_on_postgres(client: Any, settings: Settings, api: Api) -> None:
    await _check_listing(client, settings, api)


async def test_list_pages_match_the_session_listing_on_sqlite(tmp_path: Path) -> None:
    settings = load_settings(
        {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/promptsmith.db", "LOG_LEVEL": "WARNING"}, env_file=None
    )
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as client:
        account = await register(client)
        slug = account["personalWorkspace"]
        key = await create_api_key(client, account["csrf"], slug, scopes=["read", "write", "admin"])
        api = Api(client=client, slug=slug, key=key)
        assert api.headers == api_headers(key)
        await _check_listing(client, settings, api)

"""A workspace route that declares no permission stops the app from starting."""

from __future__ import annotations

import pytest
from litestar import Litestar, get
from litestar.exceptions import ImproperlyConfiguredException
from litestar.testing import AsyncTestClient

from app.domain.access.guards import check_workspace_routes
from app.server.core import ApplicationCore


@get("/api/v1/workspaces/{workspace:str}/forgotten", operation_id="forgottenGuard", sync_to_thread=False)
def forgotten() -> dict[str, str]:
    return {"leak": "everything"}


def test_check_rejects_a_workspace_route_without_permission():
    with pytest.raises(ImproperlyConfiguredException, match="forgotten"):
        check_workspace_routes(Litestar(route_handlers=[forgotten]))


async def test_the_app_refuses_to_start_with_such_a_route(settings):
    app = Litestar(plugins=[ApplicationCore(settings)], route_handlers=[forgotten])
    with pytest.raises(BaseException) as caught:  # noqa: PT011 - surfaced through the lifespan's task group
        async with AsyncTestClient(app=app, base_url="https://testserver.local"):
            pass
    assert "forgotten" in _messages(caught.value)


def _messages(exc: BaseException) -> str:
    if isinstance(exc, BaseExceptionGroup):
        return " ".join(_messages(inner) for inner in exc.exceptions)
    return str(exc)

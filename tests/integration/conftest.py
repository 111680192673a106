"""Integration fixtures shared by every feature: a workspace with an admin API key, created through the API."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.helpers import api_headers, create_api_key, create_workspace, register
from tests.integration.instances import two_instances

__all__ = ["api_headers", "two_instances"]


@pytest.fixture
async def workspace_key(client: Any) -> tuple[str, str]:
    """`(slug, key)`: a fresh user's new workspace and an API key with read, write and admin scopes.

    The client is left logged in as that user (owner of the workspace).
    """
    account = await register(client)
    workspace = await create_workspace(client, account["csrf"])
    key = await create_api_key(client, account["csrf"], workspace["slug"], scopes=["read", "write", "admin"])
    return workspace["slug"], key

"""Fixtures for the file-format import and export tests: the prompt registry's API client, and a second
(empty) workspace to import into."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.helpers import create_api_key, create_workspace, register
from tests.integration.prompts.conftest import Api, api

FIXTURES = Path(__file__).parents[2] / "unit" / "engine" / "formats" / "fixtures"
"""Files written to the published specifications (shared with the engine's codec tests)."""

__all__ = ["FIXTURES", "Api", "api", "empty"]


@pytest.fixture
async def empty(client: Any) -> Api:
    """Another account's fresh workspace."""
    account = await register(client)
    ws = await create_workspace(client, account["csrf"])
    return Api(client=client, slug=ws["slug"], key=await create_api_key(client, account["csrf"], ws["slug"]))

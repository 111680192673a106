"""Console pages carry secrets (the session's CSRF token in every form, a new API key once): no cache may keep
them, as the API's secret-bearing responses already promise."""

from __future__ import annotations

import re
from typing import Any

from tests.integration.console.test_console_pages import _token
from tests.integration.console.test_workspace_pages import _team


async def test_the_new_key_page_and_pages_with_forms_are_never_stored(client: Any) -> None:
    slug, _, _ = await _team(client)
    keys_page = await client.get(f"/ui/w/{slug}/keys/")
    assert keys_page.status_code == 200
    assert "no-store" in keys_page.headers.get("cache-control", "")
    created = await client.post(
        f"/ui/w/{slug}/keys/", data={"_csrf": _token(keys_page.text), "name": "ci", "scopes": ["read"]}
    )
    assert re.search(r'<code id="new-key">([^<]+)</code>', created.text)
    assert "no-store" in created.headers.get("cache-control", "")

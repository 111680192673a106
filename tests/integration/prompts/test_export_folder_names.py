"""The `folder` of a workspace export ends up in the download's file name: any folder text gives a valid
Content-Disposition header (never a 500, never a header split)."""

from __future__ import annotations

import pytest

from tests.integration.prompts.conftest import Api


@pytest.mark.parametrize("folder", ["support/é", "日本", "a\r\nSet-Cookie: x=1", "tab\there"])
async def test_an_export_of_any_folder_name_is_a_valid_download(api: Api, folder: str) -> None:
    for fmt in ("markdown", "dotprompt", "langfuse"):
        response = await api.get(api.url(suffix="/_export"), params={"format": fmt, "folder": folder})
        assert response.status_code == 200, (fmt, response.status_code, response.text[:300])
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment; filename=")
        assert "set-cookie" not in response.headers

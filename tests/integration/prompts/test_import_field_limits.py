"""An export document's free fields are bounded like the columns that store them: too long is a 400 naming the
entry, never a 500 from the database."""

from __future__ import annotations

from tests.integration.prompts.conftest import Api


def _document(**version: object) -> dict[str, object]:
    return {
        "format": "promptsmith.export/v1",
        "prompts": [{"name": "imported/limits", "kind": "text", "versions": [{"version": 1, "text": "Hi", **version}]}],
    }


async def test_an_author_longer_than_its_column_is_a_clear_error(api: Api) -> None:
    response = await api.post(api.url(suffix="/_import"), json=_document(author="a" * 400))
    assert response.status_code in (400, 422), (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "author" in response.text
    assert (await api.get(api.url("imported/limits"))).status_code == 404


async def test_an_author_that_fits_and_a_naive_timestamp_are_imported(api: Api) -> None:
    response = await api.post(
        api.url(suffix="/_import"), json=_document(author="a" * 320, createdAt="2024-01-02T03:04:05")
    )
    assert response.status_code == 200, (response.status_code, response.text[:300])

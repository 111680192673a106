"""Numbers typed into console forms (a label's target version, the expected version, a parent version) that are
not plain small integers are a page that says so (4xx), never a 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.console.test_console_pages import _console_register, _create_prompt, _token
from tests.integration.helpers import unique_email

ODD_NUMBERS = ["²", "٣", "99999999999999999999"]  # isdigit() is True for each; int() refuses or overflows int4


@pytest.mark.parametrize("field", ["version", "expected_version"])
async def test_moving_a_label_with_an_odd_number_is_a_clear_page(client: Any, field: str) -> None:
    slug = await _console_register(client, unique_email("odd"))
    await _create_prompt(client, slug, "greeting", "Hello")
    confirm = await client.get(f"/ui/w/{slug}/prompts/greeting/labels/production/move?version=1")
    assert confirm.status_code == 200
    for odd in ODD_NUMBERS:
        data = {"_csrf": _token(confirm.text), "version": "1", "expected_version": ""} | {field: odd}
        moved = await client.post(f"/ui/w/{slug}/prompts/greeting/labels/production", data=data, follow_redirects=False)
        assert 400 <= moved.status_code < 500, (field, odd, moved.status_code, moved.text[:300])
        assert moved.headers["content-type"].startswith("text/html")


async def test_a_new_version_with_an_odd_parent_version_is_a_clear_page(client: Any) -> None:
    slug = await _console_register(client, unique_email("odd"))
    await _create_prompt(client, slug, "greeting", "Hello")
    form_page = await client.get(f"/ui/w/{slug}/prompts/greeting/versions/new")
    for odd in ODD_NUMBERS:
        saved = await client.post(
            f"/ui/w/{slug}/prompts/greeting/versions",
            data={"_csrf": _token(form_page.text), "text": "Hi again", "parent_version": odd, "action": "save"},
            follow_redirects=False,
        )
        assert saved.status_code < 500, (odd, saved.status_code, saved.text[:300])


async def test_form_rows_with_odd_indices_are_ignored_not_a_500(client: Any) -> None:
    slug = await _console_register(client, unique_email("odd"))
    await _create_prompt(client, slug, "greeting", "Hello {{who}}")
    form_page = await client.get(f"/ui/w/{slug}/prompts/greeting/versions/new")
    saved = await client.post(
        f"/ui/w/{slug}/prompts/greeting/versions",
        data={
            "_csrf": _token(form_page.text),
            "text": "Hi {{who}}",
            "var_name_²": "who",
            "message_role_٣": "user",
            "var_name_0": "who",
            "action": "save",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303, (saved.status_code, saved.text[:300])

"""Unicode at the account and workspace doors (#14 item 7): one account per address however it is spelled,
no mixed-script look-alike addresses, and no invisible, control or bidi characters in names."""

from __future__ import annotations

import uuid

import pytest

from tests.integration.helpers import DEFAULT_PASSWORD, register

INVISIBLE_NAMES = ["\u200b\u200b", "\u3164", "Acme\u202eInc", "Acme\nInc", "\u2066Acme\u2069"]


async def test_look_alike_spellings_of_one_address_are_one_account(client):
    tag = uuid.uuid4().hex[:8]
    first = await register(client, email=f"strasse.{tag}@example.de")
    client.cookies.clear()
    for spelling in (f"STRAẞE.{tag}@example.de", f"Straße.{tag}@EXAMPLE.de", f"ｓｔｒａｓｓｅ.{tag}@example.de"):
        response = await client.post(
            "/api/v1/auth/register", json={"email": spelling, "password": DEFAULT_PASSWORD, "displayName": "Twin"}
        )
        assert response.status_code == 409, (spelling, response.text)
        # and the same spelling logs in to the first account
        login = await client.post("/api/v1/auth/login", json={"email": spelling, "password": DEFAULT_PASSWORD})
        assert login.status_code == 200, (spelling, login.text)
        assert login.json()["user"]["id"] == first["user"]["id"]
        client.cookies.clear()


async def test_mixed_script_addresses_are_refused(client):
    email = f"ada-{uuid.uuid4().hex[:6]}@p\u0430ypal.com"  # Cyrillic а among Latin letters
    response = await client.post(
        "/api/v1/auth/register", json={"email": email, "password": DEFAULT_PASSWORD, "displayName": "Ada"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == ["email"]


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
async def test_invisible_display_names_are_refused(client, name):
    response = await client.post(
        "/api/v1/auth/register",
        json={"email": f"n-{uuid.uuid4().hex[:8]}@example.com", "password": DEFAULT_PASSWORD, "displayName": name},
    )
    _assert_name_refused(response, "displayName")


async def test_invisible_workspace_and_key_names_are_refused(client):
    account = await register(client)
    csrf = {"X-CSRF-Token": account["csrf"]}
    for name in INVISIBLE_NAMES:
        _assert_name_refused(await client.post("/api/v1/workspaces", json={"name": name}, headers=csrf), "name")
        url = f"/api/v1/workspaces/{account['personalWorkspace']}"
        _assert_name_refused(await client.patch(url, json={"name": name}, headers=csrf), "name")
        keys = await client.post(f"{url}/api-keys", json={"name": name, "scopes": ["read"]}, headers=csrf)
        _assert_name_refused(keys, "name")
    # Names in any script, with joiners where a script needs them, are fine.
    made = await client.post("/api/v1/workspaces", json={"name": "تیم\u200cما 👩\u200d💻"}, headers=csrf)
    assert made.status_code == 201, made.text


def _assert_name_refused(response, field: str) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field]
    assert "invisible" in errors[0]["message"]
    assert "\\x00" not in errors[0]["message"]


async def test_the_longest_display_name_still_gets_a_personal_workspace(client):
    """The personal workspace is named `<display name>'s workspace`; at 120 characters that ran past the column."""
    name = "A" * 120
    account = await register(client, display_name=name)
    workspace = (await client.get(f"/api/v1/workspaces/{account['personalWorkspace']}")).json()
    assert len(workspace["name"]) <= 120
    assert workspace["name"].startswith("A" * 100)

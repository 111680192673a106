"""Accounts and sessions against real PostgreSQL and Redis: registration, login, CSRF, fixation, expiry."""

from __future__ import annotations

import asyncio

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from app.db.models import User
from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.helpers import DEFAULT_PASSWORD, login, register, unique_email

COOKIE = "promptsmith_session"


def _set_cookie(response) -> str:
    return next(v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith(COOKIE))


async def test_register_logs_in_with_hardened_cookie_and_hides_the_password(client, db_session):
    email = unique_email("reg").upper()
    response = await client.post(
        "/api/v1/auth/register", json={"email": f"  {email} ", "password": DEFAULT_PASSWORD, "displayName": "Ada"}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["user"]["email"] == email.lower()
    assert body["csrfToken"]
    assert body["personalWorkspace"]
    assert DEFAULT_PASSWORD not in response.text
    assert "password" not in response.text.lower()
    cookie = _set_cookie(response).lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" in cookie
    assert "path=/" in cookie
    me = await client.get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json()["user"]["email"] == email.lower()
    stored = (await db_session.execute(select(User).where(User.email == email.lower()))).scalar_one()
    assert stored.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert DEFAULT_PASSWORD not in stored.password_hash


async def test_email_is_unique_case_insensitively(client):
    email = unique_email("dup")
    await register(client, email=email)
    again = await client.post(
        "/api/v1/auth/register", json={"email": email.upper(), "password": DEFAULT_PASSWORD, "displayName": "X"}
    )
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(("password", "reason"), [("short", "min"), ("x" * 129, "max")])
async def test_password_length_violations_are_400_with_field_errors(client, password, reason):
    response = await client.post(
        "/api/v1/auth/register", json={"email": unique_email(), "password": password, "displayName": "X"}
    )
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["status"] == 400
    assert any(error["field"] == "password" for error in problem["errors"]), problem


async def test_password_of_128_characters_is_accepted(client):
    await register(client, password="p" * 128)


async def test_login_does_not_reveal_whether_the_email_exists(client):
    account = await register(client)
    wrong = await client.post("/api/v1/auth/login", json={"email": account["email"], "password": "wrong password!"})
    unknown = await client.post("/api/v1/auth/login", json={"email": unique_email("nobody"), "password": "whatever123"})
    assert wrong.status_code == unknown.status_code == 401
    strip = lambda body: {k: v for k, v in body.items() if k not in {"requestId"}}  # noqa: E731
    assert strip(wrong.json()) == strip(unknown.json())


async def test_unauthenticated_requests_get_401(client):
    response = await client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["status"] == 401


async def test_logged_out_cookie_replayed_gets_401(client):
    account = await register(client)
    session_id = client.cookies.get(COOKIE)
    out = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": account["csrf"]})
    assert out.status_code == 204
    assert (await client.get("/api/v1/auth/me")).status_code == 401
    client.cookies.set(COOKIE, session_id, domain="testserver.local")
    replay = await client.get("/api/v1/auth/me")
    assert replay.status_code == 401


async def test_session_fixation_attempt_fails(redis, settings):
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as victim:
        account = await register(victim)
        await victim.post("/api/v1/auth/logout", headers={"X-CSRF-Token": account["csrf"]})
        # The attacker plants a session id of their choosing in the victim's browser.
        planted = "attacker-chosen-session-id-0123456789"
        victim.cookies.set(COOKIE, planted, domain="testserver.local")
        await login(victim, account["email"])
        issued = victim.cookies.get(COOKIE)
        assert issued
        assert issued != planted
        assert await redis.get(f"{settings.redis_namespace}:sessions:{planted}") is None
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as attacker:
        attacker.cookies.set(COOKIE, planted, domain="testserver.local")
        assert (await attacker.get("/api/v1/auth/me")).status_code == 401


async def test_a_valid_session_id_brought_to_login_is_replaced_and_destroyed(settings):
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as browser:
        account = await register(browser)
        first = browser.cookies.get(COOKIE)
        await login(browser, account["email"])
        second = browser.cookies.get(COOKIE)
        assert second != first
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as other:
        other.cookies.set(COOKIE, first, domain="testserver.local")
        assert (await other.get("/api/v1/auth/me")).status_code == 401


async def test_missing_or_wrong_csrf_token_gets_403(client):
    account = await register(client)
    missing = await client.post("/api/v1/workspaces", json={"name": "No CSRF"})
    assert missing.status_code == 403
    assert "CSRF" in missing.json()["detail"]
    wrong = await client.post("/api/v1/workspaces", json={"name": "Bad CSRF"}, headers={"X-CSRF-Token": "nope"})
    assert wrong.status_code == 403
    token = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    assert token == account["csrf"]
    ok = await client.post("/api/v1/workspaces", json={"name": "With CSRF"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 201


async def test_idle_session_expires(database_url):
    app = create_app(make_settings(SESSION_IDLE_TIMEOUT=1))
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as client:
        await register(client)
        assert (await client.get("/api/v1/auth/me")).status_code == 200
        await asyncio.sleep(2.2)
        assert (await client.get("/api/v1/auth/me")).status_code == 401


async def test_absolute_expiry_despite_activity(database_url):
    app = create_app(make_settings(SESSION_MAX_AGE=2, SESSION_IDLE_TIMEOUT=2))
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as client:
        await register(client)
        for _ in range(3):  # activity renews the idle timer but never past the absolute expiry
            await asyncio.sleep(0.8)
            status = (await client.get("/api/v1/auth/me")).status_code
        assert status == 401


async def test_session_works_across_two_app_instances(database_url):
    settings = make_settings()
    one, two = create_app(settings), create_app(settings)
    async with (
        AsyncTestClient(app=one, base_url="https://testserver.local") as first,
        AsyncTestClient(app=two, base_url="https://testserver.local") as second,
    ):
        account = await register(first)
        second.cookies.set(COOKIE, first.cookies.get(COOKIE), domain="testserver.local")
        me = await second.get("/api/v1/auth/me")
        assert me.status_code == 200
        assert me.json()["user"]["email"] == account["email"]
        made = await second.post(
            "/api/v1/workspaces", json={"name": "Via B"}, headers={"X-CSRF-Token": account["csrf"]}
        )
        assert made.status_code == 201
        # Logout on B ends the session on A too.
        assert (await second.post("/api/v1/auth/logout", headers={"X-CSRF-Token": account["csrf"]})).status_code == 204
        assert (await first.get("/api/v1/auth/me")).status_code == 401


async def test_password_change_ends_other_sessions_only(settings):
    # One app per client: an app (its engine) must stay on the event loop of the client that runs it.
    async with (
        AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as laptop,
        AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as phone,
    ):
        account = await register(laptop)
        await login(phone, account["email"])
        assert (await phone.get("/api/v1/auth/me")).status_code == 200
        bad = await laptop.post(
            "/api/v1/auth/password",
            json={"currentPassword": "not my password", "newPassword": "brand new secret"},
            headers={"X-CSRF-Token": account["csrf"]},
        )
        assert bad.status_code == 400
        assert bad.json()["errors"][0]["field"] == "currentPassword"
        short = await laptop.post(
            "/api/v1/auth/password",
            json={"currentPassword": DEFAULT_PASSWORD, "newPassword": "tiny"},
            headers={"X-CSRF-Token": account["csrf"]},
        )
        assert short.status_code == 400
        changed = await laptop.post(
            "/api/v1/auth/password",
            json={"currentPassword": DEFAULT_PASSWORD, "newPassword": "brand new secret"},
            headers={"X-CSRF-Token": account["csrf"]},
        )
        assert changed.status_code == 204, changed.text
        assert (await laptop.get("/api/v1/auth/me")).status_code == 200
        assert (await phone.get("/api/v1/auth/me")).status_code == 401
        old = await phone.post("/api/v1/auth/login", json={"email": account["email"], "password": DEFAULT_PASSWORD})
        assert old.status_code == 401
        await login(phone, account["email"], "brand new secret")


async def test_login_with_redis_down_is_a_clear_503(client, database_url):
    account = await register(client)
    app = create_app(make_settings(REDIS_URL="redis://127.0.0.1:1/0"))
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as offline:
        response = await offline.post(
            "/api/v1/auth/login", json={"email": account["email"], "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("application/problem+json")

"""Console workspace pages: members and roles, the audit log, the lint page with the workspace's rule settings,
and the workspace switcher. Each change goes through the page's form and is checked through the API."""

from __future__ import annotations

import re
from typing import Any

from tests.integration.console.test_console_pages import PASSWORD, _console_register, _create_prompt, _token
from tests.integration.helpers import add_member, create_workspace, register, unique_email


async def _sign_in(client: Any, email: str) -> None:
    client.cookies.clear()
    login_page = await client.get("/ui/login")
    signed_in = await client.post(
        "/ui/login",
        data={"_csrf": _token(login_page.text), "email": email, "password": PASSWORD},
        follow_redirects=False,
    )
    assert signed_in.status_code == 303, signed_in.text


async def _team(client: Any) -> tuple[str, str, str]:
    """An admin (signed in through the console) with a team workspace. Returns (slug, API CSRF, admin email)."""
    email = unique_email("admin")
    await _console_register(client, email)
    api_csrf = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    slug = (await create_workspace(client, api_csrf, "Team Console"))["slug"]
    return slug, api_csrf, email


async def _api_members(client: Any, slug: str) -> dict[str, str]:
    response = await client.get(f"/api/v1/workspaces/{slug}/members")
    assert response.status_code == 200, response.text
    return {m["email"]: m["role"] for m in response.json()["items"]}


async def test_admin_adds_regrades_and_removes_a_member(client: Any) -> None:
    colleague = await register(client)
    slug, _, admin_email = await _team(client)  # registers and signs in the admin last

    members_page = await client.get(f"/ui/w/{slug}/members/")
    assert members_page.status_code == 200
    added = await client.post(
        f"/ui/w/{slug}/members/",
        data={"_csrf": _token(members_page.text), "email": colleague["email"], "role": "editor"},
        follow_redirects=False,
    )
    assert added.status_code == 303, added.text
    assert (await _api_members(client, slug))[colleague["email"]] == "editor"

    user_id = colleague["user"]["id"]
    regraded = await client.post(
        f"/ui/w/{slug}/members/{user_id}/role",
        data={"_csrf": _token(members_page.text), "role": "viewer"},
        follow_redirects=False,
    )
    assert regraded.status_code == 303
    assert (await _api_members(client, slug))[colleague["email"]] == "viewer"

    listing = await client.get(f"/ui/w/{slug}/members/")
    assert colleague["email"] in listing.text
    removed = await client.post(
        f"/ui/w/{slug}/members/{user_id}/remove", data={"_csrf": _token(listing.text)}, follow_redirects=False
    )
    assert removed.status_code == 303
    assert colleague["email"] not in await _api_members(client, slug)
    assert admin_email in await _api_members(client, slug)


async def test_adding_an_unknown_person_keeps_the_form_and_says_why(client: Any) -> None:
    slug, _, _ = await _team(client)
    members_page = await client.get(f"/ui/w/{slug}/members/")
    missing = unique_email("nobody")
    response = await client.post(
        f"/ui/w/{slug}/members/",
        data={"_csrf": _token(members_page.text), "email": missing, "role": "editor"},
        follow_redirects=False,
    )
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert f'value="{missing}"' in response.text  # the input is kept
    assert 'role="alert"' in response.text


async def test_a_viewer_reads_members_but_cannot_change_them_nor_open_the_audit_log(client: Any) -> None:
    viewer = await register(client)
    slug, api_csrf, _ = await _team(client)
    await add_member(client, api_csrf, slug, viewer["email"], "viewer")
    await _sign_in(client, viewer["email"])

    members_page = await client.get(f"/ui/w/{slug}/members/")
    assert members_page.status_code == 200
    assert "Add member" not in members_page.text
    assert "/remove" not in members_page.text
    refused = await client.post(
        f"/ui/w/{slug}/members/{viewer['user']['id']}/role",
        data={"_csrf": _token(members_page.text), "role": "owner"},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert (await _api_members(client, slug))[viewer["email"]] == "viewer"
    audit = await client.get(f"/ui/w/{slug}/audit/")
    assert audit.status_code == 403
    assert "text/html" in audit.headers["content-type"]
    assert "Audit log" not in members_page.text.split("<main")[0]  # the nav hides what the role cannot open


async def test_audit_log_lists_member_changes_and_filters_by_action(client: Any) -> None:
    colleague = await register(client)
    slug, api_csrf, _ = await _team(client)
    await add_member(client, api_csrf, slug, colleague["email"], "editor")

    audit = await client.get(f"/ui/w/{slug}/audit/")
    assert audit.status_code == 200
    actions = set(re.findall(r'<span class="tag mono">([a-z_.]+)</span>', audit.text))
    assert "member.added" in actions, actions
    only = await client.get(f"/ui/w/{slug}/audit/", params={"action": "no.such.action"})
    assert "No events match." in only.text
    bad_date = await client.get(f"/ui/w/{slug}/audit/", params={"since": "yesterday"})
    assert bad_date.status_code == 400
    assert "YYYY-MM-DD" in bad_date.text


async def test_lint_page_shows_findings_and_admins_switch_rules_off(client: Any) -> None:
    slug, _, _ = await _team(client)
    sloppy = "You are a helpful assistant. Do your best. {user_input}"
    lint_page = await client.get(f"/ui/w/{slug}/lint/")
    assert lint_page.status_code == 200
    linted = await client.post(
        f"/ui/w/{slug}/lint/", data={"_csrf": _token(lint_page.text), "text": sloppy, "target": "claude"}
    )
    assert linted.status_code == 200
    rule_ids = re.findall(r'<span class="muted small mono">([A-Z]+-\d+)</span>', linted.text)
    assert rule_ids, "the sloppy prompt produced no findings"
    switched = rule_ids[0]

    saved = await client.post(
        f"/ui/w/{slug}/lint/rules",
        data={"_csrf": _token(lint_page.text), f"rule:{switched}": "off"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    rules = await client.get(f"/api/v1/workspaces/{slug}/lint-rules")
    assert {"ruleId": switched, "enabled": False, "severity": None} in rules.json()["overrides"]
    again = await client.post(
        f"/ui/w/{slug}/lint/", data={"_csrf": _token(lint_page.text), "text": sloppy, "target": "claude"}
    )
    assert switched not in re.findall(r'<span class="muted small mono">([A-Z]+-\d+)</span>', again.text)
    audit = await client.get(f"/ui/w/{slug}/audit/", params={"action": "workspace.lint_rules_changed"})
    assert "workspace.lint_rules_changed" in audit.text


async def test_an_editor_cannot_change_the_workspace_rules(client: Any) -> None:
    editor = await register(client)
    slug, api_csrf, _ = await _team(client)
    await add_member(client, api_csrf, slug, editor["email"], "editor")
    await _sign_in(client, editor["email"])
    lint_page = await client.get(f"/ui/w/{slug}/lint/")
    assert "Save rules" not in lint_page.text
    refused = await client.post(
        f"/ui/w/{slug}/lint/rules", data={"_csrf": _token(lint_page.text), "rule:STR-01": "off"}, follow_redirects=False
    )
    assert refused.status_code == 403


async def test_the_switcher_lists_every_workspace_with_its_role(client: Any) -> None:
    slug, _, _ = await _team(client)
    await _create_prompt(client, slug, "hello", "Hello.")
    prompts = await client.get(f"/ui/w/{slug}/prompts/")
    assert 'hx-get="/ui/workspace-menu"' in prompts.text
    menu = await client.get("/ui/workspace-menu")
    assert menu.status_code == 200
    assert f'href="/ui/w/{slug}/prompts/"' in menu.text
    assert menu.text.count('class="role role-owner"') == 2  # the personal workspace and the team one


async def test_an_audit_range_ending_on_the_last_representable_day_is_a_page(client: Any) -> None:
    colleague = await register(client)
    slug, api_csrf, _ = await _team(client)
    await add_member(client, api_csrf, slug, colleague["email"], "editor")
    audit = await client.get(f"/ui/w/{slug}/audit/", params={"since": "2000-01-01", "until": "9999-12-31"})
    assert audit.status_code == 200, audit.text[:300]
    assert "member.added" in audit.text

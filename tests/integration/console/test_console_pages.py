"""The web console through HTTP: sign-in, prompt pages, label moves, and the authorization of every page.

Pages run on the API's services and guards, so these tests check what a person sees: readable pages (never
problem+json), another workspace's prompt as a 404 page, a viewer refused a promote, CSRF on every form POST,
and API keys refused.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from tests.integration.helpers import (
    add_member,
    api_headers,
    create_api_key,
    create_workspace,
    register,
    unique_email,
)
from tests.integration.workspaces.routes import workspace_routes

PASSWORD = "correct horse battery"


def _token(html: str) -> str:
    match = re.search(r'name="_csrf" value="([^"]+)"', html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


async def _console_register(client: Any, email: str) -> str:
    """Register through the console's form; returns the slug of the personal workspace."""
    form_page = await client.get("/ui/register")
    assert form_page.status_code == 200
    response = await client.post(
        "/ui/register",
        follow_redirects=False,
        data={"_csrf": _token(form_page.text), "email": email, "display_name": "Ada", "password": PASSWORD},
    )
    assert response.status_code == 303, response.text
    home = await client.get("/ui/")
    assert home.status_code == 200
    match = re.search(r'href="/ui/w/([^/"]+)/prompts/"', home.text)
    assert match
    assert "owner" in home.text
    return match.group(1)


async def _create_prompt(client: Any, slug: str, name: str, text: str) -> None:
    new_page = await client.get(f"/ui/w/{slug}/prompts/new")
    response = await client.post(
        f"/ui/w/{slug}/prompts/",
        follow_redirects=False,
        data={"_csrf": _token(new_page.text), "name": name, "description": "", "tags": "support", "text": text},
    )
    assert response.status_code == 303, response.text


async def _add_version(client: Any, slug: str, name: str, text: str) -> None:
    encoded = name.replace("/", "%2F")
    form_page = await client.get(f"/ui/w/{slug}/prompts/{encoded}/versions/new")
    assert form_page.status_code == 200
    response = await client.post(
        f"/ui/w/{slug}/prompts/{encoded}/versions",
        follow_redirects=False,
        data={"_csrf": _token(form_page.text), "text": text, "commit_message": "sharper", "action": "save"},
    )
    assert response.status_code == 303, response.text


async def test_register_create_diff_promote_and_resolve(client: Any) -> None:
    slug = await _console_register(client, unique_email("console"))
    await _create_prompt(client, slug, "support/triage", "You triage tickets for {{product}}.")
    await _add_version(client, slug, "support/triage", "You triage support tickets for {{product}}. Be brief.")

    listing = await client.get(f"/ui/w/{slug}/prompts/")
    assert "support/" in listing.text
    assert "triage" in listing.text
    page = await client.get(f"/ui/w/{slug}/prompts/support%2Ftriage")
    assert page.status_code == 200
    assert '<mark class="var">{{product}}</mark>' in page.text
    diff = await client.get(f"/ui/w/{slug}/prompts/support%2Ftriage/diff?from_version=1&to_version=2")
    assert diff.status_code == 200
    assert 'class="add"' in diff.text
    assert "Be brief." in diff.text

    confirm = await client.get(f"/ui/w/{slug}/prompts/support%2Ftriage/labels/production/move?version=2")
    assert confirm.status_code == 200
    assert "Move production to v2" in confirm.text
    moved = await client.post(
        f"/ui/w/{slug}/prompts/support%2Ftriage/labels/production",
        follow_redirects=False,
        data={"_csrf": _token(confirm.text), "version": "2", "expected_version": ""},
    )
    assert moved.status_code == 303, moved.text

    key = await create_api_key(client, _token(confirm.text), slug, scopes=["read"])
    resolved = await client.get(
        f"/api/v1/workspaces/{slug}/prompts/support%2Ftriage/resolve?label=production", headers=api_headers(key)
    )
    assert resolved.status_code == 200
    assert resolved.json()["version"] == 2


async def test_failed_sign_in_keeps_the_email_and_shows_a_readable_error(client: Any) -> None:
    form_page = await client.get("/ui/login")
    response = await client.post(
        "/ui/login",
        data={"_csrf": _token(form_page.text), "email": "nobody@example.com", "password": "wrong-pass"},
        follow_redirects=False,
    )
    assert response.status_code == 401
    assert "text/html" in response.headers["content-type"]
    assert 'value="nobody@example.com"' in response.text
    assert "Invalid email or password." in response.text


async def test_another_workspaces_prompt_is_a_404_page(client: Any) -> None:
    owner_slug = await _console_register(client, unique_email("owner"))
    await _create_prompt(client, owner_slug, "secret", "Internal only.")
    client.cookies.clear()
    await _console_register(client, unique_email("stranger"))
    response = await client.get(f"/ui/w/{owner_slug}/prompts/secret")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Internal only." not in response.text
    assert "Not found" in response.text


async def test_viewer_sees_why_and_cannot_post_a_promote(client: Any) -> None:
    viewer = await register(client)  # through the API: the viewer account exists
    client.cookies.clear()
    await _console_register(client, unique_email("admin"))
    api_csrf = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    slug = (await create_workspace(client, api_csrf, "Team"))["slug"]  # personal workspaces have no members
    await _create_prompt(client, slug, "greeting", "Hello {{name}}.")
    await add_member(client, api_csrf, slug, viewer["email"], "viewer")

    client.cookies.clear()
    login_page = await client.get("/ui/login")
    signed_in = await client.post(
        "/ui/login",
        data={"_csrf": _token(login_page.text), "email": viewer["email"], "password": PASSWORD},
        follow_redirects=False,
    )
    assert signed_in.status_code == 303
    confirm = await client.get(f"/ui/w/{slug}/prompts/greeting/labels/production/move?version=1")
    assert confirm.status_code == 200
    assert 'id="move-refused"' in confirm.text
    assert 'action="/ui/w/' not in confirm.text.split('id="move-refused"')[1]
    refused = await client.post(
        f"/ui/w/{slug}/prompts/greeting/labels/production",
        data={"_csrf": _token(confirm.text), "version": "1"},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert "text/html" in refused.headers["content-type"]
    labels = await client.get(f"/api/v1/workspaces/{slug}/prompts/greeting/labels")
    assert all(label["name"] != "production" for label in labels.json())


async def test_every_form_post_needs_the_csrf_token(client: Any) -> None:
    slug = await _console_register(client, unique_email("csrf"))
    await _create_prompt(client, slug, "p", "Text.")
    posts = [
        (f"/ui/w/{slug}/prompts/", {"name": "other", "text": "x"}),
        (f"/ui/w/{slug}/prompts/p/versions", {"text": "x", "action": "save"}),
        (f"/ui/w/{slug}/prompts/p/labels/production", {"version": "1"}),
        ("/ui/logout", {}),
    ]
    for path, data in posts:
        missing = await client.post(path, data=data, follow_redirects=False)
        wrong = await client.post(path, data={**data, "_csrf": "not-the-token"}, follow_redirects=False)
        assert missing.status_code == 403, path
        assert wrong.status_code == 403, path
    client.cookies.clear()
    login = await client.post(
        "/ui/login", data={"email": "a@example.com", "password": PASSWORD}, follow_redirects=False
    )
    assert login.status_code == 403


async def test_an_api_key_does_not_open_the_console(client: Any, workspace_key: tuple[str, str]) -> None:
    slug, key = workspace_key
    client.cookies.clear()
    for path in ("/ui/", f"/ui/w/{slug}/prompts/"):
        response = await client.get(path, headers=api_headers(key))
        assert response.status_code == 401, path
        assert "Sign in" in response.text


async def test_console_pages_send_a_self_only_csp(client: Any) -> None:
    response = await client.get("/ui/login")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["x-frame-options"] == "DENY"
    htmx = await client.get("/ui/static/htmx-2.0.4.min.js")
    assert htmx.status_code == 200


HTMX_SHA256 = "e209dda5c8235479f3166defc7750e1dbcd5a5c1808b7792fc2e6733768fb447"
"""sha256 of htmx.org@2.0.4 `dist/htmx.min.js` as published on npm: the vendored file must be exactly that."""


async def test_vendored_htmx_is_the_pinned_release(client: Any) -> None:
    served = await client.get("/ui/static/htmx-2.0.4.min.js")
    assert served.status_code == 200
    assert hashlib.sha256(served.content).hexdigest() == HTMX_SHA256


async def test_generate_save_and_manage_api_keys(client: Any) -> None:
    slug = await _console_register(client, unique_email("gen"))
    form_page = await client.get(f"/ui/w/{slug}/generate/")
    brief = {
        "_csrf": _token(form_page.text),
        "task": "Answer billing questions for Acme's customers",
        "constraints": "Never promise refunds\nEscalate legal threats",
        "variables": "customer_name",
        "target": "claude",
        "prompt_name": "billing/assistant",
    }
    preview = await client.post(f"/ui/w/{slug}/generate/", data={**brief, "action": "preview"})
    assert preview.status_code == 200
    assert "Prompt for claude" in preview.text
    assert "refund" in preview.text.lower()
    saved = await client.post(f"/ui/w/{slug}/generate/", data={**brief, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/ui/w/{slug}/prompts/billing%2Fassistant"

    keys_page = await client.get(f"/ui/w/{slug}/keys/")
    created = await client.post(
        f"/ui/w/{slug}/keys/", data={"_csrf": _token(keys_page.text), "name": "ci", "scopes": ["read"]}
    )
    match = re.search(r'<code id="new-key">([^<]+)</code>', created.text)
    assert match
    key = match.group(1)
    works = await client.get(f"/api/v1/workspaces/{slug}/prompts/", headers=api_headers(key))
    assert works.status_code == 200
    revoke_action = re.search(r'action="(/ui/w/[^"]+/revoke)"', created.text)
    assert revoke_action
    revoked = await client.post(revoke_action.group(1), data={"_csrf": _token(created.text)}, follow_redirects=False)
    assert revoked.status_code == 303
    refused = await client.get(f"/api/v1/workspaces/{slug}/prompts/", headers=api_headers(key))
    assert refused.status_code == 401


async def test_signing_in_returns_to_the_page_asked_for(client: Any) -> None:
    email = unique_email("next")
    slug = await _console_register(client, email)
    client.cookies.clear()
    bounced = await client.get(f"/ui/w/{slug}/prompts/", follow_redirects=False)
    assert bounced.status_code == 303
    assert bounced.headers["location"] == f"/ui/login?next=/ui/w/{slug}/prompts"
    login_page = await client.get(bounced.headers["location"])
    assert f'name="next" value="/ui/w/{slug}/prompts"' in login_page.text
    signed_in = await client.post(
        "/ui/login",
        data={"_csrf": _token(login_page.text), "email": email, "password": PASSWORD, "next": f"/ui/w/{slug}/prompts/"},
        follow_redirects=False,
    )
    assert signed_in.headers["location"] == f"/ui/w/{slug}/prompts/"
    elsewhere = await client.post(
        "/ui/login",
        data={"_csrf": _token(login_page.text), "email": email, "password": PASSWORD, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert elsewhere.headers["location"] == "/ui/"


async def test_every_console_workspace_page_is_a_404_page_for_outsiders(client: Any, app: Any) -> None:
    """Every console route under `{workspace}` (enumerated, so pages added later are covered), GET and POST."""
    owner_slug = await _console_register(client, unique_email("victim"))
    await _create_prompt(client, owner_slug, "zebra", "Secret Project Zebra.")
    client.cookies.clear()
    await _console_register(client, unique_email("outsider"))
    home = await client.get("/ui/")
    csrf = _token(home.text)
    routes = workspace_routes(app, console=True)
    assert len(routes) >= 10
    for route in routes:
        url = route.url(owner_slug, {"name": "zebra", "label": "production"})
        response = await client.request(route.method, url, data={"_csrf": csrf}, follow_redirects=False)
        assert response.status_code == 404, (route.method, url)
        assert "text/html" in response.headers["content-type"]
        assert "Zebra" not in response.text

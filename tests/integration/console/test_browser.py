"""The console in a real browser: Playwright driving Debian's Chromium against a real uvicorn process.

Every step goes through the pages as a person would (the API is only used to check what the pages did, and to
set up accounts that another person would own). Each page fails the test on a browser
console error or on a request to any other origin. Screenshots of the main pages go to `var/screenshots/`
(or `$CI_OUTPUT_DIR/screenshots`).
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from subprocess import Popen
from typing import Any

import httpx
import pytest

from app.config.settings import Settings
from tests.integration.faults._procs import REPO_ROOT, kill_group
from tests.integration.instances import start_instance

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("console-browser")]

CHROMIUM = shutil.which("chromium")
PASSWORD = "correct horse battery"
SCREENSHOTS = Path(os.environ.get("CI_OUTPUT_DIR", REPO_ROOT / "var")) / "screenshots"

if CHROMIUM is None:  # .ci/run installs it; a developer machine without it says so instead of passing silently
    pytest.fail("Debian's chromium is needed for the browser tests: apt-get install -y chromium", pytrace=False)

from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server(settings: Settings) -> Iterator[str]:
    """A real app process; cookies not Secure because the browser talks plain http to 127.0.0.1."""
    proc: Popen[bytes]
    proc, url = start_instance(settings, SESSION_COOKIE_SECURE="false", LOG_LEVEL="ERROR")
    try:
        yield url
    finally:
        kill_group(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield instance
        instance.close()


class Watched:
    """A page that records console errors and requests to other origins; `check()` fails on any."""

    def __init__(self, page: Page, origin: str) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", lambda request: self._request(request, origin))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _request(self, request: Request, origin: str) -> None:
        if not (request.url.startswith(origin + "/") or request.url.startswith("data:")):
            self.problems.append(f"request to another origin: {request.url}")

    def check(self) -> None:
        assert self.problems == []

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser: Browser, server: str) -> Iterator[Watched]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 860})
    page = Watched(context.new_page(), server)
    yield page
    page.check()
    context.close()


def _register(page: Page, email: str, name: str = "Ada Lovelace") -> str:
    page.goto("/ui/register")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/ui/")
    link = page.locator("a.tile").first
    href = link.get_attribute("href") or ""
    match = re.search(r"/ui/w/([^/]+)/", href)
    assert match
    return match.group(1)


def _sign_in(page: Page, email: str) -> None:
    page.goto("/ui/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/ui/")


def _email(tag: str) -> str:
    return f"{tag}-{uuid.uuid4().hex[:10]}@example.com"


def test_sign_in_create_versions_diff_promote_and_resolve(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto("/ui/login")
    watched.shot("01-sign-in")
    email = _email("browser")
    slug = _register(page, email)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/ui/login")
    _sign_in(page, email)
    watched.shot("02-workspaces")

    page.goto(f"/ui/w/{slug}/prompts/")
    page.get_by_role("link", name="New prompt").click()
    page.get_by_label("Name").fill("support/triage")
    page.get_by_label("Description").fill("Routes incoming tickets")
    page.get_by_label("Tags").fill("support, tickets")
    page.locator("#text").fill("You triage support tickets for {{product}}.\nAsk for the order number.")
    page.get_by_role("button", name="Create prompt").click()
    page.wait_for_url("**/prompts/support%2Ftriage")

    page.get_by_role("link", name="New version").click()
    page.locator("#text").fill(
        "You triage support tickets for {{product}}.\nAsk for the order number and the email.\nReply in {{language}}."
    )
    page.get_by_label("Commit message").fill("Ask for the email too")
    page.get_by_role("button", name="Check with lint").click()
    page.locator("#lint-h").wait_for()
    assert page.url.endswith("/versions/new")  # htmx swapped the findings in; the page did not reload
    watched.shot("05-new-version-lint")
    page.get_by_role("button", name="Save version").click()
    page.wait_for_url("**/prompts/support%2Ftriage")
    assert page.locator("mark.var", has_text="{{language}}").count() >= 1
    watched.shot("04-prompt")

    page.get_by_role("link", name="Compare versions").click()
    expect(page.locator(".diff .add").first).to_be_visible()  # waits for the page, unlike is_visible()
    watched.shot("06-diff")

    page.goto(f"/ui/w/{slug}/prompts/support%2Ftriage/labels/production/move?version=2")
    watched.shot("07-promote-confirm")
    page.get_by_role("button", name="Move production to v2").click()
    page.wait_for_url("**/prompts/support%2Ftriage")
    page.goto(f"/ui/w/{slug}/prompts/")
    expect(page.locator(".label-production", has_text="v2")).to_be_visible()
    watched.shot("03-prompts")

    page.goto(f"/ui/w/{slug}/keys/")
    page.get_by_label("Name").fill("checker")
    page.get_by_role("button", name="Create key").click()
    key = page.locator("#new-key").inner_text().strip()
    watched.shot("09-api-keys")
    resolved = httpx.get(
        f"{server}/api/v1/workspaces/{slug}/prompts/support%2Ftriage/resolve?label=production",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert resolved.status_code == 200
    assert resolved.json()["version"] == 2

    page.get_by_role("button", name="Revoke checker").click()
    page.wait_for_url(f"**/ui/w/{slug}/keys/")
    expect(page.locator(".badge", has_text="revoked")).to_be_visible()
    refused = httpx.get(f"{server}/api/v1/workspaces/{slug}/prompts/", headers={"Authorization": f"Bearer {key}"})
    assert refused.status_code == 401


def test_generate_from_a_brief_and_save(watched: Watched) -> None:
    page = watched.page
    slug = _register(page, _email("gen"))
    page.goto(f"/ui/w/{slug}/generate/")
    page.get_by_label("Task").fill("Help customers of Northwind track parcels and report damaged deliveries")
    page.get_by_label("Audience").fill("online shoppers")
    page.get_by_label("Tone").fill("warm, concise")
    page.get_by_label("Constraints").fill("Never share another customer's address\nOffer a human agent on request")
    page.get_by_label("Variables").fill("customer_name")
    page.get_by_label("Save as prompt").fill("logistics/parcel-helper")
    page.get_by_role("button", name="Generate", exact=True).click()
    page.locator("#generated").wait_for()
    assert page.url.endswith("/generate/")
    watched.shot("08-generator")
    page.get_by_role("button", name="Generate and save").click()
    page.wait_for_url("**/prompts/logistics%2Fparcel-helper")
    expect(page.locator(".tag", has_text="generated")).to_be_visible()


def test_viewer_sees_the_promote_refused(watched: Watched, server: str) -> None:
    page = watched.page
    viewer_email = _email("viewer")
    slug = _setup_shared_workspace_with_viewer(server, viewer_email)
    _sign_in(page, viewer_email)
    page.goto(f"/ui/w/{slug}/prompts/greeting")
    assert page.get_by_role("link", name="New version").count() == 0
    page.goto(f"/ui/w/{slug}/prompts/greeting/labels/production/move?version=1")
    refusal = page.locator("#move-refused")
    expect(refusal).to_be_visible()
    assert "viewer" in refusal.inner_text()
    assert page.get_by_role("button", name=re.compile("Move production")).count() == 0
    watched.shot("10-viewer-refused")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/ui/w/{slug}/prompts/greeting")
    watched.shot("11-phone-prompt")


def _setup_shared_workspace_with_viewer(server: str, viewer_email: str) -> str:
    """Setup through the API (the console has no members page yet): a team workspace, a prompt, a viewer."""
    with httpx.Client(base_url=server) as api:
        body = {"email": viewer_email, "password": PASSWORD, "displayName": "Vera Viewer"}
        assert api.post("/api/v1/auth/register", json=body).status_code == 201
        api.cookies.clear()
        owner = {"email": _email("owner"), "password": PASSWORD, "displayName": "Olga Owner"}
        registered: Any = api.post("/api/v1/auth/register", json=owner)
        headers = {"X-CSRF-Token": registered.json()["csrfToken"]}
        slug = api.post("/api/v1/workspaces", json={"name": "Team"}, headers=headers).json()["slug"]
        member = {"email": viewer_email, "role": "viewer"}
        assert api.post(f"/api/v1/workspaces/{slug}/members", json=member, headers=headers).status_code == 201
        prompt = {"name": "greeting"}
        assert api.post(f"/api/v1/workspaces/{slug}/prompts", json=prompt, headers=headers).status_code == 201
        version = {"text": "Hello {{name}}."}
        created = api.post(f"/api/v1/workspaces/{slug}/prompts/greeting/versions", json=version, headers=headers)
        assert created.status_code == 201
    return str(slug)


def test_members_lint_audit_and_the_workspace_switcher(watched: Watched, server: str) -> None:
    page = watched.page
    colleague = _email("colleague")
    with httpx.Client(base_url=server) as api:  # the colleague only needs an account
        body = {"email": colleague, "password": PASSWORD, "displayName": "Cora Colleague"}
        assert api.post("/api/v1/auth/register", json=body).status_code == 201
    _register(page, _email("admin"))
    page.get_by_label("New shared workspace").fill("Support team")
    page.get_by_role("button", name="Create workspace").click()
    page.wait_for_url("**/prompts/")
    slug = page.url.split("/ui/w/")[1].split("/")[0]

    page.goto(f"/ui/w/{slug}/members/")
    page.get_by_label("Email").fill(colleague)
    page.get_by_label("Role", exact=True).select_option("editor")
    page.get_by_role("button", name="Add member").click()
    page.wait_for_url(f"**/ui/w/{slug}/members/")
    row = page.locator("tr", has_text=colleague)
    assert row.locator("select").input_value() == "editor"
    watched.shot("12-members")

    page.get_by_role("link", name="Lint").click()
    sloppy = "You are a helpful assistant. Do your best and be amazing. {user_input}"
    page.get_by_role("textbox", name="Prompt").fill(sloppy)
    page.get_by_role("button", name="Lint", exact=True).click()
    page.locator("#report-h").wait_for()  # swapped in by htmx
    assert page.locator(".finding").count() >= 1
    watched.shot("13-lint")

    page.get_by_role("link", name="Audit log").click()
    assert page.locator("td", has_text="member.added").count() >= 1
    watched.shot("14-audit")

    page.locator("summary.switcher").click()
    menu = page.locator(".menu-list")
    menu.wait_for()  # loaded by htmx when the menu opens
    expect(menu.locator("a", has_text="All workspaces")).to_be_visible()
    watched.shot("15-switcher")


def test_chat_editor_adds_a_message_and_saves(watched: Watched, server: str) -> None:
    page = watched.page
    slug = _register(page, _email("chat"))
    csrf = page.context.request.get(f"{server}/api/v1/auth/csrf").json()["csrfToken"]
    created = page.context.request.post(
        f"{server}/api/v1/workspaces/{slug}/prompts",
        data={"name": "concierge", "kind": "chat"},
        headers={"X-CSRF-Token": csrf},
    )
    assert created.status == 201
    page.goto(f"/ui/w/{slug}/prompts/concierge/versions/new")
    page.get_by_label("Message 1").fill("You are the concierge of {{hotel}}. Answer guests briefly.")
    page.get_by_role("button", name="Add a message").click()
    page.get_by_label("Role").nth(1).select_option("placeholder")
    page.get_by_label("Placeholder variable").nth(1).fill("history")
    page.get_by_label("Variable 1 name").fill("hotel")
    page.get_by_label("Variable 1 trusted").check()
    page.get_by_label("Commit message").fill("first concierge")
    watched.shot("16-chat-editor")
    page.get_by_role("button", name="Save version").click()
    page.wait_for_url("**/prompts/concierge")
    version = page.context.request.get(f"{server}/api/v1/workspaces/{slug}/prompts/concierge/versions/1").json()
    assert [m["role"] for m in version["messages"]] == ["system", "placeholder"]
    assert any(v["name"] == "hotel" and v["trusted"] for v in version["variables"])


def test_api_reference_renders_from_the_app_alone(watched: Watched) -> None:
    """/schema: Scalar (vendored) draws the document with no request to another origin and no CSP refusal."""
    requests: list[str] = []
    watched.page.on("request", lambda request: requests.append(request.url))
    watched.page.goto("/schema")
    # Only the rendered reference shows these: the document's title as a heading, and an operation's
    # request example built from the document (the raw HTML holds neither).
    expect(watched.page.get_by_role("heading", name="Promptsmith API").first).to_be_visible(timeout=30_000)
    expect(watched.page.get_by_text("/health/ready").first).to_be_attached(timeout=30_000)
    assert any("/schema/assets/scalar-" in url for url in requests)
    assert any(url.endswith("/schema/openapi.json") for url in requests)
    watched.shot("api-reference")

"""The data the fuzzer's requests point at, created through the HTTP API, and kept alive while it runs.

`FuzzState.provision()` registers an owner (logged-in session + CSRF token) and a second user, creates a
workspace with that second user as a member, an admin API key for the run, a spare "victim" key for the
revoke operation, and a prompt with two versions and the `production` and `staging` labels.

The fuzzer is free to break all of that (log out, revoke, delete the workspace, rename the prompt...).
`ensure()` runs after every successful unsafe request and re-creates whatever is gone, so that the following
cases still reach real resources. `fill_path()` replaces generated path parameters by these real values for
a fixed share of the cases (decided from the generated values, so Hypothesis replays stay reproducible);
the other cases keep the generated values and exercise the 404/400 paths.
"""

from __future__ import annotations

import itertools
import uuid
import zlib
from dataclasses import dataclass, field
from typing import Any

import httpx

SESSION_COOKIE = "promptsmith_session"
PASSWORD = "fuzz-password-0123456789"
PROMPT_TEXT_V1 = "You are a support assistant for {{product}}. Answer in {{language}}."
PROMPT_TEXT_V2 = "You are a concise support assistant for {{product}}. Always answer in {{language}}."
PROMPT_VARIABLES = [
    {"name": "product", "type": "string", "required": True},
    {"name": "language", "type": "string", "required": False, "default": "English"},
]
LABELS = ("production", "staging")
# Operations that never change what `ensure()` checks: no repair needed after them.
HARMLESS_OPERATIONS = frozenset(
    {
        "generatePrompt",
        "improvePrompt",
        "templatizePrompt",
        "countTokens",
        "lintPrompt",
        "lintPromptInWorkspace",
        "renderPrompt",
        "createPrompt",
        "createWorkspace",
        "createApiKey",
        "setWorkspaceLintRules",
        "createPromptVersion",
        "saveGeneration",
        "authLogin",
    }
)
_counter = itertools.count(1)


class SetupError(AssertionError):
    """The API refused a setup request that must succeed."""


def _check(response: httpx.Response, *expected: int) -> httpx.Response:
    if response.status_code not in expected:
        raise SetupError(
            f"{response.request.method} {response.request.url} -> {response.status_code}: {response.text[:500]}"
        )
    return response


@dataclass
class FuzzState:
    base_url: str
    operation_ids: frozenset[str] = frozenset()
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    email: str = ""
    user_id: str = ""
    session_id: str = ""
    csrf: str = ""
    member_email: str = ""
    member_id: str = ""
    workspace: str = ""
    api_key: str = ""
    api_key_id: str = ""
    victim_key_id: str = ""
    prompt: str = ""
    versions: tuple[int, ...] = ()
    repairs: int = 0
    statuses: dict[str, dict[int, int]] = field(default_factory=dict)
    """operationId -> status -> count, for the run summary (FUZZ_STATS)."""
    http: httpx.Client = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.http = httpx.Client(base_url=self.base_url, timeout=15.0)

    def close(self) -> None:
        self.http.close()

    # --- credentials ------------------------------------------------------------------------------------

    @property
    def session_headers(self) -> dict[str, str]:
        return {"Cookie": f"{SESSION_COOKIE}={self.session_id}", "X-CSRF-Token": self.csrf}

    @property
    def api_key_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}

    def _as_user(self, method: str, path: str, expected: tuple[int, ...], **kwargs: Any) -> httpx.Response:
        response = self.http.request(method, path, headers=self.session_headers, **kwargs)
        return _check(response, *expected)

    def _has(self, operation_id: str) -> bool:
        return not self.operation_ids or operation_id in self.operation_ids

    # --- provisioning -----------------------------------------------------------------------------------

    def provision(self) -> None:
        self.email = f"fuzz-owner-{self.run_id}@example.com"
        self.member_email = f"fuzz-member-{self.run_id}@example.com"
        _check(
            self.http.post(
                "/api/v1/auth/register",
                json={"email": self.member_email, "password": PASSWORD, "displayName": "Fuzz member"},
            ),
            201,
        )
        response = _check(
            self.http.post(
                "/api/v1/auth/register", json={"email": self.email, "password": PASSWORD, "displayName": "Fuzz owner"}
            ),
            201,
        )
        self._take_session(response)
        self.user_id = response.json()["user"]["id"]
        self._provision_workspace()

    def _take_session(self, response: httpx.Response) -> None:
        session_id = response.cookies.get(SESSION_COOKIE)
        if not session_id:
            raise SetupError(f"no {SESSION_COOKIE} cookie in {response.request.url} response")
        self.session_id = session_id
        self.csrf = response.json()["csrfToken"]

    def _provision_workspace(self) -> None:
        self.workspace = f"fuzz-{self.run_id}-{next(_counter)}"
        self._as_user("POST", "/api/v1/workspaces", (201,), json={"name": "Fuzz workspace", "slug": self.workspace})
        self._add_member()
        self._new_api_key()
        self._new_victim_key()
        if self._has("createPrompt"):
            self._provision_prompt()

    def _add_member(self) -> None:
        response = self._as_user(
            "POST",
            f"/api/v1/workspaces/{self.workspace}/members",
            (201,),
            json={"email": self.member_email, "role": "editor"},
        )
        self.member_id = response.json()["userId"]

    def _new_api_key(self) -> None:
        response = self._as_user(
            "POST",
            f"/api/v1/workspaces/{self.workspace}/api-keys",
            (201,),
            json={"name": f"fuzz admin {next(_counter)}", "scopes": ["admin"]},
        )
        self.api_key, self.api_key_id = response.json()["key"], response.json()["id"]

    def _new_victim_key(self) -> None:
        response = self._as_user(
            "POST",
            f"/api/v1/workspaces/{self.workspace}/api-keys",
            (201,),
            json={"name": f"fuzz victim {next(_counter)}", "scopes": ["read"]},
        )
        self.victim_key_id = response.json()["id"]

    def _provision_prompt(self) -> None:
        self.prompt = f"fuzz.support-{next(_counter)}"
        base = f"/api/v1/workspaces/{self.workspace}/prompts"
        self._as_user("POST", base, (201,), json={"name": self.prompt, "description": "Fuzz target", "tags": ["fuzz"]})
        self._as_user(
            "POST",
            f"{base}/{self.prompt}/versions",
            (201,),
            json={
                "text": PROMPT_TEXT_V1,
                "variables": PROMPT_VARIABLES,
                "commitMessage": "first",
                "labels": ["staging"],
            },
        )
        self._as_user(
            "POST",
            f"{base}/{self.prompt}/versions",
            (201,),
            json={
                "text": PROMPT_TEXT_V2,
                "variables": PROMPT_VARIABLES,
                "commitMessage": "second",
                "labels": list(LABELS),
            },
        )
        self.versions = (1, 2)

    # --- repair -----------------------------------------------------------------------------------------

    def after_call(self, operation_id: str | None, method: str, status: int) -> None:
        """Called after every fuzzed request: repair the setup after a successful unsafe one."""
        counts = self.statuses.setdefault(operation_id or "?", {})
        counts[status] = counts.get(status, 0) + 1
        if method.upper() in {"GET", "HEAD", "OPTIONS"} or not 200 <= status < 300:
            return
        if operation_id in HARMLESS_OPERATIONS:
            return
        self.ensure()

    def ensure(self) -> None:
        self.repairs += 1
        # 1. The owner's session (logout, password change, register/login rotating the cookie).
        if self.http.get("/api/v1/auth/me", headers=self.session_headers).status_code == 401:
            response = _check(
                self.http.post("/api/v1/auth/login", json={"email": self.email, "password": PASSWORD}), 200
            )
            self._take_session(response)
        # 2. The workspace (deleted, or left by its owner): start over in a new one.
        if self.http.get(f"/api/v1/workspaces/{self.workspace}", headers=self.session_headers).status_code != 200:
            self._provision_workspace()
            return
        # 3. The run's API key and the victim key.
        if self.http.get("/api/v1/auth/me", headers=self.api_key_headers).status_code == 401:
            self._new_api_key()
        keys = self._as_user(
            "GET", f"/api/v1/workspaces/{self.workspace}/api-keys", (200,), params={"limit": 100}
        ).json()["items"]
        if not any(k["id"] == self.victim_key_id and k["revokedAt"] is None for k in keys):
            self._new_victim_key()
        # 4. The member.
        members = self._as_user(
            "GET", f"/api/v1/workspaces/{self.workspace}/members", (200,), params={"limit": 100}
        ).json()["items"]
        if not any(m["userId"] == self.member_id for m in members):
            self._add_member()
        # 5. The prompt, its versions and labels (deleted, renamed, archived, labels removed).
        if self._has("createPrompt"):
            self._ensure_prompt()

    def _ensure_prompt(self) -> None:
        base = f"/api/v1/workspaces/{self.workspace}/prompts/{self.prompt}"
        response = self.http.get(base, headers=self.session_headers)
        if response.status_code != 200:
            self._provision_prompt()
            return
        prompt = response.json()
        if prompt.get("archived"):
            self._as_user("PATCH", base, (200,), json={"archived": False})
        labels = prompt.get("labels", {})
        for label in LABELS:
            if label not in labels:
                self._as_user("PUT", f"{base}/labels/{label}", (200,), json={"version": self.versions[-1]})

    # --- path parameters --------------------------------------------------------------------------------

    def path_values(self) -> dict[str, list[Any]]:
        return {
            "workspace": [self.workspace],
            "user_id": [self.member_id],
            "key_id": [self.victim_key_id],
            "name": [self.prompt] if self.prompt else [],
            "version": list(self.versions),
            "label": list(LABELS),
        }

    def body_values(self) -> dict[str, list[Any]]:
        return {
            "version": list(self.versions),
            "expectedVersion": list(self.versions),
            "parentVersion": list(self.versions[-1:]),
            "label": list(LABELS),
            "email": [self.member_email],
            "promptName": [self.prompt] if self.prompt else [],  # saveGeneration: next version of a real prompt
        }

    def fill_path(self, path_parameters: dict[str, Any] | None) -> None:
        """Replace generated path parameters by real ones for ~80% of the cases (per parameter)."""
        if path_parameters:
            _fill(path_parameters, self.path_values(), share=80)

    def fill_body(self, operation_id: str | None, body: Any) -> None:
        """Same for a few top-level body fields that name existing things (versions, labels, the member)."""
        if not isinstance(body, dict):
            return
        values = self.body_values()
        if operation_id == "renderPrompt":  # values for the prompt's declared variables, so renders succeed
            values["variables"] = [{"product": "Acme shoes"}, {"product": "Acme", "language": "French"}]
        _fill(body, values, share=60)
        if operation_id == "createPromptVersion" and zlib.crc32(repr(sorted(body, key=str)).encode()) % 100 < 60:
            # The fuzzed prompt is a text prompt: a version needs `text` and no `messages` (not in the schema).
            body.pop("messages", None)
            if not isinstance(body.get("text"), str) or not body["text"].strip():
                body["text"] = PROMPT_TEXT_V2


def _fill(container: dict[str, Any], values: dict[str, list[Any]], share: int) -> None:
    """Replace, in place, the entries of `container` that `values` knows, for `share`% of the generated values.

    The choice is a hash of the generated value, so the same generated case is always filled the same way
    (Hypothesis replays and shrinks stay consistent)."""
    for name, generated in list(container.items()):
        choices = values.get(name)
        if not choices:
            continue
        digest = zlib.crc32(f"{name}={generated!r}".encode())
        if digest % 100 < share:
            container[name] = choices[digest % len(choices)]

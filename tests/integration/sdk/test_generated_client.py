"""A real generated SDK: openapi-python-client builds a Python client from our OpenAPI document, and the whole
flow runs through it against a live server.

Generation runs with `--fail-on-warning`: any part of the document the generator cannot turn into typed code
fails the test (it is a defect of our OpenAPI, not of the client). Every generated module must import, and
the package must type-check with mypy.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.integration.fuzz._server import LiveServer

pytestmark = pytest.mark.slow

PACKAGE = "promptsmith_client"
BIN = Path(sys.executable).parent
GENERATOR_CONFIG = {
    "package_name_override": PACKAGE,
    "project_name_override": "promptsmith-client",
    # No formatting pass (ruff) on the generated code: this test only needs it to import and type-check.
    "post_hooks": [],
}
PASSWORD = "sdk-password-0123456789"
BRIEF = (
    "Answer customer questions about orders, returns and refunds for an online shoe store. "
    "Be friendly and concise, and escalate to a human when the customer is angry."
)


def _generate(document: dict[str, Any], workdir: Path) -> Path:
    spec = workdir / "openapi.json"
    spec.write_text(json.dumps(document))
    config = workdir / "generator.json"
    config.write_text(json.dumps(GENERATOR_CONFIG))
    output = workdir / PACKAGE
    result = subprocess.run(
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(output),
            "--meta",
            "none",
            "--config",
            str(config),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=workdir,
    )
    assert result.returncode == 0, f"generation failed or warned:\n{result.stdout}\n{result.stderr}"
    return output


@pytest.fixture(scope="module")
def openapi_document(live_server: LiveServer) -> dict[str, Any]:
    response = httpx.get(f"{live_server.base_url}/schema/openapi.json", timeout=30)
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    return document


@pytest.fixture(scope="module")
def sdk_dir(openapi_document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(openapi_document, tmp_path_factory.mktemp("sdk"))


@pytest.fixture(scope="module")
def sdk(sdk_dir: Path) -> Iterator[ModuleType]:
    """The generated package, imported (with every one of its modules) from the temporary folder."""
    sys.path.insert(0, str(sdk_dir.parent))
    try:
        package = importlib.import_module(PACKAGE)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{PACKAGE}."):
            importlib.import_module(info.name)
        yield package
    finally:
        sys.path.remove(str(sdk_dir.parent))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def test_generated_client_type_checks(sdk_dir: Path) -> None:
    """The generated code type-checks (strict, except redundant casts the generator's templates emit for
    `list[Any]` properties such as `ModelConfig.tools`)."""
    result = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--no-warn-redundant-casts",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
            "--python-version",
            "3.11",
            PACKAGE,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=sdk_dir.parent,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


def test_whole_flow_through_the_generated_client(sdk: ModuleType, live_server: LiveServer) -> None:
    """Register and log in, create a workspace, an API key and a prompt, generate, save the result as a
    version, move the production label, resolve: every call through the generated, typed client."""
    m = importlib.import_module(f"{PACKAGE}.models")
    api = f"{PACKAGE}.api"

    def op(tag: str, name: str) -> Any:
        return importlib.import_module(f"{api}.{tag}.{name}")

    client_mod = importlib.import_module(f"{PACKAGE}.client")
    base = live_server.base_url
    run = uuid.uuid4().hex[:8]
    email = f"sdk-{run}@example.com"

    # Health, anonymously.
    anonymous = client_mod.Client(base_url=base)
    live = op("system", "health_live").sync_detailed(client=anonymous)
    assert live.status_code == 200
    assert isinstance(live.parsed, m.Health)

    # Register (a session cookie and the CSRF token), then log in again with a fresh client.
    registered = op("auth", "auth_register").sync_detailed(
        client=anonymous, body=m.RegisterRequest(email=email, password=PASSWORD, display_name="SDK user")
    )
    assert registered.status_code == 201, registered.content
    assert isinstance(registered.parsed, m.SessionOut)
    assert registered.parsed.user.email == email

    fresh = client_mod.Client(base_url=base)
    logged_in = op("auth", "auth_login").sync_detailed(
        client=fresh, body=m.LoginRequest(email=email, password=PASSWORD)
    )
    assert logged_in.status_code == 200, logged_in.content
    assert isinstance(logged_in.parsed, m.SessionOut)
    session_id = fresh.get_httpx_client().cookies.get("promptsmith_session")
    assert session_id
    user = client_mod.Client(
        base_url=base,
        cookies={"promptsmith_session": session_id},
        headers={"X-CSRF-Token": logged_in.parsed.csrf_token},
    )
    me = op("auth", "auth_me").sync_detailed(client=user)
    assert isinstance(me.parsed, m.Me)
    assert me.parsed.type_ == "user"

    # A workspace and an admin API key (session-only operations).
    slug = f"sdk-{run}"
    workspace = op("workspaces", "create_workspace").sync_detailed(
        client=user, body=m.WorkspaceCreate(name="SDK workspace", slug=slug)
    )
    assert workspace.status_code == 201, workspace.content
    assert isinstance(workspace.parsed, m.WorkspaceOut)
    assert workspace.parsed.slug == slug
    key = op("api_keys", "create_api_key").sync_detailed(
        workspace=slug, client=user, body=m.ApiKeyCreate(name="sdk", scopes=[m.Scope.ADMIN])
    )
    assert key.status_code == 201, key.content
    assert isinstance(key.parsed, m.ApiKeyCreated)

    # Everything else with the API key (Authorization: Bearer).
    bot = client_mod.AuthenticatedClient(base_url=base, token=key.parsed.key)
    name = "support/shoe-store"  # a folder name: the client must send the slash encoded (%2F)
    prompt = op("prompts", "create_prompt").sync_detailed(
        workspace=slug, client=bot, body=m.PromptCreate(name=name, description="Made by the SDK test")
    )
    assert prompt.status_code == 201, prompt.content
    assert isinstance(prompt.parsed, m.PromptOut)
    assert prompt.parsed.name == name

    generated = op("generation", "generate_prompt").sync_detailed(client=bot, body=m.GenerateRequest(task=BRIEF))
    assert generated.status_code == 200, generated.content
    assert isinstance(generated.parsed, m.GenerateResponse)
    text = generated.parsed.prompt
    assert text.strip()

    # Save it: the service generates from the same brief (deterministic engine) and stores the version.
    saved = op("generation", "save_generation").sync_detailed(
        workspace=slug,
        client=bot,
        body=m.SaveGenerationRequest(
            brief=m.BoundedBrief(task=BRIEF), prompt_name=name, commit_message="From the SDK", labels=["staging"]
        ),
    )
    assert saved.status_code == 201, saved.content
    assert isinstance(saved.parsed, m.SaveGenerationResponse)
    assert saved.parsed.saved.created is False  # the prompt existed: this is its next version
    assert "staging" in saved.parsed.saved.labels
    assert saved.parsed.generation.prompt == text

    got = op("prompt_versions", "get_prompt_version").sync_detailed(
        workspace=slug, name=name, version=saved.parsed.saved.version, client=bot
    )
    assert got.status_code == 200, got.content
    version = got.parsed
    assert isinstance(version, m.VersionOut)
    assert version.version == 1
    assert version.text == text
    assert version.source == "generated"

    moved = op("prompt_labels", "set_prompt_label").sync_detailed(
        workspace=slug, name=name, label="production", client=bot, body=m.LabelSet(version=version.version)
    )
    assert moved.status_code == 200, moved.content
    assert isinstance(moved.parsed, m.LabelOut)
    assert moved.parsed.version == version.version

    resolved = op("prompt_runtime", "resolve_prompt").sync_detailed(
        workspace=slug, name=name, client=bot, label="production"
    )
    assert resolved.status_code == 200, resolved.content
    assert isinstance(resolved.parsed, m.ResolvedPrompt)
    assert resolved.parsed.version == version.version
    assert resolved.parsed.text == text
    assert resolved.headers.get("etag")

    # The ETag round trip: If-None-Match gives 304 and no body.
    not_modified = op("prompt_runtime", "resolve_prompt").sync_detailed(
        workspace=slug, name=name, client=bot, label="production", if_none_match=resolved.headers["etag"]
    )
    assert not_modified.status_code == 304
    assert not not_modified.content

    # Errors come back typed as problem details.
    missing = op("prompt_runtime", "resolve_prompt").sync_detailed(workspace=slug, name="does-not-exist", client=bot)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, m.ProblemDetails)
    assert missing.parsed.status == 404

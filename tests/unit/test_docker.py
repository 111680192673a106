"""The container files, checked statically (no Docker engine here): stages, user, health checks, wiring."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import make_url

from app.config.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "docker" / "Dockerfile"
COMPOSE = ROOT / "docker" / "compose.yaml"
DOCKERIGNORE = ROOT / ".dockerignore"


# ---------------------------------------------------------------- Dockerfile


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments and parser directives dropped."""
    logical: list[str] = []
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    if current:
        logical.append(current)
    pairs = []
    for line in logical:
        keyword, _, args = line.partition(" ")
        pairs.append((keyword.upper(), args.strip()))
    return pairs


def _stages(instructions: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for keyword, args in instructions:
        if keyword == "FROM":
            stages.append([])
        if stages:
            stages[-1].append((keyword, args))
    return stages


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return _instructions(DOCKERFILE.read_text())


@pytest.fixture(scope="module")
def final_stage(dockerfile) -> list[tuple[str, str]]:
    return _stages(dockerfile)[-1]


def _args(stage: list[tuple[str, str]], keyword: str) -> list[str]:
    return [args for kw, args in stage if kw == keyword]


def test_multi_stage(dockerfile):
    froms = [args for kw, args in dockerfile if kw == "FROM"]
    assert len(froms) >= 2
    names = [m.group(1) for f in froms if (m := re.search(r"\bAS\s+(\S+)", f, re.IGNORECASE))]
    assert len(names) == len(froms), "every stage is named"
    final = _stages(dockerfile)[-1]
    copied_from = [re.search(r"--from=(\S+)", a).group(1) for a in _args(final, "COPY") if "--from=" in a]
    assert copied_from, "the runtime stage copies the built environment from a build stage"
    assert set(copied_from) <= set(names[:-1])


def test_uv_from_official_image_and_frozen_sync(dockerfile):
    froms = " ".join(args for kw, args in dockerfile if kw == "FROM")
    runs = " ".join(args for kw, args in dockerfile if kw == "RUN")
    assert "ghcr.io/astral-sh/uv" in froms
    assert re.search(r"uv sync (?=.*--frozen)(?=.*--no-dev)", runs)
    assert "pip install" not in runs


def test_runtime_stage_has_no_uv_or_build_tools(final_stage):
    text = " ".join(args for _, args in final_stage)
    assert "astral-sh/uv" not in text
    assert "apt-get install" not in text


def test_non_root_user(final_stage):
    users = _args(final_stage, "USER")
    assert users, "the runtime stage sets USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    # The user is created in the image, with a non-zero uid.
    runs = " ".join(_args(final_stage, "RUN"))
    assert "useradd" in runs
    assert user in runs
    uid = re.search(r"--uid\s+(\d+)", runs)
    assert uid
    assert int(uid.group(1)) != 0


def test_healthcheck_probes_live_with_python(final_stage):
    checks = _args(final_stage, "HEALTHCHECK")
    assert len(checks) == 1
    check = checks[0]
    assert "curl" not in check
    assert "wget" not in check
    cmd = json.loads(check[check.index("CMD") + 3 :].strip())  # exec form: no shell needed
    assert cmd[:2] == ["python", "-c"]
    assert "/health/live" in cmd[2]
    assert "127.0.0.1:8000" not in cmd[2], "the probe follows SERVER_PORT instead of a hard-coded port"
    compile(cmd[2], "<healthcheck>", "exec")  # the one-liner is valid Python
    assert re.search(r"--timeout=\d+s", check)


@pytest.mark.parametrize("port", ["8000", "9123"])
def test_healthcheck_probes_the_configured_port(final_stage, port, monkeypatch):
    """Run the probe's own code with urlopen captured: it must ask SERVER_PORT, whatever it is set to."""
    import urllib.request

    check = _args(final_stage, "HEALTHCHECK")[0]
    code = json.loads(check[check.index("CMD") + 3 :].strip())[2]
    asked: list[str] = []

    class _Answer:
        status = 200

    def fake_urlopen(url: str, timeout: float) -> _Answer:
        asked.append(url)
        return _Answer()

    monkeypatch.setenv("SERVER_PORT", port)
    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    with pytest.raises(SystemExit) as exit_:
        exec(compile(code, "<healthcheck>", "exec"), {})  # noqa: S102 - the image's own probe, from the repo
    assert exit_.value.code == 0
    assert asked == [f"http://127.0.0.1:{port}/health/live"]


def test_cmd_serves_on_all_interfaces(final_stage):
    cmds = _args(final_stage, "CMD")
    assert json.loads(cmds[-1]) == ["python", "-m", "app", "serve", "--host", "0.0.0.0"]
    assert "8000" in " ".join(_args(final_stage, "EXPOSE"))


def _dockerignore_patterns() -> list[str]:
    return [p.strip() for p in DOCKERIGNORE.read_text().splitlines() if p.strip() and not p.startswith("#")]


def _ignored(path: str) -> bool:
    ignored = False
    for pattern in _dockerignore_patterns():
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        hit = fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.removeprefix("**/"))
        hit = hit or path.startswith(pattern + "/")
        if hit:
            ignored = not negate
    return ignored


def test_copied_sources_exist_and_are_not_ignored(dockerfile):
    for args in (a for kw, a in dockerfile if kw == "COPY" and "--from=" not in a):
        sources = [s for s in shlex.split(args) if not s.startswith("--")][:-1]
        for source in sources:
            assert (ROOT / source).exists(), source
            assert not _ignored(source), f"{source} is copied but excluded by .dockerignore"
    # The bind-mounted lock files of the dependency layer too.
    for args in (a for kw, a in dockerfile if kw == "RUN" and "type=bind" in a):
        for source in re.findall(r"type=bind,source=([^,\s]+)", args):
            assert (ROOT / source).exists()
            assert not _ignored(source)


@pytest.mark.parametrize("path", [".git", ".venv", ".env", "var", "tests", "app/__pycache__"])
def test_dockerignore_keeps_secrets_and_junk_out(path):
    assert _ignored(path)


# ---------------------------------------------------------------- compose.yaml


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


_VARIABLE = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::?([-?])([^}]*))?\}")


def _interpolate(value: str, environ: dict[str, str]) -> str:
    """Compose-style `${VAR}`, `${VAR:-default}`, `${VAR:?error}` substitution."""

    def replace(match: re.Match[str]) -> str:
        name, op, arg = match.groups()
        if environ.get(name):
            return environ[name]
        if op == "-":
            return arg
        raise AssertionError(f"{name} is required: {arg}")

    return _VARIABLE.sub(replace, value)


def _env(service: dict[str, Any], environ: dict[str, str]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: _interpolate(str(v), environ) for k, v in env.items()}


def test_services(compose):
    assert {"postgres", "redis", "migrate", "app"} <= compose["services"].keys()


def test_postgres_and_redis_health_checks(compose):
    postgres = compose["services"]["postgres"]["healthcheck"]["test"]
    redis = compose["services"]["redis"]["healthcheck"]["test"]
    assert "pg_isready" in " ".join(postgres)
    assert "redis-cli ping" in " ".join(redis)


def test_migrate_is_one_shot_upgrade(compose):
    migrate = compose["services"]["migrate"]
    command = migrate["command"]
    if isinstance(command, str):
        command = shlex.split(command)
    assert command == ["python", "-m", "app", "database", "upgrade", "--no-prompt"]
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert migrate.get("restart", "no") == "no"


def test_app_waits_for_healthy_stores_and_completed_migration(compose):
    depends = compose["services"]["app"]["depends_on"]
    assert depends["postgres"]["condition"] == "service_healthy"
    assert depends["redis"]["condition"] == "service_healthy"
    assert depends["migrate"]["condition"] == "service_completed_successfully"


def test_app_and_migrate_run_the_same_image(compose):
    app, migrate = compose["services"]["app"], compose["services"]["migrate"]
    assert app["image"] == migrate["image"]
    for service in (app, migrate):
        assert (ROOT / "docker" / service["build"]["context"] / service["build"]["dockerfile"]).resolve() == DOCKERFILE


def test_environment_wiring(compose):
    services = compose["services"]
    environ = {"SECRET_KEY": "k" * 48}
    app_env = _env(services["app"], environ)
    migrate_env = _env(services["migrate"], environ)
    postgres_env = _env(services["postgres"], environ)

    assert app_env["ENVIRONMENT"] == "production"
    assert app_env["SECRET_KEY"] == environ["SECRET_KEY"]
    url = make_url(app_env["DATABASE_URL"])
    assert url.drivername == "postgresql+asyncpg"
    assert url.host == "postgres"
    assert (url.port or 5432) == 5432
    assert url.username == postgres_env["POSTGRES_USER"]
    assert url.password == postgres_env["POSTGRES_PASSWORD"]
    assert url.database == postgres_env["POSTGRES_DB"]
    redis_url = make_url(app_env["REDIS_URL"].replace("redis://", "redis+x://", 1))
    assert redis_url.host == "redis"
    # Redis runs with a password, and the app's URL carries the same one (one variable feeds both).
    redis = services["redis"]
    redis_env = _env(redis, environ)
    command = [_interpolate(str(part), environ) for part in redis["command"]]
    assert command[command.index("--requirepass") + 1] == redis_env["REDIS_PASSWORD"] == redis_url.password
    assert redis_url.password
    rotated = {**environ, "REDIS_PASSWORD": "rotated-pw"}
    assert make_url(_env(services["app"], rotated)["REDIS_URL"].replace("redis://", "x://", 1)).password == "rotated-pw"
    assert "REDIS_PASSWORD" in " ".join(redis["healthcheck"]["test"]), "the health check authenticates"
    # migrate must target the very same database with the same settings.
    for key in ("DATABASE_URL", "ENVIRONMENT", "SECRET_KEY", "REDIS_URL"):
        assert migrate_env[key] == app_env[key], key
    # A changed password reaches both sides.
    changed = {**environ, "POSTGRES_PASSWORD": "other-pw"}
    assert make_url(_env(services["app"], changed)["DATABASE_URL"]).password == "other-pw"
    assert _env(services["postgres"], changed)["POSTGRES_PASSWORD"] == "other-pw"
    # And the whole environment is valid configuration for the app.
    settings = load_settings(app_env, env_file=None)
    assert not settings.is_development
    assert not settings.should_auto_migrate  # the migrate service owns migrations


def test_secret_key_is_required(compose):
    with pytest.raises(AssertionError, match="SECRET_KEY"):
        _env(compose["services"]["app"], {})


def test_app_port_and_graceful_stop(compose):
    app = compose["services"]["app"]
    assert any(str(p).endswith(":8000") for p in app["ports"])
    # Published on loopback unless the operator opts in to another interface.
    published = [_interpolate(str(p), {}) for p in app["ports"]]
    assert published == ["127.0.0.1:8000:8000"]
    assert [_interpolate(str(p), {"PROMPTSMITH_BIND": "0.0.0.0"}) for p in app["ports"]] == ["0.0.0.0:8000:8000"]
    assert all("redis" not in str(service.get("ports", "")) for service in compose["services"].values())
    grace = int(str(app["stop_grace_period"]).rstrip("s"))
    assert grace > 13  # longer than the default SHUTDOWN_DRAIN + SHUTDOWN_TIMEOUT

"""Settings: every bad value stops the process with one line naming the variable, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.config.settings import DEFAULT_DATABASE_URL, Settings, SettingsError, load_settings

SECRET = "s" * 40

# (variable, value, words the one-line message must contain besides the variable name)
BAD_VALUES: list[tuple[str, str, tuple[str, ...]]] = [
    ("DATABASE_URL", "not a url", ("parse",)),
    ("DATABASE_URL", "postgresql+asyncpg://u@localhost:notaport/db", ("parse",)),
    ("DATABASE_URL", "mysql://u@localhost/db", ("unsupported",)),
    ("DATABASE_URL", "postgresql://u@localhost/db", ("asyncpg",)),
    ("DB_POOL_SIZE", "-1", (">= 1",)),
    ("DB_POOL_SIZE", "ten", ("int",)),
    ("DB_POOL_TIMEOUT", "0", ("> 0",)),
    ("LOG_FORMAT", "xml", ("xml",)),
    ("LOG_LEVEL", "verbose", ("verbose",)),
    ("DB_PRE_PING", "maybe", ("bool",)),
    ("AUTO_MIGRATE", "perhaps", ("bool",)),
    ("REDIS_URL", "http://localhost:6379", ("redis://",)),
    ("REDIS_URL", "redis://localhost:notaport/0", ("parse",)),
    ("SERVER_PORT", "70000", ("65535",)),
    ("ENVIRONMENT", "staging", ("staging",)),
]


def _check_line(message: str, variable: str, words: tuple[str, ...]) -> None:
    assert "\n" not in message.strip(), message
    assert variable in message, message
    for word in words:
        assert word in message, message
    assert "Traceback" not in message


# ---------------------------------------------------------------- load_settings


def test_defaults_need_no_configuration():
    settings = load_settings({}, env_file=None)
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.is_sqlite
    assert settings.should_auto_migrate
    assert settings.redis_url is None
    assert settings.environment == "development"


@pytest.mark.parametrize(("variable", "value", "words"), BAD_VALUES)
def test_bad_value_names_the_variable(variable, value, words):
    with pytest.raises(SettingsError) as info:
        load_settings({variable: value}, env_file=None)
    _check_line(str(info.value), variable, words)
    # `raise ... from None`: no chained internals for the operator to wade through.
    assert info.value.__cause__ is None
    assert info.value.__context__ is None or info.value.__suppress_context__


@pytest.mark.parametrize("environment", ["production", "test"])
def test_secret_key_required_outside_development(environment):
    with pytest.raises(SettingsError) as info:
        load_settings({"ENVIRONMENT": environment}, env_file=None)
    _check_line(str(info.value), "SECRET_KEY", (environment,))


def test_short_secret_key_refused_in_production():
    with pytest.raises(SettingsError) as info:
        load_settings({"ENVIRONMENT": "production", "SECRET_KEY": "short"}, env_file=None)
    _check_line(str(info.value), "SECRET_KEY", ("32",))


def test_production_with_secret_key_loads():
    settings = load_settings({"ENVIRONMENT": "production", "SECRET_KEY": SECRET}, env_file=None)
    assert not settings.is_development
    assert settings.cookie_secure
    assert settings.effective_secret_key == SECRET


def test_redis_bound_must_fit_max_block():
    with pytest.raises(SettingsError) as info:
        load_settings({"REDIS_SOCKET_TIMEOUT": "1", "REDIS_RETRIES": "2", "REDIS_MAX_BLOCK": "1.5"}, env_file=None)
    _check_line(str(info.value), "REDIS_SOCKET_TIMEOUT", ("REDIS_MAX_BLOCK",))


def test_values_are_parsed_and_case_insensitive():
    settings = load_settings(
        {
            "database_url": "postgresql+asyncpg://u:p@db:5432/app",
            "DB_POOL_SIZE": " 3 ",
            "DB_PRE_PING": "false",
            "AUTO_MIGRATE": "true",
            "REDIS_URL": "redis://cache:6379/2",
            "CORS_ORIGINS": "https://a.example, https://b.example,",
            "LOG_LEVEL": "WARNING",
        },
        env_file=None,
    )
    assert settings.db_pool_size == 3
    assert settings.db_pre_ping is False
    assert settings.should_auto_migrate is True
    assert settings.redis_url == "redis://cache:6379/2"
    assert settings.cors_origin_list == ["https://a.example", "https://b.example"]
    assert settings.log_level == "WARNING"


def test_empty_values_fall_back_to_defaults():
    settings = load_settings({"DB_POOL_SIZE": "", "REDIS_URL": "  "}, env_file=None)
    assert settings.db_pool_size == Settings().db_pool_size
    assert settings.redis_url is None


def test_env_file_is_read_and_environment_wins(tmp_path: Path):
    env_file = tmp_path / ".env"
    env_file.write_text("DB_POOL_SIZE=4\nLOG_LEVEL=ERROR\n")
    settings = load_settings({"LOG_LEVEL": "DEBUG"}, env_file=env_file)
    assert settings.db_pool_size == 4
    assert settings.log_level == "DEBUG"


def test_bad_value_in_env_file_is_reported(tmp_path: Path):
    env_file = tmp_path / ".env"
    env_file.write_text("DB_MAX_OVERFLOW=-5\n")
    with pytest.raises(SettingsError) as info:
        load_settings({}, env_file=env_file)
    _check_line(str(info.value), "DB_MAX_OVERFLOW", (">= 0",))


def test_unrelated_variables_are_ignored():
    settings = load_settings({"PATH": "/bin", "UNKNOWN_SETTING": "x"}, env_file=None)
    assert settings.environment == "development"


# ---------------------------------------------------------------- as a process

# The list: unparseable DATABASE_URL, negative pool size, unknown log format, non-boolean flag,
# bad REDIS_URL, and no SECRET_KEY in production. (Each is a fresh interpreter: about a second of CPU.)
PROCESS_CASES: list[tuple[str, dict[str, str], str]] = [
    ("unparseable DATABASE_URL", {"DATABASE_URL": "postgresql+asyncpg://u@db:port/x"}, "DATABASE_URL"),
    ("negative pool size", {"DB_POOL_SIZE": "-3"}, "DB_POOL_SIZE"),
    ("unknown log format", {"LOG_FORMAT": "xml"}, "LOG_FORMAT"),
    ("non-boolean flag", {"DB_PRE_PING": "maybe"}, "DB_PRE_PING"),
    ("bad REDIS_URL", {"REDIS_URL": "localhost:6379"}, "REDIS_URL"),
    ("production without SECRET_KEY", {"ENVIRONMENT": "production"}, "SECRET_KEY"),
]


def _run_serve(cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "app", "serve", "--port", "0"],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        # Still running after a minute: it started instead of refusing the configuration.
        return subprocess.CompletedProcess(exc.cmd, 0, "", "<timed out: the server started>")


@pytest.fixture(scope="module")
def process_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """`python -m app serve` once per case, three at a time, from a directory without a .env file."""
    cwd = tmp_path_factory.mktemp("settings-cli")
    base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {name: pool.submit(_run_serve, cwd, {**base, **env}) for name, env, _ in PROCESS_CASES}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "variable"), [(name, var) for name, _, var in PROCESS_CASES])
def test_serve_refuses_bad_configuration(process_results, name, variable):
    result = process_results[name]
    assert result.returncode != 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- case, choices and unknown variables


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [("LOG_LEVEL", "info", "INFO"), ("LOG_LEVEL", "Debug", "DEBUG"), ("LOG_FORMAT", "JSON", "json"),
     ("ENVIRONMENT", "Development", "development"), ("LLM_PROVIDER", "NONE", "none")],
)  # fmt: skip
def test_closed_choices_accept_any_case(variable, value, expected):
    settings = load_settings({variable: value}, env_file=None)
    assert getattr(settings, variable.lower()) == expected


def test_a_bad_choice_lists_the_allowed_values():
    with pytest.raises(SettingsError) as info:
        load_settings({"LOG_LEVEL": "verbose"}, env_file=None)
    _check_line(str(info.value), "LOG_LEVEL", ("verbose", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))


def test_unknown_variables_with_our_prefixes_get_a_close_match():
    from app.config.settings import unknown_variable_warnings

    lines = unknown_variable_warnings(
        {"DB_POOLSIZE": "5", "REDIS_TIMEOUT": "1", "REDIS_CLUSTER_NODES": "a,b", "LOG_LEVL": "info", "PATH": "/bin",
         "HOME": "/root", "DB_POOL_SIZE": "5", "PROMPTSMITH_API_KEY": "psk_x", "MAX_JOBS": "4", "REDIS_PASSWORD": "pw"}
    )  # fmt: skip
    assert lines == [
        "DB_POOLSIZE: not a Promptsmith setting, ignored; did you mean DB_POOL_SIZE?",
        "LOG_LEVL: not a Promptsmith setting, ignored; did you mean LOG_LEVEL?",
        "REDIS_CLUSTER_NODES: not a Promptsmith setting, ignored",
        "REDIS_TIMEOUT: not a Promptsmith setting, ignored; did you mean REDIS_SOCKET_TIMEOUT?",
    ]


def test_the_served_process_warns_about_a_misspelt_setting(tmp_path):
    env = {**os.environ, "DB_POOLSIZE": "5", "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db"}
    code = "from app.config.settings import get_settings; print(get_settings().db_pool_size)"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "20"  # the default: DB_POOLSIZE=5 is ignored, as the warning says
    assert "DB_POOLSIZE: not a Promptsmith setting, ignored; did you mean DB_POOL_SIZE?" in done.stderr


def test_several_workers_need_redis():
    with pytest.raises(SettingsError) as info:
        load_settings({"SERVER_WORKERS": "2"}, env_file=None)
    _check_line(str(info.value), "SERVER_WORKERS", ("REDIS_URL",))
    assert load_settings({"SERVER_WORKERS": "2", "REDIS_URL": "redis://localhost:6379/0"}, env_file=None)

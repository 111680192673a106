"""Typed settings, read once from the environment and an optional `.env` file.

Every variable is prefixed with nothing (`DATABASE_URL`, `REDIS_URL`, ...) so the names match what
container platforms and twelve-factor tooling expect. A bad value stops the process with one line that
names the variable (see `SettingsError`), never with a traceback.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_type_hints
from urllib.parse import urlsplit

import msgspec
from dotenv import dotenv_values
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

Environment = Literal["development", "test", "production"]
LogFormat = Literal["auto", "json", "console"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LLMProvider = Literal["none", "openai", "anthropic"]
WebhookWorker = Literal["auto", "in-process", "external"]
MetricsMode = Literal["off", "open", "token"]

NonNegInt = Annotated[int, msgspec.Meta(ge=0)]
PosInt = Annotated[int, msgspec.Meta(ge=1)]
PosFloat = Annotated[float, msgspec.Meta(gt=0)]
NonNegFloat = Annotated[float, msgspec.Meta(ge=0)]

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./var/promptsmith.db"
_DEV_SECRET = "dev-insecure-secret-key-change-me-0123456789"  # noqa: S105 - development only, refused elsewhere


class SettingsError(Exception):
    """A setting is missing or invalid. `str(err)` is the one line shown to the operator."""


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """All runtime configuration. Field names are the lower-cased environment variable names."""

    environment: Environment = "development"
    secret_key: str | None = None

    # Database
    database_url: str = DEFAULT_DATABASE_URL
    # The same ceiling of 20 connections per worker as 10 + 10 overflow, all kept open: under load SQLAlchemy closes
    # an overflow connection at every check-in, so each request beyond ten in flight paid a new connection.
    db_pool_size: PosInt = 20
    db_max_overflow: NonNegInt = 0
    db_pool_timeout: PosFloat = 5.0
    db_pool_recycle: PosInt = 1800
    db_pre_ping: bool = True
    db_ping_idle_after: NonNegFloat = 2.0
    """With DB_PRE_PING: a read that bounds its own query (the uncached resolve) skips the ping of a pooled
    connection used less than this many seconds ago (and whose last use did not fail); 0 always pings. Request
    sessions always ping. A connection the server closed is replaced without a ping either way."""
    db_statement_timeout: PosFloat = 5.0
    """Upper bound (seconds) of one SQL statement of the service: PostgreSQL cancels it (`statement_timeout`), and
    the driver gives up one second later when the server itself stopped answering. Either way the request gets
    a 503 with Retry-After instead of holding a pooled connection."""
    db_migration_statement_timeout: PosFloat = 600.0
    """The same bound for migrations, whose DDL on a large table may legitimately take minutes."""
    db_echo: bool = False
    db_connect_retries: NonNegInt = 10
    db_connect_retry_delay: NonNegFloat = 0.5
    auto_migrate: bool | None = None
    """Apply migrations at start. Defaults to on for SQLite (the embedded default), off otherwise."""

    # Redis
    redis_url: str | None = None
    redis_namespace: str = "promptsmith"
    redis_socket_timeout: PosFloat = 0.25
    redis_retries: NonNegInt = 1
    redis_max_block: PosFloat = 1.0
    """Upper bound (seconds) a dead Redis may delay one request, retries included."""

    # HTTP
    server_host: str = "127.0.0.1"
    server_port: Annotated[int, msgspec.Meta(ge=0, le=65535)] = 8000
    server_workers: PosInt = 1
    trusted_proxies: Annotated[str, msgspec.Meta(max_length=4000)] = ""
    """Comma-separated addresses or networks of the reverse proxies whose `X-Forwarded-For`/`-Proto` are
    believed (uvicorn's `forwarded_allow_ips`; `*` trusts any peer). Empty: the headers are ignored and the
    client address is the TCP peer, so no client can pick the address the login throttle counts."""
    shutdown_timeout: PosFloat = 10.0
    shutdown_drain: NonNegFloat = 3.0
    """Seconds to keep serving after SIGTERM (readiness 503, `Connection: close`) before stopping to accept."""
    cors_origins: str = ""
    gzip_min_size: NonNegInt = 1024
    max_body_size: PosInt = 1_048_576
    health_timeout: PosFloat = 1.0

    # Logging
    log_level: LogLevel = "INFO"
    log_format: LogFormat = "auto"

    # Sessions and auth
    session_max_age: PosInt = 14 * 24 * 3600
    session_idle_timeout: PosInt = 8 * 3600
    session_cookie_secure: bool | None = None
    """Defaults to on outside development."""
    login_max_failures_per_account: PosInt = 5
    """Failed logins allowed per (account, client address) pair in the window; other addresses are unaffected."""
    login_max_failures_per_address: PosInt = 20
    login_failure_window: PosInt = 900
    rate_limit_api_key_per_minute: NonNegInt = 6000
    rate_limit_user_per_minute: NonNegInt = 1200

    # Observability (tracing is configured with the standard OTEL_* variables, see app/lib/tracing.py)
    metrics: MetricsMode = "off"
    """`GET /metrics` (Prometheus text format): `off` (404, and no request is measured), `open` (anyone who can
    reach it; keep it on an internal network) or `token` (`Authorization: Bearer <METRICS_TOKEN>`)."""
    metrics_token: Annotated[str, msgspec.Meta(max_length=512)] | None = None
    """The bearer token of `METRICS=token` (at least 16 characters), compared in constant time."""

    # Prompt registry
    resolve_cache_ttl: PosInt = 300
    resolve_cache_enabled: bool = True
    resolve_local_ttl: PosFloat = 1.0
    """Seconds a resolve answer lives in the in-process cache (writes also drop it on every instance)."""
    resolve_stale_ttl: PosInt = 86400
    """Seconds the last known good resolve answer is kept, served only while the database is unreachable."""
    list_cache_ttl: NonNegFloat = 1.0
    """Seconds a page of the prompt list lives in the in-process cache at most (every registry write drops the
    workspace's pages on every instance at once); 0 turns the cache off."""

    # MCP server (`/mcp` over streamable HTTP, `python -m app mcp` over stdio; app/domain/mcp)
    mcp_enabled: bool = True
    """Mount the MCP endpoint at `/mcp` (stdio works either way)."""
    mcp_allowed_hosts: Annotated[str, msgspec.Meta(max_length=4000)] = "127.0.0.1:*,localhost:*,[::1]:*"
    """Comma-separated `Host` values the MCP endpoint answers (the SDK's DNS-rebinding protection; `name:*` allows
    any port). Any other Host gets 421. Add the public host name the endpoint is reached by."""
    mcp_allowed_origins: Annotated[str, msgspec.Meta(max_length=4000)] = (
        "http://127.0.0.1:*,http://localhost:*,http://[::1]:*"
    )
    """Comma-separated `Origin` values allowed on MCP requests that carry one (browsers); others get 403."""
    mcp_max_body_size: PosInt = 1_048_576
    """Largest MCP request body in bytes (the SDK answers 413 above it)."""
    mcp_prompt_label: Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9._-]*$")] = (
        "production"
    )
    """The label whose prompts `prompts/list` serves when the client does not choose one (`/mcp?label=staging`)."""
    mcp_max_subscriptions: PosInt = 1000
    """Open `subscriptions/listen` streams (prompt list-changed notifications) allowed per process."""

    # Optional LLM refinement
    llm_provider: LLMProvider = "none"
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_model: str | None = None
    llm_timeout: PosFloat = 20.0
    """Seconds one call to the provider may take (connect, send, wait and read the whole answer)."""
    llm_max_retries: NonNegInt = 2
    """Extra attempts after a connection error, 429 or 5xx. A timed-out call is not retried."""
    llm_retry_backoff: NonNegFloat = 0.5
    """First retry delay in seconds; doubles per attempt (with jitter), capped at 8 s; Retry-After wins."""
    llm_max_output_tokens: PosInt = 4096
    llm_cache_ttl: PosInt = 86400
    """Seconds a refined prompt stays cached (key: brief hash, engine, provider and model)."""

    # Webhooks
    webhook_worker: WebhookWorker = "auto"
    """Where deliveries run: `in-process` (inside the API, the embedded default), `external` (`python -m app
    worker`, needs REDIS_URL) or `auto` (external when REDIS_URL is set, else in-process)."""
    webhook_allow_private_targets: bool = False
    """Let webhook URLs reach loopback and private addresses (never link-local, multicast or unspecified ones)."""
    webhook_timeout: PosFloat = 5.0
    """Seconds one delivery attempt may take: resolve, connect, send and read the (bounded) answer."""
    webhook_max_attempts: PosInt = 8
    webhook_retry_base: PosFloat = 2.0
    """First retry delay in seconds; doubles per attempt, with jitter, up to WEBHOOK_RETRY_MAX."""
    webhook_retry_max: PosFloat = 600.0
    webhook_disable_after: PosInt = 20
    """A subscription is disabled after this many consecutive failed attempts."""
    webhook_poll_interval: PosFloat = 0.5
    """Seconds between two looks of the relay at the outbox (a local commit also wakes it at once)."""

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def should_auto_migrate(self) -> bool:
        return self.is_sqlite if self.auto_migrate is None else self.auto_migrate

    @property
    def cookie_secure(self) -> bool:
        if self.session_cookie_secure is not None:
            return self.session_cookie_secure
        return not self.is_development

    @property
    def webhooks_in_process(self) -> bool:
        """Deliveries run inside the API process (no separate worker)."""
        if self.webhook_worker == "auto":
            return self.redis_url is None
        return self.webhook_worker == "in-process"

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def effective_secret_key(self) -> str:
        return self.secret_key or _DEV_SECRET

    @property
    def mcp_allowed_host_list(self) -> list[str]:
        return [host.strip() for host in self.mcp_allowed_hosts.split(",") if host.strip()]

    @property
    def mcp_allowed_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.mcp_allowed_origins.split(",") if origin.strip()]


_FIELD_NAMES = frozenset(Settings.__struct_fields__)


def _choices(annotation: Any) -> tuple[str, ...]:
    """The allowed values of a Literal-typed setting (unwrapping `X | None`), or () for any other type."""
    args = get_args(annotation)
    if args and all(isinstance(arg, str) for arg in args):
        return tuple(args)
    for arg in args:
        nested = _choices(arg)
        if nested:
            return nested
    return ()


_CHOICES: dict[str, tuple[str, ...]] = {
    name: choices for name, annotation in get_type_hints(Settings).items() if (choices := _choices(annotation))
}
"""Settings with a closed set of values: matched case-insensitively (`LOG_LEVEL=info` is INFO)."""

_OWN_PREFIXES = (
    "DB_",
    "REDIS_",
    "SERVER_",
    "SESSION_",
    "LOGIN_",
    "RATE_LIMIT_",
    "RESOLVE_",
    "LLM_",
    "SHUTDOWN_",
    "MCP_",
    "WEBHOOK_",
    "METRICS_",
)
"""Prefixes only our settings use: an unknown variable with one of them is almost surely a typo."""
_SHARED_PREFIXES = tuple(sorted({name.split("_", 1)[0].upper() + "_" for name in _FIELD_NAMES if "_" in name}))
"""Prefixes other software uses too (LOG_, MAX_, DATABASE_): warn only when a setting is a close match."""
_CLIENT_VARIABLES = frozenset({"PROMPTSMITH_URL", "PROMPTSMITH_API_KEY", "REDIS_PASSWORD"})
"""Variables with one of our prefixes that belong to something else (the CLI client, compose's Redis service)."""


def _canonical_choice(name: str, value: str) -> str:
    for choice in _CHOICES.get(name, ()):
        if choice.lower() == value.lower():
            return choice
    return value


def _coerce(raw: Mapping[str, str | None]) -> dict[str, Any]:
    """Pick our variables (case-insensitively) and drop empty values so defaults apply."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.lower()
        if name in _FIELD_NAMES and value is not None and value.strip() != "":
            values[name] = _canonical_choice(name, value.strip())
    return values


def unknown_variable_warnings(environ: Mapping[str, str | None]) -> list[str]:
    """One line per variable that looks like ours (a known prefix) but names no setting, with the close match.

    `DB_POOLSIZE=5` used to be ignored in silence, leaving the operator with the default they meant to change.
    """
    known = sorted(name.upper() for name in _FIELD_NAMES)
    lines: list[str] = []
    for key in sorted(environ):
        upper = key.upper()
        if upper.lower() in _FIELD_NAMES or upper in _CLIENT_VARIABLES or not upper.startswith(_SHARED_PREFIXES):
            continue
        match = difflib.get_close_matches(upper, known, n=1, cutoff=0.75)
        if match:
            lines.append(f"{key}: not a Promptsmith setting, ignored; did you mean {match[0]}?")
        elif upper.startswith(_OWN_PREFIXES):
            lines.append(f"{key}: not a Promptsmith setting, ignored")
    return lines


def _validate(settings: Settings) -> None:
    try:
        url = make_url(settings.database_url)
    except (ArgumentError, ValueError):
        raise SettingsError(
            "DATABASE_URL: cannot parse the URL (expected e.g. postgresql+asyncpg://user:pass@host:5432/db)"
        ) from None
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise SettingsError(f"DATABASE_URL: unsupported database {url.get_backend_name()!r} (use sqlite or postgresql)")
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "asyncpg":
        raise SettingsError("DATABASE_URL: PostgreSQL needs the asyncpg driver (postgresql+asyncpg://...)")
    if url.get_backend_name() == "sqlite" and url.get_driver_name() != "aiosqlite":
        raise SettingsError("DATABASE_URL: SQLite needs the aiosqlite driver (sqlite+aiosqlite:///...)")
    if settings.redis_url is not None:
        if not settings.redis_url.startswith(("redis://", "rediss://", "unix://")):
            raise SettingsError("REDIS_URL: must start with redis://, rediss:// or unix://")
        try:
            _ = urlsplit(settings.redis_url).port  # a non-numeric or out-of-range port raises here
        except ValueError as err:
            raise SettingsError(f"REDIS_URL: cannot parse the URL ({err})") from None
    if settings.environment != "development":
        if not settings.secret_key:
            raise SettingsError(f"SECRET_KEY: required when ENVIRONMENT={settings.environment}")
        if len(settings.secret_key) < 32:
            raise SettingsError("SECRET_KEY: must be at least 32 characters")
    if settings.llm_provider != "none" and not (settings.llm_base_url and settings.llm_model):
        raise SettingsError("LLM_BASE_URL and LLM_MODEL: required when LLM_PROVIDER is set")
    if settings.server_workers > 1 and settings.redis_url is None:
        raise SettingsError(
            f"SERVER_WORKERS={settings.server_workers} needs REDIS_URL: without it sessions, rate limits and caches "
            "live in each worker's memory, so people would be logged out at random"
        )
    if settings.webhook_worker == "external" and settings.redis_url is None:
        raise SettingsError("WEBHOOK_WORKER=external needs REDIS_URL: the separate worker takes its jobs from Redis")
    if settings.metrics == "token" and len(settings.metrics_token or "") < 16:
        raise SettingsError("METRICS_TOKEN: required with METRICS=token, at least 16 characters")
    redis_bound = settings.redis_socket_timeout * (settings.redis_retries + 1)
    if redis_bound > settings.redis_max_block:
        raise SettingsError(
            f"REDIS_SOCKET_TIMEOUT: {settings.redis_socket_timeout}s x {settings.redis_retries + 1} attempts exceeds "
            f"REDIS_MAX_BLOCK={settings.redis_max_block}s"
        )


def _describe(err: msgspec.ValidationError, values: Mapping[str, Any]) -> str:
    # msgspec says e.g. "Expected `int` >= 1, got `int` - at `$.db_pool_size`": name the variable instead, and
    # for a closed set of values say which ones are allowed.
    message = str(err)
    if " - at `$." in message:
        text, _, path = message.rpartition(" - at `$.")
        name = path.rstrip("`")
        if name in _CHOICES:
            text = f"{values.get(name)!r} is not allowed (use one of: {', '.join(_CHOICES[name])}, in any case)"
        return f"{name.upper()}: {text}"
    return message


def load_settings(environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env") -> Settings:
    """Build and validate settings from `environ` (default `os.environ`) over an optional `.env` file."""
    raw: dict[str, str | None] = {}
    if env_file is not None and Path(env_file).is_file():
        raw.update(dotenv_values(env_file))
    raw.update(os.environ if environ is None else environ)
    values = _coerce(raw)
    try:
        settings = msgspec.convert(values, Settings, strict=False)
    except msgspec.ValidationError as err:
        raise SettingsError(_describe(err, values)) from None
    _validate(settings)
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings, loaded on first use; variables that look like settings but are not get one warning
    line each on stderr (logging is configured from these very settings, so it cannot carry them)."""
    settings = load_settings()
    for line in unknown_variable_warnings(os.environ):
        sys.stderr.write(f"warning: {line}\n")
    return settings

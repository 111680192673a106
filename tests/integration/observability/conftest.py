"""Observability fixtures: apps with metrics on, Prometheus text parsing, and the server subprocess helpers."""

from __future__ import annotations

from typing import Any

from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import REDIS_URL, TEST_REDIS_NAMESPACE, TEST_SECRET
from tests.integration.system.conftest import REPO_ROOT, make_client, start_server, subprocess_env

__all__ = ["make_client", "sample", "samples", "server_env", "start_server"]


def server_env(settings: Any, **extra: str) -> dict[str, str]:
    """A clean environment for `python -m app serve` on the test database and Redis, JSON logs at INFO."""
    values = {
        "PYTHONPATH": str(REPO_ROOT),
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": REDIS_URL,
        "REDIS_NAMESPACE": TEST_REDIS_NAMESPACE,
        "AUTO_MIGRATE": "false",
        "SESSION_COOKIE_SECURE": "false",  # plain http to 127.0.0.1: the client must send the cookie back
        "LOG_LEVEL": "INFO",
        "LOG_FORMAT": "json",
    }
    return subprocess_env(**{**values, **extra})


def samples(text: str) -> list[tuple[str, dict[str, str], float]]:
    """Every sample of a Prometheus text exposition: (name, labels, value)."""
    return [
        (s.name, dict(s.labels), s.value) for family in text_string_to_metric_families(text) for s in family.samples
    ]


def sample(text: str, name: str, **labels: Any) -> float:
    """The value of the one sample `name` with exactly these labels (0 when absent)."""
    wanted = {k: str(v) for k, v in labels.items()}
    found = [value for n, got, value in samples(text) if n == name and got == wanted]
    assert len(found) <= 1, (name, wanted, found)
    return found[0] if found else 0.0

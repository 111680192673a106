"""Observability fixtures: apps with metrics on, Prometheus text parsing, and the server subprocess helpers."""

from __future__ import annotations

from typing import Any

from prometheus_client.parser import text_string_to_metric_families

from tests.integration.system.conftest import make_client, start_server

__all__ = ["make_client", "sample", "samples", "start_server"]


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

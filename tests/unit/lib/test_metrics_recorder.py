"""The request recorder keeps labels bounded; METRICS=token needs a real token (app/lib/metrics.py, settings)."""

from __future__ import annotations

import pytest
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from app.config.settings import SettingsError, load_settings
from app.lib.metrics import HTTP_REQUESTS, RequestRecorder


def _count(route: str, method: str, status: str) -> float:
    for family in text_string_to_metric_families(generate_latest().decode()):
        for sample in family.samples:
            if sample.name == "promptsmith_http_requests_total" and sample.labels == {
                "route": route,
                "method": method,
                "status": status,
            }:
                return float(sample.value)
    return 0.0


def test_unknown_methods_and_unmatched_paths_share_one_series() -> None:
    recorder = RequestRecorder()
    before_other = _count("<unmatched>", "OTHER", "405")
    before_get = _count("/health/live", "GET", "200")
    for method in ("FOO", "BAR", "X" * 50):
        recorder.record(None, method, 405, 0.001)
    recorder.record("/health/live", "GET", 200, 0.001)
    assert _count("<unmatched>", "OTHER", "405") - before_other == 3
    assert _count("/health/live", "GET", "200") - before_get == 1
    methods = {labels[1] for labels in HTTP_REQUESTS._metrics}  # type: ignore[attr-defined]
    assert not {"FOO", "BAR"} & methods


@pytest.mark.parametrize("token", [None, "short"])
def test_token_mode_needs_a_token_of_16_characters(token: str | None) -> None:
    env = {"METRICS": "token", **({"METRICS_TOKEN": token} if token else {})}
    with pytest.raises(SettingsError, match="METRICS_TOKEN"):
        load_settings(env, env_file=None)


def test_metrics_modes_are_a_closed_set() -> None:
    assert load_settings({"METRICS": "OPEN"}, env_file=None).metrics == "open"
    with pytest.raises(SettingsError, match="METRICS"):
        load_settings({"METRICS": "public"}, env_file=None)

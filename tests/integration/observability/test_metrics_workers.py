"""Several worker processes: `serve` turns on prometheus-client's multiprocess mode, so any worker's scrape sums
every worker's values (#12 section 3)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.integration.observability.conftest import sample, server_env
from tests.integration.system.conftest import free_port

pytestmark = pytest.mark.slow


def test_a_scrape_sums_every_worker(start_server: Any, settings: Any) -> None:
    port = free_port()
    env = server_env(settings, METRICS="open", DB_POOL_SIZE="3", DB_MAX_OVERFLOW="2", LOG_LEVEL="WARNING")
    server = start_server(["-m", "app", "serve", "--port", str(port), "--workers", "2"], port=port, env=env)
    server.wait_live(timeout=90)
    # Both workers have started once each worker's pool limit (3 + 2) is in the sum.
    scrapes = []
    for _ in range(100):
        scrapes.append(httpx.get(f"{server.base_url}/metrics", timeout=10).text)
        if sample(scrapes[-1], "promptsmith_db_pool_limit") == 10:
            break
    assert sample(scrapes[-1], "promptsmith_db_pool_limit") == 10, "the two workers' gauges are not summed"
    before = sample(scrapes[-1], "promptsmith_http_requests_total", route="/health/live", method="GET", status="200")
    for _ in range(20):  # a new connection each: the kernel spreads them over both workers' shared socket
        assert httpx.get(f"{server.base_url}/health/live", timeout=10).status_code == 200
    for _ in range(6):  # whichever worker answers the scrape, it reports the requests of both
        text = httpx.get(f"{server.base_url}/metrics", timeout=10).text
        count = sample(text, "promptsmith_http_requests_total", route="/health/live", method="GET", status="200")
        assert count - before == 20

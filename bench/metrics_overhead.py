"""`python -m bench.metrics_overhead [--quick]`: what METRICS=open adds to one request, in process.

The wrk pairs of `bench.run` (cached resolve with METRICS=open vs off) are the end-to-end figure, but on a shared
machine their noise is larger than the effect. This measures the added work itself: the edge layer
(the edge layer, `app.server.edge`, where requests are counted and timed) around an app that answers at once like the
resolve fast path, with the recorder and without, in interleaved blocks, in CPU time. The difference is the
per-request cost of the metrics; the cached resolve's own cost per request (from wrk: one core / its req/s) puts
it in proportion.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import time
from typing import Any

from litestar import Litestar

from app.lib.metrics import RequestRecorder, count_resolve
from app.server.edge import Edge

TEMPLATE = "/api/v1/workspaces/{workspace}/prompts/{name}/resolve"
BODY = b'{"name":"support/triage","version":3,"label":"production","text":"You are ..."}'
HEADERS = [(b"authorization", b"Bearer psk_abc_def"), (b"host", b"localhost"), (b"accept", b"*/*")]


async def _answer(scope: Any, receive: Any, send: Any) -> None:
    """Answers like the fast path: sets the route template, counts the cache outcome, sends the body."""
    scope["path_template"] = TEMPLATE
    count_resolve("fast")
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": BODY, "more_body": False})


async def _noop_send(message: Any) -> None:
    return None


async def _noop_receive() -> Any:
    return {"type": "http.request", "body": b"", "more_body": False}


def _layer(metrics: RequestRecorder | None) -> Edge:
    return Edge(
        _answer,
        Litestar(logging_config=None),
        security_headers={"X-Content-Type-Options": "nosniff"},
        api_csp="default-src 'none'",
        docs_csp="default-src 'self'",
        docs_prefix="/schema",
        hsts=True,
        metrics=metrics,
    )


async def _block(layer: Edge, requests: int) -> float:
    """CPU seconds per request over `requests` requests."""
    started = time.process_time()
    for _ in range(requests):
        scope = {
            "type": "http",
            "method": "GET",
            "path": "/api/v1/workspaces/acme/prompts/support%2Ftriage/resolve",
            "query_string": b"",
            "headers": HEADERS,
            "client": ("127.0.0.1", 50000),
        }
        await layer(scope, _noop_receive, _noop_send)  # type: ignore[arg-type]
    return (time.process_time() - started) / requests


def measure(quick: bool = False) -> dict[str, Any]:
    """Median CPU microseconds per request with and without metrics, and their difference."""
    logging.getLogger().setLevel(logging.WARNING)  # as served in the benchmark: the access line is off
    requests, blocks = (5_000, 8) if quick else (20_000, 16)
    on, off = _layer(RequestRecorder()), _layer(None)

    async def run() -> tuple[list[float], list[float]]:
        await _block(on, 1_000)
        await _block(off, 1_000)
        with_metrics: list[float] = []
        without: list[float] = []
        for index in range(blocks):
            order = [(on, with_metrics), (off, without)][:: 1 if index % 2 == 0 else -1]
            for layer, out in order:
                out.append(await _block(layer, requests))
        return with_metrics, without

    with_metrics, without = asyncio.run(run())
    on_us, off_us = statistics.median(with_metrics) * 1e6, statistics.median(without) * 1e6
    return {"with_us": round(on_us, 2), "without_us": round(off_us, 2), "added_us": round(on_us - off_us, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.metrics_overhead", description=__doc__)
    parser.add_argument("--quick", action="store_true")
    result = measure(quick=parser.parse_args().quick)
    print(  # noqa: T201
        f"edge layer: {result['without_us']} us/request without metrics, {result['with_us']} with; "
        f"metrics add {result['added_us']} us/request"
    )


if __name__ == "__main__":
    main()

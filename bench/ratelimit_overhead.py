"""`python -m bench.ratelimit_overhead [--quick]`: what the rate limiter adds to one request, in process.

The wrk pairs of `bench.run` (`read_ratelimited` vs `read_unlimited`) are the end-to-end figure, but on a shared
2-core machine their round-to-round spread (tens of percent) is far larger than the effect. This measures the added
work itself: what a request with the limit on does that one with the limit off does not (the replay's counter,
`RateLimiter.header_counter`: count the hit, build the `RateLimit` pair, and `RateLimit-Policy` when little quota is
left, put them in the response's headers), in interleaved blocks, in CPU time. Without an event loop the limiter reads
the clock on every call (a server's reads it once a second), so this slightly overstates the server's figure.
The cached resolve's own cost per request (from wrk: one core / its req/s) puts it in proportion.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from app.domain.access.ratelimit import API_KEY_POLICY, RateLimiter

IDENTITY = "key:0f9c2a"
HEADERS = [(b"content-type", b"application/json"), (b"etag", b'"3-abc"'), (b"cache-control", b"private, max-age=0")]


def _block(limiter: RateLimiter | None, requests: int) -> float:
    """CPU seconds per request over `requests` requests: the response headers of one replay, limit on or off."""
    count = limiter.header_counter(1_000_000_000, API_KEY_POLICY) if limiter is not None else None
    started = time.process_time()
    for _ in range(requests):
        headers = list(HEADERS)
        if count is not None:
            pairs = count(IDENTITY)
            if pairs is not None:
                headers.extend(pairs)
    return (time.process_time() - started) / requests


def measure(quick: bool = False) -> dict[str, Any]:
    """Median CPU microseconds per request with and without the limiter, and their difference."""
    requests, blocks = (20_000, 8) if quick else (100_000, 16)
    limiter = RateLimiter(None, namespace="bench")  # counts locally, as between two flushes to Redis
    _block(limiter, 1_000)
    _block(None, 1_000)
    with_limit: list[float] = []
    without: list[float] = []
    for index in range(blocks):
        order = [(limiter, with_limit), (None, without)][:: 1 if index % 2 == 0 else -1]
        for which, out in order:
            out.append(_block(which, requests))
    on_us, off_us = statistics.median(with_limit) * 1e6, statistics.median(without) * 1e6
    return {"with_us": round(on_us, 3), "without_us": round(off_us, 3), "added_us": round(on_us - off_us, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ratelimit_overhead", description=__doc__)
    parser.add_argument("--quick", action="store_true")
    result = measure(quick=parser.parse_args().quick)
    print(  # noqa: T201
        f"response headers: {result['without_us']} us/request with the limit off, {result['with_us']} on; "
        f"the limiter adds {result['added_us']} us/request"
    )


if __name__ == "__main__":
    main()

"""`python -m bench.commit_overhead [--quick]`: what the commit-before-response layer adds to one request, in process.

`app.lib.transactions.CommitBeforeResponse` wraps every Litestar route (not the resolve fast path, which answers
before Litestar). On a shared machine wrk's noise is larger than this layer, so this measures the layer itself
around an app that answers at once, with and without it, in interleaved blocks, in CPU time: for a request with no
session in scope (the uncached resolve, the list) and with a session that began no transaction. A session with a
transaction pays its COMMIT, which Advanced Alchemy's before-send handler sent before anyway.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config.database import REQUEST_SESSION_SCOPE_KEY
from app.lib.transactions import CommitBeforeResponse

KEY = REQUEST_SESSION_SCOPE_KEY  # where RequestSessionConfig records the request's session
BODY = b'{"name":"support/triage","version":3,"label":"production","text":"You are ..."}'


async def _answer(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": BODY, "more_body": False})


async def _noop_send(message: Any) -> None:
    return None


async def _noop_receive() -> Any:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _block(app: Any, requests: int, session: AsyncSession | None) -> float:
    """CPU seconds per request over `requests` requests."""
    started = time.process_time()
    for _ in range(requests):
        scope: dict[str, Any] = {"type": "http", "method": "GET", "path": "/api/v1/x", "headers": []}
        if session is not None:
            scope[KEY] = session
        await app(scope, _noop_receive, _noop_send)
    return (time.process_time() - started) / requests


def measure(quick: bool = False) -> dict[str, float]:
    """Median CPU microseconds per request without and with the layer, without and with an idle session."""
    requests, blocks = (5_000, 8) if quick else (20_000, 16)
    layer = CommitBeforeResponse(_answer, session_scope_key=KEY)  # type: ignore[arg-type]
    session = AsyncSession()

    async def run() -> dict[str, list[float]]:
        cases = {"bare": (_answer, None), "layer": (layer, None), "layer_idle_session": (layer, session)}
        for app, s in cases.values():
            await _block(app, 1_000, s)
        out: dict[str, list[float]] = {name: [] for name in cases}
        for index in range(blocks):
            names = list(cases)[:: 1 if index % 2 == 0 else -1]
            for name in names:
                out[name].append(await _block(*cases[name][:1], requests, cases[name][1]))
        return out

    results = asyncio.run(run())
    return {name: round(statistics.median(values) * 1e6, 2) for name, values in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.commit_overhead", description=__doc__)
    parser.add_argument("--quick", action="store_true")
    r = measure(quick=parser.parse_args().quick)
    print(  # noqa: T201
        f"app answering at once: {r['bare']} us/request; with the commit layer {r['layer']} (no session), "
        f"{r['layer_idle_session']} (a session without a transaction); "
        f"added {r['layer'] - r['bare']:.2f} / {r['layer_idle_session'] - r['bare']:.2f} us/request"
    )


if __name__ == "__main__":
    main()

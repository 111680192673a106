"""The baseline: a bare Litestar JSON hello world, served with exactly the same uvicorn flags as the app.

Every scenario's throughput is reported as a ratio to this app, measured in interleaved rounds, so the
numbers say what Promptsmith costs on top of the framework and server on this machine.
"""

from __future__ import annotations

from litestar import Litestar, get


@get("/", sync_to_thread=False)
def hello() -> dict[str, str]:
    return {"hello": "world"}


app = Litestar(route_handlers=[hello])

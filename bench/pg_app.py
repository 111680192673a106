"""The database reference: bare Litestar plus one asyncpg query by primary key through a pool.

Served with exactly the same uvicorn flags as the app. It says what a database-backed endpoint can reach on
this machine (one round trip to PostgreSQL, no ORM, no auth), so every database-backed scenario is reported as
a ratio to it as well as to the hello world. `BENCH_PG_DSN` is the bench database; the table `bench_reference`
is created and filled by the harness (`bench/run.py`) before this app starts. `BENCH_PG_POOL_SIZE` is the pool's
ceiling, the same as the app instances' `DB_POOL_SIZE` in the run.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from litestar import Litestar, get

POOL_SIZE = int(os.environ.get("BENCH_PG_POOL_SIZE", "20"))  # the app's default pool: DB_POOL_SIZE 20, no overflow
_pool: list[asyncpg.Pool[Any]] = []


@asynccontextmanager
async def lifespan(_: Litestar) -> AsyncIterator[None]:
    pool = await asyncpg.create_pool(os.environ["BENCH_PG_DSN"], min_size=2, max_size=POOL_SIZE)
    _pool.append(pool)
    try:
        yield
    finally:
        await pool.close()


@get("/", sync_to_thread=False)
def ready() -> dict[str, str]:
    return {"status": "ok"}


@get("/items/{item_id:int}")
async def item(item_id: int) -> dict[str, Any]:
    row = await _pool[0].fetchrow("SELECT id, name, body FROM bench_reference WHERE id = $1", item_id)
    return {"id": row["id"], "name": row["name"], "body": row["body"]} if row else {}


app = Litestar(route_handlers=[ready, item], lifespan=[lifespan])

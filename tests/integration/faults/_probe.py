"""Test-only handlers added to an app built by `create_app` (never part of the product's routes; no guard)."""

from __future__ import annotations

import asyncio

from litestar import get
from litestar.di import NamedDependency
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


@get("/_faults/db")
async def db_probe(db_session: NamedDependency[AsyncSession], hold: float = 0.0) -> dict[str, int]:
    """One query through the request's session, as every feature endpoint does (holding it `hold` seconds)."""
    if hold:
        await db_session.execute(text("SELECT pg_sleep(:s)"), {"s": hold})
    value = (await db_session.execute(text("SELECT 1"))).scalar_one()
    return {"value": int(value)}


@get("/_faults/slow")
async def slow(seconds: float = 1.0) -> dict[str, float]:
    """Sleeps, then answers: an in-flight request to shut down under."""
    await asyncio.sleep(seconds)
    return {"slept": seconds}

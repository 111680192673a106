"""Login does the same work for a known email with a wrong password as for an unknown email (#14 item 5):
the same SQL statements in the same order and one password-hash verification each. Counting work instead
of timing it keeps the test deterministic on a loaded machine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from argon2 import PasswordHasher
from litestar import Litestar
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from app.lib.services import services_of
from tests.integration.helpers import register, unique_email


@contextmanager
def _work_log(app: Litestar) -> Iterator[dict[str, list[Any]]]:
    """Records every SQL statement the app's engine runs and every argon2 verification."""
    log: dict[str, list[Any]] = {"sql": [], "verify": []}
    real_verify = PasswordHasher.verify

    def counting_verify(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> bool:
        log["verify"].append(1)
        return real_verify(self, hash, password)

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        log["sql"].append(statement)

    engine = services_of(app).get(AsyncEngine).sync_engine
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PasswordHasher, "verify", counting_verify)
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield log
        finally:
            event.remove(engine, "before_cursor_execute", record)


async def _failed_login_work(app: Litestar, client: Any, email: str) -> Any:
    with _work_log(app) as log:
        response = await client.post("/api/v1/auth/login", json={"email": email, "password": "wrong password!"})
    assert response.status_code == 401, response.text
    return log


async def test_known_and_unknown_emails_cost_the_same_work(app: Litestar, client: Any) -> None:
    known = (await register(client))["email"]
    client.cookies.clear()
    await _failed_login_work(app, client, unique_email("warmup"))  # caches and prepared statements
    unknown_work = await _failed_login_work(app, client, unique_email("nobody"))
    known_work = await _failed_login_work(app, client, known)
    assert (len(known_work["verify"]), len(unknown_work["verify"])) == (1, 1)
    assert known_work["sql"] == unknown_work["sql"]

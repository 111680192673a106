"""Test-only route handlers, registered on a test app with `app.register(...)`.

They raise every kind of error the foundation maps to problem+json, so the error contract can be
checked before any feature produces those statuses. Used in-process and by the logging subprocess.
"""

from __future__ import annotations

from typing import Annotated, Any

import asyncpg  # type: ignore[import-untyped]
import msgspec
import structlog
from advanced_alchemy import exceptions as aa_exc
from litestar import get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib import errors

logger = structlog.get_logger("promptsmith.tests")

SECRET = "secret internal detail"


class ItemIn(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=20)]
    count: Annotated[int, msgspec.Meta(ge=0)]


@post("/test/items", operation_id="testCreateItem", tags=["Test"])
async def create_item(data: JSONBody[ItemIn]) -> dict[str, Any]:
    return {"name": data.name, "count": data.count}


@get("/test/big", operation_id="testBig", tags=["Test"])
async def big() -> dict[str, Any]:
    return {"items": [{"index": i, "text": "lorem ipsum dolor sit amet"} for i in range(200)]}


@get("/test/log", operation_id="testLog", tags=["Test"])
async def log_lines() -> dict[str, str]:
    logger.info("handler_step", step=1)
    logger.warning("handler_step", step=2)
    return {"ok": "yes"}


_DOMAIN_ERRORS: dict[str, errors.ProblemError] = {
    "bad-request": errors.BadRequestError("The brief is empty."),
    "unauthenticated": errors.AuthenticationError("Sign in first."),
    "forbidden": errors.PermissionDeniedError("You cannot edit this workspace."),
    "not-found": errors.NotFoundError("No prompt named 'x'."),
    "conflict": errors.ConflictError("The label is protected."),
    "precondition": errors.PreconditionFailedError("The resource changed (ETag mismatch)."),
    "rate-limited": errors.RateLimitedError("Slow down.", headers={"Retry-After": "7"}),
    "unavailable": errors.ServiceUnavailableError("Generation is paused."),
}


@get("/test/domain/{kind:str}", operation_id="testDomainError", tags=["Test"])
async def domain_error(kind: FromPath[str]) -> None:
    raise _DOMAIN_ERRORS[kind]


@get("/test/fail/{kind:str}", operation_id="testFailure", tags=["Test"])
async def failure(kind: FromPath[str]) -> None:
    if kind == "aa-duplicate":
        raise aa_exc.DuplicateKeyError(
            'duplicate key value violates unique constraint "uq_user_account_email" '
            "DETAIL: Key (email)=(a@example.com) already exists. [SQL: INSERT INTO user_account (email) VALUES ($1)]"
        )
    if kind == "aa-integrity":
        raise aa_exc.IntegrityError(
            'insert or update on table "api_key" violates foreign key constraint '
            '"fk_api_key_workspace_id_workspace" [SQL: INSERT INTO api_key (workspace_id) VALUES ($1)]'
        )
    if kind == "aa-not-found":
        raise aa_exc.NotFoundError("No item found when one was expected [SQL: SELECT * FROM user_account]")
    if kind == "operational":
        raise OperationalError(
            "SELECT secret_column FROM user_account", {}, ConnectionRefusedError("connection refused 10.0.0.7:5432")
        )
    if kind == "redis":
        raise RedisConnectionError("Error 111 connecting to 10.0.0.8:6379. Connection refused.")
    if kind == "driver-state":
        # what a lean driver path raises on a connection a killed peer left mid-protocol
        raise asyncpg.exceptions.InternalClientError("cannot switch to state 12; another operation (2) is in progress")
    raise RuntimeError(SECRET)


@post("/test/db/{kind:str}", operation_id="testDatabaseFailure", tags=["Test"])
async def database_failure(kind: FromPath[str], db_session: NamedDependency[AsyncSession]) -> None:
    """Real PostgreSQL failures, wrapped the way Advanced Alchemy repositories wrap them."""
    with aa_exc.wrap_sqlalchemy_exception(dialect_name="postgresql"):
        if kind == "duplicate":
            await db_session.execute(text("CREATE TEMP TABLE secret_things (k text CONSTRAINT secret_pk PRIMARY KEY)"))
            await db_session.execute(text("INSERT INTO secret_things VALUES ('a'), ('a')"))
        elif kind == "foreign-key":
            await db_session.execute(text("CREATE TEMP TABLE secret_parent (id int PRIMARY KEY)"))
            await db_session.execute(
                text("CREATE TEMP TABLE secret_child (pid int CONSTRAINT secret_fk REFERENCES secret_parent (id))")
            )
            await db_session.execute(text("INSERT INTO secret_child VALUES (42)"))
        elif kind == "connection-lost":
            await db_session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        else:
            await db_session.execute(text("SELECT * FROM secret_missing_table"))


TEST_HANDLERS = [create_item, big, log_lines, domain_error, failure, database_failure]


def create_test_app() -> Any:
    """Factory for the subprocess server: the real app from the environment plus the test routes."""
    from app.server.asgi import create_app

    app = create_app()
    for handler in TEST_HANDLERS:
        app.register(handler)
    return app

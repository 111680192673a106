"""The SQLAlchemy engine and Advanced Alchemy configuration, with pool settings from Settings."""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import time
import tokenize
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from advanced_alchemy.config import AlembicAsyncConfig, AsyncSessionConfig, SQLAlchemyAsyncConfig
from sqlalchemy import event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DataError, DisconnectionError, IntegrityError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from app.config.settings import Settings

if TYPE_CHECKING:
    from litestar.types import Scope

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def create_engine(settings: Settings) -> AsyncEngine:
    """Engine with a bounded pool: checkout timeout, idle ping (`install_idle_ping`) and recycle from settings."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            url,
            echo=settings.db_echo,
            pool_pre_ping=settings.db_pre_ping,
            connect_args={"timeout": settings.db_pool_timeout},
        )

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _: ConnectionPoolEntry) -> None:
            # Foreign keys are off by default in SQLite; cascades depend on them. WAL lets readers run beside a writer.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

        return engine
    engine = create_async_engine(
        url,
        echo=settings.db_echo,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
        pool_pre_ping=False,  # replaced by the bounded ping below
        pool_recycle=settings.db_pool_recycle,
        connect_args=postgres_connect_args(settings, statement_timeout=settings.db_statement_timeout),
    )
    if settings.db_pre_ping:
        install_idle_ping(
            engine, timeout=min(settings.db_pool_timeout, PRE_PING_TIMEOUT), idle_after=settings.db_ping_idle_after
        )
    return engine


CLIENT_TIMEOUT_MARGIN = 1.0
"""Seconds the driver waits past the server's statement timeout: the server's cancellation normally wins and
leaves the connection usable; the driver's bound only fires when the server stopped answering altogether."""


def postgres_connect_args(settings: Settings, *, statement_timeout: float) -> dict[str, Any]:
    """asyncpg connect arguments bounding every statement on both sides (server cancel, then client timeout)."""
    return {
        "timeout": settings.db_pool_timeout,
        "command_timeout": statement_timeout + CLIENT_TIMEOUT_MARGIN,
        "server_settings": {
            "application_name": "promptsmith",
            "statement_timeout": str(int(statement_timeout * 1000)),
        },
    }


PRE_PING_TIMEOUT = 1.0
"""Upper bound (seconds) of the liveness check of a pooled connection; a healthy one answers in well under 1 ms."""

_BOUNDED_READ: ContextVar[bool] = ContextVar("promptsmith_bounded_read", default=False)
_CHECKED_IN_AT = "promptsmith_checked_in_at"
_SUSPECT = "promptsmith_suspect"
_STATEMENT_ERRORS = (IntegrityError, DataError, ProgrammingError)


@contextlib.contextmanager
def bounded_read() -> Iterator[None]:
    """Around the checkout of a connection for a short read whose statements carry their own timeout (asyncpg
    `timeout=`): the checkout skips the ping when the connection was used within `DB_PING_IDLE_AFTER` seconds.

    Only such reads may skip it. The ping is also what bounds a request when the database hangs: a statement
    without its own timeout on a connection that was not pinged would wait for the statement bound
    (`DB_STATEMENT_TIMEOUT` plus a second).
    """
    token = _BOUNDED_READ.set(True)
    try:
        yield
    finally:
        _BOUNDED_READ.reset(token)


def mark_suspect(record: Any) -> None:
    """Have the pool ping this connection at its next checkout (its last use failed in a way SQLAlchemy
    did not see, e.g. a query run on the driver connection directly)."""
    info = getattr(record, "info", None)
    if info is not None:
        info[_SUSPECT] = True


def install_idle_ping(engine: AsyncEngine, timeout: float, idle_after: float) -> None:
    """Check a pooled connection at checkout, within `timeout`, unless it is known sound.

    A ping on every checkout is a database round trip per request: on the uncached resolve it was half the
    cost of the request. So, at checkout:

    * a brand-new connection is not checked (as with SQLAlchemy's pre-ping);
    * a connection the driver already knows is closed (the server terminated it, e.g. `pg_terminate_backend`
      or a restart: asyncpg sees the FATAL message and the EOF as soon as they arrive) is replaced at no cost;
    * for a `bounded_read()` (its statement has its own short timeout), a connection checked in less than
      `idle_after` seconds ago whose last use did not fail is handed out as is;
    * otherwise one `SELECT 1` bounded by `timeout`: connections idle longer, whose last use failed
      (`mark_suspect`, or an error other than a statement error the server reported), and every checkout of
      a request session, whose statements have only the statement bound, so that a database that hangs
      gives a 503 within about a second plus the connect timeout instead of holding the request.

    When the check fails, the socket is closed at once and `DisconnectionError` makes the pool retry with
    another connection (at most three attempts, then a new connection bounded by the connect timeout). SQLAlchemy's
    own pre-ping on asyncpg (BEGIN; ; ROLLBACK: three round trips) has no timeout, so a pooled connection to a
    database that hangs held the request for the whole statement bound.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _mark_fresh(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info["promptsmith_fresh"] = True

    @event.listens_for(engine.sync_engine, "checkin")
    def _stamp(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_CHECKED_IN_AT] = time.monotonic()

    @event.listens_for(engine.sync_engine, "handle_error")
    def _suspect_after_error(context: ExceptionContext) -> None:
        # A statement error the server reported leaves the connection sound; anything else (a timeout, a
        # cancelled or broken exchange) gets the connection pinged before its next use. Disconnects are
        # invalidated by SQLAlchemy itself.
        if isinstance(context.original_exception, TimeoutError):
            # The driver gave up on a statement (DB_STATEMENT_TIMEOUT + margin): the server stopped answering.
            # Treat it as a disconnect, so the connection is dropped at once instead of being sent a ROLLBACK
            # that would wait for the same bound again while the request is held. Close the socket first: the
            # pool's own close of an invalidated connection waits up to 2 s for a goodbye that never comes.
            context.is_disconnect = True
            if context.connection is not None:
                with contextlib.suppress(Exception):
                    context.connection.connection.driver_connection.terminate()  # type: ignore[union-attr]
            return
        connection = context.connection
        if connection is None or context.is_disconnect or connection.invalidated:
            return
        if isinstance(context.sqlalchemy_exception, _STATEMENT_ERRORS):
            return
        with contextlib.suppress(Exception):
            connection.info[_SUSPECT] = True

    @event.listens_for(engine.sync_engine, "checkout")
    def _ping(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        info = record.info
        if info.pop("promptsmith_fresh", False):
            return
        driver = dbapi_connection.driver_connection
        if driver.is_closed():
            driver.terminate()
            raise DisconnectionError("the server closed the connection")
        suspect = info.pop(_SUSPECT, False)
        if (
            not suspect
            and idle_after > 0
            and _BOUNDED_READ.get()
            and time.monotonic() - info.get(_CHECKED_IN_AT, 0.0) <= idle_after
        ):
            return
        try:
            dbapi_connection.await_(driver.fetchval("SELECT 1", timeout=timeout))
        except Exception as exc:  # any failure: let the pool replace the connection
            # Close the socket now: the pool's own close would first wait up to 2 s for a graceful goodbye.
            driver.terminate()
            raise DisconnectionError(f"pre-ping failed ({type(exc).__name__})") from exc


@functools.cache
def migration_head() -> str:
    """The revision the code's migrations end at: the schema this version of the service needs."""
    heads = migration_heads(MIGRATIONS_DIR / "versions")
    if len(heads) != 1:  # pragma: no cover - the repository ships one linear history
        raise RuntimeError(f"expected one migration head, found {heads or 'none'}")
    return heads[0]


def migration_heads(versions: Path) -> list[str]:
    """The head revisions of the migration scripts in `versions`: those no script names as its `down_revision`.

    Read from each script's source, without importing it or Alembic: the start-up schema check and readiness
    need only this, and Alembic's script machinery (with Mako and every DDL dialect) is 3.6 MB per server
    process (bench/results/perf36-notes.md). `tests/unit/config/test_migration_head.py` compares it with Alembic's own
    answer. Files as Alembic reads them: `*.py` directly in the directory, `__init__.py` and `.#` lock files left out.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted(versions.glob("*.py")):
        if path.name.startswith((".#", "__init__")):
            continue
        values = _module_constants(path, ("revision", "down_revision"))
        revision = values.get("revision")
        if not isinstance(revision, str):
            raise RuntimeError(f"{path.name}: no `revision = '...'` assignment")
        revisions.add(revision)
        down = values.get("down_revision")
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, (tuple, list)):  # a merge revision
            parents.update(down)
    return sorted(revisions - parents)


def _module_constants(path: Path, names: tuple[str, ...]) -> dict[str, object]:
    """The literal values assigned to `names` at the top level of a module (`x = ...` or `x: T = ...`).

    Only those statements are parsed, found by tokenizing: the syntax tree of the whole initial migration took 2 MB
    of heap that the process kept.
    """
    source = path.read_bytes()
    lines = source.decode().splitlines(keepends=True)
    found: dict[str, object] = {}
    depth, line_start, first = 0, True, 0
    for token in tokenize.tokenize(io.BytesIO(source).readline):
        if token.type in (tokenize.INDENT, tokenize.DEDENT):
            depth += 1 if token.type == tokenize.INDENT else -1
        elif token.type == tokenize.NEWLINE:  # the end of a logical line (a statement may span several)
            if first:
                for node in ast.parse("".join(lines[first - 1 : token.end[0]])).body:
                    _record_assignment(node, names, found)
            line_start, first = True, 0
        elif token.type not in (tokenize.NL, tokenize.COMMENT, tokenize.ENCODING):
            if line_start and depth == 0 and token.type == tokenize.NAME and token.string in names:
                first = token.start[0]
            line_start = False
    return found


def _record_assignment(node: ast.stmt, names: tuple[str, ...], found: dict[str, object]) -> None:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target, value = node.targets[0], node.value
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        target, value = node.target, node.value
    else:
        return
    if isinstance(target, ast.Name) and target.id in names:
        found[target.id] = ast.literal_eval(value)


def app_session_factory(config: SQLAlchemyAsyncConfig) -> sessionmaker[Session]:
    """The factory of the synchronous sessions behind this app's async sessions, for attaching session event hooks
    to this app's sessions only (never to SQLAlchemy's global `Session` class).

    Advanced Alchemy gives each async session maker its own sync `sessionmaker` (`sync_session_class`) and
    registers its own listeners on it; ours go on the same one.
    """
    factory = config.create_session_maker()
    sync_factory = getattr(factory, "kw", {}).get("sync_session_class")
    if not isinstance(sync_factory, sessionmaker):
        msg = "Advanced Alchemy no longer gives the async session maker a sync sessionmaker; attach hooks elsewhere"
        raise TypeError(msg)
    return sync_factory


REQUEST_SESSION_SCOPE_KEY = "promptsmith.session"
"""Where the request's session is kept in the ASGI scope, for the commit at the request boundary."""


class RequestSessionConfig(SQLAlchemyAsyncConfig):
    """Advanced Alchemy's config, plus the request's session, created on first use and kept in the ASGI scope
    under `REQUEST_SESSION_SCOPE_KEY`: the `db_session` dependency, the guards, the commit before the response
    (`app.lib.transactions`) and the close after it (`app.lib.alchemy`) all find it there."""

    def provide_session(self, scope: Scope) -> AsyncSession:
        """The request's session (created on first use)."""
        state = cast("dict[str, Any]", scope)
        session: AsyncSession | None = state.get(REQUEST_SESSION_SCOPE_KEY)
        if session is None:
            session = state[REQUEST_SESSION_SCOPE_KEY] = self.create_session_maker()()
        return session


def create_alchemy_config(settings: Settings, engine: AsyncEngine | None = None) -> RequestSessionConfig:
    """Advanced Alchemy's framework-neutral config, plugged into Litestar by `app.lib.alchemy.AlchemyPlugin`."""
    return RequestSessionConfig(
        engine_instance=engine or create_engine(settings),
        # No FileObject columns and no repository cache (`cache_config`) here: Advanced Alchemy's listeners for them
        # only cost time on every flush and commit (its cache listener's enabled check called
        # `engine.execution_options()`, which builds an option engine, on every commit).
        session_config=AsyncSessionConfig(expire_on_commit=False, info={"enable_cache_listener": False}),
        enable_file_object_listener=False,
        alembic_config=AlembicAsyncConfig(
            script_location=str(MIGRATIONS_DIR),
            version_table_name="alembic_version",
            compare_type=True,
            render_as_batch=True,
        ),
    )

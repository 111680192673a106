"""`AlchemyPlugin`: Advanced Alchemy's SQLAlchemy config plugged into Litestar, without its Litestar extension.

Importing anything from `advanced_alchemy.extensions.litestar` runs that package's `__init__`, which imports Alembic's
commands (Alembic, every DDL dialect, Mako), rich-click and Litestar's CLI into every server process, for `database`
commands only the CLI runs (bench/results/perf36-notes.md). This plugin does, on Advanced Alchemy's framework-neutral
config, what the extension's plugin did for this app (engine, session maker, listeners, repositories and services
stay the library's):

- `db_session`, the request's `AsyncSession` (`RequestSessionConfig.provide_session`); `db_engine` is a runtime
  service (app/server/services.py);
- closes that session when the response starts or the connection ends, rolling back what the request boundary
  (`app.lib.transactions`) did not commit: the extension's default before-send handler, the one this app used;
- disposes of the engine at shutdown;
- Advanced Alchemy's type encoders and the signature names `AsyncSession`/`AsyncEngine`, as the extension set them;
- `database ...` (alias `db`) on the Litestar CLI: Advanced Alchemy's migration commands on this config.

Left out as unused here (checked when this replaced the extension): the rest of its signature namespace (no handler
or dependency resolves a name through it), its DTO serialization (no handler takes or returns a model), its exception
handler (off: `app.lib.problems` owns errors), its `uuid_utils.UUID` parameter decoder, and its copies of the engine
and session maker in `app.state` (the services container and the config hold them).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, cast

import uuid_utils
from advanced_alchemy.utils.serialization import DEFAULT_TYPE_ENCODERS
from asyncpg.pgproto import pgproto  # type: ignore[import-untyped]
from litestar.di import Provide
from litestar.plugins import CLIPluginProtocol, InitPluginProtocol
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.config.database import REQUEST_SESSION_SCOPE_KEY, RequestSessionConfig

if TYPE_CHECKING:
    from click import Context, Group
    from litestar import Litestar
    from litestar.config.app import AppConfig
    from litestar.types import Message, Scope

SESSION_DEPENDENCY_KEY = "db_session"

_SESSION_ENDS = frozenset({"http.response.start", "http.disconnect", "websocket.disconnect", "websocket.close"})
"""The ASGI messages after which the request's session is closed (the extension's `SESSION_TERMINUS_ASGI_EVENTS`)."""


class AlchemyPlugin(InitPluginProtocol, CLIPluginProtocol):
    """The request's session, its close, the engine's disposal and the `database` commands (module docstring)."""

    def __init__(self, config: RequestSessionConfig) -> None:
        self.config = config

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.type_encoders = {**_type_encoders(), **(app_config.type_encoders or {})}
        # Besides resolving these names, a non-empty namespace has Litestar expand the type variables of generic
        # annotations (a bare `Response` is parsed as `Response[T]`): handlers' signatures parse as they did.
        app_config.signature_namespace.update({"AsyncEngine": AsyncEngine, "AsyncSession": AsyncSession})
        app_config.dependencies[SESSION_DEPENDENCY_KEY] = Provide(self.config.provide_session, sync_to_thread=False)
        app_config.before_send.append(close_request_session)
        app_config.lifespan.append(self._dispose_engine_at_exit)
        return app_config

    @asynccontextmanager
    async def _dispose_engine_at_exit(self, _app: Litestar) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await self.config.get_engine().dispose()

    def on_cli_init(self, cli: Group) -> None:
        """`database ...` (alias `db`), as the extension defined it. Imported by the CLI only: it brings Alembic."""
        from advanced_alchemy.cli import add_migration_commands
        from advanced_alchemy.utils.cli_tools import group

        configs = [self.config]

        # Litestar's group class (its CLI's `group_class`), as the extension used: it hands commands their `ctx`.
        @group(cls=cast("type[Group]", cli.group_class), name="database", aliases=["db"])
        def database(ctx: Context) -> None:
            """Manage SQLAlchemy database components."""
            ctx.obj = {"app": ctx.obj, "configs": configs}

        add_migration_commands(database)
        cli.add_command(database)


async def close_request_session(message: Message, scope: Scope) -> None:
    """Before-send hook: close the request's session, if it has one, once the response starts or the connection
    ends; closing rolls back what was not committed."""
    if message["type"] in _SESSION_ENDS:
        session = cast("dict[str, Any]", scope).pop(REQUEST_SESSION_SCOPE_KEY, None)
        if session is not None:
            await session.close()


def _type_encoders() -> dict[Any, Callable[[Any], Any]]:
    """Advanced Alchemy's encoders, plus asyncpg's and uuid-utils' UUID types as strings (the extension's set)."""
    return {**DEFAULT_TYPE_ENCODERS, pgproto.UUID: str, uuid_utils.UUID: str}

"""structlog setup: JSON lines off a terminal, a readable console on one, and the configured level applied.

Litestar's StructlogPlugin has ignored the configured level (litestar#3424), so the level filter is set
here explicitly, on structlog's bound logger and on the standard library root logger alike.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

import structlog

from app.config.settings import Settings


def _use_json(settings: Settings) -> bool:
    if settings.log_format == "auto":
        return not sys.stderr.isatty()
    return settings.log_format == "json"


def _not_alembic_plugin_setup(record: logging.LogRecord) -> bool:
    return record.msg != "setup plugin %s"


def _drop_color_message(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    # uvicorn duplicates its message with ANSI colours in `color_message`.
    event_dict.pop("color_message", None)
    return event_dict


def configure_logging(settings: Settings, extra_processors: Sequence[Any] = ()) -> None:
    """Configure structlog and route standard-library logging (uvicorn, SQLAlchemy) through it.

    `extra_processors` run right after the request context (`request_id`, ...) is merged: tracing adds the
    current `trace_id` there (`app.lib.tracing`)."""
    level = logging.getLevelNamesMapping()[settings.log_level]
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        *extra_processors,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _drop_color_message,
    ]
    renderer: Any
    if _use_json(settings):
        renderer = structlog.processors.JSONRenderer()
        shared.append(structlog.processors.format_exc_info)
    else:
        renderer = structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.stdlib.LoggerFactory(),
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    # Our own access line replaces uvicorn's.
    logging.getLogger("uvicorn.access").disabled = True
    if not settings.db_echo:
        logging.getLogger("sqlalchemy.engine").setLevel(max(level, logging.WARNING))
    # Alembic logs "setup plugin ..." at INFO for each of its built-in plugins when first imported. It used to be
    # imported before this set-up and those lines never showed; it is now imported when a migration runs, after it.
    logging.getLogger("alembic.runtime.plugins").addFilter(_not_alembic_plugin_setup)

"""Date-time query parameters: RFC 3339 with an offset, exactly what the document's `format: date-time` says.

Litestar's own `datetime` parameters also read a bare number (`?until=0.5`) as a Unix timestamp and accept a
date-time without offset, neither of which the document allows; these parameters are strings parsed here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar.params import QueryParameter

from app.lib.errors import ValidationFailedError


def instant_parameter(description: str, name: str | None = None) -> QueryParameter:
    """`QueryParameter` metadata for an optional RFC 3339 date-time (use as `Annotated[str | None, ...]`)."""
    return QueryParameter(
        name=name,
        format="date-time",
        max_length=64,
        description=f"{description} (RFC 3339 date-time with offset, e.g. 2026-01-31T09:00:00Z)",
    )


def parse_instant(name: str, value: str | None) -> datetime | None:
    """`value` as an aware datetime, or a 400 naming the parameter when it is not an RFC 3339 date-time."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None or "T" not in value.upper():
        raise ValidationFailedError(
            f"{name} must be an RFC 3339 date-time with an offset, e.g. 2026-01-31T09:00:00Z.",
            extra={"errors": [{"field": name, "source": "query", "message": "expected an RFC 3339 date-time"}]},
        )
    return parsed


Since = Annotated[str | None, instant_parameter("Events at or after this instant")]
Until = Annotated[str | None, instant_parameter("Events before this instant")]
UpdatedAfter = Annotated[str | None, instant_parameter("Prompts last updated after this instant", "updatedAfter")]
UpdatedBefore = Annotated[str | None, instant_parameter("Prompts last updated before this instant", "updatedBefore")]

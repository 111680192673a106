"""Offset pagination, one definition for every list endpoint: the `Limit`/`Offset` query parameters and `Page[T]`.

Each feature names its page (`class MemberPage(Page[MemberOut])`, re-declaring `items` with the concrete type) so
that the OpenAPI components keep readable names; the shape and its meaning live here. Keyset pages (prompts) are
their own struct.
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from litestar.params import QueryParameter

from app.lib.schema import CamelizedBaseStruct

T = TypeVar("T")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 50
MAX_OFFSET = 100_000

Limit = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE, description=f"Page size (at most {MAX_PAGE_SIZE})")]
Offset = Annotated[int, QueryParameter(ge=0, le=MAX_OFFSET, description=f"Items to skip (at most {MAX_OFFSET})")]


class Page(CamelizedBaseStruct, Generic[T], kw_only=True):
    """One page: `items`, the `total` matching, and the `limit`/`offset` used."""

    items: list[T]
    total: int
    limit: int
    offset: int

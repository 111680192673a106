"""Request and response bodies of API keys."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import msgspec

from app.domain.access.permissions import Scope
from app.domain.workspaces.schemas import Name
from app.lib.pagination import Page
from app.lib.schema import CamelizedBaseStruct, RequestStruct

if TYPE_CHECKING:
    from app.db.models.accounts import ApiKey


class ApiKeyCreate(RequestStruct):
    name: Name
    scopes: Annotated[list[Scope], msgspec.Meta(min_length=1, max_length=3)]
    expires_at: datetime | None = None


class ApiKeyOut(CamelizedBaseStruct):
    id: UUID
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_model(cls, key: ApiKey) -> ApiKeyOut:
        """The key's metadata; never its secret."""
        return cls(
            id=key.id,
            name=key.name,
            prefix=key.prefix,
            scopes=list(key.scopes),
            created_at=key.created_at,
            last_used_at=key.last_used_at,
            expires_at=key.expires_at,
            revoked_at=key.revoked_at,
        )


class ApiKeyCreated(ApiKeyOut):
    key: str
    """The full key. Shown only in this response: store it now."""


class ApiKeyPage(Page[ApiKeyOut], kw_only=True):
    items: list[ApiKeyOut]

"""Dependencies of the API-key controllers (the API's and the console's): the API-key service."""

from __future__ import annotations

from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.apikeys.services import ApiKeyService


def provide_api_keys(db_session: NamedDependency[AsyncSession]) -> ApiKeyService:
    """Dependency `api_keys`: the API-key service on the request's session."""
    return ApiKeyService(db_session)


API_KEY_DEPENDENCIES = {"api_keys": Provide(provide_api_keys, sync_to_thread=False)}

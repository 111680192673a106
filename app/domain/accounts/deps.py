"""Dependencies of the account controllers (the API's and the console's): the account service."""

from __future__ import annotations

from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.access.runtime import AccessRuntime
from app.domain.accounts.services import AccountService


def provide_accounts(
    db_session: NamedDependency[AsyncSession], access: NamedDependency[AccessRuntime]
) -> AccountService:
    """Dependency `accounts`: the account service on the request's session and the app's access runtime."""
    return AccountService(db_session, access)


ACCOUNT_DEPENDENCIES = {"accounts": Provide(provide_accounts, sync_to_thread=False)}
"""`accounts`, built on the app-wide `access` runtime (which handlers also name for the session cookies)."""

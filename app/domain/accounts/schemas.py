"""Request and response bodies of the auth endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import msgspec

from app.lib.schema import CamelizedBaseStruct, RequestStruct
from app.lib.text import VisibleName

if TYPE_CHECKING:
    from app.db.models.accounts import User
    from app.domain.access.apikeys import KeySnapshot

# Deliberately loose (the address is proven only by use); it rejects obvious garbage and spaces.
# No `\s` outside the classes: it means other characters in JavaScript than in Python (\x1c-\x1f, \x85), and
# the pattern is published in the OpenAPI document; controls are excluded by name inside them.
_ADDRESS_CHARS = r"[^@\s\x00-\x1f\x7f-\x9f]+"
Email = Annotated[
    str,
    msgspec.Meta(
        min_length=3,
        max_length=320,
        pattern=rf"^[ \t]*{_ADDRESS_CHARS}@{_ADDRESS_CHARS}\.{_ADDRESS_CHARS}[ \t]*$",
    ),
]
Password = Annotated[str, msgspec.Meta(min_length=10, max_length=128)]
DisplayName = VisibleName
# Login accepts any length up to a bound, so a too-short attempt is just a failed login (no policy leak).
LoginPassword = Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class RegisterRequest(RequestStruct):
    email: Email
    password: Password
    display_name: DisplayName


class LoginRequest(RequestStruct):
    email: Annotated[str, msgspec.Meta(min_length=1, max_length=320)]
    password: LoginPassword


class PasswordChangeRequest(RequestStruct):
    current_password: LoginPassword
    new_password: Password


class UserOut(CamelizedBaseStruct):
    id: UUID
    email: str
    display_name: str
    created_at: datetime

    @classmethod
    def from_model(cls, user: User) -> UserOut:
        return cls(id=user.id, email=user.email, display_name=user.display_name, created_at=user.created_at)


class ApiKeyIdentity(CamelizedBaseStruct):
    id: UUID
    name: str
    prefix: str
    scopes: list[str]
    workspace_id: UUID

    @classmethod
    def from_model(cls, key: KeySnapshot) -> ApiKeyIdentity:
        """The calling key as `authMe` shows it (never its secret)."""
        return cls(id=key.id, name=key.name, prefix=key.prefix, scopes=list(key.scopes), workspace_id=key.workspace_id)


class SessionOut(CamelizedBaseStruct):
    """Returned by register and login: the user, the CSRF token for unsafe requests, the personal workspace."""

    user: UserOut
    csrf_token: str
    personal_workspace: str


class Me(CamelizedBaseStruct):
    """Who is calling: a user (session) or an API key."""

    type: str
    user: UserOut | None = None
    api_key: ApiKeyIdentity | None = None


class CsrfOut(CamelizedBaseStruct):
    csrf_token: str

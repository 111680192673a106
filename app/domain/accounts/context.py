"""Who is calling, and in which workspace: the values the authorization dependencies provide."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from uuid import UUID

from app.db.models import ApiKey, User, Workspace
from app.domain.accounts.permissions import Permission, Role


@dataclass(frozen=True, slots=True)
class Actor:
    """The principal recorded on audit events, label moves and version authorship."""

    type: Literal["user", "api_key", "anonymous"]
    id: UUID | None
    label: str
    """Email of a user, `name (prefix)` of an API key."""


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated principal of a request: a user (session cookie) or an API key."""

    actor: Actor
    user: User | None = None
    api_key: ApiKey | None = None
    session_id: str | None = None

    @property
    def is_api_key(self) -> bool:
        return self.api_key is not None


@dataclass(frozen=True, slots=True)
class WorkspaceContext:
    """A caller's access to the workspace named in the URL, already checked against the route's permission."""

    workspace: Workspace
    caller: Caller
    role: Role | None
    """The member's role; None for API keys (their scopes decide)."""
    permissions: frozenset[Permission]
    request_id: str
    client_address: str = field(default="")

    @property
    def workspace_id(self) -> UUID:
        return self.workspace.id

    @property
    def actor(self) -> Actor:
        return self.caller.actor

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

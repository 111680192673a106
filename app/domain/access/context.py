"""Who is calling, and in which workspace: the values the authorization dependencies provide.

Both are built on every authenticated request, mostly from the in-process caches, so they carry immutable
snapshots (`KeySnapshot`, `WorkspaceSnapshot`) rather than ORM objects: building and instrumenting a detached
ORM instance costs more than the rest of the cached authorization. `WorkspaceContext.workspace` (the ORM row)
is still there for the handlers that need one, built on first access from the snapshot on safe requests, and
the row attached to the request's session on writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from uuid import UUID

from app.db.models import User, Workspace
from app.domain.access.apikeys import KeySnapshot
from app.domain.access.caches import WorkspaceSnapshot
from app.domain.access.permissions import Permission, Role


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
    api_key: KeySnapshot | None = None
    """The key's cached, immutable snapshot (`id`, `workspace_id`, `name`, `prefix`, `scopes`, `expires_at`, …)."""
    session_id: str | None = None

    @property
    def is_api_key(self) -> bool:
        return self.api_key is not None


class WorkspaceContext:
    """A caller's access to the workspace named in the URL, already checked against the route's permission.

    `workspace` may be given as the ORM row (writes: attached to the request's session, so handlers can change
    it) or as a `WorkspaceSnapshot` (safe requests answered from the cache). `snapshot`, `workspace_id` and
    `workspace_slug` never build an ORM object; `workspace` builds a detached one, once, on first access.
    """

    __slots__ = ("_loaded", "_row", "caller", "client_address", "permissions", "request_id", "role", "snapshot")

    def __init__(
        self,
        workspace: Workspace | WorkspaceSnapshot,
        caller: Caller,
        role: Role | None,
        permissions: frozenset[Permission],
        request_id: str,
        client_address: str = "",
    ) -> None:
        if isinstance(workspace, WorkspaceSnapshot):
            self.snapshot: WorkspaceSnapshot = workspace
            self._row: Workspace | None = None
            self._loaded = False
        else:
            self.snapshot = WorkspaceSnapshot.of(workspace)
            self._row = workspace
            self._loaded = True
        self.caller = caller
        self.role = role
        """The member's role; None for API keys (their scopes decide)."""
        self.permissions = permissions
        self.request_id = request_id
        self.client_address = client_address

    @property
    def from_cache(self) -> bool:
        """Whether the workspace came from the cache (a snapshot), not from the database in this request."""
        return self._row is None and not self._loaded

    @property
    def workspace(self) -> Workspace:
        """The ORM row: the attached one on writes, else a detached copy of the snapshot (built once)."""
        row = self._row
        if row is None:
            row = self._row = self.snapshot.to_model()
        return row

    @property
    def workspace_id(self) -> UUID:
        return self.snapshot.id

    @property
    def workspace_slug(self) -> str:
        return self.snapshot.slug

    @property
    def actor(self) -> Actor:
        return self.caller.actor

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def __repr__(self) -> str:
        return (
            f"WorkspaceContext(workspace={self.snapshot.slug!r}, actor={self.caller.actor.label!r}, "
            f"role={self.role!r}, request_id={self.request_id!r})"
        )

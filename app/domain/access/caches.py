"""Workspace and membership lookups for authorization: in-process caches, dropped on every instance at each change.

* `workspaces`: slug -> `WorkspaceSnapshot` (id, name, settings: protected labels, lint overrides, timestamps).
* `members`: `<workspace id>:<user id>` -> role.

Both are `LocalCache`s on the `InvalidationBus`. Every ORM change to a `Workspace` or `WorkspaceMember` row
(rename, settings, lint rules, member added, role changed, member removed) is picked up by a session
`after_flush` hook and invalidated after the commit (`invalidate_on_commit`), wherever the change is made;
bulk (Core) deletes call `invalidate_on_commit` explicitly (`app.domain.workspaces.services`). A TTL bounds
staleness if a message is ever lost, and a fill token (`LocalCache.token`) keeps a read that raced a commit
from re-caching the old row.

Only safe (GET/HEAD) requests are answered from the snapshot (the `WorkspaceContext` carries it as is and builds
a detached `Workspace` only for a handler that reads `ctx.workspace`); writes load the row into their session as
before, so handlers that change it get a real, attached row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import event
from sqlalchemy.orm import Session, make_transient_to_detached, sessionmaker

from app.db.models import Workspace, WorkspaceMember
from app.lib.invalidation import InvalidationBus, LocalCache, invalidate_on_commit
from app.lib.snapshots import columns_of, snapshot_of

WORKSPACE_CACHE = "workspaces"
MEMBER_CACHE = "workspace_members"
ACCESS_TTL = 30.0


@dataclass(frozen=True, slots=True)
class WorkspaceSnapshot:
    """The columns of a `Workspace` row, immutable, shared by every request that reads it from the cache."""

    id: UUID
    slug: str
    name: str
    is_personal: bool
    protected_labels: tuple[str, ...]
    lint_overrides: tuple[dict[str, Any], ...]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Workspace) -> WorkspaceSnapshot:
        return snapshot_of(
            cls,
            row,
            protected_labels=tuple(row.protected_labels or ()),
            lint_overrides=tuple(dict(item) for item in row.lint_overrides or ()),
        )

    def to_model(self) -> Workspace:
        """A detached `Workspace` of its own (mutable lists are copies): safe to hand to one request."""
        workspace = Workspace(
            **columns_of(
                self,
                protected_labels=list(self.protected_labels),
                lint_overrides=[dict(item) for item in self.lint_overrides],
            )
        )
        make_transient_to_detached(workspace)  # persistent identity: never INSERTed if ever added to a session
        return workspace


def member_key(workspace_id: UUID, user_id: UUID) -> str:
    return f"{workspace_id.hex}:{user_id.hex}"


class AccessCache:
    """The two caches, registered on the bus."""

    def __init__(self, bus: InvalidationBus | None, *, ttl: float = ACCESS_TTL) -> None:
        self.workspaces: LocalCache[WorkspaceSnapshot] = LocalCache(WORKSPACE_CACHE, ttl=ttl, maxsize=10_000)
        self.members: LocalCache[str] = LocalCache(MEMBER_CACHE, ttl=ttl, maxsize=50_000)
        if bus is not None:
            bus.register(self.workspaces)
            bus.register(self.members)


def attach_access_hooks(session_factory: sessionmaker[Session]) -> None:
    """Drop cached workspaces and memberships changed by sessions of `session_factory` (the app's own)."""
    event.listen(session_factory, "after_flush", _invalidate_changed_access_rows)


def _invalidate_changed_access_rows(session: Session, _flush_context: Any) -> None:
    """Any flushed change to a workspace or membership row: drop its cache entry after the commit."""
    # Loaded values only (`__dict__`): reading an expired attribute here would emit SQL inside the flush.
    # When the key is not loaded, the whole cache is dropped ("*"), which is always correct.
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Workspace):
            slug = obj.__dict__.get("slug")
            invalidate_on_commit(session, WORKSPACE_CACHE, slug if isinstance(slug, str) else "*")
        elif isinstance(obj, WorkspaceMember):
            workspace_id, user_id = obj.__dict__.get("workspace_id"), obj.__dict__.get("user_id")
            key = member_key(workspace_id, user_id) if workspace_id and user_id else "*"
            invalidate_on_commit(session, MEMBER_CACHE, key)

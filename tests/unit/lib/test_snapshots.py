"""Snapshots of ORM rows (`app.lib.snapshots`): every declared column is copied, conversions apply, round trips hold."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

from app.db.models import ApiKey, Workspace
from app.domain.access.apikeys import KeySnapshot
from app.domain.access.caches import WorkspaceSnapshot


def _workspace() -> Workspace:
    now = datetime(2026, 1, 2, tzinfo=UTC)
    return Workspace(
        id=uuid4(),
        slug="acme",
        name="Acme",
        is_personal=False,
        protected_labels=["production"],
        lint_overrides=[{"rule": "x", "enabled": False}],
        created_at=now,
        updated_at=now,
    )


def test_a_workspace_snapshot_keeps_every_column_and_gives_back_an_equal_detached_row() -> None:
    row = _workspace()
    snapshot = WorkspaceSnapshot.of(row)
    assert snapshot.protected_labels == ("production",)  # lists become tuples: the snapshot is shared
    assert snapshot.lint_overrides == ({"rule": "x", "enabled": False},)
    copy = snapshot.to_model()
    for column in ("id", "slug", "name", "is_personal", "protected_labels", "lint_overrides", "created_at"):
        assert getattr(copy, column) == getattr(row, column), column
    copy.protected_labels.append("staging")  # the copy's lists are its own
    assert snapshot.protected_labels == ("production",)


def test_a_key_snapshot_keeps_every_column() -> None:
    now = datetime(2026, 1, 2, tzinfo=UTC)
    row = ApiKey(
        id=uuid4(),
        workspace_id=uuid4(),
        name="ci",
        prefix="psk_abcdefgh",
        secret_hash="h",
        scopes=["read", "write"],
        expires_at=None,
        revoked_at=None,
        last_used_at=now,
        created_by_id=None,
        created_at=now,
    )
    snapshot = KeySnapshot.of(row)
    assert snapshot.scopes == ("read", "write")
    assert (snapshot.id, snapshot.prefix, snapshot.last_used_at, snapshot.created_at) == (
        row.id,
        "psk_abcdefgh",
        now,
        now,
    )
    assert snapshot.is_usable(now)

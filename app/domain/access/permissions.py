"""Roles, API-key scopes and the permission matrix. The single source of truth for who may do what."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


class Permission(StrEnum):
    """One action on a workspace. Handlers declare the one they need in `opt["permission"]`."""

    READ = "read"
    """Read prompts, versions, labels, diffs; resolve and render."""
    WRITE = "write"
    """Create and change prompts, versions, templates and unprotected labels; run generation."""
    MOVE_PROTECTED_LABEL = "move_protected_label"
    MANAGE_KEYS = "manage_keys"
    MANAGE_MEMBERS = "manage_members"
    VIEW_AUDIT = "view_audit"
    MANAGE_WORKSPACE = "manage_workspace"
    """Rename the workspace and change its settings (protected labels, lint rules)."""
    DELETE_WORKSPACE = "delete_workspace"
    MANAGE_OWNERS = "manage_owners"


_VIEWER = frozenset({Permission.READ})
_EDITOR = _VIEWER | {Permission.WRITE}
_ADMIN = _EDITOR | {
    Permission.MOVE_PROTECTED_LABEL,
    Permission.MANAGE_KEYS,
    Permission.MANAGE_MEMBERS,
    Permission.VIEW_AUDIT,
    Permission.MANAGE_WORKSPACE,
}
_OWNER = _ADMIN | {Permission.DELETE_WORKSPACE, Permission.MANAGE_OWNERS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: _VIEWER,
    Role.EDITOR: _EDITOR,
    Role.ADMIN: _ADMIN,
    Role.OWNER: _OWNER,
}

SCOPE_PERMISSIONS: dict[Scope, frozenset[Permission]] = {
    Scope.READ: _VIEWER,
    Scope.WRITE: _EDITOR,
    # An admin-scoped key can do what an admin can, but never owner-only actions.
    Scope.ADMIN: _ADMIN,
}


def permissions_for_scopes(scopes: list[str] | tuple[str, ...]) -> frozenset[Permission]:
    """Union of the permissions granted by `scopes` (unknown scopes grant nothing)."""
    granted: frozenset[Permission] = frozenset()
    for scope in scopes:
        if scope in Scope.__members__.values():
            granted |= SCOPE_PERMISSIONS[Scope(scope)]
    return granted

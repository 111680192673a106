"""Request and response bodies of workspaces and members."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import msgspec

from app.domain.access.permissions import Role
from app.lib.pagination import Page
from app.lib.schema import CamelizedBaseStruct, RequestStruct
from app.lib.text import VisibleName

if TYPE_CHECKING:
    from app.db.models.accounts import User, Workspace, WorkspaceMember

Name = VisibleName
Slug = Annotated[str, msgspec.Meta(min_length=1, max_length=63, pattern=r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
Label = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9._-]*$")]


class WorkspaceCreate(RequestStruct):
    name: Name
    slug: Slug | None = None
    """Optional; derived from the name when absent. It never changes afterwards."""


class WorkspaceUpdate(RequestStruct):
    name: Name | msgspec.UnsetType = msgspec.UNSET
    protected_labels: Annotated[list[Label], msgspec.Meta(max_length=50)] | msgspec.UnsetType = msgspec.UNSET


class WorkspaceOut(CamelizedBaseStruct):
    id: UUID
    slug: str
    name: str
    is_personal: bool
    protected_labels: list[str]
    role: str | None
    """The caller's role; null for API keys."""
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, workspace: Workspace, role: str | None) -> WorkspaceOut:
        """`role`: the caller's role in it (None for an API key)."""
        return cls(
            id=workspace.id,
            slug=workspace.slug,
            name=workspace.name,
            is_personal=workspace.is_personal,
            protected_labels=list(workspace.protected_labels),
            role=role,
            created_at=workspace.created_at,
            updated_at=workspace.updated_at,
        )


class MemberAdd(RequestStruct):
    email: Annotated[str, msgspec.Meta(min_length=3, max_length=320)]
    role: Role


class MemberUpdate(RequestStruct):
    role: Role


class MemberOut(CamelizedBaseStruct):
    user_id: UUID
    email: str
    display_name: str
    role: str
    joined_at: datetime

    @classmethod
    def from_model(cls, member: WorkspaceMember, user: User) -> MemberOut:
        return cls(
            user_id=user.id,
            email=user.email,
            display_name=user.display_name,
            role=member.role,
            joined_at=member.created_at,
        )


class WorkspacePage(Page[WorkspaceOut], kw_only=True):
    """One page of workspaces: `items`, the `total` matching, and the `limit`/`offset` used."""

    items: list[WorkspaceOut]


class MemberPage(Page[MemberOut], kw_only=True):
    items: list[MemberOut]

"""Workspace and membership rules. Every query here is scoped to the workspace of a checked context."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApiKey, User, Workspace, WorkspaceMember
from app.domain.access.apikeys import API_KEY_CACHE
from app.domain.access.caches import MEMBER_CACHE, WORKSPACE_CACHE
from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission, Role
from app.domain.audit.services import record_audit_event
from app.lib.emails import normalize_email
from app.lib.errors import ConflictError, NotFoundError, PermissionDeniedError
from app.lib.invalidation import invalidate_on_commit


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:40].strip("-") or "workspace"


WORKSPACE_NAME_MAX = 120


def _fit_name(name: str) -> str:
    """`name` within the column: a derived name (`<display name>'s workspace`) may run past it."""
    return name if len(name) <= WORKSPACE_NAME_MAX else name[: WORKSPACE_NAME_MAX - 1].rstrip() + "…"


def _require_owner_rights(ctx: WorkspaceContext, *roles: str) -> None:
    if Role.OWNER.value in roles and not ctx.can(Permission.MANAGE_OWNERS):
        raise PermissionDeniedError("Only an owner can grant, change or remove the owner role.")


class WorkspaceService:
    """Workspaces and their members, on the request's session. It flushes; the request boundary commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, workspace_id: UUID) -> Workspace | None:
        return await self.session.get(Workspace, workspace_id)

    async def _slug_taken(self, slug: str) -> bool:
        return (await self.session.execute(select(Workspace.id).where(Workspace.slug == slug))).first() is not None

    async def create(self, owner: User, name: str, *, slug: str | None = None, personal: bool = False) -> Workspace:
        """A workspace with `owner` as its owner. Without a `slug`, one is derived from the name plus a random tail."""
        if slug is not None:
            if await self._slug_taken(slug):
                raise ConflictError(f"The slug {slug!r} is taken.")
        else:
            slug = f"{slugify(name)}-{secrets.token_hex(3)}"
            while await self._slug_taken(slug):
                slug = f"{slugify(name)}-{secrets.token_hex(4)}"
        workspace = Workspace(slug=slug, name=_fit_name(name), is_personal=personal)
        self.session.add(workspace)
        await self.session.flush()
        self.session.add(WorkspaceMember(workspace_id=workspace.id, user_id=owner.id, role=Role.OWNER.value))
        await self.session.flush()
        return workspace

    async def list_for_user(self, user_id: UUID, *, limit: int, offset: int) -> tuple[list[tuple[Workspace, str]], int]:
        """The user's workspaces with their role, oldest first."""
        base = (
            select(Workspace, WorkspaceMember.role)
            .join(WorkspaceMember, WorkspaceMember.workspace_id == Workspace.id)
            .where(WorkspaceMember.user_id == user_id)
        )
        total = (await self.session.execute(select(func.count()).select_from(base.subquery()))).scalar_one()
        rows = (
            await self.session.execute(base.order_by(Workspace.created_at, Workspace.id).limit(limit).offset(offset))
        ).all()
        return [(row[0], row[1]) for row in rows], total

    async def update(self, ctx: WorkspaceContext, *, name: str | None, protected_labels: list[str] | None) -> Workspace:
        workspace = ctx.workspace
        if name is not None:
            workspace.name = name
        if protected_labels is not None:
            workspace.protected_labels = sorted(set(protected_labels))
        self.session.add(workspace)
        await self.session.flush()
        return workspace

    async def delete(self, ctx: WorkspaceContext) -> None:
        """Delete the workspace; the database cascades to every row that belongs to it. Its keys stop working on
        every instance once the deletion is committed."""
        if ctx.workspace.is_personal:
            raise ConflictError("A personal workspace cannot be deleted.")
        prefixes = list(
            (await self.session.execute(select(ApiKey.prefix).where(ApiKey.workspace_id == ctx.workspace_id))).scalars()
        )
        await self.session.execute(delete(Workspace).where(Workspace.id == ctx.workspace_id))
        # A Core delete (the rows cascade in the database): ORM flush hooks do not see it, so say it here.
        # Renames, settings and member changes go through the ORM and are invalidated by `access.caches`.
        invalidate_on_commit(self.session, WORKSPACE_CACHE, ctx.workspace.slug)
        invalidate_on_commit(self.session, MEMBER_CACHE, f"{ctx.workspace_id.hex}:*")
        for prefix in prefixes:
            invalidate_on_commit(self.session, API_KEY_CACHE, prefix)

    # Members ------------------------------------------------------------------------------------------------------

    async def list_members(
        self, ctx: WorkspaceContext, *, limit: int, offset: int
    ) -> tuple[list[tuple[WorkspaceMember, User]], int]:
        base = (
            select(WorkspaceMember, User)
            .join(User, User.id == WorkspaceMember.user_id)
            .where(WorkspaceMember.workspace_id == ctx.workspace_id)
        )
        total = (await self.session.execute(select(func.count()).select_from(base.subquery()))).scalar_one()
        rows = (await self.session.execute(base.order_by(WorkspaceMember.created_at).limit(limit).offset(offset))).all()
        return [(row[0], row[1]) for row in rows], total

    async def _member(self, ctx: WorkspaceContext, user_id: UUID) -> tuple[WorkspaceMember, User]:
        row = (
            await self.session.execute(
                select(WorkspaceMember, User)
                .join(User, User.id == WorkspaceMember.user_id)
                .where(WorkspaceMember.workspace_id == ctx.workspace_id, WorkspaceMember.user_id == user_id)
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError("No such member in this workspace.")
        return row[0], row[1]

    async def _owner_count(self, workspace_id: UUID) -> int:
        """Owners of the workspace, with their rows locked until commit.

        The lock makes "is this the last owner?" and the demotion or removal that follows one step: two owners
        demoting each other at the same moment cannot leave the workspace without one.
        """
        owners = await self.session.execute(
            select(WorkspaceMember.id)
            .where(WorkspaceMember.workspace_id == workspace_id, WorkspaceMember.role == Role.OWNER.value)
            .with_for_update()
        )
        return len(owners.all())

    async def add_member(self, ctx: WorkspaceContext, email: str, role: Role) -> tuple[WorkspaceMember, User]:
        _require_owner_rights(ctx, role.value)
        if ctx.workspace.is_personal:
            # The personal workspace holds its owner's login history: nobody else may join it (or own it).
            raise ConflictError("A personal workspace has no other members; create a shared workspace instead.")
        user = (
            await self.session.execute(select(User).where(User.email == normalize_email(email)))
        ).scalar_one_or_none()
        if user is None or not user.is_active:
            raise NotFoundError("No account with this email; the person must register first.")
        exists = (
            await self.session.execute(
                select(WorkspaceMember.id).where(
                    WorkspaceMember.workspace_id == ctx.workspace_id, WorkspaceMember.user_id == user.id
                )
            )
        ).first()
        if exists is not None:
            raise ConflictError("This user is already a member of the workspace.")
        member = WorkspaceMember(workspace_id=ctx.workspace_id, user_id=user.id, role=role.value)
        self.session.add(member)
        await self.session.flush()
        await self._audit_member(ctx, "member.added", user, {"role": role.value})
        return member, user

    async def _audit_member(self, ctx: WorkspaceContext, action: str, user: User, details: dict[str, Any]) -> None:
        """The audit event of a membership change, with the member as its target."""
        await record_audit_event(
            self.session,
            ctx,
            action=action,
            target_type="user",
            target_id=str(user.id),
            target_label=user.email,
            details=details,
        )

    async def change_role(self, ctx: WorkspaceContext, user_id: UUID, role: Role) -> tuple[WorkspaceMember, User]:
        member, user = await self._member(ctx, user_id)
        _require_owner_rights(ctx, member.role, role.value)
        if member.role == role.value:
            return member, user
        if member.role == Role.OWNER.value and await self._owner_count(ctx.workspace_id) <= 1:
            raise ConflictError("The last owner cannot be demoted; make another member owner first.")
        previous = member.role
        member.role = role.value
        self.session.add(member)
        await self.session.flush()
        if role not in (Role.OWNER, Role.ADMIN):
            await self.revoke_keys_created_by(ctx, user.id)
        await self._audit_member(ctx, "member.role_changed", user, {"from": previous, "to": role.value})
        return member, user

    async def remove_member(self, ctx: WorkspaceContext, user_id: UUID) -> None:
        """Remove a member (a user leaving is `user_id` = their own id); the last owner stays."""
        member, user = await self._member(ctx, user_id)
        is_self = ctx.caller.user is not None and ctx.caller.user.id == user_id
        if not is_self:
            if not ctx.can(Permission.MANAGE_MEMBERS):
                raise PermissionDeniedError("You can remove only yourself from this workspace.")
            _require_owner_rights(ctx, member.role)
        if member.role == Role.OWNER.value and await self._owner_count(ctx.workspace_id) <= 1:
            raise ConflictError("The last owner cannot leave or be removed; make another member owner first.")
        await self.session.delete(member)
        await self.session.flush()
        await self.revoke_keys_created_by(ctx, user.id)
        await self._audit_member(ctx, "member.removed", user, {"role": member.role, "self": is_self})

    async def revoke_keys_created_by(self, ctx: WorkspaceContext, user_id: UUID) -> None:
        """Revoke the live keys `user_id` created here: a key never outlives its creator's right to make it."""
        now = datetime.now(UTC)
        rows = (
            await self.session.execute(
                update(ApiKey)
                .where(ApiKey.workspace_id == ctx.workspace_id, ApiKey.created_by_id == user_id)
                .where(ApiKey.revoked_at.is_(None))
                .values(revoked_at=now)
                .returning(ApiKey.id, ApiKey.prefix, ApiKey.name)
            )
        ).all()
        for key_id, prefix, name in rows:
            invalidate_on_commit(self.session, API_KEY_CACHE, prefix)
            await record_audit_event(
                self.session,
                ctx,
                action="api_key.revoked",
                target_type="api_key",
                target_id=str(key_id),
                target_label=f"{name} ({prefix})",
                details={"reason": "creator lost key management"},
            )

"""Workspace and membership rules. Every query here is scoped to the workspace of a checked context."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import UTC, datetime
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


async def _slug_taken(session: AsyncSession, slug: str) -> bool:
    return (await session.execute(select(Workspace.id).where(Workspace.slug == slug))).first() is not None


WORKSPACE_NAME_MAX = 120


def _fit_name(name: str) -> str:
    """`name` within the column: a derived name (`<display name>'s workspace`) may run past it."""
    return name if len(name) <= WORKSPACE_NAME_MAX else name[: WORKSPACE_NAME_MAX - 1].rstrip() + "…"


async def create_workspace(
    session: AsyncSession, owner: User, name: str, *, slug: str | None = None, personal: bool = False
) -> Workspace:
    """A workspace with `owner` as its owner. Without a `slug`, one is derived from the name plus a random tail."""
    if slug is not None:
        if await _slug_taken(session, slug):
            raise ConflictError(f"The slug {slug!r} is taken.")
    else:
        slug = f"{slugify(name)}-{secrets.token_hex(3)}"
        while await _slug_taken(session, slug):
            slug = f"{slugify(name)}-{secrets.token_hex(4)}"
    workspace = Workspace(slug=slug, name=_fit_name(name), is_personal=personal)
    session.add(workspace)
    await session.flush()
    session.add(WorkspaceMember(workspace_id=workspace.id, user_id=owner.id, role=Role.OWNER.value))
    await session.flush()
    return workspace


async def list_user_workspaces(
    session: AsyncSession, user_id: UUID, *, limit: int, offset: int
) -> tuple[list[tuple[Workspace, str]], int]:
    """The user's workspaces with their role, oldest first."""
    base = (
        select(Workspace, WorkspaceMember.role)
        .join(WorkspaceMember, WorkspaceMember.workspace_id == Workspace.id)
        .where(WorkspaceMember.user_id == user_id)
    )
    total = (await session.execute(select(func.count()).select_from(base.subquery()))).scalar_one()
    rows = (await session.execute(base.order_by(Workspace.created_at, Workspace.id).limit(limit).offset(offset))).all()
    return [(row[0], row[1]) for row in rows], total


async def update_workspace(
    session: AsyncSession, ctx: WorkspaceContext, *, name: str | None, protected_labels: list[str] | None
) -> Workspace:
    workspace = ctx.workspace
    if name is not None:
        workspace.name = name
    if protected_labels is not None:
        workspace.protected_labels = sorted(set(protected_labels))
    session.add(workspace)
    await session.flush()
    return workspace


async def delete_workspace(session: AsyncSession, ctx: WorkspaceContext) -> list[str]:
    """Delete the workspace; the database cascades to every row that belongs to it. Returns its key prefixes."""
    if ctx.workspace.is_personal:
        raise ConflictError("A personal workspace cannot be deleted.")
    prefixes = list(
        (await session.execute(select(ApiKey.prefix).where(ApiKey.workspace_id == ctx.workspace_id))).scalars()
    )
    await session.execute(delete(Workspace).where(Workspace.id == ctx.workspace_id))
    # A Core delete (the rows cascade in the database): ORM flush hooks do not see it, so say it here.
    # Renames, settings and member changes go through the ORM and are invalidated by `accounts.access`.
    invalidate_on_commit(session, WORKSPACE_CACHE, ctx.workspace.slug)
    invalidate_on_commit(session, MEMBER_CACHE, f"{ctx.workspace_id.hex}:*")
    return prefixes


# Members ------------------------------------------------------------------------------------------------------


async def list_members(
    session: AsyncSession, ctx: WorkspaceContext, *, limit: int, offset: int
) -> tuple[list[tuple[WorkspaceMember, User]], int]:
    base = (
        select(WorkspaceMember, User)
        .join(User, User.id == WorkspaceMember.user_id)
        .where(WorkspaceMember.workspace_id == ctx.workspace_id)
    )
    total = (await session.execute(select(func.count()).select_from(base.subquery()))).scalar_one()
    rows = (await session.execute(base.order_by(WorkspaceMember.created_at).limit(limit).offset(offset))).all()
    return [(row[0], row[1]) for row in rows], total


async def _member(session: AsyncSession, ctx: WorkspaceContext, user_id: UUID) -> tuple[WorkspaceMember, User]:
    row = (
        await session.execute(
            select(WorkspaceMember, User)
            .join(User, User.id == WorkspaceMember.user_id)
            .where(WorkspaceMember.workspace_id == ctx.workspace_id, WorkspaceMember.user_id == user_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError("No such member in this workspace.")
    return row[0], row[1]


async def _owner_count(session: AsyncSession, workspace_id: UUID) -> int:
    """Owners of the workspace, with their rows locked until commit.

    The lock makes "is this the last owner?" and the demotion or removal that follows one step: two owners
    demoting each other at the same moment cannot leave the workspace without one.
    """
    owners = await session.execute(
        select(WorkspaceMember.id)
        .where(WorkspaceMember.workspace_id == workspace_id, WorkspaceMember.role == Role.OWNER.value)
        .with_for_update()
    )
    return len(owners.all())


def _require_owner_rights(ctx: WorkspaceContext, *roles: str) -> None:
    if Role.OWNER.value in roles and not ctx.can(Permission.MANAGE_OWNERS):
        raise PermissionDeniedError("Only an owner can grant, change or remove the owner role.")


async def add_member(
    session: AsyncSession, ctx: WorkspaceContext, email: str, role: Role
) -> tuple[WorkspaceMember, User]:
    _require_owner_rights(ctx, role.value)
    if ctx.workspace.is_personal:
        # The personal workspace holds its owner's login history: nobody else may join it (or own it).
        raise ConflictError("A personal workspace has no other members; create a shared workspace instead.")
    user = (await session.execute(select(User).where(User.email == normalize_email(email)))).scalar_one_or_none()
    if user is None or not user.is_active:
        raise NotFoundError("No account with this email; the person must register first.")
    exists = (
        await session.execute(
            select(WorkspaceMember.id).where(
                WorkspaceMember.workspace_id == ctx.workspace_id, WorkspaceMember.user_id == user.id
            )
        )
    ).first()
    if exists is not None:
        raise ConflictError("This user is already a member of the workspace.")
    member = WorkspaceMember(workspace_id=ctx.workspace_id, user_id=user.id, role=role.value)
    session.add(member)
    await session.flush()
    await record_audit_event(
        session,
        ctx,
        action="member.added",
        target_type="user",
        target_id=str(user.id),
        target_label=user.email,
        details={"role": role.value},
    )
    return member, user


async def change_role(
    session: AsyncSession, ctx: WorkspaceContext, user_id: UUID, role: Role
) -> tuple[WorkspaceMember, User]:
    member, user = await _member(session, ctx, user_id)
    _require_owner_rights(ctx, member.role, role.value)
    if member.role == role.value:
        return member, user
    if member.role == Role.OWNER.value and await _owner_count(session, ctx.workspace_id) <= 1:
        raise ConflictError("The last owner cannot be demoted; make another member owner first.")
    previous = member.role
    member.role = role.value
    session.add(member)
    await session.flush()
    if role not in (Role.OWNER, Role.ADMIN):
        await revoke_keys_created_by(session, ctx, user.id)
    await record_audit_event(
        session,
        ctx,
        action="member.role_changed",
        target_type="user",
        target_id=str(user.id),
        target_label=user.email,
        details={"from": previous, "to": role.value},
    )
    return member, user


async def remove_member(session: AsyncSession, ctx: WorkspaceContext, user_id: UUID) -> None:
    """Remove a member (a user leaving is `user_id` = their own id); the last owner stays."""
    member, user = await _member(session, ctx, user_id)
    is_self = ctx.caller.user is not None and ctx.caller.user.id == user_id
    if not is_self:
        if not ctx.can(Permission.MANAGE_MEMBERS):
            raise PermissionDeniedError("You can remove only yourself from this workspace.")
        _require_owner_rights(ctx, member.role)
    if member.role == Role.OWNER.value and await _owner_count(session, ctx.workspace_id) <= 1:
        raise ConflictError("The last owner cannot leave or be removed; make another member owner first.")
    await session.delete(member)
    await session.flush()
    await revoke_keys_created_by(session, ctx, user.id)
    await record_audit_event(
        session,
        ctx,
        action="member.removed",
        target_type="user",
        target_id=str(user.id),
        target_label=user.email,
        details={"role": member.role, "self": is_self},
    )


async def revoke_keys_created_by(session: AsyncSession, ctx: WorkspaceContext, user_id: UUID) -> None:
    """Revoke the live keys `user_id` created here: a key never outlives its creator's right to make it."""
    now = datetime.now(UTC)
    rows = (
        await session.execute(
            update(ApiKey)
            .where(ApiKey.workspace_id == ctx.workspace_id, ApiKey.created_by_id == user_id)
            .where(ApiKey.revoked_at.is_(None))
            .values(revoked_at=now)
            .returning(ApiKey.id, ApiKey.prefix, ApiKey.name)
        )
    ).all()
    for key_id, prefix, name in rows:
        invalidate_on_commit(session, API_KEY_CACHE, prefix)
        await record_audit_event(
            session,
            ctx,
            action="api_key.revoked",
            target_type="api_key",
            target_id=str(key_id),
            target_label=f"{name} ({prefix})",
            details={"reason": "creator lost key management"},
        )

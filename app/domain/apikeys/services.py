"""API keys of a workspace: create (the full key is returned once), list, revoke.

Looking a key up when a request presents it is access control (`app.domain.access.apikeys`)."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApiKey
from app.domain.access.apikeys import API_KEY_CACHE
from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Scope, permissions_for_scopes
from app.domain.access.secrets import generate_api_key
from app.domain.audit.services import record_audit_event
from app.lib.errors import NotFoundError, PermissionDeniedError, ValidationFailedError
from app.lib.invalidation import invalidate_on_commit


class ApiKeyService:
    """A workspace's API keys, on the request's session. It flushes; the request boundary commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(
        self, ctx: WorkspaceContext, *, name: str, scopes: list[Scope], expires_at: datetime | None
    ) -> tuple[ApiKey, str]:
        """Create a key whose scopes grant nothing the creator lacks. Returns the row and the full key.

        Only people create keys: a key minting keys would let a leaked or short-lived key outlive its revocation
        or expiry.
        """
        if ctx.caller.is_api_key:
            raise PermissionDeniedError("API keys cannot create API keys; an admin creates them while logged in.")
        if expires_at is not None:
            if expires_at.tzinfo is None:
                expires_at = expires_at.replace(tzinfo=UTC)
            if expires_at <= datetime.now(UTC):
                raise ValidationFailedError(
                    "expiresAt must be in the future.",
                    extra={"errors": [{"field": "expiresAt", "source": "body", "message": "must be in the future"}]},
                )
        scope_values = sorted({scope.value for scope in scopes})
        if not permissions_for_scopes(scope_values) <= ctx.permissions:
            raise PermissionDeniedError("A key cannot have scopes that grant more than you have.")
        material = generate_api_key()
        key = ApiKey(
            workspace_id=ctx.workspace_id,
            name=name,
            prefix=material.prefix,
            secret_hash=material.secret_hash,
            scopes=scope_values,
            expires_at=expires_at,
            created_by_id=ctx.caller.user.id if ctx.caller.user is not None else None,
        )
        self.session.add(key)
        await self.session.flush()
        await record_audit_event(
            self.session,
            ctx,
            action="api_key.created",
            target_type="api_key",
            target_id=str(key.id),
            target_label=f"{name} ({material.prefix})",
            details={"scopes": scope_values},
        )
        return key, material.full

    async def list_keys(self, ctx: WorkspaceContext, *, limit: int, offset: int) -> tuple[list[ApiKey], int]:
        """The workspace's keys, newest first, and their count."""
        condition = ApiKey.workspace_id == ctx.workspace_id
        total = (await self.session.execute(select(func.count()).select_from(ApiKey).where(condition))).scalar_one()
        rows = (
            await self.session.execute(
                select(ApiKey)
                .where(condition)
                .order_by(ApiKey.created_at.desc(), ApiKey.id.desc())
                .limit(limit)
                .offset(offset)
            )
        ).scalars()
        return list(rows), total

    async def revoke(self, ctx: WorkspaceContext, key_id: UUID) -> ApiKey:
        """Mark the key revoked (idempotent). It stops working on every instance once the request commits: the
        lookup caches drop it after the commit, never before (another instance would re-read the unrevoked row)."""
        key = (
            await self.session.execute(
                select(ApiKey).where(ApiKey.id == key_id, ApiKey.workspace_id == ctx.workspace_id)
            )
        ).scalar_one_or_none()
        if key is None:
            raise NotFoundError("No such API key in this workspace.")
        if key.revoked_at is None:
            key.revoked_at = datetime.now(UTC)
            self.session.add(key)
            await self.session.flush()
            invalidate_on_commit(self.session, API_KEY_CACHE, key.prefix)
            await record_audit_event(
                self.session,
                ctx,
                action="api_key.revoked",
                target_type="api_key",
                target_id=str(key.id),
                target_label=f"{key.name} ({key.prefix})",
            )
        return key

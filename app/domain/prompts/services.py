"""Prompt metadata: create, read, update, archive, delete and list, always scoped to the caller's workspace.

Every query starts from `PromptRegistry.scoped()` (prompts of `ctx.workspace_id`); nothing here re-checks
membership, which `workspace_ctx` already did. Critical writes commit explicitly, so a failed commit is an
error response rather than a swallowed log line.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import msgspec
from sqlalchemy import Select, and_, delete, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import noload

from app.db.models.prompts import Prompt, PromptLabel, PromptTag
from app.domain.accounts.context import WorkspaceContext
from app.domain.prompts.cache import ResolveCache, prompt_key
from app.domain.prompts.content import error, not_found
from app.domain.prompts.schemas import PromptCreate, PromptOut, PromptPage, PromptUpdate, SortField, SortOrder
from app.lib.errors import ConflictError, PreconditionFailedError, ValidationFailedError

_SORT_ATTRS = {"name": "name", "updatedAt": "updated_at", "createdAt": "created_at"}
_SORT_COLUMNS = {"name": Prompt.name, "updatedAt": Prompt.updated_at, "createdAt": Prompt.created_at}


def prompt_etag(prompt: Prompt) -> str:
    return f'"p-{prompt.id.hex[-12:]}-{prompt.revision}"'


def check_if_match(if_match: str | None, etag: str) -> None:
    """412 unless `If-Match` is absent, `*`, or lists the current ETag."""
    if if_match is None:
        return
    candidates = {c.strip().removeprefix("W/") for c in if_match.split(",")}
    if "*" not in candidates and etag not in candidates:
        raise PreconditionFailedError(
            "The prompt changed since you read it (If-Match does not match its ETag); fetch it again.",
            headers={"ETag": etag},
        )


def to_out(prompt: Prompt) -> PromptOut:
    return PromptOut(
        id=prompt.id,
        name=prompt.name,
        kind=prompt.kind,
        description=prompt.description,
        tags=prompt.tags,
        archived=prompt.archived,
        latest_version=prompt.version_count or None,
        labels={label.name: label.version for label in prompt.labels},
        revision=prompt.revision,
        created_at=prompt.created_at,
        updated_at=prompt.updated_at,
    )


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(msgspec.json.encode(values)).decode().rstrip("=")


def _decode_cursor(cursor: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = msgspec.json.decode(raw)
    except (binascii.Error, msgspec.DecodeError, ValueError):
        values = None
    if not isinstance(values, list) or len(values) != 2:
        problem = error("cursor", "not a cursor from this API", "query")
        raise ValidationFailedError("Invalid cursor.", extra={"errors": [problem]})
    return values


class PromptRegistry:
    """Workspace-scoped access to prompts for one request."""

    def __init__(self, session: AsyncSession, ctx: WorkspaceContext, cache: ResolveCache) -> None:
        self.session = session
        self.ctx = ctx
        self.cache = cache
        # Snapshots: a rollback expires the workspace row, which must not be lazily reloaded later.
        self.protected_labels: list[str] = list(ctx.workspace.protected_labels or [])
        self.workspace_slug: str = ctx.workspace.slug
        self._workspace_id: UUID = ctx.workspace_id

    @property
    def workspace_id(self) -> UUID:
        return self._workspace_id

    def scoped(self) -> Select[tuple[Prompt]]:
        """THE base query: prompts of the caller's workspace. Every read of a prompt starts here."""
        return select(Prompt).where(Prompt.workspace_id == self.workspace_id)

    def scoped_columns(self, *columns: Any) -> Select[Any]:
        """The same scope for column selects (joins to versions and labels hang off `Prompt`)."""
        return select(*columns).select_from(Prompt).where(Prompt.workspace_id == self.workspace_id)

    def scoped_update(self, name: str) -> Any:
        """Row-locking UPDATE of one prompt of the caller's workspace (bumps its revision)."""
        return (
            update(Prompt)
            .where(Prompt.workspace_id == self.workspace_id, Prompt.name == name)
            .values(revision=Prompt.revision + 1, updated_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )

    async def get(self, name: str, *, relations: bool = True) -> Prompt:
        stmt = self.scoped().where(Prompt.name == name).execution_options(populate_existing=True)
        if not relations:
            stmt = stmt.options(noload(Prompt.tag_rows), noload(Prompt.labels))
        prompt = (await self.session.execute(stmt)).scalar_one_or_none()
        if prompt is None:
            raise not_found(name)
        return prompt

    async def reload(self, prompt: Prompt) -> Prompt:
        await self.session.refresh(prompt)
        return prompt

    async def invalidate(self, name: str) -> None:
        await self.cache.invalidate(prompt_key(self.workspace_id, name))

    # --- writes ----------------------------------------------------------------------------------------

    async def create(self, data: PromptCreate) -> Prompt:
        prompt = Prompt(workspace_id=self.workspace_id, name=data.name, description=data.description, kind=data.kind,
                        archived=False, version_count=0, revision=1)
        prompt.tag_rows = [PromptTag(workspace_id=self.workspace_id, tag=t) for t in sorted(set(data.tags))]
        prompt.labels = []
        self.session.add(prompt)
        try:
            await self.session.flush()
            await self.session.commit()
        except IntegrityError:
            await self.session.rollback()
            raise ConflictError(f"A prompt named {data.name!r} already exists in this workspace.") from None
        return prompt

    async def update(self, name: str, data: PromptUpdate, if_match: str | None) -> Prompt:
        prompt = await self.get(name)
        check_if_match(if_match, prompt_etag(prompt))
        old_name = prompt.name
        locked = await self.session.execute(
            self.scoped_update(name).where(Prompt.revision == prompt.revision).returning(Prompt.revision)
        )
        if locked.scalar_one_or_none() is None:  # changed between our read and our write
            await self.session.rollback()
            raise PreconditionFailedError("The prompt changed while updating it; fetch it again.")
        if data.description is not msgspec.UNSET:
            prompt.description = data.description
        if data.archived is not msgspec.UNSET:
            prompt.archived = data.archived
        if data.name is not msgspec.UNSET:
            prompt.name = data.name
        if data.tags is not msgspec.UNSET:
            wanted = set(data.tags)
            kept = [row for row in prompt.tag_rows if row.tag in wanted]
            have = {row.tag for row in kept}
            added = [PromptTag(workspace_id=self.workspace_id, tag=t) for t in sorted(wanted - have)]
            prompt.tag_rows = sorted(kept + added, key=lambda row: row.tag)
        prompt.revision += 1
        prompt.updated_at = datetime.now(UTC)
        try:
            await self.session.flush()
            await self.session.commit()
        except IntegrityError:
            await self.session.rollback()
            # Not `prompt.name`: the rollback expired `prompt`, and reading it would lazy-load outside a greenlet.
            raise ConflictError(f"A prompt named {data.name!r} already exists in this workspace.") from None
        if prompt.name != old_name:
            await self.invalidate(old_name)
            await self.cache.drop_stale(prompt_key(self.workspace_id, old_name))
        return await self.reload(prompt)

    async def delete(self, name: str, if_match: str | None) -> None:
        from app.domain.audit.services import record_audit_event

        prompt = await self.get(name, relations=False)
        check_if_match(if_match, prompt_etag(prompt))
        await record_audit_event(self.session, self.ctx, action="prompt.deleted", target_type="prompt",
                                 target_id=str(prompt.id), target_label=prompt.name,
                                 details={"versions": prompt.version_count})
        await self.session.execute(
            delete(Prompt).where(Prompt.workspace_id == self.workspace_id, Prompt.id == prompt.id)
        )
        await self.session.commit()
        await self.invalidate(name)
        await self.cache.drop_stale(prompt_key(self.workspace_id, name))

    # --- list ------------------------------------------------------------------------------------------

    async def list(
        self,
        *,
        prefix: str | None = None,
        tag: list[str] | None = None,
        label: str | None = None,
        q: str | None = None,
        updated_after: datetime | None = None,
        updated_before: datetime | None = None,
        archived: bool | None = False,
        sort: SortField = "updatedAt",
        order: SortOrder = "desc",
        limit: int = 50,
        cursor: str | None = None,
    ) -> PromptPage:
        conditions: list[Any] = [Prompt.workspace_id == self.workspace_id]
        if prefix:
            conditions.append(Prompt.name.like(_like_escape(prefix) + "%", escape="\\"))
        for t in tag or []:
            conditions.append(exists().where(PromptTag.prompt_id == Prompt.id, PromptTag.tag == t))
        if label:
            conditions.append(exists().where(PromptLabel.prompt_id == Prompt.id, PromptLabel.name == label))
        if q:
            pattern = "%" + _like_escape(q) + "%"
            conditions.append(
                or_(Prompt.name.ilike(pattern, escape="\\"), Prompt.description.ilike(pattern, escape="\\"))
            )
        if updated_after is not None:
            conditions.append(Prompt.updated_at > updated_after)
        if updated_before is not None:
            conditions.append(Prompt.updated_at < updated_before)
        if archived is not None:
            conditions.append(Prompt.archived.is_(archived))
        total = (await self.session.execute(select(func.count()).select_from(Prompt).where(*conditions))).scalar_one()
        column: Any = _SORT_COLUMNS[sort]
        descending = order == "desc"
        page_conditions = list(conditions)
        if cursor:
            value, last_id = _decode_cursor(cursor)
            try:
                key = datetime.fromisoformat(value) if sort != "name" else str(value)
                last = UUID(str(last_id))
            except ValueError:
                raise ValidationFailedError(
                    "Invalid cursor.", extra={"errors": [error("cursor", "not a cursor for this sort", "query")]}
                ) from None
            if descending:
                page_conditions.append(or_(column < key, and_(column == key, Prompt.id < last)))
            else:
                page_conditions.append(or_(column > key, and_(column == key, Prompt.id > last)))
        ordering = [column.desc(), Prompt.id.desc()] if descending else [column.asc(), Prompt.id.asc()]
        stmt = select(Prompt).where(*page_conditions).order_by(*ordering).limit(limit + 1)
        rows = list((await self.session.execute(stmt)).scalars())
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last_row = rows[-1]
            sort_value: Any = getattr(last_row, _SORT_ATTRS[sort])
            next_cursor = _encode_cursor([sort_value.isoformat() if isinstance(sort_value, datetime) else sort_value,
                                          str(last_row.id)])
        return PromptPage(items=[to_out(p) for p in rows], total=total, limit=limit, next_cursor=next_cursor)

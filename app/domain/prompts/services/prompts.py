"""Prompt metadata: create, read, update, archive, delete and list, always scoped to the caller's workspace.

Every query starts from `PromptRegistry.scoped()` (prompts of `ctx.workspace_id`); nothing here re-checks
membership, which `workspace_ctx` already did. Critical writes commit explicitly, so a failed commit is an
error response rather than a swallowed log line.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast
from uuid import UUID

import msgspec
from sqlalchemy import (
    Select,
    Table,
    Update,
    delete,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import noload

from app.db.models.prompts import Prompt, PromptLabel, PromptTag
from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.prompts import repository
from app.domain.prompts.events import PromptChanged, PromptEvent
from app.domain.prompts.pure.content import error, not_found
from app.domain.prompts.schemas import PromptCreate, PromptOut, PromptPage, PromptUpdate, SortField, SortOrder
from app.lib.errors import ConflictError, PermissionDeniedError, PreconditionFailedError, ValidationFailedError
from app.lib.etags import etag_matches
from app.lib.events import EventBus, record_event


def prompt_etag(prompt: Prompt) -> str:
    return f'"p-{prompt.id.hex[-12:]}-{prompt.revision}"'


def check_if_match(if_match: str | None, etag: str) -> None:
    """412 unless `If-Match` is absent, `*`, or lists the current ETag."""
    if if_match is None:
        return
    if not etag_matches(if_match, etag):
        raise PreconditionFailedError(
            "The prompt changed since you read it (If-Match does not match its ETag); fetch it again.",
            headers={"ETag": etag},
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

    def __init__(self, session: AsyncSession, ctx: WorkspaceContext, events: EventBus) -> None:
        self.session = session
        self.ctx = ctx
        self.events = events
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

    def lock_update(self, name: str) -> Update:
        """`scoped_update` as a plain Core statement (no ORM bookkeeping): for the hot, lock-holding paths."""
        return (
            update(_PROMPT_T)
            .where(_PROMPT.workspace_id == self.workspace_id, _PROMPT.name == name)
            .values(revision=_PROMPT.revision + 1, updated_at=datetime.now(UTC))
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

    def announce(self, event_type: type[PromptEvent], name: str, **fields: Any) -> None:
        """Record a registry event about prompt `name`, published once the transaction commits."""
        record_event(
            self.session,
            event_type(
                workspace_id=self.workspace_id,
                workspace_slug=self.workspace_slug,
                prompt=name,
                actor=self.ctx.actor,
                **fields,
            ),
        )

    async def commit(self) -> None:
        """Commit, then publish the transaction's events (delivery drops its caches before the response leaves).

        The registry's write paths commit here rather than at the request boundary: they hold the prompt's row
        lock, which must be released before the events go out.
        """
        await self.session.commit()
        await self.events.publish_committed(self.session)

    # --- writes ----------------------------------------------------------------------------------------

    def add_prompt(
        self, name: str, *, kind: str, description: str, tags: Sequence[str] = (), archived: bool = False
    ) -> Prompt:
        """THE way a prompt row is made (no versions yet); added to the session, flushed by the caller."""
        prompt = Prompt(
            workspace_id=self.workspace_id,
            name=name,
            description=description,
            kind=kind,
            archived=archived,
            version_count=0,
            revision=1,
        )
        prompt.tag_rows = [PromptTag(workspace_id=self.workspace_id, tag=t) for t in sorted(set(tags))]
        prompt.labels = []
        self.session.add(prompt)
        return prompt

    async def create(self, data: PromptCreate) -> Prompt:
        prompt = self.add_prompt(data.name, kind=data.kind, description=data.description, tags=data.tags)
        self.announce(PromptChanged, data.name, change="created")
        try:
            await self.session.flush()
            await self.commit()
        except IntegrityError:
            await self.session.rollback()
            raise ConflictError(f"A prompt named {data.name!r} already exists in this workspace.") from None
        return prompt

    async def update(self, name: str, data: PromptUpdate, if_match: str | None) -> Prompt:
        prompt = await self.get(name)
        check_if_match(if_match, prompt_etag(prompt))
        old_name = prompt.name
        if isinstance(data.name, str) and data.name != old_name:
            await self.check_protected_labels(prompt, "rename")
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
        new_name = data.name if isinstance(data.name, str) else old_name
        if new_name != old_name:
            self.announce(PromptChanged, new_name, change="renamed", previous_name=old_name)
        else:
            self.announce(PromptChanged, old_name, change="updated")
        try:
            await self.session.flush()
            await self.commit()
        except IntegrityError:
            await self.session.rollback()
            # Not `prompt.name`: the rollback expired `prompt`, and reading it would lazy-load outside a greenlet.
            raise ConflictError(f"A prompt named {data.name!r} already exists in this workspace.") from None
        return await self.reload(prompt)

    async def check_protected_labels(self, prompt: Prompt, action: str) -> None:
        """Deleting or renaming a prompt takes its labels out of service: with a protected label on it, that
        needs the permission to move the label (an editor or a `write` key gets 403, an admin passes)."""
        if self.ctx.can(Permission.MOVE_PROTECTED_LABEL) or not self.protected_labels:
            return
        carried = (
            (
                await self.session.execute(
                    select(PromptLabel.name).where(
                        PromptLabel.prompt_id == prompt.id, PromptLabel.name.in_(self.protected_labels)
                    )
                )
            )
            .scalars()
            .all()
        )
        if carried:
            raise PermissionDeniedError(
                f"Only workspace admins can {action} a prompt that carries the protected label(s) "
                f"{', '.join(sorted(carried))}."
            )

    async def delete(self, name: str, if_match: str | None) -> None:
        from app.domain.audit.services import record_audit_event

        prompt = await self.get(name, relations=False)
        check_if_match(if_match, prompt_etag(prompt))
        await self.check_protected_labels(prompt, "delete")
        await record_audit_event(
            self.session,
            self.ctx,
            action="prompt.deleted",
            target_type="prompt",
            target_id=str(prompt.id),
            target_label=prompt.name,
            details={"versions": prompt.version_count},
        )
        await self.session.execute(
            delete(Prompt).where(Prompt.workspace_id == self.workspace_id, Prompt.id == prompt.id)
        )
        self.announce(PromptChanged, name, change="deleted")
        await self.commit()

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
        count: bool = False,
    ) -> PromptPage:
        """One page of prompts, newest first by default, with keyset pagination.

        Lean on purpose: plain Core SELECTs of the columns an item needs (no ORM objects, no identity map);
        on PostgreSQL tags and labels are aggregated in the same statement, elsewhere one batched query per
        page fetches them. `total` (a COUNT over every match) is only computed when asked for (`count`).
        """
        p = _PROMPT
        conditions: list[Any] = [p.workspace_id == self.workspace_id]
        if prefix:
            conditions.append(p.name.like(_like_escape(prefix) + "%", escape="\\"))
        for t in tag or []:
            conditions.append(exists().where(_TAG.prompt_id == p.id, _TAG.tag == t))
        if label:
            conditions.append(exists().where(_LABEL.prompt_id == p.id, _LABEL.name == label))
        if q:
            pattern = "%" + _like_escape(q) + "%"
            conditions.append(or_(p.name.ilike(pattern, escape="\\"), p.description.ilike(pattern, escape="\\")))
        if updated_after is not None:
            conditions.append(p.updated_at > updated_after)
        if updated_before is not None:
            conditions.append(p.updated_at < updated_before)
        if archived is not None:
            # Equality (not IS): lets PostgreSQL use `ix_prompt_workspace_updated` (workspace, archived, updated, id).
            conditions.append(p.archived == archived)
        total: int | None = None
        if count:
            total = (
                await self.session.execute(select(func.count()).select_from(_PROMPT_T).where(*conditions))
            ).scalar_one()
        column: Any = _SORT_CORE[sort]
        descending = order == "desc"
        page_conditions = list(conditions)
        if cursor:
            value, last_id = _decode_cursor(cursor)
            try:
                key = datetime.fromisoformat(value) if sort != "name" else str(value)
                last = UUID(str(last_id))
            except (TypeError, ValueError):
                raise ValidationFailedError(
                    "Invalid cursor.", extra={"errors": [error("cursor", "not a cursor for this sort", "query")]}
                ) from None
            # A row comparison: an index range condition on PostgreSQL, so page N costs what page 1 costs.
            keyset = tuple_(column, p.id)
            bound = tuple_(literal(key, column.type), literal(last, p.id.type))
            page_conditions.append(keyset < bound if descending else keyset > bound)
        ordering = [column.desc(), p.id.desc()] if descending else [column.asc(), p.id.asc()]
        postgres = repository.is_postgres(self.session)
        stmt = select(*repository.page_columns(postgres=postgres)).where(*page_conditions).order_by(*ordering)
        rows = list((await self.session.execute(stmt.limit(limit + 1))).all())
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last_row = rows[-1]
            sort_value: Any = last_row[_SORT_INDEX[sort]]
            next_cursor = _encode_cursor(
                [sort_value.isoformat() if isinstance(sort_value, datetime) else sort_value, str(last_row[0])]
            )
        tags, labels = await repository.tags_and_labels(self.session, rows, postgres=postgres)
        items = [
            PromptOut(
                id=r[0],
                name=r[1],
                kind=r[2],
                description=r[3],
                tags=tags.get(r[0], []),
                archived=r[4],
                latest_version=r[5] or None,
                labels=labels.get(r[0], {}),
                revision=r[6],
                created_at=r[7],
                updated_at=r[8],
            )
            for r in rows
        ]
        return PromptPage(items=items, total=total, limit=limit, next_cursor=next_cursor)


_PROMPT_T = cast(Table, Prompt.__table__)
_PROMPT = _PROMPT_T.c
_TAG = cast(Table, PromptTag.__table__).c
_LABEL = cast(Table, PromptLabel.__table__).c
_SORT_CORE = {"name": _PROMPT.name, "updatedAt": _PROMPT.updated_at, "createdAt": _PROMPT.created_at}
_SORT_INDEX = {"name": 1, "createdAt": 7, "updatedAt": 8}

"""Prompt metadata: create, read, update, archive, delete and list, always scoped to the caller's workspace.

Every query starts from `PromptRegistry.scoped()` (prompts of `ctx.workspace_id`); nothing here re-checks
membership, which `workspace_ctx` already did. Critical writes commit explicitly, so a failed commit is an
error response rather than a swallowed log line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar, cast
from uuid import UUID

import msgspec
from sqlalchemy import (
    Select,
    Table,
    Update,
    delete,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import noload

from app.db.models.accounts import Workspace
from app.db.models.prompts import Prompt, PromptLabel, PromptTag
from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.prompts.events import PromptChanged, PromptEvent
from app.domain.prompts.listing import ListQuery, list_in_session
from app.domain.prompts.pure.content import not_found
from app.domain.prompts.schemas import PromptCreate, PromptPage, PromptUpdate, SortField, SortOrder
from app.lib.errors import ConflictError, PermissionDeniedError, PreconditionFailedError
from app.lib.etags import etag_matches
from app.lib.events import EventBus, record_event

E = TypeVar("E", bound=PromptEvent)


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


class PromptRegistry:
    """Workspace-scoped access to prompts for one request."""

    def __init__(self, session: AsyncSession, ctx: WorkspaceContext, events: EventBus) -> None:
        self.session = session
        self.ctx = ctx
        self.events = events
        # From the context's snapshot: a rollback expires the workspace row, which must not be lazily reloaded later,
        # and a request that never needs the ORM row builds none (`WorkspaceContext.workspace` builds one on use).
        self.protected_labels: list[str] = list(ctx.snapshot.protected_labels)
        self.workspace_slug: str = ctx.workspace_slug
        self._workspace_id: UUID = ctx.workspace_id

    @property
    def workspace_id(self) -> UUID:
        return self._workspace_id

    async def fresh_protected_labels(self) -> None:
        """Read the protected labels from the database when the context came from the workspace cache (an API
        key's version write): a label an admin has just protected must refuse the very next write on every
        instance, not after the cache hears of it. Callers that may move protected labels need no read."""
        if self.ctx.from_cache and not self.ctx.can(Permission.MOVE_PROTECTED_LABEL):
            stored = await self.session.scalar(
                select(Workspace.protected_labels).where(Workspace.id == self.workspace_id)
            )
            self.protected_labels = list(stored or ())

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

    def event(self, event_type: type[E], name: str, **fields: Any) -> E:
        """A registry event about prompt `name` by the caller (not recorded: see `announce`)."""
        return event_type(
            workspace_id=self.workspace_id,
            workspace_slug=self.workspace_slug,
            prompt=name,
            actor=self.ctx.actor,
            **fields,
        )

    def announce(self, event_type: type[PromptEvent], name: str, **fields: Any) -> None:
        """Record a registry event about prompt `name`, published once the transaction commits."""
        self.announce_event(self.event(event_type, name, **fields))

    def announce_event(self, domain_event: PromptEvent) -> None:
        """Record `domain_event`, published once the transaction commits."""
        record_event(self.session, domain_event)

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
        """One page of prompts, newest first by default, with keyset pagination, on this registry's session
        (`app.domain.prompts.listing`; the HTTP list runs the same statement without a session)."""
        query = ListQuery(
            prefix=prefix,
            tags=tuple(tag or ()),
            label=label,
            q=q,
            updated_after=updated_after,
            updated_before=updated_before,
            archived=archived,
            sort=sort,
            order=order,
            limit=limit,
            cursor=cursor,
            count=count,
        )
        return await list_in_session(self.session, self.workspace_id, query)


_PROMPT_T = cast(Table, Prompt.__table__)
_PROMPT = _PROMPT_T.c

"""Labels: movable pointers to versions. Every move is serialised on the prompt row and recorded.

A move locks the prompt row (`UPDATE prompt … RETURNING`, the same lock version creation takes), then
upserts the label and inserts its `LabelEvent` in the same transaction, then commits. Concurrent moves of
one label therefore apply one after the other and each one is in the history.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select

from app.db.models.prompts import LabelEvent, Prompt, PromptLabel
from app.domain.access.permissions import Permission
from app.domain.prompts.events import LabelMoved, LabelRemoved
from app.domain.prompts.pure.content import error, no_selector, not_found
from app.domain.prompts.schemas import (
    LATEST,
    Author,
    LabelEventOut,
    LabelEventPage,
    LabelOut,
)
from app.domain.prompts.services.prompts import PromptRegistry
from app.lib.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationFailedError


class LabelService:
    def __init__(self, registry: PromptRegistry) -> None:
        self.registry = registry
        self.session = registry.session
        self.ctx = registry.ctx

    @property
    def protected(self) -> list[str]:
        return self.registry.protected_labels

    def check_can_move(self, label: str, field: str = "label", source: str = "path") -> None:
        if label == LATEST:
            raise ValidationFailedError(
                "The `latest` label is maintained automatically and cannot be set or removed.",
                extra={"errors": [error(field, "`latest` is maintained automatically", source)]},
            )
        if not self.may_move(label):
            if label in self.protected:
                raise PermissionDeniedError(f"Only workspace admins can move the protected label {label!r}.")
            raise PermissionDeniedError("Moving labels needs the 'write' permission.")

    def may_move(self, label: str) -> bool:
        """THE protected-label rule: a protected label needs `move_protected_label`, any other `write`."""
        needed = Permission.MOVE_PROTECTED_LABEL if label in self.protected else Permission.WRITE
        return self.ctx.can(needed)

    async def lock(self, name: str) -> tuple[Any, int]:
        """Lock the prompt row; returns (prompt id, highest version number)."""
        row = (
            await self.session.execute(self.registry.scoped_update(name).returning(Prompt.id, Prompt.version_count))
        ).one_or_none()
        if row is None:
            await self.session.rollback()
            raise not_found(name)
        return row[0], row[1]

    async def apply(self, prompt_id: Any, label: str, to_version: int, action: str) -> int | None:
        """Point `label` at `to_version` and record the event. The caller holds the prompt row lock."""
        current = (
            await self.session.execute(
                select(PromptLabel).where(PromptLabel.prompt_id == prompt_id, PromptLabel.name == label)
            )
        ).scalar_one_or_none()
        from_version = current.version if current is not None else None
        if current is None:
            self.session.add(PromptLabel(prompt_id=prompt_id, name=label, version=to_version))
        else:
            current.version = to_version
        self.record(
            prompt_id, label, action if current is not None or action != "move" else "set", from_version, to_version
        )
        return from_version

    def record(self, prompt_id: Any, label: str, action: str, from_version: int | None, to_version: int | None) -> None:
        """Add the label's history row (who moved it, from and to which version, in which request)."""
        self.session.add(LabelEvent(**self.event_values(prompt_id, label, action, from_version, to_version)))

    def event_values(
        self, prompt_id: Any, label: str, action: str, from_version: int | None, to_version: int | None
    ) -> dict[str, Any]:
        """The columns of one label history row, the one definition for the ORM row (`record`) and the Core
        insert of the version write path (`VersionService.insert`)."""
        actor = self.ctx.actor
        return {
            "prompt_id": prompt_id,
            "label": label,
            "action": action,
            "from_version": from_version,
            "to_version": to_version,
            "actor_type": actor.type,
            "actor_id": actor.id,
            "actor_label": actor.label,
            "request_id": self.ctx.request_id,
        }

    async def audit(self, name: str, prompt_id: Any, action: str, label: str, details: dict[str, Any]) -> None:
        from app.domain.audit.services import record_audit_event

        await record_audit_event(
            self.session,
            self.ctx,
            action=action,
            target_type="prompt",
            target_id=str(prompt_id),
            target_label=f"{name}:{label}",
            details=details,
        )

    async def set(
        self, name: str, label: str, version: int, expected: int | None = None, action: str = "move"
    ) -> PromptLabel:
        self.check_can_move(label)
        prompt_id, highest = await self.lock(name)
        if version > highest:
            await self.session.rollback()
            raise NotFoundError(f"Version {version} of {name!r} does not exist.")
        if expected is not None:
            current = await self._current(prompt_id, label)
            if current != expected:
                await self.session.rollback()
                raise ConflictError(
                    f"Label {label!r} points to version {current}, not {expected}.", extra={"currentVersion": current}
                )
        from_version = await self.apply(prompt_id, label, version, action)
        await self.audit(name, prompt_id, "label.moved", label, {"from": from_version, "to": version, "action": action})
        self.registry.announce(LabelMoved, name, label=label, version_before=from_version, version_after=version)
        await self.registry.commit()
        return await self._get(prompt_id, label)

    async def rollback(self, name: str, label: str, version: int | None) -> PromptLabel:
        self.check_can_move(label)
        if version is None:
            prompt = await self.registry.get(name, relations=False)
            last = (
                await self.session.execute(
                    select(LabelEvent)
                    .where(LabelEvent.prompt_id == prompt.id, LabelEvent.label == label)
                    .order_by(LabelEvent.created_at.desc(), LabelEvent.id.desc())
                    .limit(1)
                )
            ).scalar_one_or_none()
            if last is None or last.from_version is None:
                raise ConflictError(f"Label {label!r} has no earlier version to roll back to; name one.")
            version = last.from_version
        return await self.set(name, label, version, action="rollback")

    async def remove(self, name: str, label: str) -> None:
        self.check_can_move(label)
        prompt_id, _ = await self.lock(name)
        current = await self._current(prompt_id, label)
        if current is None:
            await self.session.rollback()
            raise no_selector(name, f"label {label!r}")
        await self.session.execute(
            delete(PromptLabel).where(PromptLabel.prompt_id == prompt_id, PromptLabel.name == label)
        )
        self.record(prompt_id, label, "remove", current, None)
        await self.audit(name, prompt_id, "label.removed", label, {"from": current})
        self.registry.announce(LabelRemoved, name, label=label, version_before=current)
        await self.registry.commit()

    async def _current(self, prompt_id: Any, label: str) -> int | None:
        value = (
            await self.session.execute(
                select(PromptLabel.version).where(PromptLabel.prompt_id == prompt_id, PromptLabel.name == label)
            )
        ).scalar_one_or_none()
        return None if value is None else int(value)

    async def _get(self, prompt_id: Any, label: str) -> PromptLabel:
        return (
            await self.session.execute(
                select(PromptLabel)
                .where(PromptLabel.prompt_id == prompt_id, PromptLabel.name == label)
                .execution_options(populate_existing=True)
            )
        ).scalar_one()

    async def list(self, name: str) -> list[LabelOut]:
        prompt = await self.registry.get(name)
        return [LabelOut.from_model(label, self.protected) for label in prompt.labels]

    async def history(self, name: str, label: str | None, limit: int, offset: int) -> LabelEventPage:
        prompt = await self.registry.get(name, relations=False)
        conditions = [LabelEvent.prompt_id == prompt.id]
        if label is not None:
            conditions.append(LabelEvent.label == label)
        count = select(func.count()).select_from(LabelEvent).where(*conditions)
        total = (await self.session.execute(count)).scalar_one()
        rows = (
            await self.session.execute(
                select(LabelEvent)
                .where(*conditions)
                .order_by(LabelEvent.created_at.desc(), LabelEvent.id.desc())
                .limit(limit)
                .offset(offset)
            )
        ).scalars()
        items = [
            LabelEventOut(
                label=e.label,
                action=e.action,
                from_version=e.from_version,
                to_version=e.to_version,
                actor=Author(type=e.actor_type, id=e.actor_id, label=e.actor_label),
                request_id=e.request_id,
                created_at=e.created_at,
            )
            for e in rows
        ]
        return LabelEventPage(items=items, total=total, limit=limit, offset=offset)

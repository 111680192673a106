"""Immutable versions: gapless numbering under concurrency, reading, rendering and diffing.

Creation takes the prompt row lock with `UPDATE prompt SET version_count = version_count + 1 … RETURNING`,
so concurrent creators are serialised by the database and numbers are 1, 2, 3… with no gap or duplicate
(a failed transaction rolls its increment back). Token counts and lint run before the lock is taken; on
PostgreSQL the numbering and every write of the version are one statement (`repository.create_version_pg`), run
in autocommit when it is the whole transaction (`services.at_once`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

import msgspec
from sqlalchemy import Table, select
from uuid_utils.compat import uuid7

from app.db.models.prompts import Prompt, PromptLabel, PromptVersion
from app.domain.prompts import repository
from app.domain.prompts.events import VersionCreated
from app.domain.prompts.pure import diff as diffing
from app.domain.prompts.pure.content import (
    check_content,
    check_one_selector,
    content_hash,
    engine_analysis,
    error,
    no_selector,
    not_found,
)
from app.domain.prompts.pure.templating import bind, render_messages, render_text
from app.domain.prompts.schemas import (
    LATEST,
    Author,
    DiffResult,
    RenderedMessage,
    RenderRequest,
    RenderResult,
    VersionCreate,
    VersionPage,
    VersionSummary,
    decode_config,
    decode_messages,
    decode_token_counts,
    decode_variables,
)
from app.domain.prompts.services.at_once import contended, mark_contended, write_at_once
from app.domain.prompts.services.labels import LabelService
from app.domain.prompts.services.prompts import PromptRegistry
from app.domain.prompts.versionlist import VERSION_SUMMARY_COLUMNS
from app.engine.placeholders import infer_variables
from app.engine.types import ChatMessage, Variable
from app.lib.errors import ConflictError, NotFoundError, ValidationFailedError
from app.lib.events import RowSkip, inline_row

_P = cast(Table, Prompt.__table__).c


def version_etag(version: PromptVersion) -> str:
    return f'"v{version.version}-{version.content_hash[:16]}"'


def contract_with_placeholders(variables: list[Variable], messages: list[ChatMessage] | None) -> list[Variable]:
    """Placeholders that name no declared variable take an optional, untrusted message list."""
    declared = {v.name for v in variables}
    extra = [
        Variable(name=m.name, type="list", required=False, trusted=False)
        for m in messages or []
        if m.role == "placeholder" and m.name and m.name not in declared
    ]
    return [*variables, *extra]


"""What a version list item shows: not the text, messages, variables, brief or token counts (JSON decoded per row)."""


class VersionService:
    def __init__(self, registry: PromptRegistry) -> None:
        self.registry = registry
        self.session = registry.session
        self.ctx = registry.ctx
        self.workspace_id = registry.workspace_id
        self.labels = LabelService(registry)

    def check_labels(self, labels: Sequence[str]) -> None:
        """The caller may point every one of `labels` (body field `labels`) at a new version."""
        for i, label in enumerate(labels):
            self.labels.check_can_move(label, field=f"labels[{i}]", source="body")

    @staticmethod
    def analyse(
        kind: str, data: VersionCreate, invalid: str = "The version is invalid."
    ) -> tuple[str, list[dict[str, Any]] | None, dict[str, Any] | None]:
        """Check a new version's content (400 `invalid` with the errors), then its hash, token counts and lint."""
        errors = check_content(kind, data.text, data.messages, data.variables)
        if errors:
            raise ValidationFailedError(invalid, extra={"errors": errors})
        digest = content_hash(kind, data.text, data.messages, data.variables, data.model_config)
        tokens, lint = engine_analysis(data.text, data.messages, data.variables)
        return digest, tokens, lint

    async def create(self, name: str, data: VersionCreate) -> tuple[str, PromptVersion, list[str]]:
        """Validate, analyse (engine lint + token counts), then number and store; returns (kind, version, labels).

        All CPU work happens before the prompt row lock is taken in `insert`. The labels returned are the ones
        this transaction pointed at the new version (`latest` and the requested ones), sorted. A version that
        declares no variables is stored with one per `{{name}}` placeholder (`app.engine.placeholders`).
        """
        if data.labels:
            await self.registry.fresh_protected_labels()
        self.check_labels(data.labels)
        kind = "chat" if data.messages is not None else "text"
        if not data.variables:
            data = msgspec.structs.replace(data, variables=infer_variables(data.text, data.messages, []))
        digest, tokens, lint = self.analyse(kind, data)
        labels = sorted({LATEST, *data.labels})
        # Without body labels (no audit rows) on a fresh session, PostgreSQL's one statement is the transaction.
        at_once = not data.labels and not self.session.in_transaction() and not contended(self.workspace_id, name)
        version = await self.insert(name, kind, data, digest, tokens, lint, announce=tuple(labels), at_once=at_once)
        await self.registry.commit()
        return kind, version, labels

    async def insert(
        self,
        name: str,
        kind: str,
        data: VersionCreate,
        digest: str,
        tokens: list[dict[str, Any]] | None,
        lint: dict[str, Any] | None,
        overrides: dict[str, Any] | None = None,
        announce: tuple[str, ...] | None = None,
        at_once: bool = False,
    ) -> PromptVersion:
        """Number and store a validated version, move `latest` and the requested labels; no commit.

        The row values are built before the prompt row is locked; the lock is held from the numbering to the
        caller's commit. With `announce` (its labels) a `VersionCreated` event is recorded. On PostgreSQL the
        numbering, the version, the labels, their events and the event's webhook outbox row are ONE statement
        (`repository.create_version_pg`); elsewhere, portable statements. Then the audit events of labels named
        in the body. Plain Core statements: no ORM unit of work runs while the lock is held.

        `at_once` (PostgreSQL, a session with no transaction yet, no audit rows to add): first try the statement
        in autocommit, as its own transaction (no BEGIN and COMMIT round trips, the lock held for the statement
        only); it writes all or nothing, and when another writer got there first, or the kind or parent do not
        match, the locking path runs in a new transaction (`_store_pg`).
        """
        session = self.session
        if session.new or session.dirty or session.deleted:  # Core statements below do not autoflush
            await session.flush()
        moved = [LATEST, *(label for label in dict.fromkeys(data.labels) if label != LATEST)]
        values = self._row_values(data, digest, tokens, lint)
        for attr, value in (overrides or {}).items():
            if isinstance(value, datetime) and value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            values[attr] = value
        values["id"] = uuid7()
        if repository.is_postgres(session):
            prompt_id, number, now, current = await self._store_pg(
                name, kind, data, values, moved, overrides, announce, at_once=at_once
            )
        else:
            prompt_id, number, now, current = await self._store_generic(name, kind, data, values, moved, overrides)
            if announce is not None:
                self.registry.announce(VersionCreated, name, version=number, labels=announce)
        values.update(prompt_id=prompt_id, version=number, updated_at=now)
        values["created_at"] = values.get("created_at") or now
        if "parent_version" not in (overrides or {}):
            values["parent_version"] = number - 1 or None
        self._expire_labels(prompt_id)
        for label in moved[1:]:
            await self.labels.audit(name, prompt_id, "label.moved", label, {"from": current.get(label), "to": number})
        return PromptVersion(**values)

    async def _store_pg(
        self,
        name: str,
        kind: str,
        data: VersionCreate,
        values: dict[str, Any],
        moved: list[str],
        overrides: dict[str, Any] | None,
        announce: tuple[str, ...] | None,
        *,
        at_once: bool = False,
    ) -> tuple[Any, int, datetime, dict[str, int]]:
        """The one-statement write (PostgreSQL); returns (prompt id, number, time under the lock, labels before)."""
        session = self.session
        event: VersionCreated | None = None
        outbox: dict[str, Any] | None = None
        inlined: tuple[dict[str, Any], RowSkip] | None = None
        if announce is not None:
            event = self.registry.event(VersionCreated, name, version=0, labels=announce)
            # The webhook outbox row goes into this statement when the session's commit hook would write one.
            inlined = inline_row(session, event)
            outbox = inlined[0] if inlined is not None else None
        actor = self.ctx.actor
        params = repository.create_params(
            values,
            workspace_id=self.registry.workspace_id,
            name=name,
            kind=kind,
            parent_version=data.parent_version,
            fixed_parent="parent_version" in (overrides or {}),
            moved=moved,
            event_ids=[uuid7() for _ in moved],
            actor={
                "actor_type": actor.type,
                "actor_id": actor.id,
                "actor_label": actor.label,
                "request_id": self.ctx.request_id,
            },
            outbox=outbox,
        )
        row = await write_at_once(session, params, self.workspace_id, name) if at_once else None
        if row is None:  # the locking path, in a transaction (also what an at-once miss falls back to)
            row = await repository.create_version_pg(session, params)
        await self._check_numbered(name, kind, data.parent_version, row)
        assert row is not None
        prompt_id, number, fresh, now = row[0], row[2], row[4], row[5]
        if fresh:
            current = dict(zip(row[6] or (), row[7] or (), strict=True))
        else:  # another writer committed between the snapshot and the lock: read its labels anew
            mark_contended(self.workspace_id, name)
            params.update(prompt_id=prompt_id, number=number, at=now)
            current = await repository.write_labels_pg(session, params)
        if event is not None:
            announced = msgspec.structs.replace(event, version=number)
            self.registry.announce_event(announced)
            if inlined is not None:  # written by the statement above
                inlined[1](session, announced)
        return prompt_id, number, now, current

    async def _store_generic(
        self,
        name: str,
        kind: str,
        data: VersionCreate,
        values: dict[str, Any],
        moved: list[str],
        overrides: dict[str, Any] | None,
    ) -> tuple[Any, int, datetime, dict[str, int]]:
        """The portable write: lock and number, read the labels, then insert; same result as `_store_pg`."""
        session = self.session
        lock = (
            self.registry.lock_update(name)
            .values(version_count=_P.version_count + 1)
            .returning(_P.id, _P.kind, _P.version_count)
        )
        row = (await session.execute(lock)).one_or_none()
        await self._check_numbered(name, kind, data.parent_version, row)
        assert row is not None
        prompt_id, number = row[0], row[2]
        current = await repository.current_labels(session, prompt_id, moved)
        # Timestamps are taken under the lock, so they follow the numbering (history is ordered by them).
        now = datetime.now(UTC)
        stored = {
            **values,
            "prompt_id": prompt_id,
            "version": number,
            "created_at": values.get("created_at") or now,
            "updated_at": now,
        }
        if "parent_version" not in (overrides or {}):
            stored["parent_version"] = number - 1 or None
        events = self._label_events(prompt_id, number, moved, current, now)
        await repository.write_version(session, stored, events, moved, current)
        return prompt_id, number, now, current

    def _row_values(
        self, data: VersionCreate, digest: str, tokens: list[dict[str, Any]] | None, lint: dict[str, Any] | None
    ) -> dict[str, Any]:
        """The version row's content columns (numbering, ids and timestamps are added under the lock)."""
        actor = self.ctx.actor
        return {
            "text": data.text,
            "messages": msgspec.to_builtins(data.messages) if data.messages is not None else None,
            "variables": msgspec.to_builtins(data.variables),
            "model_config": msgspec.to_builtins(data.model_config),
            "commit_message": data.commit_message,
            "author_type": actor.type,
            "author_id": actor.id,
            "author_label": actor.label,
            "source": data.source,
            "content_hash": digest,
            "brief": None,
            "token_counts": tokens,
            "lint_summary": lint,
        }

    async def _check_numbered(self, name: str, kind: str, parent_version: int | None, row: Any) -> None:
        """After the numbering: 404 (no such prompt), 400 (wrong kind) or 409 (stale parent), rolled back."""
        session = self.session
        if row is None:
            await session.rollback()
            raise not_found(name)
        prompt_kind, number = row[1], row[2]
        if prompt_kind != kind:
            await session.rollback()
            field = "messages" if prompt_kind == "text" else "text"
            raise ValidationFailedError(
                f"{name!r} is a {prompt_kind} prompt; its versions need "
                + ("`text`." if prompt_kind == "text" else "`messages`."),
                extra={"errors": [error(field, f"not allowed for a {prompt_kind} prompt")]},
            )
        if parent_version is not None and parent_version != number - 1:
            await session.rollback()
            raise ConflictError(
                f"Version {number - 1} landed after version {parent_version}, which this one was based on; "
                "rebase on the latest version and retry.",
                extra={"latestVersion": number - 1},
            )

    def _label_events(
        self, prompt_id: Any, number: int, moved: list[str], current: dict[str, int], now: datetime
    ) -> list[dict[str, Any]]:
        """The history rows of the labels this version moves (`set` for a new label, `move` otherwise)."""
        return [
            {
                "id": uuid7(),
                **self.labels.event_values(
                    prompt_id, label, "move" if label in current else "set", current.get(label), number
                ),
                "created_at": now,
                "updated_at": now,
            }
            for label in moved
        ]

    def _expire_labels(self, prompt_id: Any) -> None:
        """Labels were written with Core statements: expire any ORM copy of them this session holds."""
        session = self.session.sync_session
        for obj in list(session.identity_map.values()):
            if isinstance(obj, PromptLabel) and obj.prompt_id == prompt_id:
                session.expire(obj)
            elif isinstance(obj, Prompt) and obj.id == prompt_id:
                session.expire(obj, ["labels", "version_count", "revision", "updated_at"])

    async def _labels_by_version(self, prompt_id: Any) -> dict[int, list[str]]:
        rows = await self.session.execute(
            select(PromptLabel.version, PromptLabel.name)
            .where(PromptLabel.prompt_id == prompt_id)
            .order_by(PromptLabel.name)
        )
        result: dict[int, list[str]] = {}
        for number, label in rows:
            result.setdefault(number, []).append(label)
        return result

    async def get(self, name: str, number: int) -> tuple[Prompt, PromptVersion, list[str]]:
        prompt = await self.registry.get(name)
        version = (
            await self.session.execute(
                select(PromptVersion).where(PromptVersion.prompt_id == prompt.id, PromptVersion.version == number)
            )
        ).scalar_one_or_none()
        if version is None:
            raise NotFoundError(f"Version {number} of {name!r} does not exist.")
        labels = [label.name for label in prompt.labels if label.version == number]
        return prompt, version, labels

    async def select(self, name: str, label: str | None, number: int | None) -> tuple[Prompt, PromptVersion]:
        """The version a label points to (default `production`), or the numbered one."""
        prompt = await self.registry.get(name)
        if number is None:
            wanted = label or "production"
            found = next((lab.version for lab in prompt.labels if lab.name == wanted), None)
            if found is None:
                raise no_selector(name, f"label {wanted!r}")
            number = found
        _, version, _ = await self.get(name, number)
        return prompt, version

    async def list(self, name: str, limit: int, offset: int) -> VersionPage:
        prompt = await self.registry.get(name, relations=False)
        # Versions are numbered 1..version_count under the prompt's row lock (`_lock_and_number`) and never
        # deleted one by one: the count is on the prompt row, no COUNT(*) over a history that only grows.
        total = prompt.version_count
        rows = await self.session.execute(
            select(*VERSION_SUMMARY_COLUMNS)
            .where(PromptVersion.prompt_id == prompt.id)
            .order_by(PromptVersion.version.desc())
            .limit(limit)
            .offset(offset)
        )
        labels = await self._labels_by_version(prompt.id)
        items = [
            VersionSummary(
                version=number,
                commit_message=commit_message,
                author=Author(type=author_type, id=author_id, label=author_label),
                source=source,
                content_hash=content_hash,
                labels=labels.get(number, []),
                created_at=created_at,
            )
            for number, commit_message, author_type, author_id, author_label, source, content_hash, created_at in rows
        ]
        return VersionPage(items=items, total=total, limit=limit, offset=offset)

    async def render(self, name: str, data: RenderRequest) -> RenderResult:
        check_one_selector(data.label, data.version, "body")
        prompt, version = await self.select(name, data.label, data.version)
        messages = decode_messages(version.messages)
        # Versions stored before placeholders became variables render with the contract they would get now.
        declared = infer_variables(version.text, messages, decode_variables(version.variables))
        contract = contract_with_placeholders(declared, messages)
        placeholders = frozenset(m.name for m in messages or [] if m.role == "placeholder" and m.name)
        bound, errors = bind(contract, data.variables, allow_unknown=data.allow_unknown, placeholder_names=placeholders)
        if bound is None:
            raise ValidationFailedError(
                f"The variables do not match the contract of version {version.version} ({len(errors)} problem"
                + ("s)." if len(errors) != 1 else ")."),
                extra={"errors": errors},
            )
        text = render_text(version.text or "", bound) if prompt.kind == "text" else None
        rendered = (
            [RenderedMessage(role=m["role"], content=m["content"]) for m in render_messages(messages or [], bound)]
            if prompt.kind == "chat"
            else None
        )
        return RenderResult(
            prompt=prompt.name,
            version=version.version,
            kind=prompt.kind,
            text=text,
            messages=rendered,
            model_config=decode_config(version.model_config),
            ignored_variables=bound.ignored,
        )

    async def diff(self, name: str, before: int, after: int) -> DiffResult:
        prompt, old, _ = await self.get(name, before)
        _, new, _ = await self.get(name, after)
        old_lines = diffing.content_lines(prompt.kind, old.text, decode_messages(old.messages))
        new_lines = diffing.content_lines(prompt.kind, new.text, decode_messages(new.messages))
        variables = diffing.variable_changes(decode_variables(old.variables), decode_variables(new.variables))
        return DiffResult(
            prompt=prompt.name,
            from_version=before,
            to_version=after,
            unified_diff=diffing.unified(prompt.name, before, after, old_lines, new_lines),
            variables=variables,
            config=diffing.config_changes(decode_config(old.model_config), decode_config(new.model_config)),
            token_delta=diffing.token_delta(
                decode_token_counts(old.token_counts), decode_token_counts(new.token_counts)
            ),
            breaking=any(v.breaking for v in variables),
        )

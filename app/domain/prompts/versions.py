"""Immutable versions: gapless numbering under concurrency, reading, rendering and diffing.

Creation takes the prompt row lock with `UPDATE prompt SET version_count = version_count + 1 … RETURNING`,
so concurrent creators are serialised by the database and numbers are 1, 2, 3… with no gap or duplicate
(a failed transaction rolls its increment back). Token counts and lint run before the lock is taken.
"""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy import func, select

from app.db.models.prompts import Prompt, PromptLabel, PromptVersion
from app.domain.prompts import diff as diffing
from app.domain.prompts.content import (
    check_content,
    content_hash,
    decode_token_counts,
    engine_analysis,
    error,
)
from app.domain.prompts.labels import LabelService
from app.domain.prompts.render import bind, render_messages, render_text
from app.domain.prompts.schemas import (
    LATEST,
    Author,
    DiffResult,
    LintSummary,
    ModelConfig,
    RenderedMessage,
    RenderRequest,
    RenderResult,
    VersionCreate,
    VersionOut,
    VersionPage,
    VersionSummary,
)
from app.domain.prompts.services import PromptRegistry
from app.engine.types import ChatMessage, Variable
from app.lib.errors import ConflictError, NotFoundError, ValidationFailedError


def version_etag(version: PromptVersion) -> str:
    return f'"v{version.version}-{version.content_hash[:16]}"'


def decode_messages(raw: list[dict[str, Any]] | None) -> list[ChatMessage] | None:
    return None if raw is None else msgspec.convert(raw, list[ChatMessage])


def decode_variables(raw: list[dict[str, Any]]) -> list[Variable]:
    return msgspec.convert(raw or [], list[Variable])


def decode_config(raw: dict[str, Any]) -> ModelConfig:
    return msgspec.convert(raw or {}, ModelConfig)


def version_out(name: str, kind: str, v: PromptVersion, labels: list[str]) -> VersionOut:
    return VersionOut(
        prompt=name,
        version=v.version,
        kind=kind,
        text=v.text,
        messages=decode_messages(v.messages),
        variables=decode_variables(v.variables),
        model_config=decode_config(v.model_config),
        commit_message=v.commit_message,
        author=Author(type=v.author_type, id=v.author_id, label=v.author_label),
        source=v.source,
        content_hash=v.content_hash,
        parent_version=v.parent_version,
        token_counts=decode_token_counts(v.token_counts),
        lint=msgspec.convert(v.lint_summary, LintSummary) if v.lint_summary else None,
        brief=v.brief,
        labels=labels,
        created_at=v.created_at,
    )


def contract_with_placeholders(variables: list[Variable], messages: list[ChatMessage] | None) -> list[Variable]:
    """Placeholders that name no declared variable take an optional, untrusted message list."""
    declared = {v.name for v in variables}
    extra = [
        Variable(name=m.name, type="list", required=False, trusted=False)
        for m in messages or []
        if m.role == "placeholder" and m.name and m.name not in declared
    ]
    return [*variables, *extra]


class VersionService:
    def __init__(self, registry: PromptRegistry) -> None:
        self.registry = registry
        self.session = registry.session
        self.ctx = registry.ctx
        self.labels = LabelService(registry)

    async def create(self, name: str, data: VersionCreate) -> tuple[Prompt, PromptVersion]:
        for i, label in enumerate(data.labels):
            self.labels.check_can_move(label, field=f"labels[{i}]", source="body")
        kind = "chat" if data.messages is not None else "text"
        errors = check_content(kind, data.text, data.messages, data.variables)
        if errors:
            raise ValidationFailedError("The version is invalid.", extra={"errors": errors})
        digest = content_hash(kind, data.text, data.messages, data.variables, data.model_config)
        tokens, lint = engine_analysis(data.text, data.messages, data.variables)
        version = await self.insert(name, kind, data, digest, tokens, lint)
        await self.session.commit()
        await self.registry.invalidate(name)
        return await self.registry.get(name), version

    async def insert(self, name: str, kind: str, data: VersionCreate, digest: str,
                     tokens: list[dict[str, Any]] | None, lint: dict[str, Any] | None,
                     overrides: dict[str, Any] | None = None) -> PromptVersion:
        """Number and store a validated version, move `latest` and the requested labels; no commit."""
        row = (await self.session.execute(
            self.registry.scoped_update(name)
            .values(version_count=Prompt.version_count + 1)
            .returning(Prompt.id, Prompt.kind, Prompt.version_count)
        )).one_or_none()
        if row is None:
            await self.session.rollback()
            raise NotFoundError(f"Prompt {name!r} does not exist in this workspace.")
        prompt_id, prompt_kind, number = row
        if prompt_kind != kind:
            await self.session.rollback()
            field = "messages" if prompt_kind == "text" else "text"
            raise ValidationFailedError(
                f"{name!r} is a {prompt_kind} prompt; its versions need "
                + ("`text`." if prompt_kind == "text" else "`messages`."),
                extra={"errors": [error(field, f"not allowed for a {prompt_kind} prompt")]},
            )
        if data.parent_version is not None and data.parent_version != number - 1:
            await self.session.rollback()
            raise ConflictError(
                f"Version {number - 1} landed after version {data.parent_version}, which this one was based on; "
                "rebase on the latest version and retry.",
                extra={"latestVersion": number - 1},
            )
        actor = self.ctx.actor
        version = PromptVersion(
            prompt_id=prompt_id,
            version=number,
            text=data.text,
            messages=msgspec.to_builtins(data.messages) if data.messages is not None else None,
            variables=msgspec.to_builtins(data.variables),
            model_config=msgspec.to_builtins(data.model_config),
            commit_message=data.commit_message,
            author_type=actor.type,
            author_id=actor.id,
            author_label=actor.label,
            source=data.source,
            content_hash=digest,
            parent_version=data.parent_version if data.parent_version is not None else (number - 1 or None),
            token_counts=tokens,
            lint_summary=lint,
        )
        for attr, value in (overrides or {}).items():
            setattr(version, attr, value)
        self.session.add(version)
        await self.labels.apply(prompt_id, LATEST, number, "move")
        for label in dict.fromkeys(data.labels):
            from_version = await self.labels.apply(prompt_id, label, number, "move")
            await self.labels.audit(name, prompt_id, "label.moved", label, {"from": from_version, "to": number})
        await self.session.flush()
        return version

    async def _labels_by_version(self, prompt_id: Any) -> dict[int, list[str]]:
        rows = await self.session.execute(
            select(PromptLabel.version, PromptLabel.name).where(PromptLabel.prompt_id == prompt_id)
            .order_by(PromptLabel.name)
        )
        result: dict[int, list[str]] = {}
        for number, label in rows:
            result.setdefault(number, []).append(label)
        return result

    async def get(self, name: str, number: int) -> tuple[Prompt, PromptVersion, list[str]]:
        prompt = await self.registry.get(name)
        version = (await self.session.execute(
            select(PromptVersion).where(PromptVersion.prompt_id == prompt.id, PromptVersion.version == number)
        )).scalar_one_or_none()
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
                raise NotFoundError(f"Prompt {name!r} has no label {wanted!r}.")
            number = found
        _, version, _ = await self.get(name, number)
        return prompt, version

    async def list(self, name: str, limit: int, offset: int) -> VersionPage:
        prompt = await self.registry.get(name, relations=False)
        total = (await self.session.execute(
            select(func.count()).select_from(PromptVersion).where(PromptVersion.prompt_id == prompt.id)
        )).scalar_one()
        rows = (await self.session.execute(
            select(PromptVersion).where(PromptVersion.prompt_id == prompt.id)
            .order_by(PromptVersion.version.desc()).limit(limit).offset(offset)
        )).scalars()
        labels = await self._labels_by_version(prompt.id)
        items = [
            VersionSummary(version=v.version, commit_message=v.commit_message,
                           author=Author(type=v.author_type, id=v.author_id, label=v.author_label),
                           source=v.source, content_hash=v.content_hash, labels=labels.get(v.version, []),
                           created_at=v.created_at)
            for v in rows
        ]
        return VersionPage(items=items, total=total, limit=limit, offset=offset)

    async def render(self, name: str, data: RenderRequest) -> RenderResult:
        if data.label is not None and data.version is not None:
            raise ValidationFailedError("Give either label or version, not both.",
                                        extra={"errors": [error("version", "cannot be combined with label")]})
        prompt, version = await self.select(name, data.label, data.version)
        messages = decode_messages(version.messages)
        contract = contract_with_placeholders(decode_variables(version.variables), messages)
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
            if prompt.kind == "chat" else None
        )
        return RenderResult(prompt=prompt.name, version=version.version, kind=prompt.kind, text=text,
                            messages=rendered, model_config=decode_config(version.model_config),
                            ignored_variables=bound.ignored)

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
            token_delta=diffing.token_delta(decode_token_counts(old.token_counts),
                                            decode_token_counts(new.token_counts)),
            breaking=any(v.breaking for v in variables),
        )

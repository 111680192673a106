"""Export and import of prompts with all their versions and labels.

Import is all-or-nothing and idempotent:

- the whole document is checked first (shape by msgspec, then content, contract, labels and conflicts with
  what exists), and every problem is reported at once, each named by its path
  (`prompts[3].versions[1].variables[0].type`); nothing is written unless the document is clean;
- the writes run in one transaction;
- a document version is already present when the prompt has a version with the same number and content
  hash, or (numbers not aligned) any version that had that content hash before the import; such versions
  create nothing, and labels already in place record no move.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from sqlalchemy import func, select

from app.db.models.prompts import Prompt, PromptLabel, PromptTag, PromptVersion
from app.domain.prompts.events import PromptChanged
from app.domain.prompts.pure.content import check_content, content_hash, engine_analysis, error
from app.domain.prompts.pure.formats import document
from app.domain.prompts.schemas import (
    LATEST,
    ExportDocument,
    ExportPrompt,
    ExportVersion,
    ImportedPrompt,
    ImportedVersion,
    ImportResult,
    VersionCreate,
    decode_config,
    decode_messages,
    decode_variables,
)
from app.domain.prompts.services.prompts import PromptRegistry
from app.domain.prompts.services.versions import VersionService
from app.engine.placeholders import infer_variables
from app.lib.errors import PermissionDeniedError, ValidationFailedError

MAX_IMPORT_VERSIONS = 1000
"""Versions one import may hold: each is analysed and written in the one transaction, which must end in seconds."""
MAX_TEXT = 200_000
MAX_MESSAGES = 200
MAX_AUTHOR = 320
"""The `author_label` column's length."""
Unmapped = dict[tuple[str, int], list[str]]


def _export_version(v: PromptVersion) -> ExportVersion:
    return ExportVersion(
        version=v.version,
        text=v.text,
        messages=decode_messages(v.messages),
        variables=decode_variables(v.variables),
        model_config=decode_config(v.model_config),
        commit_message=v.commit_message,
        source=v.source,  # type: ignore[arg-type]
        author=v.author_label,
        content_hash=v.content_hash,
        parent_version=v.parent_version,
        created_at=v.created_at,
    )


class TransferService:
    def __init__(self, registry: PromptRegistry) -> None:
        self.registry = registry
        self.session = registry.session
        self.ctx = registry.ctx
        self.versions = VersionService(registry)

    async def export(self, name: str | None = None, folder: str | None = None) -> ExportDocument:
        """Every prompt of the workspace, one prompt (`name`), or the prompts under `folder` (`folder/...`)."""
        stmt = self.registry.scoped().order_by(Prompt.name)
        if name is not None:
            stmt = stmt.where(Prompt.name == name)
        if folder is not None:
            stmt = stmt.where(Prompt.name.startswith(folder.strip("/") + "/", autoescape=True))
        prompts = list((await self.session.execute(stmt)).scalars())
        if name is not None and not prompts:
            await self.registry.get(name)  # raises the 404
        by_prompt: dict[Any, list[PromptVersion]] = defaultdict(list)
        if prompts:
            rows = await self.session.execute(
                select(PromptVersion)
                .where(PromptVersion.prompt_id.in_([p.id for p in prompts]))
                .order_by(PromptVersion.prompt_id, PromptVersion.version)
            )
            for v in rows.scalars():
                by_prompt[v.prompt_id].append(v)
        out = [
            ExportPrompt(
                name=p.name,
                kind=p.kind,  # type: ignore[arg-type]
                description=p.description,
                tags=p.tags,
                archived=p.archived,
                labels={label.name: label.version for label in p.labels if label.name != LATEST},
                versions=[_export_version(v) for v in by_prompt[p.id]],
            )
            for p in prompts
        ]
        return document(out, workspace=self.registry.workspace_slug)

    # --- import ----------------------------------------------------------------------------------------

    def _check_document(self, doc: ExportDocument) -> list[dict[str, str]]:
        errors: list[dict[str, str]] = []
        total = sum(len(p.versions) for p in doc.prompts)
        if total > MAX_IMPORT_VERSIONS:
            return [error("prompts", f"{total} versions: one import holds at most {MAX_IMPORT_VERSIONS}; split it")]
        seen_names: set[str] = set()
        for i, p in enumerate(doc.prompts):
            where = f"prompts[{i}]"
            if p.name.lower() in seen_names:  # names are unique regardless of case
                errors.append(error(f"{where}.name", f"prompt {p.name!r} appears twice in the document"))
            seen_names.add(p.name.lower())
            numbers: set[int] = set()
            for j, v in enumerate(p.versions):
                if v.version in numbers:
                    errors.append(error(f"{where}.versions[{j}].version", f"duplicate version {v.version}"))
                numbers.add(v.version)
                errors.extend(check_content(p.kind, v.text, v.messages, v.variables, prefix=f"{where}.versions[{j}]."))
                errors.extend(_size_errors(v, f"{where}.versions[{j}]."))
            for label, number in p.labels.items():
                if label == LATEST:
                    continue
                if number not in numbers:
                    errors.append(error(f"{where}.labels.{label}", f"version {number} is not in the document"))
        return errors

    async def import_document(
        self, doc: ExportDocument, *, dry_run: bool = False, unmapped: Unmapped | None = None, fmt: str = "json"
    ) -> ImportResult:
        """Check, then write (or, with `dry_run`, write and roll back) the whole document in one transaction."""
        errors = self._check_document(doc)
        lowered = list({p.name.lower() for p in doc.prompts})
        existing = {
            p.name: p
            for p in (
                await self.session.execute(self.registry.scoped().where(func.lower(Prompt.name).in_(lowered)))
            ).scalars()
        }
        spelled = {name.lower(): name for name in existing}
        for i, p in enumerate(doc.prompts):
            other = spelled.get(p.name.lower())
            if p.name not in existing and other is not None:
                # Writing it would break the case-insensitive unique index (a 500), not make a second prompt.
                errors.append(
                    error(f"prompts[{i}].name", f"{p.name!r}: the workspace has {other!r} (names ignore case)")
                )
            current = existing.get(p.name)
            if current is not None and current.kind != p.kind:
                errors.append(error(f"prompts[{i}].kind", f"{p.name!r} exists as a {current.kind} prompt"))
        if errors:
            raise ValidationFailedError(
                f"The document is invalid ({len(errors)} problems); nothing was imported.", extra={"errors": errors}
            )
        results: list[ImportedPrompt] = []
        try:
            for i, p in enumerate(doc.prompts):
                results.append(await self._import_prompt(p, existing.get(p.name), f"prompts[{i}]", unmapped or {}))
            if dry_run:
                await self.session.rollback()
            else:
                for r in results:
                    if r.created or r.versions_created or r.labels_moved:
                        self.registry.announce(PromptChanged, r.name, change="imported")
                await self.registry.commit()
        except BaseException:
            await self.session.rollback()
            raise
        return ImportResult(
            prompts=results,
            prompts_created=sum(r.created for r in results),
            versions_created=sum(len(r.versions_created) for r in results),
            labels_moved=sum(len(r.labels_moved) for r in results),
            dry_run=dry_run,
            format=fmt,
        )

    async def _import_prompt(
        self, p: ExportPrompt, current: Prompt | None, where: str, unmapped: Unmapped
    ) -> ImportedPrompt:
        """One prompt of the document: its row, then its versions (matched or inserted), then its labels."""
        created = current is None
        prompt = await self._upsert_prompt(p, current)
        mapping, reports = await self._import_versions(p, prompt.id, unmapped)
        moved = await self._import_labels(p, prompt.id, mapping, where)
        await self.session.flush()
        return ImportedPrompt(
            name=p.name,
            created=created,
            versions_created=[r.version for r in reports if r.created],
            labels_moved=moved,
            versions=reports,
        )

    async def _upsert_prompt(self, p: ExportPrompt, current: Prompt | None) -> Prompt:
        """The prompt's row: created, or its description, tags and archived flag brought to the document's."""
        if current is None:
            current = self.registry.add_prompt(
                p.name, kind=p.kind, description=p.description, tags=p.tags, archived=p.archived
            )
            await self.session.flush()
        elif (current.description, current.tags, current.archived) != (p.description, sorted(set(p.tags)), p.archived):
            current.description = p.description
            current.archived = p.archived
            have = {row.tag for row in current.tag_rows}
            current.tag_rows = [row for row in current.tag_rows if row.tag in set(p.tags)] + [
                PromptTag(workspace_id=self.registry.workspace_id, tag=t) for t in sorted(set(p.tags) - have)
            ]
            current.revision += 1
            await self.session.flush()
        return current

    async def _import_versions(
        self, p: ExportPrompt, prompt_id: UUID, unmapped: Unmapped
    ) -> tuple[dict[int, int], list[ImportedVersion]]:
        """Each file version, oldest first, matched to a stored one or inserted. Returns the map from file
        version numbers to stored ones, and one report per file version."""
        rows = await self.session.execute(
            select(PromptVersion.version, PromptVersion.content_hash).where(PromptVersion.prompt_id == prompt_id)
        )
        by_number: dict[int, str] = dict(rows.tuples().all())
        before_by_hash: dict[str, int] = {}
        for n, h in sorted(by_number.items()):
            before_by_hash.setdefault(h, n)
        mapping: dict[int, int] = {}
        reports: list[ImportedVersion] = []
        for v in sorted(p.versions, key=lambda x: x.version):
            report = await self._import_version(p, v, by_number, before_by_hash, mapping)
            report.unmapped = unmapped.get((p.name, v.version), [])
            mapping[v.version] = report.version
            reports.append(report)
        return mapping, reports

    async def _import_version(
        self,
        p: ExportPrompt,
        v: ExportVersion,
        by_number: dict[int, str],
        before_by_hash: dict[str, int],
        mapping: dict[int, int],
    ) -> ImportedVersion:
        """The stored version with this content (same number, or any number it had before the import), or a new
        one inserted with the file's author, date and parent."""
        variables = infer_variables(v.text, v.messages, v.variables)
        inferred = [var.name for var in variables] if variables is not v.variables else []
        digest = content_hash(p.kind, v.text, v.messages, variables, v.model_config)
        as_written = content_hash(p.kind, v.text, v.messages, v.variables, v.model_config) if inferred else digest
        report = ImportedVersion(file_version=v.version, version=0, created=False, variables_inferred=inferred)
        if by_number.get(v.version) in (digest, as_written):
            present: int | None = v.version
        else:
            present = before_by_hash.get(digest, before_by_hash.get(as_written))
        if present is not None:
            report.version = present
            return report
        data = VersionCreate(
            text=v.text,
            messages=v.messages,
            variables=variables,
            model_config=v.model_config,
            commit_message=v.commit_message,
            source=v.source,
        )
        tokens, lint = engine_analysis(v.text, v.messages, variables)
        overrides: dict[str, Any] = {"parent_version": mapping.get(v.parent_version) if v.parent_version else None}
        if v.author:
            overrides.update(author_label=v.author, author_id=None)
        if v.created_at is not None:
            overrides["created_at"] = v.created_at
        version = await self.versions.insert(p.name, p.kind, data, digest, tokens, lint, overrides)
        report.version, report.created = version.version, True
        by_number[version.version] = digest
        return report

    async def _import_labels(self, p: ExportPrompt, prompt_id: UUID, mapping: dict[int, int], where: str) -> list[str]:
        """Move the document's labels onto the mapped versions (protected ones only for admins); the moved ones."""
        moved: list[str] = []
        labels = {
            row.name: row.version
            for row in (
                await self.session.execute(select(PromptLabel).where(PromptLabel.prompt_id == prompt_id))
            ).scalars()
        }
        for label, number in sorted(p.labels.items()):
            if label == LATEST:
                continue
            target = mapping[number]
            if labels.get(label) == target:
                continue
            if not self.versions.labels.may_move(label):
                raise PermissionDeniedError(
                    f"{where}.labels.{label}: only admins move protected label {label!r}; nothing was imported.",
                    extra={"errors": [error(f"{where}.labels.{label}", "protected label")]},
                )
            await self.versions.labels.lock(p.name)
            from_version = await self.versions.labels.apply(prompt_id, label, target, "move")
            await self.versions.labels.audit(
                p.name, prompt_id, "label.moved", label, {"from": from_version, "to": target, "action": "import"}
            )
            moved.append(label)
        return moved


def _size_errors(v: ExportVersion, prefix: str) -> list[dict[str, str]]:
    """The limits a version saved through the API has (an import must not store what a save would refuse)."""
    errors = []
    if v.text is not None and len(v.text) > MAX_TEXT:
        errors.append(error(f"{prefix}text", f"longer than {MAX_TEXT} characters"))
    if v.messages is not None and len(v.messages) > MAX_MESSAGES:
        errors.append(error(f"{prefix}messages", f"more than {MAX_MESSAGES} messages"))
    if len(v.variables) > 100:
        errors.append(error(f"{prefix}variables", "more than 100 variables"))
    if len(v.author) > MAX_AUTHOR:
        errors.append(error(f"{prefix}author", f"longer than {MAX_AUTHOR} characters"))
    return errors

"""Wire shapes of the prompt registry (camelCase JSON). Request bodies reject unknown fields."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal
from uuid import UUID

import msgspec

from app.engine.types import ChatMessage, TokenCount, Variable
from app.lib.pagination import Page
from app.lib.schema import CamelizedBaseStruct, RequestStruct

if TYPE_CHECKING:
    from app.db.models.prompts import Prompt, PromptLabel, PromptVersion

PromptKind = Literal["text", "chat"]
VersionSource = Literal["manual", "generated", "improved", "imported"]
SortField = Literal["name", "updatedAt", "createdAt"]
SortOrder = Literal["asc", "desc"]

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$"
"""Prompt names: segments of letters, digits, `.`, `_`, `-` joined by `/` (folders). Never `%`, so a name
in a URL path can always be told apart from its encoding."""
LABEL_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
TAG_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$"

PromptName = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NAME_PATTERN)]
LabelName = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=LABEL_PATTERN)]
TagName = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=TAG_PATTERN)]
Description = Annotated[str, msgspec.Meta(max_length=2000)]
CommitMessage = Annotated[str, msgspec.Meta(max_length=2000)]
VersionNumber = Annotated[int, msgspec.Meta(ge=1, le=2_147_483_647)]  # int4 column
Tags = Annotated[list[TagName], msgspec.Meta(max_length=32)]

MAX_OUTPUT_TOKENS = 10_000_000
"""Upper bound of `maxTokens`: far above any model's output limit, far below what breaks a JSON number."""
LATEST = "latest"
"""The label maintained automatically on the newest version; it cannot be set or removed by hand."""


class ModelConfig(msgspec.Struct, rename="camel", forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """Model settings stored with a version. `tools` and `responseSchema` are opaque JSON."""

    provider: Annotated[str, msgspec.Meta(max_length=64)] | None = None
    model: Annotated[str, msgspec.Meta(max_length=128)] | None = None
    temperature: Annotated[float, msgspec.Meta(ge=0, le=2)] | None = None
    max_tokens: Annotated[int, msgspec.Meta(ge=1, le=MAX_OUTPUT_TOKENS)] | None = None
    tools: list[Any] | None = None
    response_schema: dict[str, Any] | None = None


class Author(CamelizedBaseStruct, kw_only=True):
    type: str
    id: UUID | None
    label: str


class LintSummary(CamelizedBaseStruct, kw_only=True):
    """Score and counts of the engine's lint report at save time."""

    score: int
    errors: int
    warnings: int
    infos: int
    rule_ids: list[str] = msgspec.field(default_factory=list)


# --- stored JSON columns, decoded into wire types ------------------------------------------------------


def decode_messages(raw: list[dict[str, Any]] | None) -> list[ChatMessage] | None:
    return None if raw is None else msgspec.convert(raw, list[ChatMessage])


def decode_variables(raw: list[dict[str, Any]]) -> list[Variable]:
    return msgspec.convert(raw or [], list[Variable])


def decode_config(raw: dict[str, Any]) -> ModelConfig:
    return msgspec.convert(raw or {}, ModelConfig)


def decode_token_counts(raw: list[dict[str, Any]] | None) -> list[TokenCount] | None:
    """Stored token counts; None when absent or written by an older shape (they are advisory)."""
    if raw is None:
        return None
    try:
        return msgspec.convert(raw, list[TokenCount])
    except msgspec.ValidationError:
        return None


# --- prompts -------------------------------------------------------------------------------------------


class PromptCreate(RequestStruct, kw_only=True):
    name: PromptName
    kind: PromptKind = "text"
    description: Description = ""
    tags: Tags = msgspec.field(default_factory=list)


class PromptUpdate(RequestStruct, kw_only=True):
    """Partial update: only the fields sent change."""

    name: PromptName | msgspec.UnsetType = msgspec.UNSET
    description: Description | msgspec.UnsetType = msgspec.UNSET
    tags: Tags | msgspec.UnsetType = msgspec.UNSET
    archived: bool | msgspec.UnsetType = msgspec.UNSET


class PromptOut(CamelizedBaseStruct, kw_only=True):
    id: UUID
    name: str
    kind: str
    description: str
    tags: list[str]
    archived: bool
    latest_version: int | None
    labels: dict[str, int]
    revision: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, prompt: Prompt) -> PromptOut:
        """The prompt row with its loaded labels."""
        return cls(
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


class PromptPage(CamelizedBaseStruct, kw_only=True):
    items: list[PromptOut]
    total: int | None
    """How many prompts match the filters across all pages; only computed with `count=true` (a COUNT over
    every match, whose cost grows with the workspace), otherwise null. Page with `nextCursor`."""
    limit: int
    next_cursor: str | None


# --- versions ------------------------------------------------------------------------------------------


class VersionCreate(RequestStruct, kw_only=True):
    text: Annotated[str, msgspec.Meta(max_length=200_000)] | None = None
    messages: Annotated[list[ChatMessage], msgspec.Meta(max_length=200)] | None = None
    variables: Annotated[list[Variable], msgspec.Meta(max_length=100)] = msgspec.field(default_factory=list)
    model_config: ModelConfig = msgspec.field(default_factory=ModelConfig)
    commit_message: CommitMessage = ""
    source: VersionSource = "manual"
    parent_version: VersionNumber | None = None
    """The version this one was based on. If another version landed since, the request fails with 409."""
    labels: Annotated[list[LabelName], msgspec.Meta(max_length=16)] = msgspec.field(default_factory=list)
    """Labels to point at the new version in the same transaction."""


class VersionOut(CamelizedBaseStruct, kw_only=True):
    prompt: str
    version: int
    kind: str
    text: str | None
    messages: list[ChatMessage] | None
    variables: list[Variable]
    model_config: ModelConfig
    commit_message: str
    author: Author
    source: str
    content_hash: str
    parent_version: int | None
    token_counts: list[TokenCount] | None
    lint: LintSummary | None
    brief: dict[str, Any] | None = None
    """The generation brief, for versions whose source is `generated`."""
    labels: list[str]
    created_at: datetime

    @classmethod
    def from_model(cls, prompt_name: str, kind: str, version: PromptVersion, labels: list[str]) -> VersionOut:
        """A stored version of the prompt `prompt_name` (of `kind`), with the labels that point at it."""
        return cls(
            prompt=prompt_name,
            version=version.version,
            kind=kind,
            text=version.text,
            messages=decode_messages(version.messages),
            variables=decode_variables(version.variables),
            model_config=decode_config(version.model_config),
            commit_message=version.commit_message,
            author=Author(type=version.author_type, id=version.author_id, label=version.author_label),
            source=version.source,
            content_hash=version.content_hash,
            parent_version=version.parent_version,
            token_counts=decode_token_counts(version.token_counts),
            lint=msgspec.convert(version.lint_summary, LintSummary) if version.lint_summary else None,
            brief=version.brief,
            labels=labels,
            created_at=version.created_at,
        )


class VersionSummary(CamelizedBaseStruct, kw_only=True):
    version: int
    commit_message: str
    author: Author
    source: str
    content_hash: str
    labels: list[str]
    created_at: datetime


class VersionPage(Page[VersionSummary], kw_only=True):
    items: list[VersionSummary]


# --- labels --------------------------------------------------------------------------------------------


class LabelSet(RequestStruct, kw_only=True):
    version: VersionNumber
    expected_version: VersionNumber | None = None
    """Optional compare-and-set: fail with 409 unless the label currently points here."""


class LabelRollback(RequestStruct, kw_only=True):
    version: VersionNumber | None = None
    """Target version. Default: the version the label pointed to before its last move."""


class LabelOut(CamelizedBaseStruct, kw_only=True):
    name: str
    version: int
    protected: bool
    updated_at: datetime

    @classmethod
    def from_model(cls, label: PromptLabel, protected: list[str]) -> LabelOut:
        """`protected`: the workspace's protected label names."""
        return cls(
            name=label.name, version=label.version, protected=label.name in protected, updated_at=label.updated_at
        )


class LabelEventOut(CamelizedBaseStruct, kw_only=True):
    label: str
    action: str
    from_version: int | None
    to_version: int | None
    actor: Author
    request_id: str
    created_at: datetime


class LabelEventPage(Page[LabelEventOut], kw_only=True):
    items: list[LabelEventOut]


# --- render, diff, resolve -----------------------------------------------------------------------------


class RenderRequest(RequestStruct, kw_only=True):
    variables: dict[str, Any] = msgspec.field(default_factory=dict)
    label: LabelName | None = None
    version: VersionNumber | None = None
    allow_unknown: bool = False
    """Ignore values for variables the version does not declare instead of rejecting them."""


class RenderedMessage(CamelizedBaseStruct, kw_only=True):
    role: str
    content: str


class RenderResult(CamelizedBaseStruct, kw_only=True):
    prompt: str
    version: int
    kind: str
    text: str | None
    messages: list[RenderedMessage] | None
    model_config: ModelConfig
    ignored_variables: list[str]


class VariableChange(CamelizedBaseStruct, kw_only=True):
    name: str
    change: Literal["added", "removed", "changed"]
    fields: list[str]
    breaking: bool
    reason: str


class ConfigChange(CamelizedBaseStruct, kw_only=True):
    key: str
    before: Any
    after: Any


class TokenDelta(CamelizedBaseStruct, kw_only=True):
    target: str
    before: int
    after: int
    delta: int


class DiffResult(CamelizedBaseStruct, kw_only=True):
    prompt: str
    from_version: int
    to_version: int
    unified_diff: str
    variables: list[VariableChange]
    config: list[ConfigChange]
    token_delta: list[TokenDelta] | None
    breaking: bool


class ResolvedPrompt(CamelizedBaseStruct, kw_only=True):
    """What an SDK needs at runtime."""

    name: str
    version: int
    label: str | None
    kind: str
    text: str | None
    messages: list[ChatMessage] | None
    variables: list[Variable]
    model_config: ModelConfig
    content_hash: str


# --- import / export -----------------------------------------------------------------------------------

EXPORT_FORMAT: Final = "promptsmith.export/v1"


class ExportVersion(msgspec.Struct, rename="camel", forbid_unknown_fields=True, kw_only=True):
    version: VersionNumber
    text: str | None = None
    messages: list[ChatMessage] | None = None
    variables: list[Variable] = msgspec.field(default_factory=list)
    model_config: ModelConfig = msgspec.field(default_factory=ModelConfig)
    commit_message: CommitMessage = ""
    source: VersionSource = "manual"
    author: str = ""
    content_hash: str | None = None
    parent_version: int | None = None
    created_at: datetime | None = None


class ExportPrompt(msgspec.Struct, rename="camel", forbid_unknown_fields=True, kw_only=True):
    name: PromptName
    kind: PromptKind
    description: Description = ""
    tags: Tags = msgspec.field(default_factory=list)
    archived: bool = False
    labels: dict[LabelName, VersionNumber] = msgspec.field(default_factory=dict)
    versions: list[ExportVersion] = msgspec.field(default_factory=list)


class ExportDocument(msgspec.Struct, rename="camel", forbid_unknown_fields=True, kw_only=True):
    format: Literal["promptsmith.export/v1"]
    prompts: list[ExportPrompt]
    workspace: str | None = None
    exported_at: datetime | None = None


class ImportedVersion(CamelizedBaseStruct, kw_only=True):
    """One version of the imported file and what became of it."""

    file_version: int
    """Its number in the file."""
    version: int
    """Its number in the registry: the version created (or, in a dry run, the one that would be), or the
    existing version with the same content."""
    created: bool
    variables_inferred: list[str] = msgspec.field(default_factory=list)
    """Variables made from the text's `{{name}}` placeholders because the file declared none."""
    unmapped: list[str] = msgspec.field(default_factory=list)
    """What the file said that has no place in a version (partials, helpers, unknown keys, other settings...)."""


class ImportedPrompt(CamelizedBaseStruct, kw_only=True):
    name: str
    created: bool
    versions_created: list[int]
    labels_moved: list[str]
    versions: list[ImportedVersion] = msgspec.field(default_factory=list)


class ImportResult(CamelizedBaseStruct, kw_only=True):
    prompts: list[ImportedPrompt]
    prompts_created: int
    versions_created: int
    labels_moved: int
    dry_run: bool = False
    """True when nothing was written: the counts and numbers are what the import would do."""
    format: str = "json"
    """The format the body was read as."""

"""The prompt registry: prompts, immutable versions, movable labels and the label history."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from advanced_alchemy.base import UUIDv7AuditBase
from advanced_alchemy.types import JsonB
from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship


class Prompt(UUIDv7AuditBase):
    """A named prompt in a workspace. Its content lives in versions."""

    __tablename__ = "prompt"
    __table_args__ = (
        UniqueConstraint("workspace_id", "name", name="uq_prompt_workspace_name"),
        # Names are case-preserving but unique regardless of case: `Support/Billing` and `support/billing` would
        # be told apart by the API and confused by every person reading them.
        Index("uq_prompt_workspace_lower_name", "workspace_id", func.lower(text("name")), unique=True),
        # The default list (active prompts, newest first, keyset on (updated_at, id)) reads this index in order
        # and stops after one page, whatever the size of the workspace.
        Index("ix_prompt_workspace_updated", "workspace_id", "archived", "updated_at", "id"),
    )

    workspace_id: Mapped[UUID] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    """Unique in its workspace, ignoring case (reads use the exact name); `/` makes folders (`support/triage`)."""
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(8))
    """`text` or `chat`, fixed at creation."""
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version_count: Mapped[int] = mapped_column(Integer, default=0)
    """Highest version number. Incremented under a row lock, which keeps numbering gapless."""
    revision: Mapped[int] = mapped_column(Integer, default=1)
    """Bumped on every metadata change; the source of the prompt's ETag."""

    tag_rows: Mapped[list[PromptTag]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin", order_by="PromptTag.tag"
    )
    labels: Mapped[list[PromptLabel]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin", order_by="PromptLabel.name"
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]


class PromptTag(UUIDv7AuditBase):
    """One tag of a prompt (a row per tag keeps tag filters indexable on every database)."""

    __tablename__ = "prompt_tag"
    __table_args__ = (
        UniqueConstraint("prompt_id", "tag", name="uq_prompt_tag"),
        Index("ix_prompt_tag_workspace_tag", "workspace_id", "tag"),
    )

    prompt_id: Mapped[UUID] = mapped_column(ForeignKey("prompt.id", ondelete="CASCADE"))
    workspace_id: Mapped[UUID] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    tag: Mapped[str] = mapped_column(String(64))


class PromptVersion(UUIDv7AuditBase):
    """An immutable version of a prompt: content, variable contract and model config."""

    __tablename__ = "prompt_version"
    __table_args__ = (UniqueConstraint("prompt_id", "version", name="uq_prompt_version_number"),)

    prompt_id: Mapped[UUID] = mapped_column(ForeignKey("prompt.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text, default=None)
    messages: Mapped[list[dict[str, Any]] | None] = mapped_column(JsonB, default=None)
    variables: Mapped[list[dict[str, Any]]] = mapped_column(JsonB, default=list)
    model_config: Mapped[dict[str, Any]] = mapped_column(JsonB, default=dict)
    commit_message: Mapped[str] = mapped_column(Text, default="")
    author_type: Mapped[str] = mapped_column(String(16), default="user")
    author_id: Mapped[UUID | None] = mapped_column(default=None)
    author_label: Mapped[str] = mapped_column(String(320), default="")
    source: Mapped[str] = mapped_column(String(16), default="manual")
    """`manual`, `generated`, `improved` or `imported`."""
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    parent_version: Mapped[int | None] = mapped_column(Integer, default=None)
    brief: Mapped[dict[str, Any] | None] = mapped_column(JsonB, default=None)
    token_counts: Mapped[list[dict[str, Any]] | None] = mapped_column(JsonB, default=None)
    lint_summary: Mapped[dict[str, Any] | None] = mapped_column(JsonB, default=None)


class PromptLabel(UUIDv7AuditBase):
    """A movable pointer (`production`, `staging`, `latest`) to one version of a prompt."""

    __tablename__ = "prompt_label"
    __table_args__ = (UniqueConstraint("prompt_id", "name", name="uq_prompt_label_name"),)

    prompt_id: Mapped[UUID] = mapped_column(ForeignKey("prompt.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)


class LabelEvent(UUIDv7AuditBase):
    """One move of a label: from which version to which, by whom, in which request."""

    __tablename__ = "label_event"
    __table_args__ = (Index("ix_label_event_prompt_label", "prompt_id", "label", "created_at"),)

    prompt_id: Mapped[UUID] = mapped_column(ForeignKey("prompt.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    """`set`, `move`, `remove` or `rollback`."""
    from_version: Mapped[int | None] = mapped_column(Integer, default=None)
    to_version: Mapped[int | None] = mapped_column(Integer, default=None)
    actor_type: Mapped[str] = mapped_column(String(16), default="user")
    actor_id: Mapped[UUID | None] = mapped_column(default=None)
    actor_label: Mapped[str] = mapped_column(String(320), default="")
    request_id: Mapped[str] = mapped_column(String(128), default="")

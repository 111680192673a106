"""Dependencies of the prompt controllers: the workspace-scoped registry for the request, and shared params."""

from __future__ import annotations

from typing import Annotated

from litestar.di import NamedDependency, Provide
from litestar.params import HeaderParameter, PathParameter
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.access.context import WorkspaceContext
from app.domain.prompts.pure.content import name_from_path
from app.domain.prompts.services.labels import LabelService
from app.domain.prompts.services.prompts import PromptRegistry
from app.domain.prompts.services.transfer import TransferService
from app.domain.prompts.services.versions import VersionService
from app.lib.events import EventBus

NAME_DESCRIPTION = (
    "Prompt name as ONE URL-encoded path segment. Names may contain `/` (folders, e.g. `support/triage`): "
    "send it as `%2F` (`support%2Ftriage`, what encodeURIComponent / quote(name, safe='') produce). "
    "Names are letters, digits, `.`, `_`, `-` and `/`, never `%`, so decoding is unambiguous."
)

PromptNameParam = Annotated[str, PathParameter(description=NAME_DESCRIPTION, min_length=1, max_length=600)]
IfMatch = Annotated[str | None, HeaderParameter(name="If-Match", description="ETag of your last read (412 if stale)")]
IfNoneMatch = Annotated[str | None, HeaderParameter(name="If-None-Match", description="ETag you hold (304 if current)")]


def provide_registry(
    db_session: NamedDependency[AsyncSession],
    workspace_ctx: NamedDependency[WorkspaceContext],
    events: NamedDependency[EventBus],
) -> PromptRegistry:
    """Dependency `registry`: the workspace's prompt registry for this request (its session, its caller)."""
    return PromptRegistry(db_session, workspace_ctx, events)


def provide_versions(registry: NamedDependency[PromptRegistry]) -> VersionService:
    """Dependency `versions`: versions, render and diff of the request's registry."""
    return VersionService(registry)


def provide_labels(versions: NamedDependency[VersionService]) -> LabelService:
    """Dependency `labels`: the label service (the same one the version service moves labels with)."""
    return versions.labels


def provide_transfer(registry: NamedDependency[PromptRegistry]) -> TransferService:
    """Dependency `transfer`: import and export."""
    return TransferService(registry)


PROMPT_DEPENDENCIES = {
    "registry": Provide(provide_registry, sync_to_thread=False),
    "versions": Provide(provide_versions, sync_to_thread=False),
    "labels": Provide(provide_labels, sync_to_thread=False),
    "transfer": Provide(provide_transfer, sync_to_thread=False),
}
"""One service per aggregate of the registry, each built once per request on the same registry."""


def prompt_name(raw: str) -> str:
    return name_from_path(raw)

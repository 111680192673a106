"""Dependencies of the prompt controllers: the workspace-scoped registry for the request, and shared params."""

from __future__ import annotations

from typing import Annotated

from litestar.di import NamedDependency, Provide
from litestar.params import HeaderParameter, PathParameter, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.access.context import WorkspaceContext
from app.domain.prompts.pure.content import name_from_path
from app.domain.prompts.schemas import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from app.domain.prompts.services.prompts import PromptRegistry
from app.lib.events import EventBus

NAME_DESCRIPTION = (
    "Prompt name as ONE URL-encoded path segment. Names may contain `/` (folders, e.g. `support/triage`): "
    "send it as `%2F` (`support%2Ftriage`, what encodeURIComponent / quote(name, safe='') produce). "
    "Names are letters, digits, `.`, `_`, `-` and `/`, never `%`, so decoding is unambiguous."
)

PromptNameParam = Annotated[str, PathParameter(description=NAME_DESCRIPTION, min_length=1, max_length=600)]
IfMatch = Annotated[str | None, HeaderParameter(name="If-Match", description="ETag of your last read (412 if stale)")]
IfNoneMatch = Annotated[str | None, HeaderParameter(name="If-None-Match", description="ETag you hold (304 if current)")]
Limit = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE, description=f"Page size (at most {MAX_PAGE_SIZE})")]
Offset = Annotated[int, QueryParameter(ge=0, le=100_000, description="Items to skip (at most 100000)")]
DEFAULT_LIMIT = DEFAULT_PAGE_SIZE


def provide_registry(
    db_session: NamedDependency[AsyncSession],
    workspace_ctx: NamedDependency[WorkspaceContext],
    events: NamedDependency[EventBus],
) -> PromptRegistry:
    """Dependency `registry`: the workspace's prompt registry for this request (its session, its caller)."""
    return PromptRegistry(db_session, workspace_ctx, events)


PROMPT_DEPENDENCIES = {"registry": Provide(provide_registry, sync_to_thread=False)}


def prompt_name(raw: str) -> str:
    return name_from_path(raw)

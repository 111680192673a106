"""Saving a generation into the registry: a new prompt, or the next version of an existing one, in one call."""

from __future__ import annotations

from typing import Any

import msgspec
import structlog
from sqlalchemy.exc import IntegrityError

from app.db.models.prompts import Prompt, PromptVersion
from app.domain.generation.lint_settings import workspace_overrides
from app.domain.generation.schemas import (
    BoundedBrief,
    SavedVersion,
    SaveGenerationRequest,
    SaveGenerationResponse,
)
from app.domain.generation.services import GenerationService, to_brief
from app.domain.prompts.events import PromptChanged, VersionCreated
from app.domain.prompts.schemas import ModelConfig, VersionCreate
from app.domain.prompts.services.prompts import PromptRegistry
from app.domain.prompts.services.versions import VersionService
from app.engine.types import LintConfig
from app.lib.errors import ConflictError

logger = structlog.get_logger("promptsmith.generation")


def _default_commit_message(brief: BoundedBrief, engine_used: str) -> str:
    task = " ".join(brief.task.split())
    if len(task) > 120:
        task = task[:119] + "…"
    suffix = " (refined by LLM)" if engine_used == "llm" else ""
    return f"Generated from a brief{suffix}: {task}"


async def save_generation(
    service: GenerationService, versions: VersionService, request: SaveGenerationRequest
) -> SaveGenerationResponse:
    """Generate from the brief, then store it as version 1 of a new text prompt or the next version, in one commit.

    The workspace's lint overrides apply to the generation's lint report. The version's `source` is
    `generated` and the brief is stored with it. If another request creates the same prompt at the same
    moment, this one becomes the next version of it instead (one retry).
    """
    registry = versions.registry
    ctx = registry.ctx
    if request.labels:
        await registry.fresh_protected_labels()
    versions.check_labels(request.labels)
    overrides = workspace_overrides(ctx)
    config = LintConfig(overrides=overrides) if overrides else None
    generation = await service.generate(request.brief, request.engine, lint_config=config, field_prefix="brief.")
    variables = list(generation.variables)
    schema = generation.spec.output_format.json_schema
    model_config = ModelConfig(response_schema=schema) if schema else ModelConfig()
    data = VersionCreate(
        text=generation.prompt,
        variables=variables,
        model_config=model_config,
        commit_message=request.commit_message or _default_commit_message(request.brief, generation.engine),
        source="generated",
        labels=list(dict.fromkeys(request.labels)),
    )
    # The engine always produces a valid contract; never store one that is not.
    digest, tokens, lint_summary = versions.analyse(
        "text", data, invalid="The generated prompt is not a valid version."
    )
    brief_json = msgspec.to_builtins(to_brief(request.brief))
    name = request.prompt_name
    try:
        version, created = await _store(registry, versions, request, data, digest, tokens, lint_summary, brief_json)
    except IntegrityError:
        # Someone created the prompt between our read and our insert: add a version to theirs instead.
        await registry.session.rollback()
        logger.info("generation_save_retry", prompt=name)
        version, created = await _store(registry, versions, request, data, digest, tokens, lint_summary, brief_json)
    labels = sorted({"latest", *data.labels})
    return SaveGenerationResponse(
        saved=SavedVersion(
            prompt_name=name,
            version=version.version,
            created=created,
            source=version.source,
            labels=labels,
            target=generation.target,
        ),
        generation=generation,
    )


async def _store(
    registry: PromptRegistry,
    versions: VersionService,
    request: SaveGenerationRequest,
    data: VersionCreate,
    digest: str,
    tokens: list[dict[str, Any]] | None,
    lint_summary: dict[str, Any] | None,
    brief_json: dict[str, Any],
) -> tuple[PromptVersion, bool]:
    """Create the prompt if it is missing, insert the version (labels moved, `latest` too), commit."""
    session, name = registry.session, request.prompt_name
    existing = (await session.execute(registry.scoped().where(Prompt.name == name))).scalar_one_or_none()
    if existing is not None and existing.kind != "text":
        raise ConflictError(
            f"{name!r} is a {existing.kind} prompt; a generation is text and can only become a version of a "
            "text prompt. Choose another promptName.",
            extra={"errors": [{"field": "promptName", "source": "body", "message": f"a {existing.kind} prompt"}]},
        )
    created = existing is None
    if created:
        registry.add_prompt(name, kind="text", description=request.description or "")
        await session.flush()
    version = await versions.insert(name, "text", data, digest, tokens, lint_summary, {"brief": brief_json})
    if created:
        registry.announce(PromptChanged, name, change="created")
    labels = tuple(sorted({"latest", *data.labels}))
    registry.announce(VersionCreated, name, version=version.version, labels=labels)
    await registry.commit()
    return version, created

"""`/generate`, `/improve`, `/templatize`, `/tokens`, `/lint` and their workspace variants.

Thin handlers: the work is in `services`. The stateless controllers sit on the authenticated router, and each
handler's `requires_scope` guard asks API keys for the `write` scope (generate / improve / templatize) or `read`
(lint / tokens). The workspace controllers sit on the workspace router, whose guard checks `opt["permission"]`.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post, put
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from app.domain.access.authentication import authenticate
from app.domain.access.context import WorkspaceContext
from app.domain.access.guards import requires_scope
from app.domain.access.permissions import Permission
from app.domain.generation import fastpath, lint_settings, saving, services
from app.domain.generation.deps import LINT_RULES_DEPENDENCIES
from app.domain.generation.lint_settings import LintRulesService
from app.domain.generation.schemas import (
    GenerateRequest,
    GenerateResponse,
    ImproveRequest,
    ImproveResponse,
    LintRequest,
    LintRulesOut,
    LintRulesUpdate,
    SaveGenerationRequest,
    SaveGenerationResponse,
    TemplatizeRequest,
    TemplatizeResponse,
    TokensRequest,
    TokensResponse,
)
from app.domain.generation.services import GenerationService
from app.domain.prompts.deps import PROMPT_DEPENDENCIES
from app.domain.prompts.services.versions import VersionService
from app.engine.lint import RuleInfo
from app.engine.types import LintReport
from app.lib.openapi import problem_responses

_LLM_NOTE = (
    ' With `engine: "llm"` the deterministic draft is refined by the configured model; if the model fails, '
    "times out or returns an unusable prompt, the deterministic result is returned with `engine: "
    '"deterministic"` and a warning. Without a configured provider, `engine: "llm"` is a 400 '
    "(`urn:promptsmith:problem:llm-not-configured`)."
)


class GenerationController(Controller):
    """Stateless generation (authenticated router)."""

    path = "/"
    tags = ["Generation"]

    @post(
        "/generate",
        operation_id="generatePrompt",
        guards=[requires_scope(Permission.WRITE)],
        summary="Generate a system prompt from a brief",
        description="Returns the spec, the prompt for the brief's target (and `alsoRender` targets), the "
        "variables, token counts, the lint report and the archetypes used." + _LLM_NOTE,
        status_code=HTTP_200_OK,
        responses=problem_responses(400, 401, 403, 413, 429, 503),
    )
    async def generate(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[GenerateRequest],
        generation_service: NamedDependency[GenerationService],
        generate_fastpath: NamedDependency[fastpath.GenerateFastPathCache],
    ) -> GenerateResponse:
        response = await generation_service.generate(data, data.engine)
        # A deterministic answer may be replayed by the fast path for the same key and body (generation.fastpath).
        fastpath.remember(request.scope, generate_fastpath, await authenticate(request), data.engine, response)
        return response

    @post(
        "/improve",
        operation_id="improvePrompt",
        guards=[requires_scope(Permission.WRITE)],
        summary="Improve an existing prompt (text or chat)",
        description="Returns the improved prompt, the list of changes, a unified diff and lint reports "
        "before and after." + _LLM_NOTE,
        status_code=HTTP_200_OK,
        responses=problem_responses(400, 401, 403, 413, 429, 503),
    )
    async def improve(
        self,
        data: JSONBody[ImproveRequest],
        generation_service: NamedDependency[GenerationService],
    ) -> ImproveResponse:
        return await generation_service.improve(data)

    @post(
        "/templatize",
        operation_id="templatizePrompt",
        guards=[requires_scope(Permission.WRITE)],
        summary="Propose {{variables}} for literal per-call values",
        status_code=HTTP_200_OK,
        responses=problem_responses(400, 401, 403, 413, 429, 503),
    )
    async def templatize(self, data: JSONBody[TemplatizeRequest]) -> TemplatizeResponse:
        return services.templatize_text(data.text)

    @post(
        "/tokens",
        operation_id="countTokens",
        guards=[requires_scope(Permission.READ)],
        summary="Count a prompt's tokens per target model family",
        description="Each count says whether it is `exact` or an `estimate`, and which tokenizer produced it.",
        status_code=HTTP_200_OK,
        responses=problem_responses(400, 401, 403, 413, 429, 503),
    )
    async def tokens(self, data: JSONBody[TokensRequest]) -> TokensResponse:
        return services.count_tokens(data)


class SavedGenerationController(Controller):
    """Generate and save into a workspace (workspace router)."""

    path = "/"
    tags = ["Generation"]
    dependencies = PROMPT_DEPENDENCIES

    @post(
        "/generations",
        operation_id="saveGeneration",
        summary="Generate from a brief and save it as a new prompt or the next version of one",
        description="One transaction: the prompt (kind `text`) is created if `promptName` does not exist, "
        "otherwise the generation becomes its next version. The version's source is `generated`, the brief is "
        "stored with it, and `labels` (e.g. `staging`) are moved to it. The workspace's lint overrides apply "
        "to the returned lint report." + _LLM_NOTE,
        status_code=HTTP_201_CREATED,
        opt={"permission": Permission.WRITE},
        responses=problem_responses(400, 401, 403, 404, 409, 413, 429, 503),
    )
    async def save_generation(
        self,
        data: JSONBody[SaveGenerationRequest],
        versions: NamedDependency[VersionService],
        generation_service: NamedDependency[GenerationService],
    ) -> SaveGenerationResponse:
        return await saving.save_generation(generation_service, versions, data)


class LintController(Controller):
    """Stateless lint (authenticated router)."""

    path = "/"
    tags = ["Lint"]

    @post(
        "/lint",
        operation_id="lintPrompt",
        guards=[requires_scope(Permission.READ)],
        summary="Lint a prompt (text or chat)",
        description="`overrides` switch rules off (`enabled: false`) or re-grade them (`severity`) for this "
        "request; unknown rule ids are a 400.",
        status_code=HTTP_200_OK,
        responses=problem_responses(400, 401, 403, 413, 429, 503),
    )
    async def lint(self, data: JSONBody[LintRequest]) -> LintReport:
        return services.lint(data)

    @get(
        "/lint/rules",
        operation_id="listLintRules",
        guards=[requires_scope(Permission.READ)],
        summary="List the lint rules with their category and default severity",
        responses=problem_responses(401, 403, 429, 503),
    )
    async def list_rules(self) -> list[RuleInfo]:
        return services.rules()


class WorkspaceLintController(Controller):
    """Lint with the workspace's rule settings, and those settings (workspace router)."""

    path = "/"
    tags = ["Lint"]
    dependencies = LINT_RULES_DEPENDENCIES

    @post(
        "/lint",
        operation_id="lintPromptInWorkspace",
        summary="Lint a prompt with the workspace's rule overrides, then the request's",
        status_code=HTTP_200_OK,
        opt={"permission": Permission.READ},
        responses=problem_responses(400, 401, 403, 404, 413, 429, 503),
    )
    async def lint_in_workspace(
        self, data: JSONBody[LintRequest], workspace_ctx: NamedDependency[WorkspaceContext]
    ) -> LintReport:
        return services.lint(data, lint_settings.workspace_overrides(workspace_ctx))

    @get(
        "/lint-rules",
        operation_id="getWorkspaceLintRules",
        summary="Get the workspace's lint rule overrides",
        opt={"permission": Permission.READ},
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def get_workspace_rules(self, workspace_ctx: NamedDependency[WorkspaceContext]) -> LintRulesOut:
        return LintRulesOut(overrides=lint_settings.workspace_overrides(workspace_ctx))

    @put(
        "/lint-rules",
        operation_id="setWorkspaceLintRules",
        summary="Replace the workspace's lint rule overrides",
        description="Applied to every lint in this workspace (`lintPromptInWorkspace`, saved generations) "
        "before the request's own overrides. Needs the manage_workspace permission.",
        opt={"permission": Permission.MANAGE_WORKSPACE},
        responses=problem_responses(400, 401, 403, 404, 413, 429, 503),
    )
    async def set_workspace_rules(
        self,
        data: JSONBody[LintRulesUpdate],
        workspace_ctx: NamedDependency[WorkspaceContext],
        lint_rules: NamedDependency[LintRulesService],
    ) -> LintRulesOut:
        overrides = await lint_rules.replace(workspace_ctx, data.overrides)
        return LintRulesOut(overrides=overrides)

"""Workspace tools: the generator playground and the API keys page.

The playground calls the generation service and `save_generation` the API uses; the keys page calls the
apikeys service (the permission `manage_keys` is declared, so editors and viewers get the 403 page). The
services are the API's dependencies, and as on the API they flush and the request boundary commits.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Redirect, Template

from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.apikeys.deps import API_KEY_DEPENDENCIES
from app.domain.apikeys.schemas import ApiKeyCreate
from app.domain.apikeys.services import ApiKeyService
from app.domain.console.pages import CONSOLE_PREFIX, form_error, page, prompt_path
from app.domain.generation import saving
from app.domain.generation.schemas import GenerateRequest, SaveGenerationRequest
from app.domain.generation.services import GenerationService
from app.domain.prompts.deps import PROMPT_DEPENDENCIES
from app.domain.prompts.services.versions import VersionService
from app.lib.errors import ProblemError

BRIEF_FIELDS = ("task", "audience", "tone", "constraints", "output_format", "variables", "target", "prompt_name")
TARGETS = ("generic", "claude", "gpt", "gemini", "small")


def _brief(values: dict[str, str]) -> dict[str, Any]:
    """The API's brief from the form: one constraint per line, variables separated by commas."""
    brief: dict[str, Any] = {"task": values["task"].strip(), "target": values["target"] or "generic"}
    for field, key in (("audience", "audience"), ("tone", "tone"), ("output_format", "outputFormat")):
        if values[field].strip():
            brief[key] = values[field].strip()
    constraints = [line.strip() for line in values["constraints"].splitlines() if line.strip()]
    if constraints:
        brief["constraints"] = constraints
    names = [name.strip() for name in values["variables"].split(",") if name.strip()]
    if names:
        brief["variables"] = [{"name": name} for name in names]
    return brief


class GeneratorPages(Controller):
    path = "/generate"
    dependencies = PROMPT_DEPENDENCIES

    @get("/", opt={"permission": Permission.WRITE})
    async def form(self, request: Request[Any, Any, Any]) -> Template:
        values = dict.fromkeys(BRIEF_FIELDS, "")
        return page(request, "generate.html", form=values, result=None, targets=TARGETS)

    @post("/", opt={"permission": Permission.WRITE})
    async def generate(
        self,
        request: Request[Any, Any, Any],
        generation_service: NamedDependency[GenerationService],
        versions: NamedDependency[VersionService],
    ) -> Response[Any]:
        form = await request.form()
        values = {field: str(form.get(field, "")) for field in BRIEF_FIELDS}
        try:
            if form.get("action") == "save":
                body = {"brief": _brief(values), "promptName": values["prompt_name"].strip()}
                saved = await saving.save_generation(
                    generation_service, versions, msgspec.convert(body, SaveGenerationRequest)
                )
                slug = versions.registry.ctx.workspace_slug
                target = f"{CONSOLE_PREFIX}/w/{slug}/prompts/{prompt_path(saved.saved.prompt_name)}"
                return Redirect(path=target, status_code=303)
            data = msgspec.convert({**_brief(values), "alsoRender": ["claude", "gpt"]}, GenerateRequest)
            result = await generation_service.generate(data, data.engine)
        except (msgspec.ValidationError, ProblemError) as exc:
            status, detail = form_error(exc, f"Check the brief: {exc}")
            return page(request, "generate.html", status, form=values, result=None, targets=TARGETS, error=detail)
        return page(request, "generate.html", form=values, result=result, targets=TARGETS)


class KeyPages(Controller):
    path = "/keys"
    opt = {"permission": Permission.MANAGE_KEYS}
    dependencies = API_KEY_DEPENDENCIES

    async def _render(
        self, request: Request[Any, Any, Any], ctx: WorkspaceContext, api_keys: ApiKeyService, **extra: Any
    ) -> Template:
        rows, _ = await api_keys.list_keys(ctx, limit=100, offset=0)
        return page(request, "keys.html", keys=rows, **extra)

    @get("/")
    async def list_keys(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        api_keys: NamedDependency[ApiKeyService],
    ) -> Template:
        return await self._render(request, workspace_ctx, api_keys)

    @post("/")
    async def create_key(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        api_keys: NamedDependency[ApiKeyService],
    ) -> Template:
        """The new key is shown on this response only (never stored in clear, never shown again)."""
        form = await request.form()
        name = str(form.get("name", "")).strip()
        scopes = [str(s) for s in form.getall("scopes")] if "scopes" in form else []
        try:
            data = msgspec.convert({"name": name, "scopes": scopes}, ApiKeyCreate)
            _, full = await api_keys.create(workspace_ctx, name=data.name.strip(), scopes=data.scopes, expires_at=None)
        except msgspec.ValidationError:
            return await self._render(request, workspace_ctx, api_keys, error="Give the key a name and a scope.")
        except ProblemError as exc:
            return await self._render(request, workspace_ctx, api_keys, error=exc.detail)
        return await self._render(request, workspace_ctx, api_keys, new_key=full)

    @post("/{key_id:uuid}/revoke")
    async def revoke_key(
        self,
        request: Request[Any, Any, Any],
        key_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        api_keys: NamedDependency[ApiKeyService],
    ) -> Redirect:
        await api_keys.revoke(workspace_ctx, key_id)  # the lookup caches drop the key once the request commits
        return Redirect(path=f"{CONSOLE_PREFIX}/w/{workspace_ctx.workspace_slug}/keys/", status_code=303)

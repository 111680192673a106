"""Labels of one prompt: list, move, remove, history and rollback."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import JSONBody, PathParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from app.domain.prompts.controllers.prompts import BASE, READ, WRITE
from app.domain.prompts.deps import PROMPT_DEPENDENCIES, PromptNameParam, prompt_name
from app.domain.prompts.schemas import LABEL_PATTERN, LabelEventPage, LabelOut, LabelRollback, LabelSet
from app.domain.prompts.services.labels import LabelService
from app.lib.openapi import problem_responses
from app.lib.pagination import DEFAULT_PAGE_SIZE, Limit, Offset

LabelParam = Annotated[str, PathParameter(min_length=1, max_length=64, pattern=LABEL_PATTERN, description="Label name")]


class LabelController(Controller):
    path = BASE + "/{name:str}/labels"
    tags = ["Prompt labels"]
    dependencies = PROMPT_DEPENDENCIES

    @get(
        "/",
        operation_id="listPromptLabels",
        summary="Labels of a prompt and the versions they point to",
        opt=READ,
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def list_labels(self, labels: NamedDependency[LabelService], name: PromptNameParam) -> list[LabelOut]:
        return await labels.list(prompt_name(name))

    @put(
        "/{label:str}",
        operation_id="setPromptLabel",
        opt=WRITE,
        summary="Set or move a label (protected labels: admins only)",
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503),
    )
    async def set_label(
        self,
        labels: NamedDependency[LabelService],
        name: PromptNameParam,
        label: LabelParam,
        data: JSONBody[LabelSet],
    ) -> LabelOut:
        row = await labels.set(prompt_name(name), label, data.version, data.expected_version)
        return LabelOut.from_model(row, labels.protected)

    @delete(
        "/{label:str}",
        operation_id="removePromptLabel",
        opt=WRITE,
        status_code=HTTP_204_NO_CONTENT,
        summary="Remove a label",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def remove_label(
        self, labels: NamedDependency[LabelService], name: PromptNameParam, label: LabelParam
    ) -> None:
        await labels.remove(prompt_name(name), label)

    @get(
        "/{label:str}/history",
        operation_id="listPromptLabelHistory",
        opt=READ,
        summary="Every move of a label: from, to, who, when, request id (newest first)",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def history(
        self,
        labels: NamedDependency[LabelService],
        name: PromptNameParam,
        label: LabelParam,
        limit: Limit = DEFAULT_PAGE_SIZE,
        offset: Offset = 0,
    ) -> LabelEventPage:
        return await labels.history(prompt_name(name), label, limit, offset)

    @post(
        "/{label:str}/rollback",
        operation_id="rollbackPromptLabel",
        opt=WRITE,
        status_code=200,
        summary="Move a label back (default: to where it pointed before its last move)",
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503),
    )
    async def rollback(
        self,
        labels: NamedDependency[LabelService],
        name: PromptNameParam,
        label: LabelParam,
        data: JSONBody[LabelRollback | None] = None,
    ) -> LabelOut:
        row = await labels.rollback(prompt_name(name), label, data.version if data is not None else None)
        return LabelOut.from_model(row, labels.protected)

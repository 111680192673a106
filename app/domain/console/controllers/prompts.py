"""Prompt pages inside a workspace: list, prompt, new prompt, new version, diff, and moving a label.

Every handler goes through the registry services the API uses (`PromptRegistry`, `VersionService`,
`LabelService`), behind the API's own `workspace_permission` guard with the permission declared in `opt`.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from app.domain.access.permissions import Permission
from app.domain.console.pages import CONSOLE_PREFIX, form_error, page, prompt_path
from app.domain.console.version_form import (
    MESSAGE_ROLES,
    VARIABLE_TYPES,
    blank_message,
    blank_variable,
    message_body,
    messages_from_form,
    rows_from_version,
    variable_body,
    variables_from_form,
)
from app.domain.generation import services as generation
from app.domain.generation.schemas import LintRequest
from app.domain.prompts.deps import PROMPT_DEPENDENCIES, prompt_name
from app.domain.prompts.schemas import PromptCreate, PromptOut, VersionCreate, decode_messages, decode_variables
from app.domain.prompts.services.labels import LabelService
from app.domain.prompts.services.prompts import PromptRegistry
from app.domain.prompts.services.versions import VersionService
from app.lib.errors import ProblemError

READ = {"permission": Permission.READ}
WRITE = {"permission": Permission.WRITE}


MAX_VERSION = 2_147_483_647


def _form_version(value: str) -> int | None:
    """A version number typed into a form, or None: ASCII digits only (`str.isdigit` also admits '²' and '٣',
    which `int` refuses) and within the column's range."""
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_VERSION else None


def _prompt_url(workspace: str, name: str) -> str:
    return f"{CONSOLE_PREFIX}/w/{workspace}/prompts/{prompt_path(name)}"


def _folders(names: list[str]) -> list[str]:
    """The folders (name prefixes up to a `/`) among the listed names, for the folder filter."""
    found = {name.rsplit("/", 1)[0] + "/" for name in names if "/" in name}
    return sorted(found)


def _lint(body: dict[str, Any], target: str) -> Any:
    """Lint the version being edited (text or messages) against the variables it declares."""
    prompt = body.get("messages") if "messages" in body else body.get("text", "")
    request = {"prompt": prompt, "target": target, "variables": body["variables"]}
    return generation.lint(msgspec.convert(request, LintRequest))


def _editor(
    request: Request[Any, Any, Any], prompt: PromptOut, form: dict[str, Any], status: int = 200, **extra: Any
) -> Template:
    context = {"lint": None, **extra}
    # Always one blank variable row to type into (blank rows are dropped when the form is read back).
    if not form["variables"] or form["variables"][-1]["name"]:
        form = {**form, "variables": [*form["variables"], blank_variable()]}
    if prompt.kind == "chat" and not form["messages"]:
        form = {**form, "messages": [{"role": "system", "content": "", "name": ""}]}
    return page(
        request,
        "version_new.html",
        status,
        prompt=prompt,
        form=form,
        roles=MESSAGE_ROLES,
        types=VARIABLE_TYPES,
        **context,
    )


class PromptPages(Controller):
    path = "/prompts"
    dependencies = PROMPT_DEPENDENCIES

    @get("/", opt=READ, name="console:prompts")
    async def list_prompts(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        q: FromQuery[str] = "",
        tag: FromQuery[str] = "",
        label: FromQuery[str] = "",
        prefix: FromQuery[str] = "",
        cursor: FromQuery[str] = "",
    ) -> Template:
        result = await registry.list(
            q=q[:200] or None,
            tag=[tag[:64]] if tag else None,
            label=label[:64] or None,
            prefix=prefix[:200] or None,
            cursor=cursor[:500] or None,
            limit=25,
        )
        filters = {"q": q, "tag": tag, "label": label, "prefix": prefix}
        names = [item.name for item in result.items]
        return page(request, "prompts.html", page=result, filters=filters, folders=_folders(names))

    @get("/new", opt=WRITE)
    async def new_prompt_form(self, request: Request[Any, Any, Any]) -> Template:
        return page(
            request, "prompt_new.html", form={"name": "", "description": "", "tags": "", "text": "", "kind": "text"}
        )

    @post("/", opt=WRITE)
    async def create_prompt(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        versions: NamedDependency[VersionService],
    ) -> Response[Any]:
        form = await request.form()
        values = {k: str(form.get(k, "")) for k in ("name", "description", "tags", "text", "kind")}
        tags = [t.strip() for t in values["tags"].split(",") if t.strip()]
        kind = values["kind"] or "text"
        try:
            fields = {"name": values["name"].strip(), "kind": kind, "description": values["description"], "tags": tags}
            prompt = await registry.create(msgspec.convert(fields, PromptCreate))
            if values["text"].strip():
                # A chat prompt's first version is its system message; the editor adds the other turns.
                text = values["text"]
                body = {"messages": [{"role": "system", "content": text}]} if kind == "chat" else {"text": text}
                version = msgspec.convert({**body, "commitMessage": "First version"}, VersionCreate)
                await versions.create(prompt.name, version)
        except (msgspec.ValidationError, ProblemError) as exc:
            status, detail = form_error(exc, f"Check the form: {exc}")
            return page(request, "prompt_new.html", status, form=values, error=detail)
        return Redirect(path=_prompt_url(registry.ctx.workspace_slug, prompt.name), status_code=303)

    @get("/{name:str}", opt=READ)
    async def prompt(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        versions: NamedDependency[VersionService],
        labels: NamedDependency[LabelService],
        name: FromPath[str],
    ) -> Template:
        prompt_id = prompt_name(name)
        page_of_versions = await versions.list(prompt_id, 50, 0)
        prompt = PromptOut.from_model(await registry.get(prompt_id))
        current = None
        if prompt.latest_version:
            _, row, row_labels = await versions.get(prompt_id, prompt.latest_version)
            current = {"row": row, "labels": row_labels}
        label_rows = await labels.list(prompt_id)
        history = await labels.history(prompt_id, None, 20, 0)
        movable = {label.name: labels.may_move(label.name) for label in label_rows}
        # Roll back = point a label at the version it served before its last move (as the API's rollback does).
        rollback_to: dict[str, int] = {}
        for event in history.items:  # newest first
            if event.label not in rollback_to and event.from_version is not None:
                rollback_to[event.label] = event.from_version
        return page(
            request,
            "prompt.html",
            prompt=prompt,
            versions=page_of_versions.items,
            current=current,
            labels=label_rows,
            movable=movable,
            rollback_to=rollback_to,
            history=history.items,
            protected=labels.protected,
        )

    @get("/{name:str}/versions/{number:int}", opt=READ)
    async def version(
        self,
        request: Request[Any, Any, Any],
        versions: NamedDependency[VersionService],
        name: FromPath[str],
        number: FromPath[int],
    ) -> Template:
        prompt, row, row_labels = await versions.get(prompt_name(name), number)
        current = {"row": row, "labels": row_labels}
        return page(request, "version.html", prompt=PromptOut.from_model(prompt), current=current)

    @get("/{name:str}/versions/new", opt=WRITE)
    async def new_version_form(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        versions: NamedDependency[VersionService],
        name: FromPath[str],
    ) -> Template:
        """The editor, prefilled from the latest version: its text or messages, and its variable contracts."""
        prompt = PromptOut.from_model(await registry.get(prompt_name(name)))
        text = ""
        messages: list[dict[str, str]] = []
        variables: list[dict[str, Any]] = []
        if prompt.latest_version:
            _, row, _ = await versions.get(prompt.name, prompt.latest_version)
            text = row.text or ""
            messages, variables = rows_from_version(decode_messages(row.messages), decode_variables(row.variables))
        form = {
            "text": text,
            "commit_message": "",
            "parent_version": str(prompt.latest_version or ""),
            "target": "generic",
            "messages": messages,
            "variables": variables,
        }
        return _editor(request, prompt, form)

    @post("/{name:str}/versions", opt=WRITE)
    async def create_version(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        versions: NamedDependency[VersionService],
        name: FromPath[str],
    ) -> Response[Any]:
        prompt = PromptOut.from_model(await registry.get(prompt_name(name)))
        form = await request.form()
        values: dict[str, Any] = {
            k: str(form.get(k, "")) for k in ("text", "commit_message", "parent_version", "target")
        }
        values["messages"], values["variables"] = messages_from_form(form), variables_from_form(form)
        action = form.get("action")
        if action == "add_message":  # no-JS row adding: the same page with one more blank row
            values["messages"].append(blank_message())
            return _editor(request, prompt, values)
        if action == "add_variable":
            return _editor(request, prompt, values)  # the editor always ends with a blank variable row
        body: dict[str, Any] = {
            "commitMessage": values["commit_message"],
            "variables": variable_body(values["variables"]),
        }
        if prompt.kind == "chat":
            body["messages"] = message_body(values["messages"])
        else:
            body["text"] = values["text"]
        if (parent := _form_version(values["parent_version"])) is not None:
            body["parentVersion"] = parent
        elif values["parent_version"].strip():
            body["parentVersion"] = values["parent_version"]  # refused by the schema below: the form says why
        try:
            if action == "check":  # lint before saving: the same engine and contracts the API's lint uses
                report = _lint(body, values["target"] or "generic")
                return _editor(request, prompt, values, lint=report)
            await versions.create(prompt.name, msgspec.convert(body, VersionCreate))
        except (msgspec.ValidationError, ProblemError) as exc:
            status, detail = form_error(exc, f"Check the form: {exc}")
            return _editor(request, prompt, values, status, error=detail)
        return Redirect(path=_prompt_url(registry.ctx.workspace_slug, prompt.name), status_code=303)

    @get("/{name:str}/diff", opt=READ)
    async def diff(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        versions: NamedDependency[VersionService],
        name: FromPath[str],
        from_version: FromQuery[int] = 0,
        to_version: FromQuery[int] = 0,
    ) -> Template:
        prompt = PromptOut.from_model(await registry.get(prompt_name(name)))
        latest = prompt.latest_version or 0
        after = to_version or latest
        before = from_version or max(1, after - 1)
        result = await versions.diff(prompt.name, before, after)
        return page(request, "diff.html", prompt=prompt, diff=result, numbers=list(range(1, latest + 1)))

    @get("/{name:str}/labels/{label:str}/move", opt=READ)
    async def confirm_move(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        versions: NamedDependency[VersionService],
        labels: NamedDependency[LabelService],
        name: FromPath[str],
        label: FromPath[str],
        version: FromQuery[int] = 0,
        rollback: FromQuery[int] = 0,
    ) -> Template:
        """The confirmation page: the diff from the version the label serves now, and whether you may move it."""
        prompt = PromptOut.from_model(await registry.get(prompt_name(name)))
        current = next((lbl.version for lbl in await labels.list(prompt.name) if lbl.name == label), None)
        target = version or prompt.latest_version or 0
        diff = None
        if current is not None and target and current != target:
            diff = await versions.diff(prompt.name, current, target)
        protected = label in labels.protected
        reason = None
        if not labels.may_move(label):
            needed = "an admin or owner" if protected else "an editor, admin or owner"
            reason = f"Moving {'the protected label' if protected else 'label'} {label!r} needs {needed}."
        return page(
            request,
            "move.html",
            prompt=prompt,
            label=label,
            current=current,
            target=target,
            diff=diff,
            protected=protected,
            reason=reason,
            rollback=bool(rollback),
        )

    @post("/{name:str}/labels/{label:str}", opt=WRITE)
    async def move(
        self,
        request: Request[Any, Any, Any],
        registry: NamedDependency[PromptRegistry],
        labels: NamedDependency[LabelService],
        name: FromPath[str],
        label: FromPath[str],
    ) -> Redirect:
        """Move `label` (the service refuses protected labels without the right role: a 403 page)."""
        form = await request.form()
        version = str(form.get("version", ""))
        expected = str(form.get("expected_version", ""))
        target = _form_version(version)
        if target is None:
            raise ProblemError("Choose a version to move the label to.")
        expected_version = _form_version(expected)
        if expected.strip() and expected_version is None:
            raise ProblemError("The expected version is not a version number; reload the page and try again.")
        prompt_id = prompt_name(name)
        if form.get("action") == "rollback":  # recorded as a rollback in the label history, as over the API
            await labels.rollback(prompt_id, label, target)
        else:
            await labels.set(prompt_id, label, target, expected_version)
        return Redirect(path=_prompt_url(registry.ctx.workspace_slug, prompt_id), status_code=303)

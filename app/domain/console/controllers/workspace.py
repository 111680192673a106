"""Workspace pages for people: members and roles, the audit log, and the lint page with the workspace's rules.

Each handler calls the service the API uses (workspaces, audit, lint settings) and declares the API's
permission for the same action, so a page never shows or changes what the API would refuse. Writes answer with a
303 redirect; the request boundary commits before it is sent (`app.lib.transactions`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission, Role
from app.domain.audit.deps import AUDIT_DEPENDENCIES
from app.domain.audit.schemas import AuditEventOut
from app.domain.audit.services import AuditEventService
from app.domain.console.pages import CONSOLE_PREFIX, form_error, page
from app.domain.generation import lint_settings
from app.domain.generation import services as generation
from app.domain.generation.deps import LINT_RULES_DEPENDENCIES
from app.domain.generation.lint_settings import LintRulesService
from app.domain.generation.schemas import LintRequest
from app.domain.workspaces.deps import WORKSPACE_DEPENDENCIES
from app.domain.workspaces.schemas import MemberOut
from app.domain.workspaces.services import WorkspaceService
from app.engine.types import RuleOverride
from app.lib.errors import ProblemError

ROLES = [role.value for role in Role]
BLANK_MEMBER = {"email": "", "role": "viewer"}
TARGETS = ("generic", "claude", "gpt", "gemini", "small")
AUDIT_PAGE_SIZE = 50
SEVERITIES = ("error", "warning", "info")


def _workspace_url(ctx: WorkspaceContext, suffix: str) -> str:
    return f"{CONSOLE_PREFIX}/w/{ctx.workspace_slug}/{suffix}"


class MemberPages(Controller):
    """Members and their roles; adding, re-grading and removing need `manage_members` (admins and owners)."""

    path = "/members"
    dependencies = WORKSPACE_DEPENDENCIES

    async def _render(
        self,
        request: Request[Any, Any, Any],
        ctx: WorkspaceContext,
        workspaces: WorkspaceService,
        status: int = 200,
        **extra: Any,
    ) -> Template:
        rows, total = await workspaces.list_members(ctx, limit=200, offset=0)
        members = [MemberOut.from_model(member, user) for member, user in rows]
        return page(request, "members.html", status, members=members, total=total, roles=ROLES, **extra)

    @get("/", opt={"permission": Permission.READ})
    async def members(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> Template:
        return await self._render(request, workspace_ctx, workspaces, form=BLANK_MEMBER)

    async def _apply(
        self,
        request: Request[Any, Any, Any],
        ctx: WorkspaceContext,
        workspaces: WorkspaceService,
        change: Callable[[], Awaitable[object]],
        form: dict[str, str] | None = None,
    ) -> Response[Any]:
        """Run one membership change; on a refusal, the page again with the reason and the form as typed."""
        try:
            await change()
        except (ValueError, ProblemError) as exc:  # ValueError: a role that is not one of ours
            status, detail = form_error(exc, "Choose one of the roles.")
            return await self._render(request, ctx, workspaces, status, form=form or BLANK_MEMBER, error=detail)
        return Redirect(path=_workspace_url(ctx, "members/"), status_code=303)

    @post("/", opt={"permission": Permission.MANAGE_MEMBERS})
    async def add_member(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> Response[Any]:
        form = await request.form()
        values = {"email": str(form.get("email", "")).strip(), "role": str(form.get("role", "viewer"))}

        async def add() -> object:
            return await workspaces.add_member(workspace_ctx, values["email"], Role(values["role"]))

        return await self._apply(request, workspace_ctx, workspaces, add, values)

    @post("/{user_id:uuid}/role", opt={"permission": Permission.MANAGE_MEMBERS})
    async def change_role(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> Response[Any]:
        role = str((await request.form()).get("role", ""))

        async def change() -> object:
            return await workspaces.change_role(workspace_ctx, user_id, Role(role))

        return await self._apply(request, workspace_ctx, workspaces, change)

    @post("/{user_id:uuid}/remove", opt={"permission": Permission.MANAGE_MEMBERS})
    async def remove_member(
        self,
        request: Request[Any, Any, Any],
        user_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> Response[Any]:
        return await self._apply(
            request, workspace_ctx, workspaces, lambda: workspaces.remove_member(workspace_ctx, user_id)
        )


def _day(value: str, *, end: bool = False) -> datetime | None:
    """A `YYYY-MM-DD` filter as an instant (UTC); the end of a range is the next day's start (half-open)."""
    if not value:
        return None
    day = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    if not end:
        return day
    if day.date() == date.max:  # no next day to end at: the range is open-ended
        return None
    return day + timedelta(days=1)


class AuditPages(Controller):
    """The audit log with filters (action, day range), newest first; needs `view_audit`."""

    path = "/audit"
    dependencies = AUDIT_DEPENDENCIES

    @get("/", opt={"permission": Permission.VIEW_AUDIT})
    async def audit_log(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        audit_events: NamedDependency[AuditEventService],
        action: FromQuery[str] = "",
        since: FromQuery[str] = "",
        until: FromQuery[str] = "",
        offset: FromQuery[int] = 0,
    ) -> Template:
        filters = {"action": action[:64], "since": since[:10], "until": until[:10]}
        try:
            start, end = _day(filters["since"]), _day(filters["until"], end=True)
        except ValueError:
            return page(request, "audit.html", 400, events=[], filters=filters, error="Dates are YYYY-MM-DD.")
        offset = max(0, min(offset, 1_000_000))
        events, total = await audit_events.list_for_workspace(
            workspace_ctx.workspace_id,
            limit=AUDIT_PAGE_SIZE,
            offset=offset,
            action=filters["action"] or None,
            since=start,
            until=end,
        )
        items = [AuditEventOut.from_model(event) for event in events]
        paging = {"offset": offset, "size": AUDIT_PAGE_SIZE, "total": total}
        return page(request, "audit.html", events=items, filters=filters, paging=paging)


def _overrides_from_form(form: Any) -> list[RuleOverride]:
    """One select per rule: `default` keeps the rule as shipped, `off` disables it, a severity re-grades it."""
    overrides: list[RuleOverride] = []
    for key in form:
        if not key.startswith("rule:"):
            continue
        choice, rule_id = str(form.get(key, "default")), key.removeprefix("rule:")
        if choice == "off":
            overrides.append(RuleOverride(rule_id=rule_id, enabled=False))
        elif choice in SEVERITIES:
            overrides.append(RuleOverride(rule_id=rule_id, severity=choice))  # type: ignore[arg-type]
    return overrides


class LintPages(Controller):
    """Paste a prompt, choose a target, read the findings; admins set the workspace's rule overrides here."""

    path = "/lint"
    dependencies = LINT_RULES_DEPENDENCIES

    def _render(
        self, request: Request[Any, Any, Any], ctx: WorkspaceContext, status: int = 200, **extra: Any
    ) -> Template:
        current = {o.rule_id: o for o in lint_settings.workspace_overrides(ctx)}
        rules = generation.rules()
        context: dict[str, Any] = {"form": {"text": "", "target": "generic"}, "report": None, **extra}
        return page(request, "lint.html", status, rules=rules, overrides=current, targets=TARGETS, **context)

    @get("/", opt={"permission": Permission.READ})
    async def lint_form(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        saved: FromQuery[int] = 0,
    ) -> Template:
        return self._render(request, workspace_ctx, saved=bool(saved))

    @post("/", opt={"permission": Permission.READ})
    async def lint(self, request: Request[Any, Any, Any], workspace_ctx: NamedDependency[WorkspaceContext]) -> Template:
        """Lint with the workspace's overrides, as the API's `lintPromptInWorkspace` does."""
        form = await request.form()
        values = {"text": str(form.get("text", "")), "target": str(form.get("target", "generic"))}
        try:
            data = msgspec.convert({"prompt": values["text"], "target": values["target"]}, LintRequest)
            report = generation.lint(data, lint_settings.workspace_overrides(workspace_ctx))
        except (msgspec.ValidationError, ProblemError) as exc:
            status, detail = form_error(exc, f"Check the form: {exc}")
            return self._render(request, workspace_ctx, status, form=values, error=detail)
        return self._render(request, workspace_ctx, form=values, report=report)

    @post("/rules", opt={"permission": Permission.MANAGE_WORKSPACE})
    async def save_rules(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        lint_rules: NamedDependency[LintRulesService],
    ) -> Response[Any]:
        """Replace the workspace's overrides (audited by the service, like `setWorkspaceLintRules`)."""
        form = await request.form()
        try:
            await lint_rules.replace(workspace_ctx, _overrides_from_form(form))
        except ProblemError as exc:
            return self._render(request, workspace_ctx, exc.status_code, rules_error=exc.detail)
        return Redirect(path=_workspace_url(workspace_ctx, "lint/") + "?saved=1", status_code=303)

"""The workspace's lint rule settings: read them, replace them (audited). Owned by the lint feature."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.access.context import WorkspaceContext
from app.domain.audit.services import record_audit_event
from app.domain.generation.services import check_overrides, merge_overrides, override_to_json, stored_overrides
from app.engine.types import RuleOverride


def workspace_overrides(ctx: WorkspaceContext) -> list[RuleOverride]:
    """The rule overrides stored on the caller's workspace (applied before a request's own)."""
    return stored_overrides(ctx.workspace.lint_overrides)


class LintRulesService:
    """Changes to a workspace's lint rule overrides, on the request's session. It flushes; the request boundary
    commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def replace(self, ctx: WorkspaceContext, overrides: list[RuleOverride]) -> list[RuleOverride]:
        """Validate and store the workspace's complete override list, and audit the change (before and after)."""
        check_overrides(overrides)
        merged = merge_overrides(overrides)
        workspace = ctx.workspace
        before = stored_overrides(workspace.lint_overrides)
        workspace.lint_overrides = [override_to_json(o) for o in merged]
        self.session.add(workspace)
        await record_audit_event(
            self.session,
            ctx,
            action="workspace.lint_rules_changed",
            target_type="workspace",
            target_id=str(workspace.id),
            target_label=workspace.slug,
            details={"before": [override_to_json(o) for o in before], "after": workspace.lint_overrides},
        )
        return merged

"""Dependencies of the generation controllers: the workspace lint rule settings (the engine's
`GenerationService` is one of the app-wide runtime services, `generation_service`)."""

from __future__ import annotations

from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.generation.lint_settings import LintRulesService


def provide_lint_rules(db_session: NamedDependency[AsyncSession]) -> LintRulesService:
    """Dependency `lint_rules`: the lint rule settings service on the request's session."""
    return LintRulesService(db_session)


LINT_RULES_DEPENDENCIES = {"lint_rules": Provide(provide_lint_rules, sync_to_thread=False)}

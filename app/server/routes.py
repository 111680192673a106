"""Every feature's route handlers, in one list that `ApplicationCore` registers."""

from __future__ import annotations

from typing import Any

from app.domain.accounts.controllers import AuthController
from app.domain.audit.controllers import AuditController
from app.domain.generation.controllers import GenerationController, LintController
from app.domain.prompts import ROUTE_HANDLERS as PROMPT_HANDLERS
from app.domain.system.controllers import HealthController
from app.domain.workspaces.controllers import ApiKeyController, MemberController, WorkspaceController

ROUTE_HANDLERS: list[Any] = [
    GenerationController,
    LintController,
    HealthController,
    AuthController,
    WorkspaceController,
    MemberController,
    ApiKeyController,
    AuditController,
    *PROMPT_HANDLERS,
]

"""The prompt registry: prompts, immutable versions, labels, render, diff, import/export and resolve."""

from __future__ import annotations

from typing import Any

from app.domain.prompts.controllers import PromptController
from app.domain.prompts.runtime_controller import PromptIOController, ResolveController
from app.domain.prompts.versions_controller import LabelController, VersionController

ROUTE_HANDLERS: list[Any] = [
    PromptIOController,
    PromptController,
    VersionController,
    LabelController,
    ResolveController,
]

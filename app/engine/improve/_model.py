"""Result types of `improve`."""

from __future__ import annotations

from typing import Literal

from app.engine.classify import ArchetypeMatch
from app.engine.spec import PromptSpec
from app.engine.types import ChatMessage, EngineStruct, LintReport, Target

ChangeKind = Literal["added", "restructured", "delimited", "feedback", "removed"]


class Change(EngineStruct, kw_only=True):
    """One edit `improve` made, and the lint rule that motivated it (if any)."""

    kind: ChangeKind
    description: str
    rule_id: str | None = None


class ImproveResult(EngineStruct, kw_only=True):
    """The improved prompt, what changed and why, a unified diff, and lint reports before and after."""

    prompt: str | list[ChatMessage]
    target: Target
    spec: PromptSpec
    changes: list[Change]
    diff: str
    archetypes: list[ArchetypeMatch]
    lint_before: LintReport
    lint_after: LintReport

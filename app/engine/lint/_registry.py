"""Rule registry: metadata for every lint rule plus the function that checks it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal, NamedTuple

from app.engine.lint._text import LintContext
from app.engine.types import EngineStruct, Severity

Category = Literal["structure", "clarity", "variables", "security", "safety", "efficiency", "model_fit", "fidelity"]

CATEGORIES: tuple[Category, ...] = (
    "structure",
    "clarity",
    "variables",
    "security",
    "safety",
    "efficiency",
    "model_fit",
)
"""Categories of the registered rules, in report order. `fidelity` findings come from outside the linter
(`lint_prompt(extra_findings=...)`) and are appended to a report only when present."""


class RuleInfo(EngineStruct, kw_only=True):
    """Metadata of one lint rule."""

    id: str
    category: Category
    severity: Severity
    """Default severity; a RuleOverride can change it per request or workspace."""
    title: str
    description: str


class Hit(NamedTuple):
    """What a check reports; the engine turns it into a Finding with the rule's metadata."""

    start: int | None
    end: int | None
    message: str
    suggestion: str | None = None
    severity: Severity | None = None
    """Lower than the rule's default when the check is unsure (e.g. trust inferred from a variable's name);
    None uses the rule's severity. A RuleOverride's severity always wins."""


CheckFn = Callable[[LintContext], Iterable[Hit]]

RULES: dict[str, RuleInfo] = {}
CHECKS: dict[str, CheckFn] = {}


def rule(
    rule_id: str, category: Category, severity: Severity, title: str, description: str
) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under a rule id."""

    def decorator(fn: CheckFn) -> CheckFn:
        if rule_id in RULES:
            raise ValueError(f"duplicate lint rule id {rule_id}")
        RULES[rule_id] = RuleInfo(
            id=rule_id, category=category, severity=severity, title=title, description=description
        )
        CHECKS[rule_id] = fn
        return fn

    return decorator

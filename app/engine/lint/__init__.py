"""Deterministic prompt linter: rules, per-category scores and overrides.

Scoring: each category starts at 100 and loses `SEVERITY_PENALTY[severity]` per finding, floored at 0.
Only the first `MAX_SCORED_PER_RULE` findings of one rule count towards the score (all are reported), so
that a long prompt with many occurrences of one minor issue is not wiped out by it. The overall score is
the `CATEGORY_WEIGHTS`-weighted mean of the category scores, rounded.

Overrides: `LintConfig.overrides` is applied in order and the last override of a rule wins, so callers
pass workspace overrides first and per-request overrides after them. Unknown rule ids are ignored, so a
workspace may keep overrides for rules that were retired.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.engine.lint import rules as _rules  # noqa: F401  (registers every rule)
from app.engine.lint._registry import CATEGORIES, CHECKS, RULES, Category, RuleInfo
from app.engine.lint._text import Doc, LintContext
from app.engine.tokens import DEFAULT_TOKEN_BUDGET
from app.engine.types import (
    CategoryScore,
    ChatMessage,
    Finding,
    LintConfig,
    LintReport,
    RuleOverride,
    Severity,
    Span,
    Target,
    Variable,
)

__all__ = [
    "CATEGORY_WEIGHTS",
    "MAX_SCORED_PER_RULE",
    "RULES",
    "SEVERITY_PENALTY",
    "RuleInfo",
    "chat_text",
    "lint_prompt",
    "list_rules",
]

SEVERITY_PENALTY: dict[Severity, int] = {"error": 25, "warning": 10, "info": 3}
MAX_SCORED_PER_RULE = 3
CATEGORY_WEIGHTS: dict[Category, float] = {
    # Structure, clarity and security decide whether the prompt works and is safe; efficiency weighs least
    # because a long but correct prompt still works.
    "structure": 0.20,
    "clarity": 0.20,
    "variables": 0.15,
    "security": 0.20,
    "efficiency": 0.10,
    "model_fit": 0.15,
}
CHAT_SEPARATOR = "\n\n"


def list_rules() -> list[RuleInfo]:
    """Every registered rule, sorted by id."""
    return [RULES[rule_id] for rule_id in sorted(RULES)]


def chat_text(messages: Sequence[ChatMessage]) -> str:
    """The text that `lint_prompt` lints for a chat prompt: every message's content joined by a blank line."""
    return CHAT_SEPARATOR.join(message.content for message in messages)


def _effective_rules(config: LintConfig | None) -> dict[str, Severity]:
    overrides: dict[str, RuleOverride] = {o.rule_id: o for o in config.overrides} if config else {}
    active: dict[str, Severity] = {}
    for rule_id, info in RULES.items():
        override = overrides.get(rule_id)
        if override is None:
            active[rule_id] = info.severity
        elif override.enabled:
            active[rule_id] = override.severity or info.severity
    return active


def _score(findings: list[Finding]) -> tuple[int, list[CategoryScore]]:
    penalties = dict.fromkeys(CATEGORIES, 0)
    counts = dict.fromkeys(CATEGORIES, 0)
    per_rule: dict[str, int] = {}
    for finding in findings:
        category = RULES[finding.rule_id].category
        counts[category] += 1
        per_rule[finding.rule_id] = per_rule.get(finding.rule_id, 0) + 1
        if per_rule[finding.rule_id] <= MAX_SCORED_PER_RULE:
            penalties[category] += SEVERITY_PENALTY[finding.severity]
    categories = [CategoryScore(category=c, score=max(0, 100 - penalties[c]), findings=counts[c]) for c in CATEGORIES]
    overall = sum((CATEGORY_WEIGHTS[c] * max(0, 100 - penalties[c]) for c in CATEGORIES), 0.0)
    return round(overall), categories


def lint_prompt(
    prompt: str | Sequence[ChatMessage],
    *,
    variables: Sequence[Variable] | None = None,
    target: Target = "generic",
    config: LintConfig | None = None,
) -> LintReport:
    """Lint a prompt and score it.

    A chat prompt is linted as the concatenation of its messages' contents joined by a blank line
    (`chat_text`); finding spans are offsets into that concatenated text. Placeholder messages count as uses
    of the variable they name.

    Args:
        prompt: Prompt text or chat messages.
        variables: Declared variables. When None, undeclared/unused checks are skipped and every
            `{{variable}}` found is treated as untrusted.
        target: Model family, for the token budget and model-fit rules.
        config: Rule overrides (disable or re-grade) and an optional token budget.

    Returns:
        Findings sorted by span start then rule id (span-less findings first), and the scores.
    """
    if isinstance(prompt, str):
        text, placeholders = prompt, frozenset[str]()
    else:
        text = chat_text(prompt)
        placeholders = frozenset(m.name for m in prompt if m.role == "placeholder" and m.name)
    budget = config.token_budget if config and config.token_budget is not None else DEFAULT_TOKEN_BUDGET[target]
    ctx = LintContext(Doc(text), prompt, variables, target, budget, placeholders)
    findings: list[Finding] = []
    for rule_id, severity in _effective_rules(config).items():
        info = RULES[rule_id]
        for hit in CHECKS[rule_id](ctx):
            span = (
                Span(start=hit.start, end=hit.end if hit.end is not None else hit.start)
                if hit.start is not None
                else None
            )
            findings.append(
                Finding(
                    rule_id=rule_id,
                    category=info.category,
                    severity=severity,
                    message=hit.message,
                    span=span,
                    suggestion=hit.suggestion,
                )
            )
    findings.sort(key=lambda f: (f.span.start if f.span else -1, f.rule_id, f.span.end if f.span else -1, f.message))
    score, categories = _score(findings)
    return LintReport(
        findings=findings,
        score=score,
        categories=categories,
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        infos=sum(f.severity == "info" for f in findings),
    )

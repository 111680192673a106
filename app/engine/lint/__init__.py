"""Deterministic prompt linter: rules, per-category scores and overrides.

Public API: `lint_prompt`, `rule_catalog()` / `RULES` (metadata of every rule), `known_rule_ids()`,
`validate_overrides()`, `chat_text()`. `_registry` stays importable for older callers.

Scoring (see `_scoring`): each finding costs `SEVERITY_PENALTY[severity]` times its category weight; a
rule's 2nd and 3rd findings cost a quarter, later ones nothing; infos together cost at most 10 points; a
near-empty prompt is capped by its length. Category scores are 100 minus that category's penalties.

Overrides: `LintConfig.overrides` is applied in order and the last override of a rule wins, so callers
pass workspace overrides first and per-request overrides after them. An unknown rule id raises ValueError
(naming the closest known ids), because a typo would otherwise silently change nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import get_close_matches

from app.engine.lint import rules as _rules  # noqa: F401  (registers every rule)
from app.engine.lint._registry import CATEGORIES, CHECKS, RULES, Category, RuleInfo
from app.engine.lint._scoring import CATEGORY_WEIGHTS, MAX_SCORED_PER_RULE, SEVERITY_PENALTY, score
from app.engine.lint._text import Doc, LintContext
from app.engine.tokens import DEFAULT_TOKEN_BUDGET
from app.engine.types import (
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
    "CATEGORIES",
    "CATEGORY_WEIGHTS",
    "MAX_SCORED_PER_RULE",
    "RULES",
    "SEVERITY_PENALTY",
    "Category",
    "RuleInfo",
    "chat_text",
    "known_rule_ids",
    "lint_prompt",
    "list_rules",
    "rule_catalog",
    "validate_overrides",
]

CHAT_SEPARATOR = "\n\n"


def rule_catalog() -> list[RuleInfo]:
    """Every registered rule, sorted by id."""
    return [RULES[rule_id] for rule_id in sorted(RULES)]


list_rules = rule_catalog
"""Former name of `rule_catalog`, kept for existing callers."""


def known_rule_ids() -> frozenset[str]:
    """Ids of every registered rule."""
    return frozenset(RULES)


def validate_overrides(overrides: Iterable[RuleOverride], extra_rule_ids: Iterable[str] = ()) -> None:
    """Raise ValueError for an override whose rule id is unknown, naming the closest known ids.

    Args:
        overrides: The overrides to check.
        extra_rule_ids: Further ids that may be overridden (rules of findings computed elsewhere).
    """
    known = set(RULES) | set(extra_rule_ids)
    for override in overrides:
        if override.rule_id in known:
            continue
        close = get_close_matches(override.rule_id.upper(), sorted(known), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ValueError(f"unknown lint rule id {override.rule_id!r}{hint} (rule_catalog() lists the rules)")


def chat_text(messages: Sequence[ChatMessage]) -> str:
    """The text that `lint_prompt` lints for a chat prompt: every message's content joined by a blank line."""
    return CHAT_SEPARATOR.join(message.content for message in messages)


def _overrides(config: LintConfig | None) -> dict[str, RuleOverride]:
    return {o.rule_id: o for o in config.overrides} if config else {}


def _run_rules(ctx: LintContext, overrides: dict[str, RuleOverride]) -> list[Finding]:
    findings: list[Finding] = []
    for rule_id, info in RULES.items():
        override = overrides.get(rule_id)
        if override is not None and not override.enabled:
            continue
        for hit in CHECKS[rule_id](ctx):
            severity: Severity = (override.severity if override else None) or hit.severity or info.severity
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
    return findings


def _apply_overrides(findings: Sequence[Finding], overrides: dict[str, RuleOverride]) -> list[Finding]:
    """Overrides for findings computed outside the linter: switch off or re-grade by rule id."""
    result = []
    for finding in findings:
        override = overrides.get(finding.rule_id)
        if override is None:
            result.append(finding)
        elif override.enabled:
            severity = override.severity or finding.severity
            result.append(
                Finding(
                    rule_id=finding.rule_id,
                    category=finding.category,
                    severity=severity,
                    message=finding.message,
                    span=finding.span,
                    suggestion=finding.suggestion,
                )
            )
    return result


def lint_prompt(
    prompt: str | Sequence[ChatMessage],
    *,
    variables: Sequence[Variable] | None = None,
    target: Target = "generic",
    config: LintConfig | None = None,
    extra_findings: Sequence[Finding] = (),
) -> LintReport:
    """Lint a prompt and score it.

    A chat prompt is linted as the concatenation of its messages' contents joined by a blank line
    (`chat_text`); finding spans are offsets into that concatenated text. Placeholder messages count as uses
    of the variable they name.

    Args:
        prompt: Prompt text or chat messages.
        variables: Declared variables. When None, undeclared/unused checks are skipped and trust is inferred
            from names: user-supplied text (`question`, `document`) is untrusted, system context
            (`currentDateTime`, `os`) and neutral names are not reported.
        target: Model family, for the token budget and model-fit rules.
        config: Rule overrides (disable or re-grade) and an optional token budget.
        extra_findings: Findings computed elsewhere (e.g. the `fidelity` check against a brief), merged into
            the report and the score; overrides apply to their rule ids too.

    Returns:
        Findings sorted by span start then rule id (span-less findings first), and the scores.

    Raises:
        ValueError: An override names an unknown rule id.
    """
    overrides = _overrides(config)
    validate_overrides(overrides.values(), (f.rule_id for f in extra_findings))
    if isinstance(prompt, str):
        text, placeholders = prompt, frozenset[str]()
    else:
        text = chat_text(prompt)
        placeholders = frozenset(m.name for m in prompt if m.role == "placeholder" and m.name)
    budget = config.token_budget if config and config.token_budget is not None else DEFAULT_TOKEN_BUDGET[target]
    ctx = LintContext(Doc(text), prompt, variables, target, budget, placeholders)
    findings = _run_rules(ctx, overrides) + _apply_overrides(extra_findings, overrides)
    findings.sort(key=lambda f: (f.span.start if f.span else -1, f.rule_id, f.span.end if f.span else -1, f.message))
    total, categories = score(findings, ctx.doc.word_count)
    return LintReport(
        findings=findings,
        score=total,
        categories=categories,
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        infos=sum(f.severity == "info" for f in findings),
    )

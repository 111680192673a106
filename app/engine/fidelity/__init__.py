"""The fidelity check: does a prompt carry every constraint of its brief, and does anything in it contradict one?

Works on any prompt (ours or a user's own), so it matches meaning, not our wording: a limit is carried when the
prompt states the same unit and number in any phrasing, a label set when every label appears, a fallback when the
exact address appears. Formatting words are read in context (`formats`): "the wine list" is no format rule, and
a prompt that forbids the list its brief asks for ("then list them all") contradicts it (`requested`).
Rule ids: FID-01 (a constraint is missing), FID-02 (the prompt contradicts one).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.engine.constraints.model import Constraint
from app.engine.fidelity.checks import CHECKS
from app.engine.fidelity.prompt import PromptView
from app.engine.fidelity.requested import requested_feature_conflicts
from app.engine.types import Finding, Span

CATEGORY = "fidelity"
MISSING = "FID-01"
CONTRADICTED = "FID-02"

_KIND_NAMES: dict[str, str] = {
    "limit": "length limit", "format": "format rule", "labels": "label set", "schema": "JSON schema",
    "fields": "field list", "tool": "tool", "fallback": "fallback", "language": "reply language",
    "audience": "audience", "tone": "tone", "prohibition": "prohibition", "ordering": "ordering rule",
    "requirement": "requirement",
}  # fmt: skip


_FEATURE_NAMES: dict[str, str] = {
    "lists": "a list", "tables": "a table", "markdown": "Markdown", "headings": "headings", "emoji": "emoji",
    "code_blocks": "code blocks", "links": "links",
}  # fmt: skip


def _shorten(words: str) -> str:
    words = words.strip()
    return words if len(words) <= 160 else words[:157] + "..."


def _brief_words(constraint: Constraint) -> str:
    """The constraint in the user's words: the span of the brief it came from, else its instruction."""
    if constraint.span is not None and constraint.span.text.strip():
        return _shorten(constraint.span.text)
    return _shorten(constraint.text)


def _excerpt(prompt: str, start: int, end: int) -> str:
    excerpt = prompt[start:end].strip()
    return excerpt if len(excerpt) <= 80 else excerpt[:77] + "..."


def check_fidelity(constraints: Sequence[Constraint], prompt: str) -> list[Finding]:
    """Findings for every constraint the prompt misses (FID-01) or contradicts (FID-02), in constraint order."""
    view = PromptView(prompt)
    findings: list[Finding] = []
    for constraint in constraints:
        verdict = CHECKS[constraint.kind](constraint, view, constraints)
        name = _KIND_NAMES[constraint.kind]
        if constraint.kind == "limit" and constraint.scope and constraint.scope.startswith(("the ", "each ")):
            name = f"{name} on {constraint.scope}"  # "the brief's length limit on the summary"
        words = _brief_words(constraint)
        seen: set[tuple[int, int]] = set()
        for conflict in verdict.conflicts:
            if (conflict.start, conflict.end) in seen:
                continue
            seen.add((conflict.start, conflict.end))
            findings.append(
                Finding(
                    rule_id=CONTRADICTED,
                    category=CATEGORY,
                    severity="error",
                    message=f'"{_excerpt(prompt, conflict.start, conflict.end)}" contradicts the brief\'s {name}: '
                    f'"{words}".',
                    span=Span(start=conflict.start, end=conflict.end),
                    suggestion=f"Replace it with: {constraint.text}",
                )
            )
        if not verdict.carried and not verdict.conflicts:
            findings.append(
                Finding(
                    rule_id=MISSING,
                    category=CATEGORY,
                    severity="error",
                    message=f'The prompt does not carry the brief\'s {name}: "{words}".',
                    suggestion=f"Add: {constraint.text}",
                )
            )
    for clash in requested_feature_conflicts(constraints, view):
        ban = clash.ban
        findings.append(
            Finding(
                rule_id=CONTRADICTED,
                category=CATEGORY,
                severity="error",
                message=f'"{_excerpt(prompt, ban.start, ban.end)}" contradicts the brief, which asks for '
                f'{_FEATURE_NAMES.get(clash.feature, clash.feature)}: "{_shorten(clash.request)}".',
                span=Span(start=ban.start, end=ban.end),
                suggestion="Remove this ban, or limit it to the parts of the reply the brief does not ask for.",
            )
        )
    return findings


__all__ = ["CATEGORY", "CONTRADICTED", "MISSING", "check_fidelity"]

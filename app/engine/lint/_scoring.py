"""The 0-100 score: a penalty per finding, weighted by severity and category, with diminishing repeats.

Why not a mean of per-category scores: a prompt with one missing essential (no output format, no safety
guidance) used to lose 2 points overall, so sloppy one-paragraph prompts scored like carefully written
long ones. Now each finding costs its severity's penalty times its category weight; a rule's second and
third findings cost a quarter each and later ones nothing, so one repeated nit cannot sink a long prompt;
infos together cost at most INFO_PENALTY_CAP. A near-empty prompt (a finding of STR-08) is also capped by
its length: a one-liner cannot specify a role, a task, an output format and a fallback.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.engine.lint._registry import CATEGORIES
from app.engine.types import CategoryScore, Finding, Severity

SEVERITY_PENALTY: dict[Severity, int] = {"error": 30, "warning": 10, "info": 2}
MAX_SCORED_PER_RULE = 3
REPEAT_SHARE = 0.25
"""Share of the penalty charged for a rule's 2nd and 3rd findings."""
INFO_PENALTY_CAP = 10
CATEGORY_WEIGHTS: dict[str, float] = {
    # Relative weight of one finding's penalty. Efficiency and model fit weigh less: a long but correct
    # prompt, or one styled for another model family, still works.
    "structure": 1.0,
    "clarity": 1.0,
    "variables": 1.0,
    "security": 1.0,
    "safety": 1.0,
    "fidelity": 1.0,
    "efficiency": 0.5,
    "model_fit": 0.75,
}
NEAR_EMPTY_RULE = "STR-08"
NEAR_EMPTY_WORDS = 15
"""Prompts with fewer words than this are near-empty (STR-08)."""


def length_cap(word_count: int) -> int:
    """Highest score a prompt of this many words can get when STR-08 reports it (0 for an empty prompt)."""
    if word_count >= NEAR_EMPTY_WORDS:
        return 100
    return 0 if word_count == 0 else min(100, 20 + 4 * word_count)


def score(findings: Sequence[Finding], word_count: int) -> tuple[int, list[CategoryScore]]:
    """The overall score and one CategoryScore per category (registered ones, then any extra such as fidelity)."""
    categories: list[str] = list(CATEGORIES)
    categories.extend(dict.fromkeys(f.category for f in findings if f.category not in categories))
    penalties = dict.fromkeys(categories, 0.0)
    counts = dict.fromkeys(categories, 0)
    seen_per_rule: dict[str, int] = {}
    blocking = 0.0
    infos = 0.0
    for finding in findings:
        counts[finding.category] += 1
        nth = seen_per_rule[finding.rule_id] = seen_per_rule.get(finding.rule_id, 0) + 1
        if nth > MAX_SCORED_PER_RULE:
            continue
        share = 1.0 if nth == 1 else REPEAT_SHARE
        cost = SEVERITY_PENALTY[finding.severity] * CATEGORY_WEIGHTS.get(finding.category, 1.0) * share
        penalties[finding.category] += cost
        if finding.severity == "info":
            infos += cost
        else:
            blocking += cost
    overall = max(0.0, 100.0 - blocking - min(infos, INFO_PENALTY_CAP))
    if any(f.rule_id == NEAR_EMPTY_RULE for f in findings):
        overall = min(overall, float(length_cap(word_count)))
    category_scores = [
        CategoryScore(category=c, score=max(0, round(100 - penalties[c])), findings=counts[c]) for c in categories
    ]
    return round(overall), category_scores

"""Aggregate item outcomes into the evaluation figures (plain dicts, ready for JSON)."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from bench.eval.corpus import CorpusItem
from bench.eval.evaluate import EVAL_TARGETS, EngineFeatures, ItemOutcome

CALIBRATION_MODULE = "bench.eval.lint_calibration"


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def fidelity_figures(outcomes: Sequence[ItemOutcome], features: EngineFeatures) -> dict[str, Any]:
    """Per target: the share of briefs where every checkable expectation holds, and each part on its own."""
    figures: dict[str, Any] = {}
    for index, target in enumerate(EVAL_TARGETS):
        per_target = [o.targets[index] for o in outcomes]
        total = len(per_target)
        ok = [t for t in per_target if t.error is None]
        figures[target] = {
            "all_expectations": _share(sum(t.passed for t in per_target), total),
            "constraints_found": _share(sum(not t.missing_constraints for t in ok), total)
            if features.constraints
            else None,
            "must_contain": _share(sum(not t.missing_phrases for t in ok), total),
            "must_not_contain": _share(sum(not t.forbidden_present for t in ok), total),
            "limits_uncontradicted": _share(sum(not t.limit_contradictions for t in ok), total),
            "fidelity_check_clean": _share(sum(not t.fidelity_findings for t in ok), total)
            if features.fidelity and features.constraints
            else None,
            "engine_errors": total - len(ok),
        }
    return figures


def constraint_recall_by_kind(items: Sequence[CorpusItem], outcomes: Sequence[ItemOutcome]) -> dict[str, Any]:
    """For each constraint kind: expected count and the share found (first target; extraction is target-free)."""
    expected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for item, outcome in zip(items, outcomes, strict=True):
        missing = outcome.targets[0].missing_constraints
        if missing is None:
            return {}
        for exp in item.expect.constraints:
            kind = str(exp["kind"])
            expected[kind] += 1
            if dict(exp) not in missing:
                found[kind] += 1
    return {
        kind: {"expected": expected[kind], "recall": _share(found[kind], expected[kind])} for kind in sorted(expected)
    }


def classification_figures(outcomes: Sequence[ItemOutcome]) -> dict[str, Any]:
    """Primary accuracy (overall, strict, non-English) and blend recall."""
    non_english = [o for o in outcomes if o.lang != "en"]
    also_total = sum(len(o.expected_also) for o in outcomes)
    return {
        "accuracy": _share(sum(o.primary_correct for o in outcomes), len(outcomes)),
        "accuracy_strict": _share(
            sum(bool(o.predicted) and o.predicted[0] == o.expected_primary for o in outcomes), len(outcomes)
        ),
        "accuracy_non_english": _share(sum(o.primary_correct for o in non_english), len(non_english)),
        "non_english_briefs": len(non_english),
        "blend_recall": _share(sum(len(o.blend_found) for o in outcomes), also_total),
        "blend_jobs": also_total,
    }


def placeholder_figures(outcomes: Sequence[ItemOutcome]) -> dict[str, Any]:
    """Share of renders (every brief x target) carrying placeholder examples."""
    renders = [t for o in outcomes for t in o.targets if t.error is None]
    return {"rate": _share(sum(bool(t.placeholders) for t in renders), len(renders)), "renders": len(renders)}


def lint_calibration_figures() -> dict[str, float] | str:
    """`bench.eval.lint_calibration.calibration_figures()` when that module exists, else why not."""
    try:
        module = importlib.import_module(CALIBRATION_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name is not None and CALIBRATION_MODULE.startswith(exc.name):
            return "n/a (calibration corpus not present)"
        raise
    calibration = getattr(module, "calibration_figures", None)
    if not callable(calibration):
        return "n/a (bench.eval.lint_calibration has no calibration_figures())"
    try:
        return dict(calibration())
    except Exception as exc:  # noqa: BLE001 - figures, not a gate: report and carry on
        return f"error: {type(exc).__name__}: {exc}"


def composition(items: Sequence[CorpusItem]) -> dict[str, Any]:
    """Counts by language, primary archetype, tag and expected constraint kind."""
    return {
        "briefs": len(items),
        "by_language": dict(sorted(Counter(i.lang for i in items).items())),
        "by_primary_archetype": dict(sorted(Counter(i.expect.archetypes.primary for i in items).items())),
        "by_tag": dict(sorted(Counter(t for i in items for t in i.tags).items())),
        "by_constraint_kind": dict(
            sorted(Counter(str(c["kind"]) for i in items for c in i.expect.constraints).items())
        ),
        "blends": sum(bool(i.expect.archetypes.also) for i in items),
        "with_brief_fields": sum(
            bool(i.brief.constraints or i.brief.audience or i.brief.tone or i.brief.output_format) for i in items
        ),
    }


def by_tag_figures(outcomes: Sequence[ItemOutcome]) -> dict[str, Any]:
    """For each tag (and English vs non-English): briefs, fidelity per target and primary accuracy."""
    groups: dict[str, list[ItemOutcome]] = {}
    for outcome in outcomes:
        for tag in (*outcome.tags, "english" if outcome.lang == "en" else "non-english"):
            groups.setdefault(tag, []).append(outcome)
    return {
        tag: {
            "briefs": len(group),
            **{
                f"fidelity_{target}": _share(sum(o.targets[index].passed for o in group), len(group))
                for index, target in enumerate(EVAL_TARGETS)
            },
            "accuracy": _share(sum(o.primary_correct for o in group), len(group)),
        }
        for tag, group in sorted(groups.items())
    }


def frequent_failures(outcomes: Sequence[ItemOutcome], limit: int = 12) -> dict[str, int]:
    """The failed expectations that occur most often (first target), to show where the engine loses most."""
    counts: Counter[str] = Counter()
    for outcome in outcomes:
        target = outcome.targets[0]
        keys = {f"must_not_contain: {phrase}" for phrase in target.forbidden_present}
        keys |= {f"must_contain: {phrase}" for phrase in map(str, target.missing_phrases)}
        keys |= {f"constraint missing: {c['kind']}" for c in target.missing_constraints or []}
        keys |= {f"fidelity finding: {finding.split(':')[0]}" for finding in target.fidelity_findings or []}
        if target.limit_contradictions:
            keys.add("limit contradicted")
        if target.placeholders:
            keys.add("placeholder examples")
        if target.error:
            keys.add("engine error")
        counts.update(keys)
    return dict(counts.most_common(limit))

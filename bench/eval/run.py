"""Evaluate the generation engine on the brief corpus: `uv run python -m bench.eval.run` (or `uv run just eval`).

Prints fidelity (claude and gpt), classification accuracy and blend recall, the placeholder-example rate, the
lint calibration figures, and one line per failing brief. Figures, not a gate: exits 0 unless the corpus is
malformed (exit 2).

    uv run python -m bench.eval.run                 # the main corpus
    uv run python -m bench.eval.run --holdout       # the held-out briefs (nobody tunes on them)
    uv run python -m bench.eval.run --fresh         # briefs written before looking at the engine's output
    uv run python -m bench.eval.run --verbose       # every failed expectation in detail
    uv run python -m bench.eval.run --id sup-02 --show-prompt
    uv run python -m bench.eval.run --json          # machine output
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

import msgspec

from bench.eval.corpus import CorpusError, CorpusItem, load_corpus
from bench.eval.evaluate import EVAL_TARGETS, Engine, ItemOutcome, evaluate_item
from bench.eval.figures import (
    by_tag_figures,
    classification_figures,
    composition,
    constraint_recall_by_kind,
    fidelity_figures,
    frequent_failures,
    lint_calibration_figures,
    placeholder_figures,
)

EXIT_MALFORMED = 2
TARGETS_TABLE = (
    ("fidelity", ">= 0.95"),
    ("classification", ">= 0.90"),
    ("placeholder examples", "0"),
)


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _failure_lines(outcome: ItemOutcome) -> list[str]:
    parts: list[str] = []
    by_target = {t.target: "; ".join(t.failures()) for t in outcome.targets if t.failures()}
    if by_target and len(set(by_target.values())) == 1 and len(by_target) == len(outcome.targets):
        parts.append(f"{'+'.join(by_target)}: {next(iter(by_target.values()))}")
    else:
        parts += [f"{target}: {text}" for target, text in by_target.items()]
    placeholder_targets = [t.target for t in outcome.targets if t.placeholders]
    if placeholder_targets:
        first = next(t for t in outcome.targets if t.placeholders).placeholders[0]
        parts.append(f"placeholders ({'+'.join(placeholder_targets)}): {first[:60]!r}")
    if not outcome.primary_correct:
        got = outcome.predicted[0] if outcome.predicted else "nothing"
        parts.append(f"archetype: expected {outcome.expected_primary}, got {got}")
    if outcome.expected_also and len(outcome.blend_found) < len(outcome.expected_also):
        lost = [job for job in outcome.expected_also if job not in outcome.blend_found]
        parts.append(f"blend lost: {', '.join(lost)}")
    return parts


def _verbose_lines(outcome: ItemOutcome, show_prompt: bool) -> list[str]:
    lines = [
        f"    archetypes: expected {outcome.accepted_primaries} + {outcome.expected_also}, got {outcome.predicted}"
    ]
    for t in outcome.targets:
        details = {
            "error": t.error,
            "missing constraints": t.missing_constraints,
            "missing phrases": t.missing_phrases,
            "contradicting phrases": t.forbidden_present,
            "contradicted limits": t.limit_contradictions,
            "fidelity findings": t.fidelity_findings,
            "placeholders": t.placeholders,
        }
        for name, value in details.items():
            if value:
                lines.append(f"    [{t.target}] {name}: {msgspec.json.encode(value).decode()}")
        if show_prompt and t.prompt:
            lines += [f"    [{t.target}] prompt:", *(f"      | {line}" for line in t.prompt.splitlines())]
    return lines


def build_report(
    items: Sequence[CorpusItem], outcomes: Sequence[ItemOutcome], engine: Engine, corpus: str
) -> dict[str, Any]:
    """Every figure, plus the failures, as plain data."""
    return {
        "corpus": corpus,
        "briefs": len(items),
        "engine": msgspec.to_builtins(engine.features),
        "fidelity": fidelity_figures(outcomes, engine.features),
        "constraint_recall_by_kind": constraint_recall_by_kind(items, outcomes),
        "classification": classification_figures(outcomes),
        "by_tag": by_tag_figures(outcomes),
        "frequent_failures": frequent_failures(outcomes),
        "placeholder_examples": placeholder_figures(outcomes),
        "lint_calibration": lint_calibration_figures(),
        "composition": composition(items),
        "failures": [{"id": o.id, "failed": _failure_lines(o)} for o in outcomes if _failure_lines(o)],
    }


def print_report(report: dict[str, Any], outcomes: Sequence[ItemOutcome], verbose: bool, show_prompt: bool) -> None:
    """Human-readable figures, then one line per failing brief."""
    engine = report["engine"]
    out = [
        f"Promptsmith engine evaluation - {report['corpus']} corpus, {report['briefs']} briefs",
        f"engine: constraints from {engine['constraints'] or 'n/a (not provided)'}; "
        f"fidelity check {'present' if engine['fidelity'] else 'n/a (app.engine.fidelity absent)'}",
        "",
        "Fidelity (share of briefs where every expectation holds; target >= 0.95)",
        f"  {'':24}" + "".join(f"{target:>10}" for target in EVAL_TARGETS),
    ]
    rows = (
        "all_expectations",
        "constraints_found",
        "must_contain",
        "must_not_contain",
        "limits_uncontradicted",
        "fidelity_check_clean",
    )
    for row in (*rows, "engine_errors"):
        out.append(f"  {row:24}" + "".join(f"{_fmt(report['fidelity'][t][row]):>10}" for t in EVAL_TARGETS))
    if report["constraint_recall_by_kind"]:
        out += ["", "Constraint recall by kind (expected -> share found)"]
        out += [
            f"  {kind:14}{v['expected']:>5}  {_fmt(v['recall'])}"
            for kind, v in report["constraint_recall_by_kind"].items()
        ]
    cls = report["classification"]
    out += [
        "",
        "Classification (target >= 0.90)",
        f"  primary accuracy          {_fmt(cls['accuracy'])}   (strict: {_fmt(cls['accuracy_strict'])})",
        f"  non-English briefs        {_fmt(cls['accuracy_non_english'])}   ({cls['non_english_briefs']} briefs)",
        f"  blend recall              {_fmt(cls['blend_recall'])}   ({cls['blend_jobs']} secondary jobs)",
        "",
        "By tag                 briefs  fidelity claude / gpt   accuracy",
        *(
            f"  {tag:20}{v['briefs']:>7}   {_fmt(v['fidelity_claude']):>8} / {_fmt(v['fidelity_gpt']):<8}   "
            f"{_fmt(v['accuracy'])}"
            for tag, v in report["by_tag"].items()
        ),
        "",
        f"Placeholder examples (target 0): {_fmt(report['placeholder_examples']['rate'])} of "
        f"{report['placeholder_examples']['renders']} renders",
        "",
        "Lint calibration (bench.eval.lint_calibration)",
    ]
    lint = report["lint_calibration"]
    out += [f"  {lint}"] if isinstance(lint, str) else [f"  {k:40}{_fmt(v)}" for k, v in lint.items()]
    out += ["", f"Most frequent failures ({EVAL_TARGETS[0]}; briefs)"]
    out += [f"  {count:>4}  {name}" for name, count in report["frequent_failures"].items()]
    failures = report["failures"]
    out += ["", f"Failing briefs: {len(failures)} of {report['briefs']}"]
    by_id = {o.id: o for o in outcomes}
    for failure in failures:
        out.append(f"  {failure['id']:9} " + " | ".join(failure["failed"]))
        if verbose or show_prompt:
            out += _verbose_lines(by_id[failure["id"]], show_prompt)
    print("\n".join(out))  # noqa: T201 - this is a report


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print the figures; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.eval.run", description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true", help="evaluate the held-out briefs instead")
    parser.add_argument("--fresh", action="store_true", help="evaluate the fresh briefs (bench/eval/fresh) instead")
    parser.add_argument("--verbose", "-v", action="store_true", help="details of every failed expectation")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--id", action="append", default=[], help="only this brief id (repeatable)")
    parser.add_argument("--show-prompt", action="store_true", help="print the rendered prompts of failing briefs")
    args = parser.parse_args(argv)
    try:
        items = load_corpus(holdout=args.holdout, fresh=args.fresh)
    except CorpusError as exc:
        print(f"malformed corpus: {exc}", file=sys.stderr)  # noqa: T201
        return EXIT_MALFORMED
    if args.id:
        items = [item for item in items if item.id in set(args.id)]
    corpus_name = "fresh" if args.fresh else "holdout" if args.holdout else "main"
    engine = Engine()
    outcomes = [evaluate_item(item, engine) for item in items]
    report = build_report(items, outcomes, engine, corpus_name)
    if args.json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(report)).decode() + "\n")
    else:
        print_report(report, outcomes, args.verbose, args.show_prompt)
    return 0


if __name__ == "__main__":
    sys.exit(main())

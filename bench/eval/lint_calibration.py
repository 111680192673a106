"""Lint calibration against a corpus of real public prompts, well-written and sloppy.

Run: `uv run python -m bench.eval.lint_calibration` (add `--quiet` for the figures only, `--holdout` for the
held-out set in `prompts/holdout/`, which no rule may be tuned to). `--generated CLR-08,CLR-09` lists what the
named rules report on the engine's own prompts for every brief of the eval corpora (main, held-out and fresh,
claude and gpt), to read whether each finding is a real defect.

The corpus lives in `bench/eval/prompts/` (`index.yaml` lists every prompt with its source and the defects a
prompt engineer would flag). The figures:

- false-error rate: the share of good prompts that get at least one error-severity finding (target 0);
- mean score of good and of sloppy prompts, and the gap between them (target >= 20 points);
- recall: the share of expected (prompt, rule) defects that the linter reports at any severity (target >= 70%).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any, cast

import msgspec
import yaml

from app.engine import generate
from app.engine.lint import lint_prompt
from app.engine.types import TARGETS, Finding, LintReport, Target
from bench.eval.corpus import load_corpus as load_briefs

CORPUS_DIR = Path(__file__).parent / "prompts"
INDEX_FILE = CORPUS_DIR / "index.yaml"
HOLDOUT_INDEX_FILE = CORPUS_DIR / "holdout" / "index.yaml"


@dataclass(frozen=True)
class CorpusPrompt:
    """One entry of `index.yaml` with its text."""

    id: str
    quality: str
    target: Target
    expected: tuple[str, ...]
    source: str
    text: str


@dataclass(frozen=True)
class Result:
    """A corpus prompt and the linter's report on it."""

    prompt: CorpusPrompt
    report: LintReport

    @property
    def rule_ids(self) -> set[str]:
        return {f.rule_id for f in self.report.findings}

    @property
    def missed(self) -> list[str]:
        return [rule_id for rule_id in self.prompt.expected if rule_id not in self.rule_ids]


def load_corpus(index_file: Path = INDEX_FILE) -> list[CorpusPrompt]:
    """Every prompt listed in the index, in index order."""
    entries = cast(list[dict[str, Any]], yaml.safe_load(index_file.read_text(encoding="utf-8"))["prompts"])
    prompts = []
    for entry in entries:
        target = entry["target"] if entry["target"] in TARGETS else "generic"
        prompts.append(
            CorpusPrompt(
                id=entry["id"],
                quality=entry["quality"],
                target=cast(Target, target),
                expected=tuple(entry.get("expected") or ()),
                source=entry["source"],
                text=(index_file.parent / entry["file"]).read_text(encoding="utf-8"),
            )
        )
    return prompts


def lint_corpus(prompts: Sequence[CorpusPrompt]) -> list[Result]:
    """Lint every prompt with its target and no declared variables (as `python -m app lint` does)."""
    return [Result(p, lint_prompt(p.text, target=p.target)) for p in prompts]


def figures(results: Sequence[Result]) -> dict[str, float]:
    """The calibration figures for already linted prompts."""
    good = [r for r in results if r.prompt.quality == "good"]
    sloppy = [r for r in results if r.prompt.quality == "sloppy"]
    expected = sum(len(r.prompt.expected) for r in sloppy)
    found = sum(len(r.prompt.expected) - len(r.missed) for r in sloppy)
    mean_good = mean(r.report.score for r in good) if good else 0.0
    mean_sloppy = mean(r.report.score for r in sloppy) if sloppy else 0.0
    return {
        "good_prompts": float(len(good)),
        "sloppy_prompts": float(len(sloppy)),
        "false_error_rate": sum(r.report.errors > 0 for r in good) / len(good) if good else 0.0,
        "false_errors": float(sum(r.report.errors for r in good)),
        "mean_score_good": round(mean_good, 1),
        "mean_score_sloppy": round(mean_sloppy, 1),
        "score_gap": round(mean_good - mean_sloppy, 1),
        "recall": found / expected if expected else 1.0,
    }


def calibration_figures(index_file: Path = INDEX_FILE) -> dict[str, float]:
    """Lint the whole corpus (or the held-out set) and return the figures (used by `just eval`)."""
    return figures(lint_corpus(load_corpus(index_file)))


def _describe(result: Result) -> list[str]:
    report = result.report
    head = (
        f"{result.prompt.quality:6} {report.score:3d}  {result.prompt.id}"
        f"  ({report.errors}E {report.warnings}W {report.infos}I)"
    )
    lines = [head]
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.severity, finding.rule_id)
        counts[key] = counts.get(key, 0) + 1
    for (severity, rule_id), count in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        first = next(f for f in report.findings if f.rule_id == rule_id)
        times = f" x{count}" if count > 1 else ""
        lines.append(f"           {severity:7} {rule_id}{times}: {first.message}")
    if result.missed:
        lines.append(f"           MISSED  {', '.join(result.missed)}")
    return lines


def generated_findings(rule_ids: frozenset[str]) -> list[tuple[str, str, Finding, str]]:
    """(brief id, target, finding, the text it points at) for each finding of the given rules on the prompts the
    engine generates for the eval corpora's briefs (main, held-out and fresh; claude and gpt)."""
    items = load_briefs() + load_briefs(holdout=True) + load_briefs(fresh=True)
    found = []
    for item in items:
        for target in ("claude", "gpt"):
            result = generate(msgspec.structs.replace(item.brief, target=target, also_render=[]))
            for finding in result.lint.findings:
                if finding.rule_id in rule_ids:
                    span = finding.span
                    excerpt = result.prompt[span.start : span.end] if span else ""
                    found.append((item.id, target, finding, excerpt))
    return found


def _print_generated(rule_ids: frozenset[str]) -> None:
    found = generated_findings(rule_ids)
    out = sys.stdout
    for brief_id, target, finding, excerpt in found:
        short = excerpt if len(excerpt) <= 100 else excerpt[:97] + "..."
        out.write(f"{brief_id:8} {target:6} {finding.rule_id} {finding.severity}: {finding.message}\n")
        out.write(f"{'':16}at: {short!r}\n")
    counts: dict[str, int] = {}
    for _, _, finding, _ in found:
        counts[finding.rule_id] = counts.get(finding.rule_id, 0) + 1
    summary = ", ".join(f"{rule_id} {counts.get(rule_id, 0)}" for rule_id in sorted(rule_ids))
    out.write(f"findings on generated prompts: {summary}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Print per-prompt scores and findings, then the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quiet", action="store_true", help="print the figures only")
    parser.add_argument("--holdout", action="store_true", help="the held-out set (prompts/holdout) instead")
    parser.add_argument(
        "--generated", metavar="RULES", help="comma-separated rule ids: their findings on generated prompts"
    )
    args = parser.parse_args(argv)
    if args.generated:
        _print_generated(frozenset(rule.strip().upper() for rule in args.generated.split(",") if rule.strip()))
        return 0
    results = lint_corpus(load_corpus(HOLDOUT_INDEX_FILE if args.holdout else INDEX_FILE))
    out = sys.stdout
    if not args.quiet:
        for result in results:
            out.write("\n".join(_describe(result)) + "\n")
        out.write("\n")
    figs = figures(results)
    out.write(
        f"good prompts: {figs['good_prompts']:.0f}, sloppy prompts: {figs['sloppy_prompts']:.0f}\n"
        f"false-error rate on good prompts: {figs['false_error_rate']:.0%}"
        f" ({figs['false_errors']:.0f} error finding(s); target 0)\n"
        f"mean score good {figs['mean_score_good']}, sloppy {figs['mean_score_sloppy']},"
        f" gap {figs['score_gap']} (target >= 20)\n"
        f"recall of expected sloppy-prompt defects: {figs['recall']:.0%} (target >= 70%)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

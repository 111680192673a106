"""The linter on the calibration corpus of real public prompts (bench/eval/prompts).

Good prompts must get no error; sloppy prompts must score clearly lower and their expected defects must be
found. The figures are printed by `uv run python -m bench.eval.lint_calibration`; these tests hold the targets.
"""

from __future__ import annotations

import msgspec
import pytest
import yaml

from app.engine import generate
from app.engine.lint import known_rule_ids
from bench.eval import corpus, lint_calibration
from bench.eval.lint_calibration import INDEX_FILE, CorpusPrompt, figures, lint_corpus, load_corpus

CORPUS = load_corpus()
RESULTS = {r.prompt.id: r for r in lint_corpus(CORPUS)}
GOOD = [p for p in CORPUS if p.quality == "good"]
SLOPPY = [p for p in CORPUS if p.quality == "sloppy"]


def test_index_lists_enough_sourced_prompts_with_known_expectations() -> None:
    entries = yaml.safe_load(INDEX_FILE.read_text(encoding="utf-8"))["prompts"]
    assert len(GOOD) >= 25
    assert len(SLOPPY) >= 25
    assert len({e["id"] for e in entries}) == len(entries)
    for entry in entries:
        assert entry["source"], entry["id"]
        assert entry["license"], entry["id"]
        assert entry["quality"] in ("good", "sloppy")
        assert entry["target"] in ("claude", "gpt", "gemini", "generic")
        assert set(entry["expected"]) <= known_rule_ids(), entry["id"]
        assert (INDEX_FILE.parent / entry["file"]).read_text(encoding="utf-8").strip(), entry["id"]
    assert all(p.expected for p in SLOPPY)


@pytest.mark.parametrize("prompt", GOOD, ids=lambda p: p.id)
def test_well_written_public_prompt_gets_no_error(prompt: CorpusPrompt) -> None:
    report = RESULTS[prompt.id].report
    assert report.errors == 0, [(f.rule_id, f.message) for f in report.findings if f.severity == "error"]


def test_calibration_targets() -> None:
    figs = figures(list(RESULTS.values()))
    assert figs["false_error_rate"] == 0
    assert figs["score_gap"] >= 20, figs
    assert figs["recall"] >= 0.7, figs


def test_every_finding_has_a_suggestion_and_a_valid_span() -> None:
    for result in RESULTS.values():
        text = result.prompt.text
        for finding in result.report.findings:
            assert finding.suggestion, (result.prompt.id, finding.rule_id)
            if finding.span is not None:
                assert 0 <= finding.span.start <= finding.span.end <= len(text), (result.prompt.id, finding)


def test_generated_findings_list_the_asked_rules_with_the_text_they_point_at(monkeypatch) -> None:
    """`--generated` reads the engine's own prompts for the eval briefs; here for two briefs of the main corpus."""
    briefs = {item.id: item for item in corpus.load_corpus()}
    chosen = [briefs["sup-11"], briefs["lng-21"]]

    def only_chosen(holdout: bool = False, fresh: bool = False) -> list[corpus.CorpusItem]:
        return [] if holdout or fresh else chosen

    monkeypatch.setattr(lint_calibration, "load_briefs", only_chosen)
    asked = frozenset({"CLR-05", "CLR-08", "CLR-09", "STR-03"})
    found = lint_calibration.generated_findings(asked)
    expected = []
    for item in chosen:
        for target in ("claude", "gpt"):
            result = generate(msgspec.structs.replace(item.brief, target=target, also_render=[]))
            expected += [(item.id, target, f) for f in result.lint.findings if f.rule_id in asked]
    assert [(brief_id, target, finding) for brief_id, target, finding, _ in found] == expected
    for *_, finding, excerpt in found:
        span = finding.span
        assert (span is None and excerpt == "") or (span is not None and len(excerpt) == span.end - span.start)

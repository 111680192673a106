"""The evaluation corpus (bench/eval) is well-formed and honest, and its checks measure what they claim."""

from __future__ import annotations

import json
import re
import sys
import textwrap
import types
import typing

import msgspec
import pytest

from app.engine import ARCHETYPES, Brief
from app.engine.constraints import Constraint, ConstraintKind
from bench.eval import run
from bench.eval.checks import (
    constraint_matches,
    contradicting_limits,
    missing_constraints,
    missing_phrases,
    placeholder_examples,
)
from bench.eval.corpus import KIND_FIELDS, CorpusError, brief_text, load_corpus, load_file
from bench.eval.evaluate import Engine, evaluate_item

MAIN = load_corpus()
HOLDOUT = load_corpus(holdout=True)
NON_ENGLISH = {"es", "de", "fr", "pt", "ja", "zh"}


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).casefold()


def test_corpus_size_and_composition():
    assert len(MAIN) >= 130
    assert len(HOLDOUT) == 20
    by_lang = {lang: sum(item.lang == lang for item in MAIN) for lang in NON_ENGLISH}
    assert sum(by_lang.values()) >= 30
    assert all(count >= 3 for count in by_lang.values()), by_lang
    tags = [tag for item in MAIN for tag in item.tags]
    for tag, minimum in {"terse": 20, "long": 8, "typos": 8, "blend": 12, "sensitive": 15, "tools": 10}.items():
        assert tags.count(tag) >= minimum, tag
    assert {item.expect.archetypes.primary for item in MAIN} == set(ARCHETYPES)
    kinds = {str(c["kind"]) for item in MAIN for c in item.expect.constraints}
    assert kinds == set(typing.get_args(ConstraintKind))


def test_holdout_covers_the_issue_categories():
    tags = {tag for item in HOLDOUT for tag in item.tags}
    assert {"terse", "constrained", "multilingual", "sensitive", "tools"} <= tags


def test_ids_are_unique_across_main_and_holdout():
    ids = [item.id for item in (*MAIN, *HOLDOUT)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("item", [*MAIN, *HOLDOUT], ids=lambda item: item.id)
def test_item_is_well_formed(item):
    assert isinstance(item.brief, Brief)
    assert item.brief.task.strip()
    arche = item.expect.archetypes
    assert {arche.primary, *arche.also, *arche.accept} <= set(ARCHETYPES)
    assert arche.primary not in arche.also
    assert arche.primary not in arche.accept
    constraint_fields = set(Constraint.__struct_fields__)
    for expected in item.expect.constraints:
        assert expected["kind"] in KIND_FIELDS
        assert set(expected) - {"kind"} <= set(KIND_FIELDS[expected["kind"]]) <= constraint_fields
    forbidden = {phrase.casefold() for phrase in item.expect.must_not_contain}
    required = {option.casefold() for p in item.expect.must_contain for option in (p if isinstance(p, list) else [p])}
    assert not forbidden & required, "a phrase cannot be both required and a contradiction"
    if item.lang != "en":
        assert "multilingual" in item.tags


@pytest.mark.parametrize("item", [*MAIN, *HOLDOUT], ids=lambda item: item.id)
def test_expected_values_come_from_the_brief(item):
    """Literal values an expectation demands (addresses, tools, labels) are stated by the brief itself."""
    text = brief_text(item.brief) + json.dumps(item.brief.json_schema or {})
    for expected in item.expect.constraints:
        kind = expected["kind"]
        if kind == "tool":
            assert f"{expected['name']}(" in text
            assert all(param in text for param in expected.get("parameters", []))
        if kind == "fallback" and "value" in expected:
            assert expected["value"] in text
        if kind in {"labels", "fields", "schema"}:
            assert all(_norm(value) in _norm(text) for value in expected.get("values", [])), expected
        for bound in ("minimum", "maximum", "exact"):
            if kind == "limit" and bound in expected and expected[bound] > 10:
                assert str(expected[bound]) in text, expected
    emails_and_urls = re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+", " ".join(map(str, item.expect.must_contain)))
    assert all(value.rstrip(".,") in text for value in emails_and_urls)


def _write(tmp_path, body: str):
    path = tmp_path / "c.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD_ITEM = """
- id: x-1
  brief: {task: sort tickets into bug or billing}
  expect:
    archetypes: {primary: classification}
    constraints: [CONSTRAINT]
"""


@pytest.mark.parametrize(
    "constraint",
    [
        "{kind: colour}",  # unknown kind
        "{kind: limit, unit: fortnights}",  # not a LimitUnit
        "{kind: limit, name: x}",  # a field the kind does not use
        "{kind: fallback, action: fax}",  # not a FallbackAction
        "{kind: limit, maximum: three}",  # not an int
    ],
)
def test_malformed_constraint_expectations_are_rejected(tmp_path, constraint):
    with pytest.raises(CorpusError):
        load_file(_write(tmp_path, GOOD_ITEM.replace("CONSTRAINT", constraint)))


def test_good_item_loads_and_snake_case_brief_fields_reach_the_brief(tmp_path):
    body = GOOD_ITEM.replace("CONSTRAINT", "{kind: labels, values: [bug, billing]}").replace(
        "{task: sort tickets into bug or billing}", "{task: sort tickets, output_format: label only}"
    )
    [item] = load_file(_write(tmp_path, body))
    assert item.brief.output_format == "label only"


@pytest.mark.parametrize(
    "body",
    [
        GOOD_ITEM.replace("classification", "classifier").replace("[CONSTRAINT]", "[]"),  # unknown archetype
        GOOD_ITEM.replace("{task: sort tickets into bug or billing}", "{task: ''}").replace("[CONSTRAINT]", "[]"),
        GOOD_ITEM.replace("[CONSTRAINT]", "[]").replace("expect:", "lang: xx\n  expect:"),
        GOOD_ITEM.replace("[CONSTRAINT]", "[]\n    must_contain: ['']"),
        GOOD_ITEM.replace("[CONSTRAINT]", "[]\n    surprise: 1"),
    ],
)
def test_malformed_items_are_rejected(tmp_path, body):
    with pytest.raises(CorpusError):
        load_file(_write(tmp_path, body))


# The checks themselves.


def test_constraint_matching_rules():
    found = {
        "kind": "labels",
        "values": ["Billing", "Bug", "Feature request"],
        "multi": False,
    }
    assert constraint_matches({"kind": "labels", "values": ["billing", "bug", "feature_request"]}, found)
    assert not constraint_matches({"kind": "labels", "values": ["billing", "bug"]}, found)  # a label set is exact
    limit = {"kind": "limit", "unit": "sentences", "minimum": None, "maximum": 3, "exact": None}
    assert constraint_matches({"kind": "limit", "unit": "sentences", "maximum": 3}, limit)
    assert not constraint_matches({"kind": "limit", "unit": "words", "maximum": 3}, limit)
    assert not constraint_matches({"kind": "limit", "maximum": 200}, limit)
    assert constraint_matches({"kind": "limit", "exact": 2}, {"kind": "limit", "minimum": 2, "maximum": 2})
    phone = {"kind": "fallback", "action": "phone", "value": "+1 (406) 555-0142"}
    assert constraint_matches({"kind": "fallback", "value": "406 555 0142"}, phone) is False  # country code differs
    assert constraint_matches({"kind": "fallback", "value": "1-406-555-0142"}, phone)
    ordering = {"kind": "ordering", "first": "verify the customer's identity", "then": "issue a refund"}
    assert constraint_matches({"kind": "ordering", "first": "verify", "then": "refund"}, ordering)
    assert not constraint_matches({"kind": "ordering", "first": "refund"}, ordering)
    tool = {"kind": "tool", "name": "lookup_order", "parameters": ["order_id", "email"]}
    assert constraint_matches({"kind": "tool", "name": "LOOKUP_ORDER", "parameters": ["order_id"]}, tool)
    fields = {"kind": "fields", "values": ["title", "steps"]}
    assert constraint_matches({"kind": "schema", "values": ["title", "steps"]}, fields)
    assert missing_constraints([{"kind": "tone"}, {"kind": "tool"}], [tool]) == [{"kind": "tone"}]


def test_phrase_checks_are_case_insensitive_and_support_any_of():
    prompt = "Reply in at most 3 sentences. If unsure, email Help@Acme.com."
    assert missing_phrases(prompt, ["3 sentences", "help@acme.com", ["911", "emergency"]]) == [["911", "emergency"]]


@pytest.mark.parametrize(
    "text",
    [
        "<input>\n[A request that can be read in two ways]\n</input>",
        "<output>[that label]</output>",
        "Cite as [doc: title or number, section].",
        "Dear [Customer Name],",
        "Quote the passage [...]",
        "Sign as <your company>.",
        "Hello {name}, thanks for writing.",
    ],
)
def test_placeholder_examples_are_detected(text):
    assert placeholder_examples(text)


@pytest.mark.parametrize(
    "text",
    [
        'Return {"labels": ["bug", "billing"]} and nothing else.',
        "Answer [YES] or [NO].",
        "Cite sources like [1] or [Handbook §4.2].",
        "Use {{question}} and {{.CurrentDate}}.",
        "See [the docs](https://example.com).",
        "```python\nprint(f'{name}')\n```",
        "Use the regex `[a-z]+`.",
        "+ query = f\"SELECT * FROM users WHERE name = '{name}'\"",
    ],
)
def test_content_is_not_a_placeholder(text):
    assert placeholder_examples(text) == []


def test_a_slot_the_brief_itself_writes_is_not_a_placeholder():
    assert placeholder_examples("Keep {count} untouched.", allowed="keep placeholders like {count}") == []


# The runner.


def test_runner_reports_figures_as_json(capsys):
    assert run.main(["--json", "--id", "sup-02", "--id", "dat-01"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["briefs"] == 2
    assert set(report["fidelity"]) == {"claude", "gpt"}
    assert {"accuracy", "accuracy_non_english", "blend_recall"} <= set(report["classification"])
    assert 0.0 <= report["placeholder_examples"]["rate"] <= 1.0
    assert "lint_calibration" in report


def test_runner_prints_a_readable_report(capsys):
    assert run.main(["--id", "dat-01", "--verbose"]) == 0
    out = capsys.readouterr().out
    for heading in ("Fidelity", "Classification", "Placeholder examples", "Lint calibration", "Failing briefs"):
        assert heading in out


def test_runner_exits_2_on_a_malformed_corpus(monkeypatch, capsys):
    def broken(holdout: bool = False, fresh: bool = False):
        raise CorpusError("bad item")

    monkeypatch.setattr(run, "load_corpus", broken)
    assert run.main([]) == 2
    assert "bad item" in capsys.readouterr().err


def test_missing_constraints_and_fidelity_findings_fail_a_brief():
    """With stand-ins for the extractor and the fidelity check, the evaluation reports what is missing."""
    [item] = [i for i in MAIN if i.id == "sup-02"]
    engine = Engine()
    limit = Constraint(kind="limit", text="Reply in at most 3 sentences.", unit="sentences", maximum=3)
    engine._constraints = lambda brief, result: [limit]
    engine._fidelity = lambda constraints, prompt: ["FID-01: the fallback address is missing"]
    outcome = evaluate_item(item, engine)
    claude = outcome.targets[0]
    assert claude.missing_constraints == [{"kind": "fallback", "action": "email", "value": "billing@acme.com"}]
    assert claude.fidelity_findings == ["FID-01: the fallback address is missing"]
    assert not claude.passed


def test_brief_round_trips_through_the_wire_format():
    for item in MAIN:
        assert msgspec.json.decode(msgspec.json.encode(item.brief), type=Brief) == item.brief


def test_limit_contradictions_are_numbers_the_brief_never_states():
    brief = "Summarise in at most two sentences, each under 20 words."
    prompt = "Reply in at most 2 sentences of under 20 words each. Keep it under 200 words."
    assert contradicting_limits(prompt, brief, {"sentences", "words"}) == ["200 words"]
    assert contradicting_limits("Use 5 bullet points.", "max 4 bullets", {"bullets"}) == ["5 bullet points"]
    assert contradicting_limits("Write 3 short paragraphs.", "3 short paragraphs max", {"paragraphs"}) == []


def test_lint_calibration_figures_are_printed_when_the_module_exists(monkeypatch, capsys):
    fake = types.ModuleType("bench.eval.lint_calibration")
    fake.calibration_figures = lambda: {"false_error_rate_good": 0.0, "mean_score_gap": 23.5}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bench.eval.lint_calibration", fake)
    assert run.main(["--id", "dat-01"]) == 0
    out = capsys.readouterr().out
    assert "mean_score_gap" in out
    assert "23.500" in out

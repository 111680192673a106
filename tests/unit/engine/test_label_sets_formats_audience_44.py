"""Label sets, output formats and audiences in the shapes users type (round 44 fixes)."""

from __future__ import annotations

import pytest

from app.engine import Brief
from app.engine.generate import read_constraints


def _labels(task: str) -> list[list[str]]:
    return [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]


@pytest.mark.parametrize(
    ("task", "values"),
    [
        (
            "Build a helper that files our shop's inbound mail into orders/returns/press/misc.",
            ["orders", "returns", "press", "misc"],
        ),
        (
            "Inbox triage for a bakery - labels wholesale/retail/catering, just the label.",
            ["wholesale", "retail", "catering"],
        ),
        ("Read each outage report and put it into a severity S1/S2/S3.", ["S1", "S2", "S3"]),
        (
            "Audit the essay and start each comment with [CRITICAL], [IMPORTANT] or [OPTIONAL].",
            ["CRITICAL", "IMPORTANT", "OPTIONAL"],
        ),
        ("One comment per line: [HIGH|MED|LOW] file.py:LINE - problem - fix", ["HIGH", "MED", "LOW"]),
        ("コメントの先頭に [FIX]（不具合）、[IDEA]（提案）のどちらかのタグを付ける。", ["FIX", "IDEA"]),
    ],
)
def test_compact_label_sets_keep_each_value_alone(task: str, values: list[str]) -> None:
    assert values in _labels(task)


@pytest.mark.parametrize(
    "task",
    [
        "Cite each claim as [Author Year] or [Org Year].",
        "Use the tags [spoiler] and [nsfw] when a post needs them.",
        "Point the user to src/app/main.py when they ask where the routes live.",
        "Answer in English and/or Welsh.",
        "Show every time converted to America/Chicago.",
    ],
)
def test_citations_paths_and_pairs_are_not_label_sets(task: str) -> None:
    assert _labels(task) == []


def _formats(task: str) -> list[tuple[str | None, list[str]]]:
    return [(c.value, c.values) for c in read_constraints(Brief(task=task)) if c.kind == "format"]


@pytest.mark.parametrize(
    ("task", "value", "columns"),
    [
        ("Go through the van logs and export as CSV.", "csv", []),
        ("Parse the order emails and give me YAML, one record per order.", "yaml", []),
        ("Die Ausgabe bitte als YAML, unser Skript liest nichts anderes.", "yaml", []),
        ("List each return, csv with columns sku, reason, refund.", "csv", ["sku", "reason", "refund"]),
    ],
)
def test_csv_and_yaml_replies_are_a_format(task: str, value: str, columns: list[str]) -> None:
    assert (value, columns) in _formats(task)


def test_a_csv_that_arrives_is_no_reply_format() -> None:
    assert all(value != "csv" for value, _ in _formats("Our till exports sales as CSV; write a short weekly note."))


def test_a_bracketed_tag_set_in_a_line_template_stays() -> None:
    task = "Review the diff.\nOutput, one finding per line, max 5 lines:\n[STOP|FIX|NOTE] file:line - issue - fix"
    assert ["STOP", "FIX", "NOTE"] in _labels(task)


def test_a_csv_reply_gets_no_json_schema_or_bullets() -> None:
    from app.engine import generate

    prompt = generate(Brief(task="Summarise each complaint. Export as CSV with columns ref, shop, problem.")).prompt
    assert "CSV" in prompt
    assert "JSON object" not in prompt
    assert "bullet points" not in prompt


def test_bracketed_tags_reach_the_prompt_in_brackets() -> None:
    from app.engine import generate

    task = (
        "Review pull requests for our Go service. Prefix each finding with [CRASH], [LEAK] or [STYLE]. Max 6 findings."
    )
    prompt = generate(Brief(task=task)).prompt
    assert "[CRASH], [LEAK], [STYLE]" in prompt


def test_a_pair_after_a_bare_colon_is_no_reply_label_set() -> None:
    task = "Résume le procès-verbal.\n1. Décisions (avec le vote : pour / contre, et le nombre de voix)\n2. Travaux"
    assert _labels(task) == []

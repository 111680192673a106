"""A label followed by a reason ("+ reason", "then a short justification"): the reply starts with the label and goes
on, so "only the label, with no explanation" and bare-label examples would contradict the brief. Upper-case
decision names may be two words and joined by the brief's own "or" ("VERWIJDER of LATEN STAAN")."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.compose.label_reason import reason_after_label
from app.engine.generate import generate, read_constraints


def _output(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


def test_a_justification_after_the_label_is_not_ruled_out() -> None:
    prompt = generate(
        Brief(
            task="classify tickets: billing/tech/spam. reply with the label, then a short justification",
            target="claude",
        )
    ).prompt
    output = prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert "no explanation" not in output
    assert "After the label, give a short justification." in output
    assert "<output>\nbilling\n</output>" not in prompt  # a bare label would teach the reply without its reason


def test_a_limit_after_plus_reason_is_the_reasons() -> None:
    output = _output("moderate forum posts. output: SPAM or HAM + reason in max 1 sentence")
    assert "Start the reply with exactly one of these labels: SPAM, HAM." in output
    assert "Keep the reason to at most 1 sentence." in output
    assert "Keep the reply to" not in output


def test_dutch_decision_names_with_their_own_or() -> None:
    task = (
        "prompt voor een modbot in onze buurtapp. alleen weghalen bij schelden of doxxing. "
        "output: VERWIJDER of LATEN STAAN + reden in max 1 zin"
    )
    (labels,) = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels.values == ["VERWIJDER", "LATEN STAAN"]
    assert "Keep the reason to at most 1 sentence." in _output(task)


def test_label_only_keeps_the_bare_label() -> None:
    output = _output("classify tickets: billing/tech/spam. reply with the label only")
    assert "with no explanation" in output
    assert reason_after_label("reply with the label only, no reason") is None

"""Round 46 (r46lines): the output contract a brief fixes beats a field's limit read as the reply's and an archetype's
defaults; lines a brief writes apart stay apart, and a case keeps its trigger."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

_SHAPE = (
    "Output exactly this shape, JSON only, no fences:\n"
    "{{\n"
    '  "venue": string or null,\n'
    '  "items": [{{"name": string or null, "kind": one of "{a}" | "{b}" | "{c}"}}],\n'
    '  "urgent": true | false,\n'
    '  "{key}": string\n'
    "}}\n"
)


@pytest.mark.parametrize(
    ("intro", "values", "key", "limit"),
    [
        ("Our surveyors phone in inspection notes. Turn each one into JSON.", ("roof", "wall", "floor"), "summary",
         "- summary max 30 words."),
        ("Event crew send messy load-out messages; make each into JSON for the planner.", ("audio", "light", "stage"),
         "remarks", "- remarks max 20 words"),
        ("Parse each delivery complaint email into JSON.", ("damaged", "late", "missing"), "comment",
         "- comment: max 40 words."),
    ],
)  # fmt: skip
def test_one_of_quoted_options_make_a_schema_and_key_limit(
    intro: str, values: tuple[str, str, str], key: str, limit: str
) -> None:
    a, b, c = values
    task = f"{intro}\n\n{_SHAPE.format(a=a, b=b, c=c, key=key)}\n{limit}"
    result = generate(Brief(task=task, target="claude"))
    schemas = [x for x in result.constraints if x.kind == "schema"]
    assert schemas
    assert key in schemas[0].values
    limits = [x for x in result.constraints if x.kind == "limit"]
    assert limits
    assert all(x.scope == f"the {key} field" for x in limits)
    assert "Keep the reply to at most" not in result.prompt


@pytest.mark.parametrize(
    "case",
    [
        'if the text isn\'t a site report at all, return {"error": "not_a_report"} and nothing else.',
        'If the message is not an order, output {"status": "ignored"} only.',
        'When it is anything other than a receipt, reply with {"error": "no_receipt"}.',
    ],
)
def test_brief_error_object_replaces_all_null_guardrail(case: str) -> None:
    task = (
        "Extract fields from pasted text into JSON for our back office.\n\n"
        "Return exactly this shape:\n"
        '{\n  "customer": string or null,\n  "amount": number or null,\n  "date": "YYYY-MM-DD" or null\n}\n'
        f"{case}"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "every field set to null" not in prompt


@pytest.mark.parametrize(
    "closing",
    [
        'Nothing else before or after the findings except a last line "Verdict: ok" or "Verdict: fix".',
        "nothing before or after the findings, then one last line Verdict: ok / Verdict: fix",
    ],
)
@pytest.mark.parametrize("target", ["claude", "gpt"])
def test_nothing_before_or_after_drops_thinking_and_quoted_hunks(closing: str, target: str) -> None:
    task = (
        "Review pull requests for our Python billing service (Django, Celery). Be direct.\n\n"
        "What to look at: money rounding, missing migrations, tasks that are not idempotent.\n\n"
        "Output: at most 5 findings, most severe first, one line each, like\n"
        "MAJOR | billing/tasks.py:40 | retries double-charge | add an idempotency key\n"
        f"Severity is one of MAJOR, MINOR. {closing}"
    )
    prompt = generate(Brief(task=task, target=target)).prompt
    assert "<thinking>" not in prompt
    assert "Quote the exact line or hunk" not in prompt


def test_review_without_closed_reply_keeps_reasoning() -> None:
    task = (
        "Review pull requests for our Python billing service (Django, Celery). Explain each problem you find in a "
        "short paragraph, with the fix, and end with an overall assessment."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Quote the exact line or hunk" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Summarise the night shift's harbour log for the morning team. Use berth numbers instead of names. Keep wind "
        "readings verbatim. Under 120 words.",
        "Summarise each warehouse shift handover note for the ops manager. No names of individual workers ever - use "
        "roles like 'picker'. Max 100 words.",
    ],
)
def test_names_replaced_by_the_brief_are_not_kept_exact(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Keep names" not in prompt
    assert "Keep numbers" in prompt  # the rest of the default stays

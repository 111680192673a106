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


@pytest.mark.parametrize(
    ("fixed", "after"),
    [
        ("put STATUS: ON HOLD - Sam to reply", "trial lessons are 30 min, never longer."),
        ("write REPLY: WAIT - manager decides", "gift cards never expire, say that if asked."),
        ("reply with TAG: skip", "orders over 20 units go to the wholesale team."),
    ],
)
def test_fixed_line_after_put_ends_at_its_line(fixed: str, after: str) -> None:
    task = (
        "i run a small music school and our shared inbox is a mess, i want the ai to sort every email and write a "
        "first draft reply that i can edit before it goes out to the parent or student\n\n"
        "format:\nTAG: <tag>\nREPLY: <draft>\n\n"
        "tags: lessons, billing, complaint, other. drafts under 60 words.\n"
        f"complaints - dont draft anything, {fixed}\n{after}\n"
        'always sign off "Best, the school team".'
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    tail = fixed.rsplit(" ", 1)[-1]
    assert f"{tail} {after.split()[0]}" not in prompt


_CLINIC = "{intro}\n\nRules:\n1. {first}\n2. {case}\n3. {last}\n"


@pytest.mark.parametrize(
    ("intro", "first", "case", "last", "action"),
    [
        ("We are a dog grooming salon; the website chat books appointments.", "Always ask for the dog's breed.",
         "EMERGENCIES: if the dog is bleeding or collapsed -> no booking. Tell them to go to the vet now or call "
         "0161 555 0199, and log it with log_emergency.", "Max 60 words per reply.", "0161 555 0199"),
        ("Wir sind eine Tierarztpraxis; der Chat vergibt Termine.", "Immer zuerst nach dem Namen fragen.",
         "NOTFALL: wenn das Tier nicht atmet oder vergiftet ist -> kein Termin. Sofort kommen lassen oder 030 555 "
         "1234 anrufen lassen, und melde_notfall aufrufen.", "Maximal 60 Wörter.", "030 555 1234"),
        ("Somos una peluquería canina; el chat da citas.", "Preguntar siempre la raza.",
         "URGENCIAS: si el perro sangra o se ha desmayado -> nada de citas. Decir que vayan al veterinario YA o "
         "llamen al 968 555 100, y llamar a registrar_urgencia.", "Máximo 60 palabras.", "968 555 100"),
    ],
)  # fmt: skip
def test_arrow_case_keeps_its_trigger_on_every_sentence(
    intro: str, first: str, case: str, last: str, action: str
) -> None:
    task = _CLINIC.format(intro=intro, first=first, case=case, last=last)
    prompt = generate(Brief(task=task, target="claude")).prompt
    lines = [line for line in prompt.splitlines() if action in line]
    assert lines
    # the number and the action stay on their case's line: never the general fallback or the escalation route
    assert all("->" in line for line in lines)


@pytest.mark.parametrize(
    "heading",
    [
        "What to check, in priority order:",
        "What to look for, in order of priority:",
        "What to watch for, in priority order:",
    ],
)
def test_checklist_heading_introduces_its_items(heading: str) -> None:
    task = (
        "Review pull requests for our Rust CLI tool. Be kind but honest.\n\n"
        f"{heading}\n1. unsafe blocks need a SAFETY comment. Missing one is a BLOCKER.\n"
        "2. no unwrap() in library code.\n3. tests for new flags.\n\n"
        "Output: at most 5 findings, one line each. Severity is BLOCKER, MAJOR or NIT."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert f"{heading[:-1]}." not in prompt  # the heading is no rule of its own
    assert "Tests for new flags" in prompt
    assert "Rank findings by impact" not in prompt  # the brief's own priority order ranks them


@pytest.mark.parametrize(
    ("ban", "kept"),
    [
        ("No names of individual workers ever - use roles like 'picker'.", "Never use names of individual workers"),
        ("no customer names at all - say 'the customer'.", "Never use customer names"),
    ],
)
def test_no_x_ever_is_never(ban: str, kept: str) -> None:
    task = f"Shift leads paste their handover notes at the end of each shift and we turn them into a short note. {ban}"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert kept in prompt
    assert " ever;" not in prompt
    assert "Avoid " + kept.split(" ", 2)[2] not in prompt

"""A prohibition keeps the condition it holds under, a formatting ban keeps its stated exception, "No match = …" is a
case rather than a thing to avoid, functions an assistant calls are its tools, and a closing summary is no job."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_REFILLS = (
    "I need a system prompt for the SMS refill assistant at Harlow Street Pharmacy. Patients text our short code and "
    "the assistant handles prescription refills using these functions:\n\n"
    "- lookup_patient(last_name: str, date_of_birth: str) -> patient_id, or no match\n"
    "- get_prescriptions(patient_id: str) -> list of active Rx\n"
    "- request_refill(rx_number: str, store_id: str) -> queues the refill\n\n"
    "Rules:\n"
    "- No match = don't reveal anything, not even whether they're a patient of ours.\n"
    '- If refills remaining is 0, do not tell them to "ask your doctor". We contact the prescriber ourselves.\n'
    "- It's SMS: plain text, no markdown, no links except harlowrx.com/hours, max 320 characters per message."
)


def _prohibitions(task: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]


def test_a_conditional_prohibition_keeps_its_condition() -> None:
    rules = _prohibitions(
        "Support bot for a garden centre. If the plant is out of stock, do not promise a restock date."
    )
    assert rules == ["If the plant is out of stock, do not promise a restock date."]


def test_a_numeric_condition_is_kept_with_the_prohibition() -> None:
    rules = _prohibitions(_REFILLS)
    assert 'If refills remaining is 0, do not tell them to "ask your doctor".' in rules
    assert 'Do not tell them to "ask your doctor".' not in rules


def test_no_match_equals_is_a_case_not_a_thing_to_avoid() -> None:
    rules = _prohibitions(_REFILLS)
    assert not any(rule.startswith("Avoid match") for rule in rules)
    assert any("not even whether they're a patient of ours" in rule for rule in rules)


def test_a_formatting_ban_with_an_exception_is_not_forbidden_outright() -> None:
    constraints = read_constraints(Brief(task=_REFILLS))
    formats = [c for c in constraints if c.kind == "format"]
    assert formats
    assert all("links" not in c.forbidden for c in formats)
    assert any("harlowrx.com/hours" in c.text for c in constraints if c.kind == "prohibition")


def test_functions_an_assistant_calls_make_it_an_agent_not_a_coder() -> None:
    result = generate(Brief(task=_REFILLS, target="claude"))
    assert result.archetypes[0].id == "tool_agent"
    assert "software engineer" not in result.prompt


def test_a_summary_at_the_end_of_a_walkthrough_is_no_summarising_job() -> None:
    task = (
        "I want an assistant inside our client portal that walks clients through a 5-column thought record: "
        "situation, automatic thought, emotion, evidence for/against, balanced thought.\n"
        "- One column at a time, one question per message.\n"
        "- At the end, produce a short summary the client can paste into their homework sheet."
    )
    assert generate(Brief(task=task, target="claude")).archetypes[0].id != "summarization"

"""Round 28's remaining failure classes, on briefs phrased apart from the round's own: a report written up from notes
is a writing job (not a role-play because the notes come from rehearsals); a helpline for people in distress is no
escalation route, and a brief that names no way to a person gets no promised colleague; a condition's list runs to
the action after it ("…, feels hopeless or mentions self-harm, give them …", "…: tell them …")."""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import archetype_ids, claude_prompt, section


@pytest.mark.parametrize(
    "task",
    [
        "Turn our stage managers' rehearsal notes into the daily rehearsal report for the director.",
        "Turn my site-visit notes into the weekly progress report for the client. Sections: DONE, SCHEDULE, RISKS.",
        "Every Friday I send you my lab notes; write them up as a status report for our funder, under 300 words.",
    ],
)
def test_a_report_written_from_notes_is_a_writing_job(task: str) -> None:
    assert archetype_ids(task)[0] == "writing_editor"
    prompt = claude_prompt(task)
    assert "from the notes" in prompt
    assert "role-play" not in prompt
    assert "in character" not in prompt


def test_rehearsing_an_interview_is_still_practice() -> None:
    assert (
        archetype_ids("Help me rehearse for my nursing job interview next week; ask one question at a time.")[0]
        == "roleplay_interviewer"
    )


def _escalation_rule(prompt: str) -> str:
    return next(line for line in prompt.splitlines() if "Escalate to a human agent" in line)


def test_a_helpline_for_people_in_distress_is_no_escalation_route() -> None:
    prompt = claude_prompt(
        "Support chat for the Pennywise budgeting app: help people set up budgets and fix sync problems. "
        "If a user says they can't cope, is in crisis or mentions debts they can't pay, give them the National "
        "Debtline: 0808 808 4000."
    )
    rule = _escalation_rule(prompt)
    assert "0808 808 4000" not in rule
    assert "Please call 0808 808 4000 and the team will help you" not in prompt
    assert "0808 808 4000" in prompt  # still given to people in distress


def test_a_brief_with_no_route_to_a_person_promises_none() -> None:
    prompt = claude_prompt("Customer support chat for Fernhill Bakery's online orders. Keep replies under 60 words.")
    assert "human colleague" not in prompt
    assert "hand off to a human agent" not in prompt
    assert "a member of the team has to handle it" in _escalation_rule(prompt)


def test_a_stated_hand_off_keeps_the_colleague_sentence() -> None:
    prompt = claude_prompt(
        "Support chat for Fernhill Bakery's online orders. If you can't sort it out, offer to connect them with "
        "an agent."
    )
    assert "I'm passing this to a human colleague who will follow up with you." in _escalation_rule(prompt)


@pytest.mark.parametrize(
    ("task", "case"),
    [
        (
            "Chat companion for a sleep app. If someone says they can't sleep for weeks, feels hopeless or mentions "
            "self-harm, give them the Samaritans number 116 123.",
            "mentions self-harm",
        ),
        (
            "Triage helper for a dental practice. If a caller mentions facial swelling, a fever or trouble "
            "swallowing: tell them to call 111 now.",
            "trouble swallowing",
        ),
    ],
)
def test_a_conditions_list_runs_to_the_action_after_it(task: str, case: str) -> None:
    guardrails = section(claude_prompt(task), "guardrails")
    line = next(line for line in guardrails.splitlines() if "116 123" in line or "111" in line)
    assert case in line

"""A practice role-play where the assistant plays the patient: no health pack, no invented labels, the brief's own
rule for a real person kept whole."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.labels import find_labels
from app.engine.generate import generate
from app.engine.safety.settled import plays_the_person

_CASE = (
    "For the clinical skills course (2nd-year students). The assistant plays a standardized patient so students "
    "can practise history-taking over chat. The student is the doctor.\n\nCase card:\n"
    "- Presenting complaint: tightness in the chest on and off for 3 days\n\nRules:\n"
    "- When the student types END CASE, drop the character and give feedback in exactly 5 bullet points: the key "
    "questions they asked, the ones they missed (onset, character, radiation, risk factors), and one tip.\n"
    "- If it ever looks like a real person is describing their own symptoms rather than practising, step out of the "
    "role and tell them to contact a doctor, or call 999 if the pain is happening now."
)


@pytest.mark.parametrize(
    ("text", "plays"),
    [
        ("The assistant plays a standardized patient so students can practise.", True),
        ("The bot is the caller; the trainee is the dispatcher.", True),
        ("You play an anxious client in a counselling practice session.", True),
        ("Patients describe their symptoms and the assistant answers.", False),
        ("The user is the patient.", False),
    ],
)
def test_who_plays_the_person_with_the_problem(text: str, plays: bool) -> None:
    assert plays_the_person([text]) is plays


def test_the_patient_role_play_gets_no_health_pack() -> None:
    prompt = generate(Brief(task=_CASE, target="claude")).prompt
    assert "Give general health information only" not in prompt
    assert "tell them first to call" not in prompt


def test_the_real_person_rule_is_kept_whole() -> None:
    prompt = generate(Brief(task=_CASE, target="claude")).prompt
    assert "step out of the role and tell them to contact a doctor, or call 999 if the pain is happening now" in prompt


def test_topics_in_parentheses_after_a_typed_command_are_no_label_set() -> None:
    assert (
        find_labels("When the student types END CASE, give feedback: the ones they missed (onset, radiation).") is None
    )
    prompt = generate(Brief(task=_CASE, target="claude")).prompt
    assert "Label:" not in prompt
    assert "label set" not in prompt


def test_types_as_a_noun_still_introduces_labels() -> None:
    found = find_labels("Sort each ticket into one of these types (billing, bug, account).")
    assert found is not None
    assert found.values == ["billing", "bug", "account"]

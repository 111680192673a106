"""A business named by its kind ("the Brenner car workshop", "die Autowerkstatt Brenner") is who the assistant works
for, so the role names it (round 29, r29-14: the role was anonymous, the workshop only in a quote)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.generate import generate


@pytest.mark.parametrize(
    ("task", "organization"),
    [
        ("Booking assistant for the Brenner car workshop in Kassel (chat on the website).", "the Brenner car workshop"),
        ("Front desk bot at the Riverside dental clinic. Patients ask about slots.", "the Riverside dental clinic"),
        ("Terminassistent für die Autowerkstatt Brenner in Kassel (Chat auf der Website).", "Autowerkstatt Brenner"),
        ("Chatbot für unsere Zahnarztpraxis Dr. Albers. Patienten fragen nach Terminen.", "Zahnarztpraxis Dr. Albers"),
    ],
)
def test_business_named_by_its_kind(task: str, organization: str) -> None:
    assert extract_entities(task).organization == organization


@pytest.mark.parametrize("task", ["Assistant for the UK market team.", "Help the Kassel office with its rota."])
def test_no_business_without_a_business_noun(task: str) -> None:
    assert extract_entities(task).organization is None


def test_tool_agent_role_names_the_workshop() -> None:
    task = (
        "Terminassistent für die Autowerkstatt Brenner in Kassel (Chat auf der Website).\n\nTools:\n"
        "freie_termine(leistung, ab_datum)\ntermin_buchen(kennzeichen, termin_id)\n\n"
        "Immer zuerst freie_termine, dann termin_buchen."
    )
    role = generate(Brief(task=task, target="claude")).prompt.split("</role>")[0]
    assert "Autowerkstatt Brenner" in role


def test_no_contact_to_point_to_when_the_brief_gives_none() -> None:
    task = (
        "Chat booking assistant for the Brenner car workshop.\n\nTools:\nfind_slots(service, from_date)\n"
        "book_slot(plate, slot_id)\n\nAlways call find_slots before book_slot."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "point to the contact the instructions give" not in prompt
    with_contact = generate(
        Brief(task=task + " If we can't help, tell them to email desk@brenner.example.", target="claude")
    )
    assert "desk@brenner.example" in with_contact.prompt

"""A case's own rule and the contact it gives stay together, a pest-control firm gets no pet-care pack, and the
business is the one whose website the assistant is on, not a word from a ban ("pesticides for DIY use")."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate

_PESTS = (
    'Need a system prompt for "Scout", the chat assistant on the Hollybank Pest Control website.\n'
    "Scout books technician visits for ants, rodents, wasps and wildlife removal.\n"
    "Rules:\n"
    "1. Always call find_account before book_visit.\n"
    "2. Wildlife: if the animal is inside the living space or anyone was bitten or scratched, do not book. "
    "Give our emergency line (727) 555-0144, and if someone was bitten tell them to see a doctor today.\n"
    "3. Never recommend or name pesticides for DIY use.\n"
    "4. Read back the window and only call book_visit after the customer says yes.\n"
    "5. Max 3 sentences per reply."
)


def test_the_contact_after_a_cases_rule_keeps_that_case() -> None:
    routes = {c.value: c.condition for c in extract_constraints(Brief(task=_PESTS)) if c.kind == "fallback"}
    assert routes["(727) 555-0144"] == "If the animal is inside the living space or anyone was bitten or scratched"


def test_the_cases_contact_is_not_the_general_route() -> None:
    prompt = generate(Brief(task=_PESTS, target="claude")).prompt
    assert "When you cannot help, tell the user to call (727) 555-0144" not in prompt
    assert "(727) 555-0144" in prompt


def test_a_pest_control_firm_gets_no_pet_care_pack() -> None:
    prompt = generate(Brief(task=_PESTS, target="claude")).prompt
    assert "their vet" not in prompt
    assert "pet-care" not in prompt


def test_the_business_is_the_one_whose_website_the_assistant_is_on() -> None:
    prompt = generate(Brief(task=_PESTS, target="claude")).prompt
    assert "for Hollybank Pest Control" in prompt
    assert "for DIY" not in prompt.split("</role>")[0]

"""An intake that prints its record and then tells the person what happens next, and a cap on questions per turn."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_INTAKE = (
    "Intake bot for a free tenant law clinic. Ask ONE question per message, in this order:\n1. full name\n"
    "2. address of the rental\n3. landlord name\nThen print a JSON object with keys full_name, rental_address, "
    "landlord_name and tell them a volunteer will contact them within 3 business days."
)


def test_the_closing_message_follows_the_record_instead_of_no_prose_after_it() -> None:
    prompt = generate(Brief(task=_INTAKE, target="claude")).prompt
    assert "no prose before or after it" not in prompt
    assert "after it, tell them a volunteer will contact them within 3 business days." in prompt


def test_the_print_sentence_is_a_rule_not_background() -> None:
    prompt = generate(Brief(task=_INTAKE, target="claude")).prompt
    assert "From the brief: Then print a JSON object" not in prompt


def test_a_record_without_a_closing_message_keeps_no_prose() -> None:
    task = "Extract the invoice number and total from each email. Return a JSON object with keys number, total."
    assert "no prose before or after it" in generate(Brief(task=task, target="claude")).prompt


def test_one_question_per_message_caps_each_turn_not_the_reply() -> None:
    texts = [c.text for c in read_constraints(Brief(task="Ask ONE question per message. Be kind."))]
    assert "Ask no more than 1 question per message." in texts
    assert "Give exactly 1 question." not in texts


def test_a_question_count_without_a_turn_stays_a_count() -> None:
    texts = [c.text for c in read_constraints(Brief(task="Write a quiz. Generate exactly 5 questions."))]
    assert "Give exactly 5 questions." in texts

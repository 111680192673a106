"""Grounding on documents needs documents; a pasted spec's provenance ("JSON from our provider's docs") grounds
nothing; a translation whose brief fixes the form of address keeps it (rules and example), and its target language
is the translation's, not "the users read German"."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Tamar Valley Credit Union - members' loan chat. It can use these functions (JSON from our provider's docs): "
        "verify_member(member_no, dob), loan_quote(member_no, amount_gbp, months). Call verify_member before any "
        "quote. Keep replies under 90 words.",
        "Booking assistant for our climbing gym. Tools (YAML from the vendor documentation): "
        "check_slots(date), book_slot(date, name). Always check_slots before book_slot and confirm with the "
        "customer first.",
    ],
)
def test_a_spec_taken_from_docs_grounds_no_answers(task: str) -> None:
    prompt = _prompt(task)
    assert "outside knowledge" not in prompt
    assert "supplied doc" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "We're a language school. I need a chatbot that answers student questions about courses, fees and "
        "enrolment. Accuracy matters: if it's not sure, it should say it doesn't know rather than guess.",
    ],
)
def test_grounding_without_documents_keeps_to_the_instructions(task: str) -> None:
    prompt = _prompt(task)
    assert "the supplied documents" not in prompt
    assert "Answer only from the information in these instructions" in prompt


def test_named_documents_stay_the_source() -> None:
    prompt = _prompt("Customer support bot for Acme that answers billing questions using the help-center article.")
    assert "Answer only from the help-center article" in prompt


_NL_DE = (
    "Zeilschool in Friesland. We willen onze Nederlandse teksten (instructies, mails) laten vertalen naar het Duits.\n"
    "- Alleen de vertaling teruggeven, geen uitleg.\n"
    '- Duitse u-vorm (Sie), ook als de Nederlandse tekst "je" gebruikt.\n'
    "- Plaatsnamen NIET vertalen."
)
_EN_DE = (
    "Translate our English customer emails into German for our shop in Vienna. Always use the formal address "
    "(Sie), even when the English is chatty. Return only the translation."
)
_EN_ES = (
    "Translate our app's English notifications into Spanish. Use usted (formal register) throughout, never tú. "
    "Only the translation, no notes."
)
_EN_FR = "Translate our English newsletter into French for teenagers. Tutoie le lecteur (tu). No notes, just the text."


@pytest.mark.parametrize("task", [_NL_DE, _EN_DE, _EN_ES, _EN_FR])
def test_a_fixed_register_is_not_the_sources(task: str) -> None:
    assert "Match the register of the source" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "wanted", "unwanted"),
    [
        (_NL_DE, "Ihre Bestellung", "Deine Bestellung"),
        (_EN_DE, "Ihre Bestellung", "Deine Bestellung"),
        (_EN_ES, "Su pedido", "Tu pedido"),
        (_EN_FR, "Ta commande", "Votre commande"),
    ],
)
def test_the_example_keeps_the_briefs_register(task: str, wanted: str, unwanted: str) -> None:
    prompt = _prompt(task)
    assert unwanted not in prompt
    if "<examples>" in prompt:
        assert wanted in prompt


def test_a_register_left_to_the_source_stays() -> None:
    assert "Match the register of the source" in _prompt("Translate our English help articles into Dutch.")


@pytest.mark.parametrize("task", [_NL_DE, _EN_DE])
def test_the_target_language_is_the_translations(task: str) -> None:
    prompt = _prompt(task)
    assert "read German" not in prompt
    assert "Write the translation in German." in prompt

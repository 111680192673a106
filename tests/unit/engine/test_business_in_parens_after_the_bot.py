"""The business named in brackets right after the bot ("unseren kundenservice-bot (Fahrradladen Speiche & Co,
Münster)") is whose the bot is."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.generate import generate


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "ich brauche einen prompt für unseren kundenservice-bot (Fahrradladen Speiche & Co, Münster). er soll "
            "fragen zu reparaturterminen beantworten.",
            "Fahrradladen Speiche & Co",
        ),
        ("Un asistente (Clínica Dental Sonrisa) para pedir citas por WhatsApp.", "Clínica Dental Sonrisa"),
    ],
)
def test_the_business_in_brackets_after_the_bot(task: str, name: str) -> None:
    assert extract_entities(task).organization == name


def test_a_bracketed_quality_is_no_business() -> None:
    assert extract_entities("Wir brauchen einen Chatbot (DSGVO-konform) für unsere Kunden.").organization is None


def test_the_shop_bounds_what_is_out_of_scope() -> None:
    task = (
        "ich brauche einen prompt für unseren kundenservice-bot (Fahrradladen Speiche & Co, Münster). er soll fragen "
        "zu reparaturterminen und öffnungszeiten beantworten. antworten kurz, max 4 sätze, du-form."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "questions about this product" not in prompt
    assert "Speiche & Co" in prompt.split("</role>")[0]


def test_answering_questions_from_the_pasted_rules_is_no_support_blend() -> None:
    """ "社内の経費精算に関する質問に答える … 経費規程に書いてあることだけ": answering questions from the document is
    the document job itself; no customer-support blend ("The customers read Japanese", escalation to an agent)."""
    task = (
        "社内の経費精算に関する質問に答えるチャットボットを作りたいです。回答は経費規程（下に貼り付けます）に書いてある"
        "ことだけにしてください。回答は3文以内、敬語で。"
    )
    result = generate(Brief(task=task, target="claude"))
    assert [a.id for a in result.archetypes] == ["document_qa"]
    assert "customers" not in result.prompt


def test_the_business_in_brackets_after_an_english_assistant() -> None:
    task = "Need a prompt for our dog grooming salon's booking assistant (Pawsh Parlour, Leeds)."
    assert extract_entities(task).organization == "Pawsh Parlour"


def test_a_bracketed_quality_after_an_english_bot_is_no_business() -> None:
    assert extract_entities("A support bot (GDPR-compliant) for our shop.").organization is None

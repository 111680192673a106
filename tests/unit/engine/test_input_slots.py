"""Input slots come only from inputs the caller really supplies: no slot from a verb ("review it"), none for a schema
the brief writes itself, one `message` slot for "a text or email", and a slot for material "we paste in"."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.brief import variable_cues


def _slots(task: str) -> list[str]:
    return [v.name for v in generate(Brief(task=task)).variables]


@pytest.mark.parametrize(
    "task",
    [
        "Our coding club writes Python games. When a kid shares a script, review it and point out two bugs.",
        "Homework helper: when a student sends an essay draft, please review the structure and suggest one fix.",
        "Mentor bot for junior designers: review each mock-up they describe and ask one question back.",
    ],
)
def test_review_as_a_verb_names_no_review_slot(task: str) -> None:
    assert "review" not in _slots(task)


@pytest.mark.parametrize(
    "text",
    ["Reply to each guest review on our booking page.", "Summarise the reviews of our cafe.", "Read the review."],
)
def test_review_as_a_noun_still_names_one(text: str) -> None:
    assert "review" in [v.name for v in variable_cues(text)]


def test_review_as_a_verb_is_no_cue() -> None:
    assert "review" not in [v.name for v in variable_cues("When a student pastes a sketch, review it.")]


@pytest.mark.parametrize(
    "task",
    [
        "Write read-only SQL for our gym. Tables: members(id, name, joined_on), visits(id, member_id, visited_at).",
        "Answer questions with SQLite. CREATE TABLE books (id INTEGER, title TEXT, author TEXT); keep it read-only.",
        "Turn questions into MySQL. The orders table has columns id, customer_id, total, placed_at. No DELETE.",
    ],
)
def test_a_schema_written_in_the_brief_is_no_slot(task: str) -> None:
    result = generate(Brief(task=task))
    assert "schema" not in [v.name for v in result.variables]
    assert "{{schema}}" not in result.prompt


def test_a_schema_to_be_pasted_still_gets_a_slot() -> None:
    assert "schema" in _slots("Write SQL for our analysts; the schema is pasted below. SELECT only.")


def test_a_json_schema_is_no_database_schema_slot() -> None:
    result = generate(
        Brief(
            task="Pull the booking details out of each email as JSON matching the schema.",
            json_schema={"type": "object", "properties": {"guest": {"type": "string"}, "nights": {"type": "integer"}}},
        )
    )
    assert "schema" not in [v.name for v in result.variables]


@pytest.mark.parametrize(
    ("task", "kinds"),
    [
        (
            "Scam checker for our seniors' club. A member pastes an SMS, email or letter they got about their bank. "
            "Classify it as one of: SCAM, UNSURE, OK.",
            ["SMS", "email", "letter"],
        ),
        (
            "The user forwards a text or e-mail, or describes a phone call, from their landlord. Classify it as one "
            "of: REPAIR, RENT, OTHER.",
            ["text", "e-mail", "phone call"],
        ),
    ],
)
def test_a_message_of_any_kind_is_one_message_slot(task: str, kinds: list[str]) -> None:
    variables = generate(Brief(task=task)).variables
    names = [v.name for v in variables]
    assert "email" not in names
    message = next(v for v in variables if v.name == "message")
    assert all(kind in message.description for kind in kinds)


def test_emails_alone_keep_the_email_slot() -> None:
    assert "email" in _slots("Sort incoming customer emails into billing, technical or sales.")


@pytest.mark.parametrize(
    ("task", "slot"),
    [
        ("Help desk bot for our gym. Answer members only from the timetable we paste in.", "timetable"),
        ("Asistente de la biblioteca. Responde solo con el reglamento que pegamos.", "reglamento"),
        ("Chatbot der Bäckerei. Antworte nur anhand der Produktliste, die wir einfügen.", "produktliste"),
        ("Assistant du camping. Réponds seulement avec le règlement que nous collons ci-dessous.", "reglement"),
        ("Assistente da escola. Responda só com o regulamento que colamos.", "regulamento"),
        ("Assistente del museo. Rispondi solo con gli orari che incolliamo.", "orari"),
        ("Assistent van de sportclub. Antwoord alleen met het rooster dat we hieronder plakken.", "rooster"),
    ],
)
def test_material_the_operator_pastes_gets_a_slot(task: str, slot: str) -> None:
    names = _slots(task)
    assert slot in names
    assert "document" not in names  # the pasted material is the source: no second, generic slot


def test_summarising_a_pasted_document_keeps_its_slot() -> None:
    assert "document" in _slots("Summarise the document I paste into five bullet points for the board.")


def test_a_chat_without_pasted_material_gets_no_document_slot() -> None:
    assert "document" not in _slots("Friendly chat bot for our bakery: greet people and tell them about our cakes.")


@pytest.mark.parametrize(
    "task",
    [
        "Mark answers to our food-hygiene quiz: give a score out of 10 and PASS or FAIL (PASS is 8 or more).",
        "Grade each driving-theory answer out of 5; it passes at 4 or more. Add one line of feedback.",
        "Grade each lab report PASS or FAIL and say which step was missing.",
    ],
)
def test_a_grader_with_its_own_scale_asks_for_no_rubric(task: str) -> None:
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "grader"
    assert [v.name for v in result.variables] == ["submission"]
    assert "{{rubric}}" not in result.prompt
    assert "rubric" not in result.prompt.lower()


@pytest.mark.parametrize(
    "task",
    [
        "Grade each essay out of 20 against the rubric I paste below.",
        "Score the answers 1-5 on each of our marking criteria.",
        "Grade the lab reports for our chemistry class.",
        "Grade each short story our pupils send on a 1-5 scale and add one line of praise.",
        "Grade the exam answers PASS or FAIL using our marking scheme.",
    ],
)
def test_a_grader_with_a_rubric_or_no_scale_keeps_the_rubric_slot(task: str) -> None:
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "grader"
    assert "rubric" in [v.name for v in result.variables]

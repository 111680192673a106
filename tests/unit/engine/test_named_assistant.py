"""The name a brief gives the assistant is who it is, not its business; its job said in the third person is its job;
a plant's disease is no person's health."""

from __future__ import annotations

import pytest

from app.engine.assistant_name import assistant_name, without_assistant_name
from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _role(task: str) -> str:
    prompt = _prompt(task)
    return prompt.split("<role>\n", 1)[1].split("\n", 1)[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A support chatbot called Fern for Greenleaf Garden Centre.", "Fern"),
        ("Build a chat bot for Greenleaf (call it Fern) that answers questions.", "Fern"),
        ("Support assistant for Acme. Its name is Max. Answer billing questions.", "Max"),
        ("The bot's name is Pip. It greets visitors.", "Pip"),
        ("Un asistente llamado Leo para la tienda.", "Leo"),
        ("Ein Bot namens Fritz für unsere Werkstatt.", "Fritz"),
        ("A webhook bot called from our CI pipeline.", None),
        ("An agent named in the ticket handles it.", None),
        ("A tool called Jira tracks the work.", None),
    ],
)
def test_the_name_of_the_assistant(text: str, name: str | None) -> None:
    assert assistant_name(text) == name


def test_the_name_leaves_the_text() -> None:
    assert without_assistant_name("Build a chat bot (call it Fern) that answers questions.") == (
        "Build a chat bot that answers questions."
    )
    assert without_assistant_name("A chatbot called Fern for Greenleaf.") == "A chatbot for Greenleaf."
    assert without_assistant_name("Support bot for Acme. Its name is Max. Answer billing questions.") == (
        "Support bot for Acme. Answer billing questions."
    )


def test_a_named_chatbot_is_no_business() -> None:
    role = _role("A support chatbot called Fern for Greenleaf Garden Centre. Answer questions about opening hours.")
    assert role.startswith("You are Fern, ")
    assert "for Greenleaf Garden Centre" in role
    assert "for Fern" not in role


def test_the_name_aside_leaves_the_job_line() -> None:
    prompt = _prompt("Build a chat bot for Greenleaf Garden Centre (call it Fern) that answers questions about hours.")
    role = prompt.split("<role>\n", 1)[1].split("\n", 1)[0]
    assert role.startswith("You are Fern, ")
    assert "Build a chat bot" not in prompt
    assert "call it Fern" not in prompt


def test_the_business_whose_chat_bot_it_is() -> None:
    role = _role("We need Greenleaf garden centre's chat bot. It answers questions about plants and opening hours.")
    assert "Greenleaf garden centre" in role
    assert "Use case: We need" not in _prompt("We need Greenleaf garden centre's chat bot. It answers questions.")


def test_a_job_said_of_the_assistant_is_a_rule() -> None:
    prompt = _prompt(
        "We need Greenleaf garden centre's chat bot (call it Fern). It answers questions about plants and checks "
        "stock with check_stock(sku)."
    )
    assert "1. Answer questions about plants and check stock with check_stock(sku)." in prompt
    assert "From the brief: It answers" not in prompt


def test_a_job_said_of_something_else_stays_background() -> None:
    prompt = _prompt(
        "Our app is a budgeting tool for students. It tracks spending and sends reminders. Support bot: answer "
        "questions about using the app."
    )
    assert "Track spending" not in prompt
    assert "It tracks spending and sends reminders." in prompt


def test_a_want_that_says_more_than_its_object_keeps_its_words() -> None:
    prompt = _prompt("I want the AI to play the interviewer: ask me product questions one at a time.")
    assert "Use case: The AI to play" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Sales chat bot for Greenleaf garden centre. Answer questions about plants, help diagnose plant diseases from "
        "descriptions and suggest treatments.",
        "Farm advisor bot: identify crop diseases from photos described in text and suggest a treatment for the crop.",
        "Garden helper: diagnose problems with houseplants (yellow leaves, root rot symptoms) and suggest treatments.",
    ],
)
def test_a_plant_disease_is_no_medical_case(task: str) -> None:
    prompt = _prompt(task)
    assert "chest pain" not in prompt
    assert "doctor or pharmacist" not in prompt


def test_a_person_poisoned_by_a_plant_keeps_the_medical_pack() -> None:
    prompt = _prompt(
        "Garden centre bot: diagnose leaf spot and suggest a treatment. If someone says a child ate a plant or has an "
        "allergic reaction to one, tell them to call the poison control line."
    )
    assert "emergency" in prompt

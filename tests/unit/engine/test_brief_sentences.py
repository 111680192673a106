"""Every sentence of the brief reaches the prompt: instructions as requirements, facts as context, and a brief not
written in English sentence by sentence in its own words."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _sections(task: str) -> tuple[str, str, str]:
    prompt = generate(Brief(task=task, target="claude")).prompt
    role = prompt.split("</role>")[0]
    context = prompt.split("<context>")[1].split("</context>")[0] if "<context>" in prompt else ""
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    return role, context, instructions


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "text adventure on a sinking submarine. Player dies = say THE END and offer a restart.",
            "Player dies = say THE END and offer a restart.",
        ),
        ("Helper for our bike shop. Stop after 3 suggestions and ask which they prefer.", "Stop after 3 suggestions"),
        ("Code review bot. Flag any IAM policy with wildcard actions.", "Flag any IAM policy with wildcard actions."),
    ],
)
def test_an_instruction_no_constraint_carries_is_a_requirement(task: str, rule: str) -> None:
    _, context, instructions = _sections(task)
    assert rule in instructions
    assert rule not in context


def test_a_fact_no_constraint_carries_stays_context() -> None:
    _, context, instructions = _sections("SQL helper for the data team. Tables are in the analytics dataset.")
    assert "Tables are in the analytics dataset." in context
    assert "Tables are in the analytics dataset." not in instructions


@pytest.mark.parametrize(
    ("task", "language", "sentences"),
    [
        (
            "Chatassistent voor Schuldhulp Zaanstad (gemeente). Schrijf op taalniveau B1, gebruik u. "
            "Vraag nooit naar BSN of bankgegevens.",
            "Dutch",
            ["Schrijf op taalniveau B1, gebruik u.", "Vraag nooit naar BSN of bankgegevens."],
        ),
        (
            "Asistente de WhatsApp para una escuela de surf. Antes de nada pide el nombre. "
            "Las cancelaciones son gratis hasta 24 horas antes.",
            "Spanish",
            ["Antes de nada pide el nombre.", "Las cancelaciones son gratis hasta 24 horas antes."],
        ),
        (
            "小城咖啡的排班助手。员工可以用它换班。请假超过3天的，告诉他们要找店长审批。",
            "Chinese",
            ["员工可以用它换班。", "请假超过3天的，告诉他们要找店长审批。"],
        ),
    ],
)
def test_a_foreign_brief_is_carried_sentence_by_sentence(task: str, language: str, sentences: list[str]) -> None:
    role, context, instructions = _sections(task)
    assert f"as the requester wrote it in {language}" in role + context
    for text in sentences:
        assert text.rstrip(".。") in instructions  # whole, or quoted whole by the rule read from it


def test_a_foreign_sentence_is_not_also_quoted_under_a_guessed_kind() -> None:
    _, _, instructions = _sections(
        "Gesprächsbegleiter für pflegende Angehörige. Sieze die Nutzer, warm aber nicht kitschig."
    )
    assert "Sieze die Nutzer, warm aber nicht kitschig." in instructions
    assert 'Follow this prohibition from the brief: "warm aber nicht kitschig"' not in instructions


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        (
            "Wir sind die Kinderarztpraxis Dr. Yilmaz & Dr. Brandt in Kassel. Eltern schreiben uns im Chat.",
            "Wir sind die Kinderarztpraxis Dr. Yilmaz & Dr. Brandt in Kassel.",
        ),
        (
            'Clasifica los avisos. Devuelve solo JSON así: {"categoria": "...", "ubicacion": "... o null"}. '
            "No contestes al vecino.",
            # the sentence stays whole; its JSON is the output format's schema, which it points to
            "Devuelve solo JSON así: (the JSON in the output format).",
        ),
    ],
)
def test_a_sentence_does_not_end_at_a_title_or_inside_json(task: str, kept: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert kept in prompt or kept.rstrip(".") in prompt


def test_a_step_before_anything_else_is_no_general_contact() -> None:
    task = (
        "Booking chat for a plumbing firm. IF ANYONE SMELLS GAS: before anything else, tell them to get out and ring "
        "the National Gas Emergency line 0800 111 999. Angry customers: use escalate_to_human(reason)."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "To escalate, tell them to call 0800 111 999" not in prompt
    example = prompt.split("<examples>")[1].split("</examples>")[0] if "<examples>" in prompt else ""
    assert "0800 111 999" not in example

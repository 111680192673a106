"""Round 46's hostile review, regressions 3 to 6: a tool gate needs a declared tool, replies to reviews need customers'
reviews, label sets need a tagging verb and alternatives, and a tool step named by its verb needs its object too."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.classify import score_all
from app.engine.constraints import extract_constraints
from app.engine.constraints.tool_steps import named_tool


def _kinds(task: str, kind: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize(
    "task",
    [
        "Checkout helper for our shop. PayPal must be offered before any other payment method.",
        "Extract leads as JSON. order_id first, always. Then name and email.",
        "Booking bot for holiday flats. NEVER give a door code unless check_booking found the booking.",
        "Form filler. customer_id first, every time.",
    ],
)
def test_no_tool_gate_without_a_declared_tool(task: str) -> None:
    orders = _kinds(task, "ordering")
    assert not [text for text in orders if "call " in text.lower()], orders


def test_a_declared_tool_still_gates() -> None:
    task = "Tools: verify_account(id), get_balance(id). Order: verify_account first, always."
    assert any("verify_account" in text for text in _kinds(task, "ordering"))


@pytest.mark.parametrize(
    "task",
    [
        "You review code. When developers reply to review comments, summarise the open threads.",
        "Help developers respond to code review comments on their merge requests.",
        "Eres un tutor de programación. Responde a los comentarios de los alumnos en el foro del curso.",
        "Answer peer review notes on our team's design docs.",
    ],
)
def test_review_comments_are_no_customer_reviews(task: str) -> None:
    assert all("replies to reviews" not in m.features for m in score_all(task)[:3])


@pytest.mark.parametrize(
    "task",
    [
        "Reply to our Trustpilot reviews politely, in under 80 words.",
        "Responde a los comentarios de clientes en Google Maps.",
        "Réponds aux commentaires des clients sur notre page.",
    ],
)
def test_customer_reviews_are_still_replied_to(task: str) -> None:
    assert any("replies to reviews" in m.features for m in score_all(task)[:2])


@pytest.mark.parametrize(
    "task",
    [
        "Help users write emails and add a subject (short, clear) and a greeting (formal/informal).",
        "Hilf beim Schreiben von E-Mails und versieh sie mit einer Anrede (Du oder Sie) und einem Gruß "
        "(kurz, herzlich).",
        "Write product blurbs and give each a headline (bold, punchy) and a call to action (Buy now/Learn more).",
        "Tag each post with its tone (warm, calm) and its length (short, long).",
    ],
)
def test_parts_of_a_text_are_no_label_sets(task: str) -> None:
    assert not [text for text in _kinds(task, "labels") if text.startswith("Assign exactly one")]


_TOOLS = {"lookup_customer": "", "send_sms": "", "create_invoice": ""}


@pytest.mark.parametrize("step", ["sending the invoice", "sending an invoice", "send invoices", "sending a text"])
def test_a_step_whose_object_is_not_the_tools_names_no_tool(step: str) -> None:
    assert named_tool(step, _TOOLS) is None


@pytest.mark.parametrize(("step", "tool"), [("sending the SMS", "send_sms"), ("sending", "send_sms")])
def test_a_step_with_the_tools_object_or_none_names_it(step: str, tool: str) -> None:
    assert named_tool(step, _TOOLS) == tool


def test_the_invoice_step_is_not_the_sms_tool_in_the_prompt() -> None:
    task = "Tools: lookup_customer, send_sms, create_invoice. Always call lookup_customer before sending the invoice."
    assert not [text for text in _kinds(task, "ordering") if "send_sms" in text]

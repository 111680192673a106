"""Formatting features read in context by the fidelity check: named things are no format, a request to list is."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints
from app.engine.constraints.model import BriefSpan
from app.engine.fidelity import check_fidelity
from app.engine.fidelity.formats import bans, names_a_thing, requests

ROLE = "You are the assistant of Osteria Lume, a restaurant in Turin.\n"


def _word_span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Only recommend wines from the wine list.", "list"),
        ("Never invent tasting notes for a wine that isn't on the list.", "list"),
        ("Give them the list of stores that carry it.", "list"),
        ("Quote prices from our price list.", "list"),
        ("Never add anyone to a mailing list without asking.", "list"),
        ("Show the table of contents first.", "table"),
        ("When a guest wants a table for four, confirm the time.", "table"),
        ("Book a table at 8 pm.", "table"),
        ("Consulta la lista de precios.", "lista"),
        ("Donne la liste des vins.", "liste"),
        ("Nenne nur Weine aus der Liste der offenen Weine.", "Liste"),
        ("Reserva una tabla para dos.", "tabla"),
    ],
)
def test_a_list_or_table_named_as_a_thing_is_no_format(text: str, word: str):
    start, end = _word_span(text, word)
    assert names_a_thing(text, start, end)
    assert not [f for f in requests(text) if f.start <= start < f.end]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Return the answer as a list.", "list"),
        ("Give a bulleted list of the steps.", "list"),
        ("Present the results in a table.", "table"),
        ("Use a comparison table.", "table"),
        ("Fill in the table below.", "table"),
        ("Do not use lists.", "lists"),
        ("Avoid long lists.", "lists"),
        ("Réponds sous forme de liste.", "liste"),
        ("Ne fais pas de listes.", "listes"),
        ("No uses listas.", "listas"),
    ],
)
def test_a_list_or_table_as_the_form_of_the_reply_is_format(text: str, word: str):
    start, end = _word_span(text, word)
    assert not names_a_thing(text, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Then list them all.",
        "List the three options.",
        "- List every store near the user.",
        "Summarise the call, then list the next steps.",
        "Enumera los pasos.",
        "Liste alle offenen Posten auf.",
        "Énumère les étapes du retour.",
        "Liste os documentos necessários.",
        "Nenne die Filialen als Liste.",
    ],
)
def test_a_request_to_list_things_asks_for_a_list(text: str):
    assert [f.name for f in requests(text)] == ["lists"]


@pytest.mark.parametrize(
    "text",
    [
        "Do not list the prices.",
        "List the three options in one sentence.",
        "List the steps in plain prose.",
        "Add it to the list.",
        "Compare the sale price and list price.",
    ],
)
def test_listing_in_running_text_or_a_negated_list_is_no_request(text: str):
    assert not requests(text)


def test_a_ban_does_not_reach_past_a_step_boundary():
    assert not bans("Don't give the answers until I type ANSWERS, then list them all.")
    assert not bans("dont give the answers til i type ANSWERS then list them all")
    assert [f.name for f in bans("Don't use lists or tables.")] == ["lists", "tables"]


def fidelity(task: str, prompt: str) -> list[str]:
    """FID-02 messages, and FID-01 messages about a format rule (the others depend on the rest of the prompt)."""
    findings = check_fidelity(extract_constraints(Brief(task=task)), ROLE + prompt)
    return [f.message for f in findings if f.rule_id == "FID-02" or "format rule" in f.message]


# A format word used as a noun, in the brief and in the prompt: nothing to carry, nothing contradicted.
NAMED_THINGS: list[tuple[str, str]] = [
    (
        "Wine pairing helper. Recommend at most 2 wines, only from the wine list. Never invent tasting notes for a"
        " wine that isn't on the list.",
        "Recommend at most 2 wines, only from the wine list. Never invent tasting notes for a wine that is not on"
        " the list.",
    ),
    (
        "Store finder. Give them the list of stores that carry it. No markdown.",
        "Do not use Markdown. Give them the list of stores that carry it.",
    ),
    (
        "Booking bot. Plain text, no tables. Confirm the time when someone wants a table for four.",
        "Plain text only; do not use tables. When a guest wants a table for four, confirm the time.",
    ),
    (
        "Newsletter helper. Never add anyone to a mailing list without asking.",
        "Only add people to the mailing list when they ask.",
    ),
    ("Quote prices. No lists.", "Do not use lists. Quote prices only from the price list."),
    (
        "Asistente de vinos. Sin listas ni markdown. Recomienda solo vinos de la carta.",
        "No uses listas ni Markdown. Consulta la lista de precios antes de responder.",
    ),
    ("Assistant de la cave. Pas de listes.", "N'utilise pas de listes. Recommande seulement la liste des vins."),
]


@pytest.mark.parametrize(("task", "prompt"), NAMED_THINGS)
def test_a_format_word_used_as_a_noun_is_no_format_rule(task: str, prompt: str):
    assert fidelity(task, prompt) == []


# The brief asks to list things; the prompt forbids lists.
LIST_REQUESTED: list[tuple[str, str]] = [
    (
        "Pub quiz host. Rounds of 10 questions, 4 options A-D each. Don't give the answers until I type ANSWERS,"
        " then list them all.",
        "Do not use lists or bullet points.",
    ),
    ("Support bot for Acme. Give the customer a short summary, then list the next steps.", "Never use lists."),
    ("Support bot for Acme. Summarise the call, then list the next steps.", "Never use lists in your replies."),
    ("Asistente de soporte. Enumera los pasos para devolver un pedido.", "No uses listas."),
    ("Support-Bot für Acme. Liste alle offenen Posten auf.", "Verwende keine Listen."),
    ("Assistant de support. Énumère les étapes du retour.", "N'utilise pas de listes."),
]


@pytest.mark.parametrize(("task", "prompt"), LIST_REQUESTED)
def test_a_prompt_that_forbids_the_list_the_brief_asks_for_contradicts_it(task: str, prompt: str):
    messages = fidelity(task, prompt)
    assert len(messages) == 1
    assert messages[0].startswith(f'"{prompt}" contradicts the brief, which asks for a list')


@pytest.mark.parametrize(
    "prompt",
    [
        "Reply in plain prose. List the three options.",
        "Reply in plain prose. Return the options as a list.",
        "Reply in plain prose. Use bullet points for the options.",
    ],
)
def test_a_prompt_that_asks_for_the_list_the_brief_forbids_contradicts_it(prompt: str):
    messages = fidelity("Support bot for Acme. No lists, plain prose only.", prompt)
    assert messages
    assert all("contradicts the brief's format rule" in m for m in messages)


@pytest.mark.parametrize(
    ("task", "prompt"),
    [
        # Listing in running text is not a list; a ban on bullet points leaves room for it.
        ("Support bot for Acme. No bullet points.", "Do not use bullet points. List the three options."),
        ("Support bot. List the three options in one sentence, no bullet points.", "Do not use bullet points."),
        ("Support bot for Acme. No lists.", "Do not use lists. Name the three options in one sentence."),
        # The prompt scopes its ban.
        ("Support bot. Summarise the call, then list the next steps.", "Do not use lists unless you list steps."),
        ("Email helper. Summarise the thread, then list the open questions.", "Never use lists in the subject line."),
    ],
)
def test_scoped_or_running_text_lists_are_no_contradiction(task: str, prompt: str):
    assert fidelity(task, prompt) == []


def test_a_request_is_read_from_any_constraint_span():
    """The check reads the brief's words through every constraint's span, whatever its kind."""
    task = "Summarise the meeting, then list the action items."
    span = BriefSpan(field="task", start=0, end=len(task), text=task)
    constraint = Constraint(kind="ordering", text=task, span=span, first="summarise", then="list the action items")
    findings = check_fidelity([constraint], ROLE + "Summarise the meeting first. Never use lists.")
    findings = [f for f in findings if f.rule_id == "FID-02"]
    assert len(findings) == 1
    assert findings[0].message.startswith('"Never use lists." contradicts the brief, which asks for a list')

"""Dashed lists in a brief: each item is a sentence of its own, a list of fragments stays with the line that
introduces it, and the tools of a list are tools even when only one line says so."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.compose.details import task_details
from app.engine.constraints import Constraint, extract_constraints


def _prompt(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert isinstance(prompt, str)
    return prompt


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def _numbered_rules(prompt: str) -> list[str]:
    return [line.split(". ", 1)[1] for line in prompt.splitlines() if line[:1].isdigit() and ". " in line[:4]]


COMPANION = (
    "We run a small walking club, Fellside Strollers. We want a chat helper on our site for new members who feel "
    "nervous about joining a group walk.\n"
    "- never give medical advice about fitness or injuries, that's for their GP\n"
    "- if someone says they have chest pain on a walk, tell them to call 999\n"
    "- max 60 words per reply, no lists, talk like a friend"
)


def test_each_dashed_item_is_a_rule_of_its_own() -> None:
    rules = _numbered_rules(_prompt(COMPANION))
    assert any(rule.startswith("Max 60 words per reply") for rule in rules), rules
    # the item before it ended with no full stop: it must not run into the next item
    assert not any("GP - if someone" in rule or "GP if someone" in rule for rule in rules), rules
    assert not any(rule.startswith("- ") for rule in rules), rules


def test_a_foreign_rule_list_under_a_heading_is_one_rule_per_item_without_the_heading() -> None:
    task = (
        "Somos a biblioteca municipal de Olinda e queremos um assistente para responder dúvidas dos leitores.\n"
        "Regras:\n"
        "- responda sempre em português, frases curtas\n"
        "- nunca peça CPF nem endereço\n"
        "- se perguntarem por multas, diga para falar com o balcão"
    )
    rules = _numbered_rules(_prompt(task))
    assert "Regras:" not in rules
    assert not any(rule.startswith("Regras") for rule in rules), rules
    assert any(rule.startswith("responda sempre em português") for rule in rules), rules
    assert any("se perguntarem por multas" in rule for rule in rules), rules


def test_a_list_of_fragments_stays_with_the_line_that_introduces_it() -> None:
    task = (
        "Mark my Year 8 pupils' lab write-ups on pendulums against this scheme.\n"
        "Scheme (6 marks):\n"
        "- names the independent variable (1)\n"
        "- repeats each swing timing three times (2)\n"
        "- plots length against period (2)\n"
        "- states a conclusion (1)\n"
        "Be fair but firm."
    )
    details = task_details(task, extract_constraints(Brief(task=task)))
    joined = [d for d in details if d.startswith("Scheme (6 marks):")]
    assert joined, details
    for criterion in ("names the independent variable (1)", "plots length against period (2)", "states a conclusion"):
        assert criterion in joined[0]


def test_a_list_of_rules_under_a_lead_line_is_not_joined() -> None:
    task = (
        "Answer questions from tenants of Elm Court about the building.\n"
        "Some rules:\n"
        "- always give the caretaker's number 0161 555 0199 for repairs\n"
        "- never promise a repair date\n"
        "- keep every answer under 80 words"
    )
    details = task_details(task, extract_constraints(Brief(task=task)))
    assert not any("; " in d and "caretaker" in d and "repair date" in d for d in details), details


def test_a_blank_line_ends_a_sentence_but_not_after_a_colon() -> None:
    task = (
        "Score each essay from 1 to 5.\n\n"
        "Reply with this JSON only:\n\n"
        '{"score": 3, "reason": "..."}\n\n'
        "Keep the reason under 20 words"
    )
    details = task_details(task, extract_constraints(Brief(task=task)))
    assert not any(d.strip() in {"(the JSON in the output format)", "{"} for d in details), details


def test_plain_words_with_parameters_beside_a_listed_tool_are_tools_too() -> None:
    task = (
        "Buchungsassistent für den Segelclub Möhnesee. Du hast diese Funktionen:\n"
        "- boote_finden(datum, klasse) – zeigt freie Boote\n"
        "- buchen(boot_id, mitglied_nr, von, bis)\n"
        "- absagen(buchungs_id)\n"
        "Antworte kurz."
    )
    tools = {c.name: c for c in _kinds(task, "tool")}
    assert set(tools) == {"boote_finden", "buchen", "absagen"}
    assert "zeigt freie Boote" in (tools["boote_finden"].value or "")
    assert tools["buchen"].value is None  # the next line of the list is not what `buchen` does


def test_a_table_list_without_a_tool_is_no_tool() -> None:
    task = "SQL helper for our shop. Tables:\n- orders(order_id, customer_id, total)\n- customers(customer_id, name)"
    assert not [c for c in _kinds(task, "tool") if c.name in {"orders", "customers"}]


def test_a_call_chain_in_code_is_no_tool() -> None:
    task = "Help people write Alembic migrations. Indexes go inside op.get_context().autocommit_block()."
    assert not [c for c in _kinds(task, "tool") if c.name == "op.get_context"]


@pytest.mark.parametrize(
    "task",
    [
        "A chat companion for carers. It listens and mentions our support line (carersnorth.org.uk/support).",
        "Point people to www.riverbend.org/help or riverbend.org/contact when they are stuck.",
    ],
)
def test_a_web_address_and_its_path_are_no_label_set(task: str) -> None:
    assert not _kinds(task, "labels")


def test_the_values_a_column_holds_are_no_label_set() -> None:
    task = "SQL assistant for our analysts. status values are 'open', 'shipped', 'returned'."
    assert not _kinds(task, "labels")
    assert "Assign exactly one label" not in _prompt(task)


def test_a_fragment_under_a_heading_is_no_scope_restriction_but_select_only_still_is() -> None:
    indexes = _prompt("Help developers write Postgres migrations.\n- Indexes: CREATE INDEX CONCURRENTLY only.")
    assert "Only help with CREATE INDEX CONCURRENTLY" not in indexes
    assert "Indexes: CREATE INDEX CONCURRENTLY only" in indexes
    select = _kinds("SQL helper for our analysts. Read-only: SELECT only.", "requirement")
    assert any(c.text == "Write only SELECT statements." for c in select)


def test_writing_migrations_is_a_coding_job_for_no_audience_in_particular() -> None:
    result = generate(
        Brief(
            task="We want a Slack bot that helps people write Alembic migrations in Python for our backend team.",
            target="claude",
        )
    )
    assert result.archetypes[0].id == "coding_assistant"
    assert "Audience: people" not in result.prompt
    assert "depth at people" not in result.prompt


def test_a_brief_that_has_the_assistant_suggest_things_drops_the_advice_only_when_asked_default() -> None:
    task = (
        "A chat companion for new dads who feel overwhelmed. It listens, suggests small practical things to try, "
        "and mentions our dads' group."
    )
    assert "Offer advice or opinions only when" not in _prompt(task)


@pytest.mark.parametrize(
    "sentence",
    ["Every migration needs a working downgrade().", "Anything that locks a table for minutes is a no-go."],
)
def test_needs_a_and_no_go_sentences_are_rules(sentence: str) -> None:
    task = f"Help our developers write database migrations. {sentence}"
    rules = _numbered_rules(_prompt(task))
    assert any(sentence.rstrip(".") in rule for rule in rules), rules

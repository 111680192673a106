"""A safety pack's generic route gives way to the route the brief states for the same case, and answers rest on
every source the brief names, retrieved the way the brief says."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate

_PARENT_OR_TEACHER = "talk to a trusted adult, such as a parent or teacher"
_LAWYER = "suggest a qualified lawyer or legal aid service for that"


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    ("task", "own_route"),
    [
        (
            "Practice interviewer for teens applying to be camp counsellors, ages 14-17. If a teen shares something "
            "that sounds like they're unsafe or being harmed, stop and give them Childline 0800 1111 and "
            "safeguarding@pinecrestcamp.org.",
            "Childline 0800 1111",
        ),
        (
            "Tutor de matemática para crianças de 9 a 11 anos. Se a criança contar que alguém está machucando ela, "
            "dizer para falar com a professora e que pode ligar para o Disque 100.",
            "Disque 100",
        ),
    ],
)
def test_a_childrens_brief_with_its_own_safeguarding_route_drops_parent_or_teacher(task: str, own_route: str) -> None:
    prompt = _prompt(task)
    assert _PARENT_OR_TEACHER not in prompt
    assert own_route in prompt


def test_a_childrens_brief_without_a_safeguarding_route_keeps_the_pack_rule() -> None:
    assert _PARENT_OR_TEACHER in _prompt("Spelling game for children aged 6 to 8. Keep it fun.")


def test_a_brief_that_states_its_own_legal_referral_drops_the_generic_lawyer() -> None:
    prompt = _prompt(
        "Tenants' union Q&A. It's not a lawyer and must say so when someone asks what they should do in their "
        "specific case - suggest our free Thursday legal clinic."
    )
    assert _LAWYER not in prompt
    assert "Thursday legal clinic" in prompt


def test_a_legal_brief_without_its_own_referral_keeps_the_pack_rule() -> None:
    assert _LAWYER in _prompt("Answer tenants' questions about eviction notices and deposits in Ontario.")


TWO_SOURCES = (
    "Build an assistant for our tenants' union that answers ONLY from two sources, which it searches with "
    'search_docs(query, source) where source is "handbook" (our member handbook) or "ordinance" (the city rent '
    "stabilization ordinance)."
)


def test_answers_rest_on_every_source_the_brief_names() -> None:
    prompt = _prompt(TWO_SOURCES)
    assert "Answer only from the handbook and the ordinance" in prompt
    assert "Answer only from the handbook;" not in prompt


def test_documents_a_tool_searches_get_no_pasted_document_slot() -> None:
    assert "{{document}}" not in _prompt(TWO_SOURCES)


def test_a_pasted_source_without_a_search_tool_keeps_its_slot() -> None:
    assert "{{document}}" in _prompt("Answer staff questions using only the employee handbook.")


def test_one_source_stays_one_source() -> None:
    prompt = _prompt("Answer billing questions for Acme using the help-center article.")
    assert "Answer only from the help-center article;" in prompt

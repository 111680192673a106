"""A reply outline written in the brief (named sections, one per line, under "in this format:") is the reply's format;
a limit on a section's line limits that section; words written in place of a missing detail are not the whole reply;
the veterinary pack needs someone who owns the animal."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.constraints.sections import find_outline

HANDOVER = """We do a handover at 8am and 8pm at the food bank. Summarise the volunteer's notes in this format:

STOCK LOW - every item under 10 units, with shelf code and count. This list must be complete, never shorten it.
ISSUES - anything broken, late or missing. Max 4 bullets.
EVERYTHING ELSE - max 2 bullets.

If the notes don't give a count, write "count not recorded" - don't guess."""


def _prompt(task: str, target: str = "claude") -> str:
    return generate(Brief(task=task, target=target)).prompt


def test_outline_sections_are_read_in_order() -> None:
    outline = find_outline(HANDOVER)
    assert outline is not None
    assert [s.heading for s in outline.sections] == ["STOCK LOW", "ISSUES", "EVERYTHING ELSE"]
    assert outline.sections[1].description == "anything broken, late or missing. Max 4 bullets."


@pytest.mark.parametrize("target", ["claude", "gpt"])
def test_section_limits_limit_their_section_not_the_reply(target: str) -> None:
    limits = {c.maximum: c.scope for c in extract_constraints(Brief(task=HANDOVER)) if c.kind == "limit"}
    assert limits == {4: "the ISSUES section", 2: "the EVERYTHING ELSE section"}
    prompt = _prompt(HANDOVER, target)
    assert "Keep the reply to at most 4 bullets" not in prompt
    assert "Keep the reply to at most 2 bullets" not in prompt
    stock, issues, rest = (prompt.index(f"- {h}:") for h in ("STOCK LOW", "ISSUES", "EVERYTHING ELSE"))
    assert stock < issues < rest
    # The line that belongs to a section is said on it, not as a rule out of context before the list exists.
    assert prompt.count("This list must be complete") == 1
    assert "in this format" not in prompt


def test_outline_replaces_the_default_reply_order() -> None:
    prompt = _prompt(HANDOVER)
    assert "Lead with the main conclusion" not in prompt
    assert "main point first" not in prompt


def test_words_for_a_missing_detail_go_in_its_place() -> None:
    fallbacks = [c for c in extract_constraints(Brief(task=HANDOVER)) if c.kind == "fallback"]
    assert [c.value for c in fallbacks] == ["count not recorded"]
    prompt = _prompt(HANDOVER)
    assert 'write "count not recorded" in its place' in prompt
    assert 'reply exactly: "count not recorded"' not in prompt


def test_a_whole_reply_fallback_stays_a_whole_reply() -> None:
    prompt = _prompt('Answer questions about our opening hours. If you don\'t know, reply "Please call the shop."')
    assert 'reply exactly: "Please call the shop."' in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Write the weekly update using this structure:\n**Wins:** up to 3 bullets\n**Risks:** one line each\n"
        "**Next week:** max 5 bullets",
        "Structure de la réponse :\nRÉSUMÉ : 2 phrases maximum\nACTIONS : une liste numérotée",
        "回答の構成:\n【要約】3行以内\n【対応】箇条書き",
    ],
)
def test_outline_forms(task: str) -> None:
    outline = find_outline(task)
    assert outline is not None
    assert len(outline.sections) >= 2
    prompt = _prompt(task)
    assert all(section.heading in prompt for section in outline.sections)
    assert "Use these sections, in this order" in prompt


@pytest.mark.parametrize(
    "task",
    [
        # a label list, an input's shape and brief settings share the shape but are no reply outline
        "Sort incoming mail. Labels:\nSPAM - unsolicited ads\nHAM - normal mail\nPHISHING - asks for passwords",
        "The tickets come in this format:\nID: a number\nBody: the customer's text\nReply to each ticket politely.",
        "Write a product description.\nTone: friendly\nAudience: parents\nLength: short",
        "Extract the fields in this format:\nname: the customer's name\nemail: their email\nReturn JSON only.",
    ],
)
def test_look_alikes_are_no_outline(task: str) -> None:
    assert not any(c.kind == "format" and c.value == "sections" for c in extract_constraints(Brief(task=task)))


def test_veterinary_pack_needs_an_animal_owner() -> None:
    rescue = (
        "Summarise the night notes at our wildlife rescue for the vets: which animals had medication, which got worse."
    )
    clinic = "Answer pet owners' questions for our vet clinic: opening hours, vaccinations, what to bring."
    assert "owner describes signs of an emergency" not in _prompt(rescue)
    assert "owner describes signs of an emergency" in _prompt(clinic)

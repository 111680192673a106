"""A reply outline written in the brief (named sections, one per line, under "in this format:") is the reply's format;
a limit on a section's line limits that section; words written in place of a missing detail are not the whole reply;
the veterinary pack needs someone who owns the animal."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.constraints.sections import find_outline
from app.engine.constraints.sentence_case import instruction_case
from app.engine.unwrap import unwrap

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


TRIAGE = """I run a text line for farmers in trouble. Read each incoming text and (1) sort it into URGENT, TODAY or
ROUTINE and (2) write a short holding reply the volunteer can send.

URGENT = any mention of suicide, self harm or someone else being in danger. TODAY = clearly distressed but no risk
words. ROUTINE = practical stuff like grant forms.

For URGENT the reply must include this sentence exactly: "If you are in danger right now please call 999, or ring \
Samaritans free on 116 123 at any time." and the label line has to come first.

Output:
LABEL: <one label>
REPLY: <the reply, max 60 words>

dont be preachy, these are blunt people. never promise a call at a set time, we definitely cant guarantee that. \
when unsure between two labels pick the more urgent one."""


def test_line_template_is_the_reply_and_its_limit_is_the_reply_lines() -> None:
    prompt = _prompt(TRIAGE)
    assert "Reply with exactly these lines, in this order:\nLABEL: <one label>\nREPLY: <the reply, max 60 words>" in (
        prompt
    )
    assert "Keep the reply to at most 60 words" not in prompt
    assert "Return exactly one label from the set" not in prompt  # the label is one line of two


def test_label_definition_is_a_rule_not_a_ban() -> None:
    constraints = extract_constraints(Brief(task=TRIAGE))
    assert not any(c.kind == "prohibition" and "risk words" in c.text for c in constraints)
    assert 'Use "TODAY" for clearly distressed but no risk words.' in _prompt(TRIAGE)


def test_number_inside_a_sentence_to_carry_stays_in_that_sentence() -> None:
    fallbacks = [c for c in extract_constraints(Brief(task=TRIAGE)) if c.kind == "fallback"]
    assert {c.value for c in fallbacks} == {"999", "116 123"}  # still understood, and shown as understood
    prompt = _prompt(TRIAGE)
    assert "tell the user to call 999" not in prompt
    assert "tell the user to call 116 123" not in prompt
    assert 'at any time.".' not in prompt  # no stray full stop after the quote
    assert "for URGENT" not in prompt.split("</role>")[0]  # "For URGENT the reply …" opens a case, names no business


def test_clause_split_off_a_sentence_drops_its_joining_word() -> None:
    assert instruction_case("and the label line has to come first") == "The label line has to come first."
    assert instruction_case("and so on") == "And so on."  # too short to stand alone without it


def test_hard_wrapped_lines_are_one_sentence() -> None:
    wrapped = "Read each incoming text and sort it into URGENT, TODAY or\nROUTINE, then write a short holding reply."
    assert unwrap(wrapped) == wrapped.replace("\n", " ")
    labels = [c for c in extract_constraints(Brief(task=wrapped)) if c.kind == "labels"]
    # extract_constraints reads the brief as given; generate unwraps it first
    assert "ROUTINE" in _prompt(wrapped).split("<output_format>")[1]
    assert labels  # the label set is read either way
    kept = "Labels:\nspam\nham\nphishing"
    assert unwrap(kept) == kept  # short lines are items, not a wrapped sentence
    outline = (
        "Summarise the meeting notes for the whole team in this format, one section each:\n"
        "DECISIONS - bullets\nRISKS - bullets"
    )
    assert unwrap(outline) == outline


def test_brief_settles_keywords_doubt_and_reader_words() -> None:
    prompt = _prompt(TRIAGE)
    assert "not on isolated keywords" not in prompt  # "any mention of" labels on the words themselves
    assert "fits the main point best" not in prompt  # "when unsure between two labels pick the more urgent one"
    assert not any(c.kind == "tone" for c in extract_constraints(Brief(task=TRIAGE)))  # the readers are blunt
    assert "Use a blunt tone" not in prompt
    assert ". We definitely can't guarantee that." not in prompt.replace("\n", " ").split("<instructions>")[1]


def test_missing_value_written_in_a_named_column() -> None:
    task = (
        "Pull the key terms out of NDAs. Return a table with the columns Term | Value | Clause. "
        'If the NDA doesn\'t say, write "not stated" in Value.'
    )
    prompt = _prompt(task)
    assert 'write "not stated" in Value.' in prompt
    assert "mark that cell as missing" not in prompt

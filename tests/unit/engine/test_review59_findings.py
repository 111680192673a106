"""Review 59 of 91aa506 and a186041: regressions of the new readers on briefs real users write.

Each test names the mechanism it probes and the behaviour a shippable prompt needs; every one fails on a186041 and
passes on 0a698a6.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.sections import layout_block
from app.engine.generate import read_constraints
from tests.unit.engine.reading import claude_prompt as _prompt

# --- _ONE_SENTENCE (constraints/clauses.py, 91aa506): a fixed message of two sentences is cut at the first --------


@pytest.mark.parametrize(
    ("task", "whole"),
    [
        (
            "Front desk bot for Oak Street Dental. If someone asks about emergency appointments after hours, reply "
            "with exactly this message: Our office is closed right now. Please call our emergency line at 555-0142. "
            "Keep all other replies under 80 words.",
            "Our office is closed right now. Please call our emergency line at 555-0142.",
        ),
        (
            "HR assistant. If someone asks about salary bands, reply with exactly this message: I can't share salary "
            "information. Please contact hr@acme.example. Otherwise help with policy questions in a friendly tone.",
            "I can't share salary information. Please contact hr@acme.example.",
        ),
        (
            "Bot for a library. If a user asks for the opening hours on holidays, say exactly this line: We are closed "
            "on public holidays. Our online catalogue stays open 24/7.",
            "We are closed on public holidays. Our online catalogue stays open 24/7.",
        ),
    ],
)
def test_a_fixed_message_of_two_sentences_stays_whole(task: str, whole: str) -> None:
    """_ONE_SENTENCE: 'exactly this message:' / 'exactly this line:' fixes a message or a line, which often holds two
    sentences (a refusal, then the contact). a186041 ends the fixed text at its first '.', so the bot says only 'Our
    office is closed right now.' and the phone number / email becomes a rule of its own (or the generic escalation
    contact, 'Otherwise help with policy questions …, tell the user to email hr@…'). The whole message must stay
    inside the one fixed-reply rule."""
    assert f"this message: {whole}" in _prompt(task) or f"this line: {whole}" in _prompt(task)


# --- _RESTRICTED (constraints/people.py, a186041): any negative in the clause vetoes the ages as audience ------------


@pytest.mark.parametrize(
    ("task", "ages"),
    [
        ("Bot for a senior centre: most users are 75+ and cannot see small print, so use short lines.", "75+"),
        (
            "Spelling game bot. Players are 7 to 9 years old and can't type fast; keep questions to one word answers.",
            "7 to 9",
        ),
        ("利用者は70歳以上が中心で、スマホの操作ができない方も多いです。ゆっくり丁寧に説明してください。", "70歳以上"),
        (
            "Bot für unsere Bibliothek. Die Nutzer sind 8 bis 12 Jahre alt und dürfen nicht ohne Eltern ausleihen. "
            "Erkläre einfach.",
            "8 bis 12",
        ),
    ],
)
def test_readers_who_cannot_do_something_are_still_the_audience(task: str, ages: str) -> None:
    """_RESTRICTED: meant for 'under-16s are not allowed' (an age group a rule keeps out). a186041 fires on any
    'cannot' / 'can't' / 'できない' / 'dürfen nicht' in the clause, so readers described by what they cannot do
    ('users are 75+ and cannot see small print', 'players are 7 to 9 and can't type fast') lose their audience, and
    for the 7-9 year olds the child-safety pack disappears from the prompt. The ages must stay the audience."""
    audience = [c for c in read_constraints(Brief(task=task)) if c.kind == "audience"]
    assert any(ages in (c.value or "") for c in audience)


def test_child_players_keep_the_child_safety_rules() -> None:
    """_RESTRICTED, end to end: 'Players are 7 to 9 years old and can't type fast' must keep the child-safety pack
    (personal information, trusted adult); a186041 drops it with the audience."""
    prompt = _prompt(
        "Spelling game bot. Players are 7 to 9 years old and can't type fast; keep questions to one word answers."
    )
    assert "trusted adult" in prompt


# --- _CODE_ONLY (constraints/formats.py, a186041): 'only the code I / you / they …' is no longer code-only --------


@pytest.mark.parametrize(
    "task",
    [
        "SQL helper for our Postgres warehouse. Return only the SQL I can paste straight into psql.",
        "Bash helper. Reply with just the code you would run, nothing else.",
        "Shell assistant: give me only the command I need to run, no commentary.",
        "Regex bot. Output only the regex they asked for.",
    ],
)
def test_only_the_code_followed_by_who_uses_it_is_still_code_only(task: str) -> None:
    """_CODE_ONLY: the new '(?!… (that)? you|we|they|i)' lookahead (meant for 'The only code you ever ask for is the
    login code') also vetoes the everyday 'only the SQL I can paste', 'just the code you would run', 'only the regex
    they asked for': the code-only format is lost (0a698a6 reads 'Reply with the code only.')."""
    assert any(c.kind == "format" and c.value == "code" for c in read_constraints(Brief(task=task)))


# --- _LAYOUT_WORDS (constraints/sections.py, 91aa506): bracket slots are layout too --------------------------------


def test_a_parted_layout_with_bracket_slots_keeps_all_its_parts() -> None:
    """_LAYOUT_WORDS: a parted layout continues only into parts whose lines read as layout; '<…>' and '{…}' count as
    slots but '[owner]: [task] by [date]' does not, so a186041 keeps only '=== SUMMARY ===' and drops ACTION ITEMS
    and RISKS from the reply's exact layout."""
    block = layout_block(
        "Meeting notes bot. Use exactly this layout:\n=== SUMMARY ===\n[2-3 sentences]\n\n=== ACTION ITEMS ===\n"
        "- [owner]: [task] by [date]\n\n=== RISKS ===\n- [risk and mitigation]\n\nKeep it factual."
    )
    assert block is not None
    assert "=== ACTION ITEMS ===" in block.specs
    assert "=== RISKS ===" in block.specs

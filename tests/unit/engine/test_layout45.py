"""The brief's own fixed lines and line shapes reach the prompt whole (round 45's class 1).

A layout given after "Use this layout:" keeps its line names even when a sentence before it speaks of the input; a
bar-separated line inside a sentence ("one line each: LEVEL | … | …") is the reply's line; "never say X - say Y"
keeps Y; a brief's all-clear or mistake reply drops the archetype's own; an aside that says what a term means stays
with it; a participle and an "if it …" case keep the subject their sentence shares.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.generate import read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _output_section(prompt: str) -> str:
    lower = prompt.lower()
    start = max(lower.find("<output_format>"), lower.find("# output format"))
    return prompt[start : start + 700]


# A sentence about the input before "Use this layout:" leaves the layout the reply's.
LAYOUTS = {
    "en": (
        "Write product pages for our bike shop. I'll paste the spec sheet for each bike. Use this layout:\n\n"
        "NAME: max 60 characters\nRIDE LINE: one sentence about the ride\nBODY: 50-80 words\n"
        'FEATURES: exactly 4 bullets\n\nNever write "best ever". UK spelling.',
        ["NAME:", "RIDE LINE:", "BODY:", "FEATURES:"],
    ),
    "labels": (
        "Summarise support tickets for the on-call team. You will get the ticket text with its labels. Follow this "
        "format:\nCUSTOMER: company name only\nPROBLEM: max 20 words\nNEXT STEP: one sentence\n\nNo staff names.",
        ["CUSTOMER:", "PROBLEM:", "NEXT STEP:"],
    ),
}


@pytest.mark.parametrize("lang", sorted(LAYOUTS))
def test_layout_after_an_input_sentence_keeps_its_line_names(lang: str) -> None:
    task, names = LAYOUTS[lang]
    output = _output_section(_prompt(task))
    for name in names:
        assert name in output


# "one line each: A | B | C" inside a sentence: that line, bars included, is the reply's.
PIPE_LINES = {
    "en": (
        "Check invoices for errors. At most 8 findings, one line each: LEVEL | invoice no. | problem | "
        "correction. LEVEL is HIGH, MEDIUM or LOW. No greetings.",
        "LEVEL | invoice no. | problem | correction",
    ),
    "de": (
        "Prüfe Rechnungen auf Fehler. Höchstens 6 Befunde, je eine Zeile: STUFE | Rechnungsnr. | Problem | "
        "Korrektur. STUFE ist HOCH, MITTEL oder NIEDRIG.",
        "STUFE | Rechnungsnr. | Problem | Korrektur",
    ),
    "slot": (
        "Review Python PRs for our data team. Each finding on one line: [SEVERITY] path:line | problem | fix. "
        'At most 4 findings. If the diff is fine, output only "LGTM".',
        "[SEVERITY] path:line | problem | fix",
    ),
}


@pytest.mark.parametrize("case", sorted(PIPE_LINES))
def test_bar_line_inside_a_sentence_is_the_reply_line(case: str) -> None:
    task, line = PIPE_LINES[case]
    prompt = _prompt(task)
    assert f"`{line}`" in _output_section(prompt)
    assert "numbered list" not in prompt


def test_slot_colon_starts_no_label_set() -> None:
    task = PIPE_LINES["slot"][0]
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]


def test_arrow_all_clear_replaces_the_reviewer_default() -> None:
    task = (
        'Review Go pull requests for our payments team. Max 6 findings. Nothing to flag -> "LGTM - ship it". No praise.'
    )
    prompt = _prompt(task)
    assert "No blocking issues found" not in prompt
    assert '"LGTM - ship it"' in prompt


def test_arrow_case_in_german_is_no_prohibition() -> None:
    task = 'Prüfe Rechnungen auf Fehler. Höchstens 6 Befunde. Keine Befunde -> "Alle Rechnungen korrekt."'
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        ('Chat helper for our gym. Never say "cancelled" - say "paused for now". Keep it short.', "paused for now"),
        ('Spelling buddy for kids. Never say "incorrect" - say "Almost! Have another go." Max 2 sentences.', "Almost!"),
    ],
)
def test_never_say_keeps_what_to_say_instead(task: str, kept: str) -> None:
    bans = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert any(kept in ban for ban in bans)
    assert not any(ban.endswith('.".') for ban in bans)


def test_brief_mistake_reply_replaces_the_tutor_default() -> None:
    task = (
        'Times-tables tutor for 7-year-olds. Ask one sum at a time. Never say "wrong" - say "Good try, '
        'look again!" Max 2 sentences.'
    )
    assert "When the student makes a mistake" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "aside"),
    [
        ('Reading helper for kids. Always use "robot talk" (sounding out, like c-a-t) before blending.', "c-a-t"),
        ("Piano coach. Always do a warm-up (five-finger scales, like C-D-E-F-G) before the new piece.", "C-D-E-F-G"),
    ],
)
def test_aside_that_defines_a_term_stays_with_it(task: str, aside: str) -> None:
    rules = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "ordering"]
    assert any(aside in rule for rule in rules)


def test_participle_ban_keeps_its_subject() -> None:
    task = (
        "Write listings for used phones. Storage exactly as on the sheet, never rounded up; if it's missing "
        'write "Storage: ask us". UK spelling.'
    )
    found = read_constraints(Brief(task=task))
    texts = [c.text for c in found]
    assert "Never rounded up." not in texts
    assert any(t.startswith("Storage exactly as on the sheet, never rounded up") for t in texts)
    cases = [c for c in found if c.kind == "fallback"]
    assert cases
    assert cases[0].condition is not None
    assert "storage" in cases[0].condition

"""The brief's own output picks the frame, and a default for a step the brief fixes gives way.

A JSON record read from each pasted text is an extractor's job (not an intake chat or an e-mail drafter); a reply
that ends with a label line keeps the reply's frame; a moderator that returns a JSON record keeps its own frame;
copy written from facts is a copywriter's; and the tutor's retry loop, the translator's notes and the reviewer's
severity set give way to the brief's own feedback, "no explanations" and severities.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.job_choice import classify_brief


def _ids(task: str) -> list[str]:
    brief = Brief(task=task)
    return [match.id for match in classify_brief(brief, extract_constraints(brief))]


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


# --- a JSON record read from each text ------------------------------------------------------------------------------

_RECORDS = [
    # intake notes written by staff, turned into a record (no one is questioned)
    "Our bike repair shop staff scribble intake notes at the counter like 'Trek FX3, rear brake rubbing, wants full "
    "tune, max 90 quid'. I need each note turned into JSON for our workshop board, exactly these keys: "
    '{"make": string, "model": string or null, "faults": [strings], "budget_gbp": number or null, '
    '"call_first": true/false}. JSON only.',
    # e-mails arriving at a guest house, one JSON per e-mail
    "We run a guest house; enquiries come in by e-mail in English and Welsh. For each email give me ONLY this JSON: "
    '{"guest_name": string, "arrival": "YYYY-MM-DD" or null, "nights": int, "guests": int, "dog": bool}. '
    "No text before or after it.",
]


@pytest.mark.parametrize("task", _RECORDS)
def test_a_json_record_from_each_text_is_an_extraction_job(task: str) -> None:
    assert _ids(task)[0] == "data_extraction"
    prompt = _prompt(task)
    assert "ask whether anything is missing" not in prompt
    assert "draft the reply" not in prompt.lower()


def test_a_drafted_reply_in_a_json_envelope_stays_a_drafting_job() -> None:
    # {"reply": …}: the JSON carries a written answer, so no extractor takes over
    task = (
        "Help me answer customer emails for our candle shop. For each email return only JSON: "
        '{"reply": string, "tone": string}.'
    )
    assert _ids(task)[0] != "data_extraction"


# --- a reply with a label line appended -----------------------------------------------------------------------------


def test_a_reply_that_ends_with_a_label_line_keeps_the_reply_frame() -> None:
    task = (
        "Our sleep app asks people each morning how they slept and the assistant replies to whatever they write. "
        "Never diagnose. Reply in max 3 sentences. If they mention self-harm, reply with exactly this: "
        '"Please call 999." At the end of each normal reply add a new line "Sleep: " followed by one of POOR, FAIR, '
        "GOOD."
    )
    assert _ids(task)[0] != "classification"
    prompt = _prompt(task)
    assert "You are a text classifier" not in prompt
    assert "POOR, FAIR" in prompt


def test_a_label_alone_is_still_a_labelling_job() -> None:
    task = "Classify each support message as BILLING, BUG or OTHER. Reply with the label only."
    assert _ids(task)[0] == "classification"


# --- a moderator that returns a JSON record keeps its frame ----------------------------------------------------------


def test_a_moderator_returning_a_json_record_keeps_its_frame() -> None:
    task = (
        "moderation for our book-swap app. you get each reported message and return a JSON with these exact keys: "
        '{"decision": "ALLOW" | "WARN" | "DELETE", "reason": one of HARASSMENT, SPAM, SCAM, NONE, '
        '"possible_minor": true/false, "explanation": "..."}. scams = SCAM and DELETE. only the JSON.'
    )
    prompt = _prompt(task)
    assert "You are a text classifier" not in prompt
    assert "content moderator" in prompt[:400]


# --- copy written from facts ----------------------------------------------------------------------------------------


def test_product_copy_from_facts_is_a_copywriting_job() -> None:
    task = (
        "Write product copy for our honey shop website. I'll paste the jar size, flowers and harvest month. Give "
        "NAME: max 6 words, BLURB: max 40 words. British spelling, no superlatives."
    )
    assert _ids(task) == ["marketing_copy"]
    prompt = _prompt(task)
    assert "You are an editor" not in prompt
    assert "three most important changes" not in prompt


# --- defaults for a step the brief fixes ----------------------------------------------------------------------------


def test_the_tutor_loop_gives_way_to_the_briefs_own_feedback() -> None:
    task = (
        "Fractions practice buddy for kids aged 9-10 on our school site. It asks one fractions question at a time, "
        "waits for the answer and says if it's right. If it's wrong, give the right answer and one short tip, max 2 "
        "sentences. After 8 questions say the score and stop. No emojis."
    )
    prompt = _prompt(task)
    assert "retry" not in prompt
    assert "instead of giving the full solution" not in prompt
    assert "ending with one question" not in prompt
    assert "3x + 5" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "把我贴的菜单翻译成英文。只输出译文，不要解释。",
        "Translate our museum labels from German into English. Only the translation, no notes or explanations.",
    ],
)
def test_no_translators_note_when_the_brief_rules_out_explanations(task: str) -> None:
    assert "translator's note" not in _prompt(task)


def test_a_translation_brief_silent_on_notes_keeps_the_default() -> None:
    assert "translator's note" in _prompt("Translate our museum labels from German into English.")


def test_the_reviewers_severities_give_way_to_the_briefs() -> None:
    task = (
        "Review Swift pull requests for our delivery app. Each finding one line: [CRASH|BUG|NIT] File.swift:LINE - "
        "problem - fix. CRASH first. No praise."
    )
    prompt = _prompt(task)
    assert "blocking, major, minor, optional" not in prompt
    assert "style preferences as optional" not in prompt


def test_a_dutch_chat_assistant_with_tools_gets_the_chat_frame() -> None:
    task = (
        "We bouwen een chatassistent voor de sportschool. Functies:\n"
        "function zoekLid(pasnummer: string): Promise<Lid>;\n"
        "function boekLes(lidId: string, lesId: string): Promise<Boeking>;\n"
        "Eerst zoekLid. Maximaal 50 woorden, geen lijstjes."
    )
    assert "summarise what you did" not in _prompt(task)


def test_a_draft_whose_ending_the_brief_fixes_gets_no_open_points_after_it() -> None:
    task = (
        "sort the emails coming into our allotment society inbox and draft a reply to each. labels: PLOT_REQUEST, "
        "WAITING_LIST, OTHER. output: line 1 = the label only, line 2 blank, then the draft. drafts max 60 words, "
        'always sign off "Greenbank Allotments".'
    )
    assert "after the draft" not in _prompt(task)

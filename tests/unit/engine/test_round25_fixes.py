"""Round 25 classes, each tested on phrasing of its own (not the round's briefs): arrow-marked label lists, codes
spelt with a question mark, quoted closing lines that hold a number to call, quoted section titles, a negation that
turns to what is wanted, numbered parts of one reply, and the part a limit names before it."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _constraints(task: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.text, c.scope) for c in read_constraints(Brief(task=task))]


def test_an_arrow_marked_list_after_a_blank_line_is_the_label_set() -> None:
    task = (
        "Sort incoming emails for our plumbing firm. Categories (choose one):\n\n-> QUOTE_REQUEST\n-> COMPLAINT\n"
        "-> INVOICE?\n-> OTHER\n\nReply with the category only."
    )
    labels = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels == [["QUOTE_REQUEST", "COMPLAINT", "INVOICE?", "OTHER"]]


def test_a_lower_case_label_still_loses_a_trailing_question_mark() -> None:
    task = "Tag each review as one of: positive, negative, unsure?"
    labels = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels == [["positive", "negative", "unsure"]]


def test_a_closing_line_with_a_number_to_call_stays_whole() -> None:
    prompt = _prompt(
        "Summarise GP letters for patients in plain English, under 200 words. "
        'Always end with: "If you have chest pain or feel faint, call 999 straight away."'
    )
    assert '"If you have chest pain or feel faint, call 999 straight away."' in prompt


def test_quoted_titles_after_sections_are_the_reply_outline() -> None:
    prompt = _prompt(
        'Turn our incident notes into a post-mortem. Sections: "Timeline", "Root cause", "Fixes", "Owners". '
        "Under 400 words."
    )
    assert 'Use exactly these sections, in this order, each under its title as written: "Timeline", "Root cause"' in (
        prompt
    )


def test_prompt_wanted_is_meta_phrasing_not_the_job() -> None:
    prompt = _prompt("Prompt wanted: help people at our library find books and answer questions about opening hours.")
    assert "Prompt wanted" not in prompt


def test_a_negation_that_turns_to_bullets_does_not_ban_them() -> None:
    kinds = _constraints("No greeting or preamble, go straight to the bullet points.")
    assert not any(kind == "format" and "bullet" in text for kind, text, _ in kinds)


def test_a_second_negation_after_the_turn_still_bans() -> None:
    kinds = _constraints("no emojis, just plain sentences, no bullet points")
    assert any(kind == "format" and "bullet" in text for kind, text, _ in kinds)
    assert not any(kind == "prohibition" and "plain sentences" in text for kind, text, _ in kinds)


def test_a_numbered_part_keeps_its_noun_without_the_article() -> None:
    assert ("limit", "Keep the overview to at most 4 bullets.", "the overview") in _constraints(
        "1) an overview: max 4 bullets"
    )


def test_a_paragraph_after_then_takes_the_limit_that_follows_it() -> None:
    scopes = [
        scope
        for kind, _, scope in _constraints("List the risks, then a short recommendation paragraph under 60 words.")
        if kind == "limit"
    ]
    assert scopes == ["the paragraph"]


def test_numbered_parts_of_one_reply_stay_under_their_lead() -> None:
    prompt = _prompt(
        "Each Friday I paste the week's support tickets and want three things back:\n"
        "1) the top issues, max 5 bullets\n2) one trend worth watching\n3) a one-line note for the CEO\n"
        "never name customers."
    )
    assert "want three things back: 1) the top issues, max 5 bullets; 2) one trend worth watching; 3)" in prompt


def test_a_pile_of_reports_is_the_source_and_a_researcher_no_policy() -> None:
    prompt = _prompt(
        "I'm a policy researcher at a housing charity. Every week I paste a pile of reports and want answers to my "
        "questions, only from the reports."
    )
    assert "Answer only from the reports;" in prompt
    assert "from the policy" not in prompt

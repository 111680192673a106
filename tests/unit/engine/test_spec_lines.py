"""Telegraphic spec lines, third-person prohibitions, paired tones and inbox reply drafting (round 20 classes)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.constraints.sections import find_inline_outline
from app.engine.generate import generate


@pytest.mark.parametrize(
    ("clause", "rule"),
    [
        ("It never sends anything.", "Never send anything."),
        ("The bot never deletes emails.", "Never delete emails."),
        ("Our assistant never replies to trolls.", "Never reply to trolls."),
        ("You never send anything.", "Never send anything."),
    ],
)
def test_a_prohibition_about_the_assistant_in_the_third_person_reads_as_an_order(clause: str, rule: str) -> None:
    assert [found.text for found in find_prohibitions(clause)] == [rule]


def test_the_same_subject_carries_to_a_second_never() -> None:
    found = find_prohibitions("It never discusses prices and never pushes upgrades.")
    assert [f.text for f in found] == ["Never discuss prices.", "Never push upgrades."]


_TASK = (
    "Build an assistant that drafts replies to customer emails for our bakery. It never sends anything. "
    "24-hour times. British spelling. Two vets, small practice. "
    "Members paste a recipe from a book or forum (any units, any batch size). "
    "Tables: sales(id, sold_at, qty), products(id, name)."
)


def _rules_and_context(task: str) -> tuple[str, list[str]]:
    result = generate(Brief(task=task))
    return result.prompt, result.spec.context


@pytest.mark.parametrize("line", ["24-hour times.", "British spelling."])
def test_a_verbless_spec_line_is_a_rule(line: str) -> None:
    prompt, context = _rules_and_context(_TASK)
    assert line in prompt
    assert f"From the brief: {line}" not in context


@pytest.mark.parametrize(
    "line",
    [
        "Two vets, small practice.",
        "Members paste a recipe from a book or forum (any units, any batch size).",
        "Tables: sales(id, sold_at, qty), products(id, name).",
    ],
)
def test_a_statement_or_material_line_stays_context(line: str) -> None:
    _, context = _rules_and_context(_TASK)
    assert f"From the brief: {line}" in context


def test_a_label_line_with_a_limit_is_a_rule() -> None:
    prompt, context = _rules_and_context(
        'Write replies to guest reviews for our B&B. Drafts: 120 words max, warm but businesslike, signed "Imogen".'
    )
    assert not any(line.startswith("From the brief: Drafts:") for line in context)
    assert 'Drafts: 120 words max, warm but businesslike, signed "Imogen".' in prompt


def test_a_tone_word_paired_with_another_keeps_the_pair() -> None:
    prompt = generate(
        Brief(task="Draft replies to supplier emails for our shop. Keep it warm but businesslike.")
    ).prompt
    assert "Warm and personal" not in prompt
    assert "arm but businesslike" in prompt


def test_an_inbox_assistant_that_drafts_replies_writes_replies_not_meeting_notes() -> None:
    prompt = generate(
        Brief(
            task="I'd like an assistant that goes through the practice inbox each morning, drafts replies and books "
            "meetings. Meetings: 30 minutes, Tuesday to Friday only.",
            target="claude",
        )
    ).prompt
    assert "Action items" not in prompt
    assert '"Summary"' not in prompt
    assert "reply" in prompt.lower()


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "Three sections, in this order, with these exact titles: Market position / Pricing / Risks to us",
            ["Market position", "Pricing", "Risks to us"],
        ),
        ("Use the headings: Background, Options and Recommendation.", ["Background", "Options", "Recommendation"]),
        ("Two parts: the answer | the source", ["the answer", "the source"]),
    ],
)
def test_section_titles_named_on_one_line_are_the_outline(text: str, titles: list[str]) -> None:
    found = find_inline_outline(text)
    assert found is not None
    assert found[0] == titles


@pytest.mark.parametrize(
    "text",
    [
        "Three sections: Market position / Pricing",  # the count disagrees
        "The report has parts: the intro and the body",  # no count, no title word, no slashes
        "The input has three sections: header / body / footer",  # what comes in
    ],
)
def test_other_lines_are_no_outline(text: str) -> None:
    assert find_inline_outline(text) is None


_RESEARCH = (
    "Research assistant for the strategy team at Voltaway, an EV charging operator. We ask for a brief on one "
    "competitor at a time and it uses web search.\n\nFormat, no exceptions:\n"
    "- Three sections, in this order, with these exact titles: Market position / Pricing / Risks to us\n"
    "- At most 4 bullets per section, one sentence per bullet.\n"
    '- Every bullet ends with its source URL in parentheses. Sources older than 2023 get "(dated)" after the URL.\n'
    "- No closing summary."
)


def test_a_research_brief_with_its_own_format_gets_no_confidence_statement() -> None:
    prompt = generate(Brief(task=_RESEARCH, target="claude")).prompt
    assert "confiden" not in prompt.lower()
    assert '"Market position", "Pricing", "Risks to us"' in prompt


def test_no_exceptions_forbids_nothing() -> None:
    result = generate(Brief(task=_RESEARCH, target="claude"))
    assert "exceptions" not in " ".join(c.text for c in result.constraints).lower()
    assert "Avoid exceptions" not in result.prompt


def test_an_assistant_that_searches_the_web_gets_no_pasted_sources_slot() -> None:
    result = generate(Brief(task=_RESEARCH, target="claude"))
    assert "{{sources}}" not in result.prompt
    assert "{{document}}" not in result.prompt


def test_a_stated_citation_form_replaces_the_default_one() -> None:
    prompt = generate(Brief(task=_RESEARCH, target="claude")).prompt
    assert "(title and date)" not in prompt
    assert "Every bullet ends with its source URL in parentheses." in prompt


def test_what_a_case_gets_written_is_a_rule() -> None:
    result = generate(Brief(task=_RESEARCH, target="claude"))
    assert not any("(dated)" in line for line in result.spec.context)
    assert 'Sources older than 2023 get "(dated)" after the URL.' in result.prompt

"""Reference material pasted between marker lines is what the assistant works from: it reaches the prompt whole,
its clauses are no rules and its words name no job; a language the brief's users write in is not the reply's; a
secondary job brings its essentials, not the rules that shape a whole reply."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.classify import ArchetypeMatch
from app.engine.constraints.language import find_language
from app.engine.generate import plan_spec, read_constraints, render_all
from app.engine.references import find_references, split_references

_POLICY = (
    "We run the front desk for Lindqvist Dental in Leeds. I want a bot that answers patients' questions using only "
    'the practice policy below. Always name the policy section you used (e.g. "Section 3"). If it isn\'t covered, '
    "tell them to ring reception on 0113 496 0870.\n"
    """
=== PRACTICE POLICY (summary) ===
1. Appointments cancelled with less than 24 hours' notice are charged £20.
2. New patients must fill in a medical history form before the first visit.
3. We accept card and contactless payments only; no cheques.
4. Children under 16 must be accompanied by an adult.
=== END ===
"""
)


def test_a_titled_block_up_to_its_end_marker_is_one_reference() -> None:
    refs = find_references(_POLICY)
    assert [r.title for r in refs] == ["PRACTICE POLICY (summary)"]
    assert refs[0].body.startswith("1. Appointments cancelled")
    assert refs[0].body.endswith("accompanied by an adult.")
    assert _POLICY[refs[0].end - 3 :].startswith("===")


def test_blanking_keeps_every_offset() -> None:
    brief, sections = split_references(Brief(task=_POLICY))
    assert len(brief.task) == len(_POLICY)
    assert "£20" not in brief.task
    assert "medical history" not in brief.task
    assert brief.task.startswith("We run the front desk")
    assert sections[0].title == "Practice policy (summary)"


def test_instruction_headings_and_dividers_are_no_references() -> None:
    task = (
        "Summarise support tickets for the weekly report.\n--- Rules ---\n- at most 5 bullets\n- no names of customers"
        " or staff, ever, under any circumstances at all\n-----\nThanks!"
    )
    assert find_references(task) == []
    untitled = "Answer questions.\n-----\n" + "Some paragraph of text that is long enough to count as material. " * 3
    assert find_references(untitled) == []


def test_the_pasted_policy_reaches_the_prompt_whole_and_is_no_rules() -> None:
    result = generate(Brief(task=_POLICY, target="claude"))
    prompt = result.prompt
    assert "<practice_policy_summary>" in prompt
    assert "3. We accept card and contactless payments only; no cheques." in prompt
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    assert "£20" not in instructions
    assert "cheques" not in instructions
    assert "{{document}}" not in prompt  # the material is in the prompt: no slot asks for it
    assert result.archetypes[0].id in {"document_qa", "customer_support"}
    assert "0113 496 0870" in prompt
    assert "Section 3" in prompt


def test_the_pasted_title_names_the_source_when_the_brief_does_not() -> None:
    task = (
        "Answer staff questions about the canteen.\n--- CANTEEN OPENING HOURS ---\nMon-Thu 07:30-15:00\n"
        "Fri 07:30-13:00\nClosed on bank holidays and the last Friday of each month for deep cleaning.\n--- END ---"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Mon-Thu 07:30-15:00" in prompt
    assert "canteen opening hours below" in prompt or "<canteen_opening_hours>" in prompt


def test_the_language_the_users_write_in_is_not_the_reply_language() -> None:
    found = find_language("Many of our guests write in Italian or German, but always answer in English.")
    assert found is not None
    assert found.code == "en"
    assert find_language("Our callers often speak Spanish.") is None
    imperative = find_language("Always write in French.")
    assert imperative is not None
    assert imperative.code == "fr"


def test_the_reply_language_stays_english_when_users_write_in_another() -> None:
    task = (
        "Chat assistant for Kestrel Hostels. Lots of our guests write in Portuguese or Polish, but please always "
        "answer in English so the night staff can read the logs."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Always reply in English." in prompt
    assert "reply in Portuguese" not in prompt
    assert "reply in Polish" not in prompt


def _blend_prompt(task: str, primary: str, secondary: str, feature: str) -> str:
    brief = Brief(task=task, target="claude")
    constraints = read_constraints(brief)
    matches = [
        ArchetypeMatch(id=primary, score=5000, features=["model:0.40"]),
        ArchetypeMatch(id=secondary, score=2500, features=["model:0.20", feature], rank="secondary"),
    ]
    return render_all(plan_spec(brief, matches, constraints).spec, brief)[0]


def test_a_secondary_job_brings_its_essentials_not_its_reply_shape() -> None:
    prompt = _blend_prompt(
        "Summarise each product launch brief for our marketing channel, in plain words.",
        "summarization",
        "marketing_copy",
        "marketing",
    )
    assert "Use only claims supported by the product details" in prompt
    assert "Offer three distinct variants" not in prompt
    assert "End with one clear call to action" not in prompt
    assert "Confident and vivid" not in prompt  # a secondary with essentials does not set the voice


def test_a_secondary_editor_does_not_append_a_change_list() -> None:
    prompt = _blend_prompt(
        "Answer questions from our authors about the style guide, and fix grammar in the snippets they paste.",
        "document_qa",
        "writing_editor",
        "grammar/style",
    )
    assert "Keep the author's meaning, facts and voice" in prompt
    assert "List the three most important changes" not in prompt


def test_a_register_word_before_the_language_keeps_it() -> None:
    for text, code in (("When you reply to customers write in formal German.", "de"), ("Write in plain French.", "fr")):
        found = find_language(text)
        assert found is not None, text
        assert found.code == code


def test_a_brief_that_is_only_pasted_material_stays_as_written() -> None:
    faq = (
        "--- FAQ ---\nQ: When are you open? A: Mon-Fri 9-5, Saturday 10-2, closed Sundays and bank holidays.\n"
        "Q: Parking? A: Free behind the shop.\n--- END ---"
    )
    brief, sections = split_references(Brief(task=faq))
    assert brief.task == faq
    assert sections == []
    assert "Free behind the shop" in generate(Brief(task=faq, target="claude")).prompt
    only_output = Brief(task="Output: a table with columns Name | Price | Stock, nothing else.")
    assert split_references(only_output)[0] == only_output


def test_a_short_block_closed_by_its_end_marker_is_a_reference() -> None:
    task = (
        "Website chat bot for Lumen Yoga: class times, prices and booking. Keep answers to 2 sentences.\n"
        "--- PRICES ---\nDrop-in £12\n10-class pass £100\nUnlimited monthly £75\n--- END ---"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "<prices>\nDrop-in £12\n10-class pass £100\nUnlimited monthly £75\n</prices>" in prompt
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    assert "£12" not in instructions

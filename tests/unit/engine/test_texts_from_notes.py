"""Texts written from the requester's notes (a letter, a blurb, a post): a writer's frame, not an editor's or a
summariser's; limits on one kind of piece stay on that kind; names of rooms are no readers; Dutch and Italian
negations rule formatting out."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints
from app.engine.safety import detect_domains


def _result(task: str) -> tuple[str, list[str]]:
    result = generate(Brief(task=task, target="claude"))
    return result.prompt, [m.id for m in result.archetypes]


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


_LETTER = (
    "Ik ben teamleider bij Woonstichting De Linde. Na een huisbezoek krijgen wij de aantekeningen van de opzichter "
    "en daar moet een brief aan de huurder van komen.\n"
    "- zakelijk, u-vorm\n- alleen wat in de aantekeningen staat\n- contact: wonen@delinde.nl\n- maximaal 200 woorden\n"
    "- geen markdown, geen kopjes of opsommingen"
)


def test_a_letter_from_notes_is_written_not_summarised() -> None:
    prompt, archetypes = _result(_LETTER)
    assert "who turns notes into finished texts" in prompt
    assert "summarisation" not in prompt
    assert "Summarise" not in prompt
    assert "Markdown with short headings" not in prompt
    assert "Do not use Markdown, headings or lists" in prompt
    assert archetypes


def test_a_plain_contact_goes_into_the_written_text() -> None:
    english, _ = _result(
        "Turn my notes from each tenant visit into a letter to the tenant. Formal, under 200 words. "
        "Contact: homes@linde.example.org."
    )
    assert "Give homes@linde.example.org as the contact wherever the text needs one." in english
    assert "When you cannot help, tell the user to email homes@linde.example.org" not in english


def test_an_offer_keeps_its_number() -> None:
    prompt, _ = _result(
        "Draft the first reply to people who email our food bank. Friendly, under 100 words. Offer a call back "
        "with a volunteer at 0800 555 0199."
    )
    assert "as the contact wherever the text needs one" not in prompt
    assert "0800 555 0199" in prompt


def test_blurbs_from_notes_get_a_writer_and_limits_per_kind() -> None:
    prompt, _ = _result(
        "I run the community centre's events and need an assistant that takes my rough notes about a class and "
        "writes the listing. Listings go in the PRINT flyer or ONLINE. Print listings are exactly two sentences. "
        "Online listings can be up to 80 words. Never go over. Always give the room (the Children's Corner or the "
        "Hall). Our members skew older, so keep it plain."
    )
    assert "who turns notes into finished texts" in prompt
    assert "Improve the user's text" not in prompt
    assert "Make print listings exactly 2 sentences." in prompt
    assert "Keep online listings to at most 80 words." in prompt
    assert "Reply in exactly 2 sentences" not in prompt
    assert "Never exceed the length limits stated here." in prompt
    assert "Never go over." not in prompt
    assert "The readers are children" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Write release notes from a list of merged PR titles, grouped under Added and Fixed.",
        "Summarise my meeting notes into five bullets for the team.",
        "Rewrite my notes in plain English for the newsletter.",
    ],
)
def test_release_notes_summaries_and_rewrites_are_no_texts_from_notes(task: str) -> None:
    prompt, _ = _result(task)
    assert "who turns notes into finished texts" not in prompt


def test_an_unqualified_subject_limits_the_whole_reply() -> None:
    limits = _kinds("Answer questions about our gym. Short answers are one sentence.", "limit")
    assert [c.text for c in limits] == ["Reply in exactly 1 sentence."]
    limits = _kinds("Answer questions about our gym. Replies are at most 3 sentences.", "limit")
    assert [c.text for c in limits] == ["Keep the reply to at most 3 sentences."]


def test_a_room_named_after_children_is_no_child_reader() -> None:
    assert "children" not in detect_domains(["Book rooms at the library: Room A, the Children's Garden or the Loft."])
    assert "children" in detect_domains(["A reading helper for children aged 6 to 9."])


def test_readers_who_skew_older_are_adults() -> None:
    assert "children" not in detect_domains(["Write blurbs for our kids' craft hour. Our readers skew older."])


@pytest.mark.parametrize(
    ("text", "features"),
    [
        ("geen markdown, geen kopjes of opsommingstekens", ["markdown", "headings", "lists"]),
        ("Massimo 100 parole, niente elenchi puntati.", ["lists"]),
        ("Scrivi senza titoletti né markdown.", ["headings", "markdown"]),
    ],
)
def test_dutch_and_italian_negations_rule_formatting_out(text: str, features: list[str]) -> None:
    formats = _kinds(f"Assistant for a tenants' office. {text}", "format")
    assert formats, text
    assert sorted(formats[0].forbidden) == sorted(features)


def test_a_size_told_as_a_habit_describes_the_input() -> None:
    limits = _kinds(
        "Each night the warden reads the hostel's incident log (usually 40-80 lines) and writes a handover for the "
        "morning shift. Write that handover from the log.",
        "limit",
    )
    assert [c.text for c in limits] == ["Expect inputs of between 40 and 80 lines."]


def test_a_reply_kind_after_an_input_noun_is_no_input() -> None:
    limits = _kinds("Draft answers to our customers. Email replies are at most 90 words.", "limit")
    assert [c.text for c in limits] == ["Keep email replies to at most 90 words."]


def test_a_briefing_written_from_a_log_is_a_summary() -> None:
    prompt, archetypes = _result(
        "Every morning our site lead reads yesterday's plant log and writes a briefing for the 08:00 shift meeting. "
        "I want the assistant to write that briefing from the log. Three sections: Output, Faults, Staffing."
    )
    assert archetypes[0] == "summarization"
    assert "executive assistant" not in prompt

"""Guards from the second hostile review of this session's engine changes (review23): the probes that misfired."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints


def _result(task: str) -> tuple[str, list[str], list[Constraint]]:
    result = generate(Brief(task=task, target="claude"))
    return result.prompt, [m.id for m in result.archetypes], list(result.constraints)


@pytest.mark.parametrize(
    "task",
    [
        "You process call-centre transcripts. For each transcript, return a record with the following fields:\n"
        "caller_name\nissue_type\nresolved\nfollow_up_date\nUse null for anything not said in the call.",
        "We get supplier invoices as PDFs turned into text. Fields we need:\nsupplier\ninvoice_number\n"
        "total_amount\ndue_date\nUse null when missing, JSON only.",
    ],
)
def test_an_extractors_field_list_is_kept(task: str) -> None:
    prompt, _, constraints = _result(task)
    fields = [c for c in constraints if c.kind == "fields"]
    assert fields
    assert fields[0].value is None
    assert '"currency"' not in prompt


def test_the_input_a_reply_answers_keeps_its_size() -> None:
    _, _, constraints = _result(
        "You write responses to Google reviews for our three dental clinics. Reviews can be up to 1,000 words and "
        "are sometimes angry. Keep each response under 80 words."
    )
    texts = [c.text for c in constraints if c.kind == "limit"]
    assert "Keep the reply to at most 1000 words." not in texts


def test_a_rule_list_without_full_stops_keeps_each_rule() -> None:
    prompt, _, _ = _result(
        "You're the chat assistant for Bella's Pizzeria.\nRules:\n- Always greet the customer by name\n"
        "- We're open 24/7 so never say we're closed\n- Mention the BOGO deal on Tuesdays\n- Keep answers short"
    )
    assert "name: `" not in prompt
    assert "never say we're closed" in prompt


def test_a_tutor_helping_students_pass_keeps_the_quiz_protocol() -> None:
    prompt, _, _ = _result(
        "You are a revision tutor helping Year 11 students pass their GCSE chemistry exam. Explain a topic in under "
        "100 words, then give a quiz of exactly 3 multiple-choice questions. Wait for all 3 answers before marking."
    )
    assert "ask them to retry it" not in prompt


def test_a_wrapped_sentence_going_on_with_a_noun_stays_whole() -> None:
    prompt, _, _ = _result(
        "You help customers of Parcelly with questions about their parcels. If they need a shipping\nlabel reprinted, "
        "send them to parcelly.com/labels. Orders over $50 get a free\nreturn label, so never charge for it. Be "
        "friendly and keep replies short."
    )
    assert "get a free." not in prompt


def test_a_short_description_heading_limits_that_part() -> None:
    texts = [
        c.text
        for c in extract_constraints(
            Brief(
                task="You write Shopify product listings for our candle shop.\nTitle: max 60 characters.\n"
                "Short description: max 25 words.\nLong description: 150-200 words."
            )
        )
        if c.kind == "limit"
    ]
    assert "Keep the short description to at most 25 words." in texts


def test_a_condition_with_no_in_it_stays_whole() -> None:
    prompt, _, _ = _result(
        "You answer order-status questions for Lumen Lamps.\nIf there is no tracking number yet — tell them to "
        "email orders@lumenlamps.com.\nBe brief."
    )
    assert "If there is, " not in prompt


def test_headings_with_a_slash_keep_the_outline() -> None:
    prompt, _, _ = _result(
        "You summarise weekly project updates for our leadership team. Use these sections:\n\nSummary:\n"
        "Risks / mitigations:\nNext steps:\n\nKeep it under 250 words."
    )
    assert "- Risks / mitigations" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "You are a health information assistant for a community pharmacy. Answer general questions about common "
        "medicines. If someone's symptoms have lasted more than a week and they have not had advice from a GP, tell "
        "them to book an appointment.",
        "You help tenants of Greenleaf Properties with rent questions. Explain their rights under the lease in plain "
        "language; no investment advice about buying property.",
    ],
)
def test_other_advice_settles_no_pack_line(task: str) -> None:
    prompt, _, _ = _result(task)
    assert "general health information only" in prompt or "general legal information" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Write a short post for our teen support forum from the moderator's notes, reminding members about the "
        "resources pinned at the top. Warm tone, under 100 words.",
        "Write a job posting from my shorthand notes for a barista role at our café. Applications and questions about "
        "it go to jobs@beanhouse.co. Friendly, under 200 words.",
    ],
)
def test_stray_words_do_not_block_the_notes_writer(task: str) -> None:
    prompt, _, _ = _result(task)
    assert "Success means a finished text in the form the brief asks for" in prompt


def test_a_readers_contact_near_it_goes_into_the_text() -> None:
    prompt, _, _ = _result(
        "Turn my notes into a short announcement for the parents' newsletter about the school bake sale on Friday. "
        "Anyone who wants to help with it can email bakesale@oakridgepta.org. Keep it cheerful, under 120 words."
    )
    assert "Give bakesale@oakridgepta.org as the contact wherever the text needs one." in prompt


def test_a_priority_reference_table_is_no_label_set() -> None:
    prompt, _, constraints = _result(
        "You're the IT helpdesk assistant for Contoso. Answer staff questions about laptops, VPN and email, and tell "
        "them how fast we'll respond based on priority:\n\n| priority | response time |\n|---|---|\n| P1 | 1 hour |\n"
        "| P2 | 4 hours |\n| P3 | next business day |\n\nBe concise. Never ask for passwords."
    )
    assert not [c for c in constraints if c.kind == "labels"]
    assert "Choose exactly one label" not in prompt


def test_a_patient_tutor_sets_the_patient_tone() -> None:
    from app.engine.brief import extract_entities

    assert "patient" in extract_entities("A patient tutor for adult learners.").tone


def test_nothing_else_ends_the_reply_only_after_an_output_verb() -> None:
    from app.engine.compose import _OUTPUT_ONLY

    assert _OUTPUT_ONLY.search("Output the priority code and nothing else.")
    assert not _OUTPUT_ONLY.search("Use the rubric and nothing else to decide the marks.")


def test_a_tables_column_list_is_an_input_unless_output_is_asked() -> None:
    from app.engine.constraints.structure import field_lines

    assert field_lines("Help analysts write SQL. The orders table columns:\norder_id\ncustomer_id\ntotal\n") is None
    found = field_lines("Output a table with these columns:\norder_id\ncustomer_id\ntotal\n")
    assert found is not None
    assert found.values == ["order_id", "customer_id", "total"]

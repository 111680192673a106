"""The frame gives way to what the brief fixes (round 38's classes 1, 4 and 5, written in new words): the job the
brief names, its one-line template or layout, who reads the replies, and a reply language that holds only in a case."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import archetype_ids, claude_prompt, section

# --- class 5: "if they write in English, reply in English" is a case, not the reply language --------------------


@pytest.mark.parametrize(
    "task",
    [
        "Bot de reservas para la pizzería Da Toni en Valencia. Si el cliente escribe en inglés, contesta en inglés. "
        "Máximo 3 frases, tutea.",
        "Assistente per le prenotazioni del nostro agriturismo. Se il cliente scrive in inglese, rispondi in inglese. "
        "Massimo 4 frasi.",
        "着付け教室の予約受付ボットです。1メッセージ100字以内。お客様が英語で書いてきたら英語で返信してください。",
    ],
)
def test_a_language_named_for_one_case_is_not_the_reply_language(task: str) -> None:
    languages = [c for c in read_constraints(Brief(task=task)) if c.kind == "language"]
    assert not [c for c in languages if c.code == "en"]
    assert "Always reply in English." not in claude_prompt(task)


def test_a_plain_reply_language_is_still_read() -> None:
    languages = [c.code for c in read_constraints(Brief(task="Helpdesk bot for our Lyon office. Reply in German."))]
    assert "de" in languages


# --- class 4: the readers are who asks, not the children the business serves ------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Forest School Wildwood runs outdoor mornings for children aged 4 to 7. Parents ask us the same things every "
        "week, so we want a chat that answers them from our parent handbook. Max 4 sentences.",
        "Die Schwimmschule Delfin bietet Kurse für Kinder von 5 bis 9 Jahren an. Die Eltern stellen immer dieselben "
        "Fragen; der Chat soll sie aus unserem Elternheft beantworten. Höchstens 4 Sätze.",
    ],
)
def test_children_a_business_serves_are_not_the_audience_when_parents_ask(task: str) -> None:
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "audience"]
    prompt = claude_prompt(task)
    assert "The readers are children" not in prompt
    assert "Write for the audience the brief names" not in prompt


def test_a_chat_for_the_children_themselves_keeps_them_as_readers() -> None:
    task = "A reading buddy chat for children aged 6 to 8 that talks with the kids about the book they read."
    assert [c.maximum for c in read_constraints(Brief(task=task)) if c.kind == "audience"] == [8]


@pytest.mark.parametrize(
    "task",
    [
        "After each intake call to our employee helpline we get a call transcript. Write the case summary for the "
        "counsellor in exactly this layout:\nCONCERN: <max 20 words>\nRISK: NONE or FLAGGED\nNEXT: <one line>\n"
        "If the transcript mentions self-harm or suicide, RISK is FLAGGED and goes first. No advice.",
        "We record triage calls for our student wellbeing line. From each call transcript write a handover summary "
        "for the duty counsellor: who called, what they are worried about, and whether self-harm came up (yes/no).",
    ],
)
def test_a_summary_of_a_record_about_a_person_adds_no_crisis_script(task: str) -> None:
    prompt = claude_prompt(task)
    assert "crisis line" not in prompt
    assert "988" not in prompt
    assert "acknowledge it before anything else" not in prompt


# --- class 1: the job and the shape the brief names ----------------------------------------------------------------


def test_reviewing_scripts_is_a_review_with_its_line_template_whole() -> None:
    task = (
        "Review the Ansible playbooks our ops team writes. Flag missing become, plain-text secrets and tasks that "
        "are not idempotent.\n\nOutput format, one finding per line, nothing else:\n"
        "<file>:<line> <LEVEL>: <problem>. Fix: <one-line fix>\n"
        "LEVEL is HIGH, MEDIUM or LOW. At most 8 lines. If nothing is wrong reply exactly: No findings."
    )
    assert archetype_ids(task)[0] == "code_reviewer"
    output = section(claude_prompt(task), "output_format")
    assert "<file>:<line> <LEVEL>: <problem>. Fix: <one-line fix>" in output
    assert "Keep the fix to at most 1 line" not in output
    assert "runnable code" not in claude_prompt(task)


def test_a_listing_in_a_fixed_layout_is_copy_not_a_grade() -> None:
    task = (
        "Penny Black Stamps sells used stamps and covers online. I'll paste my notes for a lot (country, year, "
        "catalogue number, my grading, any faults). Write the listing in exactly this layout, plain text:\n\n"
        "TITLE: Country - Year - Catalogue no.\nCONDITION: <grade> / gum <grade>\nDESCRIPTION: 2 sentences\n\n"
        "TITLE max 70 characters. Grades only from: MNH, MH, VF, F, G. No exclamation marks."
    )
    ids = archetype_ids(task)
    assert ids[0] == "marketing_copy"
    assert "grader" not in ids
    prompt = claude_prompt(task)
    assert "CONDITION: <grade> / gum <grade>" in section(prompt, "output_format")
    assert "three distinct variants" not in prompt
    assert "call to action" not in prompt.lower()
    assert "Penny Black Stamps" in section(prompt, "role")


def test_notes_turned_into_this_json_are_extraction_with_their_field_rules_as_rules() -> None:
    task = (
        "our allotment society keeps plot inspection notes that members email in, total mess. need something that "
        'turns each note into this json:\n\n{"plot_id": "A12", "inspected_on": "YYYY-MM-DD", "state": '
        '"tidy|fair|neglected", "issues": ["..."]}\n\n'
        '- if they couldnt tell which plot it was, plot_id is "UNKNOWN"\n'
        '- for plots on the waiting-list site set plot_id to "WAITLIST" so nobody is named\n'
        "output the json only, no code fences."
    )
    assert archetype_ids(task)[0] == "data_extraction"
    instructions = section(claude_prompt(task), "instructions")
    assert "UNKNOWN" in instructions
    assert "WAITLIST" in instructions


def test_what_other_people_do_in_turn_is_no_ordering_rule() -> None:
    task = (
        "Our couriers collect the parcels in the morning and then scan them at the depot. Answer questions from "
        "the couriers about the scanner app in at most 3 sentences."
    )
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "ordering"]


# --- a translation that goes both ways, and a label line that opens a drafted reply ------------------------------


@pytest.mark.parametrize(
    ("task", "ways"),
    [
        (
            "Translator for our ski school's group chat: if a message is in German, translate it into English; if it "
            "is in English, translate it into German. Return only the translation.",
            "German into English; English into German",
        ),
        (
            "Traductor para el chat del club de vela: si el mensaje viene en español, tradúcelo al inglés; si viene "
            "en inglés, tradúcelo al español. Solo la traducción, sin notas.",
            "Spanish into English; English into Spanish",
        ),
    ],
)
def test_a_two_way_translation_states_both_directions(task: str, ways: str) -> None:
    prompt = claude_prompt(task)
    assert f"Translate each message by the language it arrives in: {ways}." in prompt
    assert "Always reply in" not in prompt


def test_a_one_way_translation_keeps_its_target() -> None:
    prompt = claude_prompt("Translate our product sheets from Italian into British English. Only the translation.")
    assert "into British English" in prompt
    assert "Translate each message by the language it arrives in" not in prompt


def test_a_label_on_the_first_line_then_a_draft_names_both_parts() -> None:
    task = (
        "Ho un agriturismo in Umbria. Per ogni email di un ospite:\n1) prima riga: un'etichetta tra PRENOTAZIONE, "
        "INFO, RECLAMO, ALTRO\n2) riga vuota, poi una bozza di risposta che rileggo prima di inviare.\nMassimo 100 "
        "parole, dare del Lei."
    )
    output = section(claude_prompt(task), "output_format")
    assert output.strip().startswith("On the first line, exactly one label (PRENOTAZIONE, INFO, RECLAMO, ALTRO)")
    assert "then a blank line" in output


_BOOKING_DE = (
    "Buchungsbot. Tools: termineSuchen(datum), terminAnlegen(slot_id).\nRegeln:\n- termineSuchen vor terminAnlegen."
)
_BOOKING_ES = (
    "Bot de reservas. Funciones: buscar_mesa(fecha), reservar_mesa(id).\nReglas:\n- buscar_mesa antes de reservar_mesa."
)
_BOOKING_JA = (
    "予約ボットです。ツール：find_table(date), book_table(table_id)\n"
    "ルール：\n・book_table の前に必ず find_table で空席を確認する"
)


@pytest.mark.parametrize(
    ("task", "first", "then"),
    [
        (_BOOKING_DE, "termineSuchen", "terminAnlegen"),
        (_BOOKING_ES, "buscar_mesa", "reservar_mesa"),
        (_BOOKING_JA, "find_table", "book_table"),
    ],
)
def test_two_tools_in_order_in_any_language_are_an_ordering(task: str, first: str, then: str) -> None:
    orderings = [c for c in read_constraints(Brief(task=task)) if c.kind == "ordering"]
    assert [(c.first, c.then) for c in orderings if c.first and first in c.first] == [(f"call {first}", f"call {then}")]


@pytest.mark.parametrize(
    ("task", "role"),
    [
        (
            "Captain Crumb is the baking buddy in our kids' recipe app. He chats with children about the recipe they "
            "picked, one step at a time. Max 2 sentences.",
            "You are Captain Crumb, the baking buddy in the kids' recipe app.",
        ),
        (
            "Milo will be the bedtime-story companion in our family app. He chats with children about the story "
            "they just heard and asks one gentle question at a time.",
            "You are Milo, the bedtime-story companion in the family app.",
        ),
    ],
)
def test_a_named_companion_is_who_the_assistant_is(task: str, role: str) -> None:
    assert section(claude_prompt(task), "role").strip().startswith(role)


def test_a_business_that_is_a_bakery_is_not_the_assistant() -> None:
    assert "You are Acme Bakes," not in claude_prompt("Acme Bakes is a bakery in Leeds. Answer questions about cakes.")


@pytest.mark.parametrize(
    "task",
    [
        "Booking chat for our mobile tyre fitting vans. Tools: check_stock(size) gives the tyres in stock for a size, "
        "with tier (budget/mid/premium) and price; book_slot(slot_id). Max 50 words.",
        "Order bot for our garden centre. If a plant is out of stock, say when it is back in stock, and suggest our "
        "budget range of pots instead; never take payment in the chat.",
    ],
)
def test_a_shops_stock_and_price_tiers_bring_no_investment_rules(task: str) -> None:
    prompt = claude_prompt(task)
    assert "investment advice" not in prompt
    assert "financial adviser" not in prompt

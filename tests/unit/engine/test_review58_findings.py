"""Review 58 of 1551ed8: regressions and over-corrections of the commit's new readers on briefs real users write.

Each test names the mechanism it probes and the behaviour a shippable prompt needs; every one fails on 1551ed8 (and
passes on its parent 16c2bd4, except where the docstring says otherwise).
"""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import claude_prompt as _prompt
from tests.unit.engine.reading import section as _section

# --- fixed_reply cut at the wider _RULE_OPENING (constraints/clauses.py) -------------------------------------------


@pytest.mark.parametrize(
    ("task", "whole_reply"),
    [
        (
            "Booking assistant for Casa Lupe restaurant. If someone asks about private events, reply exactly: Private "
            "events are handled by our manager. Be sure to email events@casalupe.example with your date and group "
            "size. Keep replies under 60 words.",
            "Private events are handled by our manager. Be sure to email events@casalupe.example with your date and "
            "group size.",
        ),
        (
            "Assistant for our coworking space. If anyone asks for the wifi password, say exactly: The wifi password "
            "is on the card at reception. Stay productive! Never share door codes.",
            "The wifi password is on the card at reception. Stay productive!",
        ),
        (
            "Assistant pour notre boulangerie. Si on te demande des informations sur les allergènes, réponds "
            "exactement : Je ne peux pas répondre à cette question. Sinon, appelez-nous au 01 23 45 67 89. Sois bref.",
            "Je ne peux pas répondre à cette question. Sinon, appelez-nous au 01 23 45 67 89.",
        ),
        (
            "Kundenservice-Bot für unsere Bäckerei. Wenn jemand nach Allergenen fragt, antworte genau: Dazu kann ich "
            "leider nichts Verbindliches sagen. Sonst ruf uns gern unter 030 1234567 an. Halte dich kurz.",
            "Dazu kann ich leider nichts Verbindliches sagen. Sonst ruf uns gern unter 030 1234567 an.",
        ),
    ],
)
def test_exact_reply_keeps_its_own_second_sentence(task: str, whole_reply: str) -> None:
    """fixed_reply / in_exact_line with 'be', 'stay', 'sinon', 'sonst' added to _RULE_OPENING: a second sentence
    addressed to the customer ('Be sure to email … with your date', 'Stay productive!', 'Sinon, appelez-nous …' in the
    vous-form the bot is not addressed in) is part of the word-for-word reply. 1551ed8 cuts the reply and lists the
    sentence as an instruction to the bot."""
    assert whole_reply in _prompt(task)


def test_exact_reply_split_does_not_turn_a_case_route_into_the_general_contact() -> None:
    """fixed_reply cut at 'Be': after the split, 'Be sure to email events@…' loses its case, so 1551ed8 makes
    events@casalupe.example the catch-all contact ('When you cannot help, tell the user to email events@…') and the
    escalation line for every problem; 16c2bd4 kept it the private-events route."""
    prompt = _prompt(
        "Booking assistant for Casa Lupe restaurant. If someone asks about private events, reply exactly: Private "
        "events are handled by our manager. Be sure to email events@casalupe.example with your date and group size. "
        "Keep replies under 60 words."
    )
    assert "When you cannot help, tell the user to email events@casalupe.example" not in prompt
    assert "To escalate, tell them to email events@casalupe.example" not in prompt


def test_otherwise_after_an_exact_reply_does_not_inherit_the_case() -> None:
    """_RULE_OPENING 'otherwise': 'When someone asks about late fees, reply exactly: … Enjoy your books! Otherwise
    answer from the FAQ.' 'Otherwise' is the opposite case; 1551ed8 writes 'When someone asks about late fees:
    otherwise answer from the FAQ.', a rule that contradicts itself."""
    prompt = _prompt(
        "Chatbot for a public library. When someone asks about late fees, reply exactly: Late fees were abolished in "
        "2022. Enjoy your books! Otherwise answer from the FAQ."
    )
    assert "When someone asks about late fees: otherwise" not in prompt


# --- _CATCH_ALL (constraints/fallbacks.py): a case that merely starts like a catch-all word -------------------------


@pytest.mark.parametrize(
    ("task", "general"),
    [
        (
            "Front-desk chatbot for our maternity clinic. Answer questions about appointments and classes.\n"
            "- miscarriage or heavy bleeding -> call 555-0199 right away\n- billing -> billing@clinic.example\n"
            "- anything else -> hello@clinic.example",
            "When you cannot help, tell the user to call 555-0199",
        ),
        (
            "Booking bot for our dive shop.\n- divers without certification -> training@dive.example\n"
            "- boat charters -> charters@dive.example\n- anything else -> hello@dive.example",
            "When you cannot help, tell the user to email training@dive.example",
        ),
        (
            "Rezeption-Bot für unsere Tierarztpraxis.\n- Notfälle -> 0151 2345678 anrufen\n"
            "- andere Tierarten (Reptilien, Vögel) -> exoten@praxis.example\n- alles Weitere -> info@praxis.example",
            "When you cannot help, tell the user to email exoten@praxis.example",
        ),
    ],
)
def test_a_specific_case_is_not_read_as_the_catch_all(task: str, general: str) -> None:
    """_CATCH_ALL.match(case) has no word boundary on 'misc\\w*' / 'divers\\w*' and takes any 'andere …': 'miscarriage
    or heavy bleeding -> call 555-0199' (an emergency line), 'divers without certification -> training@…', 'andere
    Tierarten (Reptilien, Vögel) -> exoten@…' become the general 'when you cannot help' contact (and the escalation
    route), losing their case. 16c2bd4 kept each as its own route."""
    assert general not in _prompt(task)


# --- _BOUGHT_FOR_KIDS (safety/cues.py): 'kids are welcome / allowed / need an adult' ---------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant on our dinosaur museum's website. Kids are welcome to ask it anything about dinosaurs, so keep "
        "answers short and fun.",
        "Reading buddy app. Children are allowed to chat with it on their own after a parent sets up the account. "
        "Suggest books and ask about the story.",
        "Homework helper. Kids need an adult's permission to sign up, then they chat with it directly about maths "
        "homework.",
    ],
)
def test_children_who_chat_with_the_bot_keep_the_child_pack(task: str) -> None:
    """_BOUGHT_FOR_KIDS lookahead ('are welcome', 'are allowed', 'need an adult'): meant for a venue's house rule, it
    also hides children who are the bot's own users ('Kids are welcome to ask it anything', 'Children are allowed to
    chat with it'). 1551ed8 drops the child-safety rules (no personal data, age-appropriate content, trusted adult)."""
    assert "The readers are children" in _prompt(task)


# --- parted layout (_PART_HEADER in constraints/sections.py, used by references.py) --------------------------------


def test_a_parted_layout_does_not_swallow_the_pasted_material_after_it() -> None:
    """layout_block 'parted': after a blank line any '=== … ===' header continues the layout, so pasted material
    under such headers (the menu, the opening hours) becomes part of the reply's exact layout and is dropped as a
    reference; the model is told to print the whole menu in every reply."""
    task = (
        "Chat assistant for Pizzeria Da Enzo. Answer questions about the menu and opening hours, max 60 words.\n\n"
        "Reply in exactly this layout:\n\n"
        "=== ANSWER ===\n<two or three sentences>\n=== FROM THE MENU ===\n<the dishes you mention, with prices>\n\n"
        "=== MENU ===\nMargherita 9.50\nDiavola 11.00\nQuattro formaggi 12.00\n\n"
        "=== OPENING HOURS ===\nTue-Sun 12:00-22:00, closed Mondays\n"
    )
    output = _section(_prompt(task), "output_format")
    assert "Margherita 9.50" not in output
    assert "closed Mondays" not in output


# --- _ONE_TIME_INTRO (constraints/sections.py): an end signal said with another verb --------------------------------


def test_final_feedback_sections_are_not_every_replys_format() -> None:
    """_ONE_TIME_INTRO now needs a listed end verb; 'When all five questions are answered, give feedback using these
    sections:' is one reply at the end, but 1551ed8 makes Strengths / To improve / Verdict the output format of every
    turn (including each interview question)."""
    task = (
        "Practice-interview coach for junior developers. Ask 5 technical questions one by one and wait for each "
        "answer.\n\nWhen all five questions are answered, give feedback using these sections:\n"
        "Strengths: 2-3 bullets\nTo improve: 2-3 bullets\nVerdict: hire / maybe / no hire\n\n"
        "Never give the answers away during the questions."
    )
    assert "Use these sections, in this order" not in _section(_prompt(task), "output_format")


# --- _citation (compose/plan.py): placement read before the example only; _REFERENCE_LIKE ---------------------------


def test_citation_placed_at_the_end_after_its_example_stays_at_the_end() -> None:
    """_citation reads 'at the end' only before the example: 'Cite the section like (Handbook 4.2) at the end of every
    answer.' 1551ed8 tells the model to cite after every claim, contradicting the brief's own rule in the same
    prompt."""
    prompt = _prompt(
        "Q&A assistant over our employee handbook. Answer only from the handbook. Cite the section like (Handbook 4.2) "
        "at the end of every answer. Keep answers under 120 words."
    )
    assert "after every claim" not in prompt


def test_numbered_citation_style_is_kept() -> None:
    """_REFERENCE_LIKE needs a letter: 'Sources: [1] style numbers' is a numbered citation style; 1551ed8 replaces it
    with the default '[Doc 2, Section 3]'."""
    prompt = _prompt(
        "Q&A bot over our product manuals. Answer only from the manuals. Sources: [1] style numbers, list the manual "
        "titles at the bottom."
    )
    assert "[Doc 2, Section 3]" not in prompt


# --- _PLAYS_THE_QUESTIONED (archetypes/variants.py): the questioned part in other interviews ------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Practice tool for our medical students. You play the patient: Mrs. Rossi, 68, with chest tightness for two "
        "days. The student runs the clinical interview and asks the questions; answer only what they ask, in "
        "character.",
        "Witness interview practice for police trainees. You are the witness to a bike theft outside a café; the "
        "trainee interviews you. Stay in character.",
    ],
)
def test_the_questioned_patient_or_witness_keeps_the_played_part(task: str) -> None:
    """_PLAYS_THE_QUESTIONED now lists job candidates only: in a clinical (patient) or witness interview the bot is the
    one questioned, but 1551ed8 turns it into the interviewer ('Ask one question per turn', 'until the candidate types
    "end session"', feedback at the end) instead of answering in character."""
    prompt = _prompt(task)
    assert "Answer what the user says in character" in prompt
    assert "Ask one question per turn and wait for the answer." not in prompt


# --- tie-break pattern (compose/settled.py) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Classificatore di commenti per il nostro forum. Etichette: OK, SPAM, INSULTO, ODIO. Se un commento rientra "
        "in più etichette, scegli il più grave. Rispondi solo con l'etichetta.",
        "Classificador de comentários do nosso fórum. Responda com exatamente um destes rótulos: OK, SPAM, INSULTO, "
        "ODIO. Se vários servirem, escolha o mais grave.",
        "Reactie-classifier voor ons forum. Labels: OK, SPAM, BELEDIGING, HAAT. Als een reactie onder meerdere labels "
        "valt, kies de zwaarste. Antwoord alleen met het label.",
        "Comment classifier for our forum. Reply with exactly one of these labels: OK, SPAM, INSULT, HATE. If several "
        "fit, the most severe one goes.",
    ],
)
def test_most_severe_tie_break_still_settles_the_tie(task: str) -> None:
    """tie-break pattern narrowed to 'gana/prevale/vale/wint … grave': 'scegli il più grave', 'escolha o mais grave',
    'kies de zwaarste', 'the most severe one goes' settle the tie, but 1551ed8 adds 'choose the one listed first in
    the label set' (here OK, the mildest), contradicting the brief."""
    assert "choose the one listed first in the label set" not in _prompt(task)


# --- clarifying pattern (compose/settled.py) -----------------------------------------------------------------------


def test_pick_the_most_sensible_reading_still_settles_clarifying() -> None:
    """clarifying pattern lost 'one' / 'option': 'If a request is vague, pick the most sensible one and mention the
    alternative' is about ambiguous requests, yet 1551ed8 adds 'Ask one clarifying question when a request can be
    read in two or more ways', the opposite of the brief."""
    prompt = _prompt(
        "Recipe bot. If a request is vague, pick the most sensible one and mention the alternative in one line."
    )
    assert "Ask one clarifying question when a request can be read in two or more ways" not in prompt


# --- write_access pattern (compose/settled.py) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "SQL assistant for our Postgres warehouse. Write queries for the analysts' questions. If someone asks you to "
        "delete or update customers, reply exactly: I only write read queries.",
        "SQL assistant for our Postgres warehouse. Write queries for the analysts' questions. If anyone wants to "
        "modify or drop tables, refuse and say that needs a DBA.",
    ],
)
def test_a_refusal_of_writes_settles_write_access(task: str) -> None:
    """write_access now needs 'anything/data/rows/…' right after the verb: 'delete or update customers', 'modify or
    drop tables' are refusals of writes, but 1551ed8 adds 'Write read-only queries … unless the user explicitly asks
    for a change to data', which permits exactly what the brief refuses."""
    assert "unless the user explicitly asks for a change to data" not in _prompt(task)


# --- find_requirement requester check (constraints/requirements.py) ---------------------------------------------------


def test_i_require_is_the_requesters_rule_for_the_bot() -> None:
    """find_requirement 'I …' check: 'I require every answer to cite the clause number' is a rule for every answer,
    not the requester's own chore; 1551ed8 demotes it to background context ('From the brief: …')."""
    prompt = _prompt(
        "Assistant that reviews our lease agreements. I require every answer to cite the clause number. Be formal."
    )
    assert "cite the clause number" in _section(prompt, "instructions")


# --- must_segments / _CASE_SEGMENT (constraints/requirements.py) ------------------------------------------------------


def test_a_case_segment_does_not_strip_the_clauses_scope() -> None:
    """_CASE_SEGMENT: 'For allergy questions, never guess, if the dish has nuts say so clearly.' 1551ed8 splits off the
    case and leaves 'Never guess.' for every question plus a stray context line 'From the brief: For allergy
    questions.'"""
    prompt = _prompt(
        "Kitchen assistant for our restaurant. For allergy questions, never guess, if the dish has nuts say so clearly."
    )
    assert "From the brief: For allergy questions." not in prompt
    assert "For allergy questions" in _section(prompt, "instructions")

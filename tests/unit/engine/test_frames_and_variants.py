"""Which frame a brief gets and which variant of it: a classifier that returns a JSON record, the tool agent for a job
named by its tools, the grader's stated scale, the story game, mirrored languages and 'Polish', Instagram DMs,
investing ruled out, the tutor's full solution, numbered jobs, and topics people ask about."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints
from app.engine.job_choice import classify_brief


def _ids(task: str) -> list[str]:
    brief = Brief(task=task)
    return [match.id for match in classify_brief(brief, extract_constraints(brief))]


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _constraints(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def _role(prompt: str) -> str:
    return prompt.split("# Role", 1)[1].split("\n#", 1)[0]


# --- a classifier whose reply is a JSON record ---------------------------------------------------------------------

_RECORD = "one valid JSON object per input"
_BARE_LABEL = "Return exactly one label from the set."


@pytest.mark.parametrize(
    "task",
    [
        'Tag each support ticket as billing, bug or other. Reply with JSON like {"label": ..., "order_id": ..., '
        '"urgent": true/false}.',
        "Clasifica cada mensaje de los vecinos en una categoría: limpieza, alumbrado, ruido u otros. Devuelve solo "
        'JSON así: {"categoria": ..., "ubicacion": ..., "urgente": true/false}.',
        'classify customer reviews as positive, negative or neutral and return json {"label": "...", "product": '
        '"...", "reason": "..."}',
    ],
)
def test_a_label_inside_a_json_record_makes_the_reply_the_record(task: str) -> None:
    prompt = _prompt(task)
    assert _ids(task)[0] == "classification"
    assert _RECORD in prompt
    assert "only what the input states" in prompt
    assert _BARE_LABEL not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Classify incoming emails into sales, support or spam. Output only the label.",
        "Sort reviews into positive, negative or neutral.",
    ],
)
def test_a_bare_label_classifier_keeps_the_label_reply(task: str) -> None:
    prompt = _prompt(task)
    assert _BARE_LABEL in prompt
    assert _RECORD not in prompt


@pytest.mark.parametrize(
    ("task", "labels"),
    [
        ("Translate each support ticket from Spanish, then tag it as billing, tech or sales.", "billing, tech, sales"),
    ],
)
def test_a_second_job_on_the_translated_input_is_classified(task: str, labels: str) -> None:
    ids = _ids(task)
    assert ids[0] == "classification"
    assert "translation" in ids
    assert f"Labels: {labels}." in _prompt(task)


# --- the tool agent for a job named only by its tools --------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "I need an assistant for my bike repair shop that can call get_quote(bike_type, issue) when someone asks "
        "about a price.",
        "An assistant for my dad's B&B guests. It checks rooms with rooms_free(date).",
    ],
)
def test_an_unnamed_job_with_tools_leads_with_the_tool_agent(task: str) -> None:
    assert _ids(task)[0] == "tool_agent"


@pytest.mark.parametrize(
    "task",
    [
        "An assistant for my dad's B&B guests. Answer questions about breakfast times.",
        "General assistant for our office team. Be brief.",
    ],
)
def test_an_unnamed_job_without_tools_stays_the_general_assistant(task: str) -> None:
    assert _ids(task)[0] == "general_assistant"


# --- the grader's stated scale wins over a rubric ------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Grade short history answers. Score 0-10, where 7 is a pass. Give one line of feedback.",
        "Mark each student answer against the model answer and say what is missing.",
        "Grade the lab reports out of 20; 12 or more is a pass.",
        "Score each quiz answer by comparing it with the reference answer I give you.",
        "Bewerte die Antworten der Schüler anhand der Musterlösung und gib kurzes Feedback.",
    ],
)
def test_a_pass_mark_or_a_model_answer_makes_the_stated_scale_grader(task: str) -> None:
    assert _ids(task)[0] == "grader"
    prompt = _prompt(task)
    assert "{{rubric}}" not in prompt
    assert "against the rubric" not in prompt


def test_a_grader_with_a_rubric_keeps_the_rubric() -> None:
    prompt = _prompt("Rate essays 1-5 using the rubric below.")
    assert "rubric" in _role(prompt)


# --- the story game and "You are the narrator of …" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "role"),
    [
        ("You will be the host of a pub quiz game for our team night.", "host of a pub quiz game"),
        ("You are the host of a trivia game night for our office.", "host of a trivia game night"),
    ],
)
def test_you_will_be_the_x_makes_x_the_role(task: str, role: str) -> None:
    role_text = _role(_prompt(task))
    assert role in role_text
    assert "Help the user with this request: you" not in role_text
    assert "a you are" not in role_text


@pytest.mark.parametrize(
    "task",
    [
        "You are the narrator of a spooky text adventure set in a Victorian house. The player types actions; "
        "describe what happens.",
        "You're the dungeon master for a one-shot fantasy adventure for four friends.",
    ],
)
def test_a_narrator_or_dungeon_master_runs_a_story_game(task: str) -> None:
    """A control: reading "You are the X" as the role keeps the game master's frame."""
    assert "Run the game as its narrator" in _role(_prompt(task))


# --- language: mirroring the user, and "Polish" --------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Chatbot for a primary school office. Reply in English or Polish depending on what the parent writes. "
        "Answer questions about term dates and lunches.",
        "Help desk bot for a Warsaw coworking space; answer members in English or Polish, whichever the member uses.",
        "Support bot for our Berlin bike shop. Answer in German or English depending on what the customer writes.",
        "Bot for a Lisbon hostel, reply in portuguese or english depending on which language the guest uses",
    ],
)
def test_x_or_y_depending_on_what_the_user_writes_mirrors_the_user(task: str) -> None:
    languages = [c.value for c in _constraints(task, "language")]
    assert languages == ["the user's language"]
    assert "writing_editor" not in _ids(task)


def test_a_single_named_language_is_still_fixed() -> None:
    assert [
        c.value for c in _constraints("Support bot for a Polish bakery chain. Always reply in Polish.", "language")
    ] == ["Polish"]


@pytest.mark.parametrize(
    "task",
    [
        "Chatbot for our Ealing deli; answer customers in English or Polish.",
    ],
)
def test_polish_after_in_or_and_into_is_a_language_not_an_edit(task: str) -> None:
    assert "writing_editor" not in _ids(task)


@pytest.mark.parametrize(
    "task",
    [
        "Polish my cover letter so it sounds more professional.",
        "polish the product descriptions I paste, keep them short",
    ],
)
def test_polish_as_a_verb_is_still_editing(task: str) -> None:
    assert "writing_editor" in _ids(task)


# --- Instagram DMs are a channel -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "I run a small candle shop. I want a bot that replies to customer Instagram DMs about orders, shipping and "
        "scents.",
        "Answer questions that come in through our Instagram DMs and Facebook messages for our yoga studio: class "
        "times, prices, beginners.",
        "Bot for my nail salon that answers Instagram DMs about bookings, prices and aftercare.",
    ],
)
def test_instagram_dms_are_a_channel_not_marketing(task: str) -> None:
    ids = _ids(task)
    assert ids[0] == "customer_support"
    assert "Offer three distinct variants" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    ["Write Instagram captions for our bakery's new seasonal menu.", "Plan an Instagram campaign for our new gin."],
)
def test_instagram_copy_is_still_marketing(task: str) -> None:
    assert _ids(task)[0] == "marketing_copy"


# --- investing ruled out -------------------------------------------------------------------------------------------

_RETURNS_RULE = "Never promise or predict returns"


@pytest.mark.parametrize(
    "task",
    [
        "Money helper for young adults: budgeting, bills, payslips. Don't give investment or debt advice.",
        "Budgeting helper for students: rent, bills, food shop. Never give investment advice.",
        "Payslip explainer for our staff. Do not talk about investing.",
    ],
)
def test_investing_ruled_out_brings_no_returns_rule(task: str) -> None:
    assert _RETURNS_RULE not in _prompt(task)


def test_an_investing_job_keeps_the_returns_rule() -> None:
    prompt = _prompt("Investment education bot for beginners: explain index funds, ETFs and compound interest.")
    assert _RETURNS_RULE in prompt


# --- the tutor's full solution -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Help my son learn his times tables.",
        "Maths tutor for GCSE students. Walk them through algebra step by step.",
    ],
)
def test_the_tutor_gives_the_full_solution_only_after_two_real_attempts(task: str) -> None:
    prompt = _prompt(task)
    assert "only after the student has made two real attempts and is still stuck" in prompt
    assert "two attempts or asks for it" not in prompt


# --- numbered jobs -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "steps"),
    [
        (
            "Museum assistant. 1) Greet visitors. 2) Answer visitors' questions about opening times and tickets. 3) "
            "Never give medical advice.",
            ("Greet visitors.", "Answer visitors' questions about opening times and tickets."),
        ),
        (
            "Bot for our community garden. 1) Thank new members for joining. 2) Explain the watering rota.",
            ("Thank new members for joining.", "Explain the watering rota."),
        ),
    ],
)
def test_numbered_jobs_are_steps_without_their_own_numbers(task: str, steps: tuple[str, ...]) -> None:
    lines = _prompt(task).splitlines()
    for step in steps:
        assert any(line.split(". ", 1)[-1] == step for line in lines if line[:1].isdigit())
    assert not any(") " + steps[-1] in line for line in lines)


# --- topics people ask about are no job ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "not_a_job"),
    [
        (
            "Bot for our bell ringing society (St Mary's, Thornbury). Answer q's about practice nights, quarter peals "
            "and how to learn to ring.",
            "tutor",
        ),
        (
            "Chatbot for our language school. Answer questions about course fees, timetables and how to learn "
            "Spanish fast.",
            "tutor",
        ),
        (
            "Website bot for our agency. Handle enquiries about our translation rates and turnaround times.",
            "translation",
        ),
        ("Bot for the driving school. Answer questions about lessons, prices and test dates.", "tutor"),
    ],
)
def test_what_people_ask_about_is_not_classified(task: str, not_a_job: str) -> None:
    assert not_a_job not in _ids(task)


@pytest.mark.parametrize(
    ("task", "job"),
    [
        ("Help my son learn his times tables. Give hints, not answers.", "tutor"),
        ("Teach beginners how to ring church bells, one step at a time.", "tutor"),
        ("Translate our menu into French.", "translation"),
    ],
)
def test_a_real_teaching_or_translating_job_is_still_classified(task: str, job: str) -> None:
    assert job in _ids(task)


# --- "au plus un mot difficile" counts words, not the reply's length -----------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Assistant de lecture. Au plus 2 mots difficiles par réponse.",
        "Explica como máximo dos palabras técnicas por respuesta.",
        "Spiega al massimo 2 parole nuove per risposta.",
    ],
)
def test_a_count_of_qualified_words_is_no_reply_length(task: str) -> None:
    assert _constraints(task, "limit") == []
    assert "at most 2 words" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "limit"),
    [
        ("Réponds en 50 mots au plus.", "at most 50 words"),
        ("Réponds en au plus 50 mots par réponse.", "at most 50 words"),
        ("Responde en máximo 80 palabras.", "at most 80 words"),
    ],
)
def test_a_reply_length_in_words_is_still_a_limit(task: str, limit: str) -> None:
    assert limit in _prompt(task)


# --- passengers and bookings are people in a chat ------------------------------------------------------------------

_CHAT_REPLIES = "Short chat replies in plain prose"


@pytest.mark.parametrize(
    "task",
    [
        "Assistant for ferry passengers. Tools: find_booking(ref), change_seat(ref, seat).",
        "Bot that helps rail passengers. It uses get_delays(route) and claim_refund(ticket_id).",
    ],
)
def test_a_tool_agent_for_passengers_speaks_with_people(task: str) -> None:
    prompt = _prompt(task)
    assert "chat" in _role(prompt)
    assert _CHAT_REPLIES in prompt


def test_a_back_office_tool_agent_is_no_chat() -> None:
    prompt = _prompt("Agent that reconciles invoices. Tools: fetch_invoices(month), mark_paid(invoice_id).")
    assert "chat" not in _role(prompt)
    assert _CHAT_REPLIES not in prompt

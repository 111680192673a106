"""Independent checks, from a user's side, of four engine changes: a brief settles the topics it speaks about; a Dutch
or German verb-first condition keeps its contact to its case; what a tool returns is not the reply, and a limit stays
on the reply part it names; a brief's own safety route replaces the pack's generic one.

Every brief here is new (other domains, wording and languages than the commits' own tests). Each group pairs briefs
that must change with controls that must keep the old behaviour. Ten of them were written as strict xfails
recording wrong output a user would report; the engine was fixed after them and they are plain tests now.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _instructions(task: str) -> str:
    prompt = _prompt(task)
    return prompt.split("<instructions>", 1)[1].split("</instructions>", 1)[0]


def _fallbacks(task: str) -> list[tuple[str | None, str | None]]:
    return [(c.value, c.condition) for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]


def _limits(task: str) -> list[tuple[str | None, int | None]]:
    return [(c.scope, c.maximum) for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


# --- a0a1082: the brief's own sentence settles its topic --------------------------------------------------------

# (brief that settles a topic, control for the same job that is silent on it, the default's words)
SETTLED = [
    (
        "Review merge requests for our Rust crate. If there is nothing to fix, respond with OK.",
        "Review merge requests for our Rust crate and point out unsafe blocks.",
        "No blocking issues found",
    ),
    (
        "File-management agent with list_files(dir), move_file(src, dst) and delete_file(path). "
        "No need to confirm before deleting temp files.",
        "File-management agent with list_files(dir), move_file(src, dst) and delete_file(path).",
        "confirm before any action",
    ),
    (
        "Write Instagram captions for a florist's Mother's Day bouquets. Give me two options per post.",
        "Write Instagram captions for a florist's Mother's Day bouquets.",
        "three distinct variants",
    ),
    (
        "Write the homepage hero text for a plumbing company. Don't end with a call to action.",
        "Write the homepage hero text for a plumbing company.",
        "End with one clear call to action",
    ),
    (
        "Write a product launch email for our budgeting app. Put a sign-up link at the end.",
        "Write the homepage hero text for a plumbing company.",
        "End with one clear call to action",
    ),
    (
        "Pull the supplier name, delivery date and quantity out of purchase orders as JSON. "
        "Leave the field empty if the order doesn't say.",
        "Pull the supplier name, delivery date and quantity out of purchase orders as JSON.",
        "Set a field to null",
    ),
    (
        "Pull the supplier name, delivery date and quantity out of purchase orders as JSON. "
        "Keep the delivery date exactly as it appears.",
        "Pull the supplier name, delivery date and quantity out of purchase orders as JSON.",
        "ISO 8601",
    ),
    (
        "SQL assistant for the finance team on Snowflake. Return every matching row, no LIMIT.",
        "SQL assistant for the finance team on Snowflake.",
        "100 rows",
    ),
    (
        "Mock interviewer for junior accountants. Skip the feedback at the end, just say goodbye.",
        "Mock interviewer for junior accountants.",
        "two strengths and two improvements",
    ),
    (
        "Coding helper for our data engineers writing Scala. Pseudocode is fine when the logic is the point.",
        "Coding helper for our data engineers writing Scala.",
        "complete, runnable code",
    ),
    (
        "Summarise call transcripts for our sales managers and add your own suggestions for next steps.",
        "Summarise call transcripts for our sales managers.",
        "Include only information stated in the input",
    ),
    (
        "Grade lab reports for first-year biology against the rubric. "
        "Give a single overall mark out of 20, not per criterion.",
        "Grade lab reports for first-year biology against the rubric.",
        "Score each criterion separately",
    ),
    (
        "Answer employee questions about the travel policy documents. You don't need to cite sources, keep it "
        "conversational.",
        "Answer employee questions about the travel policy documents.",
        "Cite the supporting passage",
    ),
    (
        "Helpdesk assistant for an online pharmacy. Ask for the order number before anything else.",
        "Helpdesk assistant for an online pharmacy.",
        "Ask for personal details",
    ),
    (
        "Agente de reservas para un restaurante con reservar_mesa(fecha, personas) y cancelar_reserva(id). "
        "Puedes cancelar sin pedir confirmación.",
        "Agente de reservas para un restaurante con reservar_mesa(fecha, personas) y cancelar_reserva(id).",
        "confirm before any action",
    ),
]


@pytest.mark.parametrize(("task", "control", "default"), SETTLED)
def test_a_brief_that_speaks_about_a_topic_drops_the_default_on_it(task: str, control: str, default: str) -> None:
    assert default.lower() not in _prompt(task).lower()


@pytest.mark.parametrize(("task", "control", "default"), SETTLED)
def test_a_brief_silent_on_the_topic_keeps_the_default(task: str, control: str, default: str) -> None:
    assert default.lower() in _prompt(control).lower()


@pytest.mark.parametrize(
    ("task", "sentence"),
    [
        (
            "Write a product launch email for our budgeting app. Put a sign-up link at the end.",
            "Put a sign-up link at the end.",
        ),
        (
            "Mock interviewer for junior accountants. Skip the feedback at the end, just say goodbye.",
            "Skip the feedback at the end, just say goodbye.",
        ),
        (
            "Coding helper for our data engineers writing Scala. Pseudocode is fine when the logic is the point.",
            "Pseudocode is fine when the logic is the point.",
        ),
    ],
)
def test_the_settling_sentence_reaches_the_instructions(task: str, sentence: str) -> None:
    assert sentence in _instructions(task)


def test_the_split_data_rule_keeps_the_password_warning_when_the_brief_asks_for_an_order_number() -> None:
    rules = _instructions("Helpdesk assistant for an online pharmacy. Ask for the order number before anything else.")
    assert "Ask for the order number before anything else." in rules
    assert "Never ask for passwords or full card numbers." in rules


def test_a_brief_that_keeps_written_dates_still_gets_null_for_missing_values() -> None:
    prompt = _prompt(
        "Pull the supplier name, delivery date and quantity out of purchase orders as JSON. "
        "Keep the delivery date exactly as it appears."
    )
    assert "Set a field to null" in prompt


def test_no_need_to_is_not_read_as_a_prohibition() -> None:
    task = "Answer questions about our gym's class timetable. No need to greet the user every time."
    assert not any(c.kind == "prohibition" for c in extract_constraints(Brief(task=task)))
    assert "avoid need" not in _prompt(task).lower()


@pytest.mark.parametrize(
    "task",
    [
        "Chatbot for a museum's opening hours and tickets. There are no staff on chat, so do not hand over to a human.",
        "Support chat for a meal-kit app. We have no live agents, so never transfer the chat to a person.",
    ],
)
def test_a_hand_off_the_brief_rules_out_is_no_escalation_rule(task: str) -> None:
    assert "human agent" not in _prompt(task)


def test_a_support_brief_that_says_nothing_about_humans_keeps_the_hand_off() -> None:
    assert "human agent" in _prompt("Support chat for a meal-kit app.")


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        # A brief that agrees with the default keeps it.
        (
            "File-management agent with list_files(dir), move_file(src, dst) and delete_file(path). "
            "Always confirm with the user before deleting anything.",
            "confirm before any action",
        ),
        (
            "Pull the supplier name, delivery date and quantity out of purchase orders as JSON. "
            "Missing fields are null.",
            "Set a field to null",
        ),
        (
            "Pull the supplier name, delivery date and quantity out of purchase orders as JSON. "
            "Dates in ISO format please.",
            "ISO 8601",
        ),
        (
            "Answer employee questions about the travel policy. Cite the page number for every answer.",
            "Cite the supporting passage",
        ),
    ],
)
def test_a_brief_that_agrees_with_the_default_keeps_it(task: str, kept: str) -> None:
    assert kept in _prompt(task)


def test_one_caption_per_post_drops_the_three_variants_default() -> None:
    prompt = _prompt(
        "Write Instagram captions for a florist's Mother's Day bouquets. Write exactly one caption per post, "
        "no alternatives."
    )
    assert "three distinct variants" not in prompt


def test_giving_the_solution_straight_away_drops_the_two_attempts_rule() -> None:
    prompt = _prompt(
        "Physics tutor for high schoolers. If a student asks for the solution, give it straight away with the working."
    )
    assert "full worked solution only after" not in prompt


def test_no_live_agents_leaves_no_human_hand_off_anywhere_in_the_prompt() -> None:
    prompt = _prompt("Support chat for a meal-kit app. We have no live agents, so never transfer the chat to a person.")
    assert "human colleague" not in prompt
    assert "escalation rule" not in prompt


@pytest.mark.parametrize(
    "settling",
    ["If a field isn't in the order, write N/A.", "Give dates as DD/MM/YYYY."],
)
def test_a_missing_value_or_date_form_is_not_a_label_set(settling: str) -> None:
    prompt = _prompt(f"Pull the supplier name, delivery date and quantity out of purchase orders as JSON. {settling}")
    assert "label set" not in prompt


# --- c31c816: a Dutch or German verb-first condition keeps its contact to its case ------------------------------

VERB_FIRST = [
    (
        "Je helpt bewoners van Zuiderbroek met vragen over de afvalkalender. Heeft iemand een klacht over de "
        "ophaaldienst, verwijs dan naar klachten@zuiderbroek.nl.",
        "klachten@zuiderbroek.nl",
        "Heeft iemand een klacht over de ophaaldienst",
    ),
    (
        "Je beantwoordt vragen van huurders over de servicekosten. Wil een huurder bezwaar maken, verwijs dan naar "
        "bezwaar@woonstichting-delta.nl.",
        "bezwaar@woonstichting-delta.nl",
        "Wil een huurder bezwaar maken",
    ),
    (
        "Du hilfst Eltern bei Fragen zur Kita-Anmeldung in Lindenau. Braucht jemand einen Härtefallantrag, dann "
        "verweise auf kita-haertefall@lindenau.de.",
        "kita-haertefall@lindenau.de",
        "Braucht jemand einen Härtefallantrag",
    ),
    (
        "Du beantwortest Fragen zu Parkausweisen. Hat jemand einen Strafzettel bekommen, dann schreib, dass er sich "
        "an bussgeld@stadt-lindenau.de wenden soll.",
        "bussgeld@stadt-lindenau.de",
        "Hat jemand einen Strafzettel bekommen",
    ),
]


@pytest.mark.parametrize(("task", "address", "case"), VERB_FIRST)
def test_a_verb_first_condition_is_the_contacts_case(task: str, address: str, case: str) -> None:
    assert (address, case) in _fallbacks(task)


@pytest.mark.parametrize(("task", "address", "case"), VERB_FIRST)
def test_a_verb_first_contact_is_not_the_route_for_everything_unanswered(task: str, address: str, case: str) -> None:
    assert f"When you cannot help, tell the user to email {address}" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "address", "case"),
    [
        (
            "Du beantwortest Fragen zu Parkausweisen in Lindenau. Wenn du etwas nicht weißt, verweise auf "
            "parken@lindenau.de.",
            "parken@lindenau.de",
            "Wenn du etwas nicht weißt",
        ),
        (
            "Je beantwoordt vragen over de bibliotheek. Als iemand een boete wil betwisten, verwijs dan naar "
            "boetes@bieb-noord.nl.",
            "boetes@bieb-noord.nl",
            "Als iemand een boete wil betwisten",
        ),
    ],
)
def test_a_condition_with_an_if_word_keeps_its_case(task: str, address: str, case: str) -> None:
    assert (address, case) in _fallbacks(task)


def test_a_dutch_catch_all_contact_stays_unconditioned() -> None:
    task = (
        "Je beantwoordt vragen over parkeervergunningen in Zuiderbroek. "
        "Vragen die je niet kunt beantwoorden: mail parkeren@zuiderbroek.nl."
    )
    assert ("parkeren@zuiderbroek.nl", None) in _fallbacks(task)


# --- f58aa77: a tool's return value is not the reply; limits stay on the part they name --------------------------

HR = (
    "Help our HR team with questions about leave. Use lookup_employee(id), which returns a JSON record with name "
    "and leave balance. Reply in plain text."
)


def test_what_a_tool_returns_is_not_the_reply_format() -> None:
    formats = [c.value for c in extract_constraints(Brief(task=HR)) if c.kind == "format"]
    assert formats == ["plain"]


def test_a_tool_returning_a_number_of_items_sets_no_reply_limit() -> None:
    task = (
        "Assistant for the volunteers of a food bank. It looks up stock with get_inventory(item), which returns up "
        "to 200 items as JSON. Answer in two short sentences."
    )
    assert not any(c.kind == "limit" and c.maximum == 200 for c in extract_constraints(Brief(task=task)))
    assert "at most 200 items" not in _prompt(task)


def test_a_tool_that_returns_json_does_not_make_the_reply_json() -> None:
    prompt = _prompt(
        "Assistant for the volunteers of a food bank. It looks up stock with get_inventory(item), which returns up "
        "to 200 items as JSON. Answer in two short sentences."
    )
    reply_format = prompt.split("<output_format>", 1)[1].split("</output_format>", 1)[0]
    assert "json" not in reply_format.lower()


def test_a_reply_limit_after_a_tool_description_in_the_same_sentence_is_kept() -> None:
    task = (
        "Assistant for the volunteers of a food bank. It looks up stock with get_inventory(item), which returns up "
        "to 200 items as JSON, and answers in two short sentences."
    )
    assert any(c.kind == "limit" for c in extract_constraints(Brief(task=task)))


@pytest.mark.parametrize(
    ("task", "scope", "maximum"),
    [
        (
            'Classify support tickets as billing, bug or other. Reply as JSON {"label": ..., "why": ...}. '
            "whyは日本語で40文字以内。",
            "the why field",
            40,
        ),
        (
            '将每条用户反馈分类为 praise、complaint 或 question。输出JSON：{"label": "praise", "note": "..."}。'
            "note用中文，不超过20字。",
            "the note field",
            20,
        ),
        (
            "Translate the customer's question into SQL for our Postgres warehouse, then the answer in simple English "
            "in at most 2 sentences.",
            "the answer",
            2,
        ),
        (
            'Give the corrected paragraph first, then a short "What I fixed" list of at most 4 bullets.',
            "the change list",
            4,
        ),
        (
            "Proofread the blog posts of our hiking club. Return the corrected post, then a changelog of at most "
            "6 items.",
            "the change list",
            6,
        ),
    ],
)
def test_a_limit_stays_on_the_part_it_names(task: str, scope: str, maximum: int) -> None:
    assert _limits(task) == [(scope, maximum)]


def test_a_field_limit_in_japanese_is_not_a_reply_limit() -> None:
    prompt = _prompt(
        'Classify support tickets as billing, bug or other. Reply as JSON {"label": ..., "why": ...}. '
        "whyは日本語で40文字以内。"
    )
    assert "Keep the reply to at most 40 characters" not in prompt


def test_a_what_we_changed_list_replaces_the_default_change_list() -> None:
    prompt = _prompt(
        "Editor for the quarterly newsletter of a historical society. Fix typos and keep the chair's voice. "
        "Return the edited text, then a short 'What we changed' list."
    )
    assert "List the three most important changes" not in prompt


def test_an_editor_brief_without_a_change_list_keeps_the_default_one() -> None:
    prompt = _prompt(
        "Editor for the quarterly newsletter of a historical society. Fix typos and keep the chair's voice."
    )
    assert "List the three most important changes" in prompt


def test_a_reply_limit_without_a_named_part_still_limits_the_reply() -> None:
    assert _limits("Reply in simple English in at most 2 sentences.") == [(None, 2)]


def test_proofreading_reports_brings_no_extraction_or_tutor_rules() -> None:
    prompt = _prompt("Proofread the monthly reports our field engineers write, fixing typos and unclear sentences.")
    assert "You are an editor" in prompt
    assert "Set a field to null" not in prompt
    assert "Guide the student" not in prompt


def test_a_homework_helper_still_gets_the_tutor_rules() -> None:
    assert "Guide the student" in _prompt("Help Year 7 pupils with their geography homework.")


def test_a_bulletin_editor_for_a_language_school_gets_no_tutor_rules() -> None:
    prompt = _prompt(
        "Editor for the weekly bulletin of a language school that teaches grammar and vocabulary to adults. "
        "Tighten the wording and fix typos."
    )
    assert "Guide the student" not in prompt


def test_an_sql_helper_for_the_marketing_team_gets_no_copywriting_rules() -> None:
    prompt = _prompt("Help our marketing team query BigQuery. Always add LIMIT 20 to every query.")
    assert "three distinct variants" not in prompt
    assert "call to action" not in prompt


# --- db21b03: the brief's own safety route replaces the pack's; every named source; no slot for searched docs ----

_PARENT_OR_TEACHER = "talk to a trusted adult, such as a parent or teacher"
_LAWYER = "suggest a qualified lawyer or legal aid service for that"


@pytest.mark.parametrize(
    ("task", "own_route"),
    [
        (
            "Reading buddy for kids aged 7 to 10 at Oakfield Library. If a child says someone at home is hurting "
            "them, tell them to speak to the library's safeguarding lead, Ms Patel, or call Childline on 0800 1111.",
            "0800 1111",
        ),
        (
            "Asistente de deberes para niños de 8 a 12 años. Si un niño cuenta que sufre acoso en el colegio, dile "
            "que hable con su tutora y que puede llamar al 900 018 018 de la Fundación ANAR.",
            "900 018 018",
        ),
    ],
)
def test_a_childrens_brief_with_its_own_route_replaces_parent_or_teacher(task: str, own_route: str) -> None:
    prompt = _prompt(task)
    assert _PARENT_OR_TEACHER not in prompt
    assert own_route in prompt


def test_a_childrens_brief_without_its_own_route_keeps_parent_or_teacher() -> None:
    assert _PARENT_OR_TEACHER in _prompt(
        "Reading buddy for kids aged 7 to 10 at Oakfield Library. Keep answers short and cheerful."
    )


def test_a_brief_with_its_own_legal_line_replaces_the_generic_lawyer() -> None:
    prompt = _prompt(
        "FAQ bot for a neighbourhood housing co-op. It's not a lawyer; when someone asks about their own situation, "
        "refer them to the Legal Advice Line at 020 7946 0011."
    )
    assert _LAWYER not in prompt
    assert "020 7946 0011" in prompt


def test_a_legal_brief_without_its_own_referral_keeps_the_generic_lawyer() -> None:
    assert _LAWYER in _prompt("Answer questions from small landlords about tenancy deposit rules in England.")


def test_answers_rest_on_both_sources_the_brief_names() -> None:
    prompt = _prompt("Answer residents' questions using both the parking bylaws and the council's permit guide.")
    assert "Answer only from the parking bylaws and the permit guide" in prompt


def test_one_named_source_stays_one_source() -> None:
    prompt = _prompt("Answer residents' questions using the council's permit guide.")
    assert "Answer only from the permit guide;" in prompt


def test_documents_a_search_tool_finds_get_no_pasted_document_slot() -> None:
    prompt = _prompt(
        "Help staff answer questions about leave. It searches the HR policies with search_policies(query) and "
        "answers only from what it finds."
    )
    assert "{{document}}" not in prompt


def test_a_pasted_policy_document_keeps_its_slot() -> None:
    assert "{{document}}" in _prompt("Help staff answer questions about leave, using only the HR policy document.")


def test_a_weather_tool_does_not_remove_the_policy_document_slot() -> None:
    prompt = _prompt(
        "Help staff with leave. Use get_weather(city) for travel days and answer only from the HR policy document."
    )
    assert "{{document}}" in prompt

"""Round 42, class 1: a rule stated for one part of the reply stays that part's, never the whole reply's.

"draft max 80 words" after "first line is ONLY the label" sizes the draft; "each finding on one line" makes every
finding one line, not the reply; "then a single line starting "Note:" of no more than 25 words" is the Note line's
size; "short sentences, 12 words max" sizes each sentence; "say if it was right … in 2 sentences, then ask the next
question" sizes the verdict, not the turn. Also: "use the outward code only" is no code-only reply, and "außer
jemand schreibt auf Englisch" is a case of the reply language.
"""

from __future__ import annotations

import sys

import pytest

import app.engine.generate  # noqa: F401  (the package exports a function of the same name)
from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.formats import find_format

gen = sys.modules["app.engine.generate"]


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


def _languages(task: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "language"]


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        (
            "sort the messages to our lost-property desk and write an answer for each. top line is the category, "
            "then the answer. answer in plain words. summary max 40 words, then the answer.",
            "the summary",
        ),
        (
            "triage bug reports for our mobile app, label each one and write a reply to the reporter. reply "
            "starts with the label on its own line, then the draft. draft max 90 words, sign it 'QA team'.",
            "the draft",
        ),
        (
            "we need blurbs for our second-hand camera listings. give a headline and a blurb. "
            "blurb max 45 words, no exclamation marks.",
            "the blurb",
        ),
    ],
)
def test_a_lower_case_part_opening_the_clause_keeps_its_size(task: str, scope: str) -> None:
    assert [s for _, s in _limits(task)] == [scope]


def test_an_order_verb_opening_the_clause_is_no_part() -> None:
    # ("show max 3 lines of code": what to show, not a part named "show")
    assert all(s != "the show" for _, s in _limits("help me debug. show max 3 lines of code at a time."))


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        ("Review the pull request.\n- each finding on one line: [LEVEL] file:line - what to change", "each finding"),
        ("Check the invoice lines.\n- each problem on a single line, worst first", "each problem"),
        ("List the risks in the contract. Each risk in one line, with the clause number.", "each risk"),
    ],
)
def test_each_thing_on_one_line_is_every_things_line(task: str, scope: str) -> None:
    limits = _limits(task)
    assert (f"Make {scope} exactly 1 line.", scope) in limits
    assert ("Reply in exactly 1 line.", None) not in limits


def test_a_whole_reply_on_one_line_stays_the_reply() -> None:
    assert ("Reply in exactly 1 line.", None) in _limits("Answer each question in one line.")


@pytest.mark.parametrize(
    ("task", "label"),
    [
        ('Output: the regex in a code block, then a single line starting "Why:" of no more than 20 words.', "Why:"),
        ("Give the shell command, then one line starting with 'Risk:' of at most 15 words.", "Risk:"),
        ('Write the Excel formula, and a line beginning "Note:" with up to 30 words.', "Note:"),
    ],
)
def test_a_line_a_quoted_label_opens_has_its_own_size(task: str, label: str) -> None:
    limits = _limits(task)
    words = [(text, scope) for text, scope in limits if "words" in text]
    assert words
    assert all(scope == f'the "{label}" line' for _, scope in words)
    assert not [text for text, scope in limits if scope is None]


def test_a_reply_that_is_one_labelled_line_stays_one_line() -> None:
    assert ("Reply in exactly 1 line.", None) in _limits('Reply in a single line starting with "Status:".')


@pytest.mark.parametrize(
    "task",
    [
        "Rewrite council letters in plain English. Use short sentences, 14 words max.",
        "Rewrite the leaflet for new readers: short sentences (max 12 words), one idea each.",
        "Réécris les consignes : des phrases courtes, 10 mots maximum.",
        "Reescribe los avisos: frases cortas, máximo 15 palabras.",
        "Schreib die Anleitung um: kurze Sätze, höchstens 12 Wörter.",
    ],
)
def test_a_word_size_after_short_sentences_is_each_sentences(task: str) -> None:
    assert [s for _, s in _limits(task)] == ["each sentence"]


@pytest.mark.parametrize(
    "task",
    [
        "Answer in 3 short sentences, max 60 words.",
        "Keep it kind. Short sentences, under 25 words in total.",
        "Use short sentences. The whole reply is 120 words max.",
    ],
)
def test_a_counted_or_total_size_stays_the_replys(task: str) -> None:
    limits = _limits(task)
    assert limits
    assert "each sentence" not in [s for _, s in limits]


@pytest.mark.parametrize(
    "task",
    [
        "Spelling bee bot. After each attempt, say whether it was spelt right in no more than 2 sentences, then "
        "give the next word.",
        "History quiz. After every answer tell them if they got it right and why in at most 3 sentences and then "
        "ask the next question.",
    ],
)
def test_the_verdict_before_the_next_question_is_one_part(task: str) -> None:
    limits = _limits(task)
    assert [s for _, s in limits] == ["the feedback on the answer"]


def test_a_verdict_alone_is_the_reply() -> None:
    assert _limits("Say whether the headline is misleading in one sentence.") == [
        ("Reply in exactly 1 sentence.", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "If they ask where a customer lives, use the postal code only, never the street.",
        "For the store, give the branch code only when asked.",
        "Top line is ONLY the category, then a blank line, then the reply.",
        "first line is just the label, then the explanation.",
    ],
)
def test_a_datum_or_a_lines_content_is_no_reply_format(text: str) -> None:
    found = find_format(text)
    assert found is None or found.value not in ("code", "label")


@pytest.mark.parametrize(
    ("text", "value"),
    [("Reply with the SQL only.", "code"), ("Return only the label.", "label"), ("Output the category only.", "label")],
)
def test_a_reply_of_code_or_label_alone_still_reads(text: str, value: str) -> None:
    found = find_format(text)
    assert found is not None
    assert found.value == value


def test_the_label_line_before_a_draft_is_no_label_only_reply() -> None:
    task = (
        "Sort emails to our bike-repair shop and draft a reply to each. Labels: BOOKING, QUOTE, COMPLAINT, OTHER. "
        "first line is ONLY the label, then a blank line, then the draft. draft max 70 words."
    )
    prompt = gen.generate(Brief(task=task)).prompt
    assert "Reply with the label only" not in prompt
    assert "Keep the draft to at most 70 words." in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Antworte auf Deutsch, außer jemand schreibt auf Französisch, dann auf Französisch.",
        "Antworte auf Deutsch, ausser jemand schreibt auf Italienisch, dann auf Italienisch.",
    ],
)
def test_a_bare_except_opens_a_language_case(task: str) -> None:
    languages = _languages(task)
    assert len(languages) == 1
    assert "by default; when the user writes in" in languages[0]


# --- round 42, class 5: a pack or an audience from one word -----------------------------------------------------


def _audience(task: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "audience"]


@pytest.mark.parametrize(
    "task",
    [
        "Booking chat for our coasteering trips. we can't take children under 10 or anyone who can't swim. "
        "Answer questions about dates and prices.",
        "Assistant for our axe-throwing venue. Not suitable for children under 14. Answer booking questions.",
        "Help desk for the climbing wall. Kids under 6 must be with an adult at all times. Answer opening-hours "
        "questions.",
    ],
)
def test_children_a_business_turns_away_are_no_audience_and_no_pack(task: str) -> None:
    assert _audience(task) == []
    assert "a child's personal information" not in gen.generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    "task",
    ["A spelling game for children aged 6 to 8.", "Homework helper for kids aged 9-11, they can't take long texts."],
)
def test_children_who_chat_keep_their_audience_and_pack(task: str) -> None:
    assert _audience(task)
    assert "a child's personal information" in gen.generate(Brief(task=task)).prompt


def test_a_quoted_crisis_reply_after_a_stop_replaces_the_packs_crisis_rule() -> None:
    task = (
        "A journaling companion for our students' wellbeing app. It asks one gentle question a day and listens. "
        "Never diagnose anything.\n"
        "If someone says they want to die or talks about ending their life, stop the journaling and reply with "
        'exactly this: "Thank you for telling me. If you are in danger now, call 999. You can call Samaritans '
        'on 116 123 any time, or text SHOUT to 85258."\n'
        "Replies: 3 sentences max."
    )
    prompt = gen.generate(Brief(task=task)).prompt
    assert "keep the conversation going until they say they are reaching out" not in prompt
    assert "text SHOUT to 85258" in prompt


# --- round 42, class 2 and 4: the archetype's defaults and the job sentence against the brief --------------------


@pytest.mark.parametrize(
    "task",
    [
        "We run a marketplace for used bikes. I need an automatic moderator for listings before they go live. It "
        'returns only JSON: {"decision": "approve", "reasons": [], "note": "..."}. decision: approve, hold or '
        "reject. reasons: zero or more of these codes: no_frame_number, stolen_report, price_too_low, off_platform.",
        "Sou da equipa da LivroUsado. Preciso de um moderador automático para os anúncios antes de irem pro ar. "
        'Devolve só um JSON: {"decisao": "aprovar", "motivos": []}. decisao: aprovar, revisar ou rejeitar. '
        "motivos: sem_isbn, preco_suspeito, contato_externo.",
    ],
)
def test_a_moderator_with_its_own_decisions_keeps_no_default_categories(task: str) -> None:
    prompt = gen.generate(Brief(task=task)).prompt
    assert "Policy categories: hate" not in prompt
    assert 'Choose "review"' not in prompt
    assert 'decision "review"' not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Preciso de um moderador automático para os anúncios antes de irem pro ar. Responde em português.",
        "Quero um assistente para o chat do site que responda aos clientes e que passe para a equipa o que não "
        "consegue resolver.",
        "Necesito un asistente que conteste a los clientes antes de que llamen a la tienda.",
    ],
)
def test_the_sentence_asking_for_the_assistant_is_no_rule(task: str) -> None:
    kinds = [c.kind for c in extract_constraints(Brief(task=task))]
    assert "ordering" not in kinds
    assert "prohibition" not in kinds


def test_an_order_in_a_rule_of_the_brief_still_reads() -> None:
    kinds = [c.kind for c in extract_constraints(Brief(task="Verifica siempre el pedido antes de reembolsar."))]
    assert "ordering" in kinds


# --- round 42, class 3 and 5: a pasted tools body, and hardship routed to staff ---------------------------------


def test_a_pasted_tools_body_is_the_tool_list_not_the_reply() -> None:
    task = (
        "Chat assistant for our bike-hire kiosks. The tools, as our developer wrote them:\n\n"
        '{\n  "tools": [\n'
        '    {"type": "function", "function": {"name": "find_rental", "description": "Looks up a rental by code.", '
        '"parameters": {"type": "object", "properties": {"rental_code": {"type": "string"}}}}},\n'
        '    {"type": "function", "function": {"name": "end_rental", "description": "Ends a rental at a dock.", '
        '"parameters": {"type": "object", "properties": {"rental_code": {"type": "string"}, '
        '"dock_id": {"type": "string"}}}}}\n  ]\n}\n\n'
        "Always find_rental first. Replies under 50 words."
    )
    result = gen.generate(Brief(task=task))
    assert {c.name for c in result.constraints if c.kind == "tool"} == {"find_rental", "end_rental"}
    assert not [c for c in result.constraints if c.kind == "schema"]
    assert "exactly these keys: tools" not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Chat for our pawn shop's customers about their loans. If someone mentions they're struggling with debt, "
        "bereavement or illness, transfer_to_staff with reason vulnerable.",
        "Energy supplier chat about bills. If a customer tells you about illness, disability or money worries, "
        "hand the chat over to the priority team.",
    ],
)
def test_hardship_the_brief_routes_to_staff_selects_no_health_pack(task: str) -> None:
    prompt = gen.generate(Brief(task=task)).prompt
    assert "chest pain" not in prompt
    assert "financial adviser" not in prompt


def test_a_crisis_routed_to_staff_keeps_the_crisis_pack() -> None:
    task = "Chat for our pawn shop. If someone mentions suicide or self-harm, transfer_to_staff at once."
    assert "suicide" in gen.generate(Brief(task=task)).prompt.lower()


def test_value_lines_under_a_pasted_json_object_stay_one_key_each() -> None:
    task = (
        "Nos escriben clientes de la autoescuela y necesito que el asistente devuelva un JSON.\n\n"
        'Formato, solo esto:\n{"tipo": "...", "carnet": "...", "resumen": "..."}\n\n'
        "tipo una de: matricula, examen, pagos, otro\n"
        "carnet una de: b, a2, c, desconocido\n"
        "resumen: máximo 20 palabras"
    )
    result = gen.generate(Brief(task=task))
    assert '"enum": ["matricula", "examen", "pagos", "otro"]' in result.prompt
    assert '"enum": ["b", "a2", "c", "desconocido"]' in result.prompt
    assert "otro carnet" not in result.prompt


# --- hostile review of the rules above: what they must not swallow ----------------------------------------------


def test_an_emergency_handed_to_staff_keeps_the_health_pack() -> None:
    task = (
        "Booking assistant for a dental practice. If a patient mentions trouble breathing or swelling of the "
        "throat, escalate to the practice nurse at once."
    )
    assert "emergency" in gen.generate(Brief(task=task)).prompt


def test_a_reply_listing_things_called_tools_declares_no_tools() -> None:
    task = (
        "You help gardeners plan a job and list the kit they need. Reply like this: "
        '{"tools": [{"name": "spade", "description": "for digging"}, {"name": "rake", "description": "to level"}]}'
    )
    result = gen.generate(Brief(task=task))
    assert not [c for c in result.constraints if c.kind == "tool"]


def test_reply_keys_are_no_reason_codes_for_a_moderator() -> None:
    task = "You moderate reviews on our hotel site. Flag spam and abuse. Return JSON with review_id, is_flagged, why."
    assert "Policy categories" in gen.generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "kind"),
    [
        ("Quero um assistente que nunca dê descontos e que responda em português.", "prohibition"),
        ("We want a bot that first checks the booking reference, then answers the question.", "ordering"),
    ],
)
def test_rules_inside_the_request_sentence_still_read(task: str, kind: str) -> None:
    assert kind in [c.kind for c in extract_constraints(Brief(task=task))]


@pytest.mark.parametrize(
    "task",
    [
        "Reply in a few short sentences, max 40 words.",
        "Use short sentences, 30 words max per reply.",
        "Explain whether the refund is allowed in no more than 3 sentences, then list the next steps.",
    ],
)
def test_sizes_that_are_the_whole_replys_stay_so(task: str) -> None:
    assert [s for _, s in _limits(task)] == [None]


def test_a_one_line_label_reply_is_still_label_only() -> None:
    found = find_format("Reply with one line: only the label.")
    assert found is not None
    assert found.value == "label"


def test_who_writes_in_a_language_is_no_case_of_the_reply_language() -> None:
    languages = _languages("Customers from every region except Wallonia write in Dutch. Reply in French.")
    assert not [text for text in languages if "by default" in text]

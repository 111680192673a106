"""Review of the engine changes 6022032..2c8ae20 (round 25 fixes): regressions on ordinary brief phrasing.

Each test fails on 2c8ae20 and names the commit that introduced the problem:

- 4ad0ae9 / 63805e1: an adjective before a length ("Hard max 80 words", "Absolute max 100 words") is taken for the
  name of a part ("Keep the hard to at most 80 words"), so the whole reply is no longer capped.
- 4ad0ae9: a plural part is singularised by dropping its "s" ("Summaries" -> "each summarie", "Stories" -> "each
  storie", "Boxes" -> "each boxe").
- 354e84c: a negated translation ("Fachbegriffe nicht ins Englische übersetzen", "niet naar het Engels vertalen")
  makes English the reply language of a German or Dutch assistant.
- 354e84c: any "if/when … unclear" in the brief ("When customers ask about unclear charges on their bill") drops the
  default unsure guardrail, although the brief says nothing about what to do when the assistant is unsure.
- 4ad0ae9: the header of a CSV the brief receives ("Our shop exports orders as CSV with the header row: …") becomes
  the reply's format ("CSV only, …, no prose").
- 78b73a7: a JSON reply whose field carries a message ("and thank the customer in the reply field") gets prose after
  the JSON, which breaks the app that parses the reply.
- 78b73a7: "Give exactly 2 questions per turn" becomes "no more than 2", and "answer at most 3 questions per message"
  becomes "Ask no more than 3 questions per message".
- 2c8ae20: the escalation goes to any contact with "agent"/"human" before it, e.g. a courier's chat ("customers can
  chat with a DPD agent at dpd.co.uk/chat") instead of the shop's own hand-off.
- 26f34c4: a quoted name opening a foreign brief is taken for the assistant's name even when it names the restaurant
  or the programme ('"Casa Lupo", la nostra trattoria …' -> "You are Casa Lupo.").
- fac46f7: a numbered line that wraps onto the next line ("2) If someone asks about\\nbenefits, …") is cut in two.
- fac46f7: quoted titles after "sections:"/"parts:" are the reply's outline even when the brief skips them or lists
  what it sells ('Skip boilerplate sections: "Background", "Methodology"').
- fac46f7: "just" right after the negation ("Don't just paste bullet points …") is read as a turn to what is wanted,
  so the bullet points are no longer ruled out and the default numbered list comes back.
"""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.constraints.formats import forbidden_features
from app.engine.generate import generate, read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


def _output_format(prompt: str) -> str:
    found = re.search(r"<output_format>(.*?)</output_format>", prompt, re.DOTALL)
    return found.group(1) if found else ""


@pytest.mark.parametrize("adjective", ["Hard", "Absolute", "Strict"])
def test_an_adjective_before_a_length_is_no_part(adjective: str) -> None:
    """4ad0ae9 (kept by 63805e1): `_BARE_PART` takes any capitalised word before "max N words" for a part, so "Hard
    max 80 words" reads "Keep the hard to at most 80 words" and the reply has no cap. Before: "Keep the reply to at
    most 80 words." """
    task = f"Customer support bot for a bike shop. Answer questions about repairs. {adjective} max 80 words."
    assert _limits(task) == [("Keep the reply to at most 80 words.", None)]


@pytest.mark.parametrize(
    ("task", "each"),
    [
        ("Summarise each support ticket for the weekly report. Summaries max 50 words.", "each summary"),
        ("Write short bedtime stories for kids aged 4-6. Stories max 300 words.", "each story"),
        ("Write copy for our shop's product boxes. Boxes max 25 words.", "each box"),
    ],
)
def test_a_plural_part_is_singularised_properly(task: str, each: str) -> None:
    """4ad0ae9: a plural part loses only its final "s" ("Summaries" -> "each summarie", "Stories" -> "each storie",
    "Boxes" -> "each boxe"), and the misspelt noun goes into the prompt. Before: the reply was capped."""
    [(text, scope)] = _limits(task)
    assert scope in (each, None)
    assert not re.search(r"\b\w+(?:ie|xe)\b to at most", text)


@pytest.mark.parametrize(
    ("task", "language"),
    [
        (
            "Du bist der Support-Assistent von Velo Berlin. Du beantwortest Fragen zu Reparaturen. Fachbegriffe bitte "
            "nicht ins Englische übersetzen.",
            "German",
        ),
        (
            "Du bist der Support-Assistent von Velo Berlin. Du beantwortest Fragen zu Reparaturen und Öffnungszeiten. "
            "Wenn ein Kunde auf Englisch schreibt, antworte trotzdem auf Deutsch und übersetze die Antwort nicht ins "
            "Englische.",
            "German",
        ),
        (
            "Je bent de assistent van onze fietsenwinkel in Utrecht. Je beantwoordt vragen over reparaties. "
            "Vakbegrippen nooit naar het Engels vertalen.",
            "Dutch",
        ),
    ],
)
def test_a_negated_translation_does_not_set_the_reply_language(task: str, language: str) -> None:
    """354e84c: `_INTO_TARGET` takes the language after "ins" / "naar het" for the reply language without looking
    for the negation before the verb, so a German or Dutch assistant told *not* to translate into English gets
    "Always reply in English." Before: "Always reply in German." / "Always reply in Dutch." """
    languages = [c.value for c in read_constraints(Brief(task=task)) if c.kind == "language"]
    assert languages == [language]
    assert "Always reply in English." not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for our energy company. When customers ask about unclear charges on their bill, explain each line "
        "item in plain words. Max 100 words.",
        "Ein Assistent für unsere Steuerkanzlei. Wenn Mandanten Fragen zu unklaren Posten im Steuerbescheid haben, "
        "erkläre die Posten einfach. Maximal 120 Wörter.",
    ],
)
def test_an_unclear_topic_keeps_the_default_unsure_guardrail(task: str) -> None:
    """354e84c: `_OWN_UNCLEAR_CASE` takes any "if/when … unclear" for the brief's own rule for the unclear case, so a
    rule about explaining *unclear charges* to a customer drops the guardrail for when the assistant itself is unsure.
    Before: the "If you are unsure or the information is missing: …" line stood."""
    assert "If you are unsure or the information is missing:" in _prompt(task)


def test_the_header_of_an_input_csv_is_not_the_reply_format() -> None:
    """4ad0ae9: `_CSV_HEADER` reads any "CSV … header row: a,b,c" as the reply's format, also when the CSV is what
    the assistant receives; the reply (friendly status updates) becomes "CSV only, … No prose". Before: the
    output format was the brief's own ("Reply in exactly 2 lines.")."""
    prompt = _prompt(
        "Our shop exports orders as CSV with the header row: order_id,customer,total,status\nWrite a friendly "
        "two-line status update for each customer whose order is delayed."
    )
    assert "CSV only" not in prompt
    assert "No prose, Markdown or code fence" not in prompt


def test_a_message_inside_a_json_field_is_no_prose_after_the_json() -> None:
    """78b73a7: `_CLOSING_AFTER_JSON` takes "and thank the customer in the reply field" for a closing message after
    the record, so the prompt asks for prose after the JSON that the app parses directly. Before: "with no prose
    before or after it and no code fence." """
    prompt = _prompt(
        "Intake classifier for our helpdesk app. Return a JSON object with keys reply, category and urgent, and thank "
        "the customer in the reply field. The app parses your output directly."
    )
    assert "after it, thank the customer" not in prompt
    assert "with no prose before or after it" in prompt


def test_exactly_n_questions_per_turn_stays_exact() -> None:
    """78b73a7: `_per_turn_questions` turns every count of questions per turn into a maximum, so "Give exactly 2
    questions per turn" becomes "Ask no more than 2 questions per turn". Before: "Give exactly 2 questions." """
    task = "Interview practice coach. Give exactly 2 questions per turn, then wait for the candidate's answers."
    limits = [text for text, _ in _limits(task)]
    assert not any("no more than 2" in text for text in limits)
    assert any("exactly 2 questions" in text for text in limits)


def test_questions_to_answer_per_message_are_not_questions_to_ask() -> None:
    """78b73a7: `_per_turn_questions` ignores the verb before the count, so "answer at most 3 questions per message"
    (the user's questions) becomes "Ask no more than 3 questions per message" (the assistant's). Before: "Give at most
    3 questions." (no instruction to ask)."""
    limits = _limits(
        "FAQ bot for our gym. Members often send several questions at once: answer at most 3 questions per message "
        "and ask them to send the rest separately."
    )
    assert not any(text.startswith("Ask no more than") for text, _ in limits)


def test_a_third_partys_agent_is_no_escalation_route() -> None:
    """2c8ae20: `_PERSON_ROUTE` takes any contact with "agent"/"human"/"person" in the 50 characters before it for
    the brief's route to a person, so security issues, refunds and unhappy customers are sent to the courier's chat.
    Before: the vetted hand-off to a human colleague; since round 28, the honest no-route sentence (the brief names no
    way to a person, so none is promised)."""
    prompt = _prompt(
        "Support bot for our online shop. Answer questions about orders and returns. If a parcel is late, customers "
        "can chat with a DPD agent at dpd.co.uk/chat."
    )
    assert "To escalate, point them to dpd.co.uk/chat." not in prompt
    assert "a member of the team has to handle it" in prompt
    assert "I'm passing this to a human colleague" not in prompt


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        (
            '"Casa Lupo", la nostra trattoria a Bologna, vuole un assistente che risponda alle domande sulle '
            "prenotazioni e sul menù.",
            "You are Casa Lupo.",
        ),
        (
            '"Sin estrés", así se llama nuestro programa de bienestar de la Universidad de Alcaraz. Queremos un '
            "asistente que haga un check-in corto cada lunes. Respuestas de máximo 4 frases.",
            "You are Sin estrés.",
        ),
    ],
)
def test_a_quoted_name_of_the_business_is_not_the_assistants_name(task: str, wrong: str) -> None:
    """26f34c4: `_QUOTED_NAME_FIRST` takes any quoted name before a comma for the assistant's name, so the assistant
    "is" the restaurant or the programme ("You are Casa Lupo." and "Who you are: «la nostra trattoria …»"). Before:
    "You are an assistant. Your job, as the requester wrote it …"."""
    assert wrong not in _prompt(task)


def test_a_numbered_line_that_wraps_stays_one_sentence() -> None:
    """fac46f7: `_numbered_lines` ends each "1) …" item at its line end, so a hard-wrapped item is cut in two ("If
    someone asks about." / "Benefits, send them to …"). Before: "2) If someone asks about benefits, send them to
    benefits@acme.com." """
    prompt = _prompt(
        "Help new hires with onboarding questions. Rules:\n1) Never share salary data.\n2) If someone asks about\n"
        "benefits, send them to benefits@acme.com.\n3) Keep it under 100 words."
    )
    assert "If someone asks about." not in prompt
    assert "asks about benefits" in prompt


@pytest.mark.parametrize(
    "task",
    [
        'Write the monthly board report from my notes. Skip boilerplate sections: "Background", "Methodology". Lead '
        "with the numbers.",
        'Chat assistant for Spokes, a bike shop in Leeds. We stock three kinds of parts: "brake pads", "chains", '
        '"tyres". Answer questions about stock and fitting prices in under 80 words.',
    ],
)
def test_quoted_names_after_sections_or_parts_are_not_always_the_outline(task: str) -> None:
    """fac46f7: titles each in quotation marks after "sections:"/"parts:" are read as the reply's outline whatever
    the sentence says, so sections the brief skips, or the parts a shop stocks, become the reply's sections (and the
    brief's "Skip boilerplate sections" line is dropped as said). Before: no outline was read from these sentences."""
    assert not any(c.value == "sections" for c in read_constraints(Brief(task=task)))


def test_dont_just_still_rules_out_the_bullet_points() -> None:
    """fac46f7: `_affirmed` takes "just" anywhere after a negation for a turn to what is wanted, also right after the
    negated verb ("Don't just paste bullet points …" = don't reply in bullet points), so the bullet points are no
    longer ruled out and the default reply is "the resolution steps as a numbered list". Before: "Do not use lists
    or bullet points." """
    sentence = "Don't just paste bullet points from the handbook; answer like a person in a short message."
    assert "lists" in [name for name, _, _ in forbidden_features(sentence)]
    prompt = _prompt(f"Help parents with questions about our after-school club. {sentence}")
    assert "numbered list" not in _output_format(prompt)

"""Review of the engine changes 2c8ae20..715f71b: regressions on ordinary brief phrasing.

Each test fails on 715f71b, passes on 2c8ae20 and names the commit that introduced the problem:

- 732dd44: the foreign verbs added to `_FORMAT_VERB` ("renvoie", "rend", "restituisce", "zurückgeben") fire on any
  clause that mentions JSON, so a debugging helper whose server "renvoie un JSON vide" must "Return only valid JSON".
- 4359b56: `_yaml_reply` reads any "in YAML" as the reply's format: a helper that fixes mistakes in YAML files, or
  a review bot told "Reply in Markdown, not as YAML", must answer with "One YAML document".
- 4359b56: the all-clear cue is now read from the whole task, so "Flag bugs …, nothing else, and quote exactly the
  line" drops the code reviewer's "No blocking issues found." default.
- 49a7237: "merged / joined / combined / squashed into one line" drops the reply's own length even when the reply is
  the merged thing ("return it with all parts joined into one line").
- 49a7237: "Never answer follow-up questions about HR policy" (questions the assistant answers) drops the agent's
  "Ask the user to confirm before any action that spends money, sends messages or deletes data."
- 49a7237: a dash before "when you answer, keep every reply under 80 words" turns the whole-reply cap into a part's.
- aa5065a: SQL words in `_NOT_NAMES` ("ZONE", "UNION", "TIME") make businesses named in capitals nameless.
- db7977a: `_WANTED_ROLE` takes any quoted thing the requester wants for a role ("need "nudges" that feel friendly"
  -> "You are a nudges.").
- c7a5136: `CODE_FIRST` ignores negation ("never code first", "nunca pongas primero el código", "nicht zuerst den
  Code") and the code under review ("Read the test code first"): the reply is told to open with code.
- c7a5136: `_OWN_OFF_TOPIC` takes any "if/when … unrelated" for the brief's off-topic rule ("When two charges on a
  bill look unrelated, explain each one") and drops the default out-of-scope guardrail.
- 715f71b: a CEFR level of the requester ("I'm at level B1") makes a rewrite the plain-language editor's job.
- 715f71b: `_NO_EXPLANATION_FOREIGN` reads "sans explication" / "ohne Erklärung" describing what the user sends as
  a ban on explanations: a code helper's reply becomes "Plain prose." and a tutor loses "Check … before explaining".
- f43cdc6: `_PERSON_ROUTE` now needs a hand-over verb, so "Wil iemand een medewerker spreken, geef dan ons nummer …"
  and "Si el cliente quiere hablar con un agente humano, dale el teléfono …" escalate to a human colleague who
  "will follow up" instead of the brief's number.
- f43cdc6: the wrapped-line loops (`_WRAPS_ON` searched from the item's start for every line) are quadratic: a 52 KB
  brief whose numbered item wraps line after line takes ~27 s instead of ~2 s.
"""

from __future__ import annotations

import re
import time

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.generate import generate, read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


def _output_format(prompt: str) -> str:
    found = re.search(r"<output_format>(.*?)</output_format>", prompt, re.DOTALL)
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    "task",
    [
        "Tu aides les développeurs de notre équipe à déboguer leurs appels API en Python. Quand le serveur renvoie un "
        "JSON vide ou une erreur 500, explique la cause probable et propose un correctif.",
        "Aiuti gli sviluppatori del nostro team a fare debug delle chiamate API in Python. Quando il server "
        "restituisce un JSON vuoto o un errore 500, spiega la causa probabile e proponi una correzione.",
        "Du hilfst unserem Team beim Debuggen von Python-Code. Wenn eine Funktion ein JSON zurückgeben soll, aber None "
        "liefert, erkläre die Ursache und schlage eine Korrektur vor.",
        "Tu es un tuteur de programmation. Explique ce qui rend un JSON invalide (virgules en trop, guillemets "
        "simples) avec des exemples courts.",
    ],
)
def test_a_json_the_code_returns_is_no_reply_format(task: str) -> None:
    """732dd44: 'renvoi\\w*', 'rend', 'restituisc\\w*', 'zurückgeben' in `_FORMAT_VERB` make any clause that names
    JSON a format statement, so a debugging helper whose server "renvoie un JSON vide" gets "Return only valid JSON."
    and a JSON schema. Before: no format constraint; the code helper's assumptions / code / explanation shape."""
    formats = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "format"]
    assert "Return only valid JSON." not in formats
    assert "Return only valid JSON" not in _output_format(_prompt(task))


@pytest.mark.parametrize(
    "task",
    [
        "You help our platform team debug mistakes in YAML files for our GitHub Actions pipelines. Explain each "
        "problem in plain words and show the corrected snippet.",
        "Assistant for our DevOps wiki. Engineers paste Kubernetes manifests written in YAML and ask why a deployment "
        "fails; explain the cause and suggest a fix.",
        "Code review bot for our Python repo. Review the diff and list problems by severity. Reply in Markdown, not as "
        "YAML.",
        "Du hilfst unserem Team, Fehler in YAML-Dateien zu finden. Erkläre jeden Fehler kurz und zeige die korrigierte "
        "Stelle.",
    ],
)
def test_yaml_the_user_works_on_is_no_yaml_reply(task: str) -> None:
    """4359b56: `_yaml_reply` is `ASKS_YAML` without its negation guard, and "in YAML" also names the files the user
    brings, so these replies must be "One YAML document, with nothing before or after it". Before: the code
    helper's or the reviewer's own shape."""
    assert "YAML document" not in _output_format(_prompt(task))
    assert "YAML list" not in _output_format(_prompt(task))


@pytest.mark.parametrize(
    "task",
    [
        "Code review assistant for our Go services. Flag bugs and security issues, nothing else, and quote exactly the "
        "line you are commenting on.",
        "Review pull requests for our Django app. Comment on correctness and security - change nothing about "
        "formatting and keep exactly the author's naming.",
    ],
)
def test_nothing_else_then_exactly_is_no_all_clear_line(task: str) -> None:
    """4359b56: the all-clear cue ('nothing … exactly' within 40 characters) is now searched in the whole task, so
    "nothing else, and quote exactly the line" counts as the brief's own all-clear reply and the default 'say "No
    blocking issues found."' goes, with nothing in its place. Before: the default stayed."""
    assert "No blocking issues found." in _prompt(task)


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Address formatter for our shipping labels. The user pastes a postal address over several lines; return it "
            "with all parts joined into one line, separated by commas.",
            ("Reply in exactly 1 line.", None),
        ),
        (
            "Tweet writer. Take the three key points from the user and return them combined into one sentence under "
            "280 characters.",
            ("Reply in exactly 1 sentence.", None),
        ),
        (
            "Changelog helper. Summarise the listed commits, squashed into one line per release.",
            ("Make each release exactly 1 line.", "each release"),
        ),
    ],
)
def test_a_reply_merged_into_one_line_keeps_its_length(task: str, expected: tuple[str, str | None]) -> None:
    """49a7237: `_MERGED_INTO` skips every limit after "merged/joined/combined/squashed into", also when the reply
    is what gets merged ("return it with all parts joined into one line"). Before: the limit was kept."""
    assert expected in _limits(task)


def test_answering_no_follow_up_questions_keeps_confirm_first() -> None:
    """49a7237: the follow-up-question family now also drops "Ask the user to confirm before any action …", and its
    trigger is any prohibition naming follow-up questions, also questions the assistant is told not to answer.
    Before: the calendar agent that can cancel meetings and email attendees kept the confirm-first rule."""
    task = (
        "Agent that manages our team calendar with tools: find_slot, book_meeting, cancel_meeting, email_attendees. "
        "Never answer follow-up questions about HR policy; point people to the HR wiki."
    )
    assert "Ask the user to confirm before any action" in _prompt(task)


@pytest.mark.parametrize(
    ("task", "cap"),
    [
        (
            "Support bot for a bike shop. Be direct and friendly - when you answer, keep every reply under 80 words.",
            "Keep the reply to at most 80 words.",
        ),
        (
            "FAQ bot for a climbing gym. Be warm and human - when you reply, keep it under 60 words.",
            "Keep the reply to at most 60 words.",
        ),
    ],
)
def test_a_dash_before_when_you_answer_keeps_the_whole_reply_cap(task: str, cap: str) -> None:
    """49a7237: any conditional word after a dash makes the limit a part's ('the part this sentence names'), even
    "when you answer, keep every reply under 80 words", which is every reply. Before: the whole reply's cap."""
    assert (cap, None) in _limits(task)


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Chat assistant for our gym ZONE Fitness in Leeds. Answer questions about classes, prices and opening "
            "hours.",
            "ZONE Fitness",
        ),
        (
            "Answer customer questions for my coffee shop UNION Roasters: opening hours, beans, brewing tips.",
            "UNION Roasters",
        ),
        ("Write Instagram captions for our bar TIME Out Lounge. Fun, short, max 2 emojis.", "TIME Out Lounge"),
    ],
)
def test_a_business_named_in_capitals_keeps_its_name(task: str, name: str) -> None:
    """aa5065a: SQL keywords added to `_NOT_NAMES` ("ZONE", "UNION", "TIME", "CASE", "NULL" …) are checked on the
    first word of every business name, so "our gym ZONE Fitness" has no organisation and the role loses "for ZONE
    Fitness". Before: the name was found."""
    assert extract_entities(task).organization == name


@pytest.mark.parametrize(
    "task",
    [
        'I\'m building a habit tracker app and need "nudges" that feel friendly rather than pushy when a user misses '
        "a day.",
        "We are looking for 'hidden gems' that tourists usually miss in Lisbon, for our travel blog.",
    ],
)
def test_a_quoted_thing_the_requester_wants_is_no_role(task: str) -> None:
    """db7977a: `_WANTED_ROLE` takes any quoted phrase after want/need/looking for as the assistant's role, so
    'need "nudges" that feel friendly' gives "You are a nudges. Feel friendly rather than pushy …" and 'hidden gems'
    gives "You are a hidden gems. Tourists usually miss in Lisbon". Before: "You are an assistant. Help the user with
    this request: …"."""
    prompt = _prompt(task)
    assert not re.search(r"You are an? (?:nudges|hidden gems)\b", prompt)


@pytest.mark.parametrize(
    "task",
    [
        "Python tutor for beginners. Explain the idea in plain words before any code - never code first.",
        "Tutor de programación para principiantes. Explica la idea con palabras sencillas; nunca pongas primero el "
        "código.",
        "Programmier-Tutor für Anfänger. Erkläre immer erst die Idee in einfachen Worten, nicht zuerst den Code.",
        "Code review assistant for our TypeScript repo. Read the test code first, then review the implementation "
        "against it, and list problems by severity.",
    ],
)
def test_code_first_under_a_negation_is_no_code_first_reply(task: str) -> None:
    """c7a5136: `CODE_FIRST` is searched in the whole task with no negation and no subject, and the output format
    gains "The code first, in fenced blocks …, then the explanation." — the opposite of "never code first", and for a
    reviewer who reads the test code first. Before: the tutor's or reviewer's own shape."""
    assert "The code first" not in _output_format(_prompt(task))


@pytest.mark.parametrize(
    "task",
    [
        "Billing support bot for Vireo Mobile. Answer questions about bills and charges. When two charges on a bill "
        "look unrelated, explain each one separately.",
        "Helpdesk bot for Nordlys Internet. Answer questions about connection problems and routers. If a new complaint "
        "is unrelated to an earlier ticket, open a new ticket and tell the customer its number.",
    ],
)
def test_unrelated_things_are_no_off_topic_rule(task: str) -> None:
    """c7a5136: `_OWN_OFF_TOPIC` + `_SAYS_SO` take any "if/when … unrelated" rule with a saying verb for the brief's
    own off-topic rule, so unrelated charges or complaints drop the default "If a request is out of scope: …" line.
    Before: the default guardrail stayed."""
    assert "If a request is out of scope" in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Rewrite my Spanish emails to clients so they sound more natural; I'm at level B1 and still make a lot of "
        "mistakes.",
        "Rewrite my German essay so it reads like a native speaker wrote it - I'm at B2 level and want to reach C1.",
    ],
)
def test_the_requesters_own_level_is_no_plain_language_rewrite(task: str) -> None:
    """715f71b: the CEFR cue in `_PLAIN` ('level B1', 'B2 level') also matches the level the requester states of
    themselves, so a native-sounding rewrite becomes the plain-language editor ("a reader with no special knowledge
    understands the rewritten text …"). Before: the editor who keeps the author's voice."""
    assert "plain-language" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Du hilfst Einsteigern bei Python-Fehlern. Wenn jemand nur eine Fehlermeldung ohne Erklärung schickt, frag "
        "kurz nach dem Code, der sie auslöst.",
        "Tu aides les débutants à corriger leurs erreurs Python. Si quelqu'un colle un message d'erreur sans "
        "explication, demande-lui le code qui le provoque.",
        "Eres un asistente para principiantes en Python. Si alguien pega un mensaje de error sin explicación, pídele "
        "el código que lo provoca.",
    ],
)
def test_an_input_without_explanation_does_not_ban_explanations(task: str) -> None:
    """715f71b: `_NO_EXPLANATION_FOREIGN` is searched in the whole task, so "an error message ohne Erklärung / sans
    explication / sin explicación" (what the user sends) forbids explanations and the code helper's reply shape
    collapses to "Plain prose.". Before: assumptions, then the code, then an explanation."""
    assert "then an explanation" in _output_format(_prompt(task))


def test_a_student_answer_without_explanation_keeps_the_tutors_rule() -> None:
    """715f71b: the same, for a tutor: "Si l'élève donne une réponse sans explication" forbids explanations and
    drops "Check the student's current understanding before explaining …". Before: the rule stayed."""
    task = (
        "Tu es un tuteur de mathématiques pour des lycéens. Si l'élève donne une réponse sans explication, demande-lui "
        "comment il l'a trouvée, puis explique chaque étape de la correction."
    )
    assert "Check the student's current understanding before explaining" in _prompt(task)


@pytest.mark.parametrize(
    ("task", "number"),
    [
        (
            "Chatbot voor Fietsen Jansen. Beantwoord vragen over reparaties. Wil iemand een medewerker spreken, geef "
            "dan ons nummer 020 123 4567.",
            "020 123 4567",
        ),
        (
            "Asistente de Zapatos Luna. Responde preguntas sobre pedidos. Si el cliente quiere hablar con un agente "
            "humano, dale el teléfono 912 345 678.",
            "912 345 678",
        ),
    ],
)
def test_a_person_to_speak_to_is_still_the_escalation_route(task: str, number: str) -> None:
    """f43cdc6: `_PERSON_ROUTE` now needs a hand-over verb (pass, transfer, encaminhar …) before the person, so
    "wants to speak to a medewerker / hablar con un agente humano, give them our number" no longer routes the
    escalation there: it promises "a human colleague who will follow up", which nobody will. Before: "To escalate,
    tell them to call 020 123 4567."."""
    escalation = next(line for line in _prompt(task).splitlines() if "To escalate" in line)
    assert number in escalation


def test_a_long_wrapped_numbered_item_is_not_quadratic() -> None:
    """f43cdc6: `_item_and_rest` and `_numbered_lines` search `_WRAPS_ON` from the item's start again for every
    wrapped line, so an item whose lines end on "the" is quadratic: 4,000 such lines (52 KB) take ~27 s. Before:
    under 2 s."""
    lines = "price of the\n" * 4000
    task = "Support bot rules:\n1) If someone asks about the\n" + lines + "kit, answer.\n2) Be nice.\n"
    start = time.process_time()
    generate(Brief(task=task, target="claude"))
    assert time.process_time() - start < 10

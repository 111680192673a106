"""Rules that hold only in a case keep their case (round 44's class 2): a reply language with several listed case
languages ("Schrijft iemand in het Engels of Pools, antwoord dan in die taal") is one conditional language rule with
every one of them, never "Always reply in Dutch"; "never … straight away / logo / sofort" keeps its "straight away";
a "no pets" among a flat's particulars is a fact, not "Avoid pets."; and a ban on making facts up after an item's
"if you're not sure …" holds in every case."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.model import Constraint
from app.engine.generate import read_constraints


def _read(task: str) -> list[Constraint]:
    return list(read_constraints(Brief(task=task)))


def _language(task: str) -> Constraint:
    found = [c for c in _read(task) if c.kind == "language"]
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("task", "code", "others"),
    [
        (
            "Vragenbot voor de medewerkers van een bakkerij.\n- Antwoord in eenvoudig Nederlands (taalniveau B1). "
            "Schrijft iemand in het Engels of Pools, antwoord dan in die taal.\n- Maximaal 60 woorden.",
            "nl",
            ["English", "Polish"],
        ),
        (
            "Hilfe-Bot für die Mitarbeitenden eines Hotels. Antworte auf Deutsch. Schreibt jemand auf Englisch oder "
            "Polnisch, antworte in dieser Sprache.",
            "de",
            ["English", "Polish"],
        ),
        (
            "Assistant pour les clients d'un camping. Réponds en français ; si quelqu'un écrit en anglais ou en "
            "espagnol, réponds dans cette langue.",
            "fr",
            ["English", "Spanish"],
        ),
        (
            "Assistente para os hóspedes de uma pousada. Responde em português; se alguém escrever em inglês ou "
            "espanhol, responde nessa língua.",
            "pt",
            ["English", "Spanish"],
        ),
        (
            "Assistente per i clienti di un B&B. Rispondi in italiano. Se qualcuno scrive in inglese o in polacco, "
            "rispondi nella loro lingua.",
            "it",
            ["English", "Polish"],
        ),
        (
            "Help desk bot for a hostel. Reply in English; if someone writes in Spanish or Polish, reply in that "
            "language.",
            "en",
            ["Spanish", "Polish"],
        ),
    ],
)
def test_a_default_with_several_case_languages_is_one_conditional_rule(task: str, code: str, others: list[str]) -> None:
    language = _language(task)
    assert language.code == code
    assert language.values == others
    assert not language.text.startswith("Always reply in")


def test_the_level_said_beside_the_case_stays_a_rule_of_its_own() -> None:
    # "(taalniveau B1)" is the reading level; the case's rule takes only its own sentence, so the level is kept
    task = (
        "Vragenbot voor de medewerkers van een bakkerij.\n- Antwoord in eenvoudig Nederlands (taalniveau B1). "
        "Schrijft iemand in het Engels, antwoord dan in het Engels.\n- Maximaal 60 woorden."
    )
    language = _language(task)
    assert language.values == ["English"]
    assert language.span is not None
    assert "B1" not in language.span.text[language.span.start : language.span.end]


def test_pools_as_a_word_is_no_reply_language() -> None:
    found = [
        c for c in _read("Booking bot for a leisure centre with two pools. Keep replies short.") if c.kind == "language"
    ]
    assert all(c.code != "pl" for c in found)


@pytest.mark.parametrize(
    "task",
    [
        "Tutor de matemática para o secundário. Nunca dês logo a resposta final: primeiro pergunta o que o aluno já "
        "tentou, depois dá uma pista de cada vez.",
        "Tutor de matemáticas. Nunca des la respuesta final de inmediato: primero pregunta qué ha intentado.",
    ],
)
def test_never_straight_away_is_no_absolute_ban(task: str) -> None:
    bans = [c.text for c in _read(task) if c.kind == "prohibition"]
    assert all("straight away" in ban for ban in bans if "answer" in ban), bans


@pytest.mark.parametrize(
    "task",
    [
        "Role-play partner for trainee letting agents. You play a tenant at a viewing of a 2-bed flat (1,350 pcm, "
        "6-month break clause, no pets). Stay in character.",
        "Role-play partner for trainee letting agents. The flat: 2 bedrooms, second floor, no pets, no smoking. "
        "Stay in character.",
    ],
)
def test_a_no_among_a_settings_particulars_is_no_ban(task: str) -> None:
    bans = [c.text for c in _read(task) if c.kind == "prohibition"]
    assert not any("pets" in ban.lower() or "smoking" in ban.lower() for ban in bans), bans


def test_a_list_that_shapes_the_reply_stays_a_list_of_bans() -> None:
    bans = [c.text for c in _read("Support bot for a bike shop. Rules: max 80 words, no emojis, no prices.")]
    assert any("prices" in ban.lower() for ban in bans), bans


def test_a_ban_on_making_facts_up_keeps_no_item_condition() -> None:
    task = (
        "Chat guide for a fossil museum.\n- if you're not sure about a fact, say scientists are still finding out. "
        "Don't make up dinosaur names or numbers.\n- max 40 words"
    )
    bans = [c.text for c in _read(task) if c.kind == "prohibition" and "make up" in c.text]
    assert bans
    assert not any(ban.lower().startswith("if") for ban in bans), bans


def test_a_case_step_after_an_item_condition_keeps_it() -> None:
    task = "Booking bot for a climbing wall.\n- If the waiver is not signed, don't book. Send them to the waiver page."
    steps = [c for c in _read(task) if "waiver page" in c.text]
    assert steps
    assert all(c.text.startswith("If the waiver is not signed") for c in steps), [c.text for c in steps]

"""Round 49, class 5 and round 48 leftovers: the form of address, a translation's target, a field's own language, and
a rule conditional on the user's language, each read from the brief's words."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints.model import Constraint
from app.engine.generate import read_constraints


def _kind(task: str, kind: str) -> list[Constraint]:
    return [c for c in read_constraints(Brief(task=task)) if c.kind == kind]


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "pronoun"),
    [
        ("Chatbot für ein Fitnessstudio in Köln. Bitte immer Du-Form, auch wenn jemand siezt. Antworte kurz.", "du"),
        ("Assistant pour une librairie. On tutoie tous les clients, même si quelqu'un nous vouvoie.", "tu"),
        ("Asistente de una tienda de bicis. Tutea siempre al cliente, aunque te hable de usted.", "tu"),
        ("Assistente per una palestra a Bologna. Dai del tu a tutti, anche se ti danno del lei.", "tu"),
        ("Chatbot voor een fietsenwinkel. Gebruik altijd de je-vorm, ook als de klant u zegt.", "je"),
        ("Support bot for a bakery in Munich, replies in German. Always use du, even if the customer uses Sie.", "du"),
    ],
)
def test_an_explicit_informal_address_wins_over_the_users_form(task: str, pronoun: str) -> None:
    tones = [c for c in _kind(task, "tone") if c.values and c.values[0] in ("formal", "informal")]
    assert [c.values for c in tones] == [["informal"]]
    prompt = _prompt(task)
    assert f"Use the informal form of address («{pronoun}») throughout." in prompt
    assert "Use the formal form of address" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Chatbot für eine Kanzlei. Wir siezen alle Mandanten, auch wenn jemand duzt.",
        "Chatbot for a German law firm. Use Sie with everyone, even if the customer uses du.",
    ],
)
def test_an_explicit_formal_address_still_wins(task: str) -> None:
    assert "Use the formal form of address («Sie») throughout." in _prompt(task)


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Vertaal de productteksten van onze kwekerij naar Brits Engels voor de webshop. Alleen de vertaling "
            "teruggeven, geen uitleg.",
            "British English",
        ),
        ("Vertaal onze nieuwsbrief naar Frans, alleen de vertaling.", "French"),
        ("Vertaal de handleiding naar Amerikaans Engels voor onze klanten in de VS.", "American English"),
        ("Traduce las fichas de nuestros vinos al neerlandés, solo la traducción.", "Dutch"),
        ("Traduis nos fiches produits en néerlandais, sans commentaire.", "Dutch"),
    ],
)
def test_a_translation_goes_into_the_named_target(task: str, name: str) -> None:
    (found,) = _kind(task, "language")
    assert found.value == name
    prompt = _prompt(task)
    assert f"Translate the input text into {name}," in prompt
    assert f"Return only the {name} translation." in prompt
    assert "Always reply in" not in prompt


def test_a_dutch_brief_into_english_builds_no_dutch_example() -> None:
    prompt = _prompt("Vertaal de menukaart van ons restaurant naar Brits Engels. Alleen de vertaling teruggeven.")
    assert "Welkom terug" not in prompt
    assert "Dutch" not in prompt.replace("in Dutch:", "")


@pytest.mark.parametrize(
    ("task", "field", "name"),
    [
        (
            "Recebemos avaliações dos clientes e quero tirar delas dados para uma folha de cálculo.\nPara cada "
            'avaliação devolve só JSON: {"estrelas": 1-5, "guia": "...", "resumo_en": "..."}\n'
            "- resumo_en: em inglês, máx. 20 palavras\n"
            '- se não for uma avaliação devolve exatamente {"erro": "nao_e_avaliacao"}',
            "resumo_en",
            "English",
        ),
        (
            'Fasse jede Bewertung unseres Cafés als JSON zusammen: {"sterne": 1-5, "summary": "..."}\n'
            "- summary: auf Englisch, höchstens 20 Wörter",
            "summary",
            "English",
        ),
    ],
)
def test_a_fields_language_is_not_contradicted_by_the_briefs_own(task: str, field: str, name: str) -> None:
    prompt = _prompt(task)
    assert "Always reply in Portuguese." not in prompt
    assert "Always reply in German." not in prompt
    assert any(c.scope == field and c.value == name for c in _kind(task, "language"))


@pytest.mark.parametrize(
    ("task", "reply"),
    [
        (
            "Responde siempre en español. Extrae de cada correo un JSON con las claves categoria, urgencia y "
            "resumen_en.\n- resumen_en: en inglés, máx. 15 palabras",
            "Always reply in Spanish, except the resumen_en field, which is in English.",
        ),
        (
            'Antworte immer auf Deutsch. Gib pro Ticket JSON zurück: {"kategorie": "...", "summary_en": "..."}\n'
            "- summary_en: auf Englisch, ein Satz",
            "Always reply in German, except the summary_en field, which is in English.",
        ),
    ],
)
def test_a_stated_reply_language_names_the_field_in_another(task: str, reply: str) -> None:
    assert reply in _prompt(task)


@pytest.mark.parametrize(
    ("task", "own"),
    [
        (
            "Assistant de réservation pour un hôtel à Lyon. Réponds en français. "
            "Si vous écrivez en anglais, soyez bref.",
            "French",
        ),
        (
            "Assistant de réservation pour notre camping en Ardèche. Aide les campeurs à réserver un emplacement. "
            "Si tu écris en anglais, fais court.",
            "French",
        ),
        (
            "Chatbot für unser Hotel am Tegernsee. Hilf den Gästen bei Fragen zu Zimmern, Frühstück und Anreise. "
            "Wenn du auf Englisch schreibst, fasse dich kurz.",
            "German",
        ),
        (
            "Chatbot für unser Hotel am Tegernsee. Hilf den Gästen bei Fragen zu Zimmern und Anreise. Wenn jemand "
            "auf Englisch schreibt, kurz antworten.",
            "German",
        ),
    ],
)
def test_a_rule_conditional_on_the_users_language_is_no_reply_language(task: str, own: str) -> None:
    assert [c.value for c in _kind(task, "language")] == [own]
    assert "Always reply in English." not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "text"),
    [
        ("Resume a notícia em no máximo 3 itens.", "Keep the reply to at most 3 items."),
        ("Resume la noticia en como máximo 3 elementos.", "Keep the reply to at most 3 items."),
        ("Riassumi l'articolo in al massimo 3 elementi.", "Keep the reply to at most 3 items."),
    ],
)
def test_a_count_of_items_in_another_language_is_read(task: str, text: str) -> None:
    assert text in [c.text for c in _kind(task, "limit")]


def test_if_you_reply_write_in_english_stays_a_language_rule() -> None:
    assert [c.value for c in _kind("Booking bot for a hostel. If you reply, write in English.", "language")] == [
        "English"
    ]

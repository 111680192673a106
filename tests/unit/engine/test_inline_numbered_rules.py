"""Inline rule lists ("Rules: 1) … 2) … 3) …") read item by item; a foreign Q&A brief's source named in its words."""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def requirements(prompt: str) -> list[str]:
    section = re.search(r"## Requirements\n(.*?)(?:\n\n|\Z)", prompt, re.S)
    assert section is not None
    return [re.sub(r"^\d+\.\s+", "", line) for line in section.group(1).splitlines()]


DENTAL = (
    "Chat assistant for a dental clinic. Rules: 1) never give prices for implants 2) always offer the next free slot "
    "3) if someone is in pain today, tell them to call 020 7946 0321. Max 3 sentences."
)


def test_each_numbered_item_is_read_by_its_own_reader() -> None:
    found = {(c.kind, c.text) for c in read_constraints(Brief(task=DENTAL))}
    assert ("prohibition", "Never give prices for implants.") in found
    assert ("requirement", "Always offer the next free slot.") in found
    assert any(kind == "fallback" and "020 7946 0321" in text for kind, text in found)
    assert any(kind == "limit" for kind, _ in found)


def test_the_items_are_rules_of_their_own_without_markers() -> None:
    prompt = generate(Brief(task=DENTAL)).prompt
    rules = requirements(prompt)
    assert rules[:2] == ["Never give prices for implants.", "Always offer the next free slot."]
    assert "Rules:" not in prompt
    assert not re.search(r"\b[123]\)", prompt)


BIKE = [
    "never promise delivery dates",
    "always ask for the order number first",
    "if the customer is angry, offer a call back",
]


@pytest.mark.parametrize(
    "listed",
    [
        "Rules: 1) {0} 2) {1} 3) {2}.",
        "Important: (1) {0} (2) {1} (3) {2}.",
        "Policy: a) {0} b) {1} c) {2}.",
        "Policy: (a) {0} (b) {1} (c) {2}.",
        "Rules: i) {0} ii) {1} iii) {2}.",
        "A few rules: A) {0} B) {1} C) {2}.",
        "1) {0} 2) {1} 3) {2}.",
        "Rules: {0}; {1}; {2}.",
        "Rules: first, {0}; second, {1}; third, {2}.",
        "Rules: 1) {0}. 2) {1}. 3) {2}.",
    ],
)
def test_every_inline_list_style_gives_one_rule_per_item_in_order(listed: str) -> None:
    task = "Support bot for a bike shop. " + listed.format(*BIKE)
    rules = requirements(generate(Brief(task=task)).prompt)
    assert rules[:3] == [item[0].upper() + item[1:] + "." for item in BIKE]
    kinds = [c.kind for c in read_constraints(Brief(task=task))]
    assert kinds[:3] == ["prohibition", "ordering", "requirement"]


def test_a_list_on_its_own_line_with_a_following_sentence() -> None:
    task = (
        "Support bot for a bike shop.\nRules: 1) never promise delivery dates 2) always ask for the order number first"
        "\nKeep answers short."
    )
    rules = requirements(generate(Brief(task=task)).prompt)
    assert rules == ["Never promise delivery dates.", "Always ask for the order number first.", "Keep answers short."]


@pytest.mark.parametrize(
    ("task", "items"),
    [
        (
            "Asistente de chat para una clínica dental. Reglas: 1) nunca des precios de implantes 2) ofrece siempre el "
            "próximo hueco libre 3) si alguien tiene dolor hoy, dile que llame al 020 7946 0321.",
            ["nunca des precios de implantes", "si alguien tiene dolor hoy, dile que llame al 020 7946 0321."],
        ),
        (
            "Chat-Assistent für eine Zahnarztpraxis. Regeln: nenne nie Preise für Implantate; biete immer den nächsten "
            "freien Termin an; wenn jemand heute Schmerzen hat, soll er 020 7946 0321 anrufen.",
            ["nenne nie Preise für Implantate", "wenn jemand heute Schmerzen hat, soll er 020 7946 0321 anrufen."],
        ),
        (
            "Assistant de chat pour un cabinet dentaire. Règles : 1) ne donne jamais de prix pour les implants "
            "2) propose toujours le prochain créneau libre 3) si quelqu'un a mal, appelle le 020 7946 0321.",
            ["ne donne jamais de prix pour les implants"],
        ),
        (
            "Chatassistent voor een tandartspraktijk. Regels: 1) geef nooit prijzen voor implantaten 2) bied altijd "
            "het eerstvolgende vrije moment aan 3) als iemand pijn heeft, zeg dat hij 020 7946 0321 moet bellen.",
            ["geef nooit prijzen voor implantaten", "bied altijd het eerstvolgende vrije moment aan"],
        ),
    ],
)
def test_foreign_inline_lists_split_too(task: str, items: list[str]) -> None:
    rules = requirements(generate(Brief(task=task)).prompt)
    for item in items:
        assert item in rules
    assert not any(re.search(r"\s\d\)\s", rule) for rule in rules)


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for a bike shop. Customers can pick option 1) or 2) when booking a repair, and you explain both.",
        "Setup guide bot. Walk users through Step 1) install the app and then Step 2) sign in with their email.",
        "Ticket classifier. Classify each ticket as a) billing issue b) technical problem c) account access.",
        "Invoice extractor. Extract: 1) vendor name 2) invoice date 3) total amount. Return JSON.",
        "Intake bot. Collect these details: (1) full name (2) date of birth (3) phone number.",
        "Triage helper. For each reply I need you to 1) pick exactly one label and 2) draft a reply for the nurse.",
        "Fee helper. Cite Section 3.2 when asked and quote the fee of 1.50 euros.",
    ],
)
def test_what_is_no_rule_list_is_not_cut(task: str) -> None:
    from app.engine.constraints.inline_items import item_cuts

    assert item_cuts(task) == ()


def test_two_parts_of_one_rule_after_a_label_stay_together() -> None:
    task = (
        "Asistente para una asociación micológica. MUY IMPORTANTE: nunca confirmes que una seta es comestible; "
        "di siempre que la lleve a la sesión de los lunes."
    )
    rules = requirements(generate(Brief(task=task)).prompt)
    assert any("nunca confirmes" in rule and "di siempre" in rule for rule in rules)


@pytest.mark.parametrize(
    ("task", "noun"),
    [
        (
            "Asistente de preguntas y respuestas para una clínica dental: responde solo con el folleto de la clínica. "
            "Si no está en el folleto, dilo.",
            "«folleto de la clínica»",
        ),
        (
            "Frage-Antwort-Assistent für unsere Hausarztpraxis. Beantworte Fragen nur aus dem Merkblatt. Wenn die "
            "Antwort fehlt, sag das.",
            "«Merkblatt»",
        ),
        (
            "Assistant de questions-réponses pour notre salle de sport. Réponds uniquement à partir de la FAQ. Si la "
            "réponse n'y est pas, dis-le.",
            "the FAQ",
        ),
        (
            "Vraag-en-antwoordassistent voor de huisartsenpraktijk. Beantwoord vragen alleen uit de praktijkfolder. "
            "Staat het er niet in, zeg dat.",
            "«praktijkfolder»",
        ),
        (
            "Assistente de perguntas e respostas para a clínica. Responda apenas com base no folheto da clínica.",
            "«folheto da clínica»",
        ),
        (
            "Assistente per domande e risposte sullo studio. Rispondi solo in base all'opuscolo dello studio.",
            "«opuscolo dello studio»",
        ),
        (
            "Der Bot beantwortet Fragen nur anhand der mitgegebenen Geräteanleitung und unserer FAQ.",
            "«Geräteanleitung» and the FAQ",
        ),
    ],
)
def test_a_foreign_qa_brief_names_its_source_in_its_words(task: str, noun: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    assert noun in prompt
    assert "the supplied documents" not in prompt


def test_an_english_qa_brief_keeps_its_own_noun() -> None:
    prompt = generate(Brief(task="Q&A assistant for our gym. Answer only from the help-center article.")).prompt
    assert "the help-center article" in prompt
    assert "«" not in prompt

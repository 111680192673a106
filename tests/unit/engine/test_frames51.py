"""Round 50's frames and packs: a pack comes from the job and its users (not from "parent"/"parents", a lending
library's loans, a jargon ban or a park's visitors), a capitalised marker names no business, a job the brief rules
out is no job, a chat that leaves the person their own choice is no support desk, an e-mail to write in Spanish,
French or Italian is the e-mail job, and a guessing game is no intake."""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


_NO_CHILD_PACK = [
    "An overnight chat for new parents in Leeds, run by our charity. It listens and points people to help. If a "
    "parent mentions feeling unsafe, give the crisis line. Max 3 sentences.",
    "Un chat de nuit pour les jeunes parents à Lyon. Il écoute et oriente vers l'aide. Si un parent parle de "
    "danger, donne le 3114. Trois phrases au plus.",
    "A helpline chat for foster parents. When a parent is angry about a placement, stay calm and give the office "
    "number. Short replies.",
]


@pytest.mark.parametrize("task", _NO_CHILD_PACK)
def test_parents_get_no_childrens_pack(task: str) -> None:
    assert "COPPA" not in _prompt(task)


_NO_MONEY_PACK = [
    "Our library of things lends drills, tents and sewing machines. Basic members may have 2 active loans, plus "
    "members 5. Answer in the website chat; never promise new stock or dates for new items.",
    "Leith Tool Share is a tool library. Members borrow for a small fee. Loans are max 7 days; one extension per "
    "loan. Website chat assistant, friendly and short, and never promise new stock.",
    "La biblioteca de herramientas presta taladros y escaleras. Cada socio puede tener 2 préstamos activos; los "
    "préstamos duran 7 días. Chat de la web, breve. No prometas stock nuevo ni fechas.",
]


@pytest.mark.parametrize("task", _NO_MONEY_PACK)
def test_lending_library_loans_get_no_money_pack(task: str) -> None:
    prompt = _prompt(task)
    assert "investment advice" not in prompt
    assert "tax, debt or money" not in prompt


_NO_LEGAL_PACK = [
    "Redacta el correo a los socios con los acuerdos de la reunión de la junta directiva. Lenguaje sencillo, sin "
    "tecnicismos jurídicos. Incluye los plazos de pago.",
    "Schreib die E-Mail an die Mitglieder mit den Beschlüssen der Versammlung. Einfache Sprache, ohne rechtliche "
    "Fachbegriffe.",
    "Rédige le courriel aux adhérents avec les décisions de la réunion. Langage simple, sans jargon juridique.",
]


@pytest.mark.parametrize("task", _NO_LEGAL_PACK)
def test_a_jargon_ban_gets_no_legal_pack(task: str) -> None:
    prompt = _prompt(task)
    assert "lawyer" not in prompt
    assert "legal advice" not in prompt


def test_park_visitors_own_no_pets() -> None:
    prompt = _prompt(
        "Summarise keepers' end-of-day notes at Brookfield Wildlife Park into the handover for the morning team.\n"
        "SECTION: (name) | KEEPER: (initials)\nFEEDS: (anything not eaten)\nHEALTH: (observations, meds given with "
        'the dose)\nVET: (yes or no + reason)\nVISITOR ISSUES: (or "none")\n- no guessing at diagnoses\n'
        "- max 120 words"
    )
    assert "pet-care" not in prompt
    assert "medication meant for people" not in prompt


_MARKERS = [
    (
        "Harbour Lockers, 3 sites in Kent. We want a website chat for locker rentals. If someone is locked out, "
        "create a ticket with URGENT at the start of the summary and give them the site phone.",
        "URGENT",
    ),
    (
        "We want a chat for our bike shop's website. Lost keys: open a ticket with PRIORITY as the prefix and "
        "tell them we will call back.",
        "PRIORITY",
    ),
    (
        "A help desk chat for our gym members. If someone reports an injury, create the case with HIGH priority "
        "and apologise.",
        "HIGH",
    ),
]


@pytest.mark.parametrize(("task", "marker"), _MARKERS)
def test_a_marker_is_no_business_name(task: str, marker: str) -> None:
    assert f"for {marker}" not in _prompt(task)


_RULED_OUT_TRIAGE = [
    "Tandartspraktijk Zonnehoek in Utrecht. We willen een chatassistent op de website voor praktische vragen: "
    "openingstijden, afspraken, kosten. Geen medisch advies en geen triage.",
    "Fysiotherapie Het Anker in Zwolle. We willen een chatassistent op de website voor praktische vragen: "
    "openingstijden, afspraken, vergoeding, parkeren. Geen medisch advies en geen triage.",
    "Dierenkliniek De Hoef. Een chatbot op de site voor praktische vragen: openingstijden, afspraken maken, kosten. "
    "GEEN diagnose en geen triage.",
    "Apotheek Noord. Chat op de website voor praktische vragen (openingstijden, herhaalrecepten, bezorging). Geen "
    "medisch advies, geen triage.",
]


@pytest.mark.parametrize("task", _RULED_OUT_TRIAGE)
def test_a_ruled_out_triage_is_no_classifier(task: str) -> None:
    prompt = _prompt(task)
    assert "{{labels}}" not in prompt
    assert "classifier" not in prompt


_OWN_CHOICE = [
    "Somos uma associação de apoio a vítimas de violência doméstica. Queremos um assistente no chat do site que "
    "dê informação prática: como marcar atendimento, como funciona uma queixa. Nunca dizer à pessoa o que deve "
    "fazer. Dar as opções e dizer que a decisão é dela.",
    "A website chat for our tenants' support service that explains how to report a repair and how complaints "
    "work. Never tell the person what to do about their landlord; the decision is theirs.",
    "Somos una asociación de apoyo a víctimas en Sevilla. Queremos un asistente en el chat de la web que dé "
    "información práctica: qué hacemos, cómo pedir cita, cómo funciona una denuncia. Nunca decirle a la persona qué "
    "debe hacer en relación con el agresor. Dar las opciones y decir que la decisión es suya.",
    "We are a domestic abuse charity in Kent. We want a website chat that gives practical information: what we do, "
    "how to book an appointment, how a police report works. Never tell the person what to do about the abuser. "
    "Give the options and say the decision is theirs.",
]


@pytest.mark.parametrize("task", _OWN_CHOICE)
def test_their_own_choice_is_no_support_desk(task: str) -> None:
    prompt = _prompt(task)
    assert "resolution steps" not in prompt
    assert "fast resolution" not in prompt


_EMAILS = [
    "Llevo la secretaría de una cooperativa de vivienda (unos 200 socios). Después de cada asamblea tengo que "
    "enviar un correo a todos los socios contando lo que se ha acordado. Te pego mis apuntes y tú me preparas el "
    'correo.\n\nFormato:\nAsunto: Asamblea DD/MM - acuerdos\nLuego los acuerdos numerados.\nFirma: "La '
    'Secretaría"\n\n- Nada de quién votó qué.\n- Sin negritas.',
    "Sono la segretaria di un circolo velico (150 soci). Dopo ogni assemblea devo mandare una mail a tutti i soci "
    "con quello che si è deciso. Ti incollo il verbale e tu mi prepari la mail.\n\nFormato:\nOggetto: Assemblea "
    'GG/MM - decisioni\nPoi le decisioni numerate.\nFirma: "La Segreteria"\n\n- Mai chi ha votato cosa.\n'
    "- Niente grassetto.",
    "Je suis secrétaire d'une association de jardins partagés (90 adhérents). Après chaque réunion du bureau, je "
    "dois envoyer un courriel à tous les adhérents avec ce qui a été décidé. Je te colle mes notes et tu me "
    "rédiges le courriel.\n\nFormat :\nObjet : Réunion JJ/MM - décisions\nPuis les décisions numérotées.\n"
    "Signature : « Le Bureau »\n\n- Jamais qui a voté quoi.\n- Pas de gras.",
]


@pytest.mark.parametrize("task", _EMAILS)
def test_an_email_to_write_is_the_email_job(task: str) -> None:
    prompt = _prompt(task)
    assert "email and meeting follow-up" in prompt


_GUESSING = [
    "A dinosaur ID helper for kids aged 6 to 9. They describe a dinosaur and it helps them work out which one it "
    "was. Ask ONE question at a time and let them guess. After 3 wrong guesses tell them the answer.",
    "A bird ID game for children aged 7 to 10 on the reserve's tablets. They describe a bird and it helps them "
    "work out what it was. Ask ONE question at a time and let them guess. Never ask their name.",
    "A tree ID helper for our nature club. Kids describe a leaf; ask one question at a time and let them guess; "
    "after 3 wrong guesses tell them the answer. Never ask for photos.",
]


@pytest.mark.parametrize("task", _GUESSING)
def test_a_guessing_game_is_no_intake(task: str) -> None:
    prompt = _prompt(task)
    assert "the record holds every detail" not in prompt
    assert "intake assistant" not in prompt


_REQUESTER_LINES = [
    (
        "Sono la segretaria di un circolo velico. Dopo ogni assemblea devo mandare una mail a tutti i soci con "
        "quello che si è deciso.\nTi incollo il verbale e tu mi prepari la mail.\n\nRegole:\n- Mai chi ha votato "
        "cosa.\n- Niente grassetto.\n- Massimo 200 parole.",
        ("Dopo ogni assemblea", "Ti incollo"),
    ),
    (
        "Llevo la secretaría de una cooperativa. Después de cada asamblea tengo que enviar un correo a los socios "
        "con los acuerdos. Te pego mis apuntes y tú me preparas el correo.\n\nReglas:\n- Nada de quién votó qué.\n"
        "- Sin negritas.\n- Máximo 200 palabras.",
        ("Después de cada asamblea", "Te pego"),
    ),
    (
        "Somos uma loja online de chás. Queremos um assistente no chat do site.\n\nRegras (muito importantes):\n"
        "1. Nunca prometer prazos de entrega.\n2. Preços só do catálogo.\n3. Máximo 3 frases por resposta.",
        ("Regras (muito importantes)",),
    ),
]


@pytest.mark.parametrize(("task", "openings"), _REQUESTER_LINES)
def test_requester_sentences_are_no_rules(task: str, openings: tuple[str, ...]) -> None:
    prompt = _prompt(task)
    for opening in openings:
        assert re.search(rf"^\d+\. {re.escape(opening)}", prompt, re.MULTILINE) is None

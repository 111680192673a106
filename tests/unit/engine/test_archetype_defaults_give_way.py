"""Archetype defaults that fight the brief give way to it: document-and-section citations only for several documents
(or when asked), no "say so plainly" / generic out-of-scope line beside the brief's own route for what its source
lacks, a tutor's retry loop beside a quiz's stated flow, a mood word of a played part as no house tone, and a Q&A
over an info sheet ("op basis van ons infoblad") as document Q&A."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _run(task: str) -> tuple[str, list[str]]:
    result = generate(Brief(task=task, target="claude"))
    return result.prompt, [a.id for a in result.archetypes]


# --- citations: one source gets none unless asked; several documents keep them --------------------------------------

ONE_SOURCE = [
    "Our allotment society wants a help bot on the clubhouse tablet; most members are retired. It answers questions "
    "using only the members' handbook below. If the handbook doesn't say, reply exactly: \"Please ask a committee "
    'member on Saturday morning." Keep answers under 120 words, no tables or bold.\n\nHANDBOOK\nPlots are inspected '
    "on the first Sunday of each month. Bonfires are allowed only between November and February, after 4pm.",
    "Build a bot for our ferry terminal kiosk that answers travellers' questions using only the passenger leaflet we "
    "paste in. Up to 110 words per answer, plain words, no headings.",
    "A chat helper for tenants of Elm Court that answers questions from the building handbook only. Answers of at "
    "most 100 words, friendly and plain.",
]


@pytest.mark.parametrize("task", ONE_SOURCE)
def test_one_handbook_gets_no_document_citations(task: str) -> None:
    prompt, ids = _run(task)
    assert ids[0] == "document_qa"
    assert "[Doc 2, Section 3]" not in prompt
    assert "with citations" not in prompt
    assert "cite the passages you used" not in prompt


SEVERAL_OR_ASKED = [
    "Answer analysts' questions using only the retrieved research reports and filings supplied with each question. "
    "Answers of at most 150 words.",
    "Our compliance team wants a Q&A assistant over the five policy documents we attach (Doc 1 to Doc 5). Keep each "
    "answer under 120 words.",
    "A bot that answers questions from our staff handbook only. Cite the section each answer comes from. Max 120 "
    "words.",
]


@pytest.mark.parametrize("task", SEVERAL_OR_ASKED)
def test_several_documents_or_an_ask_keep_citations(task: str) -> None:
    prompt, _ = _run(task)
    assert "cite" in prompt.lower() or "citation" in prompt.lower()


# --- the brief's own route for what the source does not cover ---------------------------------------------------------

OWN_ROUTE = [
    # pt: a tag and a person
    "Quero um assistente para o chat da Livraria Ponte Velha, em Coimbra. Responde só com base nas perguntas "
    "frequentes abaixo. Se a pergunta não estiver nas perguntas frequentes, começa a resposta com [TRANSFERIR] e diz: "
    '"O Rui responde-lhe até amanhã." Máximo 60 palavras, sem emojis.\n\nPERGUNTAS FREQUENTES\nHorário: segunda a '
    "sábado, 10h-19h.\nEncomendas de livros esgotados: 2 a 3 semanas.",
    # en: a number
    "We run a dog-grooming salon and want a chat assistant that answers customers' questions using only our price "
    "list below. If a question isn't covered by the price list, tell them to call Jo on 01632 960 222. Keep replies "
    "short and friendly.\n\nPRICE LIST\nSmall dog full groom: £35. Large dog full groom: £55. Nail clip: £8.",
    # de: a hand-over on the same line
    "Der Bot beantwortet Fragen unserer Mitglieder nur anhand unseres Merkblatts zur Hallenordnung. Wenn die Antwort "
    "nicht im Merkblatt steht, schreib [TEAM] an den Anfang und sag, dass Frau Öztürk sich am nächsten Werktag "
    "meldet. Höchstens 80 Wörter.",
    # es: a fixed reply
    "Queremos un asistente que responda a las dudas de los vecinos solo con base en el folleto del ayuntamiento. Si "
    'la respuesta no está en el folleto, responde exactamente: "Llame a la oficina municipal, 958 123 456." Máximo 70 '
    "palabras.",
]


@pytest.mark.parametrize("task", OWN_ROUTE)
def test_a_stated_route_replaces_say_so_and_the_generic_scope_line(task: str) -> None:
    prompt, ids = _run(task)
    assert ids[0] == "document_qa"
    assert "says so plainly" not in prompt
    assert "Say that you answer questions about" not in prompt


def test_without_a_route_the_defaults_stay() -> None:
    prompt, _ = _run(
        "A chat helper for tenants of Elm Court that answers questions from the building handbook only. Answers of "
        "at most 100 words, friendly and plain."
    )
    assert "says so plainly" in prompt


# --- a tutor's loop gives way to the brief's stated step after an answer --------------------------------------------

OWN_FLOW = [
    "Necesito un tutor de química para alumnos de bachillerato. Haz preguntas cortas sobre estequiometría, una cada "
    "vez. Cuando respondan, diles si es correcta y por qué en dos frases, y luego pasa a la siguiente pregunta.",
    "I want a maths tutor for my year 9 students revising fractions. Ask them questions one at a time; after each "
    "answer, tell them whether it was right and explain why, then move on to the next question.",
    "Ich brauche einen Nachhilfe-Tutor in Physik für die 8. Klasse. Stell eine Frage nach der anderen zu "
    "Stromkreisen. Nach jeder Antwort erklär kurz, was stimmt, und stell dann die nächste Frage.",
]


@pytest.mark.parametrize("task", OWN_FLOW)
def test_a_stated_answer_step_drops_the_tutors_retry_loop(task: str) -> None:
    prompt, ids = _run(task)
    assert ids[0] == "tutor"
    assert "ask them to retry it" not in prompt
    assert "worked solution only after" not in prompt
    assert "one step at a time and end with a question" not in prompt


def test_a_tutor_with_no_fixed_flow_keeps_its_loop() -> None:
    prompt, ids = _run(
        "I want a maths tutor for my year 9 students working on simultaneous equations. Help them solve problems "
        "themselves rather than giving answers away."
    )
    assert ids[0] == "tutor"
    assert "ask them to retry it" in prompt
    assert "worked solution only after" in prompt


# --- a played part's mood is no house tone ------------------------------------------------------------------------

PARTS = [
    "Practice bot for hotel reception trainees. Play an upset guest whose room wasn't cleaned. Only calm down once "
    "the trainee apologises sincerely and offers something concrete, like a room change. Keep each turn under 35 "
    "words and never give the trainee hints.",
    "Training tool for our call-centre staff. You play an angry customer whose broadband has been down for four "
    "days. Stay frustrated; become calm only after the trainee gives a real fix date. Under 40 words per turn.",
]


@pytest.mark.parametrize("task", PARTS)
def test_a_played_part_gets_no_calm_house_tone(task: str) -> None:
    prompt, ids = _run(task)
    assert ids[0] == "roleplay_interviewer"
    assert "Calm and steady." not in prompt


def test_a_calm_assistant_keeps_its_tone() -> None:
    prompt, _ = _run("A support assistant for our meditation app. Calm tone, short answers about subscriptions.")
    assert "Calm" in prompt


# --- an info sheet to answer from is document Q&A, not copywriting ------------------------------------------------

SHEET_QA = [
    "Wij zijn Fietsdepot Zuid, een fietsenmaker in Eindhoven. De chatbot beantwoordt vragen van klanten op basis van "
    "ons infoblad over onze onderhoudsbeurten. Noem nooit prijzen die niet in het infoblad staan. Maximaal 60 "
    "woorden.\n\nINFOBLAD\nKleine beurt: €45, klaar binnen een dag. Grote beurt: €95.",
    "We zijn een buurthuis in Deventer. Via Instagram en de website krijgen we steeds dezelfde vragen; de bot "
    "beantwoordt ze op basis van ons infoblad. Geen adviezen buiten het infoblad, maximaal 70 woorden.",
]


@pytest.mark.parametrize("task", SHEET_QA)
def test_answers_from_an_info_sheet_are_document_qa(task: str) -> None:
    _, ids = _run(task)
    assert ids[0] == "document_qa"


def test_a_real_copy_brief_stays_marketing() -> None:
    _, ids = _run(
        "Schrijf drie korte advertentieteksten voor onze nieuwe fietsverhuur in Utrecht, elk met een duidelijke "
        "call-to-action. Doelgroep: toeristen. Maximaal 40 woorden per tekst."
    )
    assert ids[0] == "marketing_copy"

"""Primary archetypes on real phrasing: a job a heavy keyword names over a general guess, "only answer from …" kept,
tools written in a programming language, a pasted text handed back reworked, goods sold online in other languages,
a translation tutor that withholds the translation, and a bare count of the text worked on that is no limit."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import archetype_ids


def _limits(task: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.unit or "", c.maximum, c.exact) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


@pytest.mark.parametrize(
    "task",
    [
        "Millbrook Dental Practice. People who just had a tooth out message our website chat in the evening and we "
        "want an assistant to answer them from the aftercare booklet (loaded with each chat). Only answer from the "
        "aftercare booklet, never from general knowledge. If the bleeding will not stop, tell them to call 111. Max 60 "
        "words, plain words, no lists.",
        "Riverside Leisure Centre pool. Parents ask about swimming lessons at all hours, so an assistant should answer "
        "them using only the lesson leaflet we load in. Only answer from the leaflet, never guess times or prices. "
        "Keep it under 50 words and friendly.",
    ],
)
def test_only_answer_from_a_leaflet_is_question_answering(task: str) -> None:
    assert archetype_ids(task)[0] == "document_qa"


@pytest.mark.parametrize(
    "task",
    [
        "Somos la Clínica Dental Ribera. Los pacientes piden cita por el chat y queremos un asistente que lo haga "
        "solo. "
        "Funciones disponibles (TypeScript, copiado del repo):\n\n```ts\n"
        "declare function buscarPaciente(p: { dni: string }): Paciente;\n"
        "declare function huecosLibres(p: { fecha: string }): Hueco[];\n"
        "declare function reservarCita(p: { dni: string; huecoId: string }): Cita;\n```\n\n"
        "Siempre buscarPaciente primero y huecosLibres antes de reservarCita. Máximo 50 palabras, trato de usted.",
        "Wir sind die Fahrradwerkstatt Speiche. Kunden buchen Reparaturtermine im Chat und wir wollen einen "
        "Assistenten, der das übernimmt. Die Funktionen (TypeScript):\n\n```ts\n"
        "declare function findeTermin(p: { datum: string }): Termin[];\n"
        "declare function bucheTermin(p: { terminId: string; name: string }): Bestaetigung;\n```\n\n"
        "Immer zuerst findeTermin, dann bucheTermin. Höchstens 40 Wörter, per Sie.",
    ],
)
def test_tools_written_in_typescript_are_no_coding_job(task: str) -> None:
    assert archetype_ids(task)[0] != "coding_assistant"


def test_a_coding_brief_that_pastes_code_stays_coding() -> None:
    task = (
        "Help me debug this TypeScript function, it returns undefined when the list is empty:\n\n```ts\n"
        "function firstName(users: User[]): string { return users[0].name; }\n```\nExplain the fix briefly."
    )
    assert archetype_ids(task)[0] == "coding_assistant"


@pytest.mark.parametrize(
    "task",
    [
        "Kestrel Roofing. Each Monday the site lead briefs the crew. I want to paste in a page of a risk assessment "
        "and get back a 4-line briefing he can read out. Every line starts with a verb, max 10 words a line, no "
        "bullets. Don't add risks that aren't in what I paste.",
        "Taller Mecánico Ruiz. Pego el informe del técnico y me devuelves la nota para el cliente: tres líneas, sin "
        "tecnicismos, con el precio al final.",
    ],
)
def test_a_pasted_text_handed_back_reworked_is_a_rewrite(task: str) -> None:
    assert archetype_ids(task)[0] == "writing_editor"


def test_a_pasted_text_handed_back_as_a_summary_is_no_rewrite_cue() -> None:
    task = "I paste in a long council report and get back a summary of five bullet points for our residents."
    assert archetype_ids(task)[0] != "writing_editor"


@pytest.mark.parametrize(
    "task",
    [
        "hola, soy voluntaria en un rastro solidario de Valencia. Arreglamos bicicletas donadas y las vendemos en "
        "nuestra tienda online. Te paso mis apuntes del taller (marca, estado, talla, precio) y me escribes el "
        "anuncio: un título de 50 caracteres como mucho y una descripción de 30 a 60 palabras, honesta sobre el "
        "estado. Sin emojis.",
        "Für unseren Second-Hand-Laden: ich gebe dir meine Stichpunkte zu einer gebrauchten Kamera (Modell, Zustand, "
        "Preis). Wir verkaufen die Kameras online, du schreibst die Anzeige: Titel höchstens 60 Zeichen, "
        "Beschreibung 40 bis 80 Wörter, ehrlich zum Zustand.",
    ],
)
def test_goods_sold_online_then_their_listing_is_marketing_copy(task: str) -> None:
    assert archetype_ids(task)[0] == "marketing_copy"


@pytest.mark.parametrize(
    "task",
    [
        "Soy profesora de griego en un instituto de Sevilla. Quiero un tutor para mis alumnos que les ayude con los "
        "textos en casa. Nunca les des la traducción completa, aunque insistan: haz una pregunta guía. Máximo 3 "
        "frases por respuesta.",
        "I teach German to adults. I want a tutor bot that helps my learners with their translation homework: never "
        "give them the full translation, help them translate it themselves with hints, and correct their attempts.",
    ],
)
def test_a_tutor_that_withholds_the_translation_is_a_tutor(task: str) -> None:
    assert archetype_ids(task)[0] == "tutor"


@pytest.mark.parametrize(
    "task",
    [
        "Translate our hotel's guest emails from Italian into English. Never give a word-for-word translation; keep "
        "the tone warm.",
        "Traduci in inglese le schede prodotto del nostro negozio, mantenendo i nomi dei prodotti invariati.",
    ],
)
def test_a_real_translation_brief_stays_translation(task: str) -> None:
    assert archetype_ids(task)[0] == "translation"


def test_a_general_chat_stays_general() -> None:
    task = "Be a friendly everyday helper for me: recipes, gift ideas, planning a weekend trip. Keep answers short."
    assert archetype_ids(task)[0] == "general_assistant"


@pytest.mark.parametrize(
    "task",
    [
        "Non dare mai la traduzione completa di una frase. Massimo 3 frasi per risposta.",
        "Nunca des la traducción completa de una frase. Máximo 3 frases por respuesta.",
        "Never give the full translation of one sentence. At most 3 sentences per reply.",
    ],
)
def test_the_size_of_the_text_worked_on_is_no_limit(task: str) -> None:
    assert _limits(task) == [("sentences", 3, None)]


@pytest.mark.parametrize("task", ["Rispondi in una frase.", "Answer in one sentence.", "Contesta con una frase."])
def test_a_one_sentence_reply_is_still_a_limit(task: str) -> None:
    assert _limits(task) == [("sentences", None, 1)]

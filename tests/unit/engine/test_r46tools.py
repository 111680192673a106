"""Round 46's review, classes 2, 5 and 7: pasted tools and schemas are read (a developer's `paths:` short form, a tool
table in any language with its "(a / b / c)" values, a table signature over several lines), a named job gets its own
frame in every language, and no slot stands for something the brief does not take per request."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, variable_cues
from app.engine.generate import read_constraints
from tests.unit.engine.reading import archetype_ids, claude_prompt, section


def _tools(task: str) -> dict[str, str]:
    return {c.name or "": c.text for c in read_constraints(Brief(task=task)) if c.kind == "tool"}


def _orders(task: str) -> set[tuple[str, str]]:
    return {
        (c.first or "", c.then or "") for c in read_constraints(Brief(task=task)) if c.kind == "ordering" and c.then
    }


# --- a developer's `paths:` short form: one tool per path ----------------------------------------------------------

_SHORT_PATHS = {
    "es": (
        "Somos una peluquería canina en Valencia. Queremos un asistente para el chat que dé citas. El programador nos "
        'pasó esto:\n\npaths:\n  /buscar_cliente:\n    post: {params: {telefono: string}, devuelve: "cliente_id | '
        'null"}\n  /ver_huecos:\n    post: {params: {servicio: "bano | corte | unas", fecha: "YYYY-MM-DD"}, '
        'devuelve: "lista de huecos"}\n  /reservar:\n    post: {params: {cliente_id: string, hueco_id: string}}\n\n'
        "Normas:\n1. Siempre buscar_cliente primero.\n2. Máximo 60 palabras por respuesta."
    ),
    "en": (
        "We run a bike repair shop in Bristol. The chat should book repairs. Our dev wrote the endpoints like this:\n\n"
        'paths:\n  /find_customer:\n    post: {params: {phone: string}, returns: "customer_id | null"}\n'
        '  /free_slots:\n    post: {params: {job: "puncture | service | brakes", day: string}}\n  /bookRepair:\n'
        "    post: {params: {customer_id: string, slot_id: string}}\n\nKeep replies under 50 words."
    ),
}


@pytest.mark.parametrize("lang", sorted(_SHORT_PATHS))
def test_a_paths_block_without_operation_ids_names_one_tool_per_path(lang: str) -> None:
    task = _SHORT_PATHS[lang]
    tools = _tools(task)
    assert len(tools) == 3, tools
    slots = tools["ver_huecos" if lang == "es" else "free_slots"]
    values = "bano, corte, unas" if lang == "es" else "puncture, service, brakes"
    assert f"to one of: {values}" in slots, slots
    assert "returns" in tools["buscar_cliente" if lang == "es" else "find_customer"]
    prompt = claude_prompt(task)
    assert "<tools>" in prompt, prompt
    assert "paths:" not in prompt, prompt


def test_a_rest_paths_block_without_ids_still_names_no_tools() -> None:
    task = (
        "Here is our API:\n\npaths:\n  /clients/lookup:\n    get:\n      summary: Find a client\n  /slots:\n    get:\n"
        "      summary: List free slots\n\nKeep it short."
    )
    assert _tools(task) == {}


# --- a tool table in any language, with the values of its parameters -----------------------------------------------

_TABLES = {
    "it": (
        "Noleggio kayak a Lecco. Ci serve un assistente per le prenotazioni via chat. Strumenti disponibili:\n\n"
        "| strumento | parametri | cosa fa |\n|---|---|---|\n"
        "| cerca_posti | data, tipo (singolo / doppio / sup), ore | posti liberi |\n"
        "| preventivo | posto_id, ore | prezzo |\n| prenota | preventivo_id, nome | conferma |\n\n"
        "Regole:\n- preventivo SEMPRE prima di prenota.\n- Massimo 50 parole per risposta."
    ),
    "es": (
        "Alquiler de bicis en Sevilla. Queremos un asistente de reservas por chat. Herramientas:\n\n"
        "| herramienta | parámetros | qué hace |\n|---|---|---|\n"
        "| buscar_bicis | fecha, tipo (urbana / electrica / tandem) | bicis libres |\n"
        "| presupuesto | bici_id, horas | precio |\n| reservar | presupuesto_id, nombre | confirmación |\n\n"
        "Reglas:\n- presupuesto antes de reservar.\n- Máximo 50 palabras."
    ),
    "fr": (
        "Location de vélos à Annecy. Il nous faut un assistant de réservation. Outils :\n\n"
        "| outil | paramètres | rôle |\n|---|---|---|\n"
        "| chercher_velos | date, type (ville / electrique / enfant) | vélos libres |\n"
        "| devis | velo_id, heures | prix |\n| reserver | devis_id, nom | confirmation |\n\n"
        "Règles :\n- devis avant reserver.\n- 50 mots maximum."
    ),
}


@pytest.mark.parametrize("lang", sorted(_TABLES))
def test_a_tool_table_in_any_language_is_the_tool_list_with_its_values_and_orders(lang: str) -> None:
    task = _TABLES[lang]
    tools = _tools(task)
    assert len(tools) == 3, tools
    search = next(text for name, text in tools.items() if name.startswith(("cerca", "buscar", "chercher")))
    assert search.count("to one of:") == 1, search  # on `tipo` / `type` only, not on the date or the hours
    quote, book = {"it": ("preventivo", "prenota"), "es": ("presupuesto", "reservar"), "fr": ("devis", "reserver")}[
        lang
    ]
    assert (f"call {quote}", f"call {book}") in _orders(task), _orders(task)
    assert archetype_ids(task)[0] == "tool_agent"


@pytest.mark.parametrize(
    "text",
    [
        "Le barche senza patente hanno massimo 40 CV e al massimo 6 persone.",
        "Las motos de 125 cc tienen 15 CV, no hace falta carnet de coche.",
        "Nos bateaux sans permis font 6 CV au maximum.",
    ],
)
def test_a_horsepower_cv_is_no_resume_slot(text: str) -> None:
    assert "resume" not in {v.name for v in variable_cues(text)}


def test_a_cv_to_read_is_still_a_resume_slot() -> None:
    assert "resume" in {v.name for v in variable_cues("Read the CV the candidate pastes and list three strengths.")}


# --- a table signature written over several lines ------------------------------------------------------------------

_SCHEMA = (
    "SQL helper for the warehouse team (Postgres).\n\nSchema:\n"
    "ops.depots(depot_id int, city varchar)\n"
    "ops.orders(order_id bigint, depot_id int, kind varchar, -- 'retail','trade'\n"
    "           placed_at timestamp, -- UTC\n"
    "           total_cents int) -- GBP pence\n"
    "ops.lines(order_id bigint, sku varchar,\n"
    "          qty smallint)\n\n"
    "Read-only queries. One sql block, nothing else."
)


def test_a_table_signature_over_several_lines_stays_whole_in_the_schema() -> None:
    prompt = claude_prompt(_SCHEMA)
    schema = section(prompt, "schema")
    for part in ("placed_at timestamp, -- UTC", "total_cents int) -- GBP pence", "ops.lines(", "qty smallint)"):
        assert part in schema, schema
    assert "placed_at" not in section(prompt, "context")


# --- a named job gets its own frame: translation in Dutch, replies to reviews in every language ---------------------

_DUTCH_TRANSLATION = [
    "Camping De Berken in Ootmarsum. Veel gasten komen uit Duitsland, dus we willen onze Nederlandse teksten "
    "(huisregels, mails) laten vertalen naar het Duits.\n- Alleen de vertaling teruggeven, geen uitleg.\n"
    "- Plaatsnamen niet vertalen.",
    "Voor onze museumwinkel: de productbeschrijvingen moeten we vertalen naar het Engels. Geef alleen de "
    "vertaling terug, zonder opmerkingen.",
]


@pytest.mark.parametrize("task", _DUTCH_TRANSLATION)
def test_a_dutch_brief_that_has_texts_translated_is_a_translation_job(task: str) -> None:
    assert archetype_ids(task)[0] == "translation"
    assert "You are an assistant." not in section(claude_prompt(task), "role")


_REVIEW_REPLIES = {
    "es": "Queremos un asistente que responda a las reseñas de Google de nuestro restaurante, La Tasca de Pepe en "
    "Málaga. Respuestas cortas, amables, de tú, máximo 60 palabras. Si la reseña es negativa, pedir disculpas e "
    "invitar a escribir a hola@latasca.es.",
    "en": "We need an assistant that replies to the Google reviews of our restaurant, The Olive Tree in York. Short, "
    "warm replies, max 60 words. If the review is negative, apologise and invite them to email hello@olivetree.co.uk.",
    "fr": "Nous voulons un assistant qui réponde aux avis Google de notre restaurant, Chez Marcel à Lyon. Réponses "
    "courtes et chaleureuses, 60 mots maximum. Si l'avis est négatif, s'excuser et inviter à écrire à "
    "contact@chezmarcel.fr.",
    "de": "Wir brauchen einen Assistenten, der auf die Google-Bewertungen unseres Restaurants (Gasthaus Krone, "
    "Freiburg) antwortet. Kurz und freundlich, höchstens 60 Wörter. Bei negativen Bewertungen entschuldigen und auf "
    "info@krone-freiburg.de verweisen.",
    "it": "Ci serve un assistente che risponda alle recensioni Google del nostro ristorante, Trattoria Da Gino a "
    "Bologna. Risposte brevi e cordiali, massimo 60 parole. Se la recensione è negativa, scusarsi e invitare a "
    "scrivere a info@dagino.it.",
    "pt": "Queremos um assistente que responda às avaliações do Google do nosso restaurante, Tasca do Zé em Lisboa. "
    "Respostas curtas e simpáticas, no máximo 60 palavras. Se a avaliação for negativa, pedir desculpa e convidar a "
    "escrever para ola@tascadoze.pt.",
    "nl": "We willen een assistent die reageert op de Google-reviews van ons restaurant, De Gouden Lepel in Utrecht. "
    "Korte, vriendelijke antwoorden, maximaal 60 woorden. Bij een negatieve review excuses aanbieden en verwijzen "
    "naar info@goudenlepel.nl.",
}


@pytest.mark.parametrize("lang", sorted(_REVIEW_REPLIES))
def test_replying_to_reviews_is_a_reply_drafting_job_in_every_language(lang: str) -> None:
    task = _REVIEW_REPLIES[lang]
    assert archetype_ids(task)[0] == "customer_support"
    prompt = claude_prompt(task)
    assert "review" in section(prompt, "role").lower(), section(prompt, "role")
    assert "{{review}}" in prompt, prompt
    assert "{{labels}}" not in prompt
    assert "incoming email" not in prompt  # the address for unhappy guests makes no e-mail job


# --- no slot for what the brief pastes -------------------------------------------------------------------------------

_INLINE_RUBRIC = (
    "Marking assistant for our first-aid course. Learners type short answers; you mark one answer at a time against "
    'this rubric.\n\nQuestion 3: "What do you do for a nosebleed?"\nKey points, 2 marks each (max 6):\n'
    "a) sit forward, not back\nb) pinch the soft part of the nose for 10 minutes\nc) get help if it lasts over "
    '30 minutes\n\nReturn JSON only: {"score": 0-6, "feedback": "..."}. Feedback max 30 words.'
)


def test_a_rubric_the_brief_points_to_and_lists_gets_no_rubric_slot() -> None:
    prompt = claude_prompt(_INLINE_RUBRIC)
    assert "{{rubric}}" not in prompt, prompt
    assert "pinch the soft part" in prompt
    assert "{{rubric}}" in claude_prompt(
        "Grade each essay against the rubric we attach with it. Return a score out of 20 and two sentences of feedback."
    )


_PASTED_FAQ = {
    "pt": "Somos a Associação de Moradores do Bairro Alto. Queremos um atendente no WhatsApp que responda usando só o "
    "nosso FAQ (vou colar abaixo).\n\nFAQ (resumo):\n- Quota: 5 euros por mês, paga na sede.\n- Sede: Rua da Rosa "
    "12, terça e quinta, 18h às 20h.\n- Festa de junho: inscrições até 31 de maio.\n\nNo máximo 4 frases por resposta.",
    "es": "Somos el club de pádel Las Palmeras. Queremos un asistente que conteste solo con nuestras preguntas "
    "frecuentes.\n\nPreguntas frecuentes:\n- Cuota: 30 euros al mes.\n- Reservas de pista: hasta 7 días antes, en la "
    "app.\n- Clases: martes y jueves, 19h.\n\nMáximo 3 frases por respuesta.",
}


@pytest.mark.parametrize("lang", sorted(_PASTED_FAQ))
def test_a_pasted_faq_is_a_named_section_and_no_document_slot(lang: str) -> None:
    prompt = claude_prompt(_PASTED_FAQ[lang])
    assert "{{document}}" not in prompt, prompt
    faq = next(tag for tag in ("faq_resumo", "preguntas_frecuentes") if f"<{tag}>" in prompt)
    assert "euros" in section(prompt, faq)
    assert "FAQ (resumo):" not in section(prompt, "instructions")


def test_a_rubric_pasted_with_each_request_keeps_its_slot() -> None:
    task = (
        "Grade each essay against this rubric (pasted in with each essay). Output:\n- a score out of 20\n"
        "- two sentences of feedback"
    )
    assert "{{rubric}}" in claude_prompt(task)


def test_an_order_mixing_identifier_and_plain_tool_names_keeps_every_pair() -> None:
    task = (
        "Chat voor onze dierenpension. Tools:\n\n| tool | parameters | wat |\n|---|---|---|\n"
        "| klant_zoeken | telefoon | klant_id |\n| vaccinaties_controleren | dier_id | datums |\n"
        "| beschikbaarheid | datum | vrije plekken |\n\n"
        "Volgorde: eerst klant_zoeken, dan vaccinaties_controleren, pas daarna beschikbaarheid."
    )
    orders = _orders(task)
    assert ("call klant_zoeken", "call vaccinaties_controleren") in orders, orders
    assert ("call vaccinaties_controleren", "call beschikbaarheid") in orders, orders

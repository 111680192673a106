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

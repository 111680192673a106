"""Structures a brief pastes are read as what they are (round 38's class 3): an OpenAPI `paths:` block is the tool
list, a return type after a signature is what that tool gives back (never the reply's JSON), and labels defined one
per line under a sentence about labels are the label set, with their definitions and no `{{labels}}` slot."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import claude_prompt, section


def _tools(task: str) -> dict[str, list[str]]:
    return {c.name or "": list(c.parameters) for c in read_constraints(Brief(task=task)) if c.kind == "tool"}


def _kinds(task: str) -> set[str]:
    return {c.kind for c in read_constraints(Brief(task=task))}


# --- an OpenAPI `paths:` block is the tool list --------------------------------------------------------------------

_FLOW_SPEC = (
    "We run Greenleaf Plumbing, a small plumbing firm in Leeds. The website chat should book call-outs. Our developer "
    "pasted the API spec:\n\npaths:\n  /clients/lookup:\n    get: {operationId: lookupClient, parameters: [postcode, "
    "surname]}\n  /visits/slots:\n    get: {operationId: listSlots, parameters: [postcode, job_type, from_date]}\n"
    "  /visits:\n    post: {operationId: bookVisit, body: [client_id, slot_id, job_type, notes]}\n"
    "  /visits/{visitId}:\n    delete: {operationId: cancelVisit}\n\nRules:\n- Always call lookupClient first; no "
    "match means no booking.\n- listSlots before bookVisit, never invent a time.\nKeep replies to 3 sentences."
)


def test_a_flow_style_paths_block_pasted_in_prose_is_the_tool_list() -> None:
    assert _tools(_FLOW_SPEC) == {
        "lookupClient": ["postcode", "surname"],
        "listSlots": ["postcode", "job_type", "from_date"],
        "bookVisit": ["client_id", "slot_id", "job_type", "notes"],
        "cancelVisit": ["visitId"],  # the path's "{visitId}" is the argument
    }
    prompt = claude_prompt(_FLOW_SPEC)
    tools = section(prompt, "tools")
    assert "`bookVisit(client_id, slot_id, job_type, notes)`" in tools
    assert "`cancelVisit(visitId)`" in tools
    assert "operationId" not in prompt
    assert "{visitId}" not in prompt


_GERMAN_SPEC = (
    "Für unsere Hausverwaltung Lindenhof GmbH soll ein Chat-Assistent Reparaturmeldungen aufnehmen. Die Agentur hat "
    "uns diese Schnittstelle geschickt:\n\npaths:\n  /mieter/suche:\n    get: {operationId: mieterFinden, "
    "parameters: [objekt_nr, wohnung, nachname]}\n  /schaeden:\n    post: {operationId: schadenMelden, body: "
    "[mieter_id, raum, beschreibung, dringend]}\n  /handwerker/{gewerk}/termine:\n    get: {operationId: "
    "handwerkerTermine, parameters: [ab_datum]}\n\nImmer zuerst mieterFinden. Höchstens 3 Sätze, Sie-Form."
)


def test_a_german_brief_with_a_paths_block_gets_its_tools_and_no_intro_rule() -> None:
    assert _tools(_GERMAN_SPEC) == {
        "mieterFinden": ["objekt_nr", "wohnung", "nachname"],
        "schadenMelden": ["mieter_id", "raum", "beschreibung", "dringend"],
        "handwerkerTermine": ["gewerk", "ab_datum"],
    }
    prompt = claude_prompt(_GERMAN_SPEC)
    assert "`schadenMelden(mieter_id, raum, beschreibung, dringend)`" in section(prompt, "tools")
    # the sentence that only hands the spec over is no rule once the spec is the tools section
    assert "Schnittstelle geschickt" not in prompt


_FENCED_SPEC = (
    "Somos la academia de idiomas Faro Azul. Queremos un asistente que gestione las clases de prueba. La API:\n\n"
    "```yaml\npaths:\n  /alumnos/buscar:\n    get:\n      operationId: buscarAlumno\n      summary: Busca un alumno "
    "por correo\n      parameters:\n        - name: correo\n          in: query\n  /clases/{claseId}/reservas:\n"
    "    post:\n      operationId: reservarClase\n      summary: Reserva una plaza en una clase de prueba\n"
    "      requestBody:\n        content:\n          application/json:\n            schema:\n"
    "              properties:\n"
    "                alumno_id: {type: string}\n                nivel: {type: string, enum: [A1, A2, B1]}\n```\n\n"
    "Siempre buscarAlumno antes de reservarClase. Respuestas de 3 frases como máximo."
)


def test_a_fenced_block_spec_keeps_summaries_path_ids_and_body_enums_and_sets_no_json_reply() -> None:
    assert _tools(_FENCED_SPEC)["reservarClase"] == ["claseId", "alumno_id", "nivel"]
    prompt = claude_prompt(_FENCED_SPEC)
    tools = section(prompt, "tools")
    assert "busca un alumno por correo" in tools
    assert "set `nivel` to one of: A1, A2, B1" in tools
    # "content: application/json" says how the tool is called, not what the reply is
    output = section(prompt, "output_format")
    assert "JSON" not in output, output
    assert "```" not in section(prompt, "instructions")


# --- a return type after a signature is the tool's, never the reply's -------------------------------------------

_TS_TOOLS = (
    "Assistant for Harbour Bikes rental shop on WhatsApp. Tools our dev wrote:\n\n"
    'find_bikes(date: string, kind: "city" | "ebike" | "cargo"): { free: number }\n'
    "hold_bike(phone: string, date: string, kind: string): { hold_id: string }\n"
    "release_hold(hold_id: string): void\n\n"
    "Always call find_bikes before hold_bike. Read the date back and wait for a yes before holding. Max 80 words."
)


def test_a_typescript_object_return_type_is_the_tools_not_the_replys_schema() -> None:
    assert "schema" not in _kinds(_TS_TOOLS)
    prompt = claude_prompt(_TS_TOOLS)
    output = section(prompt, "output_format")
    assert "JSON" not in output, output
    assert "exactly these keys" not in output, output
    assert "hold_id: string" in section(prompt, "tools")


_SEMICOLON_RETURN = (
    "Chat agent for Copperline Internet, a fibre ISP. Functions available:\n\n"
    'checkCoverage(postcode: string): Promise<{ covered: boolean; zone: "A" | "B" }>\n'
    "openFault(accountNo: string, symptom: string): Promise<{ faultRef: string }>\n"
    "scheduleEngineer(faultRef: string, day: string) → {ok: boolean}\n\n"
    "Check coverage before talking about prices. Answer in 2-3 sentences."
)


def test_a_return_type_with_a_semicolon_stays_whole() -> None:
    tools = section(claude_prompt(_SEMICOLON_RETURN), "tools")
    assert '{ covered: boolean; zone: "A" | "B" }' in tools, tools


_PYTHON_TOOLS = (
    "Bot für unseren Fahrradverleih Rad & Tat in Leipzig. Die Funktionen:\n\n"
    "def verfuegbarkeit(datum: str, typ: str) -> dict\n"
    'def reservieren(kunde_id: str, rad_id: str) -> {"reservierung": str}\n'
    "def stornieren(reservierung: str) -> None\n\n"
    "Immer erst verfuegbarkeit, dann reservieren. Maximal 3 Sätze pro Antwort."
)


def test_a_python_dict_return_type_is_what_the_tool_returns() -> None:
    tools = section(claude_prompt(_PYTHON_TOOLS), "tools")
    assert 'returns {"reservierung": str}.' in tools, tools
    assert " def." not in tools  # (not the next line's "def")


# --- labels defined one per line under a sentence about labels --------------------------------------------------

_LABELS_AFTER_SENTENCE = (
    "inbox triage for Fernway Plant Nursery. one label per email, answer with the label only.\n"
    "DELIVERY_DELAY - order late, courier lost it, no tracking update\n"
    "PLANT_DAMAGED - arrived wilted, broken stems, pot cracked\n"
    "CARE_QUESTION - watering, repotting, pests, light\n"
    "WHOLESALE - trade account, bulk pricing, nursery supply\n"
    "SPAM\n"
    "if unsure pick CARE_QUESTION."
)
_LABELS_SAME_SENTENCE = (
    "Clasificador de mensajes de WhatsApp para la pizzería Forno Rosso. Una sola etiqueta por mensaje, responde solo "
    "con la etiqueta\nRESERVA — quiere mesa para hoy o otro día\nPEDIDO — quiere pedir para llevar o a domicilio\n"
    "QUEJA — pizza fría, retraso, error en el pedido\nOTRO\nSi dudas entre dos, elige la primera de la lista."
)
_LABELS_JAPANESE = (
    "整体院「みどり堂」の問い合わせフォームを分類してください。1件につきラベルは1つだけ、ラベル名だけを返してください。\n"
    "YOYAKU - 予約の新規・変更・キャンセル\nRYOKIN - 料金、回数券、保険の質問\n"
    "SHOJO - 痛みや症状についての相談\nSONOTA\n"
    "迷ったら SHOJO を優先してください。"
)


@pytest.mark.parametrize(
    ("task", "labels", "definition"),
    [
        (
            _LABELS_AFTER_SENTENCE,
            ["DELIVERY_DELAY", "PLANT_DAMAGED", "CARE_QUESTION", "WHOLESALE", "SPAM"],
            "PLANT_DAMAGED - arrived wilted, broken stems, pot cracked",
        ),
        (_LABELS_SAME_SENTENCE, ["RESERVA", "PEDIDO", "QUEJA", "OTRO"], "QUEJA — pizza fría, retraso"),
        (_LABELS_JAPANESE, ["YOYAKU", "RYOKIN", "SHOJO", "SONOTA"], "RYOKIN - 料金、回数券、保険の質問"),
    ],
)
def test_labels_defined_one_per_line_after_a_sentence_are_the_label_set(
    task: str, labels: list[str], definition: str
) -> None:
    found = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert found == [labels]
    prompt = claude_prompt(task)
    assert "{{labels}}" not in prompt
    assert definition in prompt  # each label keeps what it covers, on its own line

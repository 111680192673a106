"""Round 49, class 1: the output section comes from the brief's output statement only. A case's fixed object is
no schema, a stray clause ("never in the output columns") is no field list, a condition ("only when decision = A
or B") and a tool name are no label set, a value list for a list key stays that key's items, a named CSV line is
the reply's shape, and a chat with tools gets no extracted-fields object."""

from __future__ import annotations

import re

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


_FALLBACK_BRIEFS = [
    (
        'We get supplier invoices by email. Turn each one into JSON only, exactly these keys:\n{"supplier": string, '
        '"invoice_no": string or null, "total": number, "currency": "GBP|EUR|USD"}\n- total without currency symbol\n'
        '- not an invoice at all (statements, reminders, marketing) -> return exactly {"not_invoice": true}',
        "supplier",
        '{"not_invoice": true}',
    ),
    (
        "Convierte cada correo de reserva en JSON, solo JSON, con estas claves exactas:\n"
        '{"nombre": string, "fecha": "YYYY-MM-DD", "personas": integer}\n- la fecha siempre en formato ISO\n'
        '- correo que no es una reserva (publicidad, quejas) => devuelve exactamente {"error": "no_es_reserva"}',
        "nombre",
        '{"error": "no_es_reserva"}',
    ),
    (
        "Mach aus jeder Werkstattnotiz JSON mit genau diesen Schlüsseln:\n"
        '{"kennzeichen": string, "arbeit": "inspektion|reifen|bremse|sonstiges", "stunden": number}\n'
        '- keine Notiz zu einem Auto → gib exakt {"fehler": "keine_notiz"} aus',
        "kennzeichen",
        '{"fehler": "keine_notiz"}',
    ),
    (
        "Para cada mensagem devolve só JSON com estas chaves exatas:\n"
        '{"cliente": string, "produto": string, "quantidade": 1-10 ou null}\n'
        '- se não for uma encomenda devolve exatamente {"erro": "nao_e_encomenda"}',
        "cliente",
        '{"erro": "nao_e_encomenda"}',
    ),
]


@pytest.mark.parametrize(("task", "first_key", "literal"), _FALLBACK_BRIEFS)
def test_a_case_object_is_a_conditional_reply_not_a_second_schema(task: str, first_key: str, literal: str) -> None:
    result = _run(task)
    output = _output(result.prompt)
    schemas = [c for c in result.constraints if c.kind == "schema"]
    assert [c.values[0] for c in schemas] == [first_key]  # the pasted shape is the schema, alone
    assert output.count("exactly these keys") == 1
    assert f"the whole reply is exactly {literal}" in output
    assert "every field set to null" not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Postgres helper for our billing team. tables: invoices(id, customer_email, amount, paid_at) / "
        "customers(email, country). read-only queries only. customer_email must never be in the output columns, "
        'aggregate instead. reply = one ```sql block then one line starting "Note:", nothing else.',
        "SQL helper for the clinic's analysts in DuckDB. tables: visits(visit_id, patient_id, clinic, seen_at). "
        "patient_id never in the output columns (privacy), count distinct instead. reply = one ```sql block then "
        'one line starting "Assumption:", nothing else.',
    ],
)
def test_a_clause_about_query_columns_is_a_rule_and_the_sql_reply_gets_no_json(task: str) -> None:
    result = _run(task)
    output = _output(result.prompt)
    assert not [c for c in result.constraints if c.kind in ("fields", "schema")]
    assert "JSON" not in output
    assert "```sql block" in output
    assert re.search(r"never (?:be )?in the output columns", result.prompt)


@pytest.mark.parametrize(
    ("task", "condition"),
    [
        (
            'Modère chaque avis et réponds uniquement en JSON avec exactement :\n{"decision": "publier|masquer|revue", '
            '"note_gardee": true|false}\n- note_gardee = false seulement quand decision = masquer pour menace ou haine',
            "masquer pour menace",
        ),
        (
            'Check each refund request. Return JSON only with exactly these keys: {"decision": "approve|deny|review", '
            '"notify": true/false}. notify = true only when decision = deny for fraud or abuse.',
            "deny for fraud",
        ),
        (
            'Prüfe jede Reklamation und gib nur JSON mit genau diesen Schlüsseln zurück: {"decision": '
            '"ersetzen|erstatten|ablehnen", "eskalieren": true/false}. eskalieren = true nur wenn decision = ablehnen '
            "wegen Betrug oder Drohung.",
            "ablehnen wegen Betrug",
        ),
    ],
)
def test_a_condition_on_a_field_is_no_label_set(task: str, condition: str) -> None:
    result = _run(task)
    labels = [c for c in result.constraints if c.kind == "labels"]
    assert all(condition not in c.values for c in labels)
    assert "Assign exactly one label" not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Support chat for Brightlane Energy. tools: lookup_account(postcode, name), escalate_case(account_id, "
        "reason), flag_risk(account_id, note). Always call lookup_account first. If a customer is at risk, flag them "
        "with flag_risk, a specialist takes it from there. max 3 sentences.",
        "Chat bot for a dental practice. Tools: find_patient(phone), book_slot(patient_id, slot), "
        "markUrgent(patient_id). Call find_patient first. Severe pain or swelling: tag them with markUrgent, a "
        "nurse rings back. Reply in 2 sentences max.",
    ],
)
def test_a_chat_with_tools_gets_no_label_line_and_no_fields_object(task: str) -> None:
    result = _run(task)
    assert not [c for c in result.constraints if c.kind == "labels"]
    assert "Label:" not in result.prompt
    assert "extracted fields as one JSON object" not in result.prompt


@pytest.mark.parametrize(
    ("task", "columns", "set_line"),
    [
        (
            "sort incoming job applications. reply with one csv line and nothing else, in this order: "
            "role,seniority,remote\nrole = backend|frontend|data|other. remote = yes/no\nno header, no quotes",
            "role,seniority,remote",
            "Role is exactly one of: backend, frontend, data, other.",
        ),
        (
            "classify maintenance tickets for our gyms. output ONE csv line only, in this order: area,urgency\n"
            "area = cardio|weights|pool|changing_rooms. urgency = today/this_week/later\nno header row",
            "area,urgency",
            "Area is exactly one of: cardio, weights, pool, changing_rooms.",
        ),
    ],
)
def test_a_named_csv_line_is_the_output_shape(task: str, columns: str, set_line: str) -> None:
    result = _run(task)
    output = _output(result.prompt)
    assert f"`{columns}`" in output
    assert set_line in output
    assert "Return exactly one label from the set." not in result.prompt
    assert "Assign exactly one of these labels" not in output


@pytest.mark.parametrize(
    ("task", "key", "most"),
    [
        (
            'Tag each app store review. Return JSON only with exactly these keys:\n{"rating": 1-5, "topics": [], '
            '"reply_needed": true/false}\ntopics allowed (up to 2): crashes, battery, login, pricing, ui\n'
            "- reply_needed true only for 1-2 stars",
            "topics",
            2,
        ),
        (
            "Para cada reseña responde solo con JSON con estas claves exactas:\n"
            '{"valoracion": 1-5, "motivos": [], "urgente": true/false}\nmotivos posibles (máx. 2): precio, envio, '
            "calidad, atencion\n- urgente = true si mencionan un riesgo",
            "motivos",
            2,
        ),
        (
            'Réponds uniquement en JSON avec exactement :\n{"decision": "ok|retirer", "motifs": []}\n'
            "motifs possibles (0 à 3) : insulte, spam, menace, hors_sujet",
            "motifs",
            3,
        ),
        (
            "Para cada avaliação devolve só JSON com estas chaves exatas:\n"
            '{"nota": 1-5 ou null, "elogios": [], "queixas": []}\n'
            "- elogios e queixas só com estas etiquetas: preco, guia, conforto, limpeza. máx. 3 em cada",
            "queixas",
            3,
        ),
    ],
)
def test_a_value_list_for_a_list_key_is_its_item_enum(task: str, key: str, most: int) -> None:
    result = _run(task)
    schema = next(c.schema for c in result.constraints if c.kind == "schema")
    assert schema is not None
    prop = schema["properties"][key]
    assert prop["items"]["enum"]
    assert prop["maxItems"] == most
    assert "Assign exactly one label" not in result.prompt
    assert "at most" in _output(result.prompt)


def test_near_misses_keep_their_old_reading() -> None:
    # a label set stated as a value list stays one; an input CSV's header is no reply shape
    labelled = _run(
        "Classify each support ticket. category = billing, technical or account. Reply with the category only."
    )
    assert [c.values for c in labelled.constraints if c.kind == "labels"] == [["billing", "technical", "account"]]
    imported = _run(
        "We import our product export, a CSV with the header row sku,name,price. Summarise each week's changes in "
        "three bullet points."
    )
    assert not [c for c in imported.constraints if c.kind == "fields"]
    # "return the output" keeps its verb: the fields after it are still read
    listed = _run("From each resume, return the candidate_name, email, years_experience as JSON.")
    assert any(c.kind in ("fields", "schema") for c in listed.constraints)

"""How users list a JSON reply's keys: "Keys, exactly these: …", "with these keys (…)", a bulleted or numbered key
list, in English, German, Spanish, French, Portuguese, Italian and Dutch; the values written after a key belong to
that key; asides that count a business or quote a sample are never keys."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _fields(task: str) -> list[list[str]]:
    return [list(c.values) for c in read_constraints(Brief(task=task)) if c.kind == "fields" and c.value != "collect"]


def _schema(prompt: str) -> dict[str, Any]:
    block = re.search(r"```json\n(.*?)\n```", prompt, re.DOTALL)
    assert block is not None, prompt
    schema: dict[str, Any] = json.loads(block.group(1))
    return schema


def _keys(prompt: str) -> list[str]:
    schema = _schema(prompt)
    item = schema.get("items", schema)
    return list(item["properties"])


@pytest.mark.parametrize(
    ("task", "keys"),
    [
        (
            "We log dog-grooming bookings. Turn each booking message into JSON. Keys, exactly these: dog_name, breed, "
            "owner_phone, service, slot_time.",
            ["dog_name", "breed", "owner_phone", "service", "slot_time"],
        ),
        (
            "Parse every tyre-fitting job sheet into a JSON object.\n\nKeys exactly: plate, tyre_size, qty, fitter",
            ["plate", "tyre_size", "qty", "fitter"],
        ),
        (
            "Erzeuge aus jeder Bestellung der Metzgerei ein JSON-Objekt. Schlüssel genau so: artikel, menge, "
            "lieferdatum, filiale",
            ["artikel", "menge", "lieferdatum", "filiale"],
        ),
        (
            "Convierte cada parte de la grúa en JSON. Campos, exactamente estos: matricula, obra, horas, operador.",
            ["matricula", "obra", "horas", "operador"],
        ),
        (
            "Transforme chaque fiche en JSON. Clés, exactement celles-ci : client, adresse, panne, duree_min.",
            ["client", "adresse", "panne", "duree_min"],
        ),
        (
            "Converta cada recibo da farmácia em JSON. Chaves exatamente: loja, data_compra, total, forma_pagamento",
            ["loja", "data_compra", "total", "forma_pagamento"],
        ),
        (
            "Trasforma ogni scheda del canile in JSON. Chiavi esattamente: cane, box, esito, data_visita.",
            ["cane", "box", "esito", "data_visita"],
        ),
        (
            "Maak van elke kassabon een JSON-object. Sleutels precies deze: winkel, datum, totaal, btw.",
            ["winkel", "datum", "totaal", "btw"],
        ),
        (
            "Return JSON with these keys (guest_name, room, checkin_date, nights). Nothing else.",
            ["guest_name", "room", "checkin_date", "nights"],
        ),
        (
            "Zet elke storingsmelding om naar JSON met de velden adres, storing, urgentie en monteur.",
            ["adres", "storing", "urgentie", "monteur"],
        ),
    ],
)
def test_a_key_list_introduced_as_the_keys_is_read_whole_and_in_order(task: str, keys: list[str]) -> None:
    assert _fields(task) == [keys]
    assert _keys(generate(Brief(task=task)).prompt) == keys


@pytest.mark.parametrize(
    ("task", "keys"),
    [
        (
            "Turn each plant nursery order into JSON with these keys:\n- plant_name: the plant as written\n"
            "- pot_size: litres\n- qty: integer",
            ["plant_name", "pot_size", "qty"],
        ),
        (
            "Output JSON for each water sample.\nKeys:\n1. sample_id — lab code\n2. ph — number\n3. turbidity — NTU",
            ["sample_id", "ph", "turbidity"],
        ),
        (
            "Gib für jede Mail an die Hausverwaltung ein JSON zurück. Felder:\n- mieter_name: voller Name\n"
            "- wohnung: Nummer\n- anliegen: Kurzbeschreibung",
            ["mieter_name", "wohnung", "anliegen"],
        ),
        (
            "Return JSON with these fields:\n- customer_id\n- visit_type\n- outcome",
            ["customer_id", "visit_type", "outcome"],
        ),
    ],
)
def test_keys_listed_one_per_line_under_a_json_intro_are_the_schema(task: str, keys: list[str]) -> None:
    assert _fields(task) == [keys]
    assert _keys(generate(Brief(task=task)).prompt) == keys


def test_a_count_of_the_business_in_parentheses_is_no_key() -> None:
    task = (
        "We run a bakery chain (three shops, about 40 staff). Extract each supplier invoice into JSON. "
        "Keys exactly: supplier, invoice_no, total."
    )
    assert _keys(generate(Brief(task=task)).prompt) == ["supplier", "invoice_no", "total"]
    loose = "We run a bakery chain (three shops, about 40 staff). Extract each supplier invoice into JSON."
    assert "three_shops" not in generate(Brief(task=loose)).prompt


def test_names_inside_a_quoted_sample_are_no_keys() -> None:
    task = 'Orders come in like ("need 2 cakes Saturday, Jane Doe, Leeds"). Extract the orders into JSON.'
    prompt = generate(Brief(task=task)).prompt
    assert "jane_doe" not in prompt.lower()
    assert '"leeds"' not in prompt.lower()


def test_a_list_fields_values_are_its_items_enum_not_a_reply_label() -> None:
    task = (
        "Turn each boat service log into JSON. Keys, exactly these: boat_name, marina, jobs, hours.\n"
        "- jobs is a list, values only from: antifouling, engine_service, rigging_check, hull_polish\n"
        "- hours an integer or null\nJust the JSON."
    )
    found = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert [c.scope for c in found] == ["jobs"]
    result = generate(Brief(task=task))
    jobs = _schema(result.prompt)["properties"]["jobs"]
    assert jobs["type"] == ["array", "null"]
    assert jobs["items"]["enum"] == ["antifouling", "engine_service", "rigging_check", "hull_polish"]
    assert "exactly one label" not in result.prompt.lower()


def test_a_keys_own_line_scopes_its_value_set_in_german() -> None:
    task = (
        "Aus jeder Anfrage an die Schreinerei soll ein JSON werden. Schlüssel genau so: kunde, holzart, auftrag, "
        "eilig\n\nauftrag: genau einer von tisch, schrank, treppe, reparatur\nholzart: eiche, buche oder kiefer\n"
        "Nur das JSON ausgeben."
    )
    scopes = {c.scope for c in read_constraints(Brief(task=task)) if c.kind == "labels"}
    assert scopes == {"auftrag", "holzart"}
    properties = _schema(generate(Brief(task=task)).prompt)["properties"]
    assert properties["auftrag"]["enum"][:4] == ["tisch", "schrank", "treppe", "reparatur"]


def test_key_lines_are_not_joined_into_one_rule() -> None:
    task = (
        "Turn every tenant email into JSON. Keys exactly: flat, issue, urgent, summary\n\n"
        "urgent: true when water or gas is involved, else false\n"
        "summary: in plain English, max 15 words\nJust the JSON."
    )
    limits = [c for c in read_constraints(Brief(task=task)) if c.kind == "limit"]
    assert [c.scope for c in limits] == ["the summary field"]


def test_a_record_of_many_keys_is_an_extraction_even_with_a_summary_key() -> None:
    task = (
        "Wir sind ein Sanitärbetrieb. Aus jeder Kundenmail soll ein JSON für unser Ticketsystem werden. "
        "Schlüssel genau so: kunde_name, telefon, adresse, problem, dringend, zusammenfassung\n"
        "zusammenfassung: höchstens 15 Wörter. Nur das JSON."
    )
    assert generate(Brief(task=task)).archetypes[0].id == "data_extraction"


def test_a_summary_with_few_keys_stays_a_summary() -> None:
    task = "Summarise each board meeting transcript as JSON with the keys summary, decisions and action_items."
    assert generate(Brief(task=task)).archetypes[0].id == "summarization"


@pytest.mark.parametrize(
    "task",
    [
        "We sort gallery emails into topics: framing, commissions, exhibitions and sales. Reply with the topic only.",
        "Our newsletter covers three themes (gardening, local events, recipes). Write a friendly intro paragraph.",
        "House-sitting notes for the owners. Keys: the spare set is under the mat, the garage one is with Mrs Patel.",
    ],
)
def test_a_list_of_topics_is_no_field_list(task: str) -> None:
    assert _fields(task) == []


def test_a_tool_signatures_params_are_not_reply_fields() -> None:
    task = (
        "You can call create_booking(date, party_size, name) to book. "
        "Return a JSON object with keys status and message."
    )
    assert _fields(task) == [["status", "message"]]


def test_a_declared_tools_one_key_options_object_is_its_parameters_not_the_reply() -> None:
    task = (
        "Chat assistant for Pedalo Bike Rentals. Tools (TypeScript):\n\n```ts\n"
        "declare function findRental(p: { bookingRef: string; surname: string }): Rental;\n"
        "declare function handToStaff(p: { reason: string }): void;\n```\n\n"
        "Always findRental first. Replies of 50 words at most."
    )
    found = read_constraints(Brief(task=task))
    assert [c for c in found if c.kind == "schema"] == []
    tools = {c.name: c.parameters for c in found if c.kind == "tool"}
    assert tools["handToStaff"] == ["reason"]


def test_each_key_rule_line_stays_a_rule_of_its_own() -> None:
    task = (
        "Turn each kennel booking email into JSON. Keys exactly: dog, nights, vaccinated, notes\n\n"
        "nights: a whole number\nvaccinated: true only if they say the jabs are up to date\nnotes: max 20 words\n"
        "Nothing but the JSON."
    )
    prompt = generate(Brief(task=task)).prompt
    rule = r"^\d+\. (?i:vaccinated): true only if they say the jabs are up to date\.?$"
    assert re.search(rule, prompt, re.MULTILINE), prompt

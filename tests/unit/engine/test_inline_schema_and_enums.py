"""The reply's JSON schema and its enums come from the inline key object a brief writes (in any language, with
"one of" lead-ins and words such as "o null"); an object a case returns ("if … return exactly {"error": …}") is
that case's reply, never a schema; a tool parameter's values stay with the tool; a key is never a label."""

from __future__ import annotations

from typing import Any

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.model import Constraint


def _found(task: str) -> list[Constraint]:
    return extract_constraints(Brief(task=task))


def _schemas(task: str) -> list[dict[str, Any]]:
    return [c.schema for c in _found(task) if c.kind == "schema" and c.schema is not None]


def test_an_italian_inline_object_with_o_null_is_the_schema() -> None:
    task = (
        "Gestisco una scuola di vela. Per ogni email voglio solo questo JSON:\n"
        '{"allievo": string, "data_corso": "GG/MM/AAAA" o null, "livello": "base" | "medio" | "avanzato", '
        '"barca_propria": bool, "eta": int}\n'
        '- se l\'email non riguarda un corso restituisci esattamente {"errore": "non_corso"}'
    )
    schemas = _schemas(task)
    assert len(schemas) == 1
    properties = schemas[0]["properties"]
    assert list(properties) == ["allievo", "data_corso", "livello", "barca_propria", "eta"]
    assert properties["livello"]["enum"] == ["base", "medio", "avanzato"]
    assert "null" in properties["data_corso"]["type"]


def test_an_if_case_object_is_no_second_schema() -> None:
    task = (
        "Turn each bike-shop repair ticket into JSON with exactly these keys:\n"
        '{"frame": string, "gears": integer or null, "urgent": true/false}\n'
        '- if the ticket is about a scooter, not a bike, return exactly {"error": "not_a_bike"}\n'
        "- JSON only"
    )
    schemas = _schemas(task)
    assert [list(s["properties"]) for s in schemas] == [["frame", "gears", "urgent"]]
    texts = " ".join(c.text for c in _found(task))
    assert "exactly these keys: error" not in texts


def test_a_spanish_uno_de_list_of_bare_codes_is_that_keys_enum() -> None:
    task = (
        "revisa cada reseña de un hotel y devuelve un JSON con estas claves exactas:\n"
        '{"tono": "POSITIVO" | "NEUTRO" | "NEGATIVO", "tema": uno de LIMPIEZA, RUIDO, PERSONAL, PRECIO, OTRO, '
        '"responder": true/false, "nota": "..."}\n'
        "- solo el JSON"
    )
    found = _found(task)
    schema = next(c.schema for c in found if c.kind == "schema" and c.schema is not None)
    assert list(schema["properties"]) == ["tono", "tema", "responder", "nota"]
    assert schema["properties"]["tema"]["enum"] == ["LIMPIEZA", "RUIDO", "PERSONAL", "PRECIO", "OTRO"]
    labels = [c for c in found if c.kind == "labels"]
    assert all("responder" not in c.values for c in labels)
    assert all(not v.lower().startswith("uno de") for c in labels for v in c.values)


def test_a_french_une_seule_parmi_lead_in_is_no_value() -> None:
    task = (
        "Pour chaque ticket je veux un objet JSON et rien d'autre :\n"
        '{"service": ..., "priorite": ..., "resume": ...}\n\n'
        "service : une seule parmi COMPTA, RH, INFORMATIQUE, AUTRE\n"
        "priorite : URGENTE si un serveur est en panne ou si la paie est bloquée, sinon STANDARD\n"
        "resume : 20 mots max"
    )
    labels = {c.scope: c.values for c in _found(task) if c.kind == "labels"}
    assert labels["service"] == ["COMPTA", "RH", "INFORMATIQUE", "AUTRE"]
    assert labels["priorite"] == ["URGENTE", "STANDARD"]


def test_german_genau_eins_von_lead_in_is_stripped() -> None:
    task = (
        "Für jede Anfrage nur dieses JSON:\n"
        '{"abteilung": genau eins von VERKAUF, LAGER, BUCHHALTUNG, "dringend": true/false}'
    )
    schema = _schemas(task)[0]
    assert schema["properties"]["abteilung"]["enum"] == ["VERKAUF", "LAGER", "BUCHHALTUNG"]


def test_a_japanese_parameters_values_stay_with_the_tool() -> None:
    task = (
        "ペットホテルのLINE予約アシスタントを作りたいです。使える関数：\n"
        "- find_owner(line_id) : 飼い主情報を取得\n"
        "- reserve_room(owner_id, nights, room_type) : 予約を確定。"
        "room_type は small_dog / large_dog / cat のいずれか\n"
        "ルール：\n・必ず最初に find_owner\n・返信は100文字以内"
    )
    found = _found(task)
    assert not any(c.kind == "fields" and "small_dog" in c.values for c in found)
    assert not any(c.kind == "schema" for c in found)
    tool = next(c for c in found if c.kind == "tool" and c.name == "reserve_room")
    assert "small_dog, large_dog, cat" in tool.text
    labels = [c for c in found if c.kind == "labels"]
    assert all(c.name == "reserve_room" and c.scope == "room_type" for c in labels)


def test_a_plain_case_reply_in_prose_json_still_keeps_a_shape_object() -> None:
    # a reply shape with type words under a condition is still the schema ("when the order ships, reply with …")
    task = 'When the parcel is found, return {"tracking_id": string, "eta_days": integer}. JSON only.'
    assert [list(s["properties"]) for s in _schemas(task)] == [["tracking_id", "eta_days"]]


def _label_values(task: str) -> list[list[str]]:
    return [c.values for c in _found(task) if c.kind == "labels"]


def test_a_label_list_ends_where_the_next_task_joins_with_and() -> None:
    task = (
        "For each bug report, pick ONE label from: CRASH, SLOW, UI_GLITCH, OTHER and pull out the app version if they "
        "give one (versions look like 4.2, 4.3). Reply with JSON only."
    )
    assert ["CRASH", "SLOW", "UI_GLITCH", "OTHER"] in _label_values(task)


def test_german_eins_von_and_a_severity_noun_introduce_a_label_set() -> None:
    assert ["hoch", "mittel", "niedrig"] in _label_values(
        "Fasse jede Kundenmail in einer Zeile zusammen. Dringlichkeit ist eins von: hoch, mittel, niedrig."
    )
    assert ["FATAL", "FEHLER", "HINWEIS"] in _label_values(
        "Prüfe unsere Ansible-Playbooks. Jeder Befund bekommt genau einen Schweregrad: FATAL, FEHLER oder HINWEIS."
    )

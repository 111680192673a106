"""Pasted reply schemas in the forms users write them, case replies, boolean conditions, data value lists and the
lint's bracketed labels (round 44's class 1 and class 7)."""

from __future__ import annotations

from typing import Any

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints
from app.engine.constraints.structure import find_objects, to_json_schema
from app.engine.lint._templates import find_slots
from app.engine.unwrap import unwrap


def _read(task: str) -> list[Constraint]:
    return extract_constraints(Brief(task=unwrap(task)))


def _schemas(task: str) -> list[Constraint]:
    return [c for c in _read(task) if c.kind == "schema"]


def _props(task: str) -> dict[str, Any]:
    schemas = _schemas(task)
    assert len(schemas) == 1, [c.values for c in schemas]
    assert schemas[0].schema is not None
    props: dict[str, Any] = schemas[0].schema["properties"]
    return props


_COMMENTED = """Turn the inspector's field notes into JSON for our planning tool.

Return exactly this object and nothing else:
{
  "site_code": string,              // like KX-20, null if not written
  "surface": "grass" | "gravel" | "tarmac" | "unknown",
  "slope_percent": number | null,
  "bays": integer | null,
  "lit": boolean,
  "issues": [string],               // max 4, each max 6 words
  "summary": string                 // max 25 words
}

Never invent measurements. If the notes aren't about a car park, return {"error": "not_a_site"}."""


def test_a_commented_object_is_the_schema_with_every_type_and_enum() -> None:
    props = _props(_COMMENTED)
    assert list(props) == ["site_code", "surface", "slope_percent", "bays", "lit", "issues", "summary"]
    assert props["surface"]["enum"] == ["grass", "gravel", "tarmac", "unknown"]
    assert set(props["slope_percent"]["type"]) == {"number", "null"}
    assert set(props["bays"]["type"]) == {"integer", "null"}
    assert props["lit"]["type"] == "boolean"
    assert props["issues"] == {"type": "array", "items": {"type": "string"}, "description": "max 4, each max 6 words"}
    # the comment allows null and stays the key's description
    assert set(props["site_code"]["type"]) == {"string", "null"}
    assert props["site_code"]["description"] == "like KX-20, null if not written"


def test_a_comment_limit_stays_on_its_key() -> None:
    limits = {c.scope: c.maximum for c in _read(_COMMENTED) if c.kind == "limit"}
    assert limits.get("the summary field") == 25
    assert limits.get("each item of the issues field") == 6


def test_the_case_reply_is_no_schema_and_no_key() -> None:
    keys = ["site_code", "surface", "slope_percent", "bays", "lit", "issues", "summary"]
    assert [c.values for c in _schemas(_COMMENTED)] == [keys]
    read = [c for c in _read(_COMMENTED) if c.kind != "requirement"]
    assert not any("not_a_site" in c.values or "error" in c.values for c in read)


def test_a_url_inside_quotes_is_no_comment() -> None:
    found = find_objects('Reply with {"link": "https://example.com/a", // the page\n "n": 1}')
    assert found
    assert found[0].value == {"link": "https://example.com/a", "n": 1}


_JAPANESE = """見積もりフォームの本文から社内システム用のJSONを作ってください。

出力はJSONのみ。キーは以下の通り固定:
{
  "pickup_city": 文字列,
  "visit_date": "YYYY-MM-DD" または null,
  "plan": "basic" | "standard" | "premium",
  "rooms": 数値 または null,
  "parking": true | false | null,
  "items": [文字列],
  "extras": ["cleaning" | "storage" | "packing"],
  "note": 文字列
}
- 部屋数が書かれていなければ null にする。
- 見積もりと関係ないメールなら {"error": "not_a_request"} だけを返す。"""


def test_japanese_type_words_and_a_verb_final_case_reply() -> None:
    props = _props(_JAPANESE)
    assert list(props) == ["pickup_city", "visit_date", "plan", "rooms", "parking", "items", "extras", "note"]
    assert props["pickup_city"]["type"] == "string"
    assert set(props["rooms"]["type"]) == {"number", "null"}
    assert set(props["parking"]["type"]) == {"boolean", "null"}
    assert props["items"] == {"type": "array", "items": {"type": "string"}}
    assert props["extras"]["items"]["enum"] == ["cleaning", "storage", "packing"]
    assert props["plan"]["enum"] == ["basic", "standard", "premium"]


def test_type_words_of_other_languages() -> None:
    schema = to_json_schema(find_objects('Devuelve {"total": número, "lineas": entero, "pagado": booleano}')[0].value)
    assert {k: v["type"] for k, v in schema["properties"].items()} == {
        "total": "number", "lineas": "integer", "pagado": "boolean",
    }  # fmt: skip


_CONDITION = (
    "Wir sind ein Pflegedienst. Ausgabe nur als JSON:\n\n"
    '{"bereich": "...", "eilig": true/false, "notiz": "..."}\n\n'
    "bereich ist genau einer von: PLANUNG, RECHNUNG, SONSTIGES.\n"
    "- eilig = true bei Sturz, fehlenden Medikamenten oder Gewalt.\n"
)


def test_a_boolean_condition_is_no_enum() -> None:
    found = _read(_CONDITION)
    assert not any(c.kind == "labels" and c.scope == "eilig" for c in found)
    assert any(c.kind == "labels" and c.scope == "bereich" for c in found)
    props = _props(_CONDITION)
    assert props["eilig"]["type"] == "boolean"


def test_a_boolean_condition_without_a_schema_is_no_value_list() -> None:
    # (no schema types the key: the value list itself opens with the boolean and its condition)
    task = "Gib JSON mit den Feldern kategorie, eilig und notiz zurück.\n- eilig = true bei Sturz, Brand oder Gewalt."
    assert not any(c.kind == "labels" and c.scope == "eilig" for c in _read(task))


_TABLES = """SQL helper for our ferry operator. Data is in Postgres, schema SALES:
- SALES.BOOKINGS(booking_id, sailing_id, booked_at, ticket_class, price_cents, channel)
- SALES.SAILINGS(sailing_id, route, departs_at)
- SALES.TERMINALS(terminal_id, harbour, opened)
ticket_class is one of STANDARD, CLUB, CABIN. channel is WEB, PHONE or DESK.

Postgres SQL only, read-only. Answer with one sql code block."""


def test_a_column_value_list_is_data_not_the_reply_labels() -> None:
    found = _read(_TABLES)
    assert not any(c.kind == "labels" and c.scope in (None, "label") for c in found)
    assert any(c.kind == "requirement" and "STANDARD, CLUB, CABIN" in c.text for c in found)


def test_a_table_list_is_no_tool_list() -> None:
    assert not any(c.kind == "tool" for c in _read(_TABLES))


def _slots(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_slots(text, [])]


def test_bracketed_labels_are_no_unfilled_slots() -> None:
    text = "For every message, pick one label from [ORDER] [RETURN_REQUEST] [GIFT_CARD] [DAMAGED_ITEM] [OTHER]."
    assert _slots(text) == []
    # a bracketed label that the prompt also writes bare is one of its labels
    assert _slots("Tag it [LATE_DELIVERY]. LATE_DELIVERY always goes to the courier team.") == []


def test_real_leftovers_stay_flagged() -> None:
    assert _slots("Sign every reply as [YOUR NAME] from [COMPANY_NAME].") == ["[YOUR NAME]", "[COMPANY_NAME]"]
    assert _slots("Dear [FIRST_NAME] [LAST_NAME] [CITY_NAME], thanks") == ["[FIRST_NAME]", "[LAST_NAME]", "[CITY_NAME]"]
    assert _slots("Hello [INSERT NAME], welcome.") == ["[INSERT NAME]"]

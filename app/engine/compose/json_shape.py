"""The JSON reply's shape when the brief says it in plain words: a list whose items hold the named keys ("Return JSON.
Each item should have name and price"), a list of labels, or no schema at all when the brief names no keys (an
invented one would be another job's fields)."""

from __future__ import annotations

import re
from typing import Any

from app.engine.compose.cues import field_key, field_schema
from app.engine.compose.plan import Plan
from app.engine.constraints import Constraint
from app.engine.constraints.json_items import ITEM_FIELDS_INTRO
from app.engine.spec import OutputFormat

# "Return JSON. Each item has name and price": the keys of each item of the reply's list, when no key of the reply
# holds the items (that is a nested list: "Return JSON with customer and items. Each item has sku and qty.").
_EACH_ITEM = re.compile(
    r"\b(?:each|every)\s+(?:item|object|entry|element|record|row|result)\s+(?:\w+\s+){0,2}?"
    r"(?:has|have|with|contains?|includes?|needs?|having)\s*:?\s*(?:the\s+)?(?:(?:fields?|keys?|properties)\s*:?\s*)?$",
    re.IGNORECASE,
)
_ITEM_INTRO_BEFORE = re.compile(rf"(?:{ITEM_FIELDS_INTRO.pattern})$", re.IGNORECASE)
# "Return a JSON object with …", "one JSON object per email": the reply is one object.
_ONE_OBJECT = re.compile(
    r"\b(?:an?|one|single|un|una|um|uma|ein|eine|één)\s+(?:single\s+)?(?:json[\s-]+)?(?:object|objeto|objekt|objet|"
    r"oggetto)\b(?![^.\n]{0,20}\bper\b)|\bjson[\s-]+object\b(?!s)",
    re.IGNORECASE,
)
# "a JSON array of labels", "eine JSON-Liste der Labels": the reply is the list of the labels that apply.
_LABEL_LIST = re.compile(
    r"\b(?:array|list|lista|liste|tableau|arreglo|matriz)\s+(?:of|de|der|von|des|di|van)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:labels?|tags?|categor(?:y|ies)|etiquetas?|étiquettes?|kategorien|categorias|categorie|etichette)\b",
    re.IGNORECASE,
)

NO_FIELDS_WARNING = (
    "No JSON fields: the brief asks for JSON but names none of its keys, so the prompt shows no schema; name the "
    'keys you want (for example "Return JSON with the fields supplier, delivery_date and total").'
)


def _text_of(plan: Plan, c: Constraint) -> str:
    span = c.span
    if span is None:
        return ""
    if span.field == "constraints" and span.index is not None and span.index < len(plan.brief.constraints):
        return plan.brief.constraints[span.index]
    return plan.brief.task if span.field == "task" else ""


def items_reply(plan: Plan) -> bool:
    """Whether the reply is a list of the objects the brief's field list describes: its first field list is what
    "each item" holds ("Return JSON. Each item should have name and price") and no single object is asked for."""
    lists = [c for c in plan.of_kind("fields") if c.values and c.value != "collect"]
    if not lists or plan.of_kind("schema") or plan.brief.json_schema is not None:
        return False
    first = lists[0]
    text = _text_of(plan, first)
    if not text or first.span is None:
        return False
    opening = max(text.rfind(mark, 0, first.span.start) for mark in (".", "\n", "!", "?", ";")) + 1
    before = text[opening : first.span.start].rstrip()
    if not (_EACH_ITEM.search(before) or _ITEM_INTRO_BEFORE.search(before + " ")):
        return False
    said = "\n".join([plan.brief.task, *plan.brief.constraints])
    return _ONE_OBJECT.search(said) is None


def unnamed_schema(plan: Plan, asks_array: bool) -> dict[str, Any] | None:
    """The schema of a JSON reply whose keys the brief names no other way: the details it has the assistant collect
    ("collect their name, phone and email; when done, output the details as JSON"), the list of its labels ("Output a
    JSON array of labels" beside the label set), or none."""
    collected = [v for c in plan.of_kind("fields") if c.value == "collect" for v in c.values]
    if collected:
        return field_schema([field_key(v) for v in dict.fromkeys(collected)])
    said = "\n".join([plan.brief.task, *plan.brief.constraints, plan.brief.output_format or ""])
    reply_labels = [c for c in plan.of_kind("labels") if c.values and (c.scope is None or c.scope == "label")]
    if reply_labels and (asks_array or _LABEL_LIST.search(said)):
        values = list(dict.fromkeys(v for c in reply_labels for v in c.values))
        return {"type": "array", "items": {"type": "string", "enum": values}}
    return None


def as_array_description(description: str) -> str:
    """A JSON reply's description as a list of objects ("A single JSON object" -> "A JSON array of objects")."""
    return re.sub(r"^A single JSON object\b", "A JSON array of objects", description)


def fieldless(plan: Plan, output: OutputFormat) -> bool:
    """Whether the reply is JSON with no schema and none of its keys named (nor the input's own keys kept)."""
    if output.kind != "json" or output.json_schema is not None or plan.brief.json_schema is not None:
        return False
    if plan.of_kind("schema") or any(c.value != "collect" for c in plan.of_kind("fields")):
        return False
    return "keys and structure of the input" not in output.description

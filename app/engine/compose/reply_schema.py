"""The JSON schema of the reply: the brief's own schema, or one built from the fields it names, with the types,
value sets and label sets the brief gives each field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import msgspec

from app.engine.archetypes.variants import ASKS_YAML
from app.engine.compose.cues import extract_fields, field_key, field_schema, with_stated_booleans
from app.engine.compose.plan import REPLY_LABEL_KEYS, Plan
from app.engine.compose.yaml_reply import is_yaml_reply
from app.engine.constraints import Constraint
from app.engine.constraints.field_phrases import Shape, field_shapes
from app.engine.constraints.label_items import split_items


def reply_schema(plan: Plan) -> dict[str, Any] | None:
    """The JSON schema the brief gives: the structured field, a JSON literal, or named fields."""
    if plan.brief.json_schema is not None:
        return plan.brief.json_schema
    if any(c.value == "lines" for c in plan.of_kind("format")):
        return None  # "one per line as `field: value`": the fields are lines of text, not a JSON object
    if plan.primary.output.kind != "json" and plan.primary.extracts_fields and ASKS_YAML.search(plan.brief.task):
        return None  # the record is YAML: its keys are listed, no JSON schema
    if is_yaml_reply(plan.brief.task):
        return None  # "output yaml, a list where each item has keys: …": YAML, whatever job writes it
    if any(c.value == "csv" for c in plan.of_kind("format")) and not re.search(r"\bjson\b", plan.brief.task, re.I):
        return None  # "export as CSV with columns id, customer, issue": the columns are the CSV's, no JSON object
    for c in plan.of_kind("schema"):
        if c.schema:
            return _with_field_label_sets(c.schema, _keyed_label_sets(c.schema, plan))
    for c in plan.of_kind("fields"):
        if c.values and c.value != "collect":
            said = "\n".join([plan.brief.task, *plan.brief.constraints])
            schema = field_schema([field_key(v) for v in c.values])
            schema = with_stated_booleans(schema, said)
            schema = _with_value_sets(schema, c.values, c.span.text if c.span else "")
            schema = _with_shapes(schema, field_shapes(list(c.values), said))
            return _with_field_label_sets(schema, plan.of_kind("labels"))
    if plan.primary.extracts_fields:
        loose = extract_fields(plan.brief.task)
        if loose:
            return field_schema(loose)
    return None


def _shape_schema(shape: Shape) -> dict[str, Any]:
    """The nullable JSON Schema of one field whose shape the brief states."""
    if shape.kind == "object":
        return {**field_schema([field_key(k) for k in shape.keys]), "type": ["object", "null"]}
    if shape.kind != "array":
        return {"type": [shape.kind, "null"]}
    if shape.keys:
        items: dict[str, Any] = field_schema([field_key(k) for k in shape.keys])
    else:
        items = {"type": shape.item} if shape.item else {}
    return {"type": ["array", "null"], "items": items} if items else {"type": ["array", "null"]}


def _with_shapes(schema: dict[str, Any], shapes: dict[str, Shape]) -> dict[str, Any]:
    """ "customer (string)", "items is an array of objects with sku and qty": what the brief says a field holds
    replaces the type guessed from its name."""
    properties = dict(schema.get("properties") or {})
    for name, shape in shapes.items():
        if field_key(name) in properties:
            properties[field_key(name)] = _shape_schema(shape)
    return {**schema, "properties": properties}


def nested_field_lists(plan: Plan) -> dict[str, str]:
    """ "Return JSON with customer and items. Each item has sku and qty.": the second list names the keys of each
    item of `items`, not more fields of the reply; its sentence says so (keyed by the constraint's text)."""
    lists = [c for c in plan.of_kind("fields") if c.values and c.value != "collect"]
    if len(lists) < 2:
        return {}
    said = "\n".join([plan.brief.task, *plan.brief.constraints])
    shapes = field_shapes(list(lists[0].values), said)
    nested: dict[str, str] = {}
    for c in lists[1:]:
        names = {v.lower() for v in c.values}
        for name, shape in shapes.items():
            if shape.keys and names <= {k.lower() for k in shape.keys}:
                nested[c.text] = f"Give each item of `{field_key(name)}` exactly these fields: {', '.join(c.values)}."
                break
    return nested


_ONE_KEY_BEFORE = re.compile(r"\b(?:one|an?|the|each|its)\s+(?P<key>[A-Za-z_]+)\s*(?:[:(]|,)?\s*$", re.IGNORECASE)


def _keyed_label_sets(schema: dict[str, Any], plan: Plan) -> list[Constraint]:
    """The brief's label sets, each scoped to the schema key it names: its own field ("urgency is one of …") or the
    noun just before it ("Sort each enquiry into exactly one area: housing, …" fills `area`)."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return []
    keyed = []
    for labels in plan.of_kind("labels"):
        if labels.scope and not labels.scope.endswith("label"):
            keyed.append(labels)
            continue
        span = labels.span
        if span is None or span.field != "task":
            continue
        before = plan.brief.task[max(0, span.start - 40) : span.start]
        named = _ONE_KEY_BEFORE.search(before)  # "into exactly one area:", not any key named earlier in the sentence
        verdicts = [key for key in properties if key.lower() in REPLY_LABEL_KEYS]
        if named and _property_named(properties, named.group("key")):
            keyed.append(msgspec.structs.replace(labels, scope=named.group("key")))
        elif len(verdicts) == 1:
            keyed.append(msgspec.structs.replace(labels, scope=verdicts[0]))  # {"label": …}: the one verdict key
    return keyed


def _property_named(properties: dict[str, Any], name: str) -> str | None:
    """The schema key a field named in prose is: "payment status" is `payment_status` if the schema has it, else its
    last word's key ("room type" is `type`); case does not matter ("Status" is `status`)."""
    keys = {key.lower(): key for key in properties}
    words = name.split()
    # the whole phrase first ("payment status"), then each word in order ("Topic name" is `topic`, "room type" `type`)
    for candidate in [" ".join(words), *words]:
        key = field_key(candidate).lower()
        if key in keys:
            return keys[key]
    return None


def _with_field_label_sets(schema: dict[str, Any], label_sets: Sequence[Constraint]) -> dict[str, Any]:
    """ "status ist einer von "neu", "geändert", …": a value set the brief gives one field becomes its enum."""
    properties = dict(schema.get("properties") or {})
    for labels in label_sets:
        if not labels.scope or not labels.values:
            continue
        key = _property_named(properties, labels.scope)
        prop = properties.get(key) if key else None
        kind = prop.get("type") if isinstance(prop, dict) else None
        if isinstance(prop, dict) and (kind == "array" or (isinstance(kind, list) and "array" in kind)):
            # '"flags": []' whose values "can only contain: …": each item is one of them, the list stays a list
            if key is not None and "items" not in prop:
                properties[key] = {**prop, "items": {"type": "string", "enum": list(labels.values)}}
            continue
        if key is not None and isinstance(prop, dict) and labels.multi and "enum" not in prop:
            # "work_done is a list, values only from: …": a list of those values
            properties[key] = {"type": ["array", "null"], "items": {"type": "string", "enum": list(labels.values)}}
            continue
        if key is not None and isinstance(prop, dict) and "enum" not in prop:
            nullable = isinstance(prop.get("type"), list) and "null" in prop["type"]
            # "score is 1, 2, 3, 4 or 5": whole numbers, not their digits as strings
            numbers = all(re.fullmatch(r"-?\d{1,6}", v) for v in labels.values)
            kind = "integer" if numbers else "string"
            values: list[Any] = [int(v) for v in labels.values] if numbers else list(labels.values)
            properties[key] = {
                "type": [kind, "null"] if nullable else kind,
                "enum": [*values, None] if nullable else values,
            }
    return {**schema, "properties": properties} if properties else schema


def _with_value_sets(schema: dict[str, Any], names: list[str], text: str) -> dict[str, Any]:
    """'issue_type (outage, billing, other)', 'resolved (yes/no)': a value list written after a field becomes its
    enum, so the schema itself rejects any other value."""
    properties = schema.get("properties", {})
    for name in names:
        at = text.find(name)
        aside = re.match(r"\s*\((?P<values>[^()]{2,120})\)", text[at + len(name) :]) if at >= 0 else None
        listed = (
            re.sub(r"^\s*(?:one\s+of|either|any\s+of)\s*:?\s*", "", aside.group("values"), flags=re.I) if aside else ""
        )
        values = split_items(listed, last_trim=False) if listed else None
        key = field_key(name)
        if values and key in properties and {v.lower() for v in values} == {"true", "false"}:
            properties[key] = {"type": ["boolean", "null"]}  # "bedarf (true/false)": a boolean, not two words
        elif values and key in properties and all(len(v.split()) <= 3 for v in values):
            properties[key] = {"type": ["string", "null"], "enum": [*values, None]}
    return schema


# Words that pad a list ("(shopping list, whatever)") and are never a field the brief names
_FILLER_KEYS = frozenset({"whatever", "etc", "stuff", "things", "anything", "something", "everything"})


def schema_written(plan: Plan, schema: dict[str, Any] | None = None) -> bool:
    """Whether the reply's schema comes from the brief (its own schema, a pasted JSON shape, named keys, or keys the
    brief writes word for word: "pull name, company, email and phone"), not from loose words the engine read as keys
    ("(shopping list, whatever)")."""
    if plan.brief.json_schema is not None or any(c.schema for c in plan.of_kind("schema")):
        return True
    if any(c.values and c.value != "collect" for c in plan.of_kind("fields")):
        return True
    properties = schema.get("properties") if schema else None
    if not isinstance(properties, dict) or not properties:
        return False
    text = " ".join((plan.brief.task, *plan.brief.constraints)).lower()
    return all(
        key.lower() not in _FILLER_KEYS and re.search(rf"\b{re.escape(key.lower().replace('_', ' '))}\b", text)
        for key in properties
    )

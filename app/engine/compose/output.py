"""The output format: the brief's limits, format, labels, fields and schema win; archetype defaults fill the gaps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import msgspec

from app.engine.archetypes.variants import ASKS_QUESTIONS, ASKS_YAML, PROSE_BEFORE_JSON
from app.engine.compose.case_objects import case_object_lines
from app.engine.compose.conflicts import SAYS_NULL, allows_null, asks_code_first
from app.engine.compose.cues import extract_fields, field_key, field_schema, identifier_fields, with_stated_booleans
from app.engine.compose.inline_shapes import DASHED_INLINE_TEMPLATE, PER_LINE_INTRO, is_line_shape
from app.engine.compose.json_shape import as_array_description, items_reply, unnamed_schema
from app.engine.compose.label_first import placed_label_line
from app.engine.compose.label_reason import reason_after_label, reason_line
from app.engine.compose.label_sets import label_set_lines
from app.engine.compose.plan import REPLY_LABEL_KEYS, Plan
from app.engine.compose.reply_shape import reply_shape_line
from app.engine.compose.step_layout import at_step, step_intro, step_line
from app.engine.compose.tool_yaml import yaml_names_tools
from app.engine.constraints import Constraint
from app.engine.constraints.csv_reply import csv_reply, describe_columns, no_header_row, one_row
from app.engine.constraints.field_phrases import Shape, field_shapes
from app.engine.constraints.label_items import split_items
from app.engine.constraints.limit_numbers import INPUT_SCOPE
from app.engine.constraints.sections import layout_block, numbered_lines
from app.engine.constraints.step_intros import ONE_TIME_INTRO, step_sentence
from app.engine.example_checks import LABEL_THEN_MORE
from app.engine.spec import OutputFormat, OutputKind

_ARRAY_REPLY = re.compile(
    r"\bjson[\s-]+(?:array|list|arreglo|liste)\b|\b(?:an?\s+)?array\s+of\s+(?:json\s+)?objects\b|\blist\s+of\s+json\s+objects\b|"
    # "devolve SEMPRE uma lista JSON", "una lista JSON", "eine JSON-Liste", "un tableau JSON"
    r"\b(?:lista|liste|arreglo|array|tableau|matriz)\s+(?:de\s+)?json\b|\bjson-liste\b",
    re.IGNORECASE,
)
# "Return an array, each element an object with …", "a list of finding objects", "una lista de objetos": the reply is a
# list, unless the words say what one key holds (see _key_array).
_OBJECTS_REPLY = re.compile(
    r"\b(?:return|output|respond\s+with|reply\s+with)\s+(?:only\s+)?(?:an?\s+)?array\b|"
    r"\b(?:array|list)\s+of\s+(?:[a-z]+\s+)?objects\b|"
    r"\b(?:array|lista|liste|tableau|arreglo|matriz)\s+(?:de|von|d['’]|di)\s*(?:objetos|objekten|objets|oggetti)\b",
    re.IGNORECASE,
)
# "line_items is a list of objects", "productos es una lista de objetos": what a key is, not what the reply is
_KEY_IS = re.compile(
    r"\b(?:is|are|es|son|est|sont|ist|sind|é|são|è|sono|zijn)\s+(?:(?:an?|una?|une|ein[e]?|uma?|een)\s+)?$",
    re.IGNORECASE,
)
# "Return a JSON object with …", "Devuelve un objeto JSON": the brief says the reply is one object (not "each element
# is a JSON object")
_ONE_JSON_OBJECT = re.compile(
    r"\b(?:return|output|reply\s+with|respond\s+with|produce|devuelve|responde\s+con|renvoie|retourne|gib|liefere|"
    r"devolva|retorne|restituisci)\s+(?:only\s+|solo\s+|nur\s+)?(?:an?\s+(?:single\s+)?json\s+object|"
    r"(?:un|um)\s+(?:único\s+|solo\s+)?objeto\s+json|un\s+objet\s+json|ein(?:\s+einziges)?\s+json-objekt|"
    r"un\s+oggetto\s+json)\b",
    re.IGNORECASE,
)
# "ein Objekt pro Medikament", "one object per item", "un objeto por producto", "un objet par ligne"
_ONE_OBJECT_PER = re.compile(
    r"\b(?:one\s+object\s+(?:per|for\s+each)|ein\s+objekt\s+(?:pro|je|für\s+jede[nrs]?)|un\s+objeto\s+por|"
    r"un\s+objet\s+par|um\s+objeto\s+por|un\s+oggetto\s+per|één\s+object\s+per)\b",
    re.IGNORECASE,
)
# "line_items is a list with one object per line", "For actions, give one object per action", "En lineas, un objeto
# por producto": the objects are the items of one key, not the reply.
_KEY_BEFORE = re.compile(
    r"\b[a-z]+_[a-z_]+\b\s*(?:is|are|:|=|es|ist|est)\b|\b(?:is|are)\s+an?\s+(?:list|array)\b|"
    r"^\s*(?:for|in|en|para|für|pour|per|voor)\s+[\w-]+\s*,",
    re.IGNORECASE,
)


def _asks_array(text: str) -> bool:
    """Whether the reply is a JSON array: a JSON array or list of objects, or one object per item of the input."""
    if any(not _key_array(text, found) for found in _ARRAY_REPLY.finditer(text)):
        return True
    if not _ONE_JSON_OBJECT.search(text) and any(
        not _key_array(text, found) for found in _OBJECTS_REPLY.finditer(text)
    ):
        return True
    for found in _ONE_OBJECT_PER.finditer(text):
        opening = max(text.rfind(mark, 0, found.start()) for mark in (".", "\n", "!", "?", ";")) + 1
        before = text[opening : found.start()]
        if not _KEY_BEFORE.search(before) and not _CASE_OPENS.match(before):
            return True
    return False


def _key_array(text: str, found: re.Match[str]) -> bool:
    """Whether a list of objects is what one key holds: "where action_items is an array of task objects", "For tags,
    return an array of …"."""
    opening = max(text.rfind(mark, 0, found.start()) for mark in (".", "\n", "!", "?", ";")) + 1
    before = text[opening : found.start()]
    # ("items (array of objects with sku and qty)": the aside after a field says what that field holds)
    # ("if one note covers several blades output a JSON array with one object per blade": one case's alternative to
    # the object the brief shows, never the only form of the reply)
    return bool(
        _KEY_IS.search(before)
        or _KEY_BEFORE.search(before)
        or re.search(r"\w\s*\(\s*$", before)
        or _CASE_OPENS.match(before)
    )


_CASE_OPENS = re.compile(
    r"\s*(?:[-*•]\s*)?(?:if|when|whenever|where|in\s+case|si|cuando|wenn|falls|quand|lorsque|se|quando|als|wanneer)\b",
    re.IGNORECASE,
)


ARRAY_DESCRIPTION = (
    "A JSON array whose items each match the item schema below, with no prose before or after it and no code fence. "
    "Use null for fields the input does not state."
)
SAME_SHAPE_DESCRIPTION = (
    "JSON with exactly the keys and structure of the input's JSON, with no prose before or after it and no code fence."
)
# The input is JSON itself: "I'll paste a JSON object of key: string pairs"
_JSON_INPUT = re.compile(
    r"\b(?:paste|send|give|receive|get|input|feed|pass|hand)\w*\b[^.\n]{0,40}\bjson\b|\bjson\b[^.\n]{0,20}\binput\b|"
    r"\b(?:pego|pega|colo|mando|envío|envio|geb|schick|einfüg|colle|envoie|incoll|plak|stuur)\w*\b[^.\n]{0,40}\bjson\b",
    re.IGNORECASE,
)
# "return the same JSON with the same keys", "mismo JSON con las mismas claves", "dieselben Schlüssel"
_SAME_SHAPE = re.compile(
    r"\b(?:same|identical)\s+(?:json|keys|structure|shape)\b|\bmism[oa]s?\s+(?:json|claves|estructura)\b|"
    r"\bmesm[oa]s?\s+(?:json|chaves|estrutura)\b|\b(?:dieselben|gleichen?)\s+(?:json|schlüssel|keys|struktur)\b|"
    r"\bmêmes?\s+(?:json|clés|structure)\b|\bstess[aei]\s+(?:json|chiavi|struttura)\b|\bdezelfde\s+(?:json|keys|sleutels|structuur)\b",
    re.IGNORECASE,
)
JSON_DESCRIPTION = (
    "A single JSON object that matches the schema below, with no prose before or after it and no code fence. "
    "Use null for fields the input does not state."
)
_CUE_FORMATS: dict[OutputKind, str] = {
    "table": "A Markdown table with a header row and one row per item, followed by at most two sentences of notes.",
    "bullets": "Bullet points, one idea per bullet, at most 7 bullets and {max_words} words in total.",
    "markdown": "Markdown with short headings and lists, at most {max_words} words.",
}
_VALUE_KINDS: dict[str, OutputKind] = {
    "json": "json",
    "plain": "prose",
    "prose": "prose",
    "markdown": "markdown",
    "bullets": "bullets",
    "table": "table",
    "code": "code",
    "label": "label",
    "lines": "prose",
    "numbered": "prose",
}
# The default's length clause, removed when the brief states its own limit ("of at most {max_words} words").
_LENGTH_CLAUSE = re.compile(
    r",?\s*(?:each\s+)?(?:of\s+)?(?:at most\s+)?\{max_words\} words?(?:\s+(?:in total|in all))?(?:\s+at most)?", re.I
)
_FREE_KIND_CUES: tuple[tuple[OutputKind, str], ...] = (
    ("json", r"\bjson\b"),
    ("table", r"\btable\b"),
    ("bullets", r"\bbullet"),
)


_QUOTED_RULE = re.compile(r'^Follow this rule from the brief: "(?P<rule>.*)"\.?$', re.DOTALL)


def _said_already(constraint: Constraint, stated: list[str]) -> bool:
    """A brief's sentence kept whole as a limit ("Si le texte fait moins de 30 mots, mets 0/20") that the stated
    output format already carries word for word: saying it twice adds nothing. So is any constraint whose own
    sentence the stated format holds ("Start the CSV with exactly this header row: …")."""
    if any(constraint.text.strip() in line for line in stated):
        return True
    if constraint.kind != "limit" or constraint.scope != "the part this sentence names":
        return False
    quoted = _QUOTED_RULE.match(constraint.text)
    sentence = (quoted.group("rule") if quoted else constraint.text).strip().rstrip(".。")
    return any(sentence in line for line in stated)


def _schema(plan: Plan) -> dict[str, Any] | None:
    """The JSON schema the brief gives: the structured field, a JSON literal, or named fields."""
    if plan.brief.json_schema is not None:
        return plan.brief.json_schema
    if any(c.value == "lines" for c in plan.of_kind("format")):
        return None  # "one per line as `field: value`": the fields are lines of text, not a JSON object
    if plan.primary.output.kind != "json" and plan.primary.extracts_fields and ASKS_YAML.search(plan.brief.task):
        return None  # the record is YAML: its keys are listed, no JSON schema
    if _yaml_reply(plan.brief.task):
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


def _nested_field_lists(plan: Plan) -> dict[str, str]:
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


# "a table with the columns Term | Value | Clause", "columns: Vendor, Plan, Price": the brief's own header row.
_COLUMNS = re.compile(
    r"\bcolumns?\b\s*(?:[:(]|\bof\b|\bfor\b)?\s*"
    r"(?P<names>[^\W\d][\w /-]{0,30}(?:\s*[|,]\s*[^\W\d][\w /-]{0,30}){1,11})",
    re.IGNORECASE,
)


_RECORD_WHEN_DONE = re.compile(
    r"\b(?:ask|collect|gather)\w*\b.{0,400}?\b(?:when|once|after)\s+(?:done|finished|complete|you(?:'ve|\s+have)\s+"
    r"(?:everything|all|enough))\b[^.]{0,40}?\b(?:output|return|produce|give|write|send)\b",
    re.IGNORECASE | re.DOTALL,
)
# 'using "not provided" for anything they didn't say', 'write "unknown" if it is missing'.
_MISSING_WORD = re.compile(
    r"\b(?:using|use|write|put|say|fill\s+in|mark\s+(?:it|them)\s+(?:as|with))\s+[\"“'](?P<word>[^\"”']{2,30})[\"”']\s+"
    r"(?:for|when|if|where)\s+(?:anything|any|fields?|values?|missing|unknown|it|they|the|something|nothing|what)",
    re.IGNORECASE,
)


# "if a field isn't there or you can't read it with confidence, use null": every field may be null
_NULL_FOR_ANY_FIELD = re.compile(
    r"\b(?:a|any|each|every)\s+(?:field|value|key|data\s+point)s?\b[^.;\n]{0,80}\b(?:use|return|put|set|write|output|give)"
    r"\s+null\b|\b(?:use|return|put|set|write|output)\s+null\s+(?:for|when|if)\s+(?:any|a|every|missing|unreadable|absent|"
    r"unknown)\b\s*(?:fields?|values?)?|\bfields?\s+(?:that\s+(?:are|is)\s+)?(?:missing|unreadable|absent|unknown|not\s+"
    r"(?:stated|given|found|present))\b[^.;\n]{0,40}\bnull\b",
    re.IGNORECASE,
)


def _not_nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of the schema whose properties no longer accept null (the brief names its own missing-value word)."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return schema
    fixed = {}
    for name, prop in properties.items():
        kind = prop.get("type") if isinstance(prop, dict) else None
        if isinstance(kind, list) and "null" in kind:
            rest = [k for k in kind if k != "null"]
            prop = {**prop, "type": rest[0] if len(rest) == 1 else rest}
            if isinstance(prop.get("enum"), list):
                prop = {**prop, "enum": [v for v in prop["enum"] if v is not None]}
        fixed[name] = prop
    return {**schema, "properties": fixed}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of the schema whose properties also accept null."""
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return {**schema, "items": _nullable(schema["items"])}
    properties = {}
    for name, prop in (schema.get("properties") or {}).items():
        kind = prop.get("type") if isinstance(prop, dict) else None
        if isinstance(kind, str):
            prop = {**prop, "type": [kind, "null"]}
        elif isinstance(kind, list) and "null" not in kind:
            prop = {**prop, "type": [*kind, "null"]}
        if isinstance(prop, dict) and isinstance(prop.get("enum"), list) and None not in prop["enum"]:
            prop = {**prop, "enum": [*prop["enum"], None]}  # an enum without null would still refuse it
        properties[name] = prop
    return {**schema, "properties": properties}


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


# "first line: the label", "prima riga: un'etichetta tra …", "primera línea: la etiqueta": the label opens the reply
_FIRST_LINE_LABEL_PATTERN = (
    r"\b(?:first\s+line|prima\s+riga|primera\s+l[íi]nea|erste\s+zeile|premi[èe]re\s+ligne|primeira\s+linha|"
    r"eerste\s+regel)\b\s*[:：]?\s*(?:(?:is|must\s+be|should\s+be|=|holds?)\s+)?(?:(?:the|a|an|one|un['’]|una|un|"
    r"la|el|l['’]|die|das|den|le|o|a)\s*)?(?:labels?|etichetta|etiqueta|étiquette|kategorie|category|categoria|"
    r"catégorie|rótulo|etiket|tag)\b"
)
_LABEL_PLACED = re.compile(
    r"\b(?:first|primero|zuerst|d'abord|primeiro)\s+(?:the\s+|el\s+|la\s+|le\s+|o\s+|a\s+|die\s+|das\s+|den\s+)?"
    r"(?:label|level|category|nivel|categoría|etiqueta|niveau|catégorie|nível|categoria|stufe|kategorie|label)\b|"
    r"\b(?:label|category|level)\s+on\s+the\s+first\s+line\b|\bfirst\s+line\b[^.]{0,30}\b(?:label|category|level)\b|"
    rf"{_FIRST_LINE_LABEL_PATTERN}|"
    # "10 comments, each tagged with a severity: …": every item carries its label, no closing line holds one
    r"\beach\s+(?:\w+\s+){0,2}(?:tagged|labell?ed|marked|prefixed)\s+(?:with|as)\b|"
    r"\b(?:tag|label|prefix|mark)\s+(?:each|every)\s+(?:comment|finding|issue|item|line|row|bullet)\b",
    re.IGNORECASE,
)
_FIRST_LINE_LABEL = re.compile(_FIRST_LINE_LABEL_PATTERN, re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”']([^\"“”']{2,60})[\"“”']")
# "Ausgabe genau so, drei Zeilen:\nL: …\nM: …\nS: …": keyed lines the reply fills in, in order.
# (an intro line is found first and its words checked after: a cue word inside the line pattern backtracked
# quadratically on one long line)
_KEYED_LINES = re.compile(
    r"(?m)^(?P<intro>[^\n]*[:：])[ \t]*\n(?:[ \t]*\n)?"
    r"(?P<lines>(?:[ \t]*(?:[-*•][ \t]*)?(?:[^\W\d_][\w ./-]{0,24}[ \t]*:[ \t]*(?:…|\.\.\.|<[^>\n]{1,40}>|"
    r"\[[^\]\n]{1,40}\]|\{[^}\n]{1,40}\}|\([^()\n]{1,80}\)|_+|[xXnN?]\s*/\s*\d{1,3})?|"
    # "REASON: one of compensation, manager, …": an upper-case key, then what its value is
    r"[A-Z][A-Z0-9_]{1,24}[ \t]*:(?-i:[ \t]+[^\n]{1,160})?|"
    # "CONCEPT:\n<antwoord>": the slot a key's value fills, on the line after it
    r"<[^<>\n]{1,40}>)[ \t]*(?:\n|$)){2,20})"
)
_KEYED_INTRO = re.compile(
    r"\b(?:output|format|reply|answer|ausgabe|antwort|sortie|réponse|salida|respuesta|formato|uitvoer|resposta|"
    r"risposta|exactly|genau|exactement|exactamente|return|devolv\w*|devuelv\w*|renvoie|restituisc\w*|"
    r"ficha|fiche|scheda|template|plantilla|vorlage|sjabloon)\b",
    re.IGNORECASE,
)
# "They paste their cards in this format:": lines that describe what comes in, not the reply
_INPUT_INTRO = re.compile(
    r"\b(?:paste|pastes|send|sends|sent|receive|get|gets|input|incoming|upload|uploads|submit|submits|eingabe|"
    r"comes?\s+in|arrives?|arriving|"
    r"schicken|senden|pegan|envían|collent|envoient|incollano|plakken)\b",
    re.IGNORECASE,
)
_LINE_INTRO = re.compile(
    r"\b(?:output|format|sortie|salida|ausgabe|formato|uitvoer|resposta|risposta)\b|输出|格式|出力|フォーマット|"
    r"\b(?:one|a)\s+line\s+(?:per|for\s+each)\s+(?:finding|issue|item|comment|problem|result|row|entry)\b|"
    # "one line each:", "each on one line:", "una línea cada uno:", "je eine Zeile:", "une ligne chacun :"
    r"\b(?:one|a\s+single)\s+line\s+each\b|\beach\s+(?:\w+\s+)?on\s+(?:one|a\s+single|its\s+own)\s+line\b|"
    r"\buna\s+l[íi]nea\s+(?:cada|por)\b|\b(?:je\s+)?eine\s+zeile\s+(?:pro|je|für)\b|\bje\s+eine\s+zeile\b|"
    r"\bune\s+ligne\s+(?:par|chacun)|\buma\s+linha\s+(?:por|cada)\b|\buna\s+riga\s+(?:per|ciascun)|"
    r"\bé[ée]n\s+regel\s+per\b|\b(?:this|the\s+following)\s+(?:layout|form)\b|\blike\s+this\b",
    re.I,
)


def _under_output_intro(layout: re.Pattern[str], cue: re.Pattern[str], task: str) -> re.Match[str] | None:
    """The first match of a reply layout (keyed lines, a bar-separated line) whose intro line names the output, not
    the input."""
    for match in layout.finditer(task):
        intro = match.group("intro")
        if cue.search(intro) and not _INPUT_INTRO.search(intro) and not _CASE_INTRO.match(intro):
            if ONE_TIME_INTRO.match(intro.lstrip(" \t-*•")) or step_sentence(intro):
                continue  # "at the end show the record exactly like this:": one reply's lines, said by a rule
            return match
    return None


_LABEL_KEY_LINE = re.compile(
    r"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:label|labels|category|categoría|categorie|catégorie|kategorie|categoria|etiqueta|"
    r"étiquette|etiket|tag)[ \t]*:"
)

# ... and its value a slot to fill, not the list of labels ("Labels: a, b, c")
_LABEL_SLOT_LINE = re.compile(
    r"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:label|category|categoría|categorie|catégorie|kategorie|categoria|etiqueta|"
    r"étiquette|etiket|tag)[ \t]*:[ \t]*(?:<[^>\n]{1,30}>|\[[^\]\n]{1,30}\]|\{[^}\n]{1,30}\}|\.{3}|…|_{3,}|"
    r"(?:the|your|one|a|la|el|le|die|de|o|a)\s+(?:label|category|tag|categoría|catégorie|categoria|etiqueta|"
    r"étiquette|kategorie|etiket|label)\b)[ \t]*$"
)


def _dashed_line_shape(task: str) -> re.Match[str] | None:
    """ "one line each: SEVERITY: path:line - problem - fix": each line's shape, its slots joined by dashes."""
    found = _under_output_intro(DASHED_INLINE_TEMPLATE, PER_LINE_INTRO, task)
    return found if found is not None and is_line_shape(found.group("template")) else None


def _reply_line(template: re.Match[str] | None) -> re.Match[str] | None:
    """A line template that opens with a slot ("<file>:<line> [BLOCKER|WARN|NIT] …") is the reply's only under an
    intro that speaks of the reply ("one finding per line"); "Our log format:\n<timestamp> | <level> | …" describes
    what comes in."""
    if template is None or not template.group("template").startswith("<"):
        return template
    return None if _RECORD_INTRO.search(template.group("intro")) else template


# "Our log format:", "Bank export format:": the format of a record that comes in
_RECORD_INTRO = re.compile(
    r"\b(?:our|their|your|the)\s+(?:[\w-]+\s+)?(?:log|logs|export|input|file|data|csv|records?|rows?|statements?|"
    r"feed|dump|entries|lines)\s+format\b|"
    r"\b(?:log|logs|export|input|file|data|csv|records?|rows?|statements?|feed|dump|entries)\s+format\b",
    re.IGNORECASE,
)


def _case_layout(task: str) -> tuple[int, int] | None:
    """Where the keyed lines of a reply given in one case only stand ("When the user types TIMEOUT, … in exactly this
    form:\nWhat worked: (one sentence)\n…")."""
    for match in _KEYED_LINES.finditer(task):
        intro = match.group("intro")
        if (
            _KEYED_INTRO.search(intro)
            and (_CASE_INTRO.match(intro) or step_sentence(intro))
            and not _INPUT_INTRO.search(intro)
        ):
            return match.span("lines")
    return None


# "When the user types TIMEOUT, drop the character and give feedback in exactly this form:": the lines are the reply
# in that case only (its sentence among the rules says so), not every reply's layout; "When you reply, use this
# format:" is every reply.
_CASE_INTRO = re.compile(
    r"\s*(?:[-*•][ \t]*)?(?:when|if|once|after|at\s+the\s+end\s+of|cuando|si|wenn|sobald|quand|lorsque|"
    r"se|quando|als|zodra|nadat)\b(?!\s+(?:you\s+)?(?:reply|replying|respond|responding|answer|answering|write|writing)\b)"
    # (every reply: "Whenever the user types a word", "After each pitch", "When reviewing a diff", "If you can, …")
    r"(?![^:\n]*\b(?:each|every|always|jede[nrms]?|chaque|cada|ogni|elke)\b)"
    r"(?!\s+(?!(?:nothing|anything|everything|something)\b)\w+ing\b)(?!\s+you\s+can\b(?!['’]t|not))",
    re.IGNORECASE,
)


# "Format de sortie, une ligne par avis, rien d'autre :\nétiquette | résumé": the layout of each line, spelled out
# on the line after one that introduces the output.
# (the intro ends on its colon, or on a word the line finishes: "each on one line as\n[TAG] File:line - problem")
_INTRO_END = r"(?:[:：]|(?<![\w'’-])(?:as|like|como|comme|come|wie|als|zoals))"
_LINE_TEMPLATE = re.compile(
    rf"(?m)^(?P<intro>[^\n]*{_INTRO_END})[ \t]*\n"
    # ("<file>:<line> [BLOCKER|WARN|NIT] problem -> fix": a line may open with a slot)
    r"[ \t]*(?P<template>(?:[^\W\d_]|<\w)[^|\n]{0,30}(?:[ \t]*\|[ \t]*[^|\n]{1,30}){1,5}|"
    # "L<line> <SEVERITY>: <problem>. Fix: <one-line fix>": a line of two or more angle-bracket slots
    # (not the first line of a layout: "<customer> called about <topic>\nOutcome: <one sentence>")
    r"[^\n<]{0,20}<[^<>\n]{1,40}>(?:[^<>\n]{0,30}<[^<>\n]{1,40}>){1,5}[^<>\n]{0,20}"
    r"(?=[ \t]*$)(?![ \t]*\n[ \t]*[^\n]{0,40}(?:[:：][ \t]*\S|<[^<>\n]{1,40}>)))[ \t]*$"
)
# "输出只要一行：类别代码|紧急程度|一句话摘要", "Output one line: label | reason": a bar-separated line after the colon
_INLINE_TEMPLATE = re.compile(
    r"(?m)^(?P<intro>[^\n:：]{0,40}[:：])[ \t]*"
    r"(?P<template>[^\W\d_][^|\n]{0,30}(?:[ \t]*\|[ \t]*[^|\n]{1,40}){1,5})[ \t]*$"
)


# "At most 5 findings, one line each: SEVERITY | file:line | issue | fix. SEVERITY is …": a bar-separated line
# inside a sentence, after a colon that introduces each line of the reply
_MIDLINE_TEMPLATE = re.compile(
    r"(?P<intro>[^.!?\n:：]{3,80}[:：])[ \t]*"
    r"(?P<template>(?:[^\W\d_]|\[[^\]\n]{1,30}\]|<[^>\n]{1,30}>)[^|\n]{0,30}?(?:[ \t]*\|[ \t]*[^|\n]{1,40}?){2,6})"
    r"(?=[.;]?[ \t]*(?:\n|$)|[.;][ \t]+\S)"
)
_LABEL_SLOT = re.compile(
    r"类别|類別|分类|分類|代码|標籤|标签|カテゴリ|ラベル|区分|\b(?:categor\w*|catégor\w*|kategor\w*|label\w*|étiquette\w*|"
    r"etiqueta\w*|code|codice|código|tag|class)\b",
    re.IGNORECASE,
)


def _label_slot(template: str) -> str | None:
    """The slot of a bar-separated line that takes the label ("类别代码" of "紧急程度|类别代码|摘要"), or None."""
    if "|" not in template:
        return None
    slots = [slot.strip() for slot in template.split("|")]
    return next((slot for slot in slots if 0 < len(slot) <= 30 and "[" not in slot and _LABEL_SLOT.search(slot)), None)


# "Output, one finding per line, max 8 lines:\n[BLOCKER|WARN|NIT] path:line - problem - fix": slots between dashes,
# the first one a bracketed choice or a word
_DASHED_TEMPLATE = re.compile(
    rf"(?m)^(?P<intro>[^\n]*{_INTRO_END})[ \t]*\n"
    r"[ \t]*(?P<template>\[[^\]\n]{1,60}\][ \t]*[^\W\d_][^\n]{0,40}?(?:[ \t]+[-–—][ \t]+[^\n]{1,40}?){1,5}|"
    r"[^\W\d_][^\n]{0,40}?(?:[ \t]+[-–—][ \t]+[^\n]{1,40}?){2,5})[ \t]*$"
)
_HEADINGS = re.compile(
    # (not "the handbook (sections like "3.2 …", "5.1 …")": what the input's sections look like)
    r"\b(?:sections?|headings?|headers?|parts)\b(?!\s+(?:like|such\s+as|e\.g\.|for\s+example)\b)[^.:;]{0,40}?:?\s*"
    r"(?P<names>(?:[\"“][^\"“”]{2,60}[\"”]\s*(?:,|and|or|then)?\s*){2,8})",
    re.IGNORECASE,
)


def _stated_value(plan: Plan) -> str | None:
    for c in plan.of_kind("format"):
        if c.value and c.value not in _DATA_FILE_VALUES:
            return c.value.lower()
    return None


# A CSV or YAML reply keeps the shape this module writes for it (csv_reply, _yaml_reply, the YAML record variant);
# its format constraint's own sentence still reaches the prompt.
_DATA_FILE_VALUES = frozenset({"csv", "yaml"})


def _kind(plan: Plan, schema: dict[str, Any] | None, value: str | None) -> OutputKind:
    if schema is not None:
        return "json"
    if value in _VALUE_KINDS:
        return _VALUE_KINDS[value]
    primary_kind = plan.primary.output.kind
    cue = plan.entities.output_kind
    if cue is not None and plan.conflicts.forbidden_feature(cue):
        cue = None
    if cue == "json" and ASKS_YAML.search(plan.brief.task) and primary_kind != "json":
        cue = None  # "als YAML, NICHT als JSON": the job's YAML record, whatever else the brief says of JSON
    if cue is None or cue == primary_kind or primary_kind in ("json", "decision", "label", "code"):
        return primary_kind
    return cue


def _base(plan: Plan, kind: OutputKind, schema: dict[str, Any] | None, value: str | None) -> str:
    """The default description for the kind, with its length clause removed when the brief states a limit."""
    primary = plan.primary
    if schema is not None:
        return JSON_DESCRIPTION
    if value == "numbered" and not re.search(r"numbered list of|list of findings", primary.output.description):
        return ""  # "numbered list 1-10": the brief's own line is the whole shape, unless the job's is a list too
    if kind == primary.output.kind and (value is None or value in _VALUE_KINDS):
        chat_mode = plan.conversational and not primary.conversational and primary.chat_output
        template = primary.chat_output if chat_mode else primary.output.description
    elif value is None and kind in _CUE_FORMATS:
        template = _CUE_FORMATS[kind]
    elif value is None and kind == "json":
        return JSON_DESCRIPTION
    else:
        return ""
    if plan.of_kind("limit") or not (plan.brief.length or plan.entities.length):
        # A length the brief never asked for ("at most 200 words") would be an invented limit.
        template = _LENGTH_CLAUSE.sub("", template)
    text = plan.fill(template)
    if plan.labels_from_brief and any(label != label.lower() for label in plan.labels):
        text = text.replace(", in lowercase,", ",")  # the brief's own spelling of its labels wins
    text = plan.conflicts.without_settled_phrases(text)
    return "" if plan.conflicts.clashes(text) else text


def output_format(plan: Plan) -> OutputFormat:
    """The output format for the plan."""
    brief = plan.brief
    value = _stated_value(plan)
    # "Return a table with the columns Term | Value | Clause": the named items are rows and columns, not JSON keys.
    table = value == "table" and brief.json_schema is None and not re.search(r"\bjson\b", brief.task, re.IGNORECASE)
    schema = None if table else _schema(plan)
    outlined_reply = any(c.value == "sections" for c in plan.of_kind("format"))  # the brief's outline says it all
    template = (
        _reply_line(_under_output_intro(_LINE_TEMPLATE, _LINE_INTRO, brief.task))
        or _under_output_intro(_DASHED_TEMPLATE, _LINE_INTRO, brief.task)
        or _under_output_intro(_INLINE_TEMPLATE, _LINE_INTRO, brief.task)
        or _under_output_intro(_MIDLINE_TEMPLATE, _LINE_INTRO, brief.task)
        or _dashed_line_shape(brief.task)
    )
    in_lines: tuple[int, int] | None = None  # where the brief's keyed lines stand, when they are the reply
    case_lines = _case_layout(brief.task)
    if brief.output_format:
        kind: OutputKind = "json" if schema is not None else "prose"
        for cue_kind, pattern in _FREE_KIND_CUES:
            if kind == "prose" and re.search(pattern, brief.output_format, re.IGNORECASE):
                kind = cue_kind
        stated = [brief.output_format.strip()]
        if stated[0][-1:].isalnum() and "\n" not in stated[0]:
            stated[0] += "."  # "plain text, no headings": a sentence may follow it
    elif (numbered := numbered_lines(brief.task)) is not None and schema is None and not outlined_reply:
        kind = "prose"
        listed = "\n".join(f"Line {i}: {spec}" for i, spec in enumerate(numbered.specs, 1))
        stated = [f"Exactly {len(numbered.specs)} lines, in this order:\n{listed}"]
        in_lines = (numbered.start, numbered.end)
    elif (exact := layout_block(brief.task)) is not None and schema is None and not outlined_reply:
        # "Aufbau, genau so:" and its lines: the reply's own layout, copied line by line
        kind = "prose"
        stated = ["Use exactly this layout, line by line:\n" + "\n".join(exact.specs)]
        in_lines = (exact.start, exact.end)
    elif (
        (keyed := _under_output_intro(_KEYED_LINES, _KEYED_INTRO, brief.task)) and schema is None and not outlined_reply
    ):
        kind = "prose"
        lines = [" ".join(line.strip().lstrip("-*• ").split()) for line in keyed.group("lines").splitlines()]
        stated = [f"Exactly these lines, in this order: {' / '.join(f'`{line}`' for line in lines if line)}."]
        in_lines = keyed.span("lines")
    elif (csv := csv_reply(brief.task)) is not None:
        # "Output has to be CSV …, with exactly this header row:\nstudent_id,criterion,score,justification"
        kind, schema = "prose", None
        header = not no_header_row(brief.task)
        parts = ["CSV only.", describe_columns(csv.columns, header=header)]
        if csv.rows:
            parts.append(f"Then {csv.rows}." if header else f"{csv.rows[0].upper()}{csv.rows[1:]}.")
        elif not header and one_row(brief.task):
            parts.append("Exactly one row.")
        stated = [" ".join([*parts, "No prose, Markdown or code fence before or after it."])]
    elif _yaml_reply(brief.task) and plan.primary.output.kind != "json" and not plan.primary.extracts_fields:
        # a review, a plan, a list of findings written as YAML: the shape the brief names, no JSON schema
        kind = "prose"
        yaml_list = _YAML_LIST.search(brief.task) is not None
        stated = [
            "A YAML list, with nothing before or after it and no code fence."
            if yaml_list
            else "One YAML document, with nothing before or after it and no code fence."
        ]
    elif template is not None and schema is None and not outlined_reply:
        kind = "prose"
        layout = " ".join(template.group("template").split())
        stated = [f"One line per item, in exactly this form: `{layout}`."]
        in_lines = template.span("template")  # "[BLOCKER|WARN|NIT]": the line's own slot says its values
    else:
        kind = _kind(plan, schema, value)
        stated = [_base(plan, kind, schema, value)]
        if schema is None and any(c.value == "csv" for c in plan.of_kind("format")) and "CSV" not in stated[0]:
            # "export as CSV": the job's default shape (a headline and bullets) would contradict the file
            kind, stated = "prose", ["CSV only, with nothing before or after it and no code fence."]
        headings = _HEADINGS.search(brief.task) if kind in ("prose", "markdown") else None
        if any(c.value == "sections" for c in plan.of_kind("format")):
            stated = []  # the brief's own outline (a format constraint below) is the reply's shape
        elif headings is not None:
            # "exactly three sections with these headings: "What you earned", …": the brief's own shape of a reply.
            titles = ", ".join(f'"{title}"' for title in _QUOTED.findall(headings.group("names")))
            stated = [f"Exactly these sections, in this order, each under its heading: {titles}."]
    # ("Output only a JSON array …" may be one of the brief's constraints, not its task; "Return JSON. Each item should
    # have name and price": the named keys are each item's)
    said = "\n".join([brief.task, *brief.constraints, brief.output_format or ""])
    asks_array = _asks_array(said) or items_reply(plan)
    same = _SAME_SHAPE.search(brief.task) if kind == "json" and schema is None else None
    # (only when the input is JSON itself, and the keys are not another system's: "the same keys as our import")
    same_shape = (
        same is not None
        and _JSON_INPUT.search(brief.task) is not None
        and not re.match(r"\s+as\s+(?:our|the|a|an|your|their)\b", brief.task[same.end() :])
    )
    if same_shape:
        # "return the same JSON with the same keys, only the values translated": the input's own keys, no schema
        stated = [SAME_SHAPE_DESCRIPTION]
    elif kind == "json" and schema is None:
        # Keys the task names ("return candidate_name, email, years_experience"); with none, no invented schema (a
        # default's keys are another job's), unless the reply is the list of the brief's labels.
        named = extract_fields(brief.task) or identifier_fields(brief.task)
        schema = field_schema(named) if named else unnamed_schema(plan, asks_array)
        if schema is not None and not any(line.strip() for line in stated):
            stated = [JSON_DESCRIPTION]  # (nothing said the reply's shape before its keys were known)
    shape = [c for c in plan.of_kind("format") if c.value == "sections"]  # the brief's outline comes first
    outlined = {f"the {heading} section" for c in shape for heading in c.values}
    piece = _piece(stated[0]) if stated else None
    # "只输出一个标签：PASS、REMOVE、REVIEW，然后换行，写一句不超过20个字的理由": a limited part follows the label
    # "output: SPAM or HAM + reason in max 1 sentence": the label opens a reply that goes on
    reason = reason_after_label(brief.task) if kind == "label" else None
    label_leads = kind == "label" and (
        reason is not None or any(c.scope and _AFTER_LABEL.search(c.scope) for c in plan.of_kind("limit"))
    )  # (not a limit on the input: "Tickets have a subject line of at most 80 characters")
    if reason is not None:
        stated = [line for line in stated if not _LABEL_ALONE.search(line)]
    slot = _label_slot(template.group("template")) if template is not None else None
    nested = _nested_field_lists(plan)
    # "After END give feedback in exactly this layout: …  Each feedback line max 20 words.": that step's limit
    step = step_intro(brief.task)
    stated.extend(
        nested[c.text]
        if c.kind == "fields" and c.text in nested
        # "类别代码|紧急程度|一句话摘要" with the codes listed above it: the codes fill the line's first slot
        else f"In `{slot}`, use exactly one of: {', '.join(c.values)}."
        if slot and c.kind == "labels" and (c.scope is None or c.scope.endswith("label"))
        else c.text.replace(_LABEL_ONLY, LABEL_THEN_MORE)
        if c.kind == "labels" and label_leads
        # "+ reden in max 1 zin": a limit stated after the reason is the reason's
        else c.text.replace("Keep the reply to", f"Keep the {reason.noun} to")
        if reason is not None and c.kind == "limit" and c.scope is None and c.span and c.span.start > reason.start
        # A written reply carries its label beside the text: "Reply with exactly one of these labels" would forbid
        # the rest of it.
        else c.text.replace(_LABEL_ONLY, "Assign exactly one of these labels:")
        if c.kind == "labels" and kind not in ("label", "json", "decision")
        # "no maximo 150 caracteres" for a caption, in a reply of three variants: each variant is a caption
        else c.text.replace("Keep the reply to", f"Keep each {piece} to")
        if c.kind == "limit" and c.scope is None and piece and c.unit in ("characters", "words", "sentences")
        else c.text
        for c in [*shape, *(at_step(c, step) for c in plan.of_kind("format", "limit", "labels", "fields", "schema"))]
        # a limit on a section of the brief's outline is written on that section's line
        if c.value != "collect"
        and c.scope not in outlined
        and c.scope != INPUT_SCOPE  # (a context line: the size of what arrives)
        and not _said_already(c, stated)
        # the brief's own output format, kept verbatim above, already says what was read from it
        and not (brief.output_format and c.span is not None and c.span.field == "output_format")
        # "Decisão: (procedente / improcedente)", "Resumo: (no máximo 80 palavras)": the line carries its own note
        and not _within(c, in_lines)
        # ("What worked: (one sentence)" in the feedback given when the user types TIMEOUT: that case's rule says it)
        and not _within(c, case_lines)
    )
    if kind == "label" and reason is None and (set_lines := label_set_lines(plan.of_kind("labels"))) is not None:
        # "category (…) and priority (…)": a line for each set, never "Only the label" of the first
        said_sets = {c.text for c in plan.of_kind("labels")}
        stated = [set_lines, *(line for line in stated[1:] if line not in said_sets)]
    if reason is not None and not any(reason.noun in line.lower() for line in stated):
        stated.append(reason_line(reason))
    said = " ".join([*plan.detail_rules, *(c.text for c in plan.constraints)])
    if (turn := step_line(step, brief.task, said)) is not None:
        stated.append(turn)  # "When the trainee types END, …": that step's layout is in the rules, not every turn's
    first_line = _FIRST_LINE_LABEL.search(brief.task) if plan.labels_from_brief and plan.labels else None
    if first_line is not None and kind not in ("label", "json") and stated and in_lines is None:
        # "1) prima riga: un'etichetta tra …  2) riga vuota, poi una bozza": the label line opens the reply
        rest = stated[0][:1].lower() + stated[0][1:]
        stated[0] = f"On the first line, exactly one label ({', '.join(plan.labels)}); then a blank line; then {rest}"
    if kind not in ("label", "json"):
        # A JSON reply carries the partner's part as a key of its own; a trailing line or object would break it.
        # A label set the brief scopes itself ("then give the tone as one of …") already says where the label goes.
        scoped_labels = any(c.scope and c.text.startswith("End with") for c in plan.of_kind("labels"))
        # "Primero el nivel en una línea sola", "put the label on the first line": the brief places the label.
        scoped_labels = scoped_labels or _LABEL_PLACED.search(brief.task) is not None
        scoped_labels = scoped_labels or template is not None  # the label has its cell
        scoped_labels = scoped_labels or any(_within(c, in_lines) for c in plan.of_kind("labels"))  # its line
        # "LABEL: <label>" as a line of the brief's layout: the label has its line there
        scoped_labels = scoped_labels or (
            in_lines is not None and _LABEL_KEY_LINE.search(brief.task, in_lines[0], in_lines[1]) is not None
        )
        # "Label: the label", "TAG: <tag>", "ETIQUETA: ..." as a line of the brief's layout: the label's line is there
        scoped_labels = scoped_labels or _LABEL_SLOT_LINE.search(brief.task) is not None
        # "URGENZA: ALTA / MEDIA / BASSA" as one line of the brief's outline: the label has its line there
        scoped_labels = scoped_labels or any(_inside(c, s) for c in plan.of_kind("labels") for s in shape)
        # "Fehlerart ist genau eine von …": the labels are one field's values, not a closing line of their own
        scoped_labels = scoped_labels or any(c.scope and not c.scope.endswith("label") for c in plan.of_kind("labels"))
        # "Assign exactly one wound_type label" (a listed field's values), "Tag each item's severity …": one part's
        # values, written on that part, not a closing verdict line
        field_names = {v.lower() for c in plan.of_kind("fields") for v in c.values}
        scoped_labels = scoped_labels or any(
            c.scope and (c.scope.lower().removesuffix(" label") in field_names or c.text.startswith("Tag each item's"))
            for c in plan.of_kind("labels")
        )
        key = _label_key(brief.task, plan.labels)
        stated.extend(
            plan.fill(p.blend_output).replace('"Label:"', f'"{key}:"')
            for p in plan.partners
            # In a table the label is a column of each row, not a closing line.
            if p.blend_output
            and not ((scoped_labels or kind == "table") and "{labels}" in p.blend_output)
            # fields written as `field: value` lines are the record already: no JSON object after them
            and not (p.extracts_fields and any(c.value == "lines" for c in plan.of_kind("format")))
        )
        if in_lines is None and template is None:
            stated = placed_label_line(brief.task, stated, plan.of_kind("labels"), key)
    if kind == "json" and schema is not None and schema.get("type") == "object" and asks_array:
        # "Return a JSON array; each item has file, line, ...": the named fields describe each item of a list.
        schema = {"type": "array", "items": schema}
        stated = [line.replace(JSON_DESCRIPTION, ARRAY_DESCRIPTION) for line in stated]
    elif kind == "json" and schema is None and asks_array:
        stated = [as_array_description(line) for line in stated]  # "a JSON array" of records whose keys are unnamed
    columns = _COLUMNS.search(brief.task) if kind == "table" else None
    if columns is not None:
        listed = columns.group("names")
        # "Term | Value | Clause, one row each for: …": with bars, a comma ends the header.
        listed = listed.split(",")[0] if "|" in listed else listed
        names = [n.strip() for n in re.split(r"\s*[|,]\s*|\s+and\s+", listed) if n.strip()]
        fields = {v.lower() for c in plan.of_kind("fields") for v in c.values}
        if fields & {n.lower() for n in names}:
            # The named fields are the columns themselves ("columns: resource, change, risk").
            stated = [
                s.replace("Return exactly these fields:", "Give the table these columns, in this order:")
                for s in stated
            ]
        else:
            # "one row each for: Parties, Duration …" under "columns Term | Value | Clause": the fields are rows.
            stated = [s.replace("Return exactly these fields:", "Give one row for each of:") for s in stated]
            stated.append(f"Give the table these columns, in this order: {' | '.join(names)}.")
    prose_first = PROSE_BEFORE_JSON.search(brief.task) if kind == "json" else None
    if prose_first is not None:
        # "first a summary …, then the fields as JSON": the reply holds both, so "only JSON" would drop the prose.
        part = (prose_first.group("part") or prose_first.group("part2")).lower()
        prose_then = (
            f"First the {part}, then "
            + JSON_DESCRIPTION[0].lower()
            + JSON_DESCRIPTION[1:].replace("with no prose before or after it and no code fence", "with no code fence")
        )
        only_json = {c.text for c in plan.of_kind("format") if c.value == "json"}
        if any(s == ARRAY_DESCRIPTION for s in stated):
            prose_then = (
                f"First the {part}, then "
                + ARRAY_DESCRIPTION[0].lower()
                + ARRAY_DESCRIPTION[1:].replace(
                    "with no prose before or after it and no code fence", "with no code fence"
                )
            )
        stated = [prose_then if s in (JSON_DESCRIPTION, ARRAY_DESCRIPTION) else s for s in stated if s not in only_json]
    if schema is not None and schema.get("type") == "array":
        # Each item is the object the brief describes; the reply itself is the array.
        stated = [
            s.replace("Return a JSON object with exactly these keys:", "Give each item exactly these keys:").replace(
                "Return exactly these fields:", "Give each item exactly these fields:"
            )
            for s in stated
        ]
    if kind == "json" and (_RECORD_WHEN_DONE.search(brief.task) or ASKS_QUESTIONS.search(brief.task)):
        # "ask questions one at a time …; when done, output a summary with the fields …": a conversation first, the
        # record last, so "no prose" governs the final reply only ("Return only valid JSON" would forbid the questions).
        only_json = {c.text for c in plan.of_kind("format") if c.value == "json"}
        stated = [
            "While you collect the details, reply in short plain turns with one question each. When done, output "
            + s[0].lower()
            + s[1:]
            if s in (JSON_DESCRIPTION, ARRAY_DESCRIPTION)
            else s
            for s in stated
            if s not in only_json
        ]
    closing = _CLOSING_AFTER_JSON.search(brief.task) if kind == "json" else None
    if closing is not None and _IN_A_FIELD.search(closing["message"]):
        closing = None  # "thank the customer in the reply field": the message is a value of the record
    if closing is not None:
        # "print a JSON object with keys … and tell them a volunteer will contact them": a message follows the record
        message = f"{closing['verb'].lower()} {closing['who']}{closing['message'].rstrip(' ,;:')}"
        stated = [
            s.replace(
                "with no prose before or after it and no code fence.",
                f"with no prose before it and no code fence; after it, {message}.",
            )
            for s in stated
        ]
    missing = _MISSING_WORD.search(brief.task) if kind == "json" else None
    if missing is not None and not SAYS_NULL.search(brief.task):
        # 'using "not provided" for anything they didn't say': the brief's own word for a missing value, not null.
        word = missing.group("word")
        stated = [
            s.replace("Use null for fields the input does not state.", f'Use "{word}" for anything not stated.')
            for s in stated
        ]
        schema = _not_nullable(schema) if schema is not None else None
    elif schema is not None and not allows_null(schema):
        if SAYS_NULL.search(brief.task):
            # "use null when a field is missing" beside a schema typed "string": the brief's rule makes it nullable.
            schema = _nullable(schema)
        else:
            # The brief's own schema has no nullable field ("a missing step scores 0"): null would break it.
            stated = [s.replace(" Use null for fields the input does not state.", "") for s in stated]
    elif schema is not None and _NULL_FOR_ANY_FIELD.search(brief.task):
        # "if a field isn't there or you can't read it, use null" beside a template with one nullable field: the
        # rule covers every field, so every field may be null.
        schema = _nullable(schema)
    shape_line = reply_shape_line(brief.task) if kind not in ("json", "label") and template is None else None
    if shape_line is not None and in_lines is None and not brief.output_format:
        stated.insert(0, shape_line)  # ("answer = one sql code block, then one line starting "Note:" …")
    if kind == "json":
        stated.extend(case_object_lines(brief.task))  # ('if … return exactly {"error": …}': the one other reply)
    lines = [s.strip() for s in stated if s.strip()]
    if asks_code_first(brief.task) and not any("code" in line.lower() for line in lines):
        # "先给代码再解释": the default shape (assumptions first) went; the brief's order is the reply's shape
        lines.insert(0, "The code first, in fenced blocks tagged with the language, then the explanation.")
    description = _joined(list(dict.fromkeys(lines))) or "Plain prose."
    heading = _VARIANT_WORDS.get((plan.language or "").split()[-1] if plan.language else "")
    if heading is not None:
        # a Spanish reply is headed "Opción 1", not the English "Variant 1"
        description = description.replace('"Variant ', f'"{heading} ')
    if schema is None and kind == plan.primary.output.kind:
        schema = plan.primary.output.json_schema
    structured = kind in ("json", "decision")
    return OutputFormat(kind=kind, description=description, json_schema=schema if structured else None)


def _joined(lines: list[str]) -> str:
    """The format's sentences as one paragraph; a block of lines (the brief's outline) stands on lines of its own."""
    text, previous = "", ""
    for line in lines:
        separator = "\n" if "\n" in line or "\n" in previous else " "
        text = f"{text}{separator}{line}" if text else line
        previous = line
    return text


def is_default(plan: Plan, output: OutputFormat) -> bool:
    """Whether the output keeps the primary archetype's kind (its examples may still fit: `fits` checks limits etc.).

    A free-text output format from the brief counts as a new format: examples cannot be checked against it.
    """
    return output.kind == plan.primary.output.kind and not plan.brief.output_format


# "output yaml, a list where each item has keys": a YAML list of items, not one document
_YAML_LIST = re.compile(
    r"\byaml\b[^.\n]{0,30}\b(?:list|array|sequence|items?)\b|\b(?:list|array|sequence)\b[^.\n]{0,30}\byaml\b",
    re.IGNORECASE,
)


def _yaml_reply(task: str) -> bool:
    """Whether the brief asks for the reply as YAML and never for JSON (not YAML the user works on: "mistakes in YAML
    files", "Fehler in YAML-Dateien", nor "in Markdown, not as YAML")."""
    if re.search(r"\bjson\b", task, re.IGNORECASE):
        return False
    for asked in ASKS_YAML.finditer(task):
        yaml_at = task.lower().rfind("yaml", asked.start(), asked.end())
        before = task[max(0, yaml_at - 25) : yaml_at]
        # ("Output a YAML file …", "Return a YAML config …": the reply is that file)
        thing = _YAML_THING.match(task, yaml_at + 4) and not _OUTPUT_VERB_BEFORE.search(before)
        if thing or _NOT_YAML.search(before) or _WRITTEN_IN.search(before) or yaml_names_tools(task, yaml_at):
            continue  # ("Les outils (format YAML …) :": how the tools are written)
        return True
    return False


_YAML_THING = re.compile(
    r"[\s-]*(?:files?|configs?|configuration|manifests?|dateien|datei|snippets?|templates?)\b", re.I
)
_WRITTEN_IN = re.compile(
    r"\b(?:written|stored|kept|defined|saved|configured|described|geschrieben)\s+(?:in|as|als)\s+$", re.I
)
_NOT_YAML = re.compile(
    r"\b(?:not|no|never|nicht|kein\w*|pas|sin|sem|niet|non|instead\s+of|rather\s+than)\s+(?:(?:as|in|als|en|em)\s+)?$",
    re.I,
)
_OUTPUT_VERB_BEFORE = re.compile(
    r"\b(?:output|return|reply\s+with|respond\s+with|give|produce|write|send)\b[^.;]*$", re.I
)


_IN_A_FIELD = re.compile(r"\bin\s+(?:the\s+|its\s+)?[`'\"]?\w+[`'\"]?\s+(?:field|key|property|value)\b", re.I)


# The word a reply in another language heads its variants with ("Variant 1" … in English).
_VARIANT_WORDS = {
    "Spanish": "Opción", "Portuguese": "Opção", "French": "Variante", "German": "Variante", "Italian": "Variante",
    "Japanese": "案", "Chinese": "方案",
}  # fmt: skip


# "Then print a JSON object with keys … and tell them a volunteer will contact them within 3 business days."
_CLOSING_AFTER_JSON = re.compile(
    r"\bJSON\b[^.\n]{0,240}?\b(?:and(?:\s+then)?|then)\s+(?P<verb>tell|let|inform|thank|remind)\s+"
    r"(?P<who>them|the\s+(?:user|person|client|caller|customer|applicant|tenant|patient|student|visitor))\b"
    r"(?P<message>[^.\n]{0,160})",
    re.IGNORECASE,
)


# "then 'Sentiment:' positive, neutral or negative": the brief names the line its label goes on.
_LINE_KEY = re.compile(
    r"['\"“‘]?(?P<key>[A-Z][A-Za-z]{1,20}(?:\s[A-Za-z]{1,20})?):\s?['\"”’]?\s+(?:followed\s+by\s+)?"
    # 'a line "Lead: " followed by one of hot, warm, cold'
    r"(?:(?:one|either)\s+of:?\s+)?(?P<first>[\w-]+)"
)


_LABEL_ONLY = "Reply with exactly one of these labels:"
_LABEL_ALONE = re.compile(r"\bwith no explanation\b|^Only the labels?\b")
# The parts a reply carries after its label: a reason, a note, a justification.
_AFTER_LABEL = re.compile(
    r"reason|explanation|justification|comment|note|why|rationale|second|segunda|zweite|seconde|seconda|tweede",
    re.IGNORECASE,
)
_PIECES = re.compile(
    r"^(?:Two|Three|Four|Five|[2-9])\s+(?P<noun>variant|option|version|draft|caption|headline|idea)s\b"
)


def _inside(inner: Constraint, outer: Constraint) -> bool:
    """Whether `inner` was read from within the text `outer` was read from."""
    a, b = inner.span, outer.span
    return a is not None and b is not None and a.field == b.field and b.start <= a.start and a.end <= b.end


def _within(constraint: Constraint, span: tuple[int, int] | None) -> bool:
    """Whether a constraint of the task stands inside `span` of it."""
    at = constraint.span
    return span is not None and at is not None and at.field == "task" and span[0] <= at.start < span[1]


def _piece(description: str) -> str | None:
    """The piece a default reply holds several of ("Three variants under the headings …"), or None."""
    match = _PIECES.match(description)
    return match.group("noun") if match else None


def _label_key(task: str, labels: tuple[str, ...]) -> str:
    """The key of the line the brief puts its label on ("Sentiment"), or "Label"."""
    if labels:
        for match in _LINE_KEY.finditer(task):
            if match.group("first").lower() == labels[0].lower():
                return match.group("key")
    return "Label"

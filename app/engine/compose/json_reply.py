"""Whether the reply is a JSON array, one object or the input's own shape, and the brief's words on its missing values
(null, its own word) and on a message after the record."""

from __future__ import annotations

import re
from typing import Any

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


def asks_json_array(text: str) -> bool:
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
JSON_INPUT = re.compile(
    r"\b(?:paste|send|give|receive|get|input|feed|pass|hand)\w*\b[^.\n]{0,40}\bjson\b|\bjson\b[^.\n]{0,20}\binput\b|"
    r"\b(?:pego|pega|colo|mando|envío|envio|geb|schick|einfüg|colle|envoie|incoll|plak|stuur)\w*\b[^.\n]{0,40}\bjson\b",
    re.IGNORECASE,
)


# "return the same JSON with the same keys", "mismo JSON con las mismas claves", "dieselben Schlüssel"
SAME_SHAPE = re.compile(
    r"\b(?:same|identical)\s+(?:json|keys|structure|shape)\b|\bmism[oa]s?\s+(?:json|claves|estructura)\b|"
    r"\bmesm[oa]s?\s+(?:json|chaves|estrutura)\b|\b(?:dieselben|gleichen?)\s+(?:json|schlüssel|keys|struktur)\b|"
    r"\bmêmes?\s+(?:json|clés|structure)\b|\bstess[aei]\s+(?:json|chiavi|struttura)\b|\bdezelfde\s+(?:json|keys|sleutels|structuur)\b",
    re.IGNORECASE,
)


JSON_DESCRIPTION = (
    "A single JSON object that matches the schema below, with no prose before or after it and no code fence. "
    "Use null for fields the input does not state."
)


RECORD_WHEN_DONE = re.compile(
    r"\b(?:ask|collect|gather)\w*\b.{0,400}?\b(?:when|once|after)\s+(?:done|finished|complete|you(?:'ve|\s+have)\s+"
    r"(?:everything|all|enough))\b[^.]{0,40}?\b(?:output|return|produce|give|write|send)\b",
    re.IGNORECASE | re.DOTALL,
)


# 'using "not provided" for anything they didn't say', 'write "unknown" if it is missing'.
MISSING_WORD = re.compile(
    r"\b(?:using|use|write|put|say|fill\s+in|mark\s+(?:it|them)\s+(?:as|with))\s+[\"“'](?P<word>[^\"”']{2,30})[\"”']\s+"
    r"(?:for|when|if|where)\s+(?:anything|any|fields?|values?|missing|unknown|it|they|the|something|nothing|what)",
    re.IGNORECASE,
)


# "if a field isn't there or you can't read it with confidence, use null": every field may be null
NULL_FOR_ANY_FIELD = re.compile(
    r"\b(?:a|any|each|every)\s+(?:field|value|key|data\s+point)s?\b[^.;\n]{0,80}\b(?:use|return|put|set|write|output|give)"
    r"\s+null\b|\b(?:use|return|put|set|write|output)\s+null\s+(?:for|when|if)\s+(?:any|a|every|missing|unreadable|absent|"
    r"unknown)\b\s*(?:fields?|values?)?|\bfields?\s+(?:that\s+(?:are|is)\s+)?(?:missing|unreadable|absent|unknown|not\s+"
    r"(?:stated|given|found|present))\b[^.;\n]{0,40}\bnull\b",
    re.IGNORECASE,
)


def not_nullable_schema(schema: dict[str, Any]) -> dict[str, Any]:
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


def nullable_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of the schema whose properties also accept null."""
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return {**schema, "items": nullable_schema(schema["items"])}
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


IN_A_FIELD = re.compile(r"\bin\s+(?:the\s+|its\s+)?[`'\"]?\w+[`'\"]?\s+(?:field|key|property|value)\b", re.I)


# "Then print a JSON object with keys … and tell them a volunteer will contact them within 3 business days."
CLOSING_AFTER_JSON = re.compile(
    r"\bJSON\b[^.\n]{0,240}?\b(?:and(?:\s+then)?|then)\s+(?P<verb>tell|let|inform|thank|remind)\s+"
    r"(?P<who>them|the\s+(?:user|person|client|caller|customer|applicant|tenant|patient|student|visitor))\b"
    r"(?P<message>[^.\n]{0,160})",
    re.IGNORECASE,
)

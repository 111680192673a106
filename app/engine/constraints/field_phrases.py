"""Output fields named in ordinary phrasing: "JSON with customer and items", "as JSON: a, b", and what the brief says
of one field's shape ("customer (string)", "items is an array of objects with sku and qty")."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.label_items import split_items

FIELD_NOUNS = (
    r"fields?|keys?|columns?|properties|attributes|campos|felder[n]?|spalten|champs|colonnes|propriedades|colunas|"
    r"columnas|campi|chiavi|claves|chaves|schlüssel[n]?|clés|velden|kolommen|フィールド|項目"
)
_JSON_WORD = r"json(?:[\s-]+(?:object|record|reply|response|output|document|objekt|objeto|objet|oggetto))?"
_ARTICLES = (
    r"(?:(?:the|these|following|exactly|only|just|los|las|den|die|folgenden|les|des|os|as|i|gli|de|volgende|"
    r"siguientes|suivants|seguintes|seguenti)\s+)*"
)
# "JSON with customer and items", "a JSON object containing title, author and year", "JSON mit den Feldern ort,
# datum", "un JSON avec les champs nom, prix", "as JSON: a, b, c", "JSON like {sku, qty}": the reply's own keys.
JSON_FIELDS_INTRO = re.compile(
    rf"\b{_JSON_WORD}\s+(?:(?:that|which)\s+(?:has|have|contains|includes|holds|lists)|with|containing|including|"
    r"having|holding|listing|con|mit|avec|com|met|contenant|contendo|conteniendo|enthält|die\s+enthält)\s+"
    rf"{_ARTICLES}(?:(?:{FIELD_NOUNS})\s*:?\s*)?|"
    rf"\b(?:as|in|into|to|als|como|en|em|comme)\s+(?:an?\s+|un\s+|una\s+|um\s+|uma\s+)?{_JSON_WORD}\s*[:：]\s*|"
    rf"\b{_JSON_WORD}\s+(?:like|shaped\s+like|of\s+the\s+form|in\s+the\s+form|such\s+as)?\s*:?\s*\{{\s*(?=[A-Za-z_])",
    re.IGNORECASE,
)

# "a list of action items", "an array of tags": the field is the thing listed
LIST_OF = re.compile(r"\b(?:an?\s+)?(?:list|array)\s+of\s+(?!objects?\b|strings?\b|numbers?\b|\{)", re.IGNORECASE)


class Shape(NamedTuple):
    """What the brief says one field holds: a JSON type, and for a list or an object the keys of its items."""

    kind: str
    """"string", "number", "integer", "boolean", "array" or "object"."""
    item: str | None = None
    """For an array: the type of each item ("string", "object", ...)."""
    keys: tuple[str, ...] = ()
    """The keys of the object (or of each object of the array)."""


_SCALARS = {
    "string": "string", "str": "string", "text": "string", "date": "string", "datetime": "string",
    "iso date": "string", "email": "string", "url": "string", "number": "number", "float": "number",
    "decimal": "number", "integer": "integer", "int": "integer", "whole number": "integer",
    "boolean": "boolean", "bool": "boolean", "true/false": "boolean",
}  # fmt: skip
_ARRAY_OF = re.compile(r"^(?:an?\s+)?(?:array|list|json\s+array)\s+of\s+(?P<rest>.+)$|^(?P<typed>\w+)\s*\[\]$", re.I)
_OBJECTS_WITH = re.compile(
    r"^(?:\{(?P<braced>[^{}]+)\}|(?:(?:\w+\s+)?objects?|entries|records|items|rows)?\s*"
    r"(?:,\s*)?(?:each\s+)?(?:with|containing|having|that\s+have|that\s+has|of)\s+(?:the\s+)?"
    r"(?:(?:fields?|keys?|properties)\s*:?\s*)?(?P<listed>.+))$",
    re.I,
)
_EACH_WITH = re.compile(r"^each\s+(?:one\s+|item\s+|entry\s+)?(?:with|has|having|containing)\s+(?P<listed>.+)$", re.I)
_OBJECT_WITH = re.compile(r"^(?:an?\s+)?object\s+(?:with|containing|having)\s+(?:the\s+)?(?P<listed>.+)$", re.I)


def _names(listed: str) -> tuple[str, ...]:
    """The key names of a short list ("sku and qty", "`sku`, `qty`"), or none."""
    listed = re.split(r"[.;\n]|\s[-–—]\s", listed, maxsplit=1)[0].strip().rstrip(")")
    items = split_items(listed, last_trim=True) or ([listed] if re.fullmatch(r"[A-Za-z_]\w*", listed) else [])
    return tuple(item.strip("`'\"") for item in items if len(item.split()) <= 4)


def read_shape(said: str) -> Shape | None:
    """The shape a phrase gives a field: "string", "list of strings", "array of {sku, qty}", "each with sku and
    qty", "an array of objects with sku and qty"; None for anything else (a value list, a description)."""
    said = " ".join(said.strip().strip(".").split())
    lowered = said.lower()
    if lowered in _SCALARS:
        return Shape(_SCALARS[lowered])
    if (found := _EACH_WITH.match(said)) is not None:
        keys = _names(found.group("listed"))
        return Shape("array", "object", keys) if keys else None
    if (found := _OBJECT_WITH.match(said)) is not None:
        keys = _names(found.group("listed"))
        return Shape("object", None, keys) if keys else None
    array = _ARRAY_OF.match(said)
    if array is None:
        return None
    if array.group("typed"):
        kind = _SCALARS.get(array.group("typed").lower())
        return Shape("array", kind) if kind else None
    rest = array.group("rest")
    singular = re.sub(r"s$", "", rest.lower())
    if singular in _SCALARS:
        return Shape("array", _SCALARS[singular])
    objects = _OBJECTS_WITH.match(rest)
    if objects is not None:
        keys = _names(objects.group("braced") or objects.group("listed"))
        if keys:
            return Shape("array", "object", keys)
    if re.fullmatch(r"(?:\w+\s+)?objects", rest, re.I):
        return Shape("array", "object")
    return None


def _name_pattern(name: str) -> str:
    """A regex for a field as the brief may write it: "line_items", "line items", "`line_items`"."""
    words = re.split(r"[\s_]+", name.strip())
    return r"`?\b" + r"[\s_]+".join(re.escape(word) for word in words) + r"\b`?"


def _singular(name: str) -> str:
    """A regex for one of a list field's items: "line_items" -> "line item" (or just "item")."""
    words = re.split(r"[\s_]+", name.strip())
    words[-1] = re.sub(r"(?<=[^s])s$", "", words[-1]) if len(words[-1]) > 3 else words[-1]
    lead = "".join(rf"(?:{re.escape(word)}[\s_]+)?" for word in words[:-1])
    return lead + re.escape(words[-1])


_IS = r"\s+(?:is|are|should\s+be|must\s+be|will\s+be|=|:)\s+"


def field_shapes(names: list[str], text: str) -> dict[str, Shape]:
    """What the brief says each named field holds, read from its aside ("customer (string)", "items (array of {sku,
    qty})") or a sentence about it ("items is an array of objects with sku and qty", "each item has sku and qty")."""
    shapes: dict[str, Shape] = {}
    for name in names:
        pattern = _name_pattern(name)
        shape = None
        aside = re.search(rf"{pattern}\s*\((?P<said>(?:[^()]|\([^()]*\))*)\)", text, re.IGNORECASE)
        if aside is not None:
            shape = read_shape(aside.group("said"))
        if shape is None and re.search(rf"\b(?:list|array)\s+of\s+{pattern}", text, re.IGNORECASE):
            shape = Shape("array", "string")  # "a list of action items"
        if shape is None:
            stated = re.search(rf"{pattern}{_IS}(?P<said>[^.;\n]+)", text, re.IGNORECASE)
            shape = read_shape(stated.group("said")) if stated is not None else None
        if shape is None:
            each = re.search(
                rf"\b(?:each|every)\s+{_singular(name)}\s+(?:(?:should|must|will)\s+)?"
                r"(?:has|have|with|contains?|includes?|having|needs)\s*:?\s*"
                r"(?:the\s+)?(?:(?:fields?|keys?|properties)\s*:?\s*)?(?P<listed>[^.;\n]+)",
                text,
                re.IGNORECASE,
            )
            keys = _names(each.group("listed")) if each is not None else ()
            shape = Shape("array", "object", keys) if keys else None
        if shape is not None:
            shapes[name] = shape
    return shapes


# "a confidence score between 0 and 1", "a rating from 1 to 5": a range describes the field; its "and" is no list
# separator.
_RANGE = re.compile(
    r"\s*\(?\b(?:(?:ranging\s+)?between|(?:ranging\s+)?from)\s+-?\d[\d.,]*\s*(?:and|to|-|–)\s*-?\d[\d.]*\b\)?",
    re.IGNORECASE,
)
# "their company", "the person's name": a determiner or an owner is no part of the key.
_OWNER = re.compile(r"^(?:(?:their|his|her|its|your|our|my|the|a|an)\s+)?(?:\w+['’]s\s+)?", re.IGNORECASE)
# "JSON with double quotes and lowercase keys", "JSON with proper escaping and valid syntax", "JSON with the same
# column names and order": how the JSON is written, not what it holds.
_WRITING = re.compile(
    r"\b(?:quotes|quoting|quotation\s+marks|escaping|escapes|syntax|indentation|indents?|whitespace|spacing|"
    r"formatting|casing|encoding|utf-?8|(?:column|key|field|property)\s+names)$|"
    r"^(?:proper|valid|correct|consistent|same|identical|lower-?case|upper-?case|camel-?case|snake[_ -]?case|"
    r"pretty[- ]printed|minified|sorted|double|single|no\s+trailing)\b",
    re.IGNORECASE,
)


def without_ranges(listed: str) -> str:
    """A field list with its value ranges ("score between 0 and 1") taken out of the names."""
    return _RANGE.sub("", listed)


def says_how_written(item: str) -> bool:
    """Whether a listed item says how the JSON is written ("double quotes", "valid syntax"), not a key it holds."""
    return _WRITING.search(item.strip().replace("_", " ")) is not None


def key_names(items: list[str]) -> list[str] | None:
    """The keys a "JSON with …" list names, without owners ("their company" -> company); None when the list says
    how the JSON is written ("double quotes and lowercase keys") rather than what it holds."""
    if any(says_how_written(item) for item in items):
        return None
    return [_OWNER.sub("", item.strip()) or item for item in items]

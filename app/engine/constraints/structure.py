"""JSON literals written in a brief (into a JSON Schema with the brief's own keys) and named output fields."""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from app.engine.constraints.abbreviations import is_abbreviation
from app.engine.constraints.field_phrases import JSON_FIELDS_INTRO, LIST_OF, key_names, without_ranges
from app.engine.constraints.input_leads import arrives_as_input
from app.engine.constraints.json_items import ITEM_FIELDS_INTRO
from app.engine.constraints.label_items import split_items
from app.engine.constraints.label_wording import with_notes
from app.engine.constraints.object_comments import strip_comments
from app.engine.constraints.schema_annotations import with_annotations_read
from app.engine.constraints.value_formats import value_format

_TYPE_NAMES: dict[str, str] = {
    "string": "string", "str": "string", "text": "string", "date": "string", "datetime": "string",
    "email": "string", "url": "string", "number": "number", "float": "number", "double": "number",
    "decimal": "number", "integer": "integer", "int": "integer", "boolean": "boolean", "bool": "boolean",
    "array": "array", "list": "array", "object": "object", "dict": "object", "null": "null",
    "数字": "number", "数值": "number", "数値": "number", "整数": "integer", "字符串": "string", "文本": "string",
    "文字列": "string", "布尔": "boolean", "布尔值": "boolean", "真偽値": "boolean", "日期": "string", "日付": "string",
    # (a type written in the brief's own language: '"large_items": [文字列]', '"etage": Zahl', '"total": número')
    "配列": "array", "数组": "array", "列表": "array", "对象": "object", "オブジェクト": "object",
    "ブール値": "boolean", "文字": "string", "テキスト": "string", "文字串": "string", "数": "number",
    "整数値": "integer",
    "문자열": "string", "숫자": "number", "정수": "integer", "불리언": "boolean", "배열": "array",
    "texto": "string", "cadena": "string", "número": "number", "numero": "number", "entero": "integer",
    "booleano": "boolean", "fecha": "string", "lista": "array", "zahl": "number", "ganzzahl": "integer",
    "zeichenkette": "string", "datum": "string", "liste": "array", "chaîne": "string", "texte": "string",
    "entier": "integer", "booléen": "boolean", "testo": "string", "stringa": "string", "intero": "integer",
    "inteiro": "integer", "tekst": "string", "getal": "number", "lijst": "array",
}  # fmt: skip
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


class FoundObject(NamedTuple):
    """A JSON object literal found in text: its parsed value and extent."""

    value: dict[str, Any]
    start: int
    end: int


def _balanced_end(text: str, start: int) -> int | None:
    """The index just past the brace that closes the one at `start`, skipping quoted strings."""
    depth = 0
    quote: str | None = None
    index = start
    while index < len(text):
        ch = text[index]
        if quote:
            if ch == "\\":
                index += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'" and not (ch == "'" and index > 0 and text[index - 1].isalnum()):
            quote = ch
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def _range_type(low: str, high: str) -> str:
    """The JSON type of a value written as a range: "0-3" counts in integers, "0-1" and "0.5-1.5" are numbers."""
    return "number" if "." in low + high or (low, high) == ("0", "1") else "integer"


# A lead-in that says "exactly one of" in a value slot, then bare codes up to the next quoted key or the brace.
_ONE_OF = (
    r"(?:(?:exactly\s+)?one\s+of|either|uno\s+de|una\s+de|uno\s+(?:tra|fra)|una\s+(?:tra|fra)|"
    r"(?:une?\s+)?(?:seule?\s+)?parmi|l['’]une?\s+(?:de|des)|(?:genau\s+)?(?:eins|einer|eine)\s+von|um\s+de|uma\s+de|"
    r"(?:precies\s+)?(?:één|een)\s+van)"
)
_ONE_OF_CODES = re.compile(
    rf"(:\s*){_ONE_OF}\s*:?\s*([A-Za-z_][\w-]*(?:\s*(?:,|/|\|)\s*[A-Za-z_][\w-]*)+)(?=\s*(?:,\s*[\"'A-Za-z_]|\}}))",
    re.IGNORECASE,
)
_CODE_SPLIT = re.compile(r"\s*(?:,|/|\|)\s*")


def _loads_lenient(literal: str) -> Any:
    """Parse JSON, or JSON-ish text with unquoted keys, single quotes, bare type names and trailing commas."""
    try:
        return json.loads(literal)
    except ValueError:
        pass
    # '"job_ref": string,   // like SF-1184': a comment annotates its key, it is no part of the value
    text = strip_comments(literal)
    # '"issues": [only from: "a", "b"] (empty array if none)', '"notes": string, max 20 words': annotated values
    text = with_annotations_read(text)
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    text = re.sub(r"'([^'\"\n]*)'", r'"\1"', text)
    # Elided values ("label": ..., "tags": [...], "name": "…") stand for a value the model fills in.
    text = re.sub(r"\[\s*(?:\.\.\.|…)\s*\]", '["string"]', text)
    text = re.sub(r"(?<![\"\w])(?:\.\.\.|…)(?![\"\w])", '"string"', text)
    # "one of [a, b, c]" and "true/false" written as values.
    text = re.sub(
        r"\b(?:one\s+of|either)\s*\[([^\[\]]*)\]",
        lambda m: '"' + "|".join(part.strip().strip("\"'") for part in m.group(1).split(",")) + '"',
        text,
        flags=re.IGNORECASE,
    )
    # '"motivo": uno de ACOSO, SPAM, ODIO, "next": …', "une seule parmi A, B", "eins von A, B": the codes listed
    # up to the next key are that key's values (the lead-in words are no value)
    text = _ONE_OF_CODES.sub(lambda m: m.group(1) + '"' + "|".join(_CODE_SPLIT.split(m.group(2).strip())) + '"', text)
    # '"work": one of "fell" | "crown_reduce"': the lead-in before quoted options is no value ("a" | "b" is the union)
    text = re.sub(rf":\s*{_ONE_OF}\s*:?\s*(?=\")", ": ", text, flags=re.IGNORECASE)
    # '"total": integer 0-12': a type name with its range is that type
    text = re.sub(
        r":\s*(integer|int|number|float|decimal)\s+-?\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?(?=\s*[,}])",
        r': "\1"',
        text,
        flags=re.IGNORECASE,
    )
    # '"adecuacion": 0-3': a score on that scale (kept as its range)
    text = re.sub(
        r":\s*(-?\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)(?=\s*[,}])",
        # ("confidence": 0-1 is a fraction, not a choice of two integers)
        lambda m: f': "{_range_type(m.group(1), m.group(2))} {m.group(1)}-{m.group(2)}"',
        text,
    )
    # '"palabras": n': a count written as a placeholder letter
    text = re.sub(r":\s*[nN](?=\s*[,}])", ': "integer"', text)
    # '"punkte": 0|1|2': one of the listed numbers
    text = re.sub(
        r":\s*(-?\d+(?:\s*[|/]\s*-?\d+)+)(?=\s*[,}])", lambda m: ': "' + re.sub(r"\s+", "", m.group(1)) + '"', text
    )
    # "rule": 1-6 or null ("1-5 ou null", "1-5 o null", "1-5 oder null": the same in other languages)
    text = re.sub(
        r":\s*-?\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s+(?:or|ou|o|oder|oppure|of)\s+null(?=\s*[,}])",
        ': "number|null"',
        text,
        flags=re.IGNORECASE,
    )
    # "true/false/null": a nullable boolean
    text = re.sub(
        r"\btrue\s*[/|]\s*false\s*[/|]\s*null\b|\bnull\s*[/|]\s*true\s*[/|]\s*false\b",
        '"boolean|null"',
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\btrue\s*[/|]\s*false\b|\byes\s*/\s*no\b", '"boolean"', text, flags=re.IGNORECASE)
    # '"phone": 电话或 null', '"date": "YYYY-MM-DD" または null': a union written in Chinese or Japanese words, and a
    # bare value in CJK words (a description of the value: "客户名称").
    text = re.sub(r"\s*(?:或者|或是|或|または|もしくは)\s*(?=null\b)", " or ", text)
    # ('"large_items": [文字列]': the same bare word as an array's item type)
    text = re.sub(r"([:\[]\s*)([^\x00-\x7f\s\"'{}\[\],:][^\"'{}\[\],:\n]*?)(\s*(?:[,}\]]|\sor\s))", r'\1"\2"\3', text)
    text = re.sub(r"([{,]\s*)([A-Za-z_][\w\-.]*)(\s*\??\s*:)", r'\1"\2"\3', text)
    text = re.sub(r'"\s*\?\s*:', '":', text)
    # '"rooms_affected": array of strings', "list of numbers": an array of that type
    text = re.sub(
        r":\s*(?:an?\s+)?(?:array|list)\s+of\s+(string|number|integer|boolean|object)s?\b",
        r': ["\1"]',
        text,
        flags=re.IGNORECASE,
    )
    # Bare values: type names, unions ("a" | "b"), arrays of types (string[]).
    text = re.sub(r":\s*([A-Za-z_][\w]*)\s*\[\]", r': ["\1"]', text)
    # `"YYYY-MM-DD" or null`, `"a" or "b"`: a union written in words.
    # ('"AAAA-MM-GG" o null', '"JJ/MM/AAAA" ou null', "string oder null": the same union in other languages)
    text = re.sub(
        r'("[^"\n]*"|\b[A-Za-z_]\w*)\s+(?:or|o|ou|oder|oppure|of)\s+(?=null\b|"|[A-Za-z_]\w*\s*[,}\]])', r"\1 | ", text
    )
    # `"YYYY-MM-DD" | null`, `number | null`: a nullable value, written as one union string.
    text = re.sub(r'"([^"\n]*)"\s*\|\s*null\b', r'"\1|null"', text)
    # '"regle": "R1".."R6"': a range of codes, written as one string
    text = re.sub(r'"([^"\s,:{}]{1,20})"\s*(?:\.\.\.?|…)\s*"([^"\s,:{}]{1,20})"', r'"\1..\2"', text)
    text = re.sub(r'"\s*\|\s*"', "|", text)
    text = re.sub(
        r"(:\s*|\[\s*|,\s*)([A-Za-z_][\w|\- ]*?)(\s*[,}\]])",
        lambda m: (
            m.group(1)
            + ('"' + m.group(2) + '"' if m.group(2) not in ("true", "false", "null") else m.group(2))
            + m.group(3)
        ),
        text,
    )
    text = re.sub(r",\s*([}\]])", r"\1", text)
    return json.loads(text)


def find_objects(text: str) -> list[FoundObject]:
    """JSON object literals in `text` (template slots `{{x}}` and `{x}` placeholders are skipped)."""
    found: list[FoundObject] = []
    index = text.find("{")
    while index != -1:
        if text.startswith("{{", index) or (index > 0 and text[index - 1] == "{"):
            index = text.find("{", index + 2)
            continue
        end = _balanced_end(text, index)
        if end is None:
            break
        literal = text[index:end]
        try:
            value = _loads_lenient(literal)
        except ValueError:
            value = None
        if isinstance(value, dict) and value and ":" in literal:
            found.append(FoundObject(value, index, end))
            index = text.find("{", end)
        else:
            index = text.find("{", index + 1)
    return found


# "integer 0-10", "number (kg)", "string, max 80 chars": a type name, then what narrows it
_BARE_TYPES = frozenset({"integer", "int", "number", "float", "decimal", "string", "str", "boolean", "bool"})
_QUALIFIED = re.compile(r"(?P<type>[A-Za-z]+)\b[\s,(:-]+(?P<rest>\S.*?)\)?$")
_RANGE = re.compile(r"^(?P<low>-?\d+(?:\.\d+)?)\s*(?:-|–|to|\.\.)\s*(?P<high>-?\d+(?:\.\d+)?)$")


def _qualified_type(text: str) -> dict[str, Any] | None:
    """ "integer 0-10" as {"type": "integer", "minimum": 0, "maximum": 10}; other words after a type name become
    its description. None when the text does not open with a type name."""
    match = _QUALIFIED.match(text.strip())
    if match is None or match.group("type").lower() not in _BARE_TYPES:
        return None
    if re.match(r"(?:of|the|a|an|that|which|with|for|from|or|and)\b", match.group("rest"), re.IGNORECASE):
        return None  # "string of the sender's words": a description in prose, not a narrowed type
    kind = _TYPE_NAMES[match.group("type").lower()]
    rest = match.group("rest").strip()
    bounds = _RANGE.match(rest)
    if bounds is not None and kind in ("integer", "number"):
        low, high = float(bounds.group("low")), float(bounds.group("high"))
        as_number = int if kind == "integer" else float
        return {"type": kind, "minimum": as_number(low), "maximum": as_number(high)}
    return {"type": kind, "description": rest}


_OR_NULL = re.compile(r"\s+(?:or|o|ou|oder|of|oppure|или)\s+null$", re.IGNORECASE)


# A key whose zero placeholder stands for money or a measure, decimals included ("total": 0, "unit_price": 0); a
# count or a score keeps integer ("line": 0, "total_items": 0, "violations": 0). Whole words of the key only.
_DECIMAL_WORDS = frozenset(
    {"price", "prices", "total", "amount", "cost", "costs", "fee", "fees", "sum", "balance", "subtotal", "vat", "tax",
     "discount", "rate", "weight", "kg", "height", "width", "length", "distance", "percent", "pct", "ratio",
     "temperature", "lat", "lon", "lng", "eur", "usd", "gbp", "chf", "betrag", "preis", "importe", "precio", "prix",
     "montant", "preco", "valor", "latitude", "longitude", "percentage", "proportion", "share", "avg", "average",
     "mean", "score_pct", "kwh", "liters", "litres", "km", "miles", "hours"}
)  # fmt: skip
_COUNT_WORDS = frozenset(
    {"items", "count", "qty", "quantity", "number", "num", "violations", "lines", "pages", "errors", "people", "nights"}
)


def _decimal_key(key: str) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z][a-z]*|[A-Z]+(?![a-z])", key)}
    return bool(words & _DECIMAL_WORDS) and not words & _COUNT_WORDS


def _schema_of(value: Any, key: str = "") -> dict[str, Any]:
    """A JSON Schema for one example value (type names become types; "a|b" becomes an enum)."""
    if isinstance(value, dict):
        if value.get("type") == "object" and isinstance(value.get("properties"), dict):
            return value
        return {
            "type": "object",
            "properties": {name: _schema_of(item, str(name)) for name, item in value.items()},
            "required": list(value),
            "additionalProperties": False,
        }
    if isinstance(value, list):
        return {"type": "array", "items": _schema_of(value[0])} if value else {"type": "array"}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "number"} if value == 0 and _decimal_key(key) else {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if value is None:
        return {}
    # "YYYY-MM-DD or null", "AAAA-MM-DD o null", "JJJJ-MM-TT oder null": a nullable value written in words
    text = _OR_NULL.sub("|null", str(value).strip())
    lowered = text.lower().rstrip("?")
    if lowered in _TYPE_NAMES:
        return {"type": _TYPE_NAMES[lowered]}
    qualified = _qualified_type(text) if "|" not in text else None
    if qualified is not None:
        return qualified
    if "|" in text:
        # "a | b | other 之一" ("one of"): the closing words belong to no option.
        text = re.sub(r"\s*(?:其中之一|之一|のいずれか|のどれか|のうち1つ)\s*$", "", text)
        options = [option.strip().strip("\"'") for option in text.split("|") if option.strip()]
        if len(options) == 2 and "null" in (o.lower() for o in options):
            other = next(o for o in options if o.lower() != "null")
            qualified = _qualified_type(other)
            if qualified is not None:
                return {**qualified, "type": sorted([qualified["type"], "null"])}
            kind = _TYPE_NAMES.get(other.lower(), "string")
            schema: dict[str, Any] = {"type": sorted([kind, "null"])}
            if other.lower() not in _TYPE_NAMES and not _CJK_CHAR.search(other):  # "电话" describes, not formats
                schema["description"] = f"Format: {other}"
            return schema
        lowered_options = {option.lower() for option in options}
        if lowered_options in ({"true", "false"}, {"true", "false", "null"}):
            # "needs_onsite": true|false: a boolean written as its two values, not a set of strings
            return {"type": ["boolean", "null"]} if "null" in lowered_options else {"type": "boolean"}
        types = {_TYPE_NAMES.get(option.lower()) for option in options}
        if None not in types and types:
            return {"type": sorted(t for t in types if t)} if len(types) > 1 else {"type": types.pop()}
        if "null" in lowered_options:
            # "left|right|null": two strings, or JSON null when there is none
            values: list[Any] = [o for o in options if o.lower() != "null"]
            return {"type": ["string", "null"], "enum": [*values, None]}
        if all(re.fullmatch(r"-?(?:0|[1-9]\d*)", option) for option in options):  # ("01|02" are codes)
            return {"type": "integer", "enum": [int(option) for option in options]}  # "punkte": 0|1|2
        return {"type": "string", "enum": options}
    return {"type": "string"}


def to_json_schema(value: dict[str, Any]) -> dict[str, Any]:
    """A JSON Schema for a brief's JSON literal or schema, keeping the brief's exact keys."""
    return _schema_of(value)


def schema_keys(schema: dict[str, Any]) -> list[str]:
    """The top-level property names of a JSON Schema."""
    properties = schema.get("properties")
    return list(properties) if isinstance(properties, dict) else []


_FIELD_NOUNS = (
    r"fields?|keys?|columns?|properties|attributes|campos|felder[n]?|spalten|champs|colonnes|propriedades|colunas|columnas|campi|"
    r"chiavi|velden|kolommen|schlüssel[n]?|claves|clés|chaves|sleutels|フィールド|項目"
)
# "Keys, exactly these:", "Keys exactly:", "Schlüssel genau so:", "Campos, exactamente estos:", "Clés (exactement) :":
# the words that stress the list is the whole key set, between the noun and its colon.
_EXACTLY = (
    r"(?:exactly(?:\s+(?:these|this|as\s+follows))?|these|only\s+these|as\s+follows|in\s+(?:this|that)\s+order|"
    r"genau(?:\s+(?:so|diese|wie\s+folgt))?|wie\s+folgt|exactamente(?:\s+(?:estos|estas|así))?|"
    r"exactement(?:\s+(?:ceux-ci|celles-ci|ainsi))?|exatamente(?:\s+(?:estes|estas|assim))?|"
    r"esattamente(?:\s+(?:questi|queste|così))?|precies(?:\s+(?:deze|zo))?|precisamente)"
)
_FIELDS_INTRO = re.compile(
    rf"\b(?:{_FIELD_NOUNS})\s*(?:are|is|sind|son|sont|são)?\s*[:=]\s*|"
    rf"\b(?:{_FIELD_NOUNS})\s*,?\s*\(?{_EXACTLY}\)?\s*[:=]\s*|"
    # "one CSV row matching this header:\n\nsku,brand,product_name": a CSV header row names the columns
    r"\bheader(?:\s+(?:row|line))?\s*:\s*(?=`?[A-Za-z_]\w*[ \t]*,[ \t]*[A-Za-z_])|"
    rf"\b(?:with|containing|including|has|having|mit|con|avec|com|met)\s+"
    r"(?:the\s+|exactly\s+|los\s+|las\s+|den\s+|die\s+|folgenden\s+|les\s+|des\s+|os\s+|i\s+|gli\s+|de\s+|volgende\s+)?"
    # ("con queste chiavi:", "con estas claves:", "mit diesen Feldern:", "avec ces champs :", "met deze velden:")
    r"(?:(?:these|following|siguientes|suivants|seguintes|seguenti|queste|questi|estas|estos|estes|diesen|ces|"
    r"deze|essas|esses)\s+)?"
    rf"(?:{_FIELD_NOUNS})\s*:?\s*|"
    r"\b(?:each|every)\s+(?:item|object|entry|element|row|record|result)\s+(?:has|have|with|contains|includes|having)"
    r"\s*:?\s*(?:the\s+)?(?:(?:fields?|keys?)\s*:?\s*)?|"
    r"\b(?:extract|pull\s+out|capture|collect|parse\s+out|grab|gather|get(?=\s*:|\s+the\s+following)|record|"
    r"ask\s+(?:the\s+\w+\s+)?for|obtain|request|"
    r"extrae|extrahiere|extrais|extraia|recoge|recopila|erfasse|sammle|recueille|colete|recolha)(?:\s*:\s*|\s+)"
    r"(?:each\s+\w+'s\s+|the\s+\w+'s\s+|(?:the|their|its|his|her|your)\s+|(?:the\s+)?following\s*:?\s*)?"
    r"(?:(?:fields?|keys?|values?)\s*:?\s+)?",  # "extract the fields account_id, ...": the noun is no field
    re.IGNORECASE,
)
_RETURN_INTRO = re.compile(
    r"\b(?:return|output|give\s+me|produce|devuelve|gib|retourne|retorne)\s+(?:only\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
# "in the output columns", "of your output", "la sortie": an article or a possessive makes the word a noun.
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|your|our|their|this|that|each|every|any|no)\s+$", re.IGNORECASE)
_STRUCTURED_CONTEXT = re.compile(r"\b(?:json|fields?|keys?|columns?|csv|object|yaml|dict|record)\b", re.IGNORECASE)
# "cooking time in minutes", "price in euros": a unit belongs to the field, it does not end the list
_UNITS = (
    r"(?:milli)?seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|ms|cents?|dollars?|euros?|"
    r"pounds?|usd|eur|gbp|kg|kilograms?|grams?|g|lbs?|km|kilometers?|kilometres?|miles?|meters?|metres?|cm|mm|"
    r"inches|feet|celsius|fahrenheit|degrees|percent(?:age)?|bytes|kb|mb|gb"
)
# A list ends at a sentence end, a dash, ", then ..." or a preposition that starts the rest of the sentence; an
# aside in parentheses ("invoice_date (YYYY-MM-DD)") stays inside it.
_FIELD_END = re.compile(
    r"[.;!?\n]\s|[.;!?]$|[）。；！？]|\s[-–—]\s|,?\s+then\s|"
    r"\s(?:aus|zurück)(?=[.;!?\n]|$)|"  # "gib … JSON mit den Feldern ort, datum aus.": the verb's particle
    r"\s(?:as|in(?!\s+(?:" + _UNITS + r")\b)|into|from|for|if|when|using|before|after|until|unless|so\s+that|because)"
    r"\s(?![^()]*\))|"
    r",\s+(?:where|whereby|with)\s"  # "ticket_id, status and priority, where status is one of …": a note on a field
)


_NOT_FIELD = re.compile(
    r"\b(?:json|csv|yaml|xml|markdown|text|object|only|no|not|nothing|commentary|summary\s+of|it|them|this|that)\b",
    re.IGNORECASE,
)


class FoundFields(NamedTuple):
    """Named output fields and where they are listed."""

    values: list[str]
    start: int
    end: int
    collect: bool = False
    """Gathered from the user in conversation ("collect name, phone and email"), not returned as output fields."""


_COLLECT_VERB = re.compile(
    r"^(?:collect|gather|ask|obtain|request|recoge|recopila|sammle|recueille|colete|recolha)", re.I
)
_FROM_SOURCE = re.compile(
    r"\b(?:from|in|out\s+of|aus|de|desde)\s+(?:the\s+|each\s+|every\s+|all\s+|our\s+)?(?:\w+\s+)?(?:documents?|emails?|"
    r"pdfs?|invoices?|texts?|messages?|transcripts?|resumes?|cvs?|notes?|files?|pages?|forms?|receipts?|tickets?|"
    r"reports?|contracts?|records?|logs?)\b|\bjson\b|\bcsv\b|\bextract",
    re.I,
)


_NEGATED = re.compile(r"\b(?:never|not|don'?t|don’t|no|nunca|nie|niemals|jamais|ne|não)\s+(?:\w+\s+)?$", re.IGNORECASE)


# The user, not the assistant, is the one asking ("if they ask for a refund", "when customers request a quote")
_THEIR_REQUEST = re.compile(
    r"(?:\b(?:they|he|she|someone|anyone)|\b(?:if|when|whenever|once|unless|until)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:customers?|users?|guests?|callers?|clients?|patients?|parents?|residents?|members?|visitors?|applicants?))"
    r"\s+(?:(?:also|only|just|explicitly|specifically)\s+)?$",
    re.IGNORECASE,
)


def _collected(intro: str, text: str) -> bool:
    """Whether the fields are asked of the user in conversation, not read from a document into an output."""
    return bool(_COLLECT_VERB.match(intro.strip())) and not _FROM_SOURCE.search(text)


def describe_collected(values: list[str], text: str = "") -> str:
    """The imperative sentence for details to gather from the user."""
    return f"Collect these details from the user: {', '.join(with_notes(values, text) if text else values)}."


def _colon_outside_parentheses(text: str) -> int:
    """The index of the last colon not inside parentheses, or -1."""
    depth, found = 0, -1
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ":" and depth == 0:
            found = index
    return found


def _field_list_end(text: str, start: int) -> int:
    """Where a field list that starts at `start` ends: at a sentence or clause boundary, not at the full stop of an
    abbreviation inside it ("dosierschema (z. B. "1-0-1-0"), bedarf")."""
    for boundary in _FIELD_END.finditer(text, start):
        mark = boundary.start()
        if text[mark] == "." and is_abbreviation(text, mark):
            continue
        return mark
    return len(text)


def find_fields(text: str) -> FoundFields | None:
    """Named output fields in one clause: "fields: a, b, c", "extract name, email and company"."""
    cjk = find_cjk_fields(text)
    if cjk is not None:
        return cjk
    if "," not in text and " | " not in text and not re.search(r"\s(?:and|or|und|et|y|e)\s", text):
        return None  # a field list needs at least two items
    candidates = [*_FIELDS_INTRO.finditer(text), *JSON_FIELDS_INTRO.finditer(text), *ITEM_FIELDS_INTRO.finditer(text)]
    if _STRUCTURED_CONTEXT.search(text):
        candidates += list(_RETURN_INTRO.finditer(text))
    for intro in sorted(candidates, key=lambda m: m.start()):
        if _NEGATED.search(text, 0, intro.start()):
            continue  # "never ask for their name, address or school" forbids collecting them
        if intro.re is _RETURN_INTRO and _NOUN_BEFORE.search(text, 0, intro.start()):
            continue  # "member_id never in the output columns": "the output" is a noun there, no verb that lists
        if _THEIR_REQUEST.search(text, 0, intro.start()) and _COLLECT_VERB.match(intro.group(0).strip()):
            continue  # "= OBJECTION if they ask for conditions or refusal": what the user asks for, not to collect
        if arrives_as_input(text, intro.end()) and not _COLLECT_VERB.match(intro.group(0).strip()):
            continue  # "For each one you get: question_id, question, …": the input's fields, never the reply's
        start = intro.end()
        end = _field_list_end(text, start)
        if intro.group(0).rstrip().endswith("{"):  # "JSON like {sku, qty}": the brace closes the list
            end = min(end, text.find("}", start) % (len(text) + 1))
        listed = text[start:end].rstrip(":")
        colon = _colon_outside_parentheses(listed)
        if colon >= 0:  # "extract from resumes: name, email" lists after the colon ("(one of: a, b)" is an aside)
            start += colon + 1
            listed = text[start:end]
        start += len(listed) - len(listed.lstrip())
        # "return JSON: {name, email, company}", "with these keys (guest_name, room, nights)": the keys inside
        braced = re.match(r"\{([^{}:]*)\}", listed.strip()) or _PARENTHESISED.match(listed.strip())
        if braced is not None:
            start += 1
            listed = braced.group(1)
            end = start + len(listed)
        json_intro = any(p.fullmatch(intro.group(0)) for p in (JSON_FIELDS_INTRO, ITEM_FIELDS_INTRO))
        if json_intro:
            listed = LIST_OF.sub("", listed)  # "a summary and a list of action items": the field is `action items`
        items = split_items(without_ranges(listed), last_trim=True)
        if items and _DUTCH_LIST.search(intro.group(0)):
            items = _dutch_split(items)
        if items and json_intro:
            items = key_names(items)
        if items and intro.re is _RETURN_INTRO and any(value_format(item) for item in items):
            continue  # "Output pounds with 2 decimals, column names ending in _gbp": how values look, no field list
        if items and not any(_NOT_FIELD.search(item) for item in items):
            return FoundFields(items, start, end, _collected(intro.group(0), text))
    return _identifier_list(text)


# "(guest_name, room, checkin_date, nights)": a key list wrapped whole in parentheses right after its intro.
_PARENTHESISED = re.compile(r"\(([^()]*,[^()]*)\)\s*$")
# "met de velden adres, storing en urgentie": a Dutch list joins its last two keys with "en".
_DUTCH_LIST = re.compile(r"\b(?:met|velden|sleutels|kolommen)\b", re.IGNORECASE)
_DUTCH_AND = re.compile(r"^(?P<first>[\w-]+)\s+en\s+(?P<last>[\w-]+)$", re.IGNORECASE)


def _dutch_split(items: list[str]) -> list[str]:
    """A Dutch list's last item "urgentie en monteur" as its two keys."""
    joined = _DUTCH_AND.match(items[-1])
    return [*items[:-1], joined.group("first"), joined.group("last")] if joined else items


# "return candidate_name, email, years_experience (integer)": snake_case names are keys wherever they are listed.
_IDENTIFIER_LIST = re.compile(
    r"\b(?:return|output|give\s+me|produce|with|fill|populate)\s+(?:only\s+)?(?:the\s+)?"
    r"(?P<list>[A-Za-z_][\w]*(?:\s*\([^()]*\))?(?:\s*,\s*(?:and\s+)?[A-Za-z_][\w]*(?:\s*\([^()]*\))?)+)",
    re.IGNORECASE,
)


def _identifier_list(text: str) -> FoundFields | None:
    match = _IDENTIFIER_LIST.search(text) if "_" in text else None
    if match is None:
        return None
    items = split_items(match.group("list"), last_trim=False)
    if not items or sum("_" in item for item in items) < 2:
        return None
    return FoundFields(items, match.start("list"), match.end("list"))


# CJK field lists: "提取：姓名、电话、邮箱" / "字段名用 name, phone, email" (explicit key names win).
_CJK_KEYS = re.compile(
    r"(?:字段名?|键名?|キー名?|フィールド名?|项目名?)(?:用|为|は|：|:)\s*(?P<list>[\w\s,，、/]+?)(?:[。；;]|$)"
)
_CJK_ITEM = r"[^：:。；;，,、\n]{1,12}"
_CJK_FIELDS = re.compile(
    r"(?:提取|抽取|收集|获取|记录|抽出|取得|取り出|整理出|询问|聞き取)(?:出|し)?[：:]?\s*"
    rf"(?P<list>{_CJK_ITEM}(?:\s*、\s*{_CJK_ITEM})+|{_CJK_ITEM}(?:\s*[，,]\s*{_CJK_ITEM})+)"
)


# A piece of a CJK list that is an instruction ("只输出JSON", "格式", "不要解释"), not a field: the list ends there.
_CJK_NOT_FIELD = re.compile(
    r"输出|出力|格式|形式|json|只|请|不要|禁止|必须|以下|如下|のみ|しない|ください", re.IGNORECASE
)
# Keys the brief writes in Latin script ("buyer", "tea_type") or a JSON example: those are the fields, not the CJK
# words around them.
_LATIN_KEYS = re.compile(r"\{|(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


# "… のいずれか / のどれか / のうち1つ", "… 之一 / 中的一个 / 任选其一": a choice among the listed values.
_CJK_CHOICE = re.compile(r"\s*(?:の(?:いずれか|どれか|うち|中から)|之一|中的一个|其中之一|其中一个|任选|中选)")
_LATIN_LIST = re.compile(r"(?<![\w.])(?P<list>[A-Za-z_]\w*(?:\s*[、，,/]\s*[A-Za-z_]\w*)+)")


def _latin_keys(text: str) -> FoundFields | None:
    """ "请提取 buyer_name、phone、order_date": keys listed in Latin script; none when a JSON example holds them."""
    if "{" in text:
        return None
    for match in _LATIN_LIST.finditer(text):
        if re.search(r"\w\([^()]*$", text[: match.start()]):
            # "get_schedule(store_id, date)", "verify_employee(employee_id: str, birth_mmdd: str)": a tool's
            # parameters (and their types), not output fields
            continue
        if _CJK_CHOICE.match(text, match.end("list")):
            continue  # "plan は standard / deep_clean / cooking のいずれか": the values one thing takes, no keys
        items = [item.strip() for item in re.split(r"\s*[、，,/]\s*", match.group("list"))]
        if len(set(items)) == len(items) and any("_" in item for item in items):
            return FoundFields(items, match.start("list"), match.end("list"))
    return None


# Japanese puts the verb last: "メールから氏名、電話番号、住所を抽出してください".
_JA_FIELDS = re.compile(
    rf"(?:から|より|の中から)?(?P<list>{_CJK_ITEM}(?:\s*、\s*{_CJK_ITEM})+)を(?:抽出|取り出|抜き出|記録|聞き取|取得)"
)


_JA_VERB = re.compile(r"を(?:抽出|取り出|抜き出|記録|聞き取|取得)")


def find_cjk_fields(text: str) -> FoundFields | None:
    """A Chinese or Japanese field list: explicit key names first, then the named items after an extract verb."""
    if not _CJK_CHAR.search(text):
        return None
    for pattern in (_CJK_KEYS, _CJK_FIELDS, _JA_FIELDS):
        if pattern is not _CJK_KEYS and _LATIN_KEYS.search(text):
            return _latin_keys(text)
        if pattern is _JA_FIELDS:
            # The verb ends the list: search only just before it, so that a long 、 list with no such verb is not
            # scanned from every one of its positions (quadratic).
            verb = _JA_VERB.search(text)
            match = pattern.search(text, max(0, verb.start() - 200), verb.end()) if verb is not None else None
        else:
            match = pattern.search(text)
        if match is None:
            continue
        items = [item.strip() for item in re.split(r"\s*[、，,/]\s*", match.group("list")) if item.strip()]
        items = [re.sub(r"^(?:和|及|以及|と|や)", "", item) for item in items]
        items[0] = re.split(r"から|より", items[0])[-1].strip()  # "メールから氏名": the source is no field
        # The last item runs into the rest of the sentence only up to a verb such as 输出/并/以.
        items[-1] = re.split(r"(?:并|以|输出|出力|を|，|然后)", items[-1])[0].strip()
        cut = next((i for i, item in enumerate(items) if _CJK_NOT_FIELD.search(item)), len(items))
        items = [item for item in items[:cut] if item]
        if len(items) >= 2 and all(items) and len(set(items)) == len(items):
            start = match.start("list") + max(0, match.group("list").find(items[0]))
            return FoundFields(items, start, match.end("list"))
    return None


def describe_schema(keys: list[str], schema: dict[str, Any] | None = None) -> str:
    """The imperative sentence for a schema constraint; a key with a numeric range shows it ("adecuacion (0-3)")."""
    if not keys:
        return "Return JSON that follows the schema given in the brief."
    properties = (schema or {}).get("properties", {})
    named = []
    for key in keys:
        prop = properties.get(key) if isinstance(properties, dict) else None
        low, high = (prop.get("minimum"), prop.get("maximum")) if isinstance(prop, dict) else (None, None)
        named.append(
            f"{key} ({low:g}-{high:g})" if isinstance(low, int | float) and isinstance(high, int | float) else key
        )
    return f"Return a JSON object with exactly these keys: {', '.join(named)}."


def describe_fields(values: list[str], text: str = "") -> str:
    """The imperative sentence for a field list; `text` is where the brief lists it (for the asides it writes)."""
    return f"Return exactly these fields: {', '.join(with_notes(values, text) if text else values)}."


# "Output these fields, one per line as `field: value`, in this order:\n\nwound_location\nwound_type (one of: …)":
# a line that introduces fields, then one field name per line (an aside after it stays with it).
_FIELD_LINES = re.compile(
    rf"(?im)^(?P<intro>[^\n]*\b(?:{_FIELD_NOUNS})\b[^\n]*):[ \t]*\n(?:[ \t]*\n)?"
    r"(?P<lines>(?:[ \t]*(?:(?:[-*•]|\d{1,2}[.)])[ \t]*)?`?[A-Za-z_][\w]*`?"
    r"(?:[ \t]*(?:\([^\n]*\)|[-–—:][^\n]*))?[ \t]*(?:\n|$)){2,})"
)
# "one per line", "as `field: value`", "Feld: Wert": each field written on a line of its own, not a JSON object.
_PER_LINE = re.compile(
    r"\bone\s+per\s+line\b|\beach\s+on\s+(?:its\s+own|a\s+new)\s+line\b|`?\bfield\s*:\s*value\b`?|"
    r"\bkey\s*:\s*value\b|\bfeld\s*:\s*wert\b|\bcampo\s*:\s*valor\b|\bchamp\s*:\s*valeur\b|\buna\s+por\s+l[íi]nea\b|"
    r"\beins?\s+pro\s+zeile\b|\bun\s+par\s+ligne\b",
    re.IGNORECASE,
)


# The introducing sentence describes an input ("the table has these columns") or details to gather in a chat
# ("collect these fields"): the lines under it are no fields of the reply.
_NOT_OUTPUT_INTRO = re.compile(r"\b(?:has|have|contains?)\s+(?:these|the\s+following)\b", re.IGNORECASE)
_COLLECT_INTRO = re.compile(r"\b(?:collect|gather|ask\s+(?:for|about))\b", re.IGNORECASE)
# "The orders table columns:", "Our CRM export fields:": the list describes a table or file that comes in, unless the
# sentence asks for output ("Output a table with these columns:").
_INPUT_NOUN = re.compile(r"\b(?:tables?|exports?|spreadsheets?|sheets?|csv|database|schema|dataset|warehouse)\b", re.I)
_OUTPUT_VERB = re.compile(r"\b(?:output|return|give|write|produce|fill|extract|capture|reply|respond)\b", re.I)


_LINE_MARKER = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])?\s*")


class FieldLines(NamedTuple):
    """Field names listed one per line under an introducing line, and whether they are written as lines."""

    values: list[str]
    start: int
    end: int
    intro_start: int
    as_lines: bool
    collect: bool = False
    """Details to gather from the user in conversation ("collect these fields:"), not fields to return."""


def field_lines(text: str) -> FieldLines | None:
    """The field names a brief lists one per line after a line that introduces them, if any."""
    if "\n" not in text:
        return None
    match = _FIELD_LINES.search(text)
    if match is None:
        return None
    intro = re.split(r"(?<=[.!?])\s+", match.group("intro"))[-1]  # the sentence that introduces the list
    json_keys = re.search(r"\bjson\b", intro, re.IGNORECASE) is not None  # "JSON with these keys:": no lines
    collect = _COLLECT_INTRO.search(intro) is not None
    if not collect and (
        _NOT_OUTPUT_INTRO.search(intro) or (_INPUT_NOUN.search(intro) and not _OUTPUT_VERB.search(intro))
    ):
        return None  # "The orders table has these columns:", "Export columns:": an input described, not the reply
    names = [
        _LINE_MARKER.sub("", line).split("(")[0].split(":")[0].split()[0].strip("`")
        for line in match.group("lines").splitlines()
        if line.strip()
    ]
    identifiers = sum(1 for name in names if "_" in name or name.islower())
    if len(names) < 2 or identifiers < len(names) or _NOT_FIELD.fullmatch(names[0]):
        return None
    as_lines = not collect and not json_keys and bool(_PER_LINE.search(intro))
    return FieldLines(names, match.start("lines"), match.end("lines"), match.start(), as_lines, collect)


def describe_field_lines(values: list[str], text: str = "") -> str:
    """The imperative sentence for fields written one per line."""
    listed = ", ".join(with_notes(values, text) if text else values)
    return f"Write exactly these fields, one per line as `field: value`, in this order: {listed}."

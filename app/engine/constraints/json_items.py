"""The user's JSON structure in plain words: the keys of each item of a JSON list ("a JSON array of objects with sku,
qty and price", "a list of JSON objects, each with title, author and year", "each item should have name and price"),
and the values one named field may take ("urgency is low, medium or high", "sentiment: positive / negative / neutral").
"""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.label_wording import describe_labels
from app.engine.constraints.model import BriefSpan, Constraint

_WITH = (
    r"(?:with|containing|having|that\s+(?:has|have|contains?)|which\s+(?:has|have|contains?)|con|mit|avec|"
    r"contenant|com|contendo|met|die\s+(?:enthalten|haben))"
)
_KEY_NOUNS = (
    r"(?:(?:the|these|following|los|las|die|den|les|os|as|i|gli|de)\s+)*(?:(?:fields?|keys?|properties|attributes|"
    r"campos|claves|feldern|felder|schlüsseln|champs|clés|propriedades|chaves|campi|chiavi|velden)\s*:?\s*)?"
)
# "a JSON array of objects with", "a list of JSON objects, each with", "an array of order objects containing the
# fields", "un array JSON de objetos con", "ein JSON-Array mit Objekten mit", "un tableau JSON d'objets avec",
# "um array JSON de objetos com", "un array JSON di oggetti con", "een JSON-array van objecten met": the keys each
# item of the reply's list holds.
ITEM_FIELDS_INTRO = re.compile(
    r"\b(?:json[\s-]+)?(?:array|list|arreglo|lista|liste|tableau|matriz|elenco|lijst)(?:[\s-]+json)?\s+"
    r"(?:of|de|d['’]|von|aus|mit|di|van)\s*(?:json\s+)?(?:[a-z]+\s+)?"
    r"(?:objects?|objetos|objekten|objets|oggetti|objecten)(?:\s+json)?\s*,?\s*"
    rf"(?:(?:each|every|cada\s+uno|jeweils|chacun|ognuno|elk)\s+(?:one\s+)?)?{_WITH}\s+{_KEY_NOUNS}|"
    # "Each item should have name and price", "each element must contain id and url", "every entry needs title and
    # date" ("each option with a title and a blurb" in a prose reply names no keys: only a JSON list's items do)
    r"\b(?:each|every)\s+(?:item|object|entry|element|record|row|result)\s+"
    r"(?:(?:should|must|will|needs?\s+to|has\s+to)\s+(?:have|has|contain|include)|needs)\s*:?\s*"
    rf"{_KEY_NOUNS}",
    re.IGNORECASE,
)


# A field, then what it may be: "urgency is low, medium or high", "status can be open, closed or pending", "priority
# must be P1, P2 or P3", "sentiment: positive / negative / neutral", "urgencia es baja, media o alta".
_MAY_BE = (
    r"\s*(?:is|are|can\s+be|may\s+be|must\s+be|should\s+be|will\s+be|has\s+to\s+be|takes|es|puede\s+ser|debe\s+ser|"
    r"ist|kann|muss|est|peut\s+être|doit\s+être|é|pode\s+ser|deve\s+ser|è|può\s+essere|deve\s+essere|kan\s+zijn|"
    r"moet\s+zijn|[:=])\s*(?:(?:always\s+|exactly\s+)?(?:one\s+of|either|any\s+of)\s*:?\s*)?"
)
_VALUE = r"[\"'“‘`]?\w(?:[\w+\-./]*[\w+\-])?(?:\s\w[\w+\-]*){0,2}[\"'”’`]?"
_OR = r"(?:or|oder|o|ou|of|oppure)"
_VALUES = re.compile(
    rf"(?P<values>{_VALUE}(?:\s*(?:,|\s/|/|\|)\s*{_VALUE})*(?:,?\s+{_OR}\s+{_VALUE}|\s*(?:/|\|)\s*{_VALUE}))"
    r"\s*(?=[.;)\n]|,\s|$|\s(?:and|und|y|et|e|en)\s)",
    re.IGNORECASE,
)
# The words that open a description or a clause, never a value ("summary is a short sentence or two").
_NOT_VALUE = re.compile(
    r"^(?:a|an|the|in|on|at|of|for|to|with|from|by|as|if|when|not|no|any|some|its|their|one|two|un|una|uno|une|"
    r"ein|eine|der|die|das|le|la|el|il|o|um|uma|de|what|how|which|who|where|why|whether|written|given|based|"
    r"always|never|only|usually|mostly|set|left|empty|null|string|number|integer|boolean|text|"
    # "total is 8 or more": a threshold, no value list
    r"more|less|fewer|higher|lower|greater|above|below|over|under|later|earlier|so|similar|equal)\b",
    re.IGNORECASE,
)


# The field opens its clause: "…; urgency is …", "Status can be …", "and the priority must be …", "where status is …".
_ARTICLE = r"(?:(?:the|its|their|each|every|el|la|los|las|der|die|das|le|les|il|lo|o|a|de|het)\s+)*"
_OPENS_CLAUSE = re.compile(
    rf"(?:^|[.;:,!?(\n\-–—•*])\s*(?:(?:also|then|so)\s+)?{_ARTICLE}$|"
    rf"\s(?:and|but|where|while|whereas|y|und|et|e|en)\s+{_ARTICLE}$",
    re.IGNORECASE,
)


# "dringend = true bei Sturz, Verdacht auf … oder Gewalt", "urgent: true when …, if …": a boolean's value, then the
# cases that make it so; the list after it is a condition, never the key's values.
_CONDITIONED_BOOLEAN = re.compile(
    r"^[\"'“‘`]?(?:true|false|yes|no|ja|nein|wahr|falsch|vrai|faux|oui|non|verdadero|falso|sí|si|sim|não|vero|"
    r"waar|onwaar)[\"'”’`]?\s+\w",
    re.IGNORECASE,
)


def _split_values(listed: str) -> list[str] | None:
    """ "low, medium or high", "positive / negative / neutral", "'open', 'closed' or 'pending'" as their values;
    None when a piece is no short value ("a short sentence", "in English") or the list is a boolean's condition."""
    if _CONDITIONED_BOOLEAN.match(listed.strip()):
        return None
    pieces = re.split(rf"\s*(?:,|\s/\s|/|\|)\s*(?:{_OR}\s+)?|\s+{_OR}\s+", listed.strip(), flags=re.IGNORECASE)
    values = [piece.strip().strip("\"'“”‘’`").strip() for piece in pieces if piece.strip()]
    if len(values) < 2 or len({v.lower() for v in values}) != len(values):
        return None
    if {v.lower() for v in values} == {"yes", "no"}:
        return values  # "gas_safe = yes/no": a column's two answers ("no" opens no clause here)
    if any(_NOT_VALUE.match(v) or len(v.split()) > 3 or len(v) > 30 for v in values):
        return None
    return values


def _texts(brief: Brief) -> list[tuple[str, str, int | None]]:
    """The brief's free texts a field's values may be stated in: (field, text, index)."""
    texts: list[tuple[str, str, int | None]] = [("task", brief.task, None)]
    texts.extend(("constraints", entry, index) for index, entry in enumerate(brief.constraints))
    return texts


def _find_values(name: str, text: str) -> re.Match[str] | None:
    """Where the brief states the values of field `name` ("urgency is low, medium or high"), or None."""
    words = re.split(r"[\s_]+", name.strip().strip("`'\""))
    pattern = r"(?<![\w-])[`'\"]?" + r"[\s_]+".join(re.escape(word) for word in words) + r"[`'\"]?"
    for found in re.finditer(pattern + _MAY_BE, text, re.IGNORECASE):
        if text.rfind("{", 0, found.start()) > text.rfind("}", 0, found.start()):
            continue  # '{"card_expiry": "MM/YY"}': a JSON literal's own value, read with its schema
        if not _OPENS_CLAUSE.search(text, 0, found.start()):
            continue  # "the input type is PDF or DOCX": another thing's type, not the field `type`
        values = _VALUES.match(text, found.end())
        if values is not None and _split_values(values.group("values")) is not None:
            return values
    return None


# "urgence : HAUTE si fuite d'eau …, sinon NORMALE", "priority: HIGH if …, LOW otherwise": a code per case, and the
# code for every other case; together they are the field's values. Only codes written in capitals (or quoted) count,
# so that prose ("short if …, otherwise two sentences") is never read as a value list.
_CODE = r"(?:[A-Z][A-Z0-9_-]+|\"[^\"\n]{1,30}\"|'[^'\n]{1,30}')"
_IF = r"(?:if|when|si|se|wenn|falls|als|cuando|quand|lorsque|quando|indien)"
_ELSE = (
    r"(?:otherwise|else|sinon|sonst|ansonsten|altrimenti|si\s+no|sino|de\s+lo\s+contrario|en\s+otro\s+caso|"
    r"senão|caso\s+contrário|anders|zo\s+niet)"
)
_CASE_CODE = re.compile(rf"(?:^|[,;]\s*|\s)(?P<code>{_CODE})\s+{_IF}\b")
_ELSE_CODE = re.compile(rf"(?:^|[,;(]\s*|\s){_ELSE}\s*,?\s*(?P<code>{_CODE})(?=\s*(?:[.,;)]|$))", re.MULTILINE)


def _case_values(name: str, text: str) -> tuple[list[str], int, int] | None:
    """The codes a field takes case by case ("urgence : HAUTE si …, sinon NORMALE"), with their extent, or None."""
    words = re.split(r"[\s_]+", name.strip().strip("`'\""))
    key = (
        r"(?m)^\s*(?:[-*•]|\d{1,2}[.)])?\s*[`'\"]?" + r"[\s_]+".join(re.escape(w) for w in words) + r"[`'\"]?\s*[:=]\s*"
    )
    for found in re.finditer(key, text, re.IGNORECASE):
        line_end = text.find("\n", found.end())
        line = text[found.end() : line_end if line_end >= 0 else len(text)]
        first = _CASE_CODE.match(line)
        last = _ELSE_CODE.search(line)
        if first is None or last is None:
            continue
        codes = [m.group("code") for m in _CASE_CODE.finditer(line, 0, last.start())] + [last.group("code")]
        values = [code.strip("\"'") for code in codes]
        if len(values) >= 2 and len({v.lower() for v in values}) == len(values):
            return values, found.end(), found.end() + last.end()
    return None


def _named_fields(found: list[Constraint]) -> list[str]:
    """The reply's keys the brief names: its field lists (not details to collect in a chat) and its schema's keys."""
    names: list[str] = []
    for c in found:
        if (c.kind == "fields" and c.value != "collect") or c.kind == "schema":
            names.extend(v for v in c.values if v not in names)
    return names


def _boolean_keys(found: list[Constraint]) -> set[str]:
    """The keys a pasted schema types as booleans ("true/false", "boolean | null")."""
    keys: set[str] = set()
    for c in found:
        properties = (c.schema or {}).get("properties") if c.kind == "schema" else None
        for key, prop in (properties or {}).items():
            kind = prop.get("type") if isinstance(prop, dict) else None
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if "boolean" in kinds and kinds <= {"boolean", "null"}:
                keys.add(key)
    return keys


def field_value_sets(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """Each named field whose values the brief lists gets a label set scoped to it ("Urgency is exactly one of: low,
    medium, high."); a label set already read from there is scoped to the field instead of labelling the reply."""
    names = _named_fields(found)
    if not names:
        return found
    out = list(found)
    booleans = _boolean_keys(found)
    for name in names:
        if any(c.kind == "labels" and c.scope and c.scope.lower() == name.lower() for c in out):
            continue  # "where status is one of open/closed": already the field's own values
        if name in booleans:
            continue  # '"dringend": true/false' then "dringend = true bei …": the key's cases, no string values
        for field, text, index in _texts(brief):
            stated = _find_values(name, text)
            if stated is not None:
                values = _split_values(stated.group("values")) or []
                start, end = stated.start("values"), stated.end("values")
            else:
                cases = _case_values(name, text)
                if cases is None:
                    continue
                values, start, end = cases
            span = BriefSpan(
                field="task" if field == "task" else "constraints", index=index, start=start, end=end,
                text=text[start:end],
            )  # fmt: skip
            label = Constraint(
                kind="labels", text=f"{_capitalised(name)} is exactly one of: {', '.join(values)}.", span=span,
                values=values, scope=name,
            )  # fmt: skip
            out = [c for c in out if not _same_set(c, label)]
            out.append(label)
            break
    return out


# The line or clause a label set sits in opens with a key: "- work_done is a list, values only from: full_set, trim",
# "anliegen: genau einer von reparatur, …". (A bullet or a number may mark the line.)
_CLAUSE_MARK = re.compile(r"[\n;]|[.!?]\s")
_LINE_OPEN = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])?\s*[`'\"]?(?P<key>[^\W\d][\w.-]*)[`'\"]?(?=[\s:=(,])", re.UNICODE)
_A_LIST = re.compile(
    r"\b(?:list|array|lista|liste|tableau|elenco|lijst|one\s+or\s+more|several|mehrere|varios)\b", re.I
)


def _key_of_clause(names: list[str], text: str, start: int) -> tuple[str, bool] | None:
    """The named key that opens the clause a value list at `start` sits in, and whether that key holds a list."""
    opening = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)), default=0)
    before = text[opening:start]
    opened = _LINE_OPEN.match(before)
    if opened is None or len(before.split()) > 10:
        return None
    key = next((name for name in names if name.lower() == opened.group("key").lower()), None)
    lowered = before.lower()
    if key is None or any(name != key and re.search(rf"\b{re.escape(name.lower())}\b", lowered) for name in names):
        return None
    return key, _A_LIST.search(before[opened.end() :]) is not None


def keyed_label_sets(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """A label set written in the clause a named key opens ("work_done is a list, values only from: a, b") holds that
    key's values, never one label for the whole reply."""
    names = _named_fields(found)
    if not names:
        return found
    out = []
    keys = {name.lower() for name in names}
    for c in found:
        span = c.span
        if c.kind == "labels" and c.scope in (None, "label") and any(v.lower() in keys for v in c.values):
            # '"motivo": one of A, B, "menor_posible": …' read as one list: a key of the reply is never a label
            kept = [v for v in c.values if v.lower() not in keys]
            if len(kept) < 2:
                continue
            c = msgspec.structs.replace(c, values=kept, text=describe_labels(kept, c.multi))
        if c.kind != "labels" or c.scope not in (None, "label") or span is None:
            out.append(c)
            continue
        text = brief.task if span.field == "task" else _entry(brief, span.index)
        owner = _key_of_clause(names, text, span.start)
        if owner is None:
            out.append(c)
            continue
        key, many = owner
        said = f"Each {key} value is one of" if many else f"{_capitalised(key)} is exactly one of"
        out.append(Constraint(kind="labels", text=f"{said}: {', '.join(c.values)}.", span=span, values=c.values,
                              multi=many, scope=key))  # fmt: skip
    return out


def _entry(brief: Brief, index: int | None) -> str:
    return brief.constraints[index] if index is not None and index < len(brief.constraints) else ""


def _same_set(c: Constraint, label: Constraint) -> bool:
    """Whether `c` is the same value list read as the whole reply's labels (or a rule that only restates it)."""
    if c.span is None or label.span is None or c.span.field != label.span.field or c.span.index != label.span.index:
        return False
    overlaps = c.span.start < label.span.end and label.span.start < c.span.end
    if c.kind == "labels":
        return overlaps and {v.lower() for v in c.values} == {v.lower() for v in label.values}
    # "Priority must be P1, P2 or P3." kept as a rule says no more than the field's value set
    return c.kind == "requirement" and overlaps and len(c.span.text) <= len(label.span.text) + 40


def _capitalised(word: str) -> str:
    return word.capitalize() if word.replace(" ", "").isalpha() and word.islower() else word

"""A closed value set for list keys: the other keys the sentence names with the first ("elogios e queixas só com
estas etiquetas"), and the most items each list may hold ("máx. 3 em cada", "(0 à 3)", "up to 3 per list")."""

from __future__ import annotations

import re
from typing import Any

from app.engine.brief import Brief
from app.engine.constraints import label_wording
from app.engine.constraints.model import BriefSpan, Constraint

# "flags and warnings", "elogios e queixas", "motivos y alertas", "raisons et signaux", "gründe und hinweise"
_JOINED_KEY = re.compile(r"\s*(?:,|\band\b|\be\b|\by\b|\bet\b|\bund\b|\ben\b|&)\s*(?P<key>[A-Za-z_]\w*)\b", re.I)
_FIRST_KEY = re.compile(r"\s*(?:[-*•]\s*)?(?:(?:the|el|la|le|les|der|die|das|il|lo|o|a|os|as|het|de)\s+)?[A-Za-z_]\w*")
# "max. 3", "máx. 3 em cada", "at most 3", "up to 3", "hasta 3", "jusqu'à 3", "höchstens 3", "(0 à 3)", "(0-3)"; a
# number with a unit after it ("max 20 words") is a length, not a count of items.
_MOST = re.compile(
    r"(?:\b(?:max(?:imum)?|máx(?:imo)?|at\s+most|up\s+to|no\s+more\s+than|hasta|como\s+m[aá]ximo|jusqu'à|jusqu’à|"
    r"au\s+plus|höchstens|bis\s+zu|fino\s+a|al\s+massimo|até|no\s+m[aá]ximo|hooguit|maximaal)\.?\s*"
    r"|\(\s*[01]\s*(?:à|a|to|-|–|bis|até|al)\s*)"
    r"(?P<n>\d{1,2})(?!\s*(?:\)\s*)?(?:words?|palavras|palabras|mots|wörter|worte|parole|woorden|char\w*|caract\w*|"
    r"zeichen|sentences?|frases?|phrases?|s[äa]tze|lines?|linhas|l[íi]neas|lignes|zeilen|%|\d))",
    re.IGNORECASE,
)


def joined_keys(head: str, arrays: dict[str, str]) -> list[str]:
    """The list keys after the first one in a sentence's head ("elogios e queixas só …" → ["queixas"])."""
    first = _FIRST_KEY.match(head)
    if first is None:
        return []
    keys: list[str] = []
    position = first.end()
    while (joined := _JOINED_KEY.match(head, position)) is not None and joined.group("key").lower() in arrays:
        keys.append(arrays[joined.group("key").lower()])
        position = joined.end()
    return keys


def most_items(text: str, start: int, end: int, opening: int | None = None) -> int | None:
    """The most items a list may hold, said on the line that lists its values (before or after them), or from
    `opening` on where the line holds more than the list."""
    line_start = text.rfind("\n", 0, start) + 1 if opening is None else opening
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    found = _MOST.search(line)
    return int(found.group("n")) if found is not None and int(found.group("n")) > 0 else None


# "motifs possibles (0 à 3) : insulte, spam", "tags (up to 3): a, b, c", "allowed reasons: …", "motivos posibles: …":
# a list key opening its line, then the values its items take.
_QUALIFIER = (
    r"(?:possibles?|possíveis|posibles|possible|allowed|permitted|valid|autoris[ée]e?s|permitid[oa]s|permitidos|"
    r"erlaubte?|mögliche|ammessi|possibili|toegestane|mogelijke|values|valeurs|valores|werte|valori|waarden)"
)
_VALUE_LINE = (
    r"(?:^|\n|[.;}}]\s)[ \t]*(?:[-*•][ \t]*)?[`'\"]?{key}[`'\"]?(?:[ \t]+{q})?[ \t]*"
    r"(?:\([^()\n]{{1,40}}\))?[ \t]*[:=][ \t]*"
)
_CODE_ITEM = re.compile(r"^[^\W\d][\w-]*$")
_LAST_OR = re.compile(r"\s+(?:or|and|ou|et|o|y|e|oder|und|of|en)\s+", re.IGNORECASE)


def line_values(text: str, key: str) -> tuple[list[str], int, int, int] | None:
    """The values a line (or a clause) that opens with list key `key` gives its items, with where they stand and
    where the key stands."""
    head = re.compile(_VALUE_LINE.format(key=re.escape(key), q=_QUALIFIER), re.IGNORECASE)
    for found in head.finditer(text):
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        listed = re.split(r"[.;](?:\s|$)", text[found.end() : end])[0].rstrip(" .")
        items = [item.strip() for item in re.split(r"\s*,\s*", _LAST_OR.sub(", ", listed)) if item.strip()]
        if len(items) >= 2 and len(set(items)) == len(items) and all(_CODE_ITEM.match(item) for item in items):
            return items, found.end(), found.end() + len(listed), found.start()
    return None


def _array_properties(found: list[Constraint]) -> dict[str, dict[str, Any]]:
    """The schema's list keys without item values yet, with their property."""
    keys: dict[str, dict[str, Any]] = {}
    for c in found:
        properties = (c.schema or {}).get("properties") if c.kind == "schema" else None
        for key, prop in properties.items() if isinstance(properties, dict) else ():
            kind = prop.get("type") if isinstance(prop, dict) else None
            if (kind == "array" or (isinstance(kind, list) and "array" in kind)) and "items" not in prop:
                keys[key] = prop
    return keys


def listed_item_values(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """Each list key whose values a line of their own gives ("motifs possibles (0 à 3) : insulte, menace") gets them
    as its item values, with the most items the line allows: a set for the list, never one label for the reply."""
    out = list(found)
    for key, prop in _array_properties(found).items():
        if any(c.kind == "labels" and c.scope == key for c in out):
            continue
        read = line_values(brief.task, key)
        if read is None:
            continue
        values, start, end, opening = read
        most = most_items(brief.task, start, end, opening)
        prop["items"] = {"type": "string", "enum": values}
        if most is not None:
            prop["maxItems"] = most
        text = label_wording.describe_list_field(key, values, bool(_EMPTY.search(brief.task)), most)
        span = BriefSpan(field="task", index=None, start=start, end=end, text=brief.task[start:end])
        out = [c for c in out if not (c.kind == "labels" and c.scope is None and set(c.values) == set(values))]
        out.append(Constraint(kind="labels", text=text, span=span, values=values, scope=key, multi=True))
    return out


_EMPTY = re.compile(r"\[\s*\]")


def without_counted_lists(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """ "praise and complaints only use these tags: …. up to 3 in each": the count is the lists' most items (their
    set says so), not a limit of its own on the reply ("Keep to at most 3 in each.")."""
    most = _most_by_line(brief, found)
    if not most:
        return found
    return [c for c in found if not _counts_a_list(brief, c, most)]


def _line_of(brief: Brief, span: BriefSpan) -> tuple[str, int | None, int] | None:
    text = brief.task if span.field == "task" else None
    if text is None:
        return None
    return span.field, span.index, text.count("\n", 0, span.start)


def _most_by_line(brief: Brief, found: list[Constraint]) -> dict[tuple[str, int | None, int], set[int]]:
    """The most items of each list key whose set was read on a line, by that line."""
    arrays: dict[str, int] = {}
    for c in found:
        properties = (c.schema or {}).get("properties") if c.kind == "schema" else None
        for key, prop in properties.items() if isinstance(properties, dict) else ():
            if isinstance(prop, dict) and isinstance(prop.get("maxItems"), int):
                arrays[key] = prop["maxItems"]
    lines: dict[tuple[str, int | None, int], set[int]] = {}
    for c in found:
        if c.kind == "labels" and c.multi and c.scope in arrays and c.span is not None:
            line = _line_of(brief, c.span)
            if line is not None:
                lines.setdefault(line, set()).add(arrays[c.scope])
    return lines


def _counts_a_list(brief: Brief, c: Constraint, most: dict[tuple[str, int | None, int], set[int]]) -> bool:
    if c.kind != "limit" or c.unit not in (None, "items") or c.span is None or c.maximum is None:
        return False
    line = _line_of(brief, c.span)
    return line is not None and c.maximum in most.get(line, set())


# "topics: up to 3 of booking, billing, other", "tags: at most 2 from a, b, c", "themen: bis zu 3 von …", "sujets :
# jusqu'à 3 parmi …", "temas: hasta 3 de …", "temi: fino a 3 tra …", "onderwerpen: maximaal 3 van …": a list key,
# the most items it holds, then its values
_COUNT_OF = (
    r"[ \t]*[:=][ \t]*(?:(?:max(?:imum)?|máx(?:imo)?|at\s+most|up\s+to|no\s+more\s+than|hasta|jusqu['’]à|au\s+plus|"
    r"höchstens|bis\s+zu|maximal|fino\s+a|al\s+massimo|até|no\s+m[aá]ximo|hooguit|maximaal)\.?\s*(?P<n>\d{1,2})\s+"
    r"(?:of|from|among|de|entre|von|aus|parmi|tra|fra|dentre|van|uit)(?:\s+(?:these|the\s+following|estas|estos|"
    r"diesen|ces|queste|deze))?\s*:?\s*)(?P<values>[^\n.;]+)"
)
_VALUE_SPLIT = re.compile(r"\s*,\s*|\s+(?:or|and|ou|et|o|y|e|oder|und|of|en)\s+", re.IGNORECASE)


def counted_values(text: str, key: str) -> tuple[list[str], int, int, int] | None:
    """The values of list key `key` and the most items it holds, from a line such as "topics: up to 3 of booking,
    billing, other", with where the line's key and values stand; None when the line says no such thing."""
    pattern = re.compile(r"(?<![\w-])[`'\"]?" + re.escape(key) + r"[`'\"]?" + _COUNT_OF, re.IGNORECASE)
    for found in pattern.finditer(text):
        listed = found.group("values").rstrip(" .")
        items = [item.strip() for item in _VALUE_SPLIT.split(listed) if item.strip()]
        if len(items) >= 2 and len(set(items)) == len(items) and all(_CODE_ITEM.match(item) for item in items):
            return items, int(found.group("n")), found.start(), found.start("values") + len(listed)
    return None


def counted_item_values(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """Each list key whose line gives its most items and its values ("topics: up to 3 of booking, billing") gets them
    as a set for the list's items, never one label for the key."""
    out = list(found)
    for key, prop in _array_properties(found).items():
        read = counted_values(brief.task, key)
        if read is None:
            continue
        values, most, opening, end = read
        start = brief.task.find(values[0], opening)
        prop["items"] = {"type": "string", "enum": values}
        prop["maxItems"] = most
        text = label_wording.describe_list_field(key, values, bool(_EMPTY_WORD.match(brief.task, end)), most)
        span = BriefSpan(field="task", index=None, start=start, end=end, text=brief.task[start:end])
        out = [c for c in out if not (c.kind in ("labels", "limit") and _within(c.span, opening, end))]
        out.append(Constraint(kind="labels", text=text, span=span, values=values, scope=key, multi=True))
    return out


_EMPTY_WORD = re.compile(
    r"[^\n]{0,40}?(?:\[\s*\]|\bempty\b|\bvac[ií]as?\b|\bvazias?\b|\bvides?\b|\bleere?\b|"
    r"\bvuot[ae]\b|\bleeg\b)",
    re.IGNORECASE,
)


def _within(span: BriefSpan | None, start: int, end: int) -> bool:
    """Whether a record was read from the task's [start, end) (the count "up to 3 of booking" as a limit, or its
    values as one label)."""
    return span is not None and span.field == "task" and start <= span.start < end

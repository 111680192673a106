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

"""A list of numbers, each under its own name ("Branch phones: Leeds 0113 …, York 01904 …", "(本町店 03-… /
駅前店 03-…)", "Linha Jovem 800 …, Linha Saúde 800 …"): a directory, each number for its site, store or
service.

None of them is the route for whatever the assistant cannot help with: read as such, the prompt says "When you
cannot help, call …" once per number, several routes for one case and each site's callers sent to every site. Only
the brief's own catch-all words ("if you can't help", "for anything else") make a number the fallback; otherwise the
sentence stays a rule in the brief's words, each number with its name.
"""

from __future__ import annotations

import re

from app.engine.constraints.model import FoundFallback

# A contact verb in the words before a number ("call", "ring", "llame al"): a route, not a name
_ROUTE_WORD = re.compile(
    r"\b(?:call|ring|phone|dial|text|contact|email|llam\w*|ligu\w*|appel\w*|ruf\w*|bel|chiam\w*|tel[eé]fon\w*)\b",
    re.IGNORECASE,
)


def _name_before(text: str, start: int, floor: int) -> str | None:
    """The name written right before a number (from the last comma, slash, bracket or colon), if it is one."""
    cut = max(floor, *(text.rfind(mark, floor, start) + 1 for mark in ",;/(:：、|\n"))
    words = text[cut:start].strip(" -–—:=")
    if not re.search(r"[^\W\d_]{2}", words) or len(words.split()) > 8 or _ROUTE_WORD.search(words):
        return None
    return words.lower()


def is_directory(text: str, found: list[FoundFallback]) -> bool:
    """Whether the clause's numbers are two or more, each after a name of its own."""
    phones = sorted((f for f in found if f.action == "phone"), key=lambda f: f.start)
    if len(phones) < 2:
        return False
    names: list[str] = []
    floor = 0
    for phone in phones:
        name = _name_before(text, phone.start, floor)
        if name is None:
            return False
        names.append(name)
        floor = phone.end
    return len(set(names)) == len(names)


# "quando fizer sentido", "when relevant", "where appropriate": no case of its own, the numbers' use left open
_VAGUE_CASE = re.compile(
    r"^\W*(?:when|where|if|whenever)\s+(?:it\s+makes\s+sense|relevant|appropriate|useful|helpful|needed|necessary|"
    r"it\s+(?:helps|fits|applies))|^\W*(?:quando|cuando|se|si|wenn|falls|quand|als|indien)\s+(?:fizer\s+sentido|"
    r"tenga\s+sentido|proceda|sea\s+útil|for\s+útil|for\s+relevante|sinnvoll|nötig|passend|besoin|pertinent|utile|"
    r"opportuno|nodig|relevant|nuttig)\b",
    re.IGNORECASE,
)


def open_case(condition: str | None) -> bool:
    """Whether a clause names no case of its own for its numbers (none, or "when it makes sense")."""
    return condition is None or _VAGUE_CASE.search(condition) is not None

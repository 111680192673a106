"""Line breaks that end a rule without a full stop, in a brief typed one rule a line ("refund emails - dont draft
anything, put DRAFT: HOLD - Priya to answer\\nkids parties are min age 6, max 10 kids").

A lowercase next line reads as a hard wrap only where the line before is as long as the brief's lines get: a brief
whose prose lines run to 200 characters was not wrapped at 70. And a fixed line the reply carries after "put",
"write" or "reply" ("put DRAFT: HOLD - Priya to answer") ends at its line's end.
"""

from __future__ import annotations

import re

# A verb that puts a fixed line into the reply, then that line opening with a label in capitals ("put DRAFT: HOLD",
# "write STATUS: ON HOLD", "reply with TAG: spam", "antworte mit STATUS: OFFEN", "pon ESTADO: PENDIENTE")
_FIXED_LINE = re.compile(
    r"\b(?:put|write|reply|respond|answer|output|return|print|set|schreib\w*|antworte\w*|setze?|gib|pon|poner|"
    r"escribe|escribir|responde|mets|mettre|écris|écrire|réponds|metti|scrivi|rispondi|zet|schrijf|antwoord|"
    r"coloque|escreva|responda)\b(?:\s+(?:only|just|with|exactly|mit|con|avec|met|com|nur|solo|seulement|alleen))*"
    r"\s*[:\-–—]?\s*[\"“'`]?[A-Z][A-Z0-9_]{1,30}(?:\s+[A-Z0-9_]{2,30}){0,3}\s*:\s*\S[^\n]*$",
)
# Lines that say nothing of the brief's wrap width: code, JSON, tables, bullets and indented lines
_NOT_PROSE = re.compile(r"^(?:\s|[{}\[\]|\"'`<#>*-]|\d{1,2}[.)])")
# The share of the brief's longest prose line below which a line followed by a short word was not wrapped
_WRAP_SHARE = 0.6


def longest_prose_line(text: str) -> int:
    """The length of the brief's longest prose line (its wrap width, if it is wrapped)."""
    return max((len(line) for line in text.split("\n") if line and not _NOT_PROSE.match(line)), default=0)


def ends_rule(previous: str, line: str, longest: int) -> bool:
    """Whether the break between `previous` and a lowercase `line` ends a rule: the line's first word would have fit
    well within the brief's longest line, or `previous` ends on a fixed line the reply carries."""
    if _FIXED_LINE.search(previous):
        return True
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return len(previous) + 1 + len(first) < _WRAP_SHARE * longest


def fixed_line_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence [start, end) cut after each of its lines that ends on a fixed line the reply carries."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    bounds, begin, line_start = [], start, start
    stop = text.find("\n", line_start, end)
    while stop >= 0:
        line = text[line_start:stop]
        if text[stop + 1 : end].strip() and not line.rstrip().endswith((",", ":", ";")) and _FIXED_LINE.search(line):
            bounds.append((begin, stop))
            begin = stop + 1
        line_start = stop + 1
        stop = text.find("\n", line_start, end)
    bounds.append((begin, end))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


# "si el animal respira mal … -> nada de citas. Decir que vengan YA …": a case and its arrow on one line; every
# sentence after the arrow on that line is that case's action, not a rule for every conversation
_ARROW_CASE = re.compile(
    r"\b(?:if|when|whenever|si|wenn|falls|se|quando|cuando|als|quand|lorsque|bei|en\s+caso\s+de|in\s+caso\s+di|"
    r"em\s+caso\s+de|im\s+fall)\b[^\n]*?(?:->|→|=>|⇒)[^\n]*$",
    re.IGNORECASE,
)


# A sentence that opens a rule for every conversation ends the case before it ("X -> do A. Keep every reply under 80
# words.", "… -> tag SPAM. Otherwise summarise it", "-> pide disculpas. Nunca ofrezcas reembolsos"): a ban, a limit,
# a standing manner or the other-cases branch. An action verb ("Tell them …", "Decir que vengan YA") goes on.
_STANDING_RULE = re.compile(
    r"(?:never|don'?t|do\s+not|no|not|avoid|always|be|keep|stay|max(?:imum|imal|imo)?|min(?:imum|imal|imo)?|"
    r"at\s+(?:most|least)|up\s+to|under|limit|otherwise|else|(?:for|in)\s+(?:all|any|every)\s+other|"
    r"(?:for|in)\s+everything\s+else|every\s+(?:reply|answer|response|message)|"
    r"nunca|jam[aá]s|siempre|sé|s[eé]|nada\s+de|m[aá]x\.?|m[ií]n\.?|como\s+m[aá]ximo|si\s+no|de\s+lo\s+contrario|"
    r"en\s+(?:otro|cualquier\s+otro)\s+caso|keine?|nie(?:mals)?|immer|sei|maximal|h[öo]chstens|mindestens|sonst|"
    r"ansonsten|ne|jamais|toujours|sois|sinon|pas\s+de|mai|sempre|sii|altrimenti|massimo|non|nenhum|nenhuma|"
    r"sen[aã]o|caso\s+contr[aá]rio|nooit|altijd|wees|anders|geen)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+")


def arrow_case_goes_on(text: str, index: int) -> bool:
    """Whether the sentence end at `index` falls after a case's arrow on the same line ("X -> do A. Do B."), so the
    next sentence of that line is still the case's action; a standing rule after the action ends the case."""
    line_start = text.rfind("\n", 0, index) + 1
    if "\n" in text[index : index + 2] or not text[index + 1 : index + 2].isspace():
        return False
    nxt = text.find("\n", index)
    line_end = nxt if nxt >= 0 else len(text)
    if not text[index + 1 : line_end].strip():
        return False
    case = _ARROW_CASE.search(text, line_start, index)
    if case is None:
        return False
    arrow = max(text.rfind(mark, line_start, index) for mark in ("->", "→", "=>", "⇒"))
    # every sentence after the action, up to the one that opens after `index`, must go on with the case
    return all(not _STANDING_RULE.match(text, end.end()) for end in _SENTENCE_END.finditer(text, arrow, index + 2))

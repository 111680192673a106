"""A fixed object the brief gives as one case's whole reply ('if there is no job id return exactly {"error":
"NO_JOB_ID"}', 'fehlt die Telefonnummer …: nur {"fehler": "KEIN_KONTAKT"} ausgeben') is the one alternative to the
reply's schema, and the output section says so with the object whole.

Without it, the output section's "A single JSON object that matches the schema below" leaves no room for the error
object, and a model follows the section it reads last.
"""

from __future__ import annotations

import re

from app.engine.constraints.case_replies import is_case_reply
from app.engine.constraints.structure import find_objects

# The reply verb and its short lead at the end of the case's clause ("return exactly", "nur", "reply only with")
_LEAD = re.compile(
    r"[\s,:：-]*(?:(?:-+>|→|=>)\s*)?(?:(?:then\s+)?(?:return|output|respond|reply|answer|give|emit|send|use|restituisci|rispondi|devuelve|"
    r"responde|renvoie|retourne|gib|antworte|retorne|devolve|geef)\w*\s*)?(?:(?:only|just|exactly|with|nur|solo|seulement|"
    r"apenas|alleen|solamente|esattamente|exactement|exactamente|exatamente|genau|exakt)\s*)*$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"\n|[.!?;。！？]\s")


def _without_lead(clause: str) -> str:
    """The case's clause without the reply verb and lead that close it ("…, return exactly")."""
    clause = clause.strip(" \t-*•")
    lead = _LEAD.search(clause)
    return (clause[: lead.start()] if lead is not None else clause).strip(" ,:：")


def case_object_lines(task: str) -> list[str]:
    """The output section's line for each fixed object the brief gives as one case's whole reply."""
    lines: list[str] = []
    for found in find_objects(task):
        if not is_case_reply(task, found.start, found.value, found.end):
            continue
        starts = _CLAUSE_START.finditer(task, max(0, found.start - 300), found.start)
        opening = max((m.end() for m in starts), default=0)
        case = _without_lead(task[opening : found.start])
        line_start = task.rfind("\n", 0, found.start) + 1
        if len(case.split()) < 6 and found.start - line_start <= 200:
            case = _without_lead(task[line_start : found.start])  # ("… a job id. If there isn't one": its sentence)
        literal = " ".join(task[found.start : found.end].split())
        lines.append(
            f'The one exception ("{case}"): the whole reply is exactly {literal}, with nothing else.'
            if case
            else f"In the case the rules name, the whole reply is exactly {literal}, with nothing else."
        )
    if len(lines) > 1:  # (two fixed objects, each for its case: neither is "the one" exception)
        lines = [line.replace("The one exception", "An exception", 1) for line in lines]
    return lines

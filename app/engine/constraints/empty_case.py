"""A line that fixes the reply for the empty case ('Keine Befunde: "Lieferschein in Ordnung."', "No findings ->
LGTM", "Sin hallazgos: «Todo correcto.»"): the reply when there is nothing to report, never one more line of the
layout written above it."""

from __future__ import annotations

import re

_NOTHING = (
    r"no\s+(?:findings?|issues?|problems?|errors?|risks?)(?:\s+found)?|nothing\s+(?:to\s+(?:flag|report|fix)|found|"
    r"wrong)|all\s+clear|none\s+found|keine\s+(?:befunde|probleme|fehler|auff[äa]lligkeiten|m[äa]ngel)|"
    r"nichts\s+(?:gefunden|zu\s+melden)|sin\s+(?:hallazgos|problemas|incidencias|errores)|"
    r"nada\s+que\s+(?:se[ñn]alar|reportar)|rien\s+[àa]\s+signaler|aucun\s+(?:probl[èe]me|constat|d[ée]faut)|"
    r"sem\s+(?:problemas|achados|erros)|nada\s+a\s+assinalar|nessun\s+(?:problema|rilievo|errore)|"
    r"niente\s+da\s+segnalare|geen\s+(?:bevindingen|problemen|fouten)|niets\s+gevonden"
)
# The empty case, its arrow or colon, then the reply (a heading in capitals, "NO ISSUES: yes/no", is a field)
_EMPTY_CASE_LINE = re.compile(
    rf"[ \t]*(?:[-*•][ \t]*)?(?:if\s+(?:there\s+are\s+)?|wenn\s+|si\s+)?(?P<case>{_NOTHING})"
    r"[ \t]*(?:->|→|=>|⇒|[:：])[ \t]*\S",
    re.IGNORECASE,
)


def empty_case_line(line: str) -> bool:
    """Whether a line gives the reply for the empty case rather than a line of the reply's layout."""
    match = _EMPTY_CASE_LINE.match(line)
    return match is not None and not match.group("case").isupper()

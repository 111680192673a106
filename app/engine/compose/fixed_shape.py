"""A reply the brief fixes as code and then one sentence: no room for an archetype's explanation or caveats.

"Give me the query in one sql block and then one sentence of at most 25 words saying what it does" settles the whole
reply: the SQL archetype's "then an explanation of the approach and how to read the result", its "state the SQL
dialect and any assumption" and its invented "limit exploratory queries to 100 rows" would each add to it or change
the query the brief asked for.
"""

from __future__ import annotations

import re

from app.engine.fastre import prefiltered

_CODE = r"quer(?:y|ies)|sql|code|snippet|script|consulta|abfrage|requ[êe]te|codice|c[óo]digo|codigo|statement|select"
_THEN = (
    r"and\s+then|then|followed\s+by|plus|y\s+luego|y\s+despu[ée]s|luego|despu[ée]s|und\s+dann|dann|danach|"
    r"gefolgt\s+von|puis|et\s+ensuite|ensuite|suivie?s?\s+d['’]|e\s+depois|depois|seguid[ao]s?\s+de|e\s+poi|poi|"
    r"seguit[ao]\s+da|en\s+dan|dan|daarna|gevolgd\s+door"
)
_ONE = r"one|a\s+single|a|una?|einen|eine|ein|une|uma|um|één|een|1"
_SHORT = r"short|brief|single|kurze[nr]?|courte|breve|korte"
_SENTENCE = r"sentences?|lines?|frases?|oraci[óo]n|s[äa]tze?|zeilen?|phrases?|lignes?|righe|riga|zin(?:nen)?|regels?"
CODE_THEN_SENTENCE = prefiltered(
    re.compile(
        rf"\b(?:{_CODE})\b[^.;\n]{{0,40}}?\b(?:{_THEN})\s+(?:(?:just|only|solo|nur|seulement|apenas|alleen)\s+)?"
        rf"(?:{_ONE})\s+(?:(?:{_SHORT})\s+)?(?:{_SENTENCE})\b",
        re.IGNORECASE,
    )
)
"""The brief's reply is its code and then one sentence or line ("the query in one sql block and then one sentence",
"die Abfrage und dann einen Satz", "la consulta y luego una frase")."""


def fixes_code_reply(task: str) -> bool:
    """Whether the brief fixes the reply as its code and then one sentence."""
    return CODE_THEN_SENTENCE.search(task) is not None

"""How values are written, not which fields there are.

"Output pounds with 2 decimals, column names ending in _gbp" or "Gib Beträge mit 2 Nachkommastellen aus" says how a
number is formatted or how a column is named. Read after a bare "output"/"return" verb, such a clause looked like a
field list and turned an SQL or prose answer into a JSON object with keys such as `pounds_with_2_decimals`. An item
that states a value format (a decimal count, a name's prefix or suffix, rounding, a case) is never an output field.
"""

from __future__ import annotations

import re

_COUNT = (
    r"(?:\d+|one|two|three|four|ein|eine[rn]?|zwei|drei|vier|un[ao]?|dos|tres|cuatro|deux|trois|quatre|duas|dois|"
    r"due|tre|quattro|één|twee|drie)"
)
_DECIMALS = (
    r"decimals?|decimal\s+places?|dp|d\.p\.|nachkommastellen|dezimalstellen|stellen|decimales|décimales|decimais|"
    r"casas\s+decimais|decimali|cifre\s+decimali|decimalen|cijfers\s+achter\s+de\s+komma"
)
_VALUE_FORMAT = re.compile(
    rf"\b(?:with|to|mit|auf|con|a|avec|à|com|met|op)\s+{_COUNT}\s+(?:{_DECIMALS})\b|"
    r"\b(?:ending|starting|beginning|prefixed|suffixed)\b|"  # "column names ending in _gbp"
    r"\b(?:enden|endend|beginnen|beginnend)\b|"  # "Spaltennamen enden auf _eur"
    r"\b(?:terminad[oa]s?|terminando|acabad[oa]s?|empezando)\s+(?:en|por|con|in)\b|"  # es / pt / it
    r"\b(?:se\s+terminant|finissant|commençant)\s+par\b|"  # fr
    r"\b(?:terminanti|che\s+finiscono)\s+(?:in|con)\b|"  # it
    r"\b(?:eindigend|eindigen|beginnend)\s+(?:op|met)\b|"  # nl
    r"\b(?:rounded|gerundet|redondead[oa]s?|arrondis?|arredondad[oa]s?|arrotondat[oi]|afgerond)\b|"
    r"\b(?:in\s+)?(?:upper|lower)\s*case\b",
    re.IGNORECASE,
)


def value_format(item: str) -> bool:
    """Whether a listed item states how values look ("pounds with 2 decimals") rather than naming a field."""
    return bool(_VALUE_FORMAT.search(item))

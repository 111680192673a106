"""A length written after a count, for each of the counted things: "DA FARE: massimo 3 punti elenco, ognuno di massimo
10 parole", "TO DO: max 3 bullets, each max 10 words", "höchstens 3 Stichpunkte, jeweils höchstens 10 Wörter",
"3 puces maximum, chacune de 10 mots maximum". Read as the part's own length, 10 words would cut the whole list to
one short line; it sizes each bullet.
"""

from __future__ import annotations

import re
from itertools import pairwise

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import limits
from app.engine.constraints.model import Constraint

# What stands between the count and the length: "each", "ognuno di", "jeweils", "chacune de", "cada uno de", the
# length's own cue ("max", "massimo", "höchstens") and nothing else
_EACH_BETWEEN = re.compile(
    r"\s*[,;]?\s*(?:and\s+|e\s+|und\s+|et\s+|y\s+|en\s+)?"
    r"(?:each|every\s+one|ognun[oa]|ciascun[oa]|jeweils|je|chacune?|cada\s+(?:un[oa]?|qual)|cada|elk|elke|各)"
    r"(?:\s+(?:(?:of\s+)?(?:them|which)|di\s+essi|de\s+ellos))?\s*(?:(?:di|de|of|con|com|mit|von|van|d')\s*)?"
    r"(?:(?:massimo|max(?:imum|imal)?\.?|at\s+most|up\s+to|under|no\s+more\s+than|höchstens|máximo|maximo|au\s+plus|"
    r"hasta|até|hoogstens|in)\s*)?$",
    re.IGNORECASE,
)
_COUNTED = {"bullets": "bullet", "items": "item", "lines": "line", "sentences": "sentence", "paragraphs": "paragraph"}
_SIZES = ("words", "characters", "sentences", "lines")


def scope_item_limits(brief: Brief, found: list[Constraint]) -> None:
    """Scope a length written after a count ("max 3 bullets, each max 10 words") to each counted thing."""
    limits_in_task = [
        (index, c)
        for index, c in enumerate(found)
        if c.kind == "limit" and c.span is not None and c.span.field == "task" and c.span.index is None
    ]
    for (_, count), (index, size) in pairwise(limits_in_task):
        assert count.span is not None
        assert size.span is not None
        counted = _COUNTED.get(count.unit or "")
        if (
            counted is None
            or size.unit not in _SIZES
            or size.unit == count.unit
            or (size.scope or "").startswith("each")  # ("each highlight": already each one's)
        ):
            continue
        if count.span.end > size.span.start or not _EACH_BETWEEN.match(brief.task[count.span.end : size.span.start]):
            continue
        scope = f"each {counted} of {count.scope}" if count.scope else f"each {counted}"
        found[index] = msgspec.structs.replace(
            size,
            scope=scope,
            text=limits.describe_limit(size.unit, size.minimum, size.maximum, size.exact, scope),
        )

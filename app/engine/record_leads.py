"""A JSON record of many keys read from each text is the extractor's job, even when some keys take closed sets.

'For each review return only JSON with exactly these keys: {"platform": "google|other", "stars": …, "guide": …,
"praise": [], "complaints": [], "safety": true/false, "summary": …}' labels two of its keys, but the record is
data for a spreadsheet: a labeller would write "assign exactly one label" for the whole reply, a moderator would
judge the text. A labelling record ({"category": …, "confidence": …, "reason": …}) keeps its labeller: its other
keys only explain the label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.archetype_leads import extractor_leads, harm_or_verdict
from app.engine.archetypes import BY_ID
from app.engine.classify import ArchetypeMatch
from app.engine.constraints import Constraint

# Keys that explain a label rather than record a fact of the text.
_EXPLAINING_KEY = re.compile(
    r"^(?:reason\w*|rationale|explanation|why|confidence\w*|score|certainty|justification|evidence|notes?|comment|"
    r"motivo|razon|razón|raz[aã]o|begr[üu]ndung|grund|raison|motif|motivazione|reden|toelichting|"
    r"label|labels|category|categories|class|intent|verdict|decision|tag|tags|action)$",
    re.IGNORECASE,
)
_MIN_KEYS = 5
_MIN_DATA_KEYS = 3


def _json_record_keys(constraints: Sequence[Constraint]) -> list[str]:
    """The keys of the reply's pasted JSON shape, when the reply is JSON."""
    if not any((c.kind == "format" and c.value == "json") for c in constraints):
        return []
    return next((list(c.values) for c in constraints if c.kind == "schema"), [])


def record_of_many_keys_leads(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """A labeller or a moderator leading a brief whose reply is a JSON record of five or more keys, three of them
    facts no label set fills, gives the lead to the extractor (and goes: its one-label rules fit no record)."""
    if not matches or matches[0].id not in BY_ID:
        return matches
    lead = BY_ID[matches[0].id]
    if not (lead.uses_labels or lead.judges_harm):
        return matches
    keys = _json_record_keys(constraints)
    if len(keys) < _MIN_KEYS:
        return matches
    labelled = {c.scope.lower() for c in constraints if c.kind == "labels" and c.scope}
    if any(c.kind == "labels" and c.scope is None for c in constraints):
        return matches  # a label for the whole reply besides the record: a labelling job
    data_keys = [k for k in keys if k.lower() not in labelled and not _EXPLAINING_KEY.match(k)]
    if len(data_keys) < _MIN_DATA_KEYS:
        return matches
    if lead.judges_harm and any(harm_or_verdict(v) for c in constraints if c.kind == "labels" for v in c.values):
        return matches  # {"decision": "approve|remove", …}: a moderator's verdict in a record
    return extractor_leads(matches, displaced=True)

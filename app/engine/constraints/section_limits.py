"""A limit stated for a section the brief names in capitals ("the PROFILE has at most 50 words") limits that section.

"usa só estas secções: PROFILE, EXPERIENCE, … o PROFILE tem no máximo 50 palavras": the reply is a whole CV; read
as the reply's limit, 50 words would cut the CV to its profile.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import limits
from app.engine.constraints.item_limits import scope_item_limits
from app.engine.constraints.limit_exceptions import attach_next_sentence_exceptions
from app.engine.constraints.model import Constraint

# The section's name in capitals as the subject of the sentence that states the limit, in the languages the engine
# reads: "The PROFILE has", "o PROFILE tem", "el PERFIL tiene", "das PROFIL hat", "le PROFIL a", "il PROFILO ha".
_SECTION_SUBJECT = re.compile(
    r"(?:^|[.;:\n]|\d[.)])\s*(?:[-*•]\s*)?(?:(?:the|its|your|o|a|el|la|le|der|die|das|il|lo|de|het)\s+)?"
    r"(?:section\s+|secção\s+|sección\s+|abschnitt\s+|rubrique\s+|sezione\s+|sectie\s+)?"
    r"(?P<name>(?-i:[A-Z][A-Z0-9&/ -]{2,30}?))\s+(?:section\s+)?"
    r"(?:has|is|should\s+be|must\s+be|stays?|tem|deve\s+ter|é|tiene|debe\s+tener|es|hat|ist|darf|a|est|doit|ha|è|"
    r"deve|heeft|is|mag)\b",
    re.IGNORECASE,
)


def scope_section_limits(brief: Brief, found: list[Constraint]) -> None:
    """Scope a reply-wide limit to the capitalised section its sentence opens with."""
    for index, constraint in enumerate(found):
        span = constraint.span
        if constraint.kind != "limit" or constraint.scope is not None or span is None or span.field != "task":
            continue
        text = brief.task
        window_start = max(0, span.start - 60)
        subjects = list(_SECTION_SUBJECT.finditer(text, window_start, span.start))
        subject = subjects[-1] if subjects else None  # the sentence the limit is in: the last subject before it
        if subject is None or len(text[subject.end() : span.start]) > 30:
            continue
        scope = f"the {subject.group('name').strip()} section"
        found[index] = msgspec.structs.replace(
            constraint,
            scope=scope,
            text=limits.describe_limit(
                constraint.unit or "words", constraint.minimum, constraint.maximum, constraint.exact, scope
            ),
        )
    scope_item_limits(brief, found)  # (after the sections: "DA FARE: max 3 bullets, each max 10 words")
    attach_next_sentence_exceptions(brief.task, found)

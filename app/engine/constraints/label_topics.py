"""The topic of a label set named in another language, or behind a particle: "einer Kategorie zu (…)" names a
category (not "zu"), "une catégorie (…)" a category, "une priorité (haute, normale)" a priority."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints.model import Constraint

# Words that stand right before a parenthesised list without naming what it is: separable verb particles,
# prepositions and articles ("ordne … einer Kategorie zu (…)", "classe-le en (…)").
_PARTICLES = frozenset(
    """
    zu an ab auf aus ein ein mit nach vor bei um in en dans au aux à a al da de del des du entre into as to from
    with for per par por para pour como comme als wie et e y und and or ou oder o of
    """.split()  # noqa: SIM905
)
# Label topics in the main languages, by stem, with the English word the prompt uses.
_FOREIGN: tuple[tuple[str, str], ...] = (
    (r"cat[ée]gor(?:ie|ía|ia|y)s?|kategorien?|categorie(?:ën)?", "category"),
    (r"priorit(?:é|ät|à|y)s?|prioridade?s?|prioriteit", "priority"),
    (r"urgen(?:ce|cia|za|z)|dringlichkeit|urgentie", "urgency"),
    (r"gravit[ée]|gravedad|gravidade|schweregrad|gravità|ernst", "severity"),
    (r"sentiment|stimmung|sentimiento|sentimento", "sentiment"),
    (r"niveau|nivel|nível|livello|stufe", "level"),
    (r"statut|estado|status|stato", "status"),
    (r"type|tipo|typ|art", "type"),
    (r"ton|tono|tom|tonalit[ée]", "tone"),
    (r"th[èe]mes?|tema|temas|thema|themen|onderwerp|sujet|asunto|assunto", "topic"),
    (r"composant|componente|komponente", "component"),
    (r"abteilung|d[ée]partement|departamento|reparto|afdeling", "department"),
)
_FOREIGN_WORDS = tuple((re.compile(stems, re.IGNORECASE), english) for stems, english in _FOREIGN)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+$")


def topic_word(topic: str, before: str) -> str | None:
    """The English topic for a word found before a label list (`before` ends just before that word); None when it is
    a particle with no noun before it."""
    word = topic
    if word.lower() in _PARTICLES:
        previous = _WORD_BEFORE.search(before)
        if previous is None or previous.group(1).lower() in _PARTICLES:
            return None
        word = previous.group(1)
    for pattern, english in _FOREIGN_WORDS:
        if pattern.fullmatch(word):
            return english
    return word.lower()


# Words that name a label set in general, not one topic of it ("Labels: …", "Output: …")
_GENERIC = frozenset(
    """
    label labels tag tags etiqueta etiquetas étiquette étiquettes etikett etiketten etichetta etichette output reply
    answer options values format result response note example examples e.g
    """.split()  # noqa: SIM905
)
_HEADED = re.compile(r"(?:^|[.;\n]\s*|\b(?:and|et|und|y|e)\s+)(?P<topic>[^\W\d_][\w-]{2,24})\s*[:：]\s*$")


def headed_topic(before: str) -> str | None:
    """The topic a label set is headed with ("Priorité : haute / normale" -> "priority"), or None."""
    match = _HEADED.search(before[-40:])
    if match is None or match.group("topic").lower() in _GENERIC:
        return None
    return topic_word(match.group("topic"), "")


def several_label_sets(found: Sequence[Constraint]) -> bool:
    """Whether the brief states two or more unscoped label sets with different values (a category and a priority)."""
    sets = {tuple(v.lower() for v in c.values) for c in found if c.kind == "labels" and c.scope is None and c.values}
    return len(sets) >= 2

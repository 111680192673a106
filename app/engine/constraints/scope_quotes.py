"""A case line that names the out-of-scope (or unsure) questions, a colon, then the quoted reply for them: 'Questions
outside these topics: "I'll pass this on to an adviser."', "Question hors de ces sujets ou dont vous n'êtes pas sûr :
« Je transmets votre question à un conseiller. »", "Pregunta fuera de estos temas: «…»", "Fragen außerhalb dieser
Themen: „…“". The quote is the route for those questions, whole; the case has no "if" of its own."""

from __future__ import annotations

import re
from typing import NamedTuple

# Questions outside the topics the brief names: "outside these topics", "hors de ces sujets", "fuera de estos temas",
# "außerhalb dieser Themen", "al di fuori di questi argomenti", "fora destes temas", "buiten deze onderwerpen" (a
# topic noun is needed: "outside opening hours", "fuera de horario" are a time, not a scope)
OUT_OF_TOPICS = re.compile(
    r"\b(?:outside|beyond)\s+(?:(?:of\s+)?(?:these|those|the|our|my|its|this|that)\s+)?(?:\w+\s+)?"
    r"(?:topics?|subjects?|areas?|scope|remit|themes?)\b|"
    r"\b(?:hors|en\s+dehors)\s+(?:de\s+|d['’]\s*|du\s+|des\s+)(?:(?:ces|ses|nos|mes|leurs?|la|le|les|notre|votre)\s+)?"
    r"(?:\w+\s+)?(?:sujets?|th[èe]mes?|domaines?|questions?|champ)\b|"
    r"\bfuera\s+de\s+(?:(?:estos|estas|esos|esas|nuestros|nuestras|los|las|mis|sus|este|ese|nuestro|el)\s+)?"
    r"(?:\w+\s+)?(?:temas?|asuntos?|materias?|ámbitos?|alcance)\b|"
    r"\baußerhalb\s+(?:(?:dieser|dieses|der|des|unserer|unseres|meiner|deiner|seiner|ihrer)\s+)?(?:\w+\s+)?"
    r"(?:Themen|Themas|Themenbereich\w*|Bereich\w*|Gebiet\w*)\b|"
    r"\b(?:al\s+di\s+)?fuori\s+(?:(?:da|di|dai|dagli|dalle|del|della|dei|degli|delle)\s+)?"
    r"(?:(?:questi|queste|tali|nostri|nostre|miei|suoi)\s+)?(?:\w+\s+)?(?:argomenti|temi|tema|ambiti?)\b|"
    r"\bfora\s+(?:d[oa]s?|dest[ea]s|dess[ea]s|de)\s+(?:(?:temas?|assuntos?|âmbitos?)|\w+\s+(?:temas?|assuntos?))\b|"
    r"\bbuiten\s+(?:(?:deze|die|onze|de|het|mijn|zijn|haar)\s+)?(?:\w+\s+)?(?:onderwerpen|onderwerp|thema['’]?s|"
    r"gebied\w*)\b",
    re.IGNORECASE,
)
# The other words for those questions and for the unsure ones: "off-topic", "out of scope", "hors sujet", "not sure",
# "pas sûr", "no estás seguro", "nicht sicher", "non sei sicuro", "não tem certeza", "niet zeker"
_OTHER_SCOPE = re.compile(
    r"\b(?:off[- ]topic|out\s+of\s+scope|unrelated|hors[- ]sujet|fuera\s+de\s+tema|fuori\s+tema|themenfremd\w*|"
    r"sans\s+rapport|no\s+relacionad[oa]s?|non\s+pertinent\w*|nicht\s+zum\s+Thema)\b",
    re.IGNORECASE,
)
UNSURE_WORDS = re.compile(
    r"\b(?:not\s+sure|unsure|not\s+certain|pas\s+s[ûu]re?s?|no\s+(?:est[áa]s?|est[ée]s)\s+segur[oa]s?|"
    r"nicht\s+sicher|non\s+(?:sei|è|sia|siete)\s+sicur[oa]|n[ãa]o\s+(?:tem|tiver|tens|estiver)\s+(?:certeza|segur[oa])|"
    r"niet\s+zeker|incertain\w*|insegur[oa]|unsicher)\b",
    re.IGNORECASE,
)
# The line: a bullet, the case (no colon, quote or "if" needed), a colon, the quoted reply, nothing after it
_CASE_COLON_QUOTE = re.compile(
    r"^\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>[^:：\"“”«»„\n]{3,160}?)\s*[:：]\s*"
    r"(?P<open>[\"“«„])\s*(?P<say>[^\"“”«»„\n]{3,300}?)\s*[\"”»“]\s*[.!]?\s*$",
)


class ScopeQuote(NamedTuple):
    """The case as written and the quoted reply, with where the reply's words are in the clause."""

    case: str
    say: str
    start: int
    end: int


def scope_quote(text: str) -> ScopeQuote | None:
    """The quoted reply a case line gives for the questions outside the brief's topics (or the unsure ones), if the
    line is that and nothing else."""
    if ":" not in text and "：" not in text:
        return None
    line = _CASE_COLON_QUOTE.match(text)
    if line is None:
        return None
    case = line.group("case").strip()
    if not (OUT_OF_TOPICS.search(case) or _OTHER_SCOPE.search(case) or UNSURE_WORDS.search(case)):
        return None
    return ScopeQuote(case, line.group("say").strip(), line.start("say"), line.end("say"))


def names_out_of_scope(condition: str) -> bool:
    """Whether a fallback's case is the questions outside the brief's topics ("Pregunta fuera de estos temas")."""
    return OUT_OF_TOPICS.search(condition) is not None or _OTHER_SCOPE.search(condition) is not None

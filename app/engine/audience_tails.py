"""The words after an audience's head noun that say which readers it means: "parents of children with type 1
diabetes", "new managers in small charities", "residents who have fallen behind on payments", "nurses working night
shifts in care homes", "parents d'enfants atteints de diabète".

Cut to the head noun ("parents", "managers", "residents"), the audience loses what makes it one. The tail is kept to
the end of its clause, up to a bound; a tail that names a language, a tone or a length ("for beginners in plain
English", "for kids in a friendly tone") says how to write, not who reads, and is left out. No engine imports.
"""

from __future__ import annotations

import re

# The words a describing tail opens with: a preposition, a relative pronoun or a participle
_LEAD = re.compile(
    r"\s+(?P<lead>of|in|at|on|from|within|across|who|that\s+are|that|whose|with|without|"
    r"(?:living|working|caring|returning|running|starting|studying|preparing|recovering|managing|training|"
    r"learning|looking|moving|coming|waiting|struggling|dealing|applying|raising)\b|"
    r"d['’]|de|des|du|dans|avec|qui|atteints?|atteintes?|con|en|que|mit|von|aus|ohne|die|der|di|dei|degli|delle|"
    r"della|che|van|met|dos|das|com|em|nas|nos)\b",
    re.IGNORECASE,
)
# Where the tail's clause ends: a sentence mark, a bracket, a comma, a dash, or a joined instruction
_CLAUSE_END = re.compile(
    r"[.;:!?()\[\]\n,]|\s[-–—]\s|\s+(?:and|but|so|then|to|y|et|und|e|en|pero|mais|aber|ma|maar|mas)\s+"
    r"(?:(?:always|never|don['’]?t|do\s+not|please|you|must|should|can|will|i|we)\b|"
    r"(?:help|answer|reply|respond|explain|give|ask|tell|write|keep|use|suggest|make|be|guide|coach|support|"
    r"show|check|offer|walk|teach|list|recommend|draft|summari[sz]e|avoid)\b)",
    re.IGNORECASE,
)
# A tail about how to write, or about the medium, not about the readers
_HOW_TO_WRITE = re.compile(
    r"\b(?:tone|voice|style|manner|way|register|language|english|spanish|french|german|italian|portuguese|dutch|"
    r"japanese|chinese|words?|sentences?|paragraphs?|bullets?|format|markdown|json|plain|simple\s+terms|detail|"
    r"chat|app|website|site|whatsapp|slack|email|phone|prompt|reply|replies|answers?|"
    r"español|inglés|français|anglais|deutsch|englisch|italiano|inglese|português|inglês|nederlands|engels)\b|\d+\s*words",
    re.IGNORECASE,
)
_MAX_TAIL_WORDS = 12
# A generic head ("people who cant use normal buses", "people applying to nursing school") names the service's users,
# not who reads
_GENERIC_HEAD = re.compile(r"(?:^|\s)(?:people|users|members|persons|folks)$", re.IGNORECASE)
# "staff at our hospital", "nurses in our wards": the business's own place, which the prompt names already
_OWN_PLACE = re.compile(
    r"\s+(?:at|in|of|on|from|en|de|à|dans|chez|bei|an|im|em|na|no|nel|nella|bij|op)\s+"
    r"(?:our|my|this|the\s+company['’]s|nuestr[oa]s?|notre|nos|unser(?:e[mnrs]?)?|nosso|nossa|nostr[oaie]|onze|ons)\b",
    re.IGNORECASE,
)
# A cut tail that would end on its verb or an adverb of it: the place is what the tail says
_DANGLING = re.compile(
    r"\b(?:are|is|were|was|be|been|being|already|still|currently|now|not|registered|signed\s+up|enrolled|listed)\s*$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\s+(?:who|that|whose)\b", re.IGNORECASE)


def _clause_tail(text: str, start: int) -> str | None:
    """The words from `start` to the end of their clause, or None when they run past the bound or say how to
    write."""
    end = _CLAUSE_END.search(text, start)
    tail = text[start : end.start() if end else len(text)].rstrip()
    if not tail.strip() or len(tail.split()) > _MAX_TAIL_WORDS or _HOW_TO_WRITE.search(tail):
        return None
    return tail


def with_tail(text: str, phrase: str, start: int) -> str | None:
    """The audience `phrase` (found at `start` in `text`) grown to the describing tail after its head noun, or None
    when it has none to add (or a tail that cannot be kept whole)."""
    if start < 0:
        return None
    head_end = start + len(phrase)
    relative = _RELATIVE.search(phrase)
    if relative is not None:
        head_end = start + relative.start()  # a relative clause kept in part: grow it from its head again
    elif _LEAD.match(text, head_end) is None:
        return None
    head = text[start:head_end]
    if _GENERIC_HEAD.search(head) or _OWN_PLACE.match(text, head_end):
        return None
    tail = _clause_tail(text, head_end)
    own_place = _OWN_PLACE.search(tail) if tail else None
    if tail is not None and own_place is not None and not _DANGLING.search(tail[: own_place.start()]):
        tail = tail[: own_place.start()]  # "parents of children with asthma at our clinic": the clinic is ours
    # ("customers who are already on our system": cut at "our", the tail would end on "are already" and say nothing)
    if tail is None or len(tail.split()) < 2:
        return None
    grown = head + tail
    return grown if len(grown) > len(phrase) else None

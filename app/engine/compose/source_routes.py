"""What a brief says about its sources and the questions they leave open: one document or several, and its own route
for a question the source does not cover (in the languages briefs arrive in)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.archetypes.registry import Archetype
from app.engine.constraints import Constraint

# Several documents to answer from: a plural document noun, "several / multiple" sources, or numbered documents
# ("Doc 1", "[Doc 2, Section 3]"), in the languages briefs come in. One handbook, leaflet or FAQ is one source.
SEVERAL_SOURCES = re.compile(
    r"\b(?:documents|docs|sources|files|pdfs|articles|papers|reports|polic(?:ies|y\s+documents)|manuals|handbooks|"
    r"contracts|studies|filings|transcripts|passages|excerpts|snippets|search\s+results|knowledge\s*base|wiki|"
    r"help[- ]?(?:center|centre)|documentation|"
    r"documentos|documenti|dokumente|dokumenten|documenten|fuentes|fontes|fonti|quellen|bronnen|art[íi]culos|artigos|"
    r"articoli|artikelen|informes|relat[óo]rios|rapporti|berichte|rapporten|merkbl[äa]tter|brosch[üu]ren|"
    r"contratos|contratti|vertr[äa]ge|contracten)\b|"
    r"\b(?:several|multiple|various|many|two|three|four|five|\d+)\s+(?:\w+\s+)?(?:documents?|sources?|files?|"
    r"leaflets|booklets|guides|sheets|handbooks|manuals)\b|\bdoc(?:ument)?\s*\d\b|\[doc\b",
    re.IGNORECASE,
)


def one_source(task: str) -> bool:
    """Whether the brief answers from a single document (its handbook, its leaflet), not several."""
    return SEVERAL_SOURCES.search(task) is None


# The case a source cannot answer, in the brief's own words: "If it isn't in the FAQ", "Se a pergunta não estiver
# nas perguntas frequentes", "Si no está en la guía", "Wenn die Antwort nicht im Merkblatt steht", "Als het antwoord
# niet in de folder staat", "S'il n'est pas dans la FAQ", "Se non è nel foglio".
UNANSWERED_CASE = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|couldn'?t|unable\s+to)\s+(?:be\s+)?(?:answer|found|find|help)|"
    r"\b(?:not|isn'?t|aren'?t)\s+(?:answerable|covered|in\s+(?:the|these|this|our|your|it|there))\b|"
    r"\b(?:doesn'?t|don'?t|does\s+not|do\s+not)\s+(?:answer|cover|say|mention|contain|have)\b|"
    r"\bno\s+answer\b|\bmissing\b|\bout\s+of\s+scope\b|\boff[- ]topic\b|\bunrelated\b|"
    # pt / es
    r"\bn[ãa]o\s+(?:estiver|est[áa]|esteja|constar|consta|aparece|aparecer|vier|encontrar|souber)\b|"
    r"\bno\s+(?:est[áa]|est[ée]|aparece|aparezca|figura|figure|viene|venga|encuentr\w+|sepas?|lo\s+sepas?)\b|"
    r"\bfuera\s+de\b|\bfora\s+d[oa]s?\b|"
    # fr
    r"\bn['’](?:est|y\s+a|existe)\s+pas\b|\bne\s+(?:figure|se\s+trouve|trouves?|sais|sait)\s+pas\b|"
    # de
    r"\bnicht\s+(?:im|in\s+(?:der|den|dem|unserem|unserer|unseren)|drin|beantwort\w*|abgedeckt|enthalten)\b|"
    r"\bsteht\s+(?:\w+\s+){0,4}?nicht\b|\bkeine\s+Antwort\b|"
    # it
    r"\bnon\s+(?:è|e['’]|sta|si\s+trova|compare|c['’]è|trovi|sai|risponde)\b|"
    # nl
    r"\bniet\s+(?:in|beantwoord\w*|vermeld\w*)\b|\b(?:staat|stond)\s+(?:\w+\s+){0,4}?niet\b|\bgeen\s+antwoord\b",
    re.IGNORECASE,
)
_ONE_TOPIC = re.compile(r"\b(?:about|regarding|concerning|related\s+to)\b", re.IGNORECASE)
# The ways a brief sends the user on: a number, an address, a page or a person (a hand-off).
_ROUTES = frozenset({"email", "phone", "url", "handoff"})


# A hand-off on the same line as that case: a tag for the staff ("[ESCALAR]", "[STAFF]"), a hand-over to a team or a
# person, an address or a number ("… or a question not in the FAQ: start with [ESCALAR] and end with: A Inês …").
_HAND_OFF = re.compile(
    r"\[[A-ZÀ-Ý][A-ZÀ-Ý_ -]{2,24}\]|[\w.+-]+@[\w-]+\.\w+|\+?\d[\d ()-]{7,}\d|"
    r"\b(?:escalat\w*|escalar|escalem|eskalier\w*|hand\s+(?:it\s+|them\s+|this\s+)?(?:over|off)|transfer\w*|"
    r"transf[eé]r\w*|weiterleit\w*|transmet\w*|inoltr\w*|doorsturen|doorverbind\w*|"
    r"pass(?:e|es|ar|a)?\s+(?:it\s+|them\s+)?(?:on\s+)?(?:to|para|à|ao|al?)\s+(?:the\s+|a\s+|o\s+|la\s+|el\s+)?"
    r"(?:team|staff|equipa|equipe|equipo|person|human|colleague|colega|pessoa|persona))\b",
    re.IGNORECASE,
)


def routes_unanswered(constraints: Sequence[Constraint], task: str = "") -> bool:
    """Whether the brief states its own way out for a question its source does not cover: a fixed reply ("reply
    exactly: …"), a tag and a person ("[ESCALAR] … A Inês responde-lhe …"), a number or an address."""
    for line in task.splitlines():
        case = UNANSWERED_CASE.search(line)
        topic = case is not None and _ONE_TOPIC.search(line, max(0, case.start() - 40), case.start())
        if case is not None and not topic and _HAND_OFF.search(line):
            return True
    return any(
        c.kind == "fallback"
        and (c.action in _ROUTES or (c.action == "say" and "reply exactly:" in c.text))
        and UNANSWERED_CASE.search(c.condition or "") is not None
        # ("If a question is about payroll and …": the route for one topic leaves the others to the default)
        and not _ONE_TOPIC.search(c.condition or "")
        for c in constraints
    )


def own_step_defaults(archetypes: Sequence[Archetype], task: str) -> list[re.Pattern[str]]:
    """The archetypes' defaults for the steps the brief sets out itself (see `Archetype.gives_way_to`)."""
    return [defaults for archetype in archetypes for cue, defaults in archetype.gives_way_to if cue.search(task)]

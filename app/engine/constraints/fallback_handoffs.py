"""Hand-offs and referrals: "escalate to a human agent", "call escalate_to_agent(…)", "refer them to the Landlord
and Tenant Board", in English and the other languages users write briefs in."""

from __future__ import annotations

import re

from app.engine.constraints.fallback_cases import for_case
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.model import FoundFallback

_HANDOFF = re.compile(
    r"\b(?:connect(?:ed)?|transfer(?:red)?|escalated?|hand(?:ed)?(?:\s+(?:it|them|the\s+\w+))?\s+(?:off|over)|pass(?:ed)?|routed?|forward(?:ed)?|refer(?:red)?|"
    r"talk\s+to|speak\s+(?:to|with)|see|consult|contact|reach\s+out\s+to|call|"
    r"put\s+(?:them|the\s+\w+)\s+through|offer)\b[^.;]{0,60}?\b(?:human|agent|person|representative|rep|specialist|"
    r"staff(?:\s+member)?|team(?:\s+member)?|manager|supervisor|operator|support(?:\s+team)?|live\s+chat|colleague|"
    r"nurse|doctor|clinician|lawyer|advisor|adviser|paralegal|attorney|pharmacist|therapist|counsell?or|expert|"
    r"professional|dentist|vet|technician|engineer|accountant|GP|physician|midwife|pharmacy|case\s?worker|"
    r"social\s+worker|coordinator|receptionist)s?\b(?:\s+(?:agent|representative|rep|colleague|member|team))?s?|"
    r"\b(?:human|live)\s+(?:agent|handoff|hand-off|support)\b|"
    r"\b(?:derivar?|deriva|escalar?|escala|transferir|transfiere|pasar?)\b[^.;]{0,40}\b(?:agente|humano|persona|"
    r"especialista|equipo|asesor|operador|representante)\b|\b(?:weiterleiten|übergeben|eskalieren|leite)\b[^.;]{0,40}|"
    r"\b(?:mitarbeiter|menschlichen?\s+\w+)\b[^.;]{0,30}\b(?:weiter|verbinden|übergeben)|"
    r"\b(?:transférer|transfère|transfèrer?|transmettre|transmets|escalader|rediriger|redirige|passer|passe)\b[^.;]{0,40}"
    r"\b(?:agent|humain|conseill[eè]re?|équipe|collègue|opérateur|opératrice|spécialiste)s?\b|"
    r"\b(?:encaminhar?|encaminhe|transferir|transfira|escalar?|passar|passe)\b[^.;]{0,40}\b(?:agente|humano|atendente|"
    r"equipe|especialista|consultor|colega)s?\b|"
    # "doorzetten naar een medewerker", "passare a un operatore": the Dutch and Italian hand-off
    r"\b(?:doorzetten|doorverbinden|doorsturen|overdragen|doorverwijzen|escaleren|zet|verbind|stuur|draag)\b[^.;]{0,40}"
    r"\b(?:medewerker|collega|mens|specialist|agent|team)s?\b|"
    r"\b(?:passare|passa|trasferire|trasferisci|inoltrare|inoltra|girare|gira|escalare)\b[^.;]{0,40}"
    r"\b(?:operatore|operatrice|collega|umano|consulente|specialista|agente)\b|"
    r"有人工|人工客服|转人工|担当者|オペレーター",
    re.IGNORECASE,
)


# Words without which no hand-off can be stated: a cheap test before the full pattern.
HANDOFF_KEYS = re.compile(
    r"hand\s*-?\s*off|escalat|human|agent|person|representative|\brep\b|specialist|staff|team|manager|supervisor|operator|support|"
    r"live\s+chat|colleague|nurse|doctor|clinician|lawyer|advis|paralegal|attorney|pharmacist|therapist|counsel|expert|"
    r"professional|dentist|\bvet\b|technician|engineer|accountant|\bGP\b|physician|midwife|agente|humano|especialista|equipo|weiterleit|"
    r"übergeb|eskalier|mitarbeiter|menschlich|humain|conseill|équipe|atendente|equipe|人工|担当者|オペレーター|worker|"
    r"coordinator|receptionist|asesor|operador|collègue|opérat|spécialiste|consultor|colega|medewerker|collega|\bmens\b|"
    r"operat|consulente|umano",
    re.IGNORECASE,
)


# "refer them to the Landlord and Tenant Board or a legal clinic", "indicar o Procon ou um advogado": a referral to
# a named body or professional is the brief's own hand-off.
_REFERRAL = re.compile(
    r"\b(?:refer|direct|point|send|signpost|redirect)\s+(?:them|him|her|the\s+\w+|users?|people|customers?)\s+"
    # ("point them to StepChange (stepchange.org)": a web address's dot ends no sentence)
    r"(?:to|towards?)\s+(?P<en>(?:[^.;:!?]|\.(?=[a-z0-9]{2,}\b)){3,80})"
    r"|\b(?:indicar|indique|encaminhar|encaminhe|recomendar|recomende|orientar\s+a\s+procurar|remitir|remite|"
    r"derivar\s+a|deriva\s+a|recomienda|orienter\s+vers|orientez\s+vers|rediriger\s+vers|renvoyer\s+vers|"
    r"verweisen\s+(?:an|auf)|verweise\s+(?:an|auf))\s+(?P<foreign>(?:[^.;:!?]|\.(?=[a-z0-9]{2,}\b)){3,80})",
    re.IGNORECASE,
)


REFERRAL_VERB = re.compile(
    r"refer|direct|point|send|signpost|redirect|indi|encaminh|recomend|orient|remit|deriv|rediri|renvo|verweis", re.I
)


_REFERRAL_TARGET = re.compile(
    r"\b[A-Z][\w-]+|\b(?:advogad|abogad|avocat|anwält|anwalt|médic|medic|arzt|ärzt|psicólog|psycholog|defensor|"
    r"defensoría|juiz|tribunal|serviço|servicio|service|beratungsstelle|centro|centre|clínica|clinique|klinik|"
    r"profissional|profesional|professionnel|especialista|spécialiste|fachperson|farmacêutic|farmacéutic|pharmacien|"
    r"apotheke|nutricionista|terapeuta|thérapeute|therapeut|asesor|conseiller|berater)"
)


def _referral(text: str, found: list[FoundFallback], condition: str | None) -> FoundFallback | None:
    """A referral to a named body or professional that no other fallback of the clause already covers."""
    match = _REFERRAL.search(text) if REFERRAL_VERB.search(text) else None
    if match is None or any(f.start >= match.start() for f in found):
        return None
    if condition is None and re.match(r"(?:direct|point|send|redirect)", match.group(0), re.IGNORECASE):
        return None  # "point users to the docs" is a rule, not what to do when help runs out
    if match.group("foreign") and not _REFERRAL_TARGET.search(match.group("foreign")):
        return None  # "recomendar empréstimos" recommends a thing; a referral names a body or a professional
    words = match.group(0).strip().rstrip(",")
    return FoundFallback("handoff", words, condition, match.start(), match.start() + len(words))


def handoff_phrase(text: str) -> str | None:
    """The hand-off wording in a text ("connect them with a human agent"), if any."""
    match = _HANDOFF.search(text)
    return match.group(0) if match else None


_CJK_TRANSFER = re.compile(
    r"[^\x00-\x7f]*(?:つな|繋|転送|エスカレ|引き継|转|交给|接通|联系|連絡|案内)|^(?![\s\S]*[\u3040-\u9fff])"
)
"""A transfer verb next to a CJK hand-off noun; a text with no CJK at all passes (its hand-off is not CJK)."""


# "there is no human support", "never offer to connect them to a person": a hand-off the brief rules out.
_NEGATED_HANDOFF = re.compile(
    r"\b(?:no|never|don'?t|do\s+not|can'?t|cannot|without|not)\b(?:\s+(?:offer|try|promise)\s+to)?\s*$", re.IGNORECASE
)


def _first_handoff(text: str) -> re.Match[str] | None:
    """The first hand-off the text offers, skipping one it rules out."""
    position = 0
    while (match := _HANDOFF.search(text, position)) is not None:
        before = text[max(0, match.start() - 30) : match.start()]
        if _ARTICLE_BEFORE.search(before) and not re.match(r"(?:human|live)\s", match.group(0), re.IGNORECASE):
            position = match.start() + 1  # a noun ("the transfer"): a real hand-off may follow inside the same match
            continue
        if not _NEGATED_HANDOFF.search(before):
            return match
        position = match.end()
    return None


_ALSO_SOMEONE = re.compile(
    r"\s+or\s+(?:an?\s+|the\s+|their\s+|your\s+)?(?:[\w-]+\s+){0,3}?(?:human|agent|person|representative|rep|"
    r"specialist|manager|supervisor|nurse|doctor|clinician|lawyer|advisor|adviser|paralegal|attorney|pharmacist|"
    r"therapist|counsell?or|expert|professional|dentist|vet|accountant|GP|physician|midwife|service|clinic|centre|"
    r"center|office|charity|line|helpline)s?\b",
    re.IGNORECASE,
)


# "If the transfer fails, give the advisor line …": after an article the hand-off word is a noun
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|your|their|our|my)\s+$", re.IGNORECASE)


# "doorzetten naar een medewerker", "an einen Mitarbeiter übergeben": a foreign hand-off verb states the hand-off itself
_FOREIGN_HANDOFF_VERB = re.compile(
    r"(?:doorzet|doorverbind|doorstuur|overdrag|escaleer|übergeb|weiterleit|eskalier|mitarbeiter|transf[ée]r|transmet|"
    r"passer|passe\b|escalader|rediriger|encaminh|passar|transfir|deriv|escalar|pasar|passare|trasferi|inoltra|gira)",
    re.IGNORECASE,
)


# "Vragen over uitbetalingen boven €2.000 doorzetten naar …", "Refunds over $500 are handed off …": the topic that
# opens the clause is the hand-off's case
_TOPIC_LEAD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:(?:questions?|requests?|queries|anything|cases?|claims?|refunds?|complaints?)\s+"
    r"(?:about|on|over|for|involving|regarding|of|above|larger\s+than)|vragen\s+(?:over|om)|verzoeken\s+(?:om|tot)|"
    r"klachten\s+over|fragen\s+(?:zu|zum|zur|nach|über)|anfragen\s+(?:zu|zum|zur)|questions?\s+(?:sur|concernant)|"
    r"demandes?\s+(?:de|d['’]|sur|concernant)|perguntas\s+sobre|pedidos\s+de|preguntas\s+sobre|solicitudes\s+de|"
    r"domande\s+su|richieste\s+di)\b(?:[^.;:!?]|(?<=\d)\.(?=\d)){3,120}?(?:\s+(?:are|is|should\s+be|must\s+be|get|gets))?\s*[,–—-]?\s*$",
    re.IGNORECASE,
)


def _topic_lead(text: str, start: int) -> str | None:
    """The topic the clause opens with before its hand-off ("Vragen over uitbetalingen …"), or None."""
    lead = _TOPIC_LEAD.match(text[:start])
    if lead is None:
        return None
    case = re.sub(r"\s+(?:are|is|should\s+be|must\s+be|gets?)\s*$|[\s,–—-]+$", "", lead.group(0).strip(" -*•"))
    return for_case(case) if is_english(case) else case


# "hand off by writing HANDOFF_PHARMACIST on its own line", "escalate by outputting [ESCALATE]", 'transfer it by
# replying with "#HUMAN"': the hand-off is a marker in the reply that the system reads, no person named
_HANDOFF_BY_MARKER = re.compile(
    r"\b(?:hand(?:\s+(?:it|them))?\s*-?\s*(?:off|over)|escalate|transfer|route)\s+(?:it\s+|them\s+)?by\s+"
    r"(?:writing|outputting|adding|printing|putting|emitting|including|appending|replying\s+with|ending\s+with|"
    r"starting\s+with)\s+(?:the\s+(?:tag|code|marker|line|token|word)\s+)?"
    r"(?:#\w+|\[[A-Z_]+\]|(?-i:[A-Z][A-Z0-9_]{3,})\b|[\"“'][^\"”'\n]{2,40}[\"”'])[^.;!?\n]*",
    re.IGNORECASE,
)


def handoff_or_referral(text: str, found: list[FoundFallback], condition: str | None) -> FoundFallback | None:
    """The person the clause hands the case over to ("escalate to a human agent"), or else the referral it names."""
    marker = _HANDOFF_BY_MARKER.search(text)
    if marker is not None:
        words = marker.group(0).strip()
        return FoundFallback("handoff", words, condition, marker.start(), marker.start() + len(words))
    handoff = _first_handoff(text) if HANDOFF_KEYS.search(text) else None
    if handoff and not handoff.group(0).isascii() and not _CJK_TRANSFER.search(text):
        handoff = None  # "担当者や期限が書かれていない場合は": the person in charge is named, nobody is handed over to
    if handoff and condition is None:
        condition = _topic_lead(text, handoff.start())
    if handoff and (
        condition is not None
        or re.search(r"\b(?:offer|escalate|hand|transfer|connect)", text, re.IGNORECASE)
        or _FOREIGN_HANDOFF_VERB.match(handoff.group(0))
    ):
        words, end = handoff.group(0).strip(), handoff.end()
        if (also := _ALSO_SOMEONE.match(text, end)) is not None:
            # "contact an immigration attorney or a DOJ-accredited representative": both are the route
            words, end = f"{words}{also.group(0)}".strip(), also.end()
        if TOOL_CALL.match(words):
            # "call escalate_to_agent(…) and tell them a person will reply within 1 business day": the whole step
            stop = re.search(r"[.;!?](?:\s|$)", text[end:])
            end = end + stop.start() if stop else len(text.rstrip())
            words = text[handoff.start() : end].strip()
        return FoundFallback("handoff", words, condition, handoff.start(), end)
    return _referral(text, found, condition)


TOOL_CALL = re.compile(r"(?:call|use|invoke|run|trigger)\s+(?:the\s+)?`?[A-Za-z_][\w.]*(?:\(|`|\s+tool\b)", re.I)

"""Cases a clause names without an "if": before a colon ("Refunds over $500: email …"), before an arrow
("billing -> billing@…"), before its one channel ("Cancellations only by phone on …") or as a bounded subject ("Lots
under 10 boxes …"); and the catch-all case ("anything you can't answer", "the rest")."""

from __future__ import annotations

import re

from app.engine.constraints.fallback_conditions import IMPERATIVE_START, find_condition
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.listed_cases import listed_case
from app.engine.phrasing import VERBS

# "Conductores menores de 23 años o con carné de menos de 2 años: no se pueden añadir por chat, que llamen al …",
# "Lost cards: call …": two words or more before a colon, then what to do (one word, "Contacto:", is a label)
_CASE_BEFORE_COLON = re.compile(
    # ("… over 3.5 t and motorbikes:": a decimal point ends no sentence)
    r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>[^\W\d_](?:[^:\n.;!?]|(?<=\d)\.(?=\d)){2,118}?\s+[^:\n.;!?\s]+)\s*:\s+\S"
)


# The name of a contact ("Customer care team:", "Horario de atención al cliente:", "Unsere Telefonnummer für
# Termine:", "Reception desk (Mon-Fri):"): the words before the colon say who answers, not when
_CONTACT_NAME = re.compile(
    r"\b(?:team|desk|switchboard|(?:phone|help|hot|service|support|direct|customer)\s*lines?|numbers?|phones?|tel\w*|numéro|número|numero|\w*nummer|service|servicio|"
    r"servizio|serviço|atendimento|atención|attention|\w*service|kundendienst|office|oficina|büro|bureau|reception|"
    r"recepción|empfang|hotline|support|soporte|suporte|contact\w*|kontakt|contatto|contato|care|horario|hours|"
    r"öffnungszeiten|horaires|chat|widget|e-?mail|mail|whatsapp|helpdesk|address|adresse|dirección|site|website|"
    r"web|portal|form|formulario|formular|formulaire|times|opening\w*|ouverture|apertura|funcionamento|orari|horários?|"
    r"openingstijden|heures)\b",
    re.IGNORECASE,
)


# A situation named before the colon ("Leaks outside office hours:", "Groups over 12:", "Conductores menores de 23
# años:"): a case, whatever contact words it holds
_SITUATION = re.compile(
    r"\b(?:if|when|outside|after|before|more\s+than|less\s+than|during|fuera|más|menos|menores|mayores|wenn|falls|"
    r"bei|außerhalb|nach|hors|après|plus\s+de|moins\s+de|quand|se|quando|fora|fuori|dopo|buiten|si|cuando)\b|"
    # (a size, not a channel: "Groups over 12", not "Customer service over WhatsApp")
    r"\b(?:over|under|above|below|über|unter|oltre|boven|onder)\s+(?:\S+\s+)?\d|"
    # a problem the contact is for: "Complaints about the delivery service:", "Billing errors on the website:"
    r"\b(?:complaints?|quejas?|reclam\w*|beschwerden?|plaintes?|klacht\w*|errors?|errores|erreurs?|fehler|errori|erros?|"
    r"problems?|problemas?|problèmes?|probleme?|problemi|issues?|damaged?|broken|lost|stolen|faults?|defect\w*|"
    r"leaks?|claims?|disputes?|incidents?|accidents?|emergenc\w*|wrong|incorrect\w*|erron\w*|falsch\w*|equivocad\w*|"
    r"sbagliat\w*|errad\w*|verkeerd\w*)\b",
    re.IGNORECASE,
)


_OPENS_A_CASE = re.compile(r"(?:for|if|when|whenever|in|on|after|before|once|unless|during|with)\b", re.IGNORECASE)


_LABEL_WORDS = re.compile(
    r"\b(?:note|notes|rules?|important|reglas|regeln|règles|"
    r"regras|regole|regels|contacto|kontakt|contato|contatto|nota|hinweis|example|examples|format|output)\b",
    re.IGNORECASE,
)


# "… once, for anything you cannot answer", "in every reply you can't resolve": the line is the route when stuck
WHEN_STUCK = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|unable|not\s+sure|don'?t\s+know|doesn'?t\s+know|out\s+of\s+scope|beyond)\b",
    re.IGNORECASE,
)


# The name ends in the unit that answers: "Claims team", "Lost luggage desk", "Departamento de siniestros"
_CONTACT_UNIT = re.compile(
    r"\b(?:team|desk|office|department|unit|line|hotline|helpdesk|service)\s*$|"
    r"^(?:departamento|departement|département|abteilung|dipartimento|ufficio|oficina|bureau|servicio|service|servizio|"
    r"serviço|afdeling)\b",
    re.IGNORECASE,
)


# ("Complaints about the delivery service:": the service is what the complaint is about)
_ABOUT = re.compile(r"\b(?:about|with|regarding|concerning|on|über|zu|sur|sobre|con|su|met|over)\b", re.IGNORECASE)


def _before_colon(text: str) -> str | None:
    """The words a clause opens with before a colon, unless the colon introduces words to write ('Firma: "Un
    saludo, …"', 'One closing line: "Full minutes: …"')."""
    opening = _CASE_BEFORE_COLON.match(text)
    if opening is None or text[opening.end() - 1] in "\"“«„'":
        return None
    return opening.group("case").strip()


def names_a_contact(text: str) -> bool:
    """Whether a clause opens with a contact's name and a colon ("Customer care team on WhatsApp: +44 …",
    "Servizio clienti su WhatsApp: 333 …"): what follows is where to send people."""
    name = _before_colon(text)
    return name is not None and (_CONTACT_NAME.search(name) is not None or _CONTACT_UNIT.search(name) is not None)


def for_case(case: str) -> str:
    """A case as a condition: "Refunds over $500" -> "For refunds over $500" (a name or acronym keeps its capital)."""
    lower = case[1:2].islower() or case.split(" ", 1)[0] in ("A", "An", "The")
    return f"For {case[0].lower() if lower else case[0]}{case[1:]}"


def colon_case(text: str) -> str | None:
    """The case a rule opens with before a colon ("Gas smell or CO alarm going off: don't book anything."), if any."""
    return _colon_case(text)


def _colon_case(text: str) -> str | None:
    """The case a clause opens with before a colon, when what follows it is what to do ("Conductores menores de 23
    años …: …, que llamen al 922 555 310"); not a label ("Contacto: …"), an order ("End every answer with: …") or a
    statement ("POs over £25,000 are not raised by the bot: …")."""
    stated = _before_colon(text)
    if (
        stated is None
        or re.search(r"->|→|=>", stated) is not None  # ("Empty log -> write only: NONE": the arrow's case)
        or not stated[0].isupper()
        or ("," in stated and not _lists_cases(stated))
        or _LABEL_WORDS.search(stated)
        or IMPERATIVE_START.match(stated)
    ):
        return None
    if _CONTACT_NAME.search(stated) and not _SITUATION.search(stated):
        return None  # "Customer care team: care@…", "Servizio clienti e prenotazioni: 06 …": the contact's name
    if _CONTACT_UNIT.search(stated) and not _ABOUT.search(stated):
        return None  # "Claims team:", "Lost property office:", "Departamento de siniestros:": a unit that handles them
    if re.search(r"\b(?:with|to|at|as|by|on|like|from|in|of|is|are)$", stated, re.IGNORECASE) or _NOT_A_CASE.search(
        stated
    ):
        return None  # "End every answer with: …", "One closing line: …", "Ne jamais annuler …: …": no case
    if WHEN_STUCK.search(stated) or _CANNOT_ANSWER.search(stated):
        return None  # "Vragen die je niet kunt beantwoorden: mail …": the catch-all contact, said as such
    if not is_english(stated):
        return stated
    if _FINITE_VERB.search(stated) or stated.split()[0].lower() in VERBS | _ORDER_VERBS:
        return None  # "POs over £25,000 are not raised by the bot: …", "End with a donation link: …"
    # "Refunds over $500: email …" -> "For refunds over $500, tell the user to email …"
    return stated if _OPENS_A_CASE.match(stated) else for_case(stated)


# "Questions, complaints or anything else", "Tone warm, short", "Mon-Fri 9-5, Sat 10-2", "Hi, I'm Dana": a list that
# names no case (the catch-all, a style, opening hours, a greeting)
_NO_CASE_LIST = re.compile(
    r"^(?:hi|hey|hello|dear|tone|style|voice|format|length|language|hours|opening|open)\b|"
    r"\b(?:anything|everything|something)\s+else\b|\bgeneral\b|\b(?:questions?|enquiries|inquiries|queries)\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day)?s?\b|\d\s*[-–]\s*\d|\b(?:i|i'm|we|we're)\b",
    re.IGNORECASE,
)


_JOINED_LAST = re.compile(r"(?:^|\s)(?:and|or|&|et|ou|y|o|e|und|oder|en)\s", re.IGNORECASE)


def _lists_cases(stated: str) -> bool:
    """Whether words before a colon are a list of cases ("Lorries, motorhomes over 3.5 t and motorbikes", "Poids
    lourds, camping-cars de plus de 3,5 t et motos"): short items after ", ", the last joined by "and"/"or"."""
    items = stated.split(", ")  # (", " with its space: "3,5 t" is a decimal, not two items)
    if len(items) > 8 or any(len(item.split()) > 8 or not item.strip() for item in items):
        return False
    return _JOINED_LAST.search(items[-1]) is not None and not _NO_CASE_LIST.search(stated)


_NOT_A_CASE = re.compile(
    r"\b(?:line|lines|sentence|link|url|sign-?off|signature|footer|header|subject|closing|greeting)\b|"
    # (a rule that opens with its negation: "Ne jamais annuler une réservation toi-même: …")
    r"^(?:\w+\s+)?(?:never|not|no|don'?t|ne|jamais|nunca|nie|nicht|kein\w*|niemals|não|nao|non|mai|niet|nooit|geen)\b|"
    # (a step after another: "Danach Störung an die Technik melden lassen: 0800 …")
    r"^(?:then|after\s+that|afterwards|next|danach|dann|anschließend|después|luego|ensuite|puis|depois|poi|dopo|"
    r"daarna|dan)\b|"
    # (a scope or a standing order: "Solo matematica: per il resto rispondi …", "Firma siempre: …")
    r"^(?:only|solo|sólo|nur|seulement|uniquement|apenas|somente|soltanto|alleen)\b|"
    r"\b(?:always|siempre|immer|toujours|sempre|altijd)\b",
    re.IGNORECASE,
)


_CANNOT_ANSWER = re.compile(
    r"\b(?:niet|nicht|no|ne|não|nao|non)\b[^:]{0,30}\b(?:kunt|kan|kannst|können|puedes|puede|sabes|peux|peut|sais|"
    r"consegue|consegues|sabe|puoi|può|sai|beantwoorden|beantworten|responder|contestar|répondre|rispondere)\b",
    re.IGNORECASE,
)


_ORDER_VERBS = frozenset({"end", "include", "add", "use", "sign", "close", "open", "begin", "put", "mention", "append"})


_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|can|could|will|would|should|must|may|needs?|requires?|goes|"
    r"gets|wants?|means)\b",
    re.IGNORECASE,
)


# "Cancellations within 24 hours only by phone on …", "Invoices via email only at …", "après, uniquement par
# téléphone au …": the one channel for a case
_ONLY_CHANNEL = re.compile(
    r"\b(?:(?:only|just|solely|uniquement|seulement|solo|sólo|únicamente|nur|ausschließlich|apenas|somente|solamente|"
    r"soltanto|alleen)\s+(?:by|via|through|over|on|par|por|per|über|pelo|pela|telefonisch|telef[oó]nicamente)\b|"
    r"(?:by|via|through|over)\s+(?:phone|telephone|e-?mail|text|post|whatsapp)\s+only\b)",
    re.IGNORECASE,
)


# the business's one contact, said with "only": "Please contact us only by email", "Support only by …"
_GENERAL_CONTACT = re.compile(
    r"(?:please|sorry|get\s+in\s+touch|contact|reach\w*|support|help|questions?|enquir\w*|inquir\w*|queries|"
    r"anything|everything|all|general|customer\s+service|us|we|you|they|it|our|my)\b",
    re.IGNORECASE,
)


# "- insurance, billing, compliance reports -> billing@…", "refunds → call 0800 …": the case, an arrow, its route
_ARROW_CASE = re.compile(
    # ("3 failed tries -> …": a count opens the case)
    r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s+)?(?P<case>(?:[^\W\d_]|\d+\s+[^\W\d_])[^\n.;!?:]{1,118}?)\s*(?:->|→|=>|⇒|➔|"
    # "groups over 8 and hen parties go to events@…", "refunds are handled by billing@…"
    r"\s(?:go(?:es)?|should\s+go|are\s+(?:sent|passed|forwarded|referred|handed\s+over))\s+to|"
    r"\s(?:are|is)\s+(?:handled|dealt\s+with|taken\s+care\s+of)\s+by)\s*"
    # (a route after the arrow, not a label: "ads, spam → REMOVE (a person contacts the user)")
    r"(?=(?:(?:please\s+)?(?:(?:tell|ask)\s+(?:them|him|her|the\s+\w+)\s+to\s+)?(?:e-?mail|call|phone|ring|text|contact|write\s+to|send\s+(?:them\s+)?to|refer\w*|point\s+\w+\s+to|"
    r"escalate\s+to|forward\s+to|hand\s+\w+\s+to|transfer\s+to)\b[^\n]{0,40})?(?:[\w.+-]+@|\+?\d[\d ()-]{5,}|https?://|www\.))",
    re.IGNORECASE,
)


def arrow_case(text: str) -> str | None:
    """The case a clause names before an arrow that points at its route ("insurance, billing -> billing@…" -> "For
    insurance, billing"); not the catch-all ("anything else -> hello@…") or an order ("check the order -> …")."""
    match = _ARROW_CASE.match(text)
    if match is None:
        return None
    case = match.group("case").strip(" ,")
    if _names_no_case(case) or (_NO_CASE_LIST.search(case) and not _lists_cases(case)) or _NOT_A_CASE.search(case):
        return None
    if WHEN_STUCK.search(case) or _CANNOT_ANSWER.search(case) or _CATCH_ALL.match(case.strip()):
        return None  # "anything you can't answer -> …", "Sonstiges -> info@…": the catch-all contact, said as such
    if re.match(r"\d+\s", case) and is_english(case):
        return f"After {case}"  # "3 failed tries -> call …": what happened that many times
    return case if _OPENS_A_CASE.match(case) or not is_english(case) else for_case(case)


# "the rest", "Sonstiges", "otras preguntas", "その他": everything the other routes do not take
_CATCH_ALL = re.compile(
    r"(?:the\s+)?(?:rest|misc(?:ellaneous)?|others?|general|sonstige[s]?|alles\s+andere|andere\s+(?:Fragen|Themen|Anliegen)|"
    r"übrige[s]?|otr[oa]s?(?:\s+(?:preguntas|dudas|temas|consultas|cosas))?|lo\s+dem[áa]s|resto|"
    r"outr[oa]s?(?:\s+(?:d[úu]vidas|perguntas|assuntos|coisas))?|altr[oaie]?(?:\s+(?:domande|richieste|cose|questioni))?|"
    r"overige(?:\s+vragen)?|overig|autres?(?:\s+(?:questions|demandes|sujets))?|divers)"
    r"(?:\s+(?:questions|stuff|things|topics|requests))?\s*$|その他|其他|其它|ほか|他の",
    re.IGNORECASE,
)


# "Lots under 10 boxes can't be collected, so point them to …/post": a subject with a size bound, what holds for it,
# then the route; the route is that case's, not the one for whatever the assistant cannot help with
_BOUNDED_SUBJECT = re.compile(
    r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>(?:[A-Za-z][\w'-]*\s+){1,4}(?:under|over|below|above|"
    r"(?:less|more|fewer)\s+than)\s+[£$€]?\d[\d,.]*(?:\s*[a-z%]+)?)\s+(?:can'?t|cannot|aren'?t|isn'?t|won'?t|"
    r"don'?t|doesn'?t|are|is|need|needs|must|have|has|go|get)\b[^.;:]{0,80}?,\s*(?:so\s+|then\s+|and\s+)?"
    r"(?=(?:point|send|refer|direct|tell|give|email|call|offer)\b)",
    re.IGNORECASE,
)


def _bounded_case(text: str) -> str | None:
    """The case a clause opens with as a bounded subject ("Lots under 10 boxes" -> "For lots under 10 boxes")."""
    match = _BOUNDED_SUBJECT.match(text)
    return for_case(match.group("case")) if match else None


def stuck_case(words: str) -> bool:
    """Whether a case is the catch-all one ("if you can't answer", "vragen die je niet kunt beantwoorden", "the
    rest"), the route for whatever the assistant cannot help with."""
    stuck = any(not _THIRD_PARTY.search(words, 0, m.start()) for m in WHEN_STUCK.finditer(words))
    return bool(stuck or _CANNOT_ANSWER.search(words) or _CATCH_ALL.match(words.strip()))


# "someone who can't stand up", "if the patient cannot breathe", "a child who is unable to stand": what someone else
# cannot do names a case (an emergency, a need), not the assistant's being stuck
_THIRD_PARTY = re.compile(
    r"\b(?:who|someone|somebody|anyone|they|he|she|the\s+(?:person|patient|user|customer|child|baby|caller|guest|"
    r"member|parent|pet|dog|cat|animal)|people|patients|users|customers|children|kids|babies)\s+"
    r"(?:(?:really|still|just|simply|genuinely)\s+)?(?:is\s+|are\s+)?$",
    re.IGNORECASE,
)


def _only_channel_case(text: str) -> tuple[str, int] | None:
    """The case a clause names right before its one channel ("Cancellations within 24 hours only by phone on …"),
    and where that part of the clause ends (a route after it, "…, everything else by email", is another's)."""
    channel = _ONLY_CHANNEL.search(text)
    if channel is None:
        return None
    whole = _ITEM_LEAD.sub("", text[: channel.start()]).strip(" ,;:")
    segment_start = max(text.rfind(",", 0, channel.start()), text.rfind(";", 0, channel.start())) + 1
    case = _ITEM_LEAD.sub("", text[segment_start : channel.start()]).strip(" ,;:")
    if "," in whole and _lists_cases(whole):
        case = whole  # "Group bookings, weddings and conferences only via email": the whole list is the case
    if len(case) < 4 or _names_no_case(case) or (len(case.split()) == 1 and case[:1].islower()):
        return None  # ("We answer only by email", "Don't take bookings in the chat, only by phone": no case)
    following = re.search(r"[,;]", text[channel.end() :])
    end = channel.end() + following.start() if following else len(text)
    return (case if not is_english(case) or _OPENS_A_CASE.match(case) else for_case(case)), end


_ITEM_LEAD = re.compile(r"^\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)")


def _names_no_case(words: str) -> bool:
    """Whether the words before a channel name no case: the business's one contact ("Please contact us", "anything
    else"), an order ("Don't take bookings in the chat") or a statement ("We answer")."""
    return bool(_GENERAL_CONTACT.match(words) or IMPERATIVE_START.match(words) or _FINITE_VERB.search(words))


_SEGMENT_CHANNEL = re.compile(
    r"\s*(?P<case>[^\W\d_][\w' &-]{2,40}?)\s+(?:by|via|through)\s+(?:phone|telephone|e-?mail|text|post|whatsapp)\b",
    re.IGNORECASE,
)


def own_segment_case(text: str, position: int) -> str | None:
    """The case the comma part holding a route names before its channel ("cancellations by email to …")."""
    start = max(text.rfind(",", 0, position), text.rfind(";", 0, position)) + 1
    named = _SEGMENT_CHANNEL.match(text, start, position)
    if named is None:
        return None
    case = named.group("case").strip()
    return None if _names_no_case(case) else for_case(case)  # ("everything else by email": the general route)


def clause_case(text: str) -> tuple[str | None, tuple[str, int] | None]:
    """The case the clause's fallbacks are for, and the case a route "only by phone" names with where it ends."""
    channelled = None if find_condition(text) or _colon_case(text) else _only_channel_case(text)
    condition = find_condition(text) or _colon_case(text) or listed_case(text)
    condition = condition or (channelled[0] if channelled else None)
    return condition or arrow_case(text) or _bounded_case(text), channelled

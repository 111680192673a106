"""Escalation: the brief's route to a person (a contact, a department) and when it applies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints import Constraint
from app.engine.constraints.tool_orders import tool_names_in
from app.engine.constraints.tools import handoff_rank
from app.engine.safety import emergency_number

HANDOFF_REPLY = 'reply with "I\'m passing this to a human colleague who will follow up with you."'
"""The brief's own hand-off ("offer to connect them with an agent"), in a vetted sentence."""
NO_ROUTE = (
    "tell them plainly that a member of the team has to handle it (and how to reach the team, if these "
    "instructions say); never promise a call-back or a follow-up that no one has arranged."
)
"""A brief that names no route to a person: saying so honestly, instead of promising a colleague it never gave."""

_GENERAL_CONDITION = re.compile(
    # ("before anything else" orders a step; it names no case of its own)
    # ("vomiting so they can't keep the prep down": what the person cannot do names a case, not the catch-all)
    r"\b(?:unsure|not\s+sure|don'?t\s+know|do\s+not\s+know|"
    r"(?<!\bthey\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bpatient\s)(?<!\bcustomer\s)(?:cannot|can'?t|can’t)|unable|"
    r"(?<!before )anything\s+else|"
    r"otherwise|"
    r"out\s+of\s+scope|outside|(?:it'?s|it\s+is|that'?s|is)\s+beyond\s+(?:you|your|what\s+you)|anything\s+(?:beyond|more|further)|(?<!before\s)anything\s+else|not\s+covered|isn'?t\s+covered|no\s+answer|doesn'?t\s+know|escalat|human|(?:a|real|actual|live)\s+person|"
    r"complex|complicated|stuck|not\s+in|(?:doesn'?t|does\s+not|don'?t|do\s+not)\s+(?:cover|say|answer|mention|have|include)|"
    r"isn'?t\s+in|can'?t\s+find|cannot\s+find|not\s+(?:found|sure|listed|there|documented))\b",
    re.IGNORECASE,
)


# "It can't help with visa questions; for those send people to hr-visa@…": a case pointed back to (the sentence before,
# "For any of these (…)") that is one topic the assistant cannot help with names that topic, not every "cannot help"
_POINTED_BACK = re.compile(r"For any of these \((?P<case>.*)\)\Z", re.DOTALL)
_TOPIC_IT_CANNOT_HELP_WITH = re.compile(
    r"\b(?:can'?t|can’t|cannot|unable\s+to|(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t|will\s+not)(?:\s+\w+)?)\s+"
    r"(?:help|deal|assist|answer|handle|advise|support)\s+(?:\w+\s+)?(?:with|on|about)\s+\w",
    re.IGNORECASE,
)


def general_condition(condition: str | None) -> bool:
    """Whether a fallback's condition is the general "cannot help" case, not one topic ("if they want to cancel")."""
    if condition is None:
        return True
    pointed = _POINTED_BACK.match(condition)
    if pointed is not None and _TOPIC_IT_CANNOT_HELP_WITH.search(pointed.group("case")):
        return False
    return bool(_GENERAL_CONDITION.search(condition))


def escalation(constraints: Sequence[Constraint], task: str = "") -> str:
    """How to escalate: through the brief's hand-off tool, its own contact (its first non-emergency phone, email or
    URL fallback that no department claims), or with the vetted hand-off sentence when the brief names none. A
    hand-off tool ("escalate_to_human(reason)", "create_ticket(…)") is called instead of promising a colleague in
    words; a line the brief gives for one department ("suporte tecnico por telefone 0800 …") is no route for legal
    questions or refunds."""
    ranked = [
        (rank, c.name)
        for c in constraints
        if c.kind == "tool" and c.name and (rank := handoff_rank(c.name)) is not None and not gated(c.name, constraints)
    ]
    tool = min(ranked, key=lambda pair: pair[0])[1] if ranked else None
    own = own_handoff_reply(constraints)
    if tool is not None:
        follow = f'reply with "{own}"' if own else "tell them that a colleague will follow up"
        return f"call the `{tool}` tool with the reason, and {follow}."
    emergency = emergency_number([(c.value or "", c.condition) for c in constraints if c.action == "phone"])
    # a line for people in distress ("if someone says they can't stop, give them the Problem Gambling Helpline")
    # is where they get care, not where a refund or an account question goes
    constraints = [c for c in constraints if not care_line(c, task)]
    # "Bei Garantiefällen oder Reklamationen immer an service@… verweisen": the brief's own route for the cases an
    # escalation is for (a complaint, a dispute) comes before a catch-all link ("Termine … nur auf https://… verweisen")
    for c in constraints:
        if c.kind == "fallback" and c.value and c.value != emergency and escalation_case(c.condition):
            route = _contact_route(c)
            if route is not None:
                return route
    if own is not None:
        return f'reply with "{own}"'
    for c in constraints:
        if c.kind != "fallback" or not c.value or c.value == emergency or not general_condition(c.condition):
            continue
        if (
            c.span is not None
            and c.span.field == "task"
            and _DEPARTMENT.search(task[max(0, c.span.start - 45) : c.span.start])
            and c.condition is None  # a line given for one department, with no case of the brief's own
        ):
            continue
        route = _contact_route(c)
        if route is not None:
            return route
    # "encaminhar para um assessor pelo WhatsApp +55 …": the brief's own way to reach a person, rather than a
    # colleague the brief never mentions
    for c in constraints:
        span = c.span
        if c.kind != "fallback" or not c.value or c.value == emergency or span is None or span.field != "task":
            continue
        if _PERSON_ROUTE.search(task[max(0, span.start - 110) : span.start]):
            route = _contact_route(c)
            if route is not None:
                return route
    # "inactive card = no booking, send them to the front desk": a place staffed by people, named by the brief
    place = _PLACE_ROUTE.search(task)
    if place is not None:
        return f"send them to the {' '.join(place.group('place').lower().split())}."
    stated = any(c.kind == "fallback" and c.action == "handoff" for c in constraints) or _STATED_HANDOFF.search(task)
    return HANDOFF_REPLY if stated else NO_ROUTE


# A hand-off the brief states in words ("transfer them", "escalated to a human", "pásalo a un asesor humano",
# "转给人工客服"), or a follow-up it arranges ("a supervisor will call them back", "billing will reply by email").
_STATED_HANDOFF = re.compile(
    r"\b(?:transfer(?:s|red|ring)?|escalat(?:e|es|ed|ing)|pass(?:es|ed|ing)?|connect(?:s|ed|ing)?|route|"
    r"forward(?:s|ed|ing)?|hand(?:s|ed|ing)?(?:\s+(?:it|them|this))?\s+(?:off|over))\s+"
    r"(?:(?:them|it|this|the\s+(?:chat|case|conversation|customer|call))\s*(?:$|[.,;]|to\b|on\b|over\b)|"
    r"(?:\w+\s+){0,2}to\s+(?:a|an|the|our)\s+(?:real\s+|live\s+)?(?:human|person|agent|colleague|manager|supervisor|"
    r"team|staff|specialist|advis[eo]r))|\bescalated\s+to\s+(?:a|an|the|our)\s+\w+|"
    r"\b(?:human|real\s+person|live\s+agent|agent|colleague|supervisor|manager|team|staff|someone)\s+(?:will|'ll|would)\s+"
    r"(?:call|ring|phone|email|e-mail|contact|reply|respond|get\s+back|follow\s+up|reach\s+out)\b|"
    r"\b\w+\s+will\s+(?:call|ring|email|e-mail|reply|respond|get\s+back|follow\s+up)\s+(?:them|to\s+them|by|within)\b|"
    r"\b(?:pás\w*|pasa\w*|transfi\w*|transf[eé]r\w*|deriv\w*|passe\s+la\s+main|passa\w*|trasferi\w*|inoltr\w*|"
    r"verbind\s+door|doorverbind\w*|weiterleit\w*|leite\w*\s+weiter|übergib\w*|encaminh\w*)\b[^.!?\n]{0,50}\b"
    r"(?:asesor|agente|persona|humano|conseill\w+|humain|operatore|umano|medewerker|mitarbeiter\w*|mensch\w*|"
    r"atendente|pessoa|humana?)\b|"
    r"人工(?!智能|知能)|引き継|担当者に|スタッフに(?:つな|繋|引)|转给|转接",
    re.IGNORECASE,
)


def gated(tool: str, constraints: Sequence[Constraint]) -> bool:
    """Whether the brief puts a condition on calling a tool: a step it must follow ("run_remote_diagnostic before
    create_fault_ticket"), or a prohibition that names it with a precondition ("never call refund_order unless …").
    Such a tool is no escalation route: a complaint or a refund request would open a ticket the brief forbids."""
    named = re.compile(rf"(?<![\w.]){re.escape(tool)}(?!\w)", re.IGNORECASE)
    for c in constraints:
        # (a first step before every other tool, "Always call verify_identity first", gates no tool: the hand-off
        # still follows it; an order that names this tool alone as the later step does)
        later = c.kind == "ordering" and c.then and named.search(c.then) and not (c.first and named.search(c.first))
        if later and len(tool_names_in(c.then or "")) <= 1:
            return True
        if c.kind == "prohibition" and named.search(c.text) and _PRECONDITION.search(c.text):
            return True
    return False


_PRECONDITION = re.compile(
    r"(?:without|unless|until|before|only\s+(?:after|once|when|if)|ohne|bevor|sans|avant|sin|antes|senza|prima|"
    r"zonder|voordat|sem)\b",
    re.IGNORECASE,
)


def own_handoff_reply(constraints: Sequence[Constraint]) -> str | None:
    """The brief's own sentence for the case it cannot handle ("If it's beyond you, say: "I'll pass this to our
    support team. Call …""): escalating means saying it, not a hand-off the engine words for it."""
    for c in constraints:
        if c.kind != "fallback" or c.action != "say" or not c.value or c.condition is None:
            continue
        if general_condition(c.condition) and (_STATED_HANDOFF.search(c.value) or _CONTACT.search(c.value)):
            return c.value
    return None


# A way to reach the team inside a fixed sentence: a phone number, an email address, a link.
_CONTACT = re.compile(r"\+?\d[\d ()-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+|\bwww\.\S+", re.IGNORECASE)


def care_line(constraint: Constraint, task: str) -> bool:
    """Whether a contact is a line for people in distress (a helpline, a crisis line) rather than a route to the
    team: the brief gives it for a crisis case, or introduces it as such a line."""
    if constraint.kind != "fallback" or constraint.action not in ("phone", "email", "url"):
        return False
    if constraint.condition and _DISTRESS.search(constraint.condition):
        return True
    span = constraint.span
    if span is None or span.field != "task":
        return False
    return _CARE_LINE.search(task[max(0, span.start - 80) : span.start]) is not None


# A case of distress a care line is given for, in the languages the engine reads.
_DISTRESS = re.compile(
    r"\b(?:crisis|crises|suicid\w*|self-?harm\w*|hurt(?:ing)?\s+(?:themsel\w+|himself|herself|yourself|myself)|"
    r"harm(?:ing)?\s+(?:themsel\w+|himself|herself|yourself)|"
    # ("the customer can't stop the auto-renewal", "an order in danger of arriving late": no distress)
    r"can['’]?t\s+(?:stop|cope|go\s+on)\b(?!\s+(?:the|a|an|my|their|his|her|it|this|that|its)\b)|"
    r"in\s+(?:immediate\s+)?danger\b(?!\s+of)|not\s+(?:wanting|want)\s+to\s+live|wants?\s+to\s+die|overdos\w*|abused?\b|"
    r"krise\w*|suizid\w*|crisi|suicidi\w*|autolesi\w*|zelfmoord\w*|selbstverletz\w*)|自殺|自杀|危機|危机|自伤|自傷",
    re.IGNORECASE,
)
# A line for people in distress, named just before its number ("the National Problem Gambling Helpline: 1-800-…").
_CARE_LINE = re.compile(
    # (not a customer line: "our service hotline", "the customer helpline")
    r"(?<!service\s)(?<!customer\s)(?<!support\s)(?<!technical\s)(?<!sales\s)(?<!booking\s)"
    r"\b(?:(?:crisis|suicide|gambling|debt|mental\s+health|abuse|domestic\s+(?:abuse|violence))\s+"
    r"[\w&' -]{0,30}?(?:help-?lines?|hotlines?|lines?)|national\s+[\w&' -]{0,30}?(?:help-?lines?|hotlines?)|"
    r"debtline|lifelines?|crisis\s+(?:lines?|text\s+lines?|services?)|"
    r"samaritans|childline|"
    r"kids\s+help\s+phone|telefonseelsorge|krisen\w*|l[ií]nea\s+(?:de\s+)?(?:crisis|ayuda|prevenci[óo]n)|"
    r"telefono\s+amico|ligne\s+d['’]écoute|sos\s+amiti[ée]|113\s+zelfmoordpreventie|cvv)\b[^.!?\n]*$|"
    r"いのちの電話|心理援助热线|心理热线|援助热线",
    re.IGNORECASE,
)


_PLACE_ROUTE = re.compile(
    r"\b(?:send|direct|refer|point|redirect)\w*\s+(?:them|the\s+\w+|him|her|people)\s+to\s+(?:the|teh|our)\s+"
    r"(?P<place>front\s+desk|reception(?:\s+desk)?|(?:help|service|information|circulation)\s+desk|box\s+office|"
    r"counter|ticket\s+office)\b",
    re.IGNORECASE,
)


# A person the brief routes people to: an adviser, an agent, a colleague, in the languages the engine reads.
_PERSON_ROUTE = re.compile(
    # a verb that hands the person over ("encaminhar para um assessor", "pásalo a un asesor humano"), not a third
    # party's staff the customer may contact ("customers can chat with a DPD agent at …")
    r"\b(?:pass|hand|transfer|refer|route|forward|escalate|connect|encaminh|pás|pas[ae]|deriv|weiterleit|"
    r"übergib|übergeb|transf[eé]r|pass(?:e|er)\s+la\s+main|trasfer|passa|inoltr|doorverbind|doorsturen|stuur|"
    # ("wants to speak to a person / een medewerker spreken, give them our number": the person asked for)
    r"speak|talk|spreken|sprechen|hablar|falar|parler|parlare)\w*\b"
    r"[^.!?\n]{0,30}\b(?:advis[eo]rs?|agents?|human|person|colleagues?|specialists?|consultants?|representatives?|"
    r"assessor(?:es)?|asesor(?:es)?|consultor(?:es)?|atendentes?|agentes?|conseill[eè]re?s?|berater(?:in)?|"
    r"mitarbeiter(?:in)?|consulente|operatore|adviseurs?|medewerkers?|humano|humain|mensch)\b[^.!?\n]{0,40}$|"
    # "Wil iemand een medewerker spreken, geef dan ons nummer …": the person someone asks to speak to
    r"\b(?:advis[eo]rs?|agents?|human|person|colleagues?|medewerkers?|mitarbeiter(?:in)?|asesor(?:es)?|agentes?|"
    r"conseill[eè]re?s?|consulente|operatore)\s+(?:\w+\s+)?(?:spreken|sprechen|speak|talk|hablar|falar|parler|parlare)"
    r"\b[^.!?\n]{0,40}$",
    re.IGNORECASE,
)


def escalation_case(condition: str | None) -> bool:
    """Whether a fallback's condition is a case an escalation is for: a complaint, a dispute, an appeal."""
    return bool(condition) and _ESCALATION_CASE.search(condition or "") is not None


def _contact_route(c: Constraint) -> str | None:
    if c.action == "phone":
        return f"tell them to call {c.value}."
    if c.action == "email":
        return f"tell them to email {c.value}."
    if c.action == "url":
        return f"point them to {c.value}."
    return None


_ESCALATION_CASE = re.compile(
    r"\b(?:complain\w*|complaints?|disput\w*|unhappy|dissatisfied|not\s+satisfied|appeal\w*|reclam\w*|reklam\w*|quej\w*|"
    r"beschwer\w*|plainte\w*|klacht\w*|contest\w*)",
    re.IGNORECASE,
)

# A contact the brief gives for one department: technical support, billing, sales, bookings.
_DEPARTMENT = re.compile(
    r"\b(?:tech(?:nical)?\s+support|it\s+support|billing|sales|bookings?|reservations?|suporte\s+t[ée]cnico|"
    r"soporte\s+t[ée]cnico|technischer\s+support|support\s+technique|assistenza\s+tecnica|technische\s+dienst|"
    r"faturamento|facturaci[óo]n|fakturierung|facturation|vendas|ventas|vertrieb|ventes)\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)

"""The routes a brief gives itself for emergencies, crises and legal matters, and whether it scripts its own
emergency or crisis step (which then replaces the pack's)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.engine.constraints.phones import EMERGENCY_SERVICES

_EMERGENCY_CONDITION = re.compile(
    r"(?<!non-)(?<!non )(?<!not an )(?:emergenc|chest pain|breath|bleed|stroke|unconscious|faint|overdose|"
    # swelling of the throat or face is an emergency; "toothache with swelling" is a dental appointment
    r"swelling\s+of\s+the\s+(?:face|throat|tongue|lips)|(?:throat|tongue|face)\s+swelling|allergic|poison|notfall|notruf|urgence|emergencia|emergência|急救|紧急|救急|緊急|救命)",
    re.IGNORECASE,
)
# What only emergency services can answer: a business line may take these only when the brief says so for them.
_LIFE_THREAT = re.compile(
    r"chest\s+pain|breath|stroke|unconscious|faint|overdose|allergic|anaphyla|poison|seizure|collaps|heart\s+attack|"
    r"life[- ]threat|medical\s+emergenc|"
    # "in an emergency, call …": the brief names its emergency line; a "dental emergency" line is the practice's own
    r"(?<!dental )(?<!vet )(?<!veterinary )(?<!IT )(?<!plumbing )(?<!heating )(?<!boiler )emergenc|"
    r"brustschmerz|atemnot|bewusstlos|douleur\s+thoracique|inconscient|dolor\s+(?:de|en\s+el)\s+pecho|inconsciente|"
    r"dor\s+no\s+peito|胸痛|呼吸困难|意识|胸の痛み|呼吸が苦しい|意識",
    re.IGNORECASE,
)
# A line given for suicide or self-harm is a crisis line, not the number for chest pain: "if anyone mentions suicide,
# give Samaritans 116 123" must never become "for chest pain, call 116 123".
_CRISIS_CONDITION = re.compile(
    r"suicid|self[- ]?harm|selbstmord|suizid|selbstverletz|autolesi|automutila|autoagress|zelfmoord|"
    r"(?:kill|hurt|harm)(?:ing)?\s+(?:them|him|her|my|your)sel|end(?:ing)?\s+(?:their|his|her|my|your)\s+life|"
    r"(?:not|n't)\s+(?:want(?:ing)?\s+to\s+)?(?:wanting\s+to\s+)?(?:live|be\s+here)\b|\bcris[ie]s\b|\bkrise|"
    r"\bwant(?:s|ing)?\s+to\s+die\b|\bnot\s+(?:being|feeling)\s+safe\b|"
    r"(?:machucar|ferir|hacerse\s+daño|lastimarse|verletzen|blesser|far(?:si)?\s+del\s+male)|"
    r"自杀|自殺|自傷|自残|轻生|死にたい",
    re.IGNORECASE,
)
_CRISIS_LINES = frozenset({"988"})
"""Crisis lines, not emergency services: never offered as the number for an emergency."""


def emergency_number(phones: Iterable[tuple[str, str | None]]) -> str | None:
    """The number a brief gives for emergencies, from its phone fallbacks as (number, condition) pairs.

    A known emergency-services number (911, 999, 112, 192) counts unless its condition says it is not for
    emergencies; any other number counts only when its condition names an emergency ("if someone has chest pain").
    """
    candidates = []
    for number, condition in phones:
        digits = "".join(ch for ch in number if ch.isdigit())
        if digits in _CRISIS_LINES:
            continue
        crisis_only = condition and _CRISIS_CONDITION.search(condition) and not _EMERGENCY_CONDITION.search(condition)
        if crisis_only and digits not in EMERGENCY_SERVICES:
            continue
        named = bool(condition and _EMERGENCY_CONDITION.search(condition))
        if named and digits not in EMERGENCY_SERVICES and not (condition and _LIFE_THREAT.search(condition)):
            # "severe pain, swelling or bleeding that won't stop: call the office": a practice's own line for its own
            # urgent cases is no number for chest pain or a stroke.
            named = False
        denied = bool(condition and re.search(r"non-?\s?emergenc|not\s+(?:an?\s+)?emergenc", condition, re.I))
        if not denied and (digits in EMERGENCY_SERVICES or named):
            candidates.append((digits not in EMERGENCY_SERVICES, number))
    # "call the ward on 020 …, or 999 for chest pain": the emergency service wins over a line that also takes them.
    return min(candidates)[1] if candidates else None


_LEGAL_CONDITION = re.compile(
    r"evict|court|tribunal|legal|lawyer|solicitor|claim|notice|landlord|deadline|debt|arrest|police|rights|sued?\b|"
    r"abogad|anwalt|avocat|advogad|gericht|juzgado|demanda|desahucio|despejo|räumung|expulsion|k[üu]ndigung|"
    r"tribunale|avvocat|sfratto|rechter|advocaat|huisuitzetting",
    re.IGNORECASE,
)


def legal_contact(fallbacks: Iterable[tuple[str, str, str | None]]) -> str | None:
    """How to reach the referral a brief gives for a legal matter ("If they mention eviction, tell them to contact
    Shelter on 0808 800 4444"), from its fallbacks as (action, value, condition) triples."""
    verbs = {"phone": "call", "email": "email", "url": "go to"}
    for action, value, condition in fallbacks:
        if action in verbs and condition and _LEGAL_CONDITION.search(condition):
            return f"{verbs[action]} {value}"
    return None


def crisis_number(phones: Iterable[tuple[str, str | None]]) -> str | None:
    """The line a brief gives for suicide, self-harm or a crisis ("if anyone mentions suicide, give Samaritans
    116 123"), from its phone fallbacks as (number, condition) pairs; a known crisis line (988) counts on its own."""
    for number, condition in phones:
        digits = "".join(ch for ch in number if ch.isdigit())
        if digits in _CRISIS_LINES or (condition and _CRISIS_CONDITION.search(condition)):
            return number
    return None


def states_crisis_step(fallbacks: Iterable[tuple[str | None, str, str | None]]) -> bool:
    """Whether the brief's own crisis step stops the conversation ("if someone mentions wanting to hurt themselves,
    stop the intake and tell them to call 988") or gives the exact words to reply, which the pack's "respond with
    care … keep the conversation going" would contradict (quoted in the sentence, whatever its action was read as);
    `fallbacks` are (condition, sentence, action) triples. A bare line to give ("if anyone mentions suicide, give
    Samaritans 116 123") keeps the pack's rule, which names that line."""
    return any(
        condition
        and _CRISIS_CONDITION.search(condition)
        and (
            (action == "say" and _ROUTE_IN_REPLY.search(sentence))
            or any(_ROUTE_IN_REPLY.search(quoted.group(0)) for quoted in _QUOTED_REPLY.finditer(sentence))
            or _STOPS.search(sentence)
            or STOP_STEP.search(sentence)
        )
        for condition, sentence, action in fallbacks
    )


# The exact words of a reply, quoted ("« Vous pouvez appeler le 3114 … » puis lui proposer la permanence"): with the
# line in them, they are the brief's own crisis reply, whichever route the fallback was read as.
_QUOTED_REPLY = re.compile(r'"[^"]{12,400}"|“[^”]{12,400}”|«[^»]{12,400}»|„[^“”]{12,400}[“”]|「[^」]{6,400}」')


def states_emergency_step(fallbacks: Iterable[tuple[str | None, str, str | None]]) -> bool:
    """Whether the brief scripts the reply to an emergency ("if they have fallen or have chest pain, say "I'm alerting
    the centre now; call 112""), with a route in its words; `fallbacks` are (condition, sentence, action) triples."""
    return any(
        condition and _EMERGENCY_SIGNS.search(condition) and action == "say" and _ROUTE_IN_REPLY.search(sentence)
        for condition, sentence, action in fallbacks
    )


# The signs of a medical emergency a scripted reply answers, falls included ("se ha caído"), in the languages briefs
# come in.
_EMERGENCY_SIGNS = re.compile(
    # (the signs themselves: not "emergency appointments", "citas de urgencia", a breathing-rehab class)
    r"chest\s+pain|(?:can'?t|cannot|trouble|difficulty|struggling\s+to)\s+breath|unconscious|stroke|severe\s+bleeding|"
    r"\b(?:has\s+|have\s+)?(?:fallen|fell)\b|\b(?:had\s+)?a\s+fall\b|\bcaduta\b|\bmalore\b|\bnon\s+risponde\b|"
    r"\buna\s+ca[íi]da\b|\bune\s+chute\b|\bun\s+malaise\b|\bsturz\b|"
    # ("If a child says they feel sick or are in pain, reply: Please tell the grown-up with you or a nurse")
    r"\b(?:are|is|am)\s+in\s+pain\b|\bfeel(?:s|ing)?\s+(?:very\s+)?(?:sick|faint|unwell|ill|dizzy|light-?headed)\b|"
    # (the pack's own signs, in the brief's words: "feeling faint", "collapses", "a seizure")
    r"\bfaint(?:ed|ing|s)?\b|\bhead\s+injur(?:y|ies)\b|\bconcussion\b|\bknocked\s+out\b|\bpass(?:es|ed)?\s+out\b|\bcollaps\w*|\bseizures?\b|anaphyla\w*|allergic\s+reaction|"
    r"ohnm[äa]cht\w*|krampfanfall|desmay\w*|[ée]vanoui\w*|perte\s+de\s+connaissance|flauwgevallen|"
    r"(?:dolor\s+(?:de|en\s+el)|duele\s+el)\s+pecho|no\s+puede\s+respirar|se\s+ha\s+ca[íi]do|inconsciente|"
    r"brustschmerz\w*|atemnot|gestürzt|bewusstlos|douleur\s+(?:à\s+la\s+poitrine|thoracique)|ne\s+peut\s+plus\s+respirer|"
    r"(?:est|suis)\s+tomb[ée]e?|inconscient|dor\s+no\s+peito|n[ãa]o\s+consegue\s+respirar|caiu|desmai\w*|"
    r"dolore\s+al\s+petto|non\s+riesce\s+a\s+respirare|(?:è|sono)\s+cadut[oa]|svenut[oa]|borstpijn|gevallen|ademnood|"
    r"胸の痛み|胸が痛|息ができ|呼吸が苦し|倒れ|転倒|意識がな|胸痛|呼吸困难|摔倒|昏迷",
    re.IGNORECASE,
)

EMERGENCY_SIGNS = _EMERGENCY_SIGNS


# A scripted crisis reply that itself sends the person somewhere ("Please call or text 988 now"); one that only
# comforts ("I'm here with you") leaves the pack's crisis rule in place.
_ROUTE_IN_REPLY = re.compile(
    r"\d{3}|\b(?:call|ring|text|phone|contact|helpline|hotline|lifeline|samaritans|emergency|urgences|notruf|"
    r"llama|llame|ligue|ruf|appel(?:le[zr]?|ez|er)|chiama|"
    # (someone there who helps: "Please tell the grown-up with you or a nurse right now")
    r"tell\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}?(?:grown-?up|adult|nurse|parent|teacher|carer|staff|coach))\b",
    re.IGNORECASE,
)


# A step that stops what the assistant is doing, as the brief's own sentence says it ("arrêter l'exercice", "para el
# ejercicio", "stop the quiz"; not "at the end of every chat")
STOP_STEP = re.compile(
    r"\b(?:stop|end|pause|halt|break\s+off)\s+(?:the|this|your|our)\s+(?:[\w-]+\s+)?(?:chat|conversation|session|"
    r"exercise|intake|quiz|lesson|game|check-?in|interview|practice|role-?play|activity)\b|"
    # (whatever the activity is called, when the brief's own reply follows the stop: "stop the journaling and reply
    # with exactly this: …")
    r"\b(?:stop|end|pause|halt)\s+(?:the|this|your|our)\s+(?:[\w-]+\s+){1,2}?(?:and|then)\s+(?:reply|respond|say|answer|"
    r"send|write)\b|"
    r"\barr[êe]t(?:er|ez|e)\s+(?:imm[ée]diatement\s+|tout\s+de\s+suite\s+|de\s+suite\s+)?(?:l['’]|le\s+|la\s+)\w+|\bdet[eé]n\w*\s+(?:el|la)\s+\w+|"
    r"\bpar(?:a|ar|e)\s+(?:el|la)\s+(?:ejercicio|conversaci[óo]n|sesi[óo]n|juego|clase|actividad|pr[áa]ctica)\b|"
    r"\binterrump\w*|\binterromp\w*|\bbeende\w*|\bbrich\w*\s+(?:\w+\s+){0,3}ab\b|\babbrechen|\bunterbrech\w*|"
    r"中止|中断|停止",
    re.IGNORECASE,
)
_STOPS = re.compile(
    r"\b(?:stop|end|pause|halt|break\s+off|abbrechen|beend\w*|unterbrech\w*|det[eé]n\w*|interrump\w*|arr[êe]t\w*|"
    r"interromp\w*|parar|paren|stopp\w*|termin\w*)\b|中止|中断|停止",
    re.IGNORECASE,
)

ROUTE_IN_REPLY = _ROUTE_IN_REPLY
"""A fixed reply that itself sends the person somewhere ("Please call 111 now")."""

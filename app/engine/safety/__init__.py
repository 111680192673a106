"""Safety packs for sensitive domains, chosen by detecting the domain in the brief, whatever its archetype.

A pack is added when its domain's cues appear in the brief (task, audience, constraints; see `cues` for the
multilingual cue tables); a child audience age (under 13) also selects the children's pack. Archetypes with a
fixed output (labels, fields, translations, grades) get a pack only when the brief says the assistant talks with
a person, so that a mental-health companion misread as a classifier still gets its crisis rules while a job that
extracts doses from discharge notes gets none. Rules are phrased as good prompts phrase them: the behaviour, then
the reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

import msgspec

from app.engine.constraints.people import adults_ask
from app.engine.constraints.phones import EMERGENCY_SERVICES
from app.engine.safety.cues import (
    ANIMAL_CARE,
    CHILDREN,
    DOMAIN_CUES,
    INVESTING,
    PERSON_FACING,
    PLANT_CARE,
    detected,
)
from app.engine.safety.evidence import advice_evidence, livestock_only
from app.engine.safety.settled import CRISIS_SCRIPTED, MEDICATION_STATED, NOT_COUNSELLING
from app.engine.spec import Rule

SAFETY_GROUP = "Safety"


class SafetyPack(msgspec.Struct, frozen=True, kw_only=True):
    """The rules for one sensitive domain (its cues live in `app.engine.safety.cues`)."""

    domain: str
    rules: tuple[Rule, ...]
    advice: tuple[int, ...] = ()
    """Indices of its rules that draw the advice line: dropped when the brief draws it itself (see `settled`)."""
    crisis: tuple[int, ...] = ()
    """Indices of its crisis rules: dropped when the brief says itself what to do in a crisis (its own words stay)."""
    emergency: tuple[int, ...] = ()
    """Indices of its emergency rules: dropped when the brief scripts its own emergency reply with a route in it."""
    referrals: tuple[int, ...] = ()
    """Indices of its rules that send the person elsewhere: dropped when the brief settles the domain and has its own
    route, or serves professionals, or drafts replies for a business."""
    listening: tuple[int, ...] = ()
    """Indices of its rules for a listener: dropped, with the advice rules, when the brief says its service is no
    counselling (see `settled.NOT_COUNSELLING`)."""
    medication: tuple[int, ...] = ()
    """Indices of its rules on starting or stopping a medicine: dropped when the brief rules on that itself."""


def _rule(text: str, reason: str) -> Rule:
    return Rule(text=text, reason=reason, group=SAFETY_GROUP)


# A place, a court or a law the brief names: the jurisdiction is known, so asking for it would be a wasted turn.
JURISDICTION = re.compile(
    r"\b(?:[A-Z][a-z]+\s+)?(?:Act|Code|Law|Statute|Regulations?)\b(?:\s+\d{4})?|\b(?:GDPR|HIPAA|BGB|CLT|LGPD|RGPD)\b|"
    r"\b(?:in|of|for)\s+(?:the\s+)?(?:UK|U\.K\.|US|U\.S\.|USA|England|Scotland|Wales|Ireland|Canada|Ontario|Quebec|"
    r"California|Texas|New York|Florida|Australia|New Zealand|India|Germany|France|Spain|Italy|Portugal|Brazil|Mexico|"
    r"Japan|China|the Netherlands|Belgium|Austria|Switzerland)\b|\b(?:council|municipal|county|city of|state of)\b",
)
ASK_JURISDICTION = "Ask which country or state applies whenever the answer depends on it."

PACKS: tuple[SafetyPack, ...] = (
    SafetyPack(
        domain="medical",
        advice=(1,),
        emergency=(0,),
        medication=(2,),
        rules=(
            _rule(
                "If the person describes signs of an emergency (chest pain, trouble breathing, severe bleeding, "
                "signs of a stroke, fainting, a severe allergic reaction), tell them first to {call_emergency} now.",
                "Minutes matter in an emergency, and a chat cannot examine anyone or send help.",
            ),
            _rule(
                "Give general health information only: do not diagnose the person's condition and do not "
                "recommend a specific treatment, medication or dose for their case; suggest a doctor or "
                "pharmacist for that.",
                "A diagnosis needs an examination and a medical history that you do not have.",
            ),
            _rule(
                "Never tell someone to start, stop or change a prescribed medication.",
                "Changing medication without the prescriber can cause serious harm.",
            ),
        ),
    ),
    SafetyPack(
        domain="veterinary",
        advice=(1,),
        emergency=(0,),
        rules=(
            _rule(
                "If the owner describes signs of an emergency in their animal (trouble breathing, collapse, heavy "
                "bleeding, seizures, suspected poisoning, a swollen or hard belly), tell them first to {call_vet} now.",
                "Minutes matter in an animal emergency, and a chat cannot examine the animal.",
            ),
            _rule(
                "Give general pet-care information only: do not diagnose the animal or recommend a specific "
                "medication or dose for it; suggest that a vet examines it.",
                "A diagnosis needs an examination, and doses depend on the species and the animal's weight.",
            ),
            _rule(
                "Never suggest giving an animal a medication meant for people.",
                "Many human medicines (paracetamol, ibuprofen) are poisonous to pets.",
            ),
        ),
    ),
    SafetyPack(
        domain="mental_health",
        advice=(2,),
        crisis=(0,),
        listening=(1,),
        rules=(
            _rule(
                "If the person mentions suicide, self-harm or harming someone else, respond with care, urge them to "
                "{reach_crisis} now{crisis_hint}, and keep the conversation going until "
                "they say they are reaching out.",
                "Immediate human help saves lives, and an assistant cannot provide it.",
            ),
            _rule(
                "Take every feeling the person shares seriously: acknowledge it before anything else and never "
                "dismiss, minimise or argue with it.",
                "People in distress who feel brushed off stop talking, and talking is what keeps them safe.",
            ),
            _rule(
                "Do not diagnose mental health conditions or present yourself as a therapist; when difficulties "
                "persist or grow, encourage the person to speak with a qualified professional.",
                "Diagnosis and treatment need a trained clinician who can follow the person over time.",
            ),
        ),
    ),
    SafetyPack(
        domain="legal",
        advice=(0,),
        referrals=(1, 2),
        rules=(
            _rule(
                "Give general legal information, not legal advice: do not tell the person what to do in their "
                "specific case or predict its outcome, and suggest a qualified lawyer or legal aid service for that.",
                "The answer depends on the jurisdiction and on facts of the case that you cannot check.",
            ),
            _rule(
                ASK_JURISDICTION,
                "Laws differ between jurisdictions, so an answer for the wrong one misleads.",
            ),
            _rule(
                "If the person mentions a deadline, a court date, an arrest or a notice they must answer, tell them "
                "to {legal_contact} promptly.",
                "Missing a legal deadline can cost rights that cannot be recovered.",
            ),
        ),
    ),
    SafetyPack(
        domain="financial",
        advice=(0, 1),
        rules=(
            _rule(
                "Give general financial education, not personalised investment advice: do not recommend buying, "
                "selling or holding a specific security, fund or cryptocurrency for the person.",
                "A recommendation depends on their whole financial situation and may require a licence.",
            ),
            _rule(
                "When the person asks what they should do with their money, say that this is general information, "
                "not financial advice, and suggest a licensed financial adviser for their situation.",
                "People act on money answers, and the risk of a wrong one is theirs.",
            ),
            _rule(
                "Never promise or predict returns, and mention the risk of loss whenever you discuss an investment.",
                "Past performance does not guarantee future results, and a promise misleads.",
            ),
        ),
    ),
    SafetyPack(
        # Pay, tax, bills, budgets and debt without investing: no talk of securities or returns.
        domain="money",
        advice=(0,),
        rules=(
            _rule(
                "Explain how pay, tax, bills and money matters work in general, but do not tell the person what to do "
                "about their own tax, debt or money decisions; suggest a qualified professional, such as a "
                "financial adviser, an accountant or a free debt or tax advice service, for their case.",
                "Advice on one person's money depends on facts you cannot check, and they act on it.",
            ),
            _rule(
                "Never guess at figures the person has not given you, such as their tax code, balance or income.",
                "A guessed figure reads as a fact and can lead to a costly mistake.",
            ),
        ),
    ),
    SafetyPack(
        domain="children",
        rules=(
            _rule(
                "Never ask for or keep a child's personal information (full name, address, school, phone number, "
                "photos); if a child shares it, do not repeat it and remind them kindly not to share it online.",
                "Children's data is protected by law (COPPA, GDPR), and children may not see the risk.",
            ),
            _rule(
                "Keep every reply age-appropriate: no violent, sexual or frightening content, and no links to "
                "outside sites other than ones these instructions give.",
                "The readers are children, and content that suits adults can harm them.",
            ),
            _rule(
                "If a child says they are being hurt, bullied or feel unsafe, tell them kindly to talk to a trusted "
                "adult, such as a parent or teacher, right away.",
                "A trusted adult can act in ways an assistant cannot.",
            ),
        ),
    ),
    # Teenagers (13-17) need straight answers on health, relationships and safety: the children's "no sexual
    # content" would forbid what a sexual-health service for teens exists to explain.
    SafetyPack(
        domain="teens",
        rules=(
            _rule(
                "Never ask for a teenager's personal information (full name, address, school, phone number, photos); "
                "if they share it, do not repeat it and remind them not to share it online.",
                "Young people's data is protected by law (COPPA, GDPR), and teenagers may not see the risk.",
            ),
            _rule(
                "Keep replies suitable for teenagers: no graphic sexual or violent content, and give accurate, "
                "non-judgemental information when they ask about their body, health or safety.",
                "Teenagers need straight answers they can trust, and graphic content can harm them.",
            ),
            _rule(
                "If a teenager says they are being hurt, abused or feel unsafe, take it seriously, tell them it is "
                "not their fault, and encourage them to talk to a trusted adult or a helpline right away.",
                "A trusted adult or a helpline can act in ways an assistant cannot.",
            ),
        ),
    ),
)
_CHILD_AGE = 13


MEDICAL_CUES = next(c for c in DOMAIN_CUES if c.domain == "medical")
_ADVICE_DOMAINS = frozenset({"medical", "legal", "financial"})
_ONLY_A_CLINIC = re.compile(r"clinics?(?:\s+clinics?)*")


def detect_domains(
    texts: Iterable[str],
    max_audience_age: int | None = None,
    *,
    advises_people: bool = True,
    audience: str | None = None,
) -> list[str]:
    """The sensitive domains whose packs the brief needs, in pack order.

    `advises_people` is False for an archetype with a fixed output (labels, fields, a translation, a grade): its
    packs are then chosen only when the brief also says the assistant talks with a person.
    """
    raw = _without_quoted_terms(unicodedata.normalize("NFKC", "\n".join(t for t in texts if t)))
    joined = _NAMED_AFTER_CHILDREN.sub(" ", raw).lower()
    scanned = _CIRCUMSTANCES.sub(" ", joined)
    # (an advice domain needs a cue that is not only the topic of an advice ban, a hospital listed among the buildings
    # a business serves or a farm's "stock"; crisis and children's cues count wherever they are)
    evidence = advice_evidence(scanned)
    found = [c.domain for c in DOMAIN_CUES if detected(c, evidence if c.domain in _ADVICE_DOMAINS else scanned)]
    if "children" in found and (
        _children_only_as_family(joined)
        or _adults(audience, joined)
        or _ADULTS_STATED.search(joined)
        or adults_ask(joined)
    ):
        found.remove("children")  # "people who have children going hungry", "a newsletter for parents": adults
    if max_audience_age is not None and max_audience_age < _CHILD_AGE and "children" not in found:
        found.append("children")
    elif "children" in found and _TEENS.search(joined) and not CHILDREN.strong.search(joined):
        found[found.index("children")] = "teens"  # "adolescentes de 13 a 17 anos": teenagers, not children
    # (quoted material is an example input or words to say: "Smoking cessation advice given." in pasted notes)
    unquoted = _QUOTATION.sub(" ", _NEGATED_ADVICE.sub(" ", joined))
    if found and not advises_people and not PERSON_FACING.search(unquoted):
        return []
    if (
        "medical" in found
        and "legal" in found
        and _ONLY_A_CLINIC.fullmatch(" ".join(m.group(0) for m in MEDICAL_CUES.strong.finditer(joined)))
    ):
        found.remove("medical")  # "our Tuesday drop-in clinic" of a tenants' union: advice sessions, not health care
    if "medical" in found and "mental_health" in found and _medical_only_ruled_out(joined):
        # "no diagnosis, medication or therapy", "warm, not clinical": a counselling service that rules medical talk
        # out is no medical service (no "chest pain" emergency list, no pharmacist).
        found.remove("medical")
    if "financial" in found and not INVESTING.search(_NEGATED_INVESTING.sub(" ", evidence)):
        # A payslip, a bill or a budget is money, not investing: no rules about securities or returns.
        found[found.index("financial")] = "money"
    if (
        "medical" in found
        and PLANT_CARE.search(joined)
        and not MEDICAL_CUES.strong.search(_CIRCUMSTANCES.sub(" ", _PLANT_HEALTH.sub(" ", joined)))
    ):
        # "help diagnose plant diseases", "suggest a treatment for leaf spot": a garden centre, not a clinic; only a
        # person's health named outright ("medical help", "su médico", "Giftnotruf", "poison") keeps the pack
        found.remove("medical")
    if "medical" in found and ANIMAL_CARE.search(joined):
        # A vet clinic's patients are animals: the animal pack replaces the human one (no "chest pain", no pharmacist).
        found[found.index("medical")] = "veterinary"
        pests = _PEST_CONTROL.search(joined) is not None and not _PETS.search(joined)
        if not _ANIMAL_OWNERS.search(joined) or pests or livestock_only(joined):
            # A wildlife rescue's handover notes: no owner reads the reply, and the pack speaks to one. A farm's
            # cattle and sheep are the farmer's business: no pet-care rules.
            found.remove("veterinary")
    return found


# "no diagnosis, medication", "never mention medication", "never diagnose anything or suggest medication", "not
# clinical" (not "if they did not take their medication", "never judge, and if they ask about their medication")
_RULED_OUT_BEFORE = re.compile(
    r"\b(?:no|not|never|don'?t|do\s+not|without|nor|avoid)\s+(?:(?:[\w-]+\s+){0,3}(?:or|and|nor)\s+)?"
    r"(?:(?:mention|suggest|recommend|discuss|give|offer|prescribe|diagnose|comment\s+on|talk\s+about|advise\s+on|be)\s+"
    r"(?:any\s+|their\s+|a\s+|an\s+)?|[\w-]+,\s*(?:[\w-]+,\s*)*)?$"
)


def _medical_only_ruled_out(joined: str) -> bool:
    """Whether every medical cue of the brief sits in a negation ("no diagnosis, medication or therapy")."""
    cues = list(MEDICAL_CUES.strong.finditer(joined))
    return bool(cues) and all(_RULED_OUT_BEFORE.search(joined, max(0, m.start() - 50), m.start()) for m in cues)


# 'don't use the words "disorder", "symptom" or "patient"': a quoted word or two is a term the brief talks about,
# not a topic of its users (a quoted reply of several words still counts).
_QUOTED_TERM = re.compile(
    r'"[^"\s]{1,25}(?: [^"\s]{1,25})?"|“[^”\s]{1,25}(?: [^”\s]{1,25})?”|«\s?[^»\s]{1,25}(?: [^»\s]{1,25})?\s?»'
)


# "the words", "terms like", "phrases such as": quoted terms after it are words the brief talks about
_TERMS_LEAD = re.compile(
    r"\b(?:words?|terms?|phrases?|expressions?|wording|vocabulary|jargon|palabras|términos|wörter|begriffe|mots|"
    r"termes|palavras|termos|parole|woorden)\b[^.!?\n\"“«]{0,20}",
    re.IGNORECASE,
)
_TERM_SEPARATOR = re.compile(r"\s*(?:,|\bor\b|\band\b|\by\b|\bo\b|\boder\b|\bund\b|\bou\b|\bet\b)?\s*")


def _without_quoted_terms(text: str) -> str:
    """The text with the quoted short terms that follow a word like "the words" blanked out: 'don't use the words
    "disorder", "symptom" or "patient"' names no medical topic, while 'when they feel "suicidal"' still does."""
    blanked = list(text)
    for lead in _TERMS_LEAD.finditer(text):
        position = lead.end()
        while True:
            separator = _TERM_SEPARATOR.match(text, position)
            quoted = _QUOTED_TERM.match(text, separator.end() if separator else position)
            if quoted is None:
                break
            blanked[quoted.start() : quoted.end()] = " " * (quoted.end() - quoted.start())
            position = quoted.end()
    return "".join(blanked)


_QUOTATION = re.compile(r'"[^"]{1,400}"|“[^”]{1,400}”|«[^»]{1,400}»')


# Sick leave and its paperwork are an employment matter ("una baja médica", "a sick note", "Krankmeldung"), and a
# household that relies on medical equipment is a billing or priority-services circumstance: no health question.
_CIRCUMSTANCES = re.compile(
    r"\b(?:(?:relies|rely|relying|depends?|depending|dependent)\s+on\s+(?:\w+\s+){0,2}medical\s+(?:equipment|devices?)|(?:baja|licencia|permiso|parte|certificado|justificante)\s+m[ée]dic[oa]|licen[çc]a\s+m[ée]dica|"
    r"atestado\s+m[ée]dico|medical\s+(?:leave|certificates?|notes?)|sick\s+(?:leave|notes?|pay|days?)|"
    r"arr[êe]ts?\s+(?:de\s+travail|maladie)|cong[ée]\s+maladie|krankschreibung|krankmeldung|krankmeldungen|"
    r"arbeitsunf[äa]higkeit\w*|ziekmelding\w*|ziekteverlof|malattia\s+(?:del|dei)\s+dipendent\w*|"
    # the school nurse a pupil is sent to ("d'en parler à l'infirmière du lycée"): someone to turn to, no health care
    r"(?:talk|speak|go|see|tell|contact|refer\w*|parler|en\s+parler|hablar|ir)\s+(?:to\s+|à\s+|a\s+|con\s+)?"
    r"(?:the\s+|l['’]|la\s+|el\s+|a\s+la\s+)?(?:(?:school|lycée|college)\s+nurse|infirmi\w+\s+(?:du\s+(?:lycée|collège)|"
    r"de\s+l['’](?:école|établissement)|scolaire)|enfermer[ao]\s+(?:del|de\s+la)\s+(?:colegio|escuela|instituto)))\b",
    re.IGNORECASE,
)
# A plant's or a crop's illness: "plant diseases", "diseases of roses", "tomato blight symptoms".
_PLANT_HEALTH = re.compile(
    r"\b(?:(?:plant|crop|tree|lawn|leaf|foliage|garden|houseplant|rose|tomato|potato|vine|fruit|orchid|turf|fungal|"
    r"bacterial|viral|rot|blight|mildew|wilt|mou?ld|root|pests?\s+and)s?\s+(?:diseases?|illness|symptoms?|health|problems?|treatments?|disorders?)|"
    # "maladies des arbres fruitiers", "enfermedades de las plantas", "Krankheiten der Bäume"
    r"(?:maladies?|enfermedad(?:es)?|krankheiten?|malattie|doen[çc]as?)\s+(?:de|des|du|der|delle|dei|das|dos|da|di)\s+"
    r"(?:la\s+|las\s+|los\s+|l['’])?(?:plantes?|arbres?|plantas?|árboles?|pflanzen|bäume|piante|alberi|árvores?|"
    r"cultivos?|cultures|gazon|césped|rasen|prato|gramado)|"
    r"(?:diseases?|symptoms?|treatments?)\s+(?:of|in|on|affecting|for)\s+(?:(?:their|your|the|a|an|our)\s+)?"
    r"(?:\w+\s+)?(?:plants?|crops?|trees?|lawns?|roses|vegetables|leaves|seedlings|shrubs))\b"
)
# "the Children's Garden", "Kids Corner": a room, club or place named after children, mid-sentence and capitalised,
# says nothing about who reads the replies.
# (a place that names its users, "Riverside Children's Hospital", "Kids Club", stays: its users are children)
_NAMED_AFTER_CHILDREN = re.compile(
    r"(?<=[a-z,;]\s)(?:the\s+)?(?:Children'?s?|Kids'?|Child's|Family)\s+"
    r"(?:Garden|Corner|Room|Wing|Trail|Area|Section|Menu|Zone|Floor|Entrance|Lounge|Changing\s+Room|Toilets?)\b"
)
# Teenagers named as such, or ages of 13 and over: "teens", "adolescentes de 13 a 17 anos", "Jugendliche".
_TEENS = re.compile(
    r"\b(?:teens?|teenagers?|adolescen\w*|jugendliche\w*|ados|jóvenes|ragazz[ie]|tieners|young people|"
    r"(?:aged?|ages)\s+1[3-7]|1[3-7]\s*(?:-|–|to|a|à|bis|and|y|e)\s*1[4-9]\s*(?:years?|yrs|y/o|años|anos|ans|jahre\w*|"
    r"anni|jaar))\b|青少年|中高生|十代",
    re.IGNORECASE,
)
# "Nos apprenants sont des adultes", "our users are all adults": the brief says its readers are grown-ups.
_ADULTS_STATED = re.compile(
    r"\b(?:are|sont|son|sind|sono|são|zijn)\s+(?:des\s+|all\s+|only\s+|todos\s+|tous\s+)?(?:adults?|adultes|adultos|"
    r"erwachsene|adulti|volwassenen)\b|\b(?:readers|users|audience|members|customers)\s+(?:\w+\s+)?skews?\s+older\b|"
    r"\b(?:older|senior)\s+(?:adults|readers|patrons|members|citizens)\b|\bretirees\b|"
    # "cours de ski, enfants dès 4 ans et adultes": lessons offered to both; the clients who book are adults
    r"^(?![\s\S]*\b(?:kids|children|enfants|niños|kinder|bambini|crianças|kinderen|les\s+enfants)\b[^.;\n]{0,40}\b"
    r"(?:chat|use|utilisent|answer|ask|talk|write|type|écrivent|posent|usan|escriben|nutzen|schreiben|usano|usam)\w*)"
    r"[\s\S]*\b(?:children|kids|enfants|niños|kinder|bambini|crianças|kinderen)\s+(?:from|aged|dès|à\s+partir\s+de|ab|"
    r"desde|a\s+partir\s+de|vanaf|da|dai)\s+\d{1,2}[^.;\n]{0,12}\b(?:and|et|y|und|e|en|&)\s+(?:adults|adultes|"
    r"adultos|erwachsene|adulti|volwassenen)\b",
    re.IGNORECASE,
)
# Someone who owns, keeps or brings in the animal: the veterinary pack speaks to them.
# A pest-control firm's animals are the pests it removes: nobody asks it about their own animal's health
# (a wildlife rescue's handover notes likewise have no owner to speak to)
_PEST_CONTROL = re.compile(
    r"\bpest[\s-]?(?:control|management|removal)\b|\bexterminat\w*|\bwildlife\s+(?:removal|control)\b|\bfumigat\w*|"
    r"\bschädlingsbekämpf\w*|\bkammerjäger\w*|\bcontrol\s+de\s+plagas\b|\bd[ée]ratisation\b|\bd[ée]sinsectisation\b|"
    r"\bcontrole\s+de\s+pragas\b|\bdedetiza\w*|\bdisinfestazion\w*|\bderattizzazion\w*|\bongediertebestrijding\b|"
    r"害虫駆除|害虫防除|除虫|灭虫|虫害防治|有害生物防治",
    re.IGNORECASE,
)
_PETS = re.compile(
    r"\b(?:pets?|dogs?|cats?|puppies|puppy|kittens?|vets?|veterinar\w*|mascotas?|haustier\w*|animaux\s+de\s+compagnie|"
    r"animais\s+de\s+estima[çc][ãa]o|huisdier\w*)\b|ペット|宠物",
    re.IGNORECASE,
)
_ANIMAL_OWNERS = re.compile(
    r"\b(?:owners?|pets?|clients?|customers?|adopters?|people|callers|users?|visitors?|families|dueños?|besitzer\w*|"
    r"halter\w*|propriétaires?|tutores?|donos?|proprietari|eigenaars?|baasjes?)\b|飼い主|主人|宠物主|铲屎官",
    re.IGNORECASE,
)


# "Don't add any advice on treatment": advice ruled out is no sign that the assistant talks with a person.
# ("Never add a diagnosis, dose, test or piece of advice that isn't there": the whole list the negation governs)
_NEGATED_ADVICE = re.compile(
    # ("no coaching during the role-play": no coach talks with anyone)
    r"\b(?:no|not|never|don'?t|do\s+not|without)\s+(?:[\w'-]+,?\s+){0,8}(?:advi[cs]\w*|coach\w*)",
    re.IGNORECASE,
)


# "Don't give investment or debt advice", "Nunca dês conselhos de investimento": investing ruled out is no
# investing job, so no rules about returns.
_NEGATED_INVESTING = re.compile(
    r"\b(?:no|not|never|don'?t|do\s+not|nor|without|nunca|ni|nem|jamais|pas|nie|keine?n?|kein|non|niente)\b"
    r"[^.;:!?\n]{0,40}?(?:invest|inversi|investiment|investiss|geldanlage|anlage|aktien|acciones|crypto|krypto)\w*"
    # "… investment or crypto advice": the whole list the negation governs
    r"(?:\s*(?:,|\bor\b|\band\b|\bnor\b|\boder\b|\bund\b|\bou\b|\bo\b|\bni\b|\by\b|\bet\b)\s*[\w-]+){0,4}",
    re.IGNORECASE,
)


_ADULT_READERS = re.compile(
    r"(?:the\s+|our\s+)?(?:parents?|carers?|caregivers?|guardians?|famil(?:y|ies)|mums?|moms?|dads?|teachers?|"
    r"coaches|staff|grandparents?|adults?|padres|eltern|parents|pais|familias|familles|adultes|adultos|adulti|"
    r"erwachsene\w*|volwassenen|famiglie|gezinnen)\b",
    re.IGNORECASE,
)


def without_negated_advice(text: str) -> str:
    """The text, lower-cased, without the advice it rules out ("don't give advice") or quotes."""
    return _QUOTATION.sub(" ", _NEGATED_ADVICE.sub(" ", unicodedata.normalize("NFKC", text).lower()))


def _adults(audience: str | None, lowered: str) -> bool:
    """Whether the brief names adults as its readers ("parents and carers of players aged 7 to 11"), and never says
    the assistant is for the children themselves."""
    return bool(audience and _ADULT_READERS.match(audience.strip())) and not re.search(
        r"\b(?:for|aimed\s+at|used\s+by|talks?\s+(?:to|with))\s+(?:young\s+)?(?:kids|children|pupils)\b", lowered
    )


_FAMILY_BEFORE = re.compile(
    r"\b(?:have|has|had|their|his|her|your|my|our|with|raising|feed(?:ing)?|parents\s+of|caring\s+for)\s+"
    r"(?:(?:\w+|\d+)\s+){0,2}$",
    re.IGNORECASE,
)


def _children_only_as_family(lowered: str) -> bool:
    """Whether every mention of children names someone's family ("have children going hungry", "parents with
    kids") or a research topic ("child mortality"), so that the children are not the ones who use the assistant."""
    matches = list(CHILDREN.strong.finditer(lowered))
    if not matches or CHILDREN.weak is None:
        return False
    return all(
        _FAMILY_BEFORE.search(lowered, max(0, m.start() - 30), m.start()) is not None
        or _CHILDREN_AS_TOPIC.match(lowered, m.start()) is not None
        or _CHILDREN_IN_A_MATTER.search(lowered, max(0, m.start() - 60), m.start()) is not None
        or _GROWN_CHILDREN.match(lowered, m.start()) is not None
        or _listed_topic(lowered, m.start(), m.end())
        for m in matches
    ) and not re.search(r"\b(?:for|aimed\s+at|used\s+by)\s+(?:young\s+)?(?:kids|children)\b", lowered)


_PEOPLE_GROUP = re.compile(
    r"\b(?:famil\w+|tourists?|school\s+(?:classes|groups)|classes|groups|seniors?|parents?|teachers?|adults?|students?|"
    r"visitors?|kids|children|teens?|teenagers|toddlers|babies|eltern|lehrer\w*|senioren|kinder|familien|schüler\w*|"
    r"besucher\w*|touristen|parents|enseignants|enfants|familles|padres|profesores|niños|familias|genitori|bambini|"
    r"famiglie|ouders|leraren|kinderen|gezinnen)\b",
    re.IGNORECASE,
)


def _listed_topic(lowered: str, start: int, end: int) -> bool:
    """Whether a mention is one item of a parenthesised list of topics ("(age, children or childcare plans,
    pregnancy, religion, …)"): something people talk about, not who the assistant talks with."""
    opening = lowered.rfind("(", max(0, start - 120), start)
    closing = lowered.find(")", end, end + 200)
    if opening < 0 or closing < 0 or ")" in lowered[opening:start]:
        return False
    items = [i for i in re.split(r",\s*|\s+or\s+|\s+and\s+|/", lowered[opening + 1 : closing]) if i.strip()]
    groups = sum(1 for i in items if _PEOPLE_GROUP.search(i))
    # ("visitors (children, school classes, families, tourists)": a list of who uses it, not of topics)
    return len(items) >= 4 and all(len(i.split()) <= 6 for i in items) and groups < 2


# "des enfants de personnes âgées", "children of elderly parents", "hijos de personas mayores": grown-up children
_GROWN_CHILDREN = re.compile(
    r"(?:enfants|children|kids|hijos|hijas|filhos|filhas|figli|kinder|kinderen)\s+(?:de|of|von|van|di|dos|das|des|del)\s+"
    r"(?:(?:leurs?|their|sus|seus|suas|ihre[rn]?|hun|loro|los|las|os|as|les|the|elderly|aging|ageing|older)\s+)*"
    r"(?:personnes\s+âgées|parents?\s+âgés|personas\s+mayores|pessoas\s+idosas|persone\s+anziane|älteren\s+menschen|"
    r"ouderen|elderly|aging\s+parents|ageing\s+parents|older\s+(?:people|adults|parents)|parents|padres|pais|genitori|eltern|"
    r"ouders|residents|patients)"
)


# "evidence about … reducing child mortality": children as what a policy or study is about, not its readers
# ("child custody", "child support": a family-law matter the adults ask about)
_CHILDREN_AS_TOPIC = re.compile(
    r"child(?:ren)?(?:['’]s)?\s+(?:mortality|health|poverty|labou?r|marriage|nutrition|malnutrition|development|"
    r"welfare|survival|vaccination|immuni[sz]ation|obesity|stunting|deaths?|custody|support|maintenance|"
    r"arrangements?|benefits?|abduction)\b"
)
# "la garde des enfants", "custody of the children", "custodia de los hijos", "Sorgerecht für die Kinder": children
# as the matter a family-law or benefits question is about; the adults involved are the ones who ask.
_CHILDREN_IN_A_MATTER = re.compile(
    r"\b(?:custody|guardianship|visitation|maintenance|adoption|abduction|relocation|garde|droit\s+de\s+visite|"
    r"pension\s+alimentaire|autorit[ée]\s+parentale|custodia|guarda|tenencia|r[ée]gimen\s+de\s+visitas|"
    r"pensi[óo]n\s+alimenticia|affidamento|affido|mantenimento|sorgerecht|umgangsrecht|unterhalt|voogdij|"
    r"omgangsregeling|gezag|alimentatie|kinderalimentatie)\s+(?:(?:of|over|for|des|du|de|dos|das|da|do|dei|degli|"
    r"delle|für|van|voor|sobre|sur|über)\s+)?(?:(?:the|their|les|leurs|los|las|sus|os|as|seus|suas|i|gli|le|loro|"
    r"die|ihre[rn]?|de|hun|l['’])\s*)?$"
)


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


_LOCAL_EMERGENCY = "call their local emergency number"
_VET_EMERGENCY = "contact their vet or the nearest emergency animal clinic"
_US_CRISIS_HINT = " (in the US and Canada: the 988 Suicide & Crisis Lifeline)"


def safety_rules(
    domains: Iterable[str],
    emergency_number: str | None = None,
    *,
    crisis_number: str | None = None,
    legal_contact: str | None = None,
    us_crisis_line: bool = True,
    jurisdiction_known: bool = False,
    settled: Collection[str] = (),
    routed: bool = False,
    crisis_stated: bool = False,
    emergency_stated: bool = False,
) -> list[Rule]:
    """The rules of the selected packs, in pack order.

    `emergency_number` is the number the brief itself gives for emergencies ("call 999"): the packs then name it
    instead of "their local emergency number", so that the prompt never says two different things.
    `crisis_number` is the line it gives for suicide or self-harm: the crisis rule names it, and only it.
    `legal_contact` is how the brief's own legal referral is reached ("call 0808 800 4444"): named beside a lawyer.
    `settled` are the domains whose advice line the brief draws itself: their packs' advice rules go, and with
    `routed` (the brief has its own route, see `settled.routes_itself`) their referrals too. `crisis_stated` says
    the brief gives its own crisis step ("stop the intake and tell them to call or text 988"): the pack's goes.
    `emergency_stated` says the brief scripts its own emergency reply ("if they say they have fallen, start with
    #ALERT and say "… call 112""): the pack's "tell them first to call …" would reorder it. `settled` may also hold
    `NOT_COUNSELLING` ("It's not counselling": no listener's or advice rules) and `MEDICATION_STATED` (the brief's
    own rule on stopping a medicine replaces the pack's).
    """
    chosen = set(domains)
    call_emergency = f"call {emergency_number}" if emergency_number else _LOCAL_EMERGENCY
    fill = {
        "legal_contact": f"contact a lawyer, a legal aid service or {legal_contact}"
        if legal_contact
        else "contact a lawyer or legal aid service",
        "call_emergency": call_emergency,
        "reach_crisis": f"call {crisis_number}" if crisis_number else f"contact a crisis line or {call_emergency}",
        # (999, 911, 112 send no one to an animal: only a line of the brief's own, such as a clinic's, does)
        "call_vet": f"call {emergency_number}"
        if emergency_number and "".join(ch for ch in emergency_number if ch.isdigit()) not in EMERGENCY_SERVICES
        else _VET_EMERGENCY,
        # The US line stays beside the US emergency number; elsewhere it would send people to a line they cannot call.
        "crisis_hint": _US_CRISIS_HINT
        if us_crisis_line and crisis_number is None and emergency_number in (None, "911")
        else "",
    }
    return [
        msgspec.structs.replace(rule, text=rule.text.format_map(fill)) if "{" in rule.text else rule
        for pack in PACKS
        if pack.domain in chosen
        for index, rule in enumerate(pack.rules)
        if not (jurisdiction_known and rule.text == ASK_JURISDICTION)  # "a tenants' union in Ontario": it is known
        and not _given_way(pack, index, settled, routed)
        and not ((crisis_stated or CRISIS_SCRIPTED in settled) and index in pack.crisis)
        and not (emergency_stated and index in pack.emergency)
        and not (
            NOT_COUNSELLING in settled and pack.domain == "mental_health" and index in (*pack.listening, *pack.advice)
        )
        and not (MEDICATION_STATED in settled and index in pack.medication)
    ]


def states_crisis_step(fallbacks: Iterable[tuple[str | None, str, str | None]]) -> bool:
    """Whether the brief's own crisis step stops the conversation ("if someone mentions wanting to hurt themselves,
    stop the intake and tell them to call 988") or gives the exact words to reply, which the pack's "respond with
    care … keep the conversation going" would contradict; `fallbacks` are (condition, sentence, action) triples. A
    bare line to give ("if anyone mentions suicide, give Samaritans 116 123") keeps the pack's rule, which names
    that line."""
    return any(
        condition
        and _CRISIS_CONDITION.search(condition)
        and (
            (action == "say" and _ROUTE_IN_REPLY.search(sentence))
            or _STOPS.search(sentence)
            or STOP_STEP.search(sentence)
        )
        for condition, sentence, action in fallbacks
    )


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
    r"\b(?:has\s+|have\s+)?(?:fallen|fell)\b|"
    # ("If a child says they feel sick or are in pain, reply: Please tell the grown-up with you or a nurse")
    r"\b(?:are|is|am)\s+in\s+pain\b|\bfeels?\s+(?:sick|faint|unwell|ill)\b|"
    r"(?:dolor\s+(?:de|en\s+el)|duele\s+el)\s+pecho|no\s+puede\s+respirar|se\s+ha\s+ca[íi]do|inconsciente|"
    r"brustschmerz\w*|atemnot|gestürzt|bewusstlos|douleur\s+(?:à\s+la\s+poitrine|thoracique)|ne\s+peut\s+plus\s+respirer|"
    r"(?:est|suis)\s+tomb[ée]e?|inconscient|dor\s+no\s+peito|n[ãa]o\s+consegue\s+respirar|caiu|desmai\w*|"
    r"dolore\s+al\s+petto|non\s+riesce\s+a\s+respirare|(?:è|sono)\s+cadut[oa]|svenut[oa]|borstpijn|gevallen|ademnood|"
    r"胸の痛み|胸が痛|息ができ|呼吸が苦し|倒れ|転倒|意識がな|胸痛|呼吸困难|摔倒|昏迷",
    re.IGNORECASE,
)


# A scripted crisis reply that itself sends the person somewhere ("Please call or text 988 now"); one that only
# comforts ("I'm here with you") leaves the pack's crisis rule in place.
_ROUTE_IN_REPLY = re.compile(
    r"\d{3}|\b(?:call|ring|text|phone|contact|helpline|hotline|lifeline|samaritans|emergency|urgences|notruf|"
    r"llama|llame|ligue|ruf|appelle[zr]?|chiama|"
    # (someone there who helps: "Please tell the grown-up with you or a nurse right now")
    r"tell\s+(?:the|a|your)\s+(?:[\w-]+\s+){0,2}?(?:grown-?up|adult|nurse|parent|teacher|carer|staff))\b",
    re.IGNORECASE,
)


# A step that stops what the assistant is doing, as the brief's own sentence says it ("arrêter l'exercice", "para el
# ejercicio", "stop the quiz"; not "at the end of every chat")
STOP_STEP = re.compile(
    r"\b(?:stop|end|pause|halt|break\s+off)\s+(?:the|this|your|our)\s+(?:[\w-]+\s+)?(?:chat|conversation|session|"
    r"exercise|intake|quiz|lesson|game|check-?in|interview|practice|role-?play|activity)\b|"
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


def _given_way(pack: SafetyPack, index: int, settled: Collection[str], routed: bool) -> bool:
    """Whether a pack's rule gives way to what the brief says itself about the domain."""
    if pack.domain not in settled:
        return False
    return index in pack.advice or (routed and index in pack.referrals)

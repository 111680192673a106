"""Which sensitive domains a brief is in: the cue tables of `cues`, minus the cues that only name a topic, a
family member, a ruled-out subject or a quoted term."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.engine.constraints.eligibility import blank_age_rules
from app.engine.constraints.people import TURNED_AWAY, adults_ask
from app.engine.constraints.subgroups import without_subgroup_cases
from app.engine.safety.child_users import adults_read, children_chat, grown_range_floor, no_child_users
from app.engine.safety.cues import (
    ANIMAL_CARE,
    CHILDREN,
    DOMAIN_CUES,
    INVESTING,
    PERSON_FACING,
    PLANT_CARE,
    detected,
)
from app.engine.safety.digests import digests_reports
from app.engine.safety.evidence import advice_evidence, livestock_only
from app.engine.safety.handled import without_handled_cases
from app.engine.safety.health_job import not_a_medical_service, without_health_circumstances
from app.engine.safety.stray_cues import without_stray_cues
from app.engine.safety.tool_routes import CAMEL_TOOL, without_tool_routed_cases
from app.engine.safety.yields import without_privacy_mentions

_CHILD_AGE = 13
_GROWN_FLOOR = 17  # (a range from 17 up, "most pupils are 17-19", is no teenagers' service; "16-18" keeps it)


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
    # ("INJURY_REPORT is always URGENT", "[KIDS_PARTY]": a label the assistant files a message under names no
    # question it answers; the words of the brief's own rules for that case still count)
    raw = _LABEL_TOKEN.sub(" ", _without_quoted_terms(unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))))
    raw = without_stray_cues(raw)  # "sin tecnicismos jurídicos", "max 2 active loans" of a tool library
    # ("Users must not be under 13", "reading age 9": a rule on who may use it or how plain to write, no child reader)
    # ("children under 12 must come with an adult": a case about a group of the users, no child reader)
    joined = without_subgroup_cases(blank_age_rules(_NAMED_AFTER_CHILDREN.sub(" ", raw).lower()))
    # ("no pedir … datos de salud", "nuestro teléfono de urgencias": privacy and a firm's own line, no health care)
    scanned = _ROUTED_HARDSHIP.sub(
        _unless_crisis, _CIRCUMSTANCES.sub(" ", without_health_circumstances(without_privacy_mentions(joined)))
    )
    # ("… mention money worries, a bereavement or illness: request_callback with vulnerable": the brief's own step)
    scanned = without_tool_routed_cases(scanned, frozenset(name.lower() for name in CAMEL_TOOL.findall(raw)))
    # (an advice domain needs a cue that is not only the topic of an advice ban, a hospital listed among the buildings
    # a business serves or a farm's "stock"; crisis and children's cues count wherever they are)
    # ("Allergies: use report_allergy", "ask nothing about their health": cases the brief handles itself)
    evidence = advice_evidence(without_handled_cases(scanned))
    found = [c.domain for c in DOMAIN_CUES if detected(c, evidence if c.domain in _ADVICE_DOMAINS else scanned)]
    if "children" in found and (
        _children_only_as_family(joined)
        or _adults(audience, joined)
        or _ADULTS_STATED.search(joined)
        or adults_ask(joined)
        or no_child_users(joined, audience)
    ):
        found.remove("children")  # "people who have children going hungry", "a newsletter for parents": adults
    floor = grown_range_floor(joined) if "children" in found else None
    if floor is not None and floor >= _CHILD_AGE:
        # ("most pupils are 17-19", "alumnos de 17 a 19 años": young adults; "pupils aged 14-18": teenagers)
        found[found.index("children")] = "teens"
        if floor >= _GROWN_FLOOR:
            found.remove("teens")
    if (
        max_audience_age is not None
        and max_audience_age < _CHILD_AGE
        and "children" not in found
        # ("pour les parents d'enfants de 3 à 6 ans": the ages are the children's, the readers are their parents)
        and not (adults_read(joined, audience) and not children_chat(joined, audience))
    ):
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
    if "medical" in found and not_a_medical_service(joined):
        found.remove("medical")  # "see your GP, we are not a medical service": its own line is all it says on health
    if "medical" in found and digests_reports(joined) and not PERSON_FACING.search(unquoted):
        found.remove("medical")  # "a short version of the show report": its first aid is content, not health care
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
    # a proof someone brings ("frozen with a doctor's note or proof of travel"): paperwork, no health question
    r"(?:doctor|gp|physician)['’]?s?\s+(?:notes?|letters?|certificates?)|"
    r"arr[êe]ts?\s+(?:de\s+travail|maladie)|cong[ée]\s+maladie|krankschreibung|krankmeldung|krankmeldungen|"
    r"arbeitsunf[äa]higkeit\w*|ziekmelding\w*|ziekteverlof|malattia\s+(?:del|dei)\s+dipendent\w*|"
    # the school nurse a pupil is sent to ("d'en parler à l'infirmière du lycée"): someone to turn to, no health care
    r"(?:talk|speak|go|see|tell|contact|refer\w*|parler|en\s+parler|hablar|ir)\s+(?:to\s+|à\s+|a\s+|con\s+)?"
    r"(?:the\s+|l['’]|la\s+|el\s+|a\s+la\s+)?(?:(?:school|lycée|college)\s+nurse|infirmi\w+\s+(?:du\s+(?:lycée|collège)|"
    r"de\s+l['’](?:école|établissement)|scolaire)|enfermer[ao]\s+(?:del|de\s+la)\s+(?:colegio|escuela|instituto)))\b",
    re.IGNORECASE,
)
# "If someone mentions they're struggling with debt, bereavement, illness …, transfer_to_staff with vulnerable": a
# customer's hardship the brief hands to its staff is a trigger for the hand-off, not a health or advice service.
_ROUTED_HARDSHIP = re.compile(
    r"\b(?:mentions?|says?|tells?\s+(?:you|us)|talks?\s+about|discloses?|brings?\s+up)\b[^.\n]{0,160}?"
    r"(?:\b(?:transfer\w*|escalat\w*|hand(?:s|ing)?\s+(?:over|it|them|the\s+(?:chat|call|case))|"
    r"pass(?:es|ing)?\s+(?:it|them|the\s+(?:chat|call|case))|flag\w*)|\b\w+_to_\w+)\b[^.\n]*",
    re.IGNORECASE,
)
# (a crisis or an emergency handed to staff keeps its pack: "if a patient mentions chest pain …, escalate to the nurse")
_CRISIS_WORDS = re.compile(
    r"suicid|self[- ]?harm|kill|die\b|dying|end(?:ing)?\s+(?:it|their\s+life)|overdose|chest\s+pain|breath|stroke|"
    r"faint|unconscious|bleed|seizure|collaps|allergic|anaphyla|emergenc|heart\s+attack|poison",
    re.I,
)


def _unless_crisis(match: re.Match[str]) -> str:
    """The routed hardship blanked, unless it names a crisis (the crisis pack stays for those)."""
    return match.group(0) if _CRISIS_WORDS.search(match.group(0)) else " "


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
    r"\b(?:owners?|pets?|clients?|customers?|adopters?|people|callers|users?|families|dueños?|besitzer\w*|"
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
    # ("new parents in Bristol", "first-time parents"): a kind of parent is still an adult reader
    r"(?:the\s+|our\s+)?(?:(?:new|young|expectant|first[- ]time|single|foster|adoptive|working)\s+)?"
    r"(?:parents?|carers?|caregivers?|guardians?|famil(?:y|ies)|mums?|moms?|dads?|teachers?|"
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
        # ("we can't take children under 8", "not suitable for children": who is turned away, not who chats)
        or TURNED_AWAY.search(lowered, max(0, m.start() - 40), m.start()) is not None
        or TURNED_AWAY.search(lowered, m.end(), m.end() + 45) is not None  # "kids under 6 must be with an adult"
        or _CHILDREN_IN_AN_OFFER.match(lowered, m.start()) is not None
        or _COUNTED.search(lowered, max(0, m.start() - 20), m.start()) is not None
        or _MENTIONED.match(lowered, m.end()) is not None
        for m in matches
    ) and not re.search(
        # ("Chat tutor used directly by pupils in our kids coding classes": the children are the readers after all)
        r"(?<!suitable\s)(?<!allowed\s)(?<!open\s)\b(?:for|aimed\s+at|used\s+(?:\w+\s+)?by)\s+(?:young\s+)?"
        r"(?:kids|children|pupils|schoolchildren)\b",
        lowered,
    )


# A label token: "INJURY_REPORT", "[KIDS_PARTY]", "[BOOKING]" (bracketed or joined by underscores, all capitals).
_LABEL_TOKEN = re.compile(
    r"\[[A-Z][A-Z0-9_ /-]*\]|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|"
    # a quoted value of a pasted column ("customer_type varchar, -- 'adult','child','group'") and a head count ("max
    # 10 kids", "how many children"): a datum or a limit, never someone who chats
    r"(?<![\w'’])'[\w-]{1,20}'(?=\s*(?:,|\)|\]|--|$))|"
    r"\b(?i:max(?:imum)?|min(?:imum)?|up\s+to|at\s+most|how\s+many|no\s+more\s+than)\s+(?:\d+\s+)?(?i:kids|children)\b",
    re.MULTILINE,
)
# What a business offers children, as a rule about it: "kids parties are ages 6+", "children's tickets", "ages 6+"
# (a party, a menu or an age limit is what adults book; the children are not the ones who read the replies)
_CHILDREN_IN_AN_OFFER = re.compile(
    r"(?:kids|children|child)(?:['’]s?)?\s+(?:birthday\s+)?(?:part(?:y|ies)|menus?|tickets?|prices?|rates?|fares?|"
    r"classes|camps?|clubs?|courses?|lessons?|sessions?|areas?|zones?|rooms?|memberships?|passes)\b|"
    r"ages?\s+\d+\s*(?:\+|and\s+(?:up|over|above)|or\s+(?:older|over))"
)
# A number of children ("max 12 kids", "up to 10 children"): a group size, not a reader
_COUNTED = re.compile(r"\b(?:max(?:imum)?|up\s+to|at\s+most|no\s+more\s+than|min(?:imum)?|at\s+least)\s+\d+\s+$")
# Children as a subject that comes up ("say so whenever kids come up"): a topic of the conversation
_MENTIONED = re.compile(r"\s+(?:come|comes|came)\s+up\b|\s+(?:are|is)\s+mentioned\b")


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

"""What the brief already settles about a sensitive domain, so that a pack never restates it more softly or sends
people somewhere the brief does not.

A brief that says "never give legal advice" has drawn the advice line itself: the pack's "give general legal
information, not legal advice" would soften it ("Don't give dental advice" is not "give general health
information"). A brief that also routes the matter itself ("refer questions about dismissal to the works council",
"just say I'll get back to them"), drafts replies on a business's behalf, or serves professionals (a law firm's
own lawyers, a ward's nurses) has its own route: the pack's referrals to "a lawyer or legal aid service" would
compete with it. Emergency and crisis rules always stay.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.engine.safety.negated_heads import answers_only_from_source, under_negated_heads
from app.engine.safety.own_material import MONEY_JOB, material_times_medicine, money_job
from app.engine.safety.sourced_doses import DOSES_SOURCED, SOURCE_ONLY, states_doses

_NEGATION = (
    r"(?:\b(?:no|not|never|don'?t|do\s+not|doesn['’]?t|won['’]t|shouldn['’]t|mustn['’]t|without|keine?n?|kein|"
    r"nie(?:mals)?|nunca|ni|sin|jamais|pas|sans|nenhuma?|sem|não|non|niente|senza|geen|nooit)\b|禁止|しない|不要|不得|不能)"
)
_ADVICE = (
    r"(?:advice|advise|advi[cs]ing|counsel|beratung|berat\w*|asesor\w*|consej\w*|conseils?|consulenza|consigli\w*|"
    r"advies|adviseren|aconselh\w*|orienta\w*|助言|アドバイス|建议|咨询意见|"
    # "KEINE arbeitsrechtliche Einschätzung", "no legal assessment": an assessment of the case is advice
    r"assessments?|einsch[äa]tzung\w*)"
)
_DOMAIN_WORDS: dict[str, str] = {
    "legal": r"(?:legal|law|lawyer|rechts|recht|jur[ií]dic\w*|juridique|giuridic\w*|juridisch|法律|法的)",
    # ("no diet advice", "keine Ernährungsberatung", "pas de conseils nutritionnels": diet is health advice too)
    "medical": r"(?:medical|dental|health|clinical|medizin\w*|zahn\w*|gesundheit\w*|m[ée]dic\w*|sanitari\w*|"
    r"sa[uú]de|salud|santé|salute|medisch|diet\w*|nutrition\w*|ern[äa]hrung\w*|di[ée]t[ée]ti\w*|nutricion\w*|"
    r"nutri[çc][ãa]o|alimentar\w*|voeding\w*|医療|医学|医疗|健康)",
    "veterinary": r"(?:vet\w*|veterin\w*|tierärzt\w*|獣医|兽医)",
    "mental_health": r"(?:therap\w*|psycholog\w*|psychiatr\w*|clinical|terap\w*|thérap\w*|心理)",
    "financial": r"(?:financial|investment|invest\w*|finanz\w*|financ\w*|invers\w*|investiment\w*|fiscal|tax|"
    r"steuer\w*|debt|schulden|deuda|dette|dívida|金融|投資|投资|理财)",
}
_DOMAIN_WORDS["money"] = _DOMAIN_WORDS["financial"]

# (overlapping: "don't offer therapy in the replies, don't diagnose anything" holds two negated spans, and the first
# must not swallow the second's negation)
_NEGATED_SPAN = re.compile(rf"(?=({_NEGATION}[^.;!?\n。；]{{0,60}}))", re.IGNORECASE)
_SETTLED: dict[str, re.Pattern[str]] = {
    # ("never give financial or legal advice": each domain of the list before the advice)
    domain: re.compile(
        rf"{words}\w*(?:\s*(?:,|\bor\b|\band\b|/)\s*[\w-]+){{0,3}}[\s-]*{_ADVICE}|{_ADVICE}\w*\s+(?:\w+\s+)?{words}",
        re.IGNORECASE,
    )
    for domain, words in _DOMAIN_WORDS.items()
}
# "It is NOT a therapist", "should not … diagnose anything": the brief rules out the clinician's role itself.
_NOT_A_CLINICIAN = re.compile(
    r"\b(?:not\s+an?\s+(?:therapist|counsel+or|psychologist|doctor|clinician)|diagnos\w*|therapeut\w*|diagnostic)",
    re.IGNORECASE,
)

# "no diagnosing", "never diagnose", "keine Diagnosen", "no diagnostiques", "pas de diagnostic"
_NO_DIAGNOSIS = re.compile(
    rf"{_NEGATION}\s+(?:(?:give|make|offer|attempt|any|a|an|de|di|stellen|hacer|faire|fare)\s+){{0,2}}diagn[oó]s\w*",
    re.IGNORECASE,
)

# "we are NOT lawyers", "Wir sind keine Anwälte": the brief rules out the lawyer's role itself.
_NOT_A_LAWYER = re.compile(
    r"\b(?:we(?:'re|\s+are)|i(?:'m|\s+am)|it(?:'s|\s+is)|you(?:'re|\s+are)|(?:the\s+)?(?:assistant|bot|ai)\s+is)"
    r"\s+not\s+(?:an?\s+)?(?:lawyers?|attorneys?|solicitors?|legal\s+(?:professionals?|advisers?|advisors?))\b|"
    r"\bwe\s+aren'?t\s+(?:lawyers|attorneys|solicitors)\b|\bkeine?\s+(?:anw[äa]lt\w*|juristen)|\bno\s+somos\s+abogad\w*|"
    r"\bne\s+sommes\s+pas\s+(?:des\s+)?avocats|\bn[ãa]o\s+somos\s+advogad\w*|\bnon\s+siamo\s+avvocat\w*|"
    r"\bgeen\s+advocaten",
    re.IGNORECASE,
)


# "just say I'll get back to them", "refer them to the works council", "an den Betriebsrat verweisen".
_OWN_ROUTE = re.compile(
    r"\b(?:get\s+back\s+to\s+(?:them|you|him|her)|follow\s+up|pass\s+(?:it\s+)?on\s+to|forward\s+(?:it\s+)?to|"
    r"refer\s+(?:them|people|it|questions?)\s+to|send\s+them\s+to|verweis\w*|weiterleit\w*|remit\w*|derivar?\w*|"
    r"renvoy\w*|orienter\s+vers|encaminh\w*|indirizz\w*|doorverwijz\w*)\b",
    re.IGNORECASE,
)
# The brief's users are professionals or staff: a referral "to a qualified lawyer" would send lawyers to a lawyer.
_PROFESSIONAL_READERS = re.compile(
    r"\b(?:internal|in-house|employees|staff|colleagues|our\s+(?:lawyers|attorneys|associates|paralegals|nurses|"
    r"doctors|clinicians|advisers|advisors|accountants)|for\s+(?:the\s+)?(?:lawyers|attorneys|paralegals|nurses|"
    r"clinicians|doctors)|intern\w*|mitarbeit\w*|beschäftigte\w*|kolleg\w*|interno|interna|empleados|plantilla|"
    r"avocats|collaborateurs|juristes|funcionários|colaboradores|dipendenti|medewerkers|社内|従業員|内部|员工)\b",
    re.IGNORECASE,
)


# "drafts a reply I can send after checking", "Antwortentwürfe": the reply goes out in the business's name, so
# referrals are the business's to choose.
_DRAFTS_FOR_SENDER = re.compile(
    r"\bdrafts?\b[^.;\n]{0,40}\b(?:repl(?:y|ies)|responses?|answers?|emails?)\b|\b(?:repl(?:y|ies)|emails?)\s+(?:that\s+)?"
    r"(?:I|we)\s+can\s+send|entw[üu]rf\w*|borrador\w*|brouillon\w*|rascunho\w*|bozz\w*|concept-?antwoord\w*|下書き|草稿",
    re.IGNORECASE,
)


_PROFESSIONS: dict[str, str] = {
    "legal": r"lawyers|attorneys|solicitors|barristers|paralegals|counsel|associates|avocats|juristes|anw[äa]lt\w*|"
    r"jurist\w*|abogad\w*|advogad\w*|avvocat\w*|advocaten|juristen|弁護士|律师",
    "medical": r"nurses|doctors|physicians|clinicians|gps|pharmacists|dentists|hygienists|medical\s+staff|"
    r"infirmi[eè]r\w*|m[ée]dec\w*|[äa]rzt\w*|[äa]rzte|pflegekr[äa]ft\w*|enfermer\w*|m[ée]dicos|infermier\w*|"
    r"verpleeg\w*|artsen|看護師|医師|护士|医生",
    "mental_health": r"therapists|counsel+ors|psychologists|psychiatrists|clinicians|therapeut\w*|th[ée]rapeutes|"
    r"psic[óo]log\w*|psycholog\w*",
    "financial": r"advis[eo]rs|accountants|planners|brokers|berater\w*|asesores|conseillers|consulent\w*",
}
_PROFESSIONS["veterinary"] = r"vets|veterinarians|vet\s+techs|tier[äa]rzt\w*|v[ée]t[ée]rinaires|veterinari\w*"
_PROFESSIONS["money"] = _PROFESSIONS["financial"]
_FOR_READERS = (
    r"\b(?:for|f[üu]r|pour|para|per|voor|our|unsere\w*|nos|nuestr\w*|noss\w*|nostri|onze)\s+(?:the\s+|die\s+|les\s+|"
    r"los\s+|las\s+|os\s+|as\s+|gli\s+|le\s+|de\s+)?(?:[\w'’-]+\s+)?"
)
_PROFESSIONAL: dict[str, re.Pattern[str]] = {
    domain: re.compile(rf"{_FOR_READERS}(?:{words})\b", re.IGNORECASE) for domain, words in _PROFESSIONS.items()
}


_PROFESSION: dict[str, re.Pattern[str]] = {
    domain: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for domain, words in _PROFESSIONS.items()
}


def professional_domains(texts: Iterable[str]) -> frozenset[str]:
    """The domains whose professionals the assistant serves ("pour les avocats du cabinet", "for our nurses"): the
    pack's advice line and referrals would address them as lay people."""
    joined = unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))
    # "Internal IT helpdesk for staff at Carrow & Pike LLP (lawyers and support staff)": staff who are lawyers
    staff = _PROFESSIONAL_READERS.search(joined) is not None
    return frozenset(
        domain
        for domain, pattern in _PROFESSIONAL.items()
        if pattern.search(joined) or (staff and _PROFESSION[domain].search(joined))
    )


_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n")  # ("can I take this with..." keeps its dots)
_BARE_ADVICE = re.compile(
    rf"\b(?:no|without|ni|sans|sin|kein\w*|geen)\s+(?:(?:any|de|di|du|of)\s+)?{_ADVICE}\b|"
    rf"\b(?:don'?t|do\s+not|never)\s+(?:give|offer|provide)\s+(?:any\s+)?{_ADVICE}\b",
    re.IGNORECASE,
)
# "never give a dose of any medicine", "nunca des dosis", "keine Dosierung nennen": the brief draws the medical advice
# line itself, so the pack's "general health information only … no dose" goes (its emergency rule stays).
_NO_DOSE = re.compile(
    r"\b(?:never|don'?t|do\s+not|must\s+not|no)\s+(?:give|recommend|suggest|state|mention|quote|tell\s+\w+)\s+"
    r"(?:(?:a|any|the|their|exact)\s+)?(?:doses?|dosages?|dosing)\b|"
    r"\b(?:nunca|no)\s+(?:des|d[ée]|indiques|recomiendes|digas)\s+(?:(?:una|la|ninguna)\s+)?dosis\b|"
    r"\bkeine\s+dosierung\w*|\bjamais\s+(?:de\s+)?(?:dose|posologie)\b|\bnunca\s+(?:d[êe]s|indiques)\s+(?:a\s+)?dose\b|"
    r"\bmai\s+(?:le\s+|la\s+)?(?:dosi|posologia)\b|\bnooit\s+(?:een\s+)?dosering\b",
    re.IGNORECASE,
)
_NOT_ANSWERED = re.compile(
    r"\b(?:never|not|don'?t|do\s+not|must\s+not)\s+(?:\w+\s+)?(?:answer|respond\s+to|discuss|handle)\s+(?:those|these|them|"
    r"such\s+questions|medical\s+questions|the\s+medical\s+part)\b",
    re.IGNORECASE,
)
_TOPICS: dict[str, re.Pattern[str]] = {
    "medical": re.compile(
        r"\b(?:dos(?:e|es|ing|age)|side\s+effects?|interactions?|medications?|medicines?|drugs?|symptoms?|"
        r"prescriptions?|treatments?|diagnos\w*|dosis|dosierung|nebenwirkung\w*|posologie|efeitos\s+colaterais|"
        r"medical|health)\b",
        re.IGNORECASE,
    ),
    "veterinary": re.compile(
        r"\b(?:medical|health|symptoms?|vet\w*)\b[^.!?\n]{0,80}\b(?:animals?|pets?|dogs?|cats?)\b|"
        r"\b(?:animals?|pets?|dogs?|cats?)\b[^.!?\n]{0,80}\b(?:medical|health|symptoms?)\b",
        re.I,
    ),
    "legal": re.compile(r"\b(?:contracts?|lawsuits?|court|eviction|tenancy|deposit\s+disputes?|rights)\b", re.I),
}


CRISIS_SCRIPTED = "crisis_scripted"
"""A marker among the settled domains: the brief fixes the reply to a crisis, or drafts replies that staff send."""

# A crisis named in the brief's own words (a label called CRISIS counts): "any mention of suicide", "self-harm".
_CRISIS_WORDS = re.compile(
    r"suicid|self[- ]?harm|\bcris[ie]s\b|\bwant(?:s|ing)?\s+to\s+die\b|selbstmord|suizid|selbstverletz|autolesi|"
    r"automutila|zelfmoord|suicidi|自杀|自殺|自傷|自残",
    re.IGNORECASE,
)
# The reply it gets is fixed word for word: "For CRISIS the reply is always exactly: "…"", "reply only with: "…"".
_FIXED_REPLY = re.compile(
    r"\b(?:always|only|exactly)\s*[:：]\s*[\"“«„「]|\b(?:reply|respond|answer|say|write|output)\s+(?:only|exactly|"
    r"with\s+only|only\s+with|just)\b[^\n\"“«„「]{0,30}[\"“«„「]|"
    r"\b(?:r[ée]pond\w*|respond\w*|antwort\w*|rispond\w*|antwoord\w*)\s+(?:seulement|uniquement|exactement|solo|"
    r"[úu]nicamente|exactamente|nur|genau|soltanto|esattamente|s[óo]|apenas|exatamente|alleen|precies)\b",
    re.IGNORECASE,
)


NOT_COUNSELLING = "not_counselling"
"""A marker among the settled domains: the brief says its service is no counselling ("It's not
counselling, it's just so nobody is left hanging") and never asks for a listener, so the mental-health pack's
"acknowledge every feeling first" and its referral to a professional are no one's to follow."""

_NOT_COUNSELLING = re.compile(
    # (counselling, a listening line: not "it's not therapy", which rules out the clinician and keeps the listener)
    r"\b(?:it|this|that|we|the\s+(?:service|line|chat|bot|assistant|ai))\s*(?:['’]s|['’]re|\s+is|\s+are)\s+(?:not|never)\s+"
    r"(?:a\s+)?(?:counsell?ing|counsell?ors?|a\s+counsell?ing\s+(?:service|line))\b|"
    r"\b(?:it|this|that)\s+(?:isn['’]t|is\s+no)\s+(?:a\s+)?counsell?ing\b|"
    r"\bno\s+es\s+(?:una?\s+)?(?:consejer[íi]a|servicio\s+de\s+(?:consejer[íi]a|escucha)|l[íi]nea\s+de\s+escucha)\b|"
    r"\b(?:ist|sind)\s+keine\s+(?:psychologische\s+beratung|seelsorge)\b|"
    r"\bce\s+n['’]est\s+pas\s+(?:du\s+|un\s+|une\s+)?(?:counsell?ing|service\s+d['’][ée]coute|ligne\s+d['’][ée]coute)\b|"
    r"\bn[ãa]o\s+[ée]\s+(?:um\s+)?(?:aconselhamento|servi[çc]o\s+de\s+escuta)\b|"
    r"\bnon\s+[èe]\s+(?:un\s+)?(?:counsell?ing|servizio\s+di\s+ascolto)\b|\b(?:is|zijn)\s+geen\s+hulpverlening\b",
    re.IGNORECASE,
)
# "a listening ear", "someone to talk to", "emotional support": the brief asks for a listener after all.
_LISTENER = re.compile(
    r"\blisten\w*|\bsomeone\s+to\s+talk\s+to\b|\bemotional\s+support\b|\bescuch\w*|\bzuh[öo]r\w*|\b[ée]cout\w*|"
    r"\bescut\w*|\bascolt\w*|\bluister\w*|\bapoyo\s+emocional\b|\bemotionale\w*\s+unterst[üu]tzung\b|"
    r"\bsoutien\s+[ée]motionnel\b|\bapoio\s+emocional\b|\bsupporto\s+emotivo\b|\bemotionele\s+steun\b",
    re.IGNORECASE,
)


MEDICATION_STATED = "medication_stated"
"""A marker among the settled domains: the brief states its own rule on starting or stopping a medicine ("never tell
a parent to stop or start a medicine beyond exactly what the leaflet says"), or its source tells people to stop one
("a leaflet … about stopping antihistamines beforehand"): the pack's "never tell someone to start, stop or change a
prescribed medication" would contradict it or say it twice."""

_MEDICINE_CHANGE = re.compile(
    r"\b(?:stop|start|chang|paus|switch|skip|taper|dejar|suspend|interrump|absetz|pausier|arr[êe]t|interromp|sospend|"
    r"stopp|deix)\w*\s+(?:(?:or|and|o|y|oder|und|ou|et|e|of|en)\s+\w+\s+)?(?:(?:taking|giving|de\s+tomar|a|an|any|"
    r"their|the|your|his|her|some|el|la|los|las|die|den|der|le|les|leur|leurs|os|as|il|i|gli|de|het)\s+){0,3}"
    r"(?:[\w-]+\s+)?(?:medicines?|medications?|meds|antihistamines?|tablets?|pills|drugs?|inhalers?|insulin|steroids?|"
    r"medicamentos?|medicaci[óo]n|f[áa]rmacos?|antihistam[íi]nicos?|medikament\w*|antihistaminik\w*|tabletten|"
    r"m[ée]dicaments?|antihistaminiques?|rem[ée]dios?|medicinali|farmaci|antistaminic\w*|medicijnen|medicatie|"
    r"antihistaminica)\b",
    re.IGNORECASE,
)
# The brief's own rule governs the verb: "never tell a parent to stop", "never suggest changing a dose, stopping",
# "Never change, add or stop" (not "no improvement after starting new medication").
_RULE_BEFORE = re.compile(
    r"\b(?:never|not|don['’]?t|do\s+not|must\s+not|no|nunca|jamais|nie|niemals|nooit|mai|kein\w*|non)\s+"
    r"(?:(?:tell|advise|suggest|recommend|ask|instruct|encourage|say|dig\w*|dis|sag\w*|consigli\w*|conseill\w*|"
    r"recomiend\w*|aconselh\w*|raad)\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:to|que|de|à|di|om|zu)\s+)?"
    r"(?:[\w-]+(?:\s+[\w-]+){0,2}\s*,\s*|[\w-]+\s+(?:or|and|o|y|ou|et|oder|und|of|en|e)\s+)*$",
    re.IGNORECASE,
)
# The source the brief's answers come from tells people when to stop ("a leaflet … about stopping antihistamines").
_SOURCE = re.compile(
    r"\b(?:leaflets?|booklets?|information\s+sheets?|instructions|guides?|letters?|protocols?|folletos?|prospectos?|"
    r"merkbl[äa]tt\w*|brosch[üu]r\w*|d[ée]pliants?|notices?|brochures?|folhetos?|bulas?|foglietti?|opuscol[oi]|"
    r"folders?|bijsluiters?)\b",
    re.IGNORECASE,
)


def _states_medication_rule(joined: str) -> bool:
    """Whether a sentence rules on starting or stopping a medicine itself, or names a source that does."""
    for sentence in _SENTENCE_END.split(joined):
        for m in _MEDICINE_CHANGE.finditer(sentence):
            if _RULE_BEFORE.search(sentence, 0, m.start()) or _SOURCE.search(sentence):
                return True
    return False


def _crisis_scripted(joined: str) -> bool:
    """Whether the brief fixes what a crisis gets (a line with a crisis word and a fixed reply), or has its replies
    drafted for someone at the business to send: the pack's "keep the conversation going until they say they are
    reaching out" is then no one's to follow."""
    lines = [line for line in joined.split("\n") if _CRISIS_WORDS.search(line)]
    if not lines:
        return False
    return any(_FIXED_REPLY.search(line) for line in lines) or _DRAFTS_FOR_SENDER.search(joined) is not None


def settled_domains(texts: Iterable[str]) -> frozenset[str]:
    """The sensitive domains whose advice line the brief draws itself ("never give legal advice", "Keine
    Rechtsberatung", "It is NOT a therapist"), with `CRISIS_SCRIPTED` when the brief fixes what a crisis gets."""
    joined = unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))
    spans = [m.group(1) for m in _NEGATED_SPAN.finditer(joined)] + under_negated_heads(joined)
    found = {domain for domain, pattern in _SETTLED.items() if any(pattern.search(span) for span in spans)}
    sentences = _SENTENCE_END.split(joined)
    for index, sentence in enumerate(sentences):
        # "Anything about dosing, side effects, interactions … — no advice at all": bare advice ruled out, on a topic;
        # "Any question about side effects … -> transfer. Never answer those itself": the topic in the sentence before
        if _BARE_ADVICE.search(sentence):
            found.update(domain for domain, topic in _TOPICS.items() if topic.search(sentence))
        elif _NOT_ANSWERED.search(sentence):
            context = " ".join(sentences[max(0, index - 1) : index + 1])
            found.update(domain for domain, topic in _TOPICS.items() if topic.search(context))
    if any(_NOT_A_CLINICIAN.search(span) for span in spans):
        found.add("mental_health")
    if any(_NO_DIAGNOSIS.match(span) for span in spans):
        # "no diagnosing": no "give general health information" either, but the treatment and dose limits stay
        found.add(SOURCE_ONLY)
    if _NOT_A_LAWYER.search(joined):
        found.add("legal")
    if _crisis_scripted(joined):
        found.add(CRISIS_SCRIPTED)
    # ("No es un servicio de escucha" names a listener only to rule it out)
    if _NOT_COUNSELLING.search(joined) and not _LISTENER.search(_NOT_COUNSELLING.sub(" ", joined)):
        found.add(NOT_COUNSELLING)
    if _states_medication_rule(joined) or material_times_medicine(joined):
        found.add(MEDICATION_STATED)
    if _NO_DOSE.search(joined):
        found.add("medical")
    if answers_only_from_source(joined):
        found.add(SOURCE_ONLY)  # (the advice line's limits stay: a leaflet answers no "what do I have?")
    if money_job([joined]):
        found.add(MONEY_JOB)
    if states_doses(joined):
        found.add(DOSES_SOURCED)
    return frozenset(found)


def material_settles(material: str) -> frozenset[str]:
    """What the material pasted into the brief settles: `MEDICATION_STATED` when it times a medicine change ("Iron
    tablets: stop 7 days before your appointment"), which the assistant repeats from it."""
    return frozenset({MEDICATION_STATED}) if material_times_medicine(material) else frozenset()


def routes_itself(texts: Iterable[str], *, has_fallback: bool) -> bool:
    """Whether the brief sends sensitive matters somewhere of its own, drafts replies that someone at the business
    sends, or serves readers who need no referral."""
    joined = unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))
    return has_fallback or any(p.search(joined) for p in (_OWN_ROUTE, _PROFESSIONAL_READERS, _DRAFTS_FOR_SENDER))


# "The assistant plays a standardized patient", "the bot is the caller": in a practice role-play the assistant is the
# one with the symptoms or the problem, and the person it talks with is the trainee.
_PLAYS_THE_PERSON = re.compile(
    r"\b(?:assistant|bot|chatbot|ai|model|you|it)\s+(?:\w+\s+)?(?:"
    r"(?:plays?|is\s+playing|acts?\s+as|role-?plays?|pretends?\s+to\s+be)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:patient|client|caller|service\s+user|victim)s?\b(?![-'’])(?!\s+(?:listener|advocate|portal|liaison|helper))|"
    # "the assistant is the patient and stays in character", "The bot is the caller; the trainee is …"
    r"is\s+the\s+(?:patient|client|caller)\b(?=\s*(?:[;,.:]|and\s+stays|$)))",
    re.IGNORECASE,
)


# "You are a bereaved relative coming in for the meeting", "Eres una paciente enfadada", "Du bist ein besorgter
# Angehöriger": the model is the person in distress, which is a role only in a practice scene (checked below).
_PERSON_ROLE = (
    r"(?:patient|client|caller|service\s+user|victim|relative|family\s+member|next\s+of\s+kin|widow(?:er)?|customer|"
    r"parent|mother|father|son|daughter|husband|wife|tenant|resident|paciente|familiar|pariente|viud[oa]|"
    r"llamante|patient(?:in)?|angeh[öo]rige[rn]?|anrufer(?:in)?|kund(?:e|in)|witwe[rn]?|proche|appelant(?:e)?|"
    r"veu(?:f|ve)|parente|paziente|vedov[oa]|familiare)s?"
)
_YOU_ARE_THE_PERSON = re.compile(
    r"\b(?:you\s+are|you're|you\s+will\s+be|you\s+play|eres|ser[áa]s|du\s+bist|tu\s+es|vous\s+[êe]tes|"
    r"voc[êe]\s+[ée]|sei|tu\s+sei)\s+(?:a|an|the|un|una|ein|eine|einen|une|um|uma|il|la|lo)\s+"
    # (adjectives only before the role: "the friendly receptionist for patients" is a job serving the person)
    rf"(?:(?!(?:for|of|to|with|at|from|para|por|de|für|pour|per|voor)\b)[\w'’-]+\s+){{0,3}}?{_PERSON_ROLE}\b"
    # (the role noun ends the phrase: "a customer service agent", "a patient teacher" are jobs, not the person)
    r"(?=\s*(?:[,.;:()—–-]|$|\b[a-z]+ing\b|\b(?:who|whose|coming|in|at|with|of|and|that|calling|where|whom|que|der|die|qui|"
    r"che|en|con|de|mit|bei|avec|chez|da|di)\b))",
    re.IGNORECASE,
)
_PRACTICE_SCENE = re.compile(
    # ("Elm Street Practice", "our listening training last year": a surgery and a past course are no scene)
    r"\b(?:trainees?|role-?play\w*|practi[cs]e\s+(?:scenarios?|sessions?|calls?|conversations?|runs?|rounds?)|"
    r"(?:to|can|for)\s+practi[cs]e|practi[cs]ing|training\s+(?:scenarios?|sessions?|exercises?|simulations?)|"
    r"for\s+training|rehears\w*|simulat\w*|learners?|in\s+character|"
    r"break\s+character|juego\s+de\s+rol|en\s+pr[áa]cticas|formaci[óo]n|rollenspiel\w*|schulung\w*|"
    r"auszubildende\w*|jeu\s+de\s+r[ôo]le|stagiaires?|formation|treinamento|gioco\s+di\s+ruolo|tirocinant\w*)\b",
    re.IGNORECASE,
)


def plays_the_person(texts: Iterable[str]) -> bool:
    """Whether the assistant plays the patient, client or distressed relative in a practice role-play: a pack's rules
    for "the person who describes symptoms" or "mentions suicide" would then be about the trainee, and the brief's
    own rule for a real person applies."""
    joined = unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))
    if _PLAYS_THE_PERSON.search(joined):
        return True
    return _YOU_ARE_THE_PERSON.search(joined) is not None and _PRACTICE_SCENE.search(joined) is not None

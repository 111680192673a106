"""Where a pack's generic lines give way to the brief's own routes and business.

- A brief that routes a domain's case itself ("Your stoma nurse can check that with you. Ring …", "give them the
  free National Debtline number", "Para valorar tu caso necesitamos una consulta. Puedes pedirla en …") needs no
  pack line sending the same person to "a doctor or pharmacist" or "a financial adviser, an accountant": two routes
  for one case leave the model to pick, and the generic one competes with the brief's.
- A route counts only in the clause about the case (or a next sentence that goes on with it: "Puedes pedirla en
  …"); a route the brief rules out ("we never refer members to a solicitor") is no route of its own, but the pack's
  referral it contradicts goes too.
- A brief whose own business is the domain (a law firm's chat) never refers its clients out to "a lawyer or legal
  aid service": case questions go to the firm's own consultation.
- A children's brief that scripts its own reply to a child sharing personal details ("If they type any of that,
  say "…"") needs no pack line telling the model to "remind them kindly" beside it.
- A data-privacy mention ("never ask for health data", "no pedir … datos de salud", "keine Gesundheitsdaten
  erfragen") and a firm's own urgent line ("nuestro teléfono de urgencias") say nothing about health care: they are
  blanked before the medical cues are read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import msgspec

from app.engine.fastre import prefiltered


class Yields(msgspec.Struct, frozen=True, kw_only=True):
    """What the brief settles itself, so that the packs' generic lines give way."""

    routes: frozenset[str] = frozenset()
    """Domains whose case the brief routes itself: the packs' referral clauses for them go."""
    refused: frozenset[str] = frozenset()
    """Domains whose referral the brief rules out ("we never refer members to a solicitor"): no route of its own, but
    the packs' referral clauses for them go too, since they would contradict it."""
    contacts: dict[str, str] = {}
    """How to reach the brief's own route for a domain ("call (19) 3555-0188"), where its clause gives a contact."""
    business: frozenset[str] = frozenset()
    """Domains that are the brief's own business (a law firm): never referred out."""
    safeguarding_scripted: bool = False
    """The brief scripts its own reply to a child who is hurt or approached: the pack's trusted-adult rule goes."""
    privacy_scripted: bool = False
    """The brief scripts its own reply to someone sharing personal details: the pack's privacy reminder goes."""
    legal_step_stated: bool = False
    """The brief's own business routes an arrest, a detention or a deadline itself ("call our 24-hour line")."""


# ---- data-privacy mentions and a business's own urgent line (blanked before the medical cues are read)

_HEALTH_DATA = (
    r"(?:health|medical)\s+(?:data|records?|information|info|details|history|conditions?)|"
    r"datos\s+(?:de\s+salud|m[ée]dicos|sanitarios|cl[íi]nicos)|informaci[óo]n\s+(?:m[ée]dica|de\s+salud|sanitaria)|"
    r"historial\s+m[ée]dico|gesundheitsdaten|gesundheitsinformation\w*|medizinische\w*\s+(?:daten|angaben)|"
    r"donn[ée]es\s+(?:de\s+sant[ée]|m[ée]dicales)|informations?\s+m[ée]dicales?|"
    r"dados\s+(?:de\s+sa[úu]de|m[ée]dicos|cl[íi]nicos)|informa[çc][õo]es\s+m[ée]dicas|"
    r"dati\s+(?:sanitari|medici|sulla\s+salute|relativi\s+alla\s+salute)|gezondheidsgegevens|medische\s+gegevens|"
    r"健康情報|医療情報|健康データ|健康数据|健康信息|医疗信息"
)
_HEALTH_DATA_TERM = prefiltered(re.compile(_HEALTH_DATA, re.IGNORECASE))
# Asking for, keeping or repeating data, or protecting it: the sentence is about privacy, not health care.
_PRIVACY_CONTEXT = re.compile(
    r"\b(?:ask\w*|request\w*|collect\w*|stor\w*|keep\w*|record\w*|sav\w*|log\w*|shar\w*|repeat\w*|disclos\w*|"
    r"privacy|private|confidential\w*|gdpr|hipaa|personal\s+data|sensitive\s+data|"
    r"ped\w*|solicit\w*|recog\w*|guard\w*|almacen\w*|repet\w*|privacidad|protecci[óo]n\s+de\s+datos|rgpd|"
    r"erfrag\w*|abfrag\w*|frag\w*|speicher\w*|erheb\w*|sammel\w*|wiederhol\w*|datenschutz\w*|dsgvo|"
    r"demand\w*|conserv\w*|enregistr\w*|r[ée]p[ée]t\w*|confidentialit[ée]|"
    r"coleta\w*|coletar|armazen\w*|privacidade|lgpd|"
    r"chied\w*|raccogl\w*|memorizz\w*|ripet\w*|riservat\w*|"
    r"vra\w*|opslaan|verzamel\w*|herhal\w*)\b|聞|尋ね|保存|収集|询问|收集|索要|隐私|個人情報",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[.;!?\n。；]")
# "nuestro teléfono de urgencias 24 horas": a business's line for its own urgent cases, not an A&E department.
_URGENT_LINE = re.compile(
    r"\b(?:tel[ée]fono|l[íi]nea|n[úu]mero|guardia|telefone)\s+de\s+urg[eê]ncias?\b", re.IGNORECASE
)


def without_privacy_mentions(lowered: str) -> str:
    """The text with health-data mentions in a privacy sentence and a business's own urgent line blanked out (same
    length, same offsets): "No pedir ni repetir número de pasaporte, NIE ni datos de salud" names no health care."""
    chars = list(_URGENT_LINE.sub(lambda m: " " * len(m.group(0)), lowered))
    for m in _HEALTH_DATA_TERM.finditer(lowered):
        starts = [c.end() for c in _CLAUSE.finditer(lowered, 0, m.start())]
        start = starts[-1] if starts else 0
        end_match = _CLAUSE.search(lowered, m.end())
        end = end_match.start() if end_match else len(lowered)
        if _PRIVACY_CONTEXT.search(lowered[start : m.start()] + " " + lowered[m.end() : end]):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


# ---- the brief's own routes for a domain's case

_TARGETS: dict[str, str] = {
    "medical": r"nurses?|doctors?|gp|(?-i:GPs)|general\s+practitioners?|pharmacists?|midwi(?:fe|ves)|"
    r"health\s+visitors?|consultants?|clinicians?|"
    r"care\s+team|dentists?|physio\w*|surgeons?|the\s+(?:ward|clinic|practice|surgery)|m[ée]dic[oa]s?|enfermer\w*|"
    r"matrona|farmac[ée]utic\w*|centro\s+de\s+salud|(?:haus)?[äa]rzt\w*|pflegekr[äa]ft\w*|pflegedienst\w*|apothek\w*|praxis|m[ée]decins?|"
    r"infirmi\w*|pharmacien\w*|sage-femme|enfermeir\w*|farmac[êe]utic\w*|infermier\w*|farmacista|huisarts\w*|"
    r"verpleeg\w*|apotheker\w*|看護師|医師|薬剤師|主治医|护士|医生|药师",
    "veterinary": r"vets?|veterinar\w*|tier[äa]rzt\w*|v[ée]t[ée]rinaires?|veterin[áa]ri\w*|獣医|兽医",
    "mental_health": r"therapists?|counsell?ors?|gp|(?-i:GPs)|general\s+practitioners?|crisis\s+team|"
    r"key\s+workers?|care\s+coordinators?|"
    r"psycholog\w*|psychiatr\w*|terapeut\w*|psic[óo]log\w*|therapeut\w*|th[ée]rapeutes?",
    "legal": r"lawyers?|solicitors?|attorneys?|legal\s+aid|law\s+cent(?:re|er)|citizens\s+advice|consultations?|"
    r"consultas?|abogad\w*|anw[äa]lt\w*|rechtsberatung|kanzlei|avocats?|advogad\w*|avvocat\w*|advocaat\w*|"
    r"legal\s+(?:clinic|advice\s+line)|弁護士|律师",
    "money": r"advis[eo]rs?|accountants?|debt\s?line|stepchange|citizens\s+advice|money\s?helper|debt\s+advice|"
    r"debt\s+charit\w*|schuldnerberatung\w*|asesor\w*|conseill\w*|consultor\w*|consulent\w*|schuldhulp\w*|"
    r"steuerberat\w*",
}
# (a family doctor is "GP", "GPs", "GP's" or "gp"; "GPS" and "gps" are a satellite receiver: "the GPS tracker")
_TARGETS["financial"] = _TARGETS["money"]
_TARGET: dict[str, re.Pattern[str]] = {
    domain: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE) for domain, words in _TARGETS.items()
}
# A contact in the same words: a phone number (spaces, dashes, dots and an area code in brackets: "(19) 3555-0188",
# "0621 555 4470"), an e-mail address, a web address.
_CONTACT = re.compile(
    r"\d[\d ]{4,}\d|\(?\+?\d{1,4}\)?[ .-]?\d{3,5}[ .-]\d{3,5}\b|[\w.+-]+@[\w-]+\.\w+|https?://|\bwww\.",
    re.IGNORECASE,
)
# A route verb right before the target ("ask your stoma nurse", "llama a tu médico", "wende dich an die Kanzlei").
_ROUTE_VERB = re.compile(
    r"\b(?:ask|ring|call|phone|contact|speak|talk|see|book|refer|send|point|give|pregunt\w*|llam\w*|consult\w*|"
    r"contact\w*|habl\w*|p[ií]de\w*|pedir\w*|acude|frag\w*|anruf\w*|ruf|wende\w*|kontaktier\w*|appel\w*|demande\w*|parle\w*|"
    r"ligue|ligar|fale|falar|procure|chied\w*|chiam\w*|contatt\w*|rivolg\w*|bel|bellen|vraag|neem|"
    # booking the case with them ("Só marcar com o advogado", "pedir cita con el abogado", "einen Termin … ausmachen")
    r"marcar|marque|agendar|agende|prenot\w*|termin\w*)\b",
    re.IGNORECASE,
)
# The target named as the one who helps: "Your stoma nurse can check that", "National Debtline can help for free".
_CAN_HELP = re.compile(
    r"\W{0,3}(?:can|will|is\s+there|are\s+there|team\s+can|puede\w*|kann|peut|pode|pu[òo]|kan)\b", re.IGNORECASE
)
_UNIT_END = re.compile(r"(?<=[.!?。])[\"”»」]?\s+|\n")
# Where the clause about one case ends: "Don't guess doses; ask the pharmacist" routes, "never refer them to a
# lawyer" does not.
_CLAUSE_END = re.compile(r"[;；]")
# Where the words governing a target start: a comma, a dash, a bracket, a condition or a new verb phrase ("Don't call
# 999 for this, ring the surgery", "Do not diagnose and always refer to their GP").
_PHRASE_START = re.compile(
    r"[,:—–(]|\s-\s|\b(?:if|unless|when|but|instead|otherwise|si|cuando|pero|wenn|aber|sinon|mais|quando|ma|als|"
    r"maar)\b|\b(?:and|or|y|o|und|oder|et|ou|e|en|of)\s+(?:(?:always|instead|then|just|simply)\s+)?"
    r"(?=" + _ROUTE_VERB.pattern + ")",
    re.IGNORECASE,
)
# "we can't give legal advice", "never refer them to a lawyer", "nunca mandarles al abogado": a route ruled out.
_NEGATION = re.compile(
    r"\b(?:never|not|no|don'?t|doesn'?t|can'?t|cannot|won'?t|shouldn'?t|mustn'?t|avoid\w*|nunca|jam[aá]s|nicht|nie|"
    r"niemals|kein\w*|jamais|pas|n[ãa]o|non|mai|niet|nooit|geen)\b|n['’]t\b",
    re.IGNORECASE,
)
# Verbs that send someone on when a brief rules the route out ("don't suggest a solicitor", "ne renvoie jamais vers
# un avocat", "verweise niemals an einen Anwalt", "no recomiendes un abogado")
_REFUSED_VERB = re.compile(
    r"\b(?:suggest\w*|recommend\w*|mention\w*|propos\w*|advis\w*|direct\w*|redirect\w*|tell|"
    r"renvo\w*|orient\w*|envo\w*|conseill\w*|recommand\w*|adress\w*|"
    r"recomiend\w*|recomend\w*|sugier\w*|sugir\w*|deriv\w*|mand\w*|remit\w*|encaminh\w*|indiqu\w*|"
    r"verweis\w*|empfehl\w*|schick\w*|vermittel\w*|"
    r"consigli\w*|indirizz\w*|suggerisc\w*|invi\w*|verwijs\w*|stuur\w*|raad\w*)\b",
    re.IGNORECASE,
)
# A next sentence that goes on with the route ("… necesitamos una consulta. Puedes pedirla en …", "Ring them on …").
_ROUTE_GOES_ON = re.compile(r"^\W*(?:\w+\W+){0,2}?" + _ROUTE_VERB.pattern, re.IGNORECASE)


def _clause_of(unit: str, start: int, end: int) -> str:
    """The clause of a unit that holds the words at start:end (a unit's clauses end at a semicolon)."""
    ends = [m.end() for m in _CLAUSE_END.finditer(unit, 0, start)]
    after = _CLAUSE_END.search(unit, end)
    return unit[ends[-1] if ends else 0 : after.start() if after else len(unit)]


def _ruled_out(unit: str, start: int) -> str | None:
    """The words governing a target when they rule the route out ("never refer them to a lawyer"), else None."""
    ends = [m.end() for m in _CLAUSE_END.finditer(unit, 0, start)]
    head_start = ends[-1] if ends else 0
    phrases = [m.end() for m in _PHRASE_START.finditer(unit, head_start, start)]
    phrase_start = phrases[-1] if phrases else head_start
    negation = _NEGATION.search(unit, phrase_start, start)
    # (the whole phrase: "Verweise niemals an einen Anwalt" puts its verb before the negation)
    return unit[phrase_start:start] if negation is not None else None


# The brief's own referral for the person's case, whatever its words for the one who helps: "Para su caso concreto:
# "Un asesor de Claramar … 952 555 318"", "For your own situation, book a call on …", "Don't give budgeting or
# benefits advice, say: "… StepAhead Money Advice is on 0808 157 0688."" (with a contact in the same clause)
_OWN_CASE = re.compile(
    r"\b(?:for|in|para|en|f[üu]r|in\s+ihrem|pour|dans|per|nel|voor|in\s+uw)\s+(?:your|their|his|her|su|sus|ihren|"
    r"votre|leur|seu|sua|il\s+suo|tuo|uw|jouw)\s+(?:own\s+|propio\s+|eigenen\s+|propre\s+|pr[óo]prio\s+)?"
    r"(?:case|situation|circumstances|caso|situaci[óo]n|fall|situation|cas|situa[çc][ãa]o|situazione|geval|situatie)\b|"
    r"\b(?:advice|advise|consejos?|asesoramiento|conseils?|ratschl[äa]ge|beratung|conselhos?|consigli|advies)\b"
    r"[^.\n\"“«]{0,40}?\b(?:say|reply|di|dile|responde|sag|antworte|dis|r[ée]ponds|diga|responda|rispondi|zeg)\b",
    re.IGNORECASE,
)
_REFERRING_DOMAINS = frozenset({"legal", "money", "financial", "medical"})


def _own_case_route(units: list[str]) -> bool:
    """Whether the brief gives its own referral, with a contact, for the person's own case."""
    return any(_OWN_CASE.search(unit) and _CONTACT.search(unit) for unit in units)


# The business's own person or service for the case: "unsere Rechtsberatung", "our solicitor", "o advogado do
# sindicato", "el abogado de la asociación", "l'avocat du syndicat". A case routed there never needs the pack's
# outside referral, whatever the domain of the question (the business answers people's own cases itself).
_OWN_BEFORE = re.compile(
    r"\b(?:our|nuestr[oa]s?|unser\w*|notre|noss[oa]s?|nostr[oi]|nostra|onze)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
_OWN_AFTER = re.compile(
    r"^\s+(?:do|da|dos|das|del|de\s+la|du|de\s+l['’]|des|der|dello|della|dell['’]|van\s+de|van\s+het)\s*"
    r"(?:sindicato|associa\w*|asociaci[óo]n|syndicat|gewerkschaft|verein\w*|vereniging|sindacato|club|clube|"
    r"cooperativ\w*|coop[ée]rative|federa\w*|f[ée]d[ée]ration|uni[ãaó]o?n?|union|empresa|firma|casa|escrit[óo]rio|"
    r"centro|centre|zentrum|cent(?:er|ro))\b",
    re.IGNORECASE,
)


def _own_service(unit: str, start: int, end: int) -> bool:
    """Whether the target at start:end is the business's own ("unsere Rechtsberatung", "o advogado do sindicato")."""
    return bool(_OWN_BEFORE.search(unit[max(0, start - 30) : start]) or _OWN_AFTER.match(unit[end : end + 40]))


def _reach(contact: re.Match[str]) -> str:
    """How the person reaches a contact the brief gives ("call (19) 3555-0188", "email help@…")."""
    text = contact.group(0).strip()
    if "@" in text:
        return f"email {text}"
    return f"call {text}" if text[-1].isdigit() else ""


def _routes(units: list[str]) -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """The domains whose case a clause of the brief sends to someone of the domain (a route verb before the target,
    the target named as the one who helps, or a contact in the same clause or in a next sentence that goes on with
    the route), and those whose referral it rules out ("never refer them to a lawyer": no route of its own)."""
    found: set[str] = set()
    refused: set[str] = set()
    contacts: dict[str, str] = {}
    owned = False
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else ""
        for domain, target in _TARGET.items():
            for m in target.finditer(unit):
                if (negated := _ruled_out(unit, m.start())) is not None:
                    if _ROUTE_VERB.search(negated) or _REFUSED_VERB.search(negated):
                        refused.add(domain)
                    continue
                before = unit[max(0, m.start() - 40) : m.start()]
                clause = _clause_of(unit, m.start(), m.end())
                contact = _CONTACT.search(clause) or (_ROUTE_GOES_ON.match(following) and _CONTACT.search(following))
                own = _own_service(unit, m.start(), m.end())
                if _ROUTE_VERB.search(before) or _CAN_HELP.match(unit, m.end()) or contact or own:
                    found.add(domain)
                    if contact and _reach(contact):
                        contacts[domain] = _reach(contact)  # (the urgent case goes to the same route)
                    if own and domain in _REFERRING_DOMAINS:
                        owned = True
                    break
    if owned or _own_case_route(units):
        found |= _REFERRING_DOMAINS  # one route for the case, whatever the domain: no pack's second one beside it
    return frozenset(found), frozenset(refused - found), contacts


# ---- the brief's own business

# "Somos Vidal & Ortega Abogados", "we're a law firm", "the chat on our firm's website", "für unsere Kanzlei".
_LAW_FIRM = re.compile(
    # (or the brief opens with the firm's name: "Despacho Álvarez & Mora Abogados, en Zaragoza.")
    r"(?:^\s*|\b(?:we\s+are|we're|our|somos|nuestr[oa]|wir\s+sind|unsere?[rmns]?|nous\s+sommes|notre|nosso|nossa|siamo|"
    r"(?:il\s+)?nostro|wij\s+zijn|onze)\s+|"
    # "a chat assistant for Smith & Lowe Solicitors": after "for", the firm's capitalised name ("for tenants who cannot
    # afford solicitors" names no firm)
    r"\b(?:for|para|f[üu]r|pour|per|voor)\s+(?=(?-i:[A-Z]))(?:(?-i:[A-Z&])[\w&.,'’-]*\s+){1,5}(?=(?-i:[A-Z])))"
    r"(?:[\w&.,'’-]+\s+){0,5}?"
    r"(?:law\s+(?:firm|office|practice)|solicitors\b|attorneys\s+at\s+law|abogados\b|despacho\b|bufete\b|kanzlei\b|"
    r"rechtsanw[äa]lte\b|cabinet\s+d['’]avocats?|avocats\b|escrit[óo]rio\s+de\s+advocacia|advogados\b|"
    r"studio\s+legale|avvocati\b|advocatenkantoor|法律事務所|律师事务所)",
    re.IGNORECASE,
)


def own_business(texts: Iterable[str]) -> frozenset[str]:
    """The domains that are the brief's own business (a law firm's chat): never referred out."""
    joined = unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))
    return frozenset({"legal"}) if _LAW_FIRM.search(joined) else frozenset()


# ---- a scripted reply to personal details

_PERSONAL_RULE = re.compile(
    r"\b(?:never|don'?t|do\s+not|no|not|nunca|nie|niemals|kein\w*|jamais|ne|n[ãa]o|mai|non|nooit|geen)\b[^.;\n]{0,40}"
    r"\b(?:ask|request|repeat|keep|stor|share|ped|pregunt|repet|guard|frag|wiederhol|speicher|demand|r[ée]p[ée]t|"
    r"conserv|chied|ripet|vra|herhal)\w*[^.;\n]{0,80}\b(?:names?|address\w*|schools?|phone|photos?|personal|"
    r"surnames?|nombres?|direcci[óo]n|colegio|personales|adresse|schule|pers[öo]nlich\w*|noms?|[ée]cole|personnel\w*|"
    r"nome|endere[çc]o|escola|pessoais|indirizzo|scuola|personali|naam|adres|persoonlijk\w*)\b",
    re.IGNORECASE,
)
_SCRIPTED_REPLY = re.compile(
    r"\b(?:say|reply|respond|answer|write|di|dile|responde|contesta|sag|antworte|dis|r[ée]ponds|diga|responda|"
    r"rispondi|zeg)\b[^\"“«„「\n]{0,30}[\"“«„「]",
    re.IGNORECASE,
)


def _privacy_scripted(units: list[str]) -> bool:
    """Whether a rule against asking for or repeating personal details comes with the brief's own reply to them."""
    return any(
        _PERSONAL_RULE.search(unit) and _SCRIPTED_REPLY.search(" ".join(units[index : index + 2]))
        for index, unit in enumerate(units)
    )


# ---- a scripted reply to a child who is hurt, bullied or approached

# "if a kid says someone online is being mean to them or wants to meet up: "Please tell a grown-up you trust …"", "si
# un niño dice que alguien le molesta: "Cuéntaselo a un adulto de confianza"": the brief's own safeguarding step.
_UNSAFE_CASE = re.compile(
    r"\b(?:mean\s+to|bull(?:y|ies|ied|ying)|hurt\w*|unsafe|scared|abus\w*|meet\s*(?:up|them)|chat\s+privately|"
    r"strangers?|harass\w*|acoso|acosa\w*|molest\w*|miedo|(?:ge)?mobb\w*|belästig\w*|harc[eè]l\w*|intimid\w*|"
    r"pest(?:en|t)|gemeen)\b",
    re.IGNORECASE,
)
_TRUSTED_ADULT = re.compile(
    r"\b(?:grown-?ups?|adults?|parents?|teachers?|adulto|adultos|padres|profesor\w*|erwachsene\w*|eltern|lehrer\w*|"
    r"adultes?|parents|professeur\w*|adulti|genitori|insegnant\w*|volwassene\w*|ouders|leraar)\b",
    re.IGNORECASE,
)
# (a unit ends before the closing quote of a reply that ends its sentence: "… right now." and nothing else)
_QUOTED_REPLY = re.compile(r"[\"“«„「][^\"”»“」]{5,}(?:[\"”»“」]|$)")


def _safeguarding_scripted(units: list[str]) -> bool:
    """Whether the brief scripts its own reply, sending the child to a trusted adult, for a child who is hurt, bullied
    or approached: the pack's "tell them kindly to talk to a trusted adult" would say it a second time."""
    for index, unit in enumerate(units):
        # (a reply of two sentences is split into units at its first full stop: "reply only "That's really important.
        # Please tell Mrs Okafor or another grown-up …"" names the grown-up in its second sentence)
        span = " ".join(units[index : index + 3])
        reply = _QUOTED_REPLY.search(span)
        if (
            reply is not None
            and reply.start() < len(unit)
            and _UNSAFE_CASE.search(span, 0, reply.start())
            and _TRUSTED_ADULT.search(reply.group(0))
        ):
            return True
    return False


# ---- an urgent legal case the brief routes itself

_URGENT_LEGAL = re.compile(
    r"arrest\w*|detain\w*|detention|custody|deport\w*|removal\s+order|court\s+dates?|deadlines?|summons|"
    r"detenid\w*|detenci[óo]n|expulsi[óo]n|deportaci[óo]n|juicio|plazo\w*|festgenommen|verhaft\w*|haft|abschieb\w*|"
    r"frist\w*|arr[êe]t[ée]e?|garde\s+[àa]\s+vue|expulsion|d[ée]lais?|pres[oa]|detid[oa]|deporta[çc][ãa]o|prazos?|"
    r"arrestat[oa]|fermat[oa]|espulsion\w*|scadenz\w*|gearresteerd|uitzetting|termijn\w*",
    re.IGNORECASE,
)


def _legal_step_stated(steps: Iterable[tuple[str | None, str, str | None]]) -> bool:
    """Whether a fallback of the brief routes an arrest, a detention or a deadline itself."""
    return any(
        condition and _URGENT_LEGAL.search(condition) and (action in ("phone", "email", "url") or _CONTACT.search(text))
        for condition, text, action in steps
    )


def yields(texts: Iterable[str], steps: Iterable[tuple[str | None, str, str | None]] = ()) -> Yields:
    """What the brief settles itself, from its texts and its fallbacks as (condition, sentence, action) triples."""
    joined = unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))
    units = [u for u in _UNIT_END.split(joined) if u.strip()]
    business = own_business([joined])
    routes, refused, contacts = _routes(units)
    return Yields(
        routes=routes,
        refused=refused,
        contacts=contacts,
        business=business,
        privacy_scripted=_privacy_scripted(units),
        safeguarding_scripted=_safeguarding_scripted(units),
        legal_step_stated="legal" in business and _legal_step_stated(steps),
    )

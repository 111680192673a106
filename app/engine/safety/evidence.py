"""What counts as evidence of an advice domain (health, law, money), word by word, before its pack is chosen.

A cue word is no evidence when the brief names it only in passing:
- a topic the brief bans advice on ("Never give advice about medication, money decisions (selling stock, loans, the
  bank) or TB test results") is one the assistant never handles, and the brief has drawn its own line;
- a hospital or a clinic listed among the buildings a business serves ("lifts in offices, blocks of flats, care homes,
  two hospitals", "any care home or hospital") is a site, not health care;
- "stock" on a farm ("losing stock", "selling stock") is livestock, not shares;
- a lawyer named only as someone the person is sent to ("tell them to speak to their lawyer", "dis-lui de voir son
  avocat", "an den eigenen Anwalt verweisen") is a route out of the job, not a legal question the assistant answers:
  a driving school's e-mails get no legal pack from it, nor from the words it looks for in a message ("si le message
  contient « avocat »").
Crisis words are never blanked: they count wherever they are (see `detect_domains`).
"""

from __future__ import annotations

import re

from app.engine.fastre import prefiltered

# "Never give advice about medication, money decisions (…) or TB test results", "don't advise on loans", "No des
# consejos sobre préstamos", "Gib keine Ratschläge zu Krediten", "Ne donne jamais de conseils sur les prêts": the
# negation, the advice and the topic list up to the end of its sentence or a dash (the list is what the ban governs).
_BANNED_TOPICS = prefiltered(
    re.compile(
        r"\b(?:no|not|never|don'?t|do\s+not|must\s+not|nunca|no\s+des|no\s+d[ée]|nem|jamais|pas|keine?n?|kein|nie|"
        r"niemals|non|mai|geen|nooit)\b[^.;!?\n]{0,30}?"
        r"(?:\b(?:advice|advise|advising|counsel)\s+(?:about|on|regarding|concerning|around|over|re)\b|"
        # ("never comment on the care or treatment the person had": a subject ruled out, not one it handles)
        r"\b(?:comment|remark|speculate|opine)\s+(?:on|about)\b|\bcommente[rz]?\s+(?:sur|les?|la)\b|"
        r"\bcomentar\s+(?:sobre|el|la|los|las)\b|\bkommentier\w*\b|\bcommentare\b|"
        r"\b(?:consejos?|asesoramiento|conseils?|ratschl[äa]ge|beratung|conselhos?|aconselhamento|consigli|consulenza|"
        r"advies)\s+(?:sobre|acerca\s+de|en\s+materia\s+de|sur|en\s+mati[èe]re\s+de|zu|über|bei|su|in\s+merito\s+a|"
        r"over|omtrent)\b)"
        # (up to a dash: "— suggest a chartered accountant instead" is what to do, not what is banned)
        r"(?:(?!\s[-–—]\s|[—–])[^.;!?\n])*",
        re.IGNORECASE,
    )
)

# Places that name health care on their own, and the buildings they can be listed among.
_PLACE = (
    r"hospitals?|clinics?|nursing\s+homes?|pharmac(?:y|ies)|hospitales|cl[íi]nicas?|krankenh[äa]user|krankenhaus|"
    r"kliniken|klinik|h[ôo]pitaux|h[ôo]pital|cliniques?|hospitais|ospedali|ospedale|ziekenhuizen|ziekenhuis|hospital"
)
_PLACE_ITEM = re.compile(
    # ("hospitales de Sevilla", "two hospitals in Leeds": the place with where it is)
    rf"(?:(?:a|an|the|any|two|three|four|several|some|our|\d+)\s+)?(?:{_PLACE})"
    r"(?:\s+(?:in|of|de|del|en|im|à|a|di|van|do|da)\s+\S+(?:\s+\S+)?)?",
    re.IGNORECASE,
)
_BUILDING = re.compile(
    r"offices?|flats|apartments?|blocks|buildings?|schools?|hotels?|shops?|stores?|warehouses?|factor(?:y|ies)|sites?|"
    r"premises|universit(?:y|ies)|colleges?|stations?|restaurants?|estates?|malls?|airports?|prisons?|libraries|"
    r"museums?|gyms?|stadiums?|theatres?|cinemas?|car\s+parks?|"
    r"oficinas|edificios?|escuelas|colegios|hoteles|tiendas|naves|f[áa]bricas|viviendas|pisos|b[üu]ros?|"
    r"b[üu]rogeb[äa]ude|geb[äa]ude|schulen|gesch[äa]fte|wohnungen|fabriken|bureaux|immeubles?|b[âa]timents?|[ée]coles|"
    r"h[ôo]tels|magasins|usines|entrep[ôo]ts|logements|escrit[óo]rios|pr[ée]dios|edif[íi]cios|escolas|lojas|"
    r"armaz[ée]ns|uffici|edifici|scuole|alberghi|negozi|magazzini|kantoren|gebouwen|scholen|winkels|fabrieken",
    re.IGNORECASE,
)
_PLACES = prefiltered(re.compile(rf"(?<![\w-])(?:{_PLACE})\b", re.IGNORECASE))
# A clause ends at sentence punctuation, a bracket, a colon or an "=" ("P1 = … the building, or any … hospital").
_CLAUSE_END = re.compile(r"[.;:!?()\[\]=\n]")
_ITEM_SEPARATOR = re.compile(
    r",|/|&|\b(?:or|and|y|o|e|und|oder|et|ou|en|nor|as\s+well\s+as|plus)\b",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around text[start:end]."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _listed_site(text: str, start: int, end: int) -> bool:
    """Whether a place is one item of a list of buildings ("offices, blocks of flats, care homes, two hospitals"):
    the place is an item on its own and another item ends in a building."""
    first, last = _clause(text, start, end)
    items = [i.strip() for i in _ITEM_SEPARATOR.split(text[first:last])]
    own = text[start:end].strip().lower()
    own_word = re.compile(rf"(?<!\w){re.escape(own)}(?!\w)")
    if not any(_PLACE_ITEM.fullmatch(i) and own_word.search(i.lower()) for i in items):
        return False  # "the hospital chapel", "St Mary's Hospital": the place is the subject, not a list item
    heads = [i.split()[-1] for i in items if i.split() and not _PLACE_ITEM.fullmatch(i)]
    return any(_BUILDING.fullmatch(head) for head in heads)


# A transport service: "dial-a-ride", "6 accessible minibuses", "patient transport", "Fahrdienst", "taxi", "traslados"
_TRANSPORT = prefiltered(
    re.compile(
        r"\b(?:dial-a-ride|minibus\w*|buses|taxis?|cabs?|shuttles?|community\s+transport|transport\s+service|"
        r"book\w*\s+(?:a\s+)?(?:trips?|rides?|lifts?)|fahrdienst\w*|sammeltaxi|transporte\s+adaptado|traslados?|"
        r"transport\s+(?:adapt[ée]|solidaire)|navette\w*|trasporto\s+(?:disabili|sociale)|taxibus|vervoer\w*)\b",
        re.IGNORECASE,
    )
)
# A trip to the place, not care there: "hospital appointments", "a hospital trip", "take people to the hospital"
_TRIP = re.compile(
    r"\b(?:trips?|rides?|lifts?|journeys?|runs?|appointments?|appts?|pick\w*|drop\w*|take\w*|go(?:ing)?\s+to|"
    r"arriv\w*|citas?|viajes?|fahrt\w*|termin\w*|trajets?|rendez-vous|rdv|viagens?|consultas?|viaggi\w*|ritten|"
    r"afspraken)\b",
    re.IGNORECASE,
)


# A visit to care, named as where a ride goes: "GP appointments", "the doctor's surgery", "citas médicas"
_CARE_VISIT = prefiltered(
    re.compile(
        r"\b(?:(?:gp|doctor['’]?s?|dentist['’]?s?|hospital|clinic)\s+(?:appointments?|appts?|visits?|surgery|surgeries)|"
        r"\w*arzttermin\w*|arztbesuch\w*|citas?\s+m[ée]dicas?|consultas?\s+m[ée]dicas?|rendez-vous\s+m[ée]dica(?:l|ux)|"
        r"visite\s+mediche|visita\s+medica|doktersafspraken)\b",
        re.IGNORECASE,
    )
)


def _destination(text: str, start: int, end: int) -> bool:
    """Whether a health-care place is where a transport service takes people ("GP and hospital appointments")."""
    first, last = _clause(text, start, end)
    return _TRIP.search(text, first, last) is not None


# A farm, its animals and their work: "stock" there is livestock.
_FARM = prefiltered(
    re.compile(
        r"\b(?:farm(?:s|ers?|ing)?|livestock|cattle|sheep|herds?|flocks?|lambing|calving|dairy|cows|ewes|heifers|"
        r"bullocks|pigs|poultry|bovine|tb\s+test\w*|smallholders?|graziers?|shepherds?|crofters?|granjas?|ganado|"
        r"ganader\w*|fermes?|agriculteurs?|[ée]leveurs?|b[ée]tail|troupeaux?|bauernh[öo]f\w*|landwirt\w*|vieh|herden?|"
        r"fazendas?|gado|rebanhos?|fattorie|fattoria|bestiame|allevator\w*|boerderij\w*|boeren|veehouder\w*|kuddes?)\b",
        re.IGNORECASE,
    )
)
_LIVESTOCK_STOCK = re.compile(
    r"(?<![\w-])stock\b(?!\s+(?:market|exchange|prices?|picks?|tips?|options?|portfolio|trading|brokers?))",
    re.IGNORECASE,
)


_LAWYER = prefiltered(
    re.compile(
        r"(?<![\w-])(?:lawyers?|solicitors?|attorneys?|avocats?|abogad[oa]s?|(?:rechts)?anw[äa]lt\w*|advogad[oa]s?|"
        r"avvocat[oi]|advocaat|advocaten)\b",
        re.IGNORECASE,
    )
)
# A verb that sends someone to the lawyer, up to five words before it ("speak to their", "refer people to a", "voir
# son", "consultar a un", "wende dich an deinen")
_SEND_BEFORE = re.compile(
    r"\b(?:speak|talk|go|turn|refer\w*|send|point|direct|ask|contact|consult\w*|call|see|get|suggest\w*|recommend\w*|"
    r"check\s+with|voir|contacter|appeler|renvo\w*|orient\w*|adress\w*|habl\w*|acud\w*|llam\w*|remit\w*|"
    r"deriv\w*|fal[ae]\w*|procur\w*|contatt\w*|rivolg\w*|sentire|wende\w*|frag\w*|kontaktier\w*|verweis\w*|"
    r"empfehl\w*)\b(?:\s+[\w'’-]+){0,5}?\s*$",
    re.IGNORECASE,
)
# ... or right after it, where the verb ends the clause: "an den eigenen Anwalt verweisen", "a su abogado remitir"
_SEND_AFTER = re.compile(r"\s+(?:verweisen|wenden|schicken|weiterleiten|remitir|derivar|renvoyer)\b", re.IGNORECASE)


# (a route ruled out, "we never refer people to a lawyer", says legal questions come up: the cue stays)
_NOT = re.compile(r"\b(?:never|not|don'?t|no|jamais|ne|niemals|nie|nicht|nunca|nem|mai|nooit)\b|n['’]t\b", re.I)


# 'si le message contient « avocat » ou « remboursement »', 'if the email contains "solicitor"': a keyword the
# assistant looks for in a message, not a question of the domain it answers
_CONTAINS = re.compile(
    r"\b(?:contains?|containing|includes?|including|contient|contenant|contiennent|contiene|contienen|contenga|"
    r"enth[äa]lt|enthalten|cont[ée]m|contenha|bevat|bevatten)\s*:?\s*",
    re.IGNORECASE,
)
_KEYWORD = re.compile(
    r"\s*(?:,|\bor\b|\band\b|\bou\b|\bet\b|\bo\b|\by\b|\boder\b|\bund\b|\bof\b)?\s*"
    r'(?:"[^"\n]{1,25}"|“[^”\n]{1,25}”|«[^»\n]{1,25}»|\'[^\'\n]{1,25}\'|‘[^’\n]{1,25}’)'
)


def _keywords(lowered: str) -> list[tuple[int, int]]:
    """The quoted words a message is checked for ("contient « avocat » ou « remboursement »")."""
    spans: list[tuple[int, int]] = []
    for lead in _CONTAINS.finditer(lowered):
        position = lead.end()
        while (term := _KEYWORD.match(lowered, position)) is not None:
            spans.append(term.span())
            position = term.end()
    return spans


def _routed_lawyers(lowered: str) -> list[tuple[int, int]]:
    """The lawyers the brief only sends the person to ("tell them to speak to their lawyer")."""
    spans: list[tuple[int, int]] = []
    for m in _LAWYER.finditer(lowered):
        before = lowered[max(0, m.start() - 60) : m.start()]
        before = before[max(before.rfind(mark) for mark in ".;\n!?") + 1 :]
        if (_SEND_BEFORE.search(before) or _SEND_AFTER.match(lowered, m.end())) and not _NOT.search(before):
            spans.append(m.span())
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def advice_evidence(lowered: str) -> str:
    """The text with the cue words that say nothing of an advice domain blanked out (same length, same offsets):
    the topics of an advice ban, health-care places listed as sites, a farm's "stock", a lawyer one is sent to and the
    quoted words a message is checked for."""
    spans = [m.span() for m in _BANNED_TOPICS.finditer(lowered)]
    spans += [m.span() for m in _PLACES.finditer(lowered) if _listed_site(lowered, m.start(), m.end())]
    if _TRANSPORT.search(lowered):
        spans += [m.span() for m in _PLACES.finditer(lowered) if _destination(lowered, m.start(), m.end())]
        spans += [m.span() for m in _CARE_VISIT.finditer(lowered)]
    if _FARM.search(lowered):
        spans += [m.span() for m in _LIVESTOCK_STOCK.finditer(lowered)]
    spans += _routed_lawyers(lowered) + _keywords(lowered)
    return _blank(lowered, spans)


_PETS = prefiltered(
    re.compile(
        r"\b(?:pets?|dogs?|cats?|pupp(?:y|ies)|kittens?|rabbits?|hamsters?|guinea\s+pigs?|budgies?|parrots?|tortoises?|"
        r"ferrets?|companion\s+animals?|mascotas?|perros?|gatos?|haustier\w*|hunde?|katzen?|animaux\s+de\s+compagnie|"
        r"chiens?|chatons?|animais\s+de\s+estima[çc][ãa]o|c[ãa]es|c[ãa]o|animali\s+domestici|cani|gatti|huisdier\w*|"
        r"honden|katten)\b|ペット|宠物|猫|犬|狗",
        re.IGNORECASE,
    )
)


def livestock_only(lowered: str) -> bool:
    """Whether the animals a brief names are a farm's (cattle, sheep, a herd, TB testing) and none is a pet: the
    farmer's business, for which no pet-care rules and no emergency number apply."""
    return _FARM.search(lowered) is not None and _PETS.search(lowered) is None

"""Who the reply is for (the audience, with age ranges) and how it should sound (tone words)."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.audience_cuts import object_of_verb, uncut
from app.engine.audience_tails import with_tail
from app.engine.constraints.ages import FoundAges, find_ages
from app.engine.constraints.eligibility import blank_age_rules, level_as_age
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.negation import in_ranges, negated_ranges
from app.engine.constraints.subgroups import subgroup_rule, without_warned_groups
from app.engine.phrasing import VERBS
from app.engine.service_for import SERVICE_FOR

_AUDIENCE_NOUNS = (
    r"users|customers|clients|students|pupils|learners|developers|engineers|programmers|beginners|children|kids|"
    r"teenagers|teens|adolescents|patients|managers|executives|analysts|teachers|readers|employees|staff|agents|"
    r"marketers|researchers|lawyers|doctors|nurses|clinicians|parents|caregivers|buyers|shoppers|travell?ers|"
    r"candidates|subscribers|moderators|writers|editors|sellers|merchants|recruiters|founders|investors|admins|"
    r"administrators|scientists|professionals|newcomers|novices|experts|people|players|members|speakers|"
    r"seniors|retirees|adults|year[- ]olds|(?:\d+(?:st|nd|rd|th)\s+)?graders|freshmen|undergrads|undergraduates|"
    r"homeowners|renters|tenants|landlords|drivers|riders|volunteers|donors|athletes|tourists|guests|residents|citizens|farmers|owners|accountants|"
    r"niños|niñas|clientes|usuarios|estudiantes|alumnos|pacientes|adultos|mayores|principiantes|"
    r"kinder|kunden|nutzer(?:innen)?|schüler|studierende|patienten|entwickler|anfänger|senioren|"
    r"enfants|utilisateurs|élèves|étudiants|patients|développeurs|débutants|adultes|"
    r"crianças|usuários|alunos|idosos|iniciantes"
)
_AUDIENCE_INTRO = (
    r"audience\s*(?:is|are|:)|aimed\s+at|targeting|targeted\s+at|written\s+for|geared\s+(?:toward|towards|to)|"
    r"designed\s+for|intended\s+for|tailored\s+(?:for|to)|suitable\s+for|explain(?:ed)?\s+(?:it\s+)?to|"
    r"for|(?<!speak\s)(?<!talk\s)(?<!them\s)(?<!refer\s)(?<!pass\s)(?<!send\s)(?<!him\s)(?<!her\s)to|help|helps|helping|para|für|pour|users\s+are|readers\s+are|público\s*:?|zielgruppe\s*:?|public\s*:"
)
_QUALIFIER = (
    r"(?:\s*\(\s*(?:ages?\s*)?\d+\s*[-–to]+\s*\d+\s*\)|\s+(?:aged|ages?|age)\s+\d+\s*(?:[-–]|to)\s*\d+|"
    r"\s+(?:aged|ages?)\s+\d+\s*\+|\s+(?:under|over|below|above)\s+\d+|"
    r"\s+(?:with|who|that\s+are|without|new\s+to|learning|de|entre|von|zwischen|mit|con|sin|avec|sans|com|sem)\s+"
    r"(?:(?!(?:and|understand|learn|read|write|find|get|use|make|know|navigate|manage|fill|complete|answer|"
    r"in|on|at|by|using|when|if|so|but|or|yet|then|while|because|though|although|except|without)\b)"
    r"(?![-–—](?:\s|$))[^\s,.;:()]+\s*){1,4})?"
)
_AUDIENCE = re.compile(
    rf"\b(?:{_AUDIENCE_INTRO})\s+(?P<phrase>(?:(?:an?|the|our|my|los|las|die|les|os|as)\s+)?"
    rf"(?:(?!(?:to|at|with|from|about|or|have|has|had|are|is|was|were|get|got)\s)[\w'’-]+\s+){{0,4}}?(?:\d+\s*[-–]\s*\d+\s+)?(?:{_AUDIENCE_NOUNS})\b(?!-(?!(?:to|in)-)\w){_QUALIFIER})",
    re.IGNORECASE,
)
# "para", "für", "pour" are also "for" in many other senses: the audience noun must follow at once.
_FOREIGN_INTRO = re.compile(r"^(?:para|für|pour)$", re.IGNORECASE)
# "kids storyteller, ages 4-7": an age range with no "for" in front.
_AGE_ONLY = re.compile(
    r"(?:\b(?:kids|children|students|pupils|teens|toddlers|learners|readers)\s+)?\b(?:aged|ages?)\s+\d{1,2}\s*(?:[-–]|to)\s*\d{1,2}"
    r"|\b\d{1,2}\s*(?:[-–]|to)\s*\d{1,2}[- ]year[- ]olds\b",
    re.IGNORECASE,
)
_GENERIC = frozenset(
    {"users", "customers", "clients", "people", "members", "the users", "our customers", "our users", "the customers"}
)
_AGES = re.compile(
    r"(?P<lo>\d{1,2})\s*(?:[-–]|to|bis|a|à|y|and|und|e)\s*(?P<hi>\d{1,2})(?!\d)|(?:under|below|unter|menores\s+de|moins\s+de)\s+(?P<under>\d{1,2})|"
    r"(?:over|above|über|mayores\s+de|plus\s+de)\s+(?P<over>\d{1,2})|(?P<plus>\d{1,2})\s*\+",
    re.IGNORECASE,
)
_AGE_CONTEXT = re.compile(
    r"\b(?:age|aged|ages|years?|year[- ]olds?|kids|children|teens|años|jahre|ans|anos|kinder[n]?|jugendliche|"
    r"niños|niñas|enfants|crianças|adolescentes|alumnos|schüler|élèves)\b|\d+\+",
    re.IGNORECASE,
)


# "Les parents nous posent les mêmes questions", "parents message us", "answers parents' questions": the adults
# who ask are the readers, whatever ages the children the business serves have
ADULTS_ASK = re.compile(
    r"\b(?:parents?|carers?|caregivers?|guardians?|families|famil(?:les|ias)|eltern|padres|pais|ouders|genitori|"
    r"mums?|moms?|dads?)\b[^.;\n]{0,40}?\b(?:ask|asks|asking|write|writes|message|messages|text|contact|email|"
    r"posent|demandent|écrivent|fragen|schreiben|preguntan|escriben|perguntam|escrevem|vragen|stellen|chiedono|"
    r"scrivono|fanno)\b|"
    r"\b(?:answer\w*|reply\s+to|replies\s+to|help\w*|respond\w*\s+to|répond\w*\s+aux|responda?\w*\s+a|"
    r"antwort\w*|beantwort\w*|rispond\w*\s+ai|beantwoord\w*)\s+(?:the\s+|our\s+|les\s+|los\s+|den\s+|aos\s+|"
    r"ai\s+|de\s+)?(?:parents?|famil(?:ies|les|ias)|eltern|padres|pais|ouders|genitori)\b|"
    r"保護者|家长|家長",
    re.IGNORECASE,
)
"""Adults named as the ones who ask: the readers, whatever ages the children the business serves have."""
_CHILD_WORD = re.compile(
    r"\b(?:kids|children|child|kinder|kindern|enfants|niños|niñas|crianças|bambini|kinderen|pupils|students|schüler)\b|"
    r"[()]",
    re.IGNORECASE,
)


_CHILDREN_USE = re.compile(
    r"\b(?:kids|children|pupils|students|learners|kinder|schüler\w*|enfants|élèves|niños|niñas|alumnos|crianças|"
    r"alunos|bambini|kinderen|leerlingen)\b(?:\s+(?:themselves|also|too|selbst|auch|eux-mêmes|aussi|también|também|"
    r"ook|anche))*\s+(?:(?:can|also|will|sometimes|often)\s+)?(?:use|uses|chat|chats|type|types|write|writes|ask|asks|"
    r"message|messages|talk|talks|schreiben|fragen|chatten|nutzen|benutzen|écrivent|utilisent|posent|escriben|usan|"
    r"preguntan|escrevem|usam|perguntam|scrivono|usano|schrijven|gebruiken|vragen)\b|"
    # "a chat that talks with the kids", "l'assistant parle aux enfants"
    r"\b(?:talks?\s+(?:to|with)|used\s+by|chat\w*\s+with|speaks?\s+(?:to|with)|parle\s+aux|habla\s+con|"
    r"spricht\s+mit|fala\s+com)\s+(?:the\s+|our\s+|les\s+|los\s+|den\s+|as\s+|os\s+)?(?:young\s+)?"
    r"(?:kids|children|pupils|enfants|niños|kindern|crianças)\b",
    re.IGNORECASE,
)


def adults_ask(text: str) -> bool:
    """Whether the brief says adults (parents, carers) are the ones who ask, with no child named among them:
    "Parents ask us the same things" (not "Kids and parents both chat with it", "Nutzer (Kinder, Eltern) fragen")."""
    if _CHILDREN_USE.search(text):
        return False  # "the kids themselves also use the chat", "die Kinder schreiben selbst": children read it too
    for match in ADULTS_ASK.finditer(text):
        opening = max(text.rfind(mark, 0, match.start()) for mark in ".;\n!?")
        around = text[max(0, opening + 1, match.start() - 30) : match.end()]
        if not _CHILD_WORD.search(around):
            return True
    return False


class FoundAudience(NamedTuple):
    """An audience phrase as written, its age bounds (if any) and its extent."""

    phrase: str
    minimum: int | None
    maximum: int | None
    start: int
    end: int


def ages(phrase: str) -> tuple[int | None, int | None]:
    """(minimum, maximum) age stated in an audience phrase."""
    if not _AGE_CONTEXT.search(phrase):
        return None, None
    match = _AGES.search(phrase)
    if not match:
        return None, None
    if match.group("lo"):
        return int(match.group("lo")), int(match.group("hi"))
    if match.group("under"):
        return None, int(match.group("under")) - 1
    if match.group("over"):
        # "over 65" reads as "65 and older" in everyday use.
        return int(match.group("over")), None
    return int(match.group("plus")), None


_SERVED_BY = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:helper|bot|chatbot|assistant|agent|tool|app|copilot|buddy)\s+for\s+"
    r"(?:(?:our|my|the|their)\s+)?(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def find_audience(text: str, *, whole: bool = False) -> FoundAudience | None:
    """The audience a clause names; with `whole`, the text is an audience field and is kept as written.

    Age bounds are read from the whole clause, so "a reading buddy for kids, ages 8 to 10" and "residents are
    mostly 75+" keep their ages even when the audience phrase itself does not hold them. An eligibility rule or a
    reading age ("Users must not be under 13", "reading age 9") names no reader: it is blanked first.
    """
    if not whole:
        # ("Déconseillé aux enfants de moins de 5 ans", "nicht für Kinder unter 12 geeignet": who a warning is about)
        text = without_warned_groups(blank_age_rules(text))
    found = _audience_phrase(text, whole=whole)
    served = _SERVED_BY.match(found.phrase) if found is not None and not whole else None
    if found is not None and served is not None:
        # "a system prompt for a sql helper for our analysts": the helper is the assistant, the analysts its readers
        rest = served.group("rest")
        if rest.strip().lower() in _GENERIC:
            return None  # "a mock interview bot for people applying to …": no particular readers
        found = found._replace(phrase=rest, start=found.start + served.start("rest"))
    if found is not None and not whole and SERVICE_FOR.search(text, max(0, found.start - 80), found.start):
        return None  # "SafeHands monitors personal alarms for older people living alone": the service's, not the reader
    if found is not None and not whole and _RESTRICTED.search(text, max(0, found.start - 40), found.start):
        return None  # "Not suitable for children under 12": who the business turns away, not who reads
    if found is not None and not whole and _RESTRICTED_AFTER.match(text, found.end):
        return None  # "children under 16 must come with a parent": a rule about a group, not who reads
    age_words = find_ages(text)
    if not whole and subgroup_rule(text, age_words):
        return (
            None  # "12歳未満のお子さんは店頭測定不可", "Kinder unter 12 brauchen ein Rezept": a case, not the readers
        )
    if age_words is not None and not whole and _COMPANION.search(text, 0, age_words.start):
        age_words = None  # "travelling with their kids aged 3-5": people with the reader, not the reader's age
        if found is not None and _COMPANION.search(text, 0, found.start):
            return None
    carers = _CARERS_OF.search(text, 0, age_words.start) if age_words is not None else None
    if age_words is not None and carers is not None:
        # "parents and carers of players aged 7 to 11": the readers are the adults; the ages are their children's.
        if whole and found is not None:
            return found._replace(minimum=None, maximum=None)
        return FoundAudience(text[carers.start() : age_words.end], None, None, carers.start(), age_words.end)
    if found is None:
        if age_words is None:
            return None
        if _CASE_CLAUSE.match(text):
            return None  # "if they are pregnant or over 65, …": a case to route, not who reads
        if _RESTRICTED.search(text):
            return None  # "18歳未満が含まれるグループは23時以降の利用不可": who a rule restricts, not who reads
        if (
            _SOME_OF.search(text, 0, age_words.start)
            and not _READERS.match(text, age_words.start)
            and _DATA_WORDS.search(text)
        ):
            # "a lot of players are under 18 so never put dob in the results": people in the data (not "many users
            # are over 70": those who write in)
            return None
        if _OFFER_BEFORE.search(text, 0, age_words.start):
            return None  # "cours collectifs enfants : 4 à 12 ans, 8 élèves max": who a course is for, not who reads
        phrase = _BRIDGE.sub(_bridge, text[age_words.start : age_words.end])
        phrase = _PRONOUN_LEAD.sub("aged ", phrase)  # "they're 13-14" -> "aged 13-14"
        return FoundAudience(phrase, age_words.minimum, age_words.maximum, age_words.start, age_words.end)
    if (found.minimum, found.maximum) == (None, None) and age_words is not None:
        return _with_ages(text, found, age_words)
    return found


# A course, class or group the business offers, named right before an age range it is for
_OFFER_BEFORE = re.compile(
    # (not "a reading buddy for my class (they're 8 and 9)": the pupils themselves)
    r"(?<!\bmy\s)(?<!\bour\s)(?<!\bthe\s)(?<!\bthis\s)"
    r"\b(?:cours|course|courses|lessons?|camps?|clases?|cursos?|kurs\w*|corsi|corso|"
    r"lessen|sessions?|séances?|stages?|ateliers?|workshops?|activit\w+|tickets?|billets?|tarifs?|entradas?)\b"
    r"[^.;\n]{0,30}$",
    re.IGNORECASE,
)
_RESTRICTED = re.compile(
    # (a ban, not an ability: "users are 75+ and cannot see small print" are still the readers)
    r"利用不可|入場不可|禁止|お断り|\b(?:not\s+allowed|aren['’]t\s+allowed|are\s+not\s+allowed|no\s+entry|not\s+permitted|"
    r"nicht\s+erlaubt|no\s+se\s+permite|interdit|niet\s+toegestaan)\b|"
    # who a business turns away or only takes with an adult: "we can't take children under 8", "not suitable for
    # under-12s", "kids under 5 must be with an adult", "no aceptamos menores de 16"
    r"\b(?:can['’]?t|cannot|can\s+not|don['’]?t|do\s+not|won['’]?t|will\s+not|are\s+not\s+able\s+to|aren['’]t\s+able\s+to)\s+"
    r"(?:take|accept|book|allow|admit|serve|insure|sell\s+to|rent\s+to|hire\s+to)\b|"
    # (not "never show content not suitable for children": what may be shown, to the children who read)
    r"(?<!content\s)(?<!material\s)(?<!anything\s)(?<!images\s)(?<!language\s)(?<!topics\s)(?<!words\s)"
    r"\b(?:not|isn['’]t|aren['’]t)\s+(?:suitable|allowed|open|available)\s+(?:for|to)\b|\bunsuitable\s+for\b|"
    # ("children under 16 must come with a parent or guardian", "under-12s need an adult with them")
    r"\b(?:must|need\s+to|have\s+to|should)\s+(?:be|come|arrive|attend|stay)\s+(?:accompanied|supervised|"
    r"with\s+(?:an?\s+|their\s+)?(?:adult|parent|guardian|grown-?up))\b|"
    r"\bneeds?\s+(?:an?\s+|their\s+)?(?:adult|parent|guardian|grown-?up)\s+(?:with|present|there)\b|"
    r"\bno\s+(?:children|kids|minors|under-?\d+s?)\b|\bno\s+(?:aceptamos|admitimos)\b|"
    r"\b(?:n['’]acceptons|ne\s+(?:prenons|pouvons))\b|\bnão\s+(?:aceitamos|podemos\s+levar)\b|\bnon\s+accettiamo\b",
    re.IGNORECASE,
)
TURNED_AWAY = _RESTRICTED
# The rule about a group that follows it: "children under 16 must come with a parent", "kids under 5 are not allowed"
_RESTRICTED_AFTER = re.compile(
    r"\s*(?:(?:are|is)\s+)?(?:only\s+)?(?:[\w-]+\s+){0,2}?(?:" + _RESTRICTED.pattern + r")", re.IGNORECASE
)
"""Who a rule restricts or a business turns away ("we can't take children under 8"): no audience, no readers."""
# "a lot of players are …", "some of our members are over 80": a share of a group, said as a fact about it
_SOME_OF = re.compile(
    r"\b(?:a\s+lot|lots|many|some|most|several|a\s+few|half|a\s+third|plenty|loads|a\s+(?:good|large)\s+(?:number|share))"
    r"(?:\s+of)?(?:\s+(?:the|our|their|its))?\s*$",
    re.IGNORECASE,
)
# "… so never put dob in the result columns": the clause is about records, not about who reads
_DATA_WORDS = re.compile(
    r"\b(?:columns?|rows?|records?|results?|tables?|quer(?:y|ies)|database|db|fields?|dob|date\s+of\s+birth|data|"
    r"spreadsheet|export|report)\b",
    re.IGNORECASE,
)
_READERS = re.compile(
    r"(?:users|customers|clients|callers|visitors|residents|patients|members|guests|readers|people|subscribers|"
    r"listeners|viewers|shoppers|travell?ers|tenants|learners|students)\b",
    re.IGNORECASE,
)
_CARERS_OF = re.compile(
    r"\b(?:parents?|carers?|caregivers?|guardians?|famil(?:y|ies)|mums?|moms?|dads?|teachers?|coaches|staff|"
    r"grandparents?|padres|madres|familias|eltern|pais|familles)\b(?:\s+(?:and|&|or|y|und|et|e)\s+\w+)?\s+"
    r"(?:of|de|von|der|des|dos|das)\s+(?:(?:the|our|their|los|las|les|unsere[nr]?)\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_NEAR = 40
# "travelling with a child under 2", "accompanied by their kids aged 5-8": people with the reader, not the reader.
_COMPANION = re.compile(
    r"\b(?:(?:travel\w*|flying|fly|coming|visiting|arriving|staying|going|viajando|voyageant|reisend)\s+"
    r"(?:with|con|avec|mit|com)|accompanied\s+by|bringing)\s+(?:a|an|one|their|your|his|her|un|una|une|ein(?:em|er)?|"
    r"uma?|sus?|seu|sua|leur|ihre[mn]?)?\s*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_CASE_CLAUSE = re.compile(r"^\s*(?:if|when|whenever|unless|si|cuando|wenn|falls|quand|se|quando|als|indien)\b", re.I)
_PRONOUN_LEAD = re.compile(
    r"^(?:they(?:'re|’re|\s+are)|who\s+are)\s+(?:(?:mostly|mainly|all|usually|about|around)\s+)?", re.I
)


def _with_ages(text: str, found: FoundAudience, age_words: FoundAges) -> FoundAudience:
    """The audience with the clause's age bounds; the phrase grows to cover them when they are written next to it."""
    start, end = min(found.start, age_words.start), max(found.end, age_words.end)
    between = text[min(found.end, age_words.end) : max(found.start, age_words.start)]
    if len(between) > _NEAR or re.search(r"[.;:!?]", between):
        return found._replace(minimum=age_words.minimum, maximum=age_words.maximum)
    phrase = _BRIDGE.sub(_bridge, text[start:end])
    return FoundAudience(phrase, age_words.minimum, age_words.maximum, start, end)


# "residents are mostly 75+" -> "residents aged 75+"; "users are over 70" -> "users over 70".
_BRIDGE = re.compile(
    r"\s+(?:are|is|sind|son|sont|são)(?:\s+(?:mostly|mainly|all|usually|often|meist|mayormente))?\s+(?P<next>\S+)",
    re.IGNORECASE,
)


def _bridge(match: re.Match[str]) -> str:
    following = match.group("next")
    joiner = " " if re.match(r"(?:over|under|above|below|older|younger|between|aged)$", following, re.I) else " aged "
    return joiner + following


# Verbs whose object is someone the assistant talks to or writes for ("to help beginners", "to coach players");
# after "to" any other verb takes people as data ("find_cover(shift_id) to list volunteers who are free").
_TALKS_TO = frozenset(
    """advise answer assist brief coach chat converse congratulate encourage explain greet guide help inform
    interview motivate notify onboard quiz reassure remind reply respond serve support teach tell train tutor walk
    welcome write""".split()  # noqa: SIM905  (a wrapped word list reads better)
)
_VERB_INTROS = frozenset({"to", "help", "helps", "helping"})
# "cursos para principiantes", "free classes for seniors", "Kurse für Anfänger": an offer the brief talks about; who
# it is for is not who the assistant writes for, unless the assistant is making it ("design a course for beginners").
_OFFERINGS = (
    r"courses?|classes|class|lessons?|workshops?|sessions?|events?|programmes?|programs?|activities|tours?|tickets?|"
    r"discounts?|prices?|rates|fees?|menus?|camps?|trips?|outings?|seats|places|offers?|deals?|"
    r"cursos?|clases?|talleres?|sesiones|sesión|eventos?|actividades|programas?|salidas|visitas|entradas|descuentos?|"
    r"precios?|tarifas?|kurse[n]?|kurs|angebote?|veranstaltungen|führungen|preise|ermäßigungen|cours|ateliers?|"
    r"séances?|activités|stages?|sorties|visites|tarifs?|réductions?|aulas?|oficinas?|atividades|turmas?|preços?|"
    r"corsi|corso|lezioni|laboratori|attività|uscite|sconti|prezzi|cursussen|cursus|lessen|les|activiteiten"
)
_OFFERING_BEFORE = re.compile(
    rf"(?P<lead>(?:\S+\s+){{0,4}})\b(?:{_OFFERINGS})(?P<after>\s+[^\W\d_]+)?\s*$", re.IGNORECASE
)
_MAKING = re.compile(
    r"\b(?:write|create|design|plan|build|draft|prepare|generate|make|teach|develop|"
    r"escribe|crea|diseña|prepara|schreib\w*|erstell\w*|entwirf|écris|crée|conçois|prépare|escreva|crie|"
    r"scrivi|crea|progetta|schrijf|maak)\b",
    re.IGNORECASE,
)


# A verb that sends the user to someone: the "to X" after it names that person, not the readers.
_SENT_TO = re.compile(
    r"\b(?:talk|speak|go|turn|reach\s+out|refer\w*|send|sent|direct\w*|point\w*|escalate\w*|hand\w*|pass\w*|"
    r"forward\w*|transfer\w*)\b[^.;:]{0,50}$",
    re.IGNORECASE,
)


def _not_an_audience(text: str, match: re.Match[str], phrase: str) -> bool:
    """Whether a "for X" phrase names something other than the people the assistant writes for: the object of a verb
    ("to list volunteers who are free") or who an offer is for ("cursos para principiantes")."""
    intro = text[match.start() : match.start("phrase")].strip().lower()
    first = phrase.split()[0].lower() if phrase.split() else ""
    if intro in _VERB_INTROS and first in VERBS and first not in _TALKS_TO:
        return True
    if intro == "to" and _SENT_TO.search(text, max(0, match.start() - 70), match.start()):
        return True  # "tell them to talk to a grown-up they trust or to library staff": who they are sent to
    offering = _OFFERING_BEFORE.search(text, 0, match.start())
    if offering is None or _MAKING.search(offering.group("lead")) is not None:
        return False
    # A word between the offer and "for" is an adjective only where adjectives follow the noun ("cursos gratuitos
    # para"); in English it is the noun the offer word modifies ("the class newsletter for parents").
    return offering.group("after") is None or not is_english(text)


# A negation right before the audience words, with at most a verb or two between ("not aimed at", "isn't meant for")
_NEGATED_INTRO = re.compile(
    r"(?:\b(?:not|never|no\s+es|nicht|pas|não\s+é|niet|non\s+è)|n['’]t)(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


# A head count is a limit on a booking, never who reads the replies ("max 10 kids", "up to 12 children")
_COUNT = re.compile(
    r"\b(?:max(?:imum)?|min(?:imum)?|up\s+to|at\s+most|at\s+least|how\s+many|no\s+more\s+than|bis\s+zu|m[áa]ximo|"
    r"hasta|jusqu['’]à|fino\s+a)\s+\d+\s",
    re.IGNORECASE,
)

_OFFERED = re.compile(
    r"(?:['’]s?)?\s+(?:birthday\s+)?(?:part(?:y|ies)|menus?|tickets?|prices?|classes|camps?|courses?|lessons?|"
    r"sessions?|boots|shoes|clothes|sizes?|bikes?|skis?|helmets?|rentals?|toys?|books?)\b",
    re.IGNORECASE,
)


def _audience_phrase(text: str, *, whole: bool) -> FoundAudience | None:
    if whole:
        phrase = text.strip().rstrip(".")
        if not phrase:
            return None
        low, high = ages(phrase)
        start = text.find(phrase)
        return FoundAudience(phrase, low, high, start, start + len(phrase))
    for match in _AUDIENCE.finditer(text):
        intro = text[match.start() : match.start("phrase")].strip()
        if (
            _FOREIGN_INTRO.match(intro)
            and len(match.group("phrase").split()) > 2
            and not ages(match.group("phrase"))[0]
        ):
            continue
        counted = _COUNT.search(text[max(0, match.start() - 12) : match.end("phrase")])
        if "\n" in match.group(0) or counted or _OFFERED.match(text, match.end()):
            # "Priya to answer\nkids parties …", "max 10 kids", "answer kids parties": a next line's word, a head
            # count, what a business sells or runs for children
            continue
        phrase = match.group("phrase").strip().rstrip(".,")
        phrase = re.sub(r"^(?:an?|the|our|my)\s+", "", phrase, flags=re.IGNORECASE)
        phrase = re.sub(r"(?:\s+(?:to|of|for|the|a|an|in|on|with))+$", "", phrase, flags=re.IGNORECASE)
        position = text.find(phrase, match.start("phrase"))
        # ("parents of children with type 1 diabetes", "residents who have fallen behind on payments": the whole
        # description, or the head alone when it runs on past a clause it cannot keep whole)
        phrase = with_tail(text, phrase, position) or uncut(text, phrase, position)
        if object_of_verb(text, match.start()):
            continue  # "don't defend or apologise for staff": who is apologised for, not who reads
        if phrase.lower() in _GENERIC or re.match(r"(?:each|every|all|any|other|these|those)\b", phrase, re.IGNORECASE):
            continue
        if _not_an_audience(text, match, phrase):
            continue
        if _NEGATED_INTRO.search(text, max(0, match.start() - 30), match.start("phrase")):
            continue  # "not aimed at adults", "nicht für Profis": who the product is not for is no audience
        if text[match.start() : match.start("phrase")].strip().lower() in _VERB_INTROS:
            # "to coach new managers": the verb says what the assistant does; the audience is who it does it for.
            phrase = re.sub(r"^(\w+)\s+(?=\S)", lambda m: "" if m.group(1).lower() in _TALKS_TO else m.group(0), phrase)
            if phrase.lower() in _GENERIC:
                continue  # "helps people write migrations": no particular readers
        start = text.find(phrase, match.start("phrase"))
        low, high = ages(phrase)
        return FoundAudience(phrase, low, high, start, start + len(phrase))
    only_ages = _AGE_ONLY.search(text)
    if only_ages:
        low, high = ages(only_ages.group(0))
        return FoundAudience(only_ages.group(0), low, high, only_ages.start(), only_ages.end())
    return None


_TONES: dict[str, str] = {
    "friendly": "friendly", "formal": "formal", "informal": "informal", "professional": "professional",
    "casual": "casual", "empathetic": "empathetic", "empathic": "empathetic", "playful": "playful", "warm": "warm",
    "encouraging": "encouraging", "patient": "patient", "witty": "witty", "neutral": "neutral",
    "authoritative": "authoritative", "upbeat": "upbeat", "calm": "calm", "supportive": "supportive",
    "humorous": "humorous", "funny": "humorous", "polite": "polite", "respectful": "respectful",
    "cheerful": "cheerful", "serious": "serious", "enthusiastic": "enthusiastic", "reassuring": "reassuring",
    "kind": "kind", "gentle": "gentle", "confident": "confident", "straightforward": "straightforward",
    "conversational": "conversational", "approachable": "approachable", "diplomatic": "diplomatic",
    "compassionate": "compassionate", "no-nonsense": "no-nonsense", "blunt": "blunt", "sarcastic": "sarcastic",
    "light-hearted": "light-hearted", "lighthearted": "light-hearted", "objective": "objective", "direct": "direct",
    "chill": "relaxed", "relaxed": "relaxed", "laid-back": "relaxed", "fun": "fun", "quirky": "quirky",
    "cheeky": "cheeky", "sassy": "sassy", "firm": "firm", "assertive": "assertive", "sincere": "sincere",
    "optimistic": "optimistic", "inspiring": "inspiring", "motivating": "motivating", "humble": "humble",
    "concise": "concise", "clear": "clear", "simple": "simple", "plain": "plain", "technical": "technical",
    "amable": "friendly", "amigable": "friendly", "cercano": "warm", "cercana": "warm", "profesional": "professional",
    "empático": "empathetic", "empática": "empathetic", "cordial": "cordial", "respetuoso": "respectful",
    "freundlich": "friendly", "förmlich": "formal", "höflich": "polite", "locker": "casual",
    "professionell": "professional", "sachlich": "objective", "einfühlsam": "empathetic", "amical": "friendly",
    "chaleureux": "warm", "chaleureuse": "warm", "poli": "polite", "professionnel": "professional",
    "bienveillant": "kind", "amigável": "friendly", "simpático": "friendly", "educado": "polite",
    "丁寧": "polite", "フレンドリー": "friendly", "親しみやすい": "friendly", "友好": "friendly", "友善": "friendly",
    "礼貌": "polite", "专业": "professional", "正式": "formal",
    # relaxed and playful registers, as users write them in their own language
    "descontraído": "relaxed", "descontraido": "relaxed", "descontraída": "relaxed", "descontraida": "relaxed",
    "relajado": "relaxed", "relajada": "relaxed", "desenfadado": "relaxed", "divertido": "fun", "divertida": "fun",
    "entspannt": "relaxed", "lässig": "casual", "humorvoll": "humorous", "décontracté": "relaxed",
    "décontractée": "relaxed", "détendu": "relaxed", "rilassato": "relaxed", "scherzoso": "playful",
    "ontspannen": "relaxed", "luchtig": "light-hearted", "カジュアル": "casual", "轻松": "relaxed", "活泼": "playful",
    "cálido": "warm", "cálida": "warm", "calido": "warm", "calida": "warm", "herzlich": "warm", "caloroso": "warm",
    "calorosa": "warm", "cordiale": "cordial", "acolhedor": "warm", "hartelijk": "warm",
}  # fmt: skip
_TONE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted((re.escape(word) for word in _TONES), key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)
_TONE_CONTEXT = re.compile(
    r"\b(?:tone|voice|style|manner|sound|sounding|be|stay|keep\s+it|remain|register|ton|tono|tom|stil|estilo)\b|"
    r"语气|口调|口調|トーン|で(?:答え|回答)",
    re.IGNORECASE,
)
# Words that are a tone only in a tone context: "clear", "simple", "direct" are common elsewhere.
_WEAK = frozenset({"direct", "clear", "simple", "plain", "concise", "technical", "kind", "serious", "patient"})


# "Be patient.", "stay calm and clear": a weak word right after a linking verb names a tone.
_BE_BEFORE = re.compile(r"\b(?:be|stay|remain|sound|keep\s+it)\s+(?:\w+\s+(?:and|but)\s+|very\s+|always\s+)?$", re.I)


_LINKED_TONES = frozenset({"patient", "kind", "serious", "direct"})


def _linked_tone(text: str, word: str, start: int) -> bool:
    """Whether a weak tone word is a tone here: "be patient" is; "be concise" or "be clear" say how to write."""
    return word in _LINKED_TONES and _BE_BEFORE.search(text, 0, start) is not None


class FoundTone(NamedTuple):
    """Tone words (normalised to English) and the extent of the clause part that names them."""

    values: list[str]
    start: int
    end: int


# "warm but not gushing", "friendly but not chummy", "cálido pero sin exagerar": the contrast bounds the tone, and the
# phrase is still nothing but a tone
_CONTRAST_TAIL = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:but|yet|pero|aber|mais|ma|mas|maar)\s+)?(?:not|never|without|sin|no|nicht|nie|pas|sans|"
    r"non|senza|sem|não|niet|zonder|nooit)\s+(?:(?:too|overly|so|demasiado|zu|trop|troppo|muito|te)\s+)?[\w-]+"
    r"(?:\s+(?:[\w-]+))?\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _bounded_tones(text: str) -> list[tuple[int, int]]:
    """The comma parts that are a tone and its contrast ("no bullet lists, warm but not gushing"), up to the
    contrast: a "no" before the list does not negate them."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for part in text.split(","):
        tail = _CONTRAST_TAIL.search(part)
        if tail is not None and _only_tone_words(part):
            spans.append((offset, offset + tail.start()))
        offset += len(part) + 1
    return spans


def tone_contrast(item: str) -> bool:
    """Whether a list item is a tone bounded by a contrast ("warm but not gushing"), never a thing a ban covers."""
    return _CONTRAST_TAIL.search(item) is not None and _only_tone_words(item)


def _only_tone_words(text: str) -> bool:
    """ "warm and funny.", "friendly, upbeat", "warm but not gushing": a clause of nothing but tone words (and a
    contrast that bounds them) names the tone."""
    bounded = _CONTRAST_TAIL.sub(" ", text)
    rest = _TONE.sub(" ", bounded)
    return rest != bounded and not re.sub(
        r"(?i)\b(?:and|or|but|very|always|super|really|a\s+bit|bem|muito|muy|bien|sehr|ganz|très|molto|heel|zeer|"
        r"bastante|e|y|und|et|en)\b|[\s,.!&/+-]",
        "",
        rest,
    )


# A tone word followed by a word for people describes them ("blunt people", "friendly customers"), not the reply.
_DESCRIBES_PEOPLE = re.compile(
    r"\s+(?:people|folks?|folk|guys|men|women|readers|users|customers|clients|farmers|workers|kids|parents|"
    r"patients|staff|colleagues|members|students|teachers|audiences?|crowds?|types?|lot)\b",
    re.IGNORECASE,
)


def find_tone(text: str, *, whole: bool = False) -> FoundTone | None:
    """Tone words in one clause; with `whole`, the text is a tone field and every tone word counts."""
    if (
        not whole
        and not _TONE_CONTEXT.search(text)
        and not _only_tone_words(text)
        # "cria legendas …, no maximo 150 caracteres, bem descontraido": a comma part of only tone words
        and not any(_only_tone_words(part) for part in text.split(","))
    ):
        return None
    negated = negated_ranges(text)
    bounded = _bounded_tones(text)
    values: list[str] = []
    start, end = len(text), 0
    for match in _TONE.finditer(text):
        word = match.group(0).lower()
        if (in_ranges(match.start(), negated) and not in_ranges(match.start(), bounded)) or (
            not whole and word in _WEAK and not _linked_tone(text, word, match.start())
        ):
            continue
        if not whole and _DESCRIBES_PEOPLE.match(text, match.end()):
            continue  # "these are blunt people": the readers are blunt; the reply's tone is not said
        tone = _TONES.get(word, _TONES.get(match.group(0), word))
        if tone not in values:
            values.append(tone)
        start, end = min(start, match.start()), max(end, match.end())
    if not values:
        return None
    return FoundTone(values, start, end)


def tone_synonyms(value: str) -> list[str]:
    """The tone word and every word (in any supported language) that maps to it."""
    return [value, *(word for word, tone in _TONES.items() if tone == value and word != value)]


def describe_audience(phrase: str, minimum: int | None = None, maximum: int | None = None) -> str:
    """The imperative sentence for an audience; a phrase in another language is quoted, and ages it does not show
    are added ("Write for kids (ages 8-10).")."""
    shown = phrase if is_english(phrase) else f"the audience the brief names, «{phrase}»"
    missing = [n for n in (minimum, maximum) if n is not None and not re.search(rf"(?<!\d){n}(?!\d)", phrase)]
    if missing:
        shown += f" ({_age_span(minimum, maximum)})"
    if re.match(r"aged?\b", shown, re.IGNORECASE):
        return f"Write for an audience {shown}."
    if re.match(r"ages\b", shown, re.IGNORECASE):
        return f"Write for an audience of {shown}."
    return f"Write for {shown}."


def _age_span(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f"ages {minimum}-{maximum}"
    return f"aged {minimum}+" if minimum is not None else f"aged {maximum} or younger"


def describe_tone(values: list[str]) -> str:
    """The imperative sentence for a tone."""
    listed = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]
    article = "an" if listed[:1].lower() in "aeiou" else "a"
    return f"Use {article} {listed} tone."


# "at a grade 5 reading level", "5th-grade reading level", "B1 level", "Lesestufe A2": how hard the text may be.
_READING_LEVEL = re.compile(
    r"\b(?:at\s+(?:a|an|the)\s+)?(?:(?:grade|year|klasse)[- ]?(?P<grade>\d{1,2})|"
    r"(?P<grade2>\d{1,2})(?:st|nd|rd|th)[- ]grade|"
    r"(?:cefr\s+)?(?P<cefr>[ABC][12]))(?:\s+|-)(?:reading\s+|english\s+|language\s+)?(?:level|niveau|nivel)\b|"
    r"\b(?:reading|lese)(?:\s+|-)?(?:level|stufe|niveau)\s*(?:of\s+)?(?P<level>(?:grade\s+)?\d{1,2}|[ABC][12])\b",
    re.IGNORECASE,
)


class FoundLevel(NamedTuple):
    """A reading level as the brief writes it, and its extent."""

    phrase: str
    start: int
    end: int


def find_reading_level(text: str) -> FoundLevel | None:
    """The reading level one clause asks for ("grade 5 reading level"); it sets how plain the words are."""
    as_age = level_as_age(text)
    if as_age is not None:
        return FoundLevel(*as_age)  # "reading age 9", "so a fifth grader could understand it"
    lowered = text.lower()
    if not any(key in lowered for key in ("level", "niveau", "nivel", "stufe")):
        return None
    match = _READING_LEVEL.search(text)
    if match is None:
        return None
    phrase = re.sub(r"^at\s+(?:a|an|the)\s+", "", match.group(0), flags=re.IGNORECASE)
    return FoundLevel(phrase, match.start(), match.end())


def describe_reading_level(phrase: str) -> str:
    """The imperative sentence for a reading level."""
    return f"Write at a {phrase}: short sentences and everyday words; explain any term the reader may not know."

"""Whether the children a brief names are the chat's users, or only someone its adults talk about.

The children's pack speaks to children ("The readers are children"): it needs children as the ones who chat (an
audience naming children, "for kids", "children use it", "the child types"). A child named in a case ("if they say a
child is locked inside", "lost child: …", "la santé de l'enfant") is someone the adult users talk about, and a brief
that names its readers as parents or adults ("pour les parents", "para los padres", "for parents only") has no
child reader, whatever the service does for children.
"""

from __future__ import annotations

import re

from app.engine.safety.cues import CHILDREN

_CHILD = (
    r"kids?|children|child|enfants?|ni[ñn]os?|ni[ñn]as?|kinder[n]?|kind|crian[çc]as?|bambin[io]|kinderen|pupils|"
    r"[ée]l[èe]ves|alumnos|sch[üu]ler\w*|alunos|leerlingen"
)
_ADULT = (
    r"parents?|carers?|caregivers?|guardians?|famil(?:y|ies)|adults?|grown-?ups|padres|eltern|pais|familias|"
    r"familles|adultes|adultos|adulti|erwachsene\w*|volwassenen|genitori|famiglie|ouders|gezinnen|"
    r"teachers?|staff|profs?|professeurs|lehrer\w*|profesores"
)
_ARTICLE = r"(?:(?:the|our|les|nos|los|las|nuestros|die|unsere|den|i|gli|os|as|de|het|onze|dos|das|des|aos)\s+)?"

# An audience field that names children, the children themselves named as the ones who chat, or a child who types.
_CHILD_AUDIENCE = re.compile(rf"\b(?:{_CHILD})\b|子ども|子供|児童|小学生|儿童|孩子|小朋友", re.IGNORECASE)
_CHILDREN_TYPE = re.compile(
    rf"\b(?:{_CHILD})\b(?:\s+(?:themselves|also|too|may|can|will|often|sometimes|selbst|auch|aussi|también|também))*"
    r"\s+(?:use|uses|chat|chats|type|types|tap|taps|ask|asks|write|writes|read|reads|pick|picks|talk|talks|"
    r"tape|tapent|pose|posent|écrit|écrivent|utilisent|escribe|escriben|usan|preguntan|tippt|tippen|schreibt|"
    r"schreiben|fragt|fragen|nutzen|escreve|escrevem|usam|perguntam|scrive|scrivono|usano|typt|typen|gebruiken)\b",
    re.IGNORECASE,
)
_CHILDREN_CHAT = re.compile(
    rf"\b(?:for|aimed\s+at|designed\s+for|used\s+by|pour|para|f[üu]r|per|voor|talks?\s+(?:to|with)|parle\s+aux)\s+"
    rf"{_ARTICLE}(?:young\s+|jeunes\s+|petits\s+)?(?:{_CHILD})\b|"
    rf"\b(?:{_CHILD})\s+(?:\w+\s+){{0,2}}(?:aged\s+|de\s+|von\s+|dès\s+)?\d{{1,2}}\s*(?:-|–|to|à|a|bis|al?)\s*\d{{1,2}}\b|"
    r"向け|面向",
    re.IGNORECASE,
)
# The readers named as adults: "pour les parents", "for parents only", "para los padres", "für Eltern", "customers
# are parents", "les questions des parents", "dúvidas dos pais".
_ADULT_READERS = re.compile(
    rf"\b(?:for|pour|para|f[üu]r|per|voor|aimed\s+at)\s+{_ARTICLE}(?:{_ADULT})\b(?!\s+(?:and|et|y|und|e|en|or|ou|o|oder)\s+"
    rf"{_ARTICLE}(?:{_CHILD}))|"
    rf"\b(?:customers|clients|users|readers|audience|utilisateurs|clientes|usuarios|nutzer|kunden)\s+(?:are|sont|son|sind|"
    rf"são)\s+(?:all\s+|only\s+|mostly\s+)?{_ARTICLE}(?:{_ADULT})\b|"
    r"\b(?:questions|d[úu]vidas|dudas|preguntas|fragen|domande|vragen)\s+(?:des|dos|de\s+los|der|dei|van\s+de)\s+"
    r"(?:parents|pais|padres|eltern|genitori|ouders|familles|fam[íi]lias)\b",
    re.IGNORECASE,
)
_AUDIENCE_ADULTS = re.compile(rf"^\s*{_ARTICLE}(?:{_ADULT})\b", re.IGNORECASE)

# A child the users talk about: in a conditional clause ("if they say a child …", "si un enfant …"), a case heading
# ("lost child:"), a possessed matter ("the child's allergy", "de l'enfant", "for every child in the party").
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|in\s+case|unless|should|si|cuando|wenn|falls|sobald|quand|lorsque|se|caso|als|indien|"
    r"qualora|quando)\b|もし|如果",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.;!?\n。]")
_CASE_BEFORE = re.compile(
    r"(?:\b(?:lost|missing|sick|injured|hurt|every|each|any|another|de\s+l['’]|des|du|del|de\s+los|de\s+la|da|do|"
    r"des|der|of\s+the|of\s+a|of\s+their)\s+|\b(?:the|a|l['’])\s*(?=child['’]s|enfant\b))$",
    re.IGNORECASE,
)
_CASE_AFTER = re.compile(r"^(?:['’]s)?\s*(?::|is\s+(?:lost|missing|locked|ill|sick|hurt)|has\s+(?:eaten|swallowed))")


def _in_a_case(lowered: str, start: int, end: int) -> bool:
    sentence_start = max((m.end() for m in _SENTENCE.finditer(lowered, 0, start)), default=0)
    return bool(
        _CONDITION.search(lowered, sentence_start, start)
        or _CASE_BEFORE.search(lowered[max(0, start - 20) : start])
        or _CASE_AFTER.match(lowered[end : end + 30])
    )


def children_chat(lowered: str, audience: str | None) -> bool:
    """Whether the brief names children as the ones who chat (its audience field, "for kids", "kids type …")."""
    if audience and _CHILD_AUDIENCE.search(audience) and not _AUDIENCE_ADULTS.match(audience):
        return True
    if _CHILDREN_TYPE.search(lowered):
        return True  # "kids type their question", "die Kinder tippen": whatever the audience field says
    # ("Audience: parents" for "a club for children aged 5 to 11": the club is the children's, the chat the parents')
    return not (audience and _AUDIENCE_ADULTS.match(audience)) and _CHILDREN_CHAT.search(lowered) is not None


def adults_read(lowered: str, audience: str | None) -> bool:
    """Whether the brief names adults as its readers ("pour les parents", "Audience: parents")."""
    if audience and _AUDIENCE_ADULTS.match(audience):
        return True
    return _ADULT_READERS.search(lowered) is not None


def children_only_in_cases(lowered: str) -> bool:
    """Whether every child the brief names is someone in a case the users bring ("if a child is locked inside")."""
    mentions = list(CHILDREN.strong.finditer(lowered))
    return bool(mentions) and all(_in_a_case(lowered, m.start(), m.end()) for m in mentions)


def no_child_users(lowered: str, audience: str | None) -> bool:
    """Whether the children's pack has no child to speak to: the readers are stated as adults and no child is said
    to chat, or no child is said to chat and every child named is one in a case."""
    if children_chat(lowered, audience):
        return False
    return adults_read(lowered, audience) or children_only_in_cases(lowered)


# An age range of the people the brief serves: after a people noun ("pupils are 17-19", "learners aged 16-19",
# "alumnos de 17 a 19 años", "Jugendliche von 17 bis 19"), after an age word ("aged 16 to 19", "im Alter von 17 bis
# 19") or before a unit of years ("17-19 years old", "de 17 à 19 ans").
_PEOPLE = (
    rf"{_CHILD}|learners?|students?|apprenants?|[ée]tudiants?|estudiantes?|lernende\w*|studierende\w*|estudantes?|"
    r"studenti|studenten|cursistas?|trainees?|apprentices?|azubis?|jugendliche\w*|teens?|teenagers?|young\s+people|"
    r"j[óo]venes|jovens|jeunes|ragazz[ie]|giovani|jongeren|ados|adolescent\w*|customers|clients|users|members|players"
)
_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|–|to|à|a|al|bis|und|and|y|e|en|et|tot)\s*(\d{1,2})\b", re.IGNORECASE)
_YEARS_AFTER = re.compile(r"\s*(?:years?|yrs|y/o|ans|a[ñn]os|anos|jahre\w*|anni|jaar)\b", re.IGNORECASE)
_PEOPLE_BEFORE = re.compile(
    rf"(?:\b(?:{_PEOPLE})\b(?:\s+[\w'’]+){{0,3}}?\s+|\b(?:aged|ages|im\s+alter\s+von|âg[ée]s\s+de|de\s+edad|"
    rf"com\s+idade\s+entre|di\s+et[àa]\s+(?:tra|dai))\s+)(?:(?:aged|ages|of|de|von|dès|zwischen|between|from|entre|"
    rf"tra|dai|tussen|van)\s+)?$",
    re.IGNORECASE,
)
_GROWN_AGE = 17
_STAFF_BEFORE = re.compile(
    r"\b(?:staff|counsell?ors?|volunteers?|instructors?|coaches|teachers?|tutors?|leaders?|monitors?|parents?|carers?|"
    r"employees|workers|moniteurs?|animateurs?|betreuer\w*|mitarbeiter\w*|eltern|monitores|padres|pais|genitori|"
    r"ouders|begeleiders?)\b[^.;\n]{0,40}$"
)


def grown_range_floor(lowered: str) -> int | None:
    """The youngest age of the brief's age ranges when every one of them reaches 17 or more ("most pupils are 17-19",
    "learners aged 16-19", "alumnos de 17 a 19 años"): those ranges name no child users. None when the brief gives
    no range, or one that stays under 17 ("children aged 6-8", "Kinder von 8 bis 12")."""
    ranges = [
        (int(m.group(1)), int(m.group(2)))
        for m in _RANGE.finditer(lowered)
        if int(m.group(1)) < int(m.group(2)) <= 25
        and (
            _YEARS_AFTER.match(lowered, m.end()) is not None
            or _PEOPLE_BEFORE.search(lowered, max(0, m.start() - 60), m.start()) is not None
        )
        # ("our counsellors are 18-25 years old": the staff's ages, not the served people's)
        and _STAFF_BEFORE.search(lowered, max(0, m.start() - 60), m.start()) is None
    ]
    if not ranges or any(high < _GROWN_AGE for _, high in ranges):
        return None
    return min(low for low, _ in ranges)

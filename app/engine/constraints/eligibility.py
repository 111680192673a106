"""Ages that are a rule, not the readers: who may use a service and how hard the text may be.

- An eligibility rule ("Users must not be under 13", "not for under-18s", "no one under 16 may use it",
  "Spieler müssen mindestens 18 Jahre alt sein", "interdit aux moins de 18 ans", "solo para mayores de 18") says who
  the business lets in; the audience stays who reads the replies, and a bound such as "under 13" names no child
  reader.
- A reading level given as an age or a school year ("reading age 9", "so a fifth grader could understand it",
  "Niveau der 5. Klasse") says how plain the words are, not who reads them.

`blank_age_rules` blanks both (same length, same offsets) so that the audience and the safety packs read neither.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_N = r"\d{1,2}"
# A lower bound on who may use it: "at least 16", "over 18", "18 or older", "18+" (an upper bound, "must be under 13",
# says the readers are children, and stays theirs)
_LOWER = (
    rf"(?:aged\s+)?(?:over|above|older\s+than|at\s+least|a\s+minimum\s+of)[- ]?{_N}(?:\s*\+)?|"
    rf"(?:aged\s+)?{_N}\s*(?:\+|(?:years?\s+old\s+)?or\s+(?:older|over|above|more))"
)
_UNDER = rf"(?:aged\s+)?(?:under|below|younger\s+than)[- ]?{_N}"
_ELIGIBILITY = (
    # "Users must not be under 13", "members have to be at least 16", "customers must be 18 or older"
    rf"\b(?:must|have\s+to|has\s+to|need\s+to|needs\s+to|should|shall)\s+(?:all\s+)?be\s+(?:{_LOWER})|"
    rf"\b(?:must\s+not|mustn['’]t|may\s+not|can['’]?t|cannot|should\s+not|shouldn['’]t|must\s+never)\s+be\s+{_UNDER}",
    # "no one under 16", "nobody under 18", "no users under 13", "anyone under 18 must not …"
    rf"\b(?:no\s*-?\s*one|nobody|no\s+(?:users?|customers?|players?|members?|persons?|people|minors|one))\s+"
    rf"(?:aged\s+)?(?:under|below|younger\s+than)[- ]?{_N}",
    # "not for under-18s", "not for anyone under 16", "not open to people under 18"
    rf"\bnot\s+(?:for|open\s+to|available\s+(?:for|to)|allowed\s+for)\s+(?:anyone\s+|people\s+|those\s+|users\s+)?"
    rf"(?:under|below)[- ]?{_N}s?",
    # "18+ only", "over-18s only", "only for over 18s", "only users aged 18+"
    rf"\b{_N}\s*\+\s*only\b|\bover[- ]{_N}s\s+only\b|\bonly\s+(?:for\s+)?(?:users\s+|people\s+|those\s+)?"
    rf"(?:over|aged)[- ]?{_N}s?\s*\+?",
    # "under-18s can't sign up", "under 16s are not allowed"
    rf"\bunder[- ]?{_N}s?\s+(?:can['’]?t|cannot|may\s+not|must\s+not|are\s+not|aren['’]t|won['’]t)\b",
    r"\b(?:minimum|min\.?)\s+age\b|\bage\s+(?:limit|restriction|requirement|minimum|verification|gate)\b|"
    r"\bage[- ](?:restricted|gated)\b",
    # German
    rf"\b(?:m[üu]ss\w*|sollen|d[üu]rfen)\s+(?:mindestens|[üu]ber|[äa]lter\s+als|nicht\s+j[üu]nger\s+als)\s+{_N}|"
    rf"\bmindestens\s+{_N}\s+jahre\s+alt\s+sein|\bmindestalter|\baltersgrenze|\b(?:erst|nur)\s+ab\s+{_N}\b|"
    rf"\b(?:niemand|keine?\w*\s+(?:nutzer\w*|kunden|spieler\w*|personen|mitglieder))\s+unter\s+{_N}|"
    rf"\bnicht\s+f[üu]r\s+(?:unter|personen\s+unter)[- ]?{_N}|\bnur\s+f[üu]r\s+(?:vollj[äa]hrige|erwachsene)",
    # Spanish, Portuguese, Italian
    rf"\b(?:prohibid\w*|proibid\w*|vietat\w*)\s+(?:\w+\s+){{0,3}}?(?:a|para|ai)\s+(?:los\s+)?(?:menores|minori)\b|"
    rf"\b(?:solo|s[óo]lo|apenas|somente|solamente)\s+(?:para\s+)?(?:mayores|maiores)\s+de\s+{_N}|"
    rf"\bedad\s+m[íi]nima|\bidade\s+m[íi]nima|\bet[àa]\s+minima|\bsolo\s+maggiorenni|"
    rf"\b(?:deben|devem|devono)\s+(?:ser\s+mayores\s+de|ser\s+maiores\s+de|tener\s+al\s+menos|ter\s+pelo\s+menos|"
    rf"avere\s+almeno)\s+{_N}|\bnadie\s+menor\s+de\s+{_N}|\bmenores\s+de\s+{_N}\s+(?:a[ñn]os\s+)?(?:no|n[ãa]o)\b",
    # Japanese, Chinese: "対象は4歳以上", "4歳以上の方が対象", "仅限18岁以上", "适合3岁以上"
    rf"対象(?:年齢)?(?:は|[:：])\s*{_N}\s*(?:歳|才)(?:以上|から)|{_N}\s*(?:歳|才)(?:以上|から)(?:の(?:方|お子さ[まん]))?(?:が|を)対象|"
    rf"(?:仅限|只限|限|适合|适用于?)\s*{_N}\s*岁以上",
    # French
    rf"\binterdit\w*\s+aux\s+moins\s+de\s+{_N}|\br[ée]serv[ée]\w*\s+aux\s+(?:plus\s+de\s+{_N}|majeurs|adultes)|"
    rf"\b[âa]ge\s+minimum|\bdoivent\s+avoir\s+(?:au\s+moins|plus\s+de)\s+{_N}|"
    rf"\b(?:pas\s+(?:de|pour\s+les)|personne\s+de)\s+moins\s+de\s+{_N}|\bmoins\s+de\s+{_N}\s+ans\s+ne\b",
)
ELIGIBILITY = re.compile("|".join(f"(?:{p})" for p in _ELIGIBILITY), re.IGNORECASE)
"""A rule on who may use or buy (an age bound on the people the business lets in), not who reads the replies."""

_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
)
_LEVEL_AS_AGE = re.compile(
    # "reading age 9", "a reading age of 11", "Lesealter 10", "âge de lecture de 9 ans"
    rf"\breading[- ]age\s*(?:of\s+)?(?:about\s+|around\s+)?(?P<age>{_N})\b|\blesealter\s+(?:von\s+)?(?P<age2>{_N})\b|"
    rf"\b[âa]ge\s+de\s+lecture\s+(?:de\s+)?(?P<age3>{_N})\b|"
    # "some read at about age 9 level", "reads at the level of a 9-year-old", "a reading level of a 10-year-old",
    # "Lesealter etwa 9 Jahre", "niveau de lecture d'un enfant de 9 ans", "nivel de lectura de 9 años", "nível de
    # leitura de uma criança de 9 anos", "livello di lettura di 9 anni", "leesniveau van 9 jaar"
    rf"\bread(?:s|ing)?\s+(?:at|like)\s+(?:about\s+|around\s+|roughly\s+|only\s+)?(?:an?\s+|the\s+)?(?:age[- ]"
    rf"(?P<age4>{_N})\s+level|(?:level\s+of\s+(?:an?\s+)?)?(?P<age5>{_N})[- ]year[- ]olds?(?:\s+level)?)|"
    rf"\breading\s+level\s+of\s+(?:an?\s+)?(?P<age6>{_N})[- ]year[- ]old\b|"
    rf"\blese(?:alter|niveau)\s+(?:von\s+)?(?:etwa\s+|ca\.\s*|ungef[äa]hr\s+|rund\s+)?(?:(?:eines|von)\s+)?"
    rf"(?P<age7>{_N})(?:\s*-?\s*j[äa]hrigen?|\s+jahren?)?|"
    rf"\b(?:(?:niveau|nivel|n[íi]vel|livello)\s+(?:de|di)\s+(?:lecture|lectura|leitura|lettura)|leesniveau)\s+"
    rf"(?:d['’]un\s+enfant\s+|de\s+un\s+ni[ñn]o\s+|de\s+uma\s+crian[çc]a\s+|di\s+un\s+bambino\s+|van\s+een\s+kind\s+)?"
    rf"(?:de\s+|di\s+|van\s+)?(?P<age8>{_N})\s+(?:ans|a[ñn]os|anos|anni|jaar)\b|"
    rf"\bniveau\s+de\s+lecture\s+(?:de\s+|du\s+|en\s+)?(?P<cycle2>CP|CE1|CE2|CM1|CM2)\b|"
    # "at primary-school level", "auf Grundschulniveau", "niveau école primaire", "nivel de primaria"
    r"\b(?P<school>(?:at\s+(?:a\s+)?)?(?:primary|elementary)[- ]school\s+(?:reading\s+)?level|(?:auf\s+)?grundschul"
    r"(?:niveau|lesestufe)|niveau\s+(?:de\s+lecture\s+)?(?:d['’]|de\s+l['’])?[ée]cole\s+primaire|nivel\s+(?:de\s+lectura\s+)?"
    r"de\s+(?:la\s+)?(?:escuela\s+)?primaria|n[íi]vel\s+(?:de\s+leitura\s+)?do\s+ensino\s+fundamental)\b|"
    # "so a fifth grader could understand", "simple enough for a 5th grader" (not "help a 5th grader with fractions":
    # the reader)
    rf"\b(?:a|an|any)\s+(?P<grader>{_ORDINAL})[- ]grader\s+(?:could|can|would|will|should|might)\s+(?:easily\s+)?"
    rf"(?:understand|follow|read|get|grasp)\b|"
    rf"\b(?:simple|simply|easy|easily|plain|plainly|clear|clearly)\s+enough\s+for\s+(?:a|an|any)\s+"
    rf"(?P<grader2>{_ORDINAL})[- ]grader\b|"
    # "auf dem Niveau der 5. Klasse", "Niveau 5. Klasse", "niveau CM2", "nivel de quinto de primaria"
    rf"\bniveau\s+(?:der\s+|einer\s+)?(?P<klasse>\d{{1,2}})\.\s*klasse\b|\blesestufe\s+klasse\s+(?P<klasse2>\d{{1,2}})\b|"
    rf"\bniveau\s+(?P<cycle>CP|CE1|CE2|CM1|CM2)\b|"
    rf"\bnivel\s+de\s+(?P<nivel>\d{{1,2}}º|quinto|sexto|cuarto|tercero)\s+(?:de\s+)?(?:primaria|grado|b[áa]sico)\b",
    re.IGNORECASE,
)
_LEVEL_KEYS = ("grader", "age", "level", "niveau", "nivel", "schul", "primari", "fundamental")
_AGE_GROUPS = ("age", "age2", "age3", "age4", "age5", "age6", "age7", "age8")
_ORDINAL_NUMBERS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip


class FoundLevel(NamedTuple):
    """A reading level as the brief writes it, and its extent."""

    phrase: str
    start: int
    end: int


def level_as_age(text: str) -> FoundLevel | None:
    """A reading level written as an age or a school year ("reading age 9", "so a fifth grader could understand")."""
    match = _LEVEL_AS_AGE.search(text)
    if match is None:
        return None
    age = next((match.group(name) for name in _AGE_GROUPS if match.group(name)), None)
    if age:
        return FoundLevel(f"reading age of {age}", match.start(), match.end())
    grader = match.group("grader") or match.group("grader2")
    if grader:
        number = _ORDINAL_NUMBERS.get(grader.lower()) or int(re.sub(r"\D", "", grader))
        return FoundLevel(f"grade {number} reading level", match.start(), match.end())
    if match.group("school"):
        return FoundLevel("primary-school reading level", match.start(), match.end())
    klasse = match.group("klasse") or match.group("klasse2")
    if klasse:
        return FoundLevel(f"grade {klasse} reading level", match.start(), match.end())
    return FoundLevel(match.group(0).strip(), match.start(), match.end())


def blank_age_rules(text: str) -> str:
    """The text with eligibility rules and reading ages blanked (same length): their ages name no reader."""
    lowered = text.lower()
    if not any(ch.isdigit() for ch in text) and not any(key in lowered for key in _LEVEL_KEYS):
        return text
    chars = list(text)
    for pattern in (ELIGIBILITY, _LEVEL_AS_AGE):
        for match in pattern.finditer(text):
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)

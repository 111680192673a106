"""Age bounds stated anywhere in a clause: "kids 8 to 10", "ages 13 to 16", "customers over 65", "seniors 70+",
"Schüler (10 bis 12 Jahre)", "niños de 6 a 9 años", "70岁以上".

An age is read only where the words say it is an age: a unit ("year olds", "Jahre", "años", "岁"), an age word
("ages", "aged"), or a person noun right before it ("kids 4-7", "customers over 65"). A bare "3 to 5" or "over 200"
is never an age.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_SEP = r"\s*(?:-|–|—|to|bis|a|à|y|e|und|and|~|〜|～|到|至)\s*"
_UNIT = (
    r"(?:-?\s*years?[- ]?olds?|\s*years?(?:\s+of\s+age|\s+old)?|\s*yrs?|\s*y/?o\b|\s*jahren?|\s*jährige\w*|"
    r"\s*años|\s*ans\b|\s*anos\b|\s*岁|\s*歳|\s*才)"
)
PERSON = (
    r"kids|children|child|toddlers|babies|teens|teenagers|adolescents|youngsters|students|pupils|learners|readers|"
    r"users|customers|clients|people|patients|residents|members|adults|seniors|elders|elderly|pensioners|retirees|"
    r"players|visitors|guests|audience|girls|boys|kinder|kindern|schüler(?:innen)?|jugendliche[n]?|senioren|"
    r"erwachsene[n]?|niños|niñas|jóvenes|adolescentes|alumnos|mayores|adultos|enfants|élèves|adolescents|"
    r"personnes\s+âgées|crianças|jovens|idosos|alunos|candidates|campers|trainees"
)
_AGE_WORD = (
    r"(?:between\s+the\s+)?ages?(?:\s+of)?|aged|age\s+group|im\s+alter\s+von|alter|edad(?:es)?\s+de|de\s+edad|"
    r"âgés?\s+de|d'âge|idade|com\s+idade\s+entre|entre"
)
_OVER = r"over|above|older\s+than|at\s+least|über|mayores\s+de|más\s+de|plus\s+de|acima\s+de|mais\s+de"
_UNDER = r"under|below|younger\s+than|unter|menores\s+de|moins\s+de|abaixo\s+de"
_LO, _HI = r"(?<!\d)(?P<lo>\d{1,2})", r"(?P<hi>\d{1,2})(?![\d%.,]\d)"
_BETWEEN_PERSON = (
    r"(?:\s+\w+){0,3}?\s+(?:(?:are|is|aged?|sind|son|sont|são)\s+)?"
    r"(?:(?:mostly|mainly|all|usually|often|meist|mayormente)\s+)?"
)

# "Entre 40 y 70 palabras": a range of a counted unit is a length, not ages.
_NOT_A_COUNT = (
    r"(?!\s*(?:palabras|words|mots|wörter|w[öo]rtern|palavras|parole|woorden|caracteres|caractères|characters|frases|"
    r"phrases|sentences|sätze|minutos|minutes|minuten|horas|hours|heures|stunden|días|dias|days|jours|tage|líneas|"
    r"lines|lignes|zeilen|euros?|€|\$|km|kg|%|por\s*ciento|pour\s*cent|prozent)\b)"
)
_RANGES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"{_LO}{_SEP}{_HI}{_UNIT}",  # "8 to 10 year olds", "10 bis 12 Jahre", "8到10岁"
        rf"\b(?:{_AGE_WORD})\s*:?\s*(?:between\s+)?{_LO}{_SEP}{_HI}(?!\s*%){_NOT_A_COUNT}",  # "ages 13 to 16"
        rf"\b(?:{PERSON})\s*,?\s*\(\s*(?:ages?\s*)?{_LO}{_SEP}{_HI}\s*\)",  # "teenagers (13 to 16)"
        # "kids 4-7", "students are 13-17", "kids roughly 6 to 12"
        rf"\b(?:{PERSON})\s+(?:(?:are|is|sind|son|sont|são)\s+)?(?:(?:roughly|about|around|approximately|mostly|"
        rf"mainly|all|usually|aged)\s+)?{_LO}{_SEP}{_HI}(?![\w%]|\s*(?:%|percent|minutes|min|words|items))",
        # "they're 13-14", "who are 8 to 10": the people the brief just named.
        rf"\b(?:they(?:'re|’re|\s+are)|who\s+are)\s+(?:(?:mostly|mainly|all|usually|about|around)\s+)?{_LO}{_SEP}{_HI}"
        rf"(?![\w%]|\s*(?:%|percent|minutes|min|hours|days|words|items|pages|sentences|lines|[$€£]))",
    )
)
_OPEN = re.compile(
    rf"\b(?:{PERSON}){_BETWEEN_PERSON}(?:(?P<over_word>{_OVER})\s+(?P<over>\d{{2}})|(?P<plus>\d{{2}})\s*\+|"
    rf"(?P<under_word>{_UNDER})\s+(?P<under>\d{{1,2}}))(?![\d%])"
    rf"|\b(?:aged?|ages)\s+(?P<plus2>\d{{2}})\s*(?:\+|and\s+(?:over|up|older|above))"
    rf"|(?<!\d)(?P<plus3>\d{{2}})\s*\+\s*(?:{PERSON}|year[- ]?olds?)\b"
    # "(UK users, 16+)", "adults only (18+)": the bound in a parenthesis or after a comma beside the people
    rf"|\b(?:{PERSON})(?:\s+only)?\s*[(,]\s*(?P<plus4>\d{{2}})\s*\+(?!\s*(?:years?\s+of|yrs?\b|years?\s+(?:in|at)))"
    rf"|\b(?:the\s+)?over[- ](?P<over2>\d{{2}})s\b"
    rf"|(?<!\d)(?P<cjk>\d{{1,3}})\s*(?:岁|歳|才)(?P<cjk_dir>以上|以下|未満)",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")


class FoundAges(NamedTuple):
    """Age bounds and the extent of the words that state them."""

    minimum: int | None
    maximum: int | None
    start: int
    end: int


# A unit right after a range that makes it no age: months, days, hours, amounts
_OTHER_UNIT = re.compile(
    r"\s*(?:meses|mes|months?|weeks?|semanas?|days?|d[ií]as|hours?|horas?|minutes?|minutos|km|kg|%|€|\$|times|veces|"
    r"vezes|monate|wochen|tage|stunden|mois|semaines|jours|heures|maanden|weken|dagen|uur|mesi|settimane|giorni|ore)\b",
    re.IGNORECASE,
)


def find_ages(text: str) -> FoundAges | None:
    """The first age range or open bound a clause states, or None."""
    if not _DIGIT.search(text):
        return None  # every age is written in digits: a cheap test before the patterns
    found = [_range(match) for pattern in _RANGES for match in pattern.finditer(text)]
    found += [_open(match) for match in _OPEN.finditer(text)]
    valid = [ages for ages in found if ages is not None]
    return min(valid, key=lambda ages: ages.start) if valid else None


def _range(match: re.Match[str]) -> FoundAges | None:
    low, high = int(match.group("lo")), int(match.group("hi"))
    if not low < high <= 120:
        return None
    if _OTHER_UNIT.match(match.string, match.end()):
        return None  # "Congelación: entre 1 y 3 meses": a span of months, not an age
    return FoundAges(low, high, match.start(), match.end())


def _open(match: re.Match[str]) -> FoundAges | None:
    groups = match.groupdict()
    start, end = match.start(), match.end()
    for name in ("over", "plus", "plus2", "plus3", "plus4", "over2"):
        if groups[name]:
            # "over 65" reads as "65 and older" in everyday use, as "65+" does.
            return FoundAges(int(groups[name]), None, start, end)
    if groups["under"]:
        return FoundAges(None, int(groups["under"]) - 1, start, end)
    number = int(groups["cjk"])
    if groups["cjk_dir"] == "以上":
        return FoundAges(number, None, start, end)
    return FoundAges(None, number if groups["cjk_dir"] == "以下" else number - 1, start, end)

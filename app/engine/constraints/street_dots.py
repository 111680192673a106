"""Full stops of address abbreviations ("12 Baker St.", "Mt. Pleasant Rd.", "Queen Ave.", "No. 5"): whether one ends
the sentence as well. An address often closes a sentence ("… say 12 Baker St. Never give out …"), where the one full
stop does both jobs; before a name or a lowercase word ("St. Mary's", "Rd. community garden") it ends nothing."""

from __future__ import annotations

import re

# Street and place words written short (en, de, fr, es, it, pt, nl): their full stop is part of an address
_STREET_WORD = re.compile(
    r"(?<![\w.])(?:St|Rd|Ave|Av|Blvd|Ln|Dr|Sq|Pl|Ct|Cres|Hwy|Pkwy|Mt|Ft|Str|Pza|Rte|Bldg|Apt|Ste|Fl|No|Nr|Nº|"
    r"Pç|Lgo|Vle|Ctra|Avda|Gr|Bd)\.$",
    re.IGNORECASE,
)
# Abbreviations that come before the name they belong to ("St. Mary's", "Mt. Pleasant", "No. 5", "Dr. Patel")
_BEFORE_NAME = frozenset({"st", "mt", "ft", "no", "nr", "nº", "dr", "av", "avda", "ctra"})
# A word that opens a sentence of the brief: an order or a pronoun, not a name ("Never give out …", "You answer …",
# "If someone asks …", "Nie …", "Nunca …", "Ne …", "Sempre …")
_SENTENCE_OPENER = re.compile(
    r"\s+(?:never|always|don'?t|do|don’t|you|your|we|our|i|if|when|whenever|please|keep|be|only|use|reply|say|answer|"
    r"ask|tell|mention|give|send|write|make|avoid|no|it|this|that|they|the|for|on|in|at|after|before|otherwise|"
    r"nie|niemals|immer|du|wir|unser|unsere|wenn|bitte|nunca|siempre|no|tú|nosotros|nuestro|nuestra|si|"
    r"jamais|toujours|ne|tu|nous|notre|mai|sempre|non|noi|il|la|nooit|altijd|je|wij|ons|onze|als|"
    r"não|nós|nosso|nossa)\b",
    re.IGNORECASE,
)


def street_dot_ends_sentence(text: str, index: int) -> bool | None:
    """Whether the full stop at `index`, closing an address word, also ends the sentence; None when no address word
    ends there (the general abbreviation rules decide)."""
    word = _STREET_WORD.search(text, max(0, index - 5), index + 1)
    if word is None:
        return None
    after = text[index + 1 :]
    if not after.strip() or after[:1] not in " \t":
        return None
    opener = _SENTENCE_OPENER.match(after)
    if word.group(0)[:-1].lower() in _BEFORE_NAME and opener is None:
        return False  # "St. Mary's", "Mt. Pleasant", "No. 5": the name or number it belongs to follows
    before = text[max(0, word.start() - 40) : word.start()].rstrip()
    # (a house number or a capitalised name before it: "12 Baker St.", "Mt. Pleasant Rd."; not "a short st.")
    if not re.search(r"(?:\d[\w/-]*|[A-ZÀ-Ý][\w'’-]*)$", before):
        return None
    # a capital after it opens the next sentence ("… 12 Baker St. Never give out …", "22 Elm Rd. Answers must …",
    # "5 Queen Ave. Open 9-5."); after a word that comes before a name only a sentence opener does
    if word.group(0)[:-1].lower() not in _BEFORE_NAME:
        return after.lstrip()[:1].isupper()
    return opener is not None and after.lstrip()[:1].isupper()

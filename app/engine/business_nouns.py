"""A business named by its kind and one name word: "la fromagerie Vialle", "kwekerij De Vries", "bakkerij Jansen",
"das Fahrradgeschäft Speichenwerk", "Unsere Hundeschule Pfotenglück sucht …", "la panadería La Espiga".

The name word alone is a surname or a stray word ("Vialle", "De Vries", "Jansen"); the business is called by both,
so the role gets "Fromagerie Vialle", "Kwekerij De Vries", "Fahrradgeschäft Speichenwerk". A name of two words or
more ("l'auto-école Permis Facile", "a padaria Pão Quente") is left to the other readers, which name it alone.
"""

from __future__ import annotations

import re

from app.engine.foreign_names import BUSINESS_WORD

# Words of a name that are no name of their own ("De Vries", "La Espiga", "Da Pino", "van den Berg")
_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "van", "von", "den", "der", "het", "la", "le",
     "les", "el", "los", "las", "lo", "il", "ten", "ter"}
)  # fmt: skip
# Shops named by their trade in French, Spanish, Italian, Portuguese and Dutch ("fromagerie", "carnicería",
# "gelateria", "sapataria", "kwekerij"), beyond the nouns the other readers list
_TRADE = re.compile(r"(?i:[a-zà-ÿ]{3,}(?:erie|ería|eria|aria|erij|arij))")
_NOT_TRADE = frozenset({"criteria", "materia", "bacteria", "cafeteria", "serie", "série", "galeria", "area"})
_CAP = r"[A-ZÀ-ÝÄÖÜ][\w'’&+-]*"
_PARTICLE = r"(?i:de|del|della|di|da|do|du|des|van|von|den|der|het|la|le|les|el|los|las|lo|il|ten|ter)"
# What comes before the noun: an article or a possessive, a preposition, a verb of being or running a business
_BEFORE = (
    r"(?:^|[\s(])(?:(?i:l['’]|la|le|el|il|lo|a|o|de|het|das|die|der|dem|den|im|am|beim|vom|zur|zum|unsere?[nmrs]?|"
    r"notre|nuestr[oa]|nostr[oa]|noss[oa]|onze|ons|mijn|mon|ma|mi|mio|mia|meu|minha|meine?[nmrs]?|voor|bij|für|bei|"
    r"pour|para|per|chez|na|no|en|zijn|sommes|somos|siamo|sind|tiens|gère|dirige|gestisco|llevo|tengo|dirijo)\s+|"
    r"^\s*)"
)
_NOUN_NAME = re.compile(
    rf"{_BEFORE}(?P<noun>[\w-]+)\s+(?P<name>(?:{_PARTICLE}\s+){{0,2}}{_CAP})"
    # the name ends: a comma, a full stop, a bracket, a dash, a place ("in Freiburg", "à Lyon"), or the sentence's verb
    r"(?=\s*[,.;:!?()\n]|\s+[-–—]\s|\s*$|\s+(?:in|aus|bei|am|an|à|a|en|em|in|op|te|nel|nella|di)\s+[A-ZÀ-ÝÄÖÜ]|"
    r"\s+[a-zà-ÿäöüß]+\b)"
)
_SCAN = 300
_GERMAN_VERB_AFTER = re.compile(r" +(?!(?:in|aus|bei|am|an|im|nahe|und|e\.\s?V)\b)[a-zäöüß]")


def _is_trade(noun: str) -> bool:
    lower = noun.lower()
    if lower in _NOT_TRADE:
        return False
    return BUSINESS_WORD.fullmatch(noun) is not None or _TRADE.fullmatch(noun) is not None


def _opens_sentence(text: str, start: int) -> bool:
    return re.search(r"(?:^|[.!?:\n])\s*(?:\S+\s+)?$", text[:start]) is not None


def noun_and_name(text: str) -> str | None:
    """ "Fromagerie Vialle" for "Je tiens la fromagerie Vialle à …": a business noun and the one name word after it,
    both as the business's name; None when the brief names no business so."""
    for match in _NOUN_NAME.finditer(text, 0, _SCAN):
        noun, name = match.group("noun"), match.group("name")
        if not _is_trade(noun):
            continue
        if noun[0].isupper() and not (_german_compound(noun) or _opens_sentence(text, match.start("noun"))):
            continue  # a capitalised noun inside a sentence outside German starts a name ("la Bar Centrale")
        words = name.split()
        if sum(1 for w in words if w.lower() not in _PARTICLES) != 1 or words[-1][0].islower():
            continue
        # "Unsere Hundeschule Pfotenglück sucht …": a verb after a German name only where the phrase opens the
        # sentence ("die Bäckerei Kunden fragen" is two nouns)
        verb_after = _german_compound(noun) and _GERMAN_VERB_AFTER.match(text, match.end()) is not None
        if verb_after and not _opens_sentence(text, match.start("noun")):
            continue
        return f"{noun[0].upper()}{noun[1:]} {name}"
    return None


def _german_compound(noun: str) -> bool:
    """A capitalised German or Dutch compound that ends in a business noun ("Fahrradgeschäft", "Hundeschule")."""
    return noun[0].isupper() and len(noun) >= 8 and BUSINESS_WORD.fullmatch(noun) is not None

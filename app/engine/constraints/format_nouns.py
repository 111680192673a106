"""Whether a list or table word names a thing ("the wine list", "a table for four") or the form of a reply ("as a
list"). Shared by constraint extraction (a ban on "the list" is no format rule) and the fidelity check."""

from __future__ import annotations

import re

_NOUNABLE = re.compile(
    r"(?:lists?|listas?|listen|listes?|tables?|tablas?|tabellen?|tableaux?|tabelas?)$", re.IGNORECASE
)
# A word that names a list itself (not only bullets): "no lists" forbids listing; "no bullet points" does not.
LIST_WORD = re.compile(r"\b(?:lists?|listas?|listen|listes?|aufzählungen?)\b|列表", re.IGNORECASE)

NUMBER_WORDS = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|dos|tres|cuatro|zwei|drei|vier|deux|trois|quatre|"
    r"duas|três|quatro"
)
# After the word: "list of stores", "table of contents", "lista de precios", "Liste der Filialen", "table for four".
_THING_AFTER = re.compile(
    rf"\s+(?:of|de|des|du|der|da|do|dos|das|di)\b(?!\s+(?:\d+\s+)?(?:bullets?|bullet\s+points?|items|points|"
    rf"rows|columns|steps|lines)\b)|\s+for\s+(?:{NUMBER_WORDS})\b|\s+(?:para|pour|für)\s+(?:{NUMBER_WORDS})\b",
    re.IGNORECASE,
)
# Before the word: a particular list or table ("the list", "our wine list", "la lista", "die Liste"), or a table
# booked, set or sat at.
_THING_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|these|those|our|your|their|its|my|his|her|la|las|el|los|le|les|l'|die|der|den|dem|das)"
    r"\s+(?:[\w'-]+\s+)?|\b(?:book|booking|reserve|reserving|reservation|seat|seated|set|clear|wait|waiting)\s+"
    r"(?:a|an|the|your|their)?\s*)$",
    re.IGNORECASE,
)
# "prices only from this list", "check it against the table", "según la tabla": what the reply draws on, a thing
_SOURCE_BEFORE = re.compile(
    r"\b(?:from|against|per|according\s+to|off|según|segun|laut|gemäß|selon|d'après|conforme)\s+"
    r"(?:the|this|that|these|those|our|your|their|la|las|el|los|le|les|l'|die|der|den|dem|das|a|o|as|os)\s*"
    r"(?:[\w'-]+\s+)?$",
    re.IGNORECASE,
)
# "the following table", "the table below", "the list format": the form the reply takes after all.
_FORM_BEFORE = re.compile(r"\b(?:following|same|above|below|this|that)\s+$", re.IGNORECASE)
_FORM_AFTER = re.compile(r"\s+(?:below|above|format|layout|form|template|that\s+follows)\b", re.IGNORECASE)
_FRAME_BEFORE = re.compile(
    r"\b(?:as|in|into|in\s+the\s+form\s+of|formatted\s+as|sous\s+forme\s+de|en\s+forma\s+de|em\s+forma\s+de|en|em|"
    # ("in the table", "in our list": a particular thing the text is in, handled by _THING_BEFORE)
    r"als)\s+(?:a|an|one|una|uma|un|une|einer|eine)?\s*(?:(?!(?:the|this|that|these|those|our|your|their|its|my)\s)"
    r"[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A word before the list or table that makes it a form or a request ("bulleted list", "use tables"): no compound
# that names a thing. The strong ones make a form even before "of" ("a bulleted list of the steps").
_FORM_MODIFIERS = _words(
    "bulleted bullet numbered ordered unordered nested simple short long brief plain markdown md html ascii text "
    "flat vertical horizontal compact clear structured formatted separate single comparison summary check to-do "
    "todo sorted ranked alphabetical itemized itemised tabular full complete detailed concise small big large huge "
    "quick neat tidy final key main following same above below new extra additional any some no one a an and or "
    "nor with without use using avoid include including add adding make create produce give return output write "
    "show present format render reply respond answer send emit prefer"
)
_STRONG_FORM_MODIFIERS = _words(
    "bulleted bullet numbered ordered unordered nested markdown md html ascii comparison summary check to-do todo "
    "itemized itemised tabular"
)
_WORD_BEFORE = re.compile(r"([\w'-]+)\s+$")
# "then list them", "until they ask": a new step ends the scope of a negation in a brief's sentence.


def names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the list or table word at text[start:end] names a thing ("the wine list", "a table for four")."""
    if not _NOUNABLE.match(text, start, end):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    previous = _WORD_BEFORE.search(before)
    if previous is not None and previous.group(1).lower() in _STRONG_FORM_MODIFIERS:
        return False  # "a bulleted list of the steps", "a comparison table of the plans"
    if _FRAME_BEFORE.search(before) and not _THING_AFTER.match(after):
        return False  # "as a list", "in a table": the form of the reply
    if _SOURCE_BEFORE.search(before) and not _FORM_AFTER.match(after):
        return True
    if _FORM_AFTER.match(after) or _FORM_BEFORE.search(before):
        return False
    if _THING_AFTER.match(after) or _THING_BEFORE.search(before):
        return True
    # An English compound with a naming word before it ("wine list", "mailing lists", "price tables"): a thing.
    # (Other languages name the thing after the word, "lista de precios", or in one word, "Preisliste".)
    if previous is None or text[start:end].lower() not in ("list", "lists", "table", "tables"):
        return False
    word = previous.group(1).lower()
    return word.isalpha() and word not in _FORM_MODIFIERS and not word.endswith(("ed", "ly"))

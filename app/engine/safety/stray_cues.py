"""Words that look like a domain cue but name no domain the users are in: a plain-language rule that bans legal
jargon ("sin tecnicismos jurídicos", "no legalese", "ohne juristische Fachbegriffe") names no legal question, a
lending library's loans of drills and tents ("max 2 active loans", "préstamos de libros") are no credit, and a shop's
"new stock" is inventory, not shares. They are blanked before the domain cues are read, so a pack comes from the
job and its users rather than from one word in a case or a style rule."""

from __future__ import annotations

import re

# "no legal jargon", "sin tecnicismos jurídicos", "sans jargon juridique", "ohne juristische Fachbegriffe",
# "senza termini giuridici": a style rule about wording, not a legal matter
_JARGON = re.compile(
    r"\b(?:legal(?:istic)?|juridic\w*|jur[íi]dic\w*|juridique\w*|juristisch\w*|rechtlich\w*|giuridic\w*|"
    r"juridisch\w*)\s+(?:jargon|terms|terminology|language|wording|vocabulary|fachbegriffe\w*|fachsprache|"
    r"begriffe\w*|termen|taal|vaktaal)\b|"
    r"\b(?:jargon|terms|terminology|tecnicismos?|t[ée]rminos|lenguaje|vocabulario|termes|vocabulaire|langage|"
    r"termos|linguagem|termini|linguaggio|gergo|vakjargon|jargão)\s+(?:\w+\s+)?(?:legal(?:es)?|jur[íi]dic\w*|"
    r"juridique\w*|giuridic\w*|juridisch\w*)\b|\blegalese\b|\bjuristendeutsch\b|\bamtsdeutsch\b",
    re.IGNORECASE,
)
# a library of things, a tool library, a book or equipment loan: borrowing items, not money
_LENDING = re.compile(
    r"\b(?:library|libraries|borrow\w*|lend\w*|biblioteca\w*|biblioth[èe]que\w*|bibliothek\w*|bibliotheek\w*|"
    r"ausleih\w*|emprunt\w*|emprestar|empr[ée]stimo\s+de\s+livros|prestar\s+libros|uitlenen|lenen)\b",
    re.IGNORECASE,
)
_LOAN_WORDS = re.compile(
    r"\b(?:loans?|pr[ée]stamos?|empr[ée]stimos?|prestiti|pr[êe]ts?|leningen?|ausleihen)\b", re.IGNORECASE
)
# "new stock", "out of stock", "stock levels", "restock": what a shop has on its shelves
_INVENTORY = re.compile(
    r"\b(?:new|more|fresh|low|our|no|the)\s+stock\b|\bstock\s+(?:levels?|counts?|check\w*|room|lists?|items?|"
    r"arriv\w*|dates?)\b|\bre-?stock\w*\b",
    re.IGNORECASE,
)


def without_stray_cues(text: str) -> str:
    """The text with jargon bans, item loans (in a brief about lending things) and inventory stock blanked."""
    text = _JARGON.sub(" ", text)
    text = _INVENTORY.sub(" ", text)
    if _LENDING.search(text):
        text = _LOAN_WORDS.sub(" ", text)
    return text

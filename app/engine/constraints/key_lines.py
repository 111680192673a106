"""Where the sentence holding a limit opens, for reading the field it limits: a full stop inside an abbreviation
("máx. 15 palavras", "max. 20 Wörter", "env. 30 mots") ends no sentence, and a line that opens with a key name
("- resumo em português de Portugal, máx. 15 palavras") is about that key, however many words come between."""

from __future__ import annotations

from app.engine.constraints.abbreviations import is_abbreviation

# The short forms that lead a limit's number in the brief's languages ("máx. 15 palavras", "mín. 3 frases", "maks.
# 10 ord", "mass. 20 parole"): their full stop never ends the sentence that names the field.
_LIMIT_ABBREVIATIONS = ("máx", "mín", "max", "min", "maks", "mass", "env", "ca", "ungef", "approx")


def _limit_abbreviation(text: str, stop: int) -> bool:
    word = text[max(0, stop - 8) : stop].split()[-1:] if stop > 0 else []
    return bool(word) and word[0].lower().lstrip("(") in _LIMIT_ABBREVIATIONS


def sentence_start(text: str, position: int) -> int:
    """The start of the sentence holding `position`: after the last ". " that is no abbreviation's, or the line's
    start."""
    line_start = text.rfind("\n", 0, position) + 1
    stop = text.rfind(". ", line_start, position)
    while stop >= 0 and (is_abbreviation(text, stop) or _limit_abbreviation(text, stop)):
        stop = text.rfind(". ", line_start, stop)
    return stop + 2 if stop >= 0 else line_start


def opens_line(text: str, start: int) -> bool:
    """Whether `start` is the start of its line (only blanks before it)."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()

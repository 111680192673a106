"""Where the condition a clause opens with ends ("If you don't know,", "refills_left = 0:", "分からない場合は"): a
negation inside it forbids nothing, and a rule under it holds only in its case."""

from __future__ import annotations

import re

_LEADING_CONDITION = re.compile(
    r"^\s*(?:(?:if|when|whenever|unless|in\s+case|si|cuando|wenn|falls|quand|lorsque|se|caso)\b|"
    # "controlled = true: never submit, always hand off": a field test opens the rule as "if" would
    r"[A-Za-z_][\w.]*\s*(?:==?|!=|>=?|<=?|≥|≤)\s*[\w\"'.%-]+\s*:)[^,;]*,",
    re.IGNORECASE,
)


# "refills_left = 0: don't submit": a test of a field's value, then the rule under it
FIELD_TEST = re.compile(r"^\s*(?P<test>[A-Za-z_][\w.]*\s*(?:==?|!=|>=?|<=?|≥|≤)\s*[\w\"'.%-]+)\s*:\s*")


# A Japanese or Chinese condition closes with its marker: "料金表にないことを聞かれたら", "如果不知道，",
# "分からない場合は".
_CJK_CONDITION = re.compile(r"^[^。！？\n]*?(?:たら|なら|れば|場合は|場合、|ときは|時は|如果[^，。]*，|的话，?)")


# "Steht etwas nicht in der FAQ: …", "Fragt jemand nach Preisen, …", "Staat het niet in de folder: …": German and
# Dutch open a condition with its verb, capitalised at the start of the clause (no "wenn" / "als")
_VERB_FIRST_CONDITION = re.compile(
    r"^\s*(?:Steht|Stehen|Ist|Sind|Gibt|Hat|Haben|Kommt|Kommen|Fragt|Fragen|Schreibt|Schreiben|Will|Wollen|Möchte|"
    r"Kann|Können|Weiß|Wissen|Findet|Meldet|Nennt|Staat|Zijn|Heeft|Hebben|Vraagt|Vragen|Schrijft|Wil|Kan|Komt|"
    r"Weet|Noemt|Meldt)\s+(?:[^\s.:;!?,]+\s+){1,10}?[^\s.:;!?,]+\s*[:,]"
)


def condition_end(text: str) -> int:
    """Where a leading condition ("If you don't know,") ends; 0 when the clause does not open with one."""
    match = (
        _LEADING_CONDITION.match(text)
        or FIELD_TEST.match(text)
        or _VERB_FIRST_CONDITION.match(text)
        or (None if text.isascii() else _CJK_CONDITION.match(text))
    )
    if match:
        return match.end()
    return _bare_condition_end(text)


# "if it can't be answered from these tables say so and tell them …": a condition without its comma ends where an
# instruction to the assistant starts, a verb in the imperative after at least two words of the condition.
_BARE_CONDITION = re.compile(r"^\s*(?:if|when|whenever|unless)\s+(?:[^\s,;.!?]+\s+){2,14}?", re.IGNORECASE)


_CONSEQUENT = re.compile(
    r"(?:say|tell|reply|respond|ask|send|point|refer|direct|suggest|offer|escalate|hand|route|forward|flag|stop|"
    r"explain|apologi[sz]e|politely|just)\s",
    re.IGNORECASE,
)


# the word before a verb that makes it the condition's own ("if they say …", "if you can't tell …")
_SUBJECT_BEFORE = frozenset(
    {
        "i", "you", "we", "they", "he", "she", "it", "user", "users", "customer", "customers", "people", "someone",
        "anyone", "to", "will", "can", "should", "must", "would", "could", "not", "don't", "doesn't", "can't",
        "won't", "and", "or", "also", "who", "that",
    }
)  # fmt: skip


def _bare_condition_end(text: str) -> int:
    condition = _BARE_CONDITION.match(text)
    if condition is None or "," in text[: condition.end() + 80]:
        return 0
    for verb in _CONSEQUENT.finditer(text, condition.end(), condition.end() + 80):
        before = text[: verb.start()].split()
        if before and before[-1].lower() not in _SUBJECT_BEFORE:
            return verb.start()
    return 0

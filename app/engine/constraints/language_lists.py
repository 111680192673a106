"""A list of the languages or locales a product supports ("Supported locales:\\n- British English\\n- Irish
English", "Languages we serve:\\n- French\\n- German", "Unterstützte Sprachen:\\n- Englisch\\n- Französisch") names
the users' languages, not the reply's: a language read from one item of such a list is no reply language.

The clause reader sees one item at a time ("- British English"), which reads like a bare language choice; only the
lines around it show that it is one of several. Hence a pass over the whole field after the clauses are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.language import lookup
from app.engine.constraints.model import Constraint

# "- British English", "* fr-FR", "1. Deutsch (Schweiz)": a list item and its text
_ITEM = re.compile(r"^[ \t]*(?:[-*•·▪◦+–]|\d{1,2}[.)])[ \t]+(?P<body>\S.*?)[ \t]*$")

# A heading that introduces a list of languages rather than the reply's one language: the plural nouns
# ("languages", "locales", "Sprachen", "idiomas", "langues", "lingue", "talen", "línguas"), markets and countries,
# and "supported", "available in", "we serve" in the languages the engine reads. A singular "Language:" is the
# reply's own language and is not here.
_LIST_HEADING = re.compile(
    r"\b(?:languages|locales|markets|countries|regions|supported|support|serve[sd]?|available|offered|"
    r"sprachen|unterstützt\w*|verfügbar|märkte|länder|idiomas|lenguas|disponibles?|mercados|países|compatibles?|"
    r"langues|prises?\s+en\s+charge|marchés|pays|lingue|supportat\w*|mercati|paesi|talen|ondersteund\w*|"
    r"beschikbaar|markten|landen|línguas|suportad\w*|suportados|mercados)\b|"
    r"対応言語|対応している言語|サポート言語|支持的语言|支持语言|支援語言|支持的語言",
    re.IGNORECASE,
)

# What may stand beside the language in a bare item: a locale code, a region in brackets, a dash and a note
_LOCALE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# "Plain English", "simple German", "einfaches Deutsch": a style of the language, said of the reply, not a locale
_STYLE_WORDS = frozenset(
    {
        "plain", "simple", "clear", "easy", "formal", "informal", "casual", "friendly", "standard", "einfach",
        "einfaches", "einfache", "leichte", "leichtes", "sencillo", "claro", "fácil", "clair", "facile", "semplice",
        "chiaro", "eenvoudig", "helder"
    }
)  # fmt: skip


# Lowercase words a locale's name may carry after the language ("inglés británico", "português do Brasil")
_LOWER_VARIANT = re.compile(
    r"^(?:brit\w*|americ\w*|améric\w*|austral\w*|canad\w*|brasil\w*|brésil\w*|europ\w*|latin\w*|mexic\w*|"
    r"suisse|svizzer\w*|belg\w*|do|da|de|du|del|di|simplified|traditional|simplifi\w*|tradition\w*)$"
)
# Words that make an item an instruction about the language, not a name of one ("Use British English", "Nur Deutsch")
_INSTRUCTION_WORDS = frozenset(
    {
        "use", "write", "reply", "answer", "respond", "speak", "always", "only", "never", "avoid", "prefer", "keep",
        "nutze", "verwende", "schreibe", "schreib", "antworte", "antworten", "nur", "immer", "nie", "niemals", "usa",
        "usar", "utiliza", "escribe", "responde", "contesta", "solo", "siempre", "nunca", "utilise", "écris",
        "réponds", "toujours", "uniquement", "seulement", "jamais", "scrivi", "rispondi", "sempre", "mai", "gebruik",
        "schrijf", "antwoord", "altijd", "alleen", "nooit"
    }
)  # fmt: skip


def _names_language(word: str) -> bool:
    """A language's name (not a two-letter code, which doubles as a word: "it", "de", "no")."""
    return (len(word) > 3 or not word.isascii()) and lookup(word) is not None


def _bare_language(body: str) -> bool:
    """Whether an item's text is just a language or locale ("British English", "fr-FR", "Deutsch (Schweiz)",
    "Spain (Spanish)", "inglés británico"), with no instruction around it ("Reply in French" is one)."""
    plain = _BRACKETED.sub(" ", body).split("—")[0].split(" - ")[0].strip(" .,;:")
    bracketed = " ".join(_BRACKETED.findall(body))
    if _LOCALE_CODE.match(plain):
        return lookup(plain) is not None
    words = _WORD.findall(plain)
    if not words or len(words) > 3:
        return False
    if any(word.lower() in _STYLE_WORDS or word.lower() in _INSTRUCTION_WORDS for word in words):
        return False
    named = [word for word in words if _names_language(word)]
    others = [word for word in words if word not in named]
    if not named:
        # "Spain (Spanish)", "Schweiz (de-CH)": a country with its language in brackets
        in_brackets = [w for w in _WORD.findall(bracketed) if _names_language(w) or _LOCALE_CODE.match(w)]
        return len(words) <= 2 and words[0][:1].isupper() and bool(in_brackets)
    # the other words are variants: capitalised ("British", "Schweizer") or a Romance variant ("do Brasil")
    return all(word[:1].isupper() or _LOWER_VARIANT.match(word.lower()) for word in others)


def _list_around(lines: list[str], at: int) -> tuple[list[str], str]:
    """The items of the list line `at` belongs to, and the line just before the list (its heading, if any)."""
    first = at
    while first > 0 and _ITEM.match(lines[first - 1]):
        first -= 1
    last = at
    while last + 1 < len(lines) and _ITEM.match(lines[last + 1]):
        last += 1
    heading = next((line for line in reversed(lines[:first]) if line.strip()), "")
    return lines[first : last + 1], heading


def _in_language_list(text: str, start: int) -> bool:
    """Whether position `start` of a field's text is inside an item of a list of languages."""
    line_start = text.rfind("\n", 0, start) + 1
    lines = text.split("\n")
    at = text.count("\n", 0, line_start)
    item = _ITEM.match(lines[at])
    if item is None or not _bare_language(item.group("body")):
        return False
    items, heading = _list_around(lines, at)
    siblings = sum(1 for line in items if (m := _ITEM.match(line)) is not None and _bare_language(m.group("body")))
    # under a heading of languages, even one item is one of the supported; two bare languages are a list of them
    # (a singular "Language:\n- British English" is the reply's language and stays)
    return siblings >= 2 or (heading.rstrip().endswith(":") and _LIST_HEADING.search(heading) is not None)


def lists_languages(text: str) -> bool:
    """Whether the text has a list of the languages or locales a product supports."""
    start = 0
    for line in text.split("\n"):
        if _ITEM.match(line) is not None and _in_language_list(text, start):
            return True
        start += len(line) + 1
    return False


def without_listed_languages(fields: Iterable[Field], found: list[Constraint]) -> list[Constraint]:
    """The constraints without any reply language read from an item of a list of supported languages."""
    texts = {(field.name, field.index): field.text for field in fields}
    out: list[Constraint] = []
    for constraint in found:
        span = constraint.span
        text = texts.get((span.field, span.index)) if span is not None and constraint.kind == "language" else None
        if (
            span is not None
            and text is not None
            and span.end - span.start < len(text)
            and _in_language_list(text, span.start)
        ):
            continue
        out.append(constraint)
    return out

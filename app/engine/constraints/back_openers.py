"""Sentences that open by pointing back to the sentence before them, in the words of several languages: read alone,
they turn a rule that holds in one case into one for every case ("Si lo insinúan, di que …", "Erst danach
schaden_melden.", "Dafür auf das Formular verweisen.", "Only then book the slot.")."""

from __future__ import annotations

import re

# What to do in the case the sentence before names, or only once it is done
POINTS_BACK = re.compile(
    r"\s*(?:"
    # English: "Only then …", "Only after that …", "In which case …", "If they do, …", "If they insist, …"
    r"only\s+(?:then|after\s+(?:that|this))\b|in\s+which\s+case\b|"
    r"if\s+(?:they|he|she|it|someone|the\s+\w+)\s+(?:do|does|did|insists?|persists?|still\s+\w+)\s*[,:]|"
    # German: "Erst danach …", "Erst dann …", "Dafür …", "Stattdessen …", "Wenn ja, …", "Falls doch, …"
    r"erst\s+(?:danach|dann|anschlie(?:ß|ss)end|im\s+anschluss)\b|dafür\b|stattdessen\b|"
    r"(?:wenn|falls)\s+(?:ja|doch|dem\s+so\s+ist)\b|"
    # Spanish: "Si lo insinúan, …", "Si insisten, …", "En su lugar, …", "Solo después, …", "De ser así, …"
    # (their doing, "si lo insinúan", not the assistant's own case: "si lo sabes" ends in -s)
    r"si\s+(?:lo|la|los|las|le|les)\s+\w+(?<![sS])\s*[,:]|si\s+insiste[n]?\b|en\s+su\s+lugar\b|"
    r"s[óo]lo\s+(?:despu[ée]s|entonces)\b|de\s+ser\s+as[íi]\b|"
    # French: "Si oui, …", "S'ils insistent, …", "À la place, …", "Seulement après, …"
    r"si\s+oui\b|s['’]ils?\s+insiste(?:nt)?\b|si\s+(?:il|elle|ils|elles)\s+le\s+\w+\s*[,:]|[àa]\s+la\s+place\b|"
    r"seulement\s+(?:apr[èe]s|ensuite|alors)\b|"
    # Italian: "Se sì, …", "Se lo chiedono, …", "Solo dopo …", "Invece …"
    # ("se lo chiedono", not "se lo sai"; "invece di scusarti" is "instead of", pointing nowhere)
    r"se\s+s[ìi]\b|se\s+(?:lo|la|li|le)\s+\w+(?<![iI])\s*[,:]|solo\s+(?:dopo|allora)\b|invece\b(?!\s+di\b)|"
    # Portuguese: "Se sim, …", "Só depois …", "Em vez disso, …"
    r"se\s+sim\b|s[óo]\s+(?:depois|ent[ãa]o)\b|em\s+vez\s+disso\b|"
    # Dutch: "Zo ja, …", "Pas daarna …", "In plaats daarvan …"
    r"zo\s+ja\b|pas\s+(?:daarna|dan)\b|in\s+plaats\s+daarvan\b"
    r")",
    re.IGNORECASE,
)

# The rule shown to the assistant also keeps a short "then" step with the case before it ("If the caller mentions
# chest pain, stop. Then give the 999 line."): at most six words, numbers counted
THEN_STEP = re.compile(
    r"\s*(?:then|and\s+then|dann|danach|luego|despu[eé]s|entonces|puis|ensuite|depois|poi|daarna|instead)\s*,?\s+"
    r"(?:[\w'’£$€.-]+\s+){0,5}[\w'’£$€-]+\s*[.!?。]",
    re.IGNORECASE,
)

# A line that ends on a word that cannot end a sentence ("each on one line as", "formatted like", "in the form of"):
# the next line finishes it, whatever its shape ("[CRASH|DATA] File.swift:line - problem - fix")
OPEN_LINE_END = re.compile(
    r"(?<![\w'’-])(?:as|like|of|the|a|an|into|than|such\s+as|formatted|shaped|como|wie|comme|come|zoals|als|"
    r"sous\s+la\s+forme|in\s+der\s+form|in\s+the\s+form)[ \t]*$",
    re.IGNORECASE,
)

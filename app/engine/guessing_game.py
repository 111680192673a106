"""A learner led to find the answer by guessing ("let them guess", "after 3 wrong guesses tell them the answer",
"help them work out what it was", "laisse-les deviner", "lass die Kinder raten", "déjales adivinar"): a game that
teaches, read by the tutor's keywords, and no intake, although it also asks one question at a time."""

from __future__ import annotations

GUESSING_GAME = (
    r"\blet\s+(?:them|him|her|the\s+(?:child|kids?|children|pupils?|students?|learners?|players?))\s+"
    r"(?:have\s+a\s+)?guess\b|\b(?:wrong|incorrect|their|three|\d)\s+guess(?:es)?\b|\bguessing\s+game\b|"
    r"\bhelps?\s+(?:them|the\s+(?:child|kids?|children|pupils?|students?))\s+(?:to\s+)?(?:work|figure)\s+out\b|"
    r"\b(?:work|figure)\s+it\s+out\s+(?:for\s+)?themselves\b|\bthe\s+clues?\s+they\s+missed\b|"
    r"\b(?:d[ée]jal[eo]s|deja\s+que)\s+(?:lo\s+)?adivin\w*|\bjuego\s+de\s+adivin\w*|\blaisse[sz]?-les\s+deviner\b|"
    r"\bjeu\s+de\s+devinettes?\b|\bla(?:ss|sst|at)\s+(?:sie|ze|die\s+kinder|de\s+kinderen)\s+(?:selbst\s+|zelf\s+)?"
    r"(?:raten|raden)\b|\bratespiel\w*|\braadspel\w*|\blasciali\s+indovinare\b|\bgioco\s+(?:a|di)\s+indovin\w*|"
    r"\bdeix[ae]-?os\s+adivinhar\b|\bjogo\s+de\s+adivinha\w*"
)

# "after 2 wrong tries give the answer", "después de dos intentos dale la respuesta", "nach zwei Versuchen die
# Lösung", "après deux essais donne la réponse": a learner has a go before the answer is shown, as in a quiz that
# teaches; no intake, although it also asks one question at a time.
TRIES_THEN_ANSWER = (
    r"\bafter\s+(?:\d|one|two|three|a\s+few)\s+(?:wrong\s+|failed\s+|incorrect\s+)?(?:tries|attempts|goes)\b"
    r"[^.\n]{0,30}?\b(?:give|tell|show|reveal)\w*\s+(?:them\s+|him\s+|her\s+)?(?:the\s+)?(?:answer|solution)|"
    r"\bdespu[ée]s\s+de\s+(?:\d|dos|tres)\s+intentos\b[^.\n]{0,30}?\b(?:da|dale|dales|di|dile|muestra)\w*\s+"
    r"(?:la\s+)?(?:respuesta|soluci[óo]n)|"
    r"\bnach\s+(?:\d|zwei|drei)\s+(?:falschen\s+|fehlgeschlagenen\s+)?versuchen\b[^.\n]{0,30}?"
    r"\b(?:antwort|l[öo]sung)\b|"
    r"\bapr[èe]s\s+(?:\d|deux|trois)\s+(?:essais|tentatives)\b[^.\n]{0,30}?\b(?:r[ée]ponse|solution)\b|"
    r"\bdopo\s+(?:\d|due|tre)\s+tentativi\b[^.\n]{0,30}?\b(?:risposta|soluzione)\b|"
    r"\bdepois\s+de\s+(?:\d|duas|tr[êe]s)\s+tentativas\b[^.\n]{0,30}?\b(?:resposta|solu[çc][ãa]o)\b|"
    r"\bna\s+(?:\d|twee|drie)\s+(?:foute\s+)?pogingen\b[^.\n]{0,30}?\b(?:antwoord|oplossing)\b"
)

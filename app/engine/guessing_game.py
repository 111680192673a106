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

"""A brief whose own material gives the doses ("Maxidex 4 times a day for 2 weeks", "2 Tropfen 3-mal täglich").

The medical pack's "do not recommend a specific treatment, medication or dose" would then forbid what the brief's
leaflet tells the patient; its advice line becomes "give a dose only as the material states it"."""

from __future__ import annotations

import re

from app.engine.spec import Rule

DOSES_SOURCED = "doses_sourced"
"""A marker among the settled domains: the brief's own material states a dose or a schedule."""
SOURCE_ONLY = "source_only"
"""A marker among the settled domains: the brief answers only from its own document ("answer ONLY from the
leaflet") or rules out diagnosing, so the advice line keeps its limits but invites no general health information."""

_DOSE = re.compile(
    r"\b\d+\s*(?:x|times)\s+(?:a|per)\s+day\b|\b(?:once|twice)\s+(?:a|per)\s+day\b|\bevery\s+\d+\s*(?:hours|h)\b|"
    r"\b\d+\s*(?:x|-?mal)\s*(?:täglich|am\s+Tag|pro\s+Tag)|\balle\s+\d+\s+Stunden\b|"
    r"\b\d+\s*veces\s+al\s+d[ií]a\b|\bcada\s+\d+\s+horas\b|\b\d+\s*fois\s+par\s+jour\b|\btoutes\s+les\s+\d+\s+heures\b|"
    r"\b\d+\s*volte\s+al\s+giorno\b|\bogni\s+\d+\s+ore\b|\b\d+\s*(?:keer|maal)\s+per\s+dag\b|"
    r"\b\d+\s*vezes\s+(?:ao|por)\s+dia\b|1日\s*\d+\s*回|每天\s*\d+\s*次",
    re.IGNORECASE,
)
# "never tell them to take 2 tablets every 6 hours", "can I take it twice a day?": a dose the brief rules out or a
# person asks about is not the brief's own material
_NOT_OWN = re.compile(
    r"\b(?:never|not|don['’]?t|do\s+not|no|nunca|jamais|nie|niemals|nooit|mai|kein\w*|ne|nicht|nada)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n")

SOURCED_ADVICE = Rule(
    text="Give general health information only: do not diagnose the person's condition, and give a treatment, "
    "medication or dose only as the material in these instructions states it, never adjusted to their case"
    "{referral}.",
    reason="A diagnosis or a dose for one person needs an examination and a medical history that you do not have.",
    group="Safety",
)


def states_doses(joined: str) -> bool:
    """Whether the brief's own material (not a ban, not a question) states a dose or a schedule."""
    for sentence in _SENTENCE.split(joined):
        for m in _DOSE.finditer(sentence):
            # (the clause the dose stands in: "…, no school for 2 weeks" after it rules out no dose)
            clause = re.split(r"[,;:]", sentence[: m.start()])[-1] + m.group(0)
            if not _NOT_OWN.search(clause) and not sentence.rstrip().endswith("?"):
                return True
    return False


SOURCE_ONLY_ADVICE = Rule(
    text="Do not diagnose the person's condition, and do not recommend a treatment, medication or dose for their "
    "case beyond what the material in these instructions states{referral}.",
    reason="A diagnosis or a dose for one person needs an examination and a medical history that you do not have.",
    group="Safety",
)

"""Health cases the brief handles itself, blanked before the medical cues are read.

- A line that sends its case to a tool named after it ("Allergies: … use report_allergy and explain that a care
  plan is needed", "Allergien: immer allergie_melden aufrufen") is the brief's own route: the assistant files the
  case, it gives no health care, so no "suggest a doctor or pharmacist" and no emergency list beside the route.
- A sentence that bars health questions ("Ne demandez rien sur la santé de l'enfant à part le nom de l'allergie",
  "Don't ask anything about their health except the allergy's name") draws the brief's own line: the one thing it
  lets the assistant ask is a fact to record, not a health question to answer.
"""

from __future__ import annotations

import re

from app.engine.fastre import prefiltered

# (a case word, not a provider: "list_doctors" or "book_clinic_slot" books care, it routes no case)
_HEALTH_STEM = (
    r"allerg|symptom|health|sant[ée]|salud|sa[úu]de|gesundheit|salute|gezondheid|injur|wound|blessure|lesion|"
    r"sick|malad|illness"
)
# A tool identifier named after a health case: "signaler_allergie", "report_allergy", "allergie_melden".
_HEALTH_TOOL = prefiltered(re.compile(rf"\b(?=\w*_)\w*(?:{_HEALTH_STEM})\w*\b", re.IGNORECASE))
_LINE = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^.;!?\n]+")
_HEALTH_WORD = (
    r"health|sant[ée]|salud|sa[úu]de|gesundheit\w*|salute|gezondheid|medical|m[ée]dic\w*|medizinisch\w*|condition"
)
# "ask nothing about …", "ne demandez rien sur …", "no preguntes nada sobre …", "frag nichts zur …"
_ASK_NOTHING = re.compile(
    r"\b(?:(?:don'?t|do\s+not|never)\s+ask\s+(?:anything\s+|any\s+questions\s+)?(?:about|on)|ask\s+nothing\s+about|"
    r"ask\s+no\s+questions\s+about|ne\s+(?:demandez|demande|posez|pose)\s+(?:rien|aucune\s+question|jamais\s+rien)\s+"
    r"(?:sur|concernant|à\s+propos\s+de)|no\s+(?:preguntes|pregunte|pidas|pida)\s+(?:nada\s+)?(?:sobre|por|acerca\s+de)|"
    r"n[ãa]o\s+(?:pergunte|perguntes|pe[çc]a)\s+(?:nada\s+)?(?:sobre|acerca\s+d)|"
    r"(?:frag|fragen\s+sie)\s+(?:nichts|nie)\s+(?:zu|zur|zum|nach|über)|non\s+chiedere\s+(?:nulla|niente)\s+(?:su|sulla)|"
    r"vraag\s+niets\s+over)\b[^.;!?\n]{0,30}?\b(?:" + _HEALTH_WORD + r")\b",
    re.IGNORECASE,
)


def _blank(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = " " * (end - start)


def without_handled_cases(text: str) -> str:
    """The text with the health cases the brief handles itself blanked out (same length, same offsets): the lines
    that route a case to a tool named after it, and the sentences that bar health questions."""
    chars = list(text)
    for line in _LINE.finditer(text):
        if _HEALTH_TOOL.search(line.group(0)):
            _blank(chars, line.start(), line.end())
    for sentence in _SENTENCE.finditer(text):
        if _ASK_NOTHING.search(sentence.group(0)):
            _blank(chars, sentence.start(), sentence.end())
    return "".join(chars)

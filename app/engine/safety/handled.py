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
from app.engine.safety.own_material import scripts_emergency

# (a case word, not a provider: "list_doctors" or "book_clinic_slot" books care, it routes no case)
_HEALTH_STEM = (
    r"allerg|symptom|health|sant[ée]|salud|sa[úu]de|gesundheit|salute|gezondheid|injur|wound|blessure|lesion|"
    r"sick|malad|illness"
)
# A tool identifier named after a health case: "signaler_allergie", "report_allergy", "allergie_melden".
_HEALTH_TOOL = prefiltered(re.compile(rf"\b(?=\w*_)\w*(?:{_HEALTH_STEM})\w*\b", re.IGNORECASE))
_LINE = re.compile(r"[^\n]+")
_ITEM = re.compile(r"\s*(?:[-*•·–]|\d{1,2}[.)])\s")
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

# A health case the brief sends to its own people ("If someone mentions an injury or pregnancy, tell them to speak to
# the teacher before class", "si mencionan una lesión, que hablen con el monitor", "bei Verletzungen vorher mit der
# Kursleitung sprechen"): a class, a gym or a shop routes the case, it gives no health care.
_CASE_WORD = re.compile(
    r"\b(?:injur\w*|pregnan\w*|surgery|operation|medical\s+conditions?|health\s+conditions?|lesi[óo]n\w*|"
    r"embaraz\w*|verletz\w*|schwanger\w*|blessures?|bless[ée]e?s?|grossesse|enceinte|les[ãa]o|les[õo]es|gravidez|"
    r"gr[áa]vida|infortun\w*|gravidanza|incinta|blessur\w*|zwanger\w*)\b",
    re.IGNORECASE,
)
_TO_OWN_PEOPLE = re.compile(
    r"\b(?:speak|talk|check|ask|tell|contact|see|hable\w*|habl[ae]n|consult\w*|sprech\w*|sprich|wende\w*|parl\w*|"
    r"demande\w*|fal[ae]\w*|spreek|spreken|overleg\w*)\b[^.;!?\n]{0,25}?\b(?:to|with|con|al?|mit|à|au|aux|com|ao|met)\s+"
    r"(?:the|their|your|our|el|la|le|l['’]|der|die|dem|den|o|il|lo|de|het|su|sa|son|seu|sua|ihre\w*|unser\w*|"
    r"nuestr[oa]|notre|nostr[oa])?\s*(?:teachers?|instructors?|coach(?:es)?|trainers?|staff|team|reception|"
    r"front\s+desk|managers?|owners?|guides?|profesor\w*|instructor\w*|monitor\w*|entrenador\w*|lehrer\w*|"
    r"kursleit\w*|trainer\w*|professeur\w*|moniteur\w*|professor\w*|instrutor\w*|insegnant\w*|istruttor\w*|"
    r"docent\w*|leraar|leraren|equipo|équipe|equipe)\b",
    re.IGNORECASE,
)
# (an emergency in the same sentence keeps the pack: "chest pain or an injury: speak to the staff at reception")
_EMERGENCY = re.compile(
    r"chest\s+pain|breath|unconscious|faint|bleed|stroke|seizure|collaps|allergic|anaphyla|emergenc|heart\s+attack|"
    r"brustschmerz|atemnot|bewusstlos|notfall|douleur\s+thoracique|urgence|dolor\s+(?:de|en\s+el)\s+pecho|emergencia|"
    r"dor\s+no\s+peito|emerg[êe]ncia|dolore\s+al\s+petto|emergenza|borstpijn|noodgeval",
    re.IGNORECASE,
)


# "if something hurts -> stop and tell a coach or parent", "sag es dem Trainer": the person named straight after "tell"
_TELL_OWN_PEOPLE = re.compile(
    r"\b(?:tell|inform|dites?|d[íi]selo|sag\w*|avisa\w*|avvisa\w*|vertel)\s+(?:it\s+|es\s+|le\s+|lo\s+)?(?:to\s+)?"
    r"(?:a|an|the|your|their|un|una|une|el|la|le|dem|der|il|lo|de|je)\s+(?:[\w-]+\s+)?(?:coach(?:es)?|teachers?|"
    r"instructors?|trainers?|staff|parents?|adults?|grown-?ups?|entrenador\w*|padres|adulto|lehrer\w*|trainer\w*|"
    r"eltern|erwachsene\w*|professeur\w*|entra[îi]neur\w*|parents|adulte|allenator\w*|genitori|adulto|ouders|"
    r"volwassene)\b",
    re.IGNORECASE,
)


def _routes_case_to_own_people(words: str) -> bool:
    """Whether a sentence or a list item sends an injury or a pregnancy to the business's own people, with no
    emergency in it unless the brief answers the emergency with its own fixed line ("head injury, chest pain or
    fainting -> "Tell an adult right now. If it's serious they should call 999."")."""
    return bool(
        _CASE_WORD.search(words)
        and (_TO_OWN_PEOPLE.search(words) or _TELL_OWN_PEOPLE.search(words))
        and (not _EMERGENCY.search(words) or scripts_emergency([words]))
    )


def _blank(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = " " * (end - start)


def without_handled_cases(text: str) -> str:
    """The text with the health cases the brief handles itself blanked out (same length, same offsets): the lines
    that route a case to a tool named after it, and the sentences that bar health questions."""
    chars = list(text)
    for line in _LINE.finditer(text):
        # (a list item is one case with its routes: "injuries: never say train through pain. if something hurts ->
        # tell a coach or parent. head injury … -> "Tell an adult right now …"")
        words = line.group(0)
        if _HEALTH_TOOL.search(words) or (_ITEM.match(words) and _routes_case_to_own_people(words)):
            _blank(chars, line.start(), line.end())
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group(0)
        if _ASK_NOTHING.search(words) or _routes_case_to_own_people(words):
            _blank(chars, sentence.start(), sentence.end())
    return "".join(chars)

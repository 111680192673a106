"""What the brief's own material and job already say about a pack's subject, so that the pack yields to it.

- Pasted material that times a medicine change ("Iron tablets: stop 7 days before your appointment") is what the
  assistant answers from: the pack's "never tell someone to start, stop or change a prescribed medication" would
  forbid repeating it.
- A line whose trigger lists signs of an emergency and whose reply is fixed ("… or feeling faint: reply only "Please
  stop and call 111 now, or 999 if …"") is the brief's emergency step, whatever words it uses for the signs.
- A chat whose job is the person's money with the business (a payment plan for arrears) cannot keep to "do not tell
  the person what to do about their own debt": arranging that is what it is for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.engine.safety.routes import EMERGENCY_SIGNS, ROUTE_IN_REPLY

MONEY_JOB = "money_job"
"""A marker among the settled domains: the brief's job is arranging the person's own payments with the business."""

_MEDICINE = (
    r"(?:medicines?|medications?|meds|tablets?|pills|drugs|insulin|inhalers?|aspirin|warfarin|blood\s+thinners?|"
    r"anticoagulants?|metformin|iron|supplements?|medikament\w*|tabletten|arzneimittel\w*|blutverd[üu]nn\w*|"
    r"m[ée]dicaments?|comprim[ée]s|anticoagulants?|medicamentos?|pastillas|comprimidos|anticoagulantes?|farmaci|"
    r"compresse|medicijnen|tabletten|bloedverdunners?|薬|服薬|药)"
)
_CHANGE = (
    r"(?:stop\w*|paus\w*|skip\w*|hold\w*|halt\w*|don['’]?t\s+take|do\s+not\s+take|no\s+longer\s+take|absetz\w*|"
    r"pausier\w*|nicht\s+(?:mehr\s+)?(?:ein)?nehmen|arr[êe]t\w*|suspend\w*|interromp\w*|interrump\w*|sospend\w*|"
    r"dejar\s+de\s+tomar|deja\s+de\s+tomar|no\s+tome|ne\s+(?:plus\s+)?prenez|stoppen|niet\s+(?:meer\s+)?innemen|"
    r"中止|休薬|やめ|停药|停用)"
)
_BEFORE = (
    r"(?:\d+\s*(?:days?|hours?|hrs?|h|weeks?|tage?n?|stunden|wochen|jours?|heures?|semaines?|d[ií]as|horas|semanas|"
    r"giorni|ore|settimane|dagen|uur|weken|日|時間|週間|天|小时)\s*(?:before|prior|beforehand|ahead|after(?:wards)?|"
    r"vor\w*|nach\w*|avant|apr[èe]s|antes|despu[ée]s|prima|dopo|voor|na|前|後|后)|the\s+(?:day|night|morning)\s+(?:before|of)|am\s+vortag|la\s+veille|"
    r"el\s+d[ií]a\s+(?:anterior|antes)|il\s+giorno\s+prima|de\s+dag\s+ervoor|前日|当日)"
)
# (one line of the material: the medicine, the change and its timing, in any order; German compounds such as
# "Eisentabletten" too)
_MEDICINE_TIMED = [
    re.compile(p, re.IGNORECASE)
    for p in (rf"\b{_MEDICINE}(?![a-z])|\w(?:tabletten|medikamente?n?)\b", rf"\b{_CHANGE}", _BEFORE)
]


def material_times_medicine(joined: str) -> bool:
    """Whether a line of the brief times a medicine change ("Iron tablets: stop 7 days before your appointment",
    "Blutverdünner 5 Tage vorher absetzen", "arrêtez les comprimés de fer 7 jours avant")."""
    return any(all(p.search(line) for p in _MEDICINE_TIMED) for line in joined.split("\n"))


# "Payment plans for customers behind on their water bill", "arrears", "Ratenzahlung", "plan de pagos",
# "échéancier", "betalingsregeling": the person's own payments with the business are the chat's job.
_MONEY_JOB = re.compile(
    r"\b(?:payment\s+plans?|repayment\s+plans?|instal?ments?\s+plans?|payment\s+arrangements?|arrears|"
    r"behind\s+on\s+(?:their|your|the)\s+(?:[\w-]+\s+){0,2}(?:bills?|rent|payments?|repayments?)|"
    r"ratenzahlung\w*|ratenplan\w*|zahlungsr[üu]ckst[äa]nd\w*|zahlungsvereinbarung\w*|"
    r"plan(?:es)?\s+de\s+pagos?|acuerdos?\s+de\s+pago|impagos?|[ée]ch[ée]anciers?|plan\s+d['’][ée]talement|"
    r"impay[ée]s|plano\s+de\s+pagamento|parcelamento|piano\s+di\s+rateizzazione|rateizz\w*|"
    r"betalingsregeling\w*|achterstand\w*|分割払い|滞納|分期付款|欠费)",
    re.IGNORECASE,
)


def money_job(texts: Iterable[str]) -> bool:
    """Whether the brief's job is arranging the person's own payments with the business (arrears, a payment plan)."""
    return _MONEY_JOB.search(unicodedata.normalize("NFKC", "\n".join(t for t in texts if t))) is not None


# "…: reply only "…"", "respond with exactly: "…"", "antworte nur: „…“", "répondez uniquement « … »"
# (or an arrow straight to the quoted reply: "head injury, chest pain or fainting -> "Tell an adult right now …"")
_FIXED_REPLY = re.compile(
    r"(?:\b(?:reply|respond|answer|say|send|write|antworte\w*|sag\w*|r[ée]pond\w*|dites|respond[ae]\w*|di|diga|"
    r"rispondi|zeg|antwoord)\b[^\"“„«「\n]{0,30}?|(?:-+>|→|⇒|=>)[^\"“„«「\n]{0,30}?)[\"“„«「](?P<reply>[^\"”“»」\n]{4,})",
    re.IGNORECASE,
)


def scripts_emergency(texts: Iterable[str]) -> bool:
    """Whether a line of the brief gives the fixed reply to signs of an emergency, with a route in its words ("severe
    pain, blood, or feeling faint: reply only "Please call 111 now, or 999 if …""): the pack's "tell them first to
    call …" would add a second reply to it."""
    for line in unicodedata.normalize("NFKC", "\n".join(t for t in texts if t)).split("\n"):
        signs = EMERGENCY_SIGNS.search(line)
        reply = _FIXED_REPLY.search(line, signs.end()) if signs else None
        if reply is not None and ROUTE_IN_REPLY.search(reply.group("reply")):
            return True
    return False

"""The brief's own reply for input that is empty, unreadable or not the thing the job reads.

"Leere oder unlesbare Nachricht: {"kategorie": "sonstiges", …}", "not a noise complaint at all -> OTHER|U3|ref",
"Si el correo está vacío, devuelve SIN DATOS": the brief says what such input gets. The archetype's default
out-of-scope line ("Return the JSON object with every field set to null", "Return the label "other"") beside it
would give a second, different reply for the same input, and often one the brief's parser rejects (null in a
non-null enum, a bare label where a multi-field line is read). So the brief's case replaces the default.

A reply that is one line of several fields ("SOURCE|URGENCY|ref") is also never "exactly one label": the default
one-label reminder and label guardrail do not fit it.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.spec import Guardrails, OutputFormat

# What the job reads: the noun the emptiness or unreadability is said of.
_INPUT_NOUN = (
    r"(?:messages?|e-?mails?|mails?|texts?|inputs?|notes?|documents?|tickets?|complaints?|reviews?|requests?|"
    r"submissions?|forms?|posts?|comments?|files?|nachricht(?:en)?|e-?mail|texte?|eingaben?|anfragen?|mensajes?|"
    r"correos?|textos?|entradas?|courriels?|messages?|textes?|messaggi[oi]?|testi|testo|mensage(?:m|ns)|bericht(?:en)?|"
    r"tekst(?:en)?|invoer)"
)
_EMPTY = (
    r"(?:empty|blank|unreadable|illegible|garbled|leer\w*|unlesbar\w*|vac[íi][oa]s?|ilegibles?|vides?|illisibles?|"
    r"vuot[oi]|vuot[ae]|illeggibil[ei]|vazi[oa]s?|ileg[íi]ve(?:is|l)|leeg|lege|onleesbaar|onleesbare)"
)
_CONDITION = re.compile(
    # "Leere oder unlesbare Nachricht", "empty or unreadable message"
    rf"\b{_EMPTY}(?:\s+(?:or|oder|o|ou|of|od\.)\s+{_EMPTY})?\s+{_INPUT_NOUN}\b|"
    # "if the email is empty", "si el mensaje está vacío", "se il messaggio è vuoto"
    rf"\b{_INPUT_NOUN}\s+(?:\w+\s+){{0,2}}(?:is|are|ist|sind|está|es|est|è|é|está|is)\s+(?:\w+\s+)?{_EMPTY}\b|"
    # "message vide ou illisible", "messaggio vuoto", "mensaje vacío": the adjective after the noun
    rf"\b{_INPUT_NOUN}\s+{_EMPTY}\b|"
    # "not a noise complaint at all", "gar keine Reklamation", "no es una queja", "n'est pas une plainte"
    r"\b(?:not|isn'?t|aren'?t)\s+(?:a|an|even\s+a|even\s+an)\s+(?:[\w-]+\s+){0,3}?(?:at\s+all)\b|"
    r"\b(?:gar|überhaupt)\s+kein\w*\s+[\w-]+|"
    r"\bno\s+es\s+(?:ni\s+siquiera\s+)?(?:un|una)\s+[\w-]+(?:\s+[\w-]+)?\s+en\s+absoluto\b|"
    r"\bn['’]est\s+pas\s+du\s+tout\s+(?:un|une)\s+[\w-]+|\bnon\s+è\s+(?:affatto\s+)?(?:un|una|uno)\s+[\w-]+\s+affatto\b|"
    r"\bnão\s+é\s+(?:de\s+todo\s+)?(?:um|uma)\s+[\w-]+(?:\s+de\s+todo)?\b|\bhelemaal\s+geen\s+[\w-]+|"
    r"(?:内容为空|为空|空白|无法识别|看不清|読めない|空の(?:メッセージ|メール|テキスト))",
    re.IGNORECASE,
)
# The case maps to a reply: an arrow, a colon before an object / code / quote, or a verb of replying.
_MAPS_TO = re.compile(
    r"→|->|=>|⇒|[:：]\s*(?:[{\[\"“«`]|(?-i:[A-Z]))|"
    r"\b(?:return|output|reply|respond|answer|give|write|gib|antworte|schreib\w*|devuelve|responde|escribe|"
    r"retourne|renvoie|réponds|écris|restituisci|rispondi|scrivi|geef|antwoord|schrijf|retorne|devolva|responda|"
    r"escreva)\b|输出|返回|回答|回复|出力|返して|返す",
    re.IGNORECASE,
)


def states_own_input_case(task: str) -> bool:
    """Whether a line of the brief gives its own reply for empty, unreadable or not-the-job input."""
    for line in task.splitlines():
        for condition in _CONDITION.finditer(line):
            if _MAPS_TO.search(line, condition.end()) or _MAPS_TO.search(line[: condition.start()][-30:] or ""):
                return True
    return False


# "One line per item, in exactly this form: `SOURCE|URGENCY|ref`.": the reply line's own shape
_LINE_FORM = re.compile(r"in exactly this form: `(?P<line>[^`\n]+)`")
_SEPARATOR = re.compile(r"\s*(?:\||;|\t|,)\s*")


def multi_field_line(description: str) -> str | None:
    """The reply's line shape when it holds two or more fields ("SOURCE|URGENCY|ref"), else None."""
    found = _LINE_FORM.search(description)
    if found is None:
        return None
    line = found.group("line")
    return line if len([part for part in _SEPARATOR.split(line) if part.strip()]) >= 2 else None


ONE_LABEL = re.compile(r"\bexactly one label\b|\bonly the label\b|\bone label\b", re.IGNORECASE)
# 'Return the label "other".': a bare label as the whole reply
_BARE_LABEL_REPLY = re.compile(r"^Return the label\b", re.IGNORECASE)


def line_guardrails(guardrails: Guardrails, output: OutputFormat) -> Guardrails:
    """The guardrails without a bare-label reply where the reply is one line of several fields."""
    if multi_field_line(output.description) is None or not _BARE_LABEL_REPLY.search(guardrails.out_of_scope):
        return guardrails
    return msgspec.structs.replace(guardrails, out_of_scope="")

"""Other explicit musts ("always end with a question", "refunds over $50 need approval"), kept close to the brief's
words, and the parts of a clause that state one on their own."""

from __future__ import annotations

import re

from app.engine.constraints.clauses import EXACT_COLON
from app.engine.constraints.found_rules import FoundRule, is_english
from app.engine.constraints.sentence_case import instruction_case
from app.engine.phrasing import is_meta_request

_MUST = re.compile(
    r"\b(?:(?:answer|respond|reply|rely|draw)\s+only|(?:output|return|print|send|give)\s+(?:only|just)\s+the|nothing\s+but|only\s+(?:from|based\s+on|using|with\s+information\s+from)|"
    r"based\s+(?:only|solely|exclusively|strictly)\s+on|solely|exclusively|strictly|"
    r"always|must|need(?:s)?\s+to|required?|make\s+sure|ensure|be\s+sure\s+to|has\s+to|have\s+to|"
    r"should\s+always|every\s+(?:answer|reply|response)|needs?\s+(?:\w+\s+)?approval|requires?|only\s+(?:answer|use|respond|reply|discuss|talk)|"
    r"siempre|debes?|tienes\s+que|hay\s+que|immer|muss|müssen|stets|toujours|doit|dois|il\s+faut|sempre|deve|precisa|"
    r"必ず|必须|务必|常に)\b|必ず|必须|务必|常に",
    re.IGNORECASE,
)


# `(?<![\d,.])`: a number is tried from its first digit only; from every digit, a long run of digits cost
# quadratic time (20,000 zeros in a brief: 95 s).
_THRESHOLD = re.compile(
    r"(?:[$€£¥]\s?\d[\d,.]*|(?<![\d,.])\d[\d,.]*\s?(?:[$€£¥]|usd|eur|dollars|euros))", re.IGNORECASE
)


_MUST_SEGMENT = re.compile(
    r"(?:^|(?<=[,;:]))\s*(?:and\s+)?(?P<must>(?:always|make\s+sure|be\s+sure\s+to|ensure|remember\s+to|you\s+must|"
    # "logging only via `get_logger`, never print()": a restriction stated without a verb
    r"[\w-]+\s+only\s+(?:via|through)\b)"
    r"[^,;]*)",
    re.IGNORECASE,
)


# "…, if the call time is missing write CALL TIME TBC instead": a case and what to write in it, after a comma
_CASE_SEGMENT = re.compile(
    r"(?<=[,;])\s*(?:and\s+)?(?P<must>(?:if|when|whenever)\s+[^,;.]{3,80}?(?<!\bnot)(?<!n't)(?<!\bnever)"
    # ("if asked outside that say so": "that" points back, so the part is no rule on its own)
    r"(?<!\bthat)(?<!\bthis)(?<!\bit)(?<!\bthose),?\s+"
    r"(?:write|put|use|say|reply|answer|mark|enter|fill\s+in|return|output|show)\s[^;]*?)(?=[.;]\s|[.;]?$)",
    re.IGNORECASE,
)


_SCOPE_LEAD = re.compile(
    r"\s*(?:[-*•]\s*)?(?:for|with|on|about|regarding|when|if|whenever)\b[^,;]{2,60},", re.IGNORECASE
)


def must_segments(text: str) -> list[tuple[int, int]]:
    """The comma-separated parts of a clause that state a must on their own ("..., always end with a question") or
    what to write in a case ("…, if the call time is missing write CALL TIME TBC instead")."""
    found = [(m.start("must"), m.end("must")) for m in _MUST_SEGMENT.finditer(text)]
    if not _SCOPE_LEAD.match(text):  # ("For allergy questions, never guess, if …": the scope holds the whole clause)
        found += [(m.start("must"), m.end("must")) for m in _CASE_SEGMENT.finditer(text)]
    return sorted(found)


def find_requirement(text: str) -> FoundRule | None:
    """Any other explicit must or threshold in one clause, kept close to the brief's words."""
    stripped = text.strip()
    if not (_MUST.search(stripped) or _THRESHOLD.search(stripped)):
        return None
    if not _THRESHOLD.search(stripped) and all(
        re.search(r"\b(?:I|I'd|I'll)\s+(?:\w+\s+)?$", stripped[: m.start()])
        and re.match(r"(?:have|has|need|needs|must)\b", m.group(0), re.IGNORECASE)
        for m in _MUST.finditer(stripped)
    ):
        return None  # "every evening I take notes, then I have to do 2 things": the requester's own work, no rule
    if is_meta_request(stripped) or _WANTS_AN_ASSISTANT.search(stripped):
        # "Necesito un prompt para … (préstamos de $1,000 a $15,000)", "Kessler & Daughters wants a website chat
        # assistant that collects what we need to quote …": the request for the assistant, not a rule of it
        return None
    if re.fullmatch(r"[^\W\d_][\w ,¿?-]{0,40}[:：]", stripped):
        return None  # "Cómo debe funcionar:", "How it must work:": a heading over the rules, no rule itself
    if stripped.isupper() and len(stripped.split()) <= 3:
        return None  # "MUST FIX", "SHOULD HAVE": a heading of the reply's outline, not a rule
    if is_english(stripped):
        return FoundRule(instruction_case(stripped), None, None, 0, len(text.rstrip()))
    # "… exatamente: Aprecie com moderação. Venda proibida …": a fixed text keeps its own full stop
    quoted = stripped if EXACT_COLON.search(stripped) else stripped.rstrip(".。")
    return FoundRule(f'Follow this rule from the brief: "{quoted}".', None, None, 0, len(text.rstrip()))


_WANTS_AN_ASSISTANT = re.compile(
    r"\b(?:wants?|needs?|would\s+like|is\s+looking\s+for)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}"
    r"(?:assistant|bot|chatbot|agent|helper)\s+(?:that|which|who|to)\b",
    re.IGNORECASE,
)

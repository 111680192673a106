"""Fallbacks: what to do when the assistant cannot help ("if unsure, email help@acme.com", "escalate to a human").

`find_fallbacks` reads one clause: its contacts (`fallback_contacts`), a hand-off or a referral (`fallback_handoffs`)
and the words to reply (`fallback_replies`), each for the case the clause names (`fallback_conditions`,
`fallback_cases`, `fallback_placement`); `fallback_wording` turns one into the prompt's sentence. This module also
says when a contact stands inside a quoted sentence the reply carries whole.
"""

from __future__ import annotations

import re

from app.engine.constraints.case_reply_head import without_reply_head
from app.engine.constraints.clauses import EXACT_COLON, in_exact_line
from app.engine.constraints.fallback_cases import WHEN_STUCK, clause_case, for_case, stuck_case
from app.engine.constraints.fallback_conditions import find_condition
from app.engine.constraints.fallback_contacts import BARE_DOMAIN, URL, clause_contacts
from app.engine.constraints.fallback_directory import is_directory, open_case
from app.engine.constraints.fallback_handoffs import HANDOFF_KEYS, REFERRAL_VERB, handoff_or_referral
from app.engine.constraints.fallback_placement import placed_conditions
from app.engine.constraints.fallback_replies import (
    CJK_COLON_SAY,
    EXACT_CODE,
    bare_fixed_reply,
    cjk_say_fallback,
    say_fallback,
)
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.listed_cases import exact_line_reply
from app.engine.constraints.model import FoundFallback
from app.engine.constraints.quotes import open_closer
from app.engine.constraints.scope_quotes import scope_quote

# "- you don't, you just label it", "(not you)": the clause gives the route to someone else; the verb is left out
# ("you don't handle billing: send them to billing@…" is a route for the assistant)
_SOMEONE_ELSE_DOES = re.compile(
    r"[-–—,;:(]\s*(?:but\s+)?(?:you\s+(?:don'?t|do\s+not|never|won'?t)|not\s+you)\s*(?:[,.;)]|$)",
    re.IGNORECASE,
)


# "always mention LIHEAP energy assistance once: … 1-866-674-6327", "include the helpline in every reply": content
# the replies carry, said by the brief's own sentence
_MENTION_ONCE = re.compile(
    r"^\W*(?:always\s+|also\s+)?(?:mention|include|add|share)\b[^.;:!?\n]{0,60}?\b(?:once|in\s+every|in\s+each|at\s+the\s+end)\b",
    re.IGNORECASE,
)


def _no_contact_in(text: str) -> bool:
    """Whether the clause holds nothing a fallback could be: no address, number, quote, exact text, hand-off or
    referral verb (the cheap test that keeps most clauses out of the readers below)."""
    digits = sum(ch.isdigit() for ch in text)
    quoted = any(mark in text for mark in '"“‘«「') or bool(re.search(r"(?<!\w)'", text))
    bare_url = "/" in text and URL.search(text) is not None
    contact_free = "@" not in text and "http" not in text and "www." not in text and digits < 2 and not quoted
    contact_free = contact_free and not bare_url and EXACT_COLON.search(text) is None
    contact_free = contact_free and EXACT_CODE.search(text) is None and CJK_COLON_SAY.search(text) is None
    contact_free = contact_free and BARE_DOMAIN.search(text) is None and exact_line_reply(text) is None
    return contact_free and not HANDOFF_KEYS.search(text) and not REFERRAL_VERB.search(text)


def find_fallbacks(text: str) -> list[FoundFallback]:
    """Every fallback stated in one clause: its contacts, a hand-off or a referral, the words to say, each for its
    case."""
    # 'reply exactly: "..."', '„…“ antworten': silence or a pause played in a scene says no words, so no fallback
    return [f for f in _found_fallbacks(text) if f.action != "say" or re.search(r"\w", f.value)]


def _found_fallbacks(text: str) -> list[FoundFallback]:
    if _no_contact_in(text):
        return []
    if _SOMEONE_ELSE_DOES.search(text):
        return []  # "our human team reaches out and shares 988 … - you don't, you just label it": not the assistant's
    arrowed = _ARROW_QUOTE.search(text)
    if arrowed is not None:
        return _arrow_quote_fallbacks(text, arrowed)
    scoped = scope_quote(text)
    if scoped is not None:
        # 'Questions outside these topics: "…"', "Pregunta fuera de estos temas: «…»": that case's reply, whole
        # (the line, quote and all, says which language the case is in: "Perguntas fora destes temas" alone is short)
        case = scoped.case if not is_english(text) or _CASE_WORD.match(scoped.case) else for_case(scoped.case)
        return _with_inside(FoundFallback("say", scoped.say, case, scoped.start, scoped.end))
    condition, channelled = clause_case(text)
    condition = without_reply_head(condition)  # ("Bei Brustschmerzen antworte nur: „…“": the case ends before)
    if condition is None and (arrow := _ARROW_FIXED.match(text)) is not None and EXACT_COLON.match(text, arrow.end()):
        # "Empty log -> write only: NO ENTRIES", "Registro vacío → escribe solo: SIN DATOS": the arrow's case
        case = arrow.group("case").strip()
        condition = case if not is_english(text) or _CASE_WORD.match(case) else for_case(case)
    if condition is None and _MENTION_ONCE.match(text) and not WHEN_STUCK.search(text):
        return []  # "always mention LIHEAP once: … line 1-866-674-6327": a line to mention, no route when stuck
    found = clause_contacts(text, condition)
    if open_case(condition) and not WHEN_STUCK.search(text) and not _ELSE.search(text) and is_directory(text, found):
        found = [f for f in found if f.action != "phone"]  # "Leeds 0113 …, York 01904 …": each branch's own
    if (routed := handoff_or_referral(text, found, condition)) is not None:
        found.append(routed)
    say, found = say_fallback(text, found, condition)
    bare = bare_fixed_reply(text, condition) if say is None else None
    if say is None and bare is None and condition is not None and (line := exact_line_reply(text)) is not None:
        bare = FoundFallback(
            "say", line[0], condition.rstrip(" :"), line[1], line[1] + len(line[0])
        )  # "reply exactly No findings."
    if bare is not None:
        found.append(bare)
    if say is None:
        found = cjk_say_fallback(text, found, condition)
    placed = placed_conditions(text, found, channelled)
    later = _last_sentence(text, condition)
    if later is not None and placed and all(f.start >= later for f in placed):
        # "If they say … -> flag_vulnerable. For other debts, point them to StepChange": the route in the last
        # sentence is that sentence's, with its own case (not the case a sentence before it opened); a last
        # sentence with no case of its own ("… -> no booking. Tell them to call 0161 …") goes on with the case before
        reread = _found_fallbacks(text[later:])
        if reread and all(f.condition for f in reread):
            return [f._replace(start=f.start + later, end=f.end + later) for f in reread]
    return placed


# A case and its arrow, then a fixed reply's opener ("Empty log -> write only: …")
_ARROW_FIXED = re.compile(r"\s*(?:[-*•]\s*)?(?P<case>[^\W\d_][^\n.;!?:\"“«]{2,120}?)\s*(?:->|→|=>|⇒)\s*(?=\S)")


_NOTHING_ELSE = (
    r"(?:and\s+)?nothing\s+else|(?:y\s+)?nada\s+m[áa]s|(?:e\s+)?mais\s+nada|(?:et\s+)?rien\s+d['’]autre|"
    r"(?:und\s+)?sonst\s+nichts|(?:en\s+)?verder\s+niets|(?:e\s+)?nient['’]altro|(?:e\s+)?niente\s+altro"
)


# 'head injury, chest pain or fainting -> "Tell an adult right now. If it's serious they should call 999."': a case, an
# arrow and its quoted reply, the last part of the clause (after a stop of any case: briefs typed in lower case)
_ARROW_QUOTE = re.compile(
    r"(?:^|(?<=[.;!?])\s+)(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>[^.;!?\n\"“«]{3,160}?)\s*(?:->|→|=>)\s*"
    # ('-> reply only "Ring 112 at once." and nothing else', '→ responder só: "…" e mais nada': the verb, the words, and
    # the brief's "nothing else", which the words carry)
    r"(?:(?:reply|say|respond|answer|write|responde[rr]?|responda|diga|di|antworte|sag|réponds|répondez|dis|rispondi|"
    r"antwoord|zeg)(?:\s+(?:only|exactly|just|solo|sólo|só|apenas|nur|seulement|uniquement|soltanto|alleen))?"
    r"(?:\s+(?:with|con|com|mit|avec|met))?\s*:?\s*|"
    # ('→ alleen: "Bel direct 112." Verder niets.', '-> only: "…"': "only:" alone stands for the verb)
    r"(?:only|just|alleen|enkel|s[oó]lo|solamente|[uú]nicamente|nur|seulement|uniquement|apenas|s[oó]|somente|"
    r"soltanto)\s*:\s*)?"
    r"[\"“«](?P<say>[^\"”»\n]{3,300})[\"”»]\s*[.!]?\s*(?:,?\s*(?:" + _NOTHING_ELSE + r")\s*[.!]?\s*)?$",
    re.IGNORECASE,
)


# "anything else -> "…"", "todo lo demás -> "…"": the catch-all, the reply when the assistant cannot help
_ELSE = re.compile(
    r"(?:for\s+)?(?:anything|everything|all|something)\s+else|todo\s+lo\s+dem[áa]s|tout\s+le\s+reste|"
    r"alles\s+andere|tutto\s+il\s+resto|todo\s+o\s+resto|al\s+het\s+andere",
    re.IGNORECASE,
)


_CASE_WORD = re.compile(r"(?:for|if|when|whenever|in|on|after|before|once|unless|during|with)\b", re.IGNORECASE)


def _arrow_quote_fallbacks(text: str, arrowed: re.Match[str]) -> list[FoundFallback]:
    """The quoted reply after a case and its arrow, for that case, with the contacts inside it; what the clause says
    before that case is read on its own."""
    start = arrowed.start()
    before = find_fallbacks(text[:start]) if text[:start].strip() else []
    case = arrowed.group("case").strip(" ,")
    condition = None if stuck_case(case) or _ELSE.fullmatch(case) else find_condition(case)
    if condition is not None and not _opens(case, condition):
        condition = None  # "Dúvidas legais (…, prazos no caso de divórcio) → …": the whole case, not its tail
    if condition is None and not stuck_case(case) and not _ELSE.fullmatch(case):
        # "head injury, chest pain or fainting -> "…"" -> "For head injury, chest pain or fainting"
        condition = case if not is_english(case) or _CASE_WORD.match(case) else for_case(case)
    said = FoundFallback("say", arrowed.group("say").strip(), condition, arrowed.start("say"), arrowed.end("say"))
    return [*before, *_with_inside(said)]


def _with_inside(said: FoundFallback) -> list[FoundFallback]:
    """A quoted reply for a case, with the contacts inside it, for the same case."""
    inside = [
        f._replace(start=f.start + said.start, end=f.end + said.start, condition=said.condition)
        for f in clause_contacts(said.value, said.condition)
    ]
    return [said, *inside]


def _opens(case: str, condition: str) -> bool:
    """Whether the condition read from a case opens it (not a "caso", "if" or "when" deep inside its words)."""
    head = re.sub(r"^[\W\d]+", "", case).lower()
    return head.startswith(re.sub(r"^[\W\d]+", "", condition).lower()[:12])


# A sentence's end: its stop, a space, then a capital (not after an abbreviation: "e.g. Visa", "St. Mary's")
_SENTENCE_BREAK = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bNo)(?<!\bvs)(?<=[\w)\]\"”'])[.!?]\s+(?=[A-Z])"
)


def _last_sentence(text: str, condition: str | None) -> int | None:
    """Where the clause's last sentence starts, when the clause's case is written in a sentence before it and the
    last one holds a route (None otherwise)."""
    # ('-> "Tell an adult right now. If it's serious they should call 999."': a break inside a quotation is the
    # fixed reply's own, its second sentence is no case of its own)
    breaks = [b for b in _SENTENCE_BREAK.finditer(text) if open_closer(text[: b.start()]) is None]
    if not breaks or condition is None:
        return None
    last = breaks[-1].end()
    if in_exact_line(text, breaks[-1].start()) or _in_open_quote(text, breaks[-1].start()):
        # "say: Please tell a lifeguard. If you are in danger, call 112.", 'responder primero: "Gracias … Llame al
        # 016 o, si hay peligro inmediato, al 112."': the fixed reply goes on, and its inner case is not the route's
        return None
    at = text.find(condition)
    return None if at < 0 or at >= last or _no_contact_in(text[last:]) else last


# A whole quoted passage, to see whether a quote is still open at a point: "…", “…”, «…», „…“
_CLOSED_QUOTE = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]')


def _in_open_quote(text: str, index: int) -> bool:
    """Whether `index` sits inside a quote opened before it (whatever verb opened it, in whatever language)."""
    return any(mark in _CLOSED_QUOTE.sub("", text[:index]) for mark in '"“«„')


QUOTED_SCOPE = "the quoted sentence"
"""The scope of a contact that stands inside a quoted sentence the reply carries whole."""


_QUOTED_SENTENCE = re.compile(r"[\"“«]([^\"“”«»]{20,400})[\"”»]")


# 'must include this sentence exactly: "…"', 'always end with: "…"': the quote is text the reply carries whole.
_CARRIED_QUOTE = re.compile(
    r"\b(?:include|includes|including|add|append|end\s+with|start\s+with|begin\s+with|close\s+with|sign\s+off\s+with|"
    r"sentence|line|wording|verbatim|unchanged|word\s+for\s+word|exactly)\b[^.;!?\n]{0,40}$",
    re.IGNORECASE,
)


# 'Dans ce cas il répond : « … appelez le 04 … »', 'geen uitleg, alleen "Druk nu … of bel 112."', 'dan niet melden
# maar meteen: "Bel nu 0800-9009 …"': the reply for the case before it (not the case's own verb: "Si la FAQ ne répond
# pas : « … »", "if the guide doesn't answer it: "…""; not a noun: "End every answer with: "…"")
_REPLIED_QUOTE = re.compile(
    r"(?<!n't\s)(?<!\bnot\s)(?<!\bne\s)(?<!\bnon\s)(?<!\bno\s)(?<!\bnicht\s)(?<!\bniet\s)(?<!\bnão\s)"
    r"(?<!\bevery\s)(?<!\beach\s)(?<!\bthe\s)(?<!\byour\s)(?<!\ba\s)"
    r"\b(?:reply|replies|respond|responds|answer|answers|say|says|répond|réponds|répondez|répondre|dit|dites|responde|"
    r"responda|responder|contesta|conteste|antwortet|antworte|antworten|sagt|sage|antwoordt|antwoord|zegt|zeg|"
    r"risponde|rispondi|risponda|diz|diga)\b(?!\s+(?:pas|not|nicht|niet|no|non)\b)[^.;!?\n]{0,40}$|"
    r"\b(?:only|just|alleen|uitsluitend|nur|seulement|uniquement|solo|sólo|solamente|apenas|soltanto)\s*:?\s*$|"
    r"\w\s*[:：]\s*$",
    re.IGNORECASE,
)


def in_quoted_sentence(text: str, position: int, *, conditioned: bool = True) -> bool:
    """Whether a contact stands inside a quoted sentence the brief tells the reply to carry ('must include this
    sentence exactly: "… call 999 …"'): the requirement that carries the sentence says when to give the number. A
    contact with no case of its own is also inside one when the quote is what to reply ('Dans ce cas il répond :
    « … »'): the case the reply is for is the brief's, not whatever the assistant cannot help with."""
    for quote in _QUOTED_SENTENCE.finditer(text):
        if quote.start(1) <= position < quote.end(1) and len(quote.group(1).split()) >= 5:
            before = text[max(0, quote.start() - 60) : quote.start()]
            return (
                _CARRIED_QUOTE.search(before) is not None
                or (not conditioned and _REPLIED_QUOTE.search(before) is not None)
                or _fixed_case_reply(text) is not None
            )
    reply = _fixed_case_reply(text)
    return reply is not None and reply[0] <= position < reply[1] and len(text[reply[0] : reply[1]].split()) >= 5


def _fixed_case_reply(text: str) -> tuple[int, int] | None:
    """[start, end) of the words a clause fixes as the reply for its case ('If the guide doesn't cover it, reply with
    exactly this sentence: That's not in …', 'For any of those reply only with: "…"', 'If …: "…"'), if any."""
    fixed = [f for f in find_fallbacks(text) if f.action == "say" and f.condition]
    return (fixed[0].start, fixed[0].end) if fixed else None

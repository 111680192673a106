"""Every constraint one clause states: the typed readers (limits, format, labels and fields, tools, fallbacks,
unsure reply, language, people) first, then the rule reader (ordering, prohibition, requirement), with quoted words
blanked so a quote negates nothing, and restored in the rules' text."""

from __future__ import annotations

import re
from collections.abc import Callable

import msgspec

from app.engine.constraints import imperatives, limits
from app.engine.constraints.clause_readers import (
    Field,
    Span,
    read_fallbacks,
    read_format,
    read_labels_and_fields,
    read_language,
    read_people,
    read_rules,
    read_tools,
)
from app.engine.constraints.clauses import Clause
from app.engine.constraints.fixed_text import ALTERNATIVE_ROUTE
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.label_definitions import as_label_definitions
from app.engine.constraints.limit_clauses import read_limits
from app.engine.constraints.limit_numbers import IN_CHARACTER, TURN_SCOPE
from app.engine.constraints.model import BriefSpan, Constraint
from app.engine.constraints.sentence_case import sentence_case
from app.engine.constraints.unsure_reply import read_unsure_reply
from app.engine.tool_text import TOOLS_INTRO, without_tool_output

_QUOTED = re.compile(
    r"(?<![\w])'(?:[^']|(?<=\w)'(?=\w)){3,}'(?![\w])|\"[^\"]{3,}\"|“[^”]{3,}”|«[^»]{3,}»|„[^“\"]{3,}[“\"]"
)


def _unquoted(text: str) -> str:
    """The text with quoted words blanked out (offsets kept)."""
    return _QUOTED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def _continues_exact_reply(text: str, start: int) -> bool:
    """Whether the clause at `start` goes on the words of an exact reply its sentence began ("… reply exactly: LGTM
    — no blocking issues.")."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? ")) + 1
    return _EXACT_REPLY.search(text, sentence_start, start) is not None


# "reply exactly: LGTM — no blocking issues", "say only: …": what follows the colon is the reply's own words.
_EXACT_REPLY = re.compile(
    r"\b(?:reply|respond|answer|say|write)\s+(?:with\s+)?(?:exactly|verbatim|literally)\s*:",
    re.IGNORECASE,
)


# The typed readers, in the order their constraints are listed for one clause.
def _reply_limits(text: str, unquoted: str, span: Span) -> list[Constraint]:
    return read_limits(without_tool_output(text), without_tool_output(unquoted), span)


def _reply_format(text: str, unquoted: str, span: Span) -> list[Constraint]:
    if TOOLS_INTRO.search(text):
        return []  # "能调用的工具如下（JSON 格式）：", "Tools (JSON schema):": the format of the tool list below
    return read_format(without_tool_output(text), without_tool_output(unquoted), span)


_READERS: tuple[Callable[[str, str, Span], list[Constraint]], ...] = (
    _reply_limits, _reply_format, read_labels_and_fields, read_tools, read_fallbacks, read_unsure_reply, read_language,
    read_people,
)  # fmt: skip


_BAN_LEADS = frozenset({"never", "don't", "avoid"})


_TURN_UNITS = frozenset({"sentences", "words", "lines", "characters", "paragraphs"})


_LED_READERS = frozenset({read_fallbacks})
"""Readers that read a sentence of a conditioned list item under its condition (its routes hold only then)."""


# "say so", "tell them that", "mention it": a step that points back to what the sentence said before it
_POINTS_BACK = re.compile(
    r"\s*(?:and\s+)?(?:say\s+so|tell\s+(?:them|the\s+\w+)\s+(?:so|that|this)|mention\s+(?:it|this|that)|warn\s+them)\b",
    re.IGNORECASE,
)


# the part of the sentence before a clause: after the last full stop or line break, up to a ";" or ":" (≤ 200 chars)
_SAME_SENTENCE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?\n]))[ \t\-*•]*(?P<said>[^.!?\n]{10,200}(?:[;:]|" + _POINTS_BACK.pattern + r"\s+and))\s*$",
    re.IGNORECASE,
)


_POINTS_BACK_AND = re.compile(_POINTS_BACK.pattern + r"\s+and$", re.IGNORECASE)


_POINTS_BACK_INSIDE = re.compile(r"[;:,]" + _POINTS_BACK.pattern, re.IGNORECASE)


def clause_constraints(field: Field, clause: Clause, lead: str = "") -> list[Constraint]:
    """Every constraint one clause states: the typed readers first, then rules (ordering, prohibition, must).
    `lead` is the condition of the list item the clause belongs to, read as the clause's own opening."""
    text, offset = (
        (lead + clause.text[:1].lower() + clause.text[1:], clause.start) if lead else (clause.text, clause.start)
    )
    shift = len(lead)

    def span(start: int, end: int) -> BriefSpan:
        return field.span(offset + max(0, start - shift), offset + max(0, end - shift))

    def plain_span(start: int, end: int) -> BriefSpan:
        return field.span(offset + start, offset + end)

    # Words to say ('reply "I can't answer from the available tables"') are not instructions themselves.
    unquoted = _unquoted(text)
    out = _typed_constraints(field, clause, text, unquoted, lead, offset, span, plain_span)
    explicit = field.name == "constraints" or (
        field.name == "task" and imperatives.later_instruction(field.text, clause)
    )
    rule_constraints = list(read_rules(unquoted, span, out, explicit=explicit, original=text))
    rule_constraints = _pointing_back(field, clause, text, offset, lead, rule_constraints)
    rule_constraints = _kept_rules(field, text, offset, out, rule_constraints)
    rule_constraints = as_label_definitions(text, rule_constraints)
    out.extend(_collapsed(_with_quotes_restored(c, text)) for c in rule_constraints)
    return _without_routes_of_bans(out)


def _typed_constraints(
    field: Field, clause: Clause, text: str, unquoted: str, lead: str, offset: int, span: Span, plain_span: Span
) -> list[Constraint]:
    """What the typed readers find in a clause (`text` with its lead); a conditioned item's limits and formats are
    the reply's own, its routes and musts stand for the whole sentence."""
    out = [
        constraint
        for reader in _READERS
        # a format or a limit in a conditioned item is the reply's own ("Never use bullet points"): read unled
        for constraint in (reader(text, unquoted, span) if not lead or reader in _LED_READERS else
                           reader(clause.text, _unquoted(clause.text), plain_span))
    ]  # fmt: skip
    if IN_CHARACTER.search(text):
        # "Stay in character, 1-3 sentences per turn": the turns of the scene, not the feedback after it
        out = [
            msgspec.structs.replace(
                c, scope=TURN_SCOPE,
                text=limits.describe_limit(c.unit, c.minimum, c.maximum, c.exact, TURN_SCOPE),
            )
            if c.kind == "limit" and c.scope is None and c.unit in _TURN_UNITS
            else c
            for c in out
        ]  # fmt: skip
    if lead.strip() in _BAN_LEADS:
        # "Never:\n- ask for their date of birth or home address": details not to ask for, none to collect
        out = [c for c in out if not (c.kind == "fields" and c.value == "collect")]
    if lead:
        # read under its item's condition, each constraint stands for the whole sentence
        sentence = field.span(offset, offset + len(clause.text.rstrip()))
        out = [msgspec.structs.replace(c, span=sentence) if c.kind in ("fallback", "requirement") else c for c in out]
    return out


def _pointing_back(
    field: Field, clause: Clause, text: str, offset: int, lead: str, rule_constraints: list[Constraint]
) -> list[Constraint]:
    """An ordering whose step points back to what its sentence said before ("tell them that") says it whole."""
    ordered = not lead and any(c.kind == "ordering" for c in rule_constraints)
    # (a window before the clause, not the whole field: this runs for every clause of a long brief)
    window = max(0, offset - 240)
    prior = _SAME_SENTENCE_BEFORE.search(field.text, window, offset) if ordered else None
    points_back = prior is not None and (
        _POINTS_BACK.match(text) is not None or _POINTS_BACK_AND.search(prior.group("said")) is not None
    )
    inside = ordered and _POINTS_BACK_INSIDE.search(text) is not None
    if (points_back or inside) and is_english(text):
        # "Cancelling less than 24 hours before the slot costs a $35 fee: tell them that and get a clear yes before
        # calling cancel_appointment": "that" is the fee; cut from it, the order would say nothing to tell
        begin = prior.start("said") if points_back and prior is not None else offset
        end = offset + len(clause.text.rstrip())
        said = " ".join(field.text[begin:end].split())
        rule_constraints = [
            msgspec.structs.replace(
                c, text=sentence_case(said if said.endswith(".") else said + "."), span=field.span(begin, end)
            )
            if c.kind == "ordering"
            else c
            for c in rule_constraints
        ]
    return rule_constraints


# A list of cases, then an arrow to what they get ("gas smell, no hot water, sparking sockets -> always P1"): two
# comma items or more before the arrow
_CASE_LIST_ARROW = re.compile(r"^[^.;:\n]*,[^.;:\n]*?(?=\s*(?:->|→|=>)\s*\S)")
# ("never give medical advice, don't diagnose -> say …": a list of bans, each a ban)
_BAN_FIRST = re.compile(r"\W*(?:never|don'?t|do\s+not|no|not|avoid)\b", re.IGNORECASE)


def _kept_rules(
    field: Field, text: str, offset: int, out: list[Constraint], rule_constraints: list[Constraint]
) -> list[Constraint]:
    """The rules that stay beside the typed constraints: none inside an exact reply's words, no ban cut from a
    crisis instruction kept whole, no rewording of an order the brief's sentence already states."""
    if _continues_exact_reply(field.text, offset):
        rule_constraints = []  # "reply exactly: LGTM — no blocking issues": the reply's own words, no prohibition
    elif _EXACT_REPLY.search(text) and not re.search(r"[.!?。！？][\"”»']*\s*$", text):
        rule_constraints = []  # its first clause: cut at the dash, the rule would misquote the reply
    tail = text.strip().rstrip(".")[-30:]
    kept_whole = [c for c in out if c.kind == "fallback" and c.condition and len(tail) == 30 and tail in c.text]
    if kept_whole and (cond_at := text.find(kept_whole[0].condition or "")) >= 0:
        # The brief's own crisis instruction is kept whole ("…, not touch switches and call …"); a prohibition
        # cut from its middle would garble it. One stated before the condition stays.
        rule_constraints = [
            c for c in rule_constraints if c.kind != "prohibition" or c.span is None or c.span.start < offset + cond_at
        ]
    arrow = _CASE_LIST_ARROW.search(text)
    if arrow is not None and not _BAN_FIRST.match(text):
        # "smell of gas, no heating where there's someone over 75, sparking sockets -> always P1": an item of the
        # case list before the arrow names a case ("no heating"), it forbids nothing
        rule_constraints = [
            c
            for c in rule_constraints
            if c.kind != "prohibition" or c.span is None or c.span.end > offset + arrow.end()
        ]
    whole = {c.text for c in out if c.scope == "the part this sentence names"}
    if whole:
        # The brief's own sentence is already a rule ("Exactly 5 bullets, then a one-line "Guidance:" line"): a
        # rewording of its order beside it would say the same thing twice, less well.
        rule_constraints = [c for c in rule_constraints if c.kind != "ordering" or c.text in whole]
    return rule_constraints


def _without_routes_of_bans(found: list[Constraint]) -> list[Constraint]:
    """ "dont take orders in the chat, send ppl to baodown.co/order": a contact given as the alternative to what a
    prohibition forbids is that case's route, which the prohibition carries; as the general fallback it would send
    every question the assistant cannot answer to the order page."""
    bans = [
        c for c in found
        if c.kind == "prohibition" and c.span is not None and c.span.text
        and (
            re.match(r"(?:do\s+not|don'?t|dont|never|no)\b", c.span.text.strip(), re.IGNORECASE)
            if is_english(c.span.text) else ALTERNATIVE_ROUTE.match(c.span.text) is not None
        )
    ]  # fmt: skip

    def carried(c: Constraint) -> bool:
        return any(
            c.span is not None and ban.span is not None and ban.span.start <= c.span.start
            and c.span.end <= ban.span.end and (c.value or "") in ban.text
            for ban in bans
        )  # fmt: skip

    return [c for c in found if not (c.kind == "fallback" and c.condition is None and c.value and carried(c))]


def _collapsed(constraint: Constraint) -> Constraint:
    """A rule without the run of spaces a joined wrapped line leaves ("through the   website")."""
    if "  " not in constraint.text:
        return constraint
    text = re.sub(r"[ \t]{2,}", " ", constraint.text)
    value = re.sub(r"[ \t]{2,}", " ", constraint.value) if constraint.value is not None else None
    return msgspec.structs.replace(constraint, text=text, value=value)


def _with_quotes_restored(constraint: Constraint, original: str) -> Constraint:
    """Rules are read with quoted words blanked (a quote negates nothing); their text gets the quotes back, so
    "say 'I've escalated this'" does not become "say '                   '"."""
    text, value = constraint.text, constraint.value
    first, then = constraint.first, constraint.then  # (an ordering's steps: "then a short 'What I changed' list")
    for match in _QUOTED.finditer(original):
        quoted = match.group(0)
        blanked = quoted[0] + " " * (len(quoted) - 2) + quoted[-1]
        text = text.replace(blanked, quoted, 1)
        value = value.replace(blanked, quoted, 1) if value is not None else None
        first = first.replace(blanked, quoted, 1) if first is not None else None
        then = then.replace(blanked, quoted, 1) if then is not None else None
    if (first, then) != (constraint.first, constraint.then):
        constraint = msgspec.structs.replace(constraint, first=first, then=then)
    if text == constraint.text and value == constraint.value:
        return constraint
    # A blanked quote got a full stop after it; the restored one may end its own sentence ('… at any time."').
    text = _DOUBLE_STOP.sub(r"\1", text)
    value = _DOUBLE_STOP.sub(r"\1", value) if value is not None else None
    return msgspec.structs.replace(constraint, text=text, value=value)


_DOUBLE_STOP = re.compile(r"([.!?。][\"”»'’」])\.$")

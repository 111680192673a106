"""Rules that only make sense with the sentence before them.

"Emergencies come first: trouble breathing, suspected poisoning, … Don't book anything. Tell them to call (503)
555-0142": read one sentence at a time, "Do not book anything." forbids the assistant's own job and the emergency
number becomes the route for every case. A sentence that points back ("that message", "Say: …", "If not, …",
"… instead") is one rule with the sentence it points to: that sentence's condition, or the sentence itself
when it states no rule of its own, goes with it. English only: other languages keep their sentences as read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import msgspec

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.clauses import Clause
from app.engine.constraints.fallback_cases import colon_case
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.model import Constraint
from app.engine.constraints.sentence_case import sentence_case

# What points back to the sentence before: "in that message", 'Say: "…"', "Don't book anything", "If not, …",
# "…, instead."
_POINTS_BACK = re.compile(
    r"\b(?:that|these|those|such)\s+(?:messages?|repl(?:y|ies)|cases?|situations?|moments?)\b|"
    r"^\s*(?:say|reply|respond|answer)\s*[:：]\s*[\"“«']|^\s*(?:say|tell\s+them)\s+(?:that|so|this)\s*[,.;]|"
    r"^\s*(?:don'?t|do\s+not|never)\s+[a-z]+\s+(?:anything|it|them|that|this|the\s+[a-z]+)\s*[.!]?\s*$|"
    r"^\s*(?:if\s+(?:so|not)\b|otherwise\b|in\s+that\s+case\b|in\s+which\s+case\b|only\s+then\b|then\b)|"
    # "If it's older, …", "If the visit was longer, …": a comparison with what the sentence before stated
    r"^\s*if\b[^,.;:]{0,50}?(?:\b(?:is|are|was|were)|'s|'re)\s+(?:\w+\s+)?(?:older|newer|longer|shorter|earlier|later|"
    r"higher|lower|bigger|larger|smaller|more|less|fewer)\s*,|"
    r",?\s+instead\s*[.!]?\s*$",
    re.IGNORECASE,
)
# After a sentence that points back, the next instruction on the same line goes on with it ("… Don't book anything.
# Tell them to call … straight away").
_GOES_ON = re.compile(
    r"\s*(?:then\s+)?(?:tell|ask|send|call|ring|direct|point|urge|advise)\b[^.!?]*\b(?:now|straight\s+away|"
    r"immediately|right\s+away|urgently|at\s+once)\b",
    re.IGNORECASE,
)
# "…, do not book. Give our emergency line (813) 555-0188": after a case's own rule, the contact to give goes with it
# ("If someone is in danger: 999 first. You can also give them the victim support line 116 006": an added route)
_ROUTE_GIVEN = re.compile(
    r"\s*(?:then\s+|instead\s*,?\s*|and\s+)?(?:(?:you|it|they)\s+(?:can|may|could|should)\s+)?(?:also\s+)?"
    r"(?:give|share|provide|pass\s+on|mention)\s+(?:them\s+)?(?:our|the|this|that)\b"
    # ("116 006": a short service number counts, 6 characters and up)
    r"[^.!?]*?(?:\(\d{2,4}\)|\+?\d[\d\s().-]{4,}\d|@|https?://|\b(?:hotline|helpline|emergency\s+line|phone\s+number)\b)",
    re.IGNORECASE,
)
# What goes on with a rule of its own ("Trips must be booked 2 days ahead. Anything sooner -> …", "… 25 miles. Further
# than that -> …", "… we never guarantee the time. Say that every time it's a hospital trip"): the case or the order
# is the rule's, said again with a comparison or "that"
CONTINUES_RULE = re.compile(
    r"^\s*(?:(?:anything|any\s+\w+|everything|anyone|trips?|orders?|bookings?)\s+(?:sooner|earlier|later|longer|shorter|"
    r"further|farther|more|less|fewer|bigger|larger|smaller|older|younger|higher|lower|closer)\b|"
    r"(?:sooner|earlier|later|longer|shorter|further|farther|more|less|fewer|bigger|larger|smaller|older|younger|"
    r"higher|lower|closer|over|under|above|below|beyond)\s+than\s+(?:that|this|those|these)\b|"
    r"(?:say|tell\s+them|repeat|mention)\s+(?:that|this|it)\s+(?:every\s+time|each\s+time|always|whenever|when)\b)",
    re.IGNORECASE,
)
_THEN = re.compile(r"\s*(?:only\s+)?then\b", re.IGNORECASE)
_EVERY_CASE = re.compile(r"\b(?:every|each|all|always|any)\b", re.IGNORECASE)
_OTHER_CASE = re.compile(r"\s*(?:otherwise|if\s+not)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|don'?t|doesn'?t|won'?t|can'?t|avoid)\b|n't\b", re.IGNORECASE)
_OWN_CONDITION = re.compile(r"\s*(?:if|when|whenever|unless|for|only)\b", re.IGNORECASE)
_RULE_KINDS = frozenset({"requirement", "prohibition", "ordering"})


class ReadClause(NamedTuple):
    """One clause of a field, the constraints read from it, and whether it was read under its item's condition."""

    clause: Clause
    found: list[Constraint]
    led: bool


def _condition(found: Sequence[Constraint], rules_if: bool = False) -> str | None:
    """The condition a sentence's own rule holds under ("If they mention a swollen battery, …", "Gas smell or CO alarm
    going off: don't book anything."), if it states one; with `rules_if`, also a ban's or an order's own leading
    "if" clause (for the contact the next sentence gives in that case)."""
    for constraint in found:
        if constraint.kind == "fallback" and constraint.condition:
            return constraint.condition
    for constraint in found:
        if constraint.kind in ("prohibition", "requirement") and (case := colon_case(constraint.text)):
            return case
    if not rules_if:
        return None
    for constraint in found:
        # "Wildlife: if the animal is inside … or anyone was bitten, do not book.": the rule's own "if" clause
        leading = _LEADING_IF.match(constraint.text) if constraint.kind in ("prohibition", "requirement") else None
        if leading is not None:
            condition = leading.group("condition")
            return condition[:1].upper() + condition[1:]
    return None


_A_CASE = re.compile(r"\b(?:if|when|whenever|unless)\b", re.IGNORECASE)
_LEADING_IF = re.compile(
    r"\s*(?:[^:.;\n]{1,40}:\s*)?(?P<condition>(?:if|when|whenever)\b[^,.;:]{3,200}?(?:\([^()]{1,60}\)[^,.;:]{0,120}?)?),\s+"
    r"(?=[a-z])",
    re.IGNORECASE,
)


def _stands_alone(found: Sequence[Constraint]) -> bool:
    """Whether a sentence says something of its own that a later sentence cannot lean on: anything read from it but a
    conditioned route (a rule, a limit, a label set)."""
    return bool(found) and _condition(found, rules_if=True) is None


def with_antecedents(field: Field, read: Sequence[ReadClause]) -> list[Constraint]:
    """Every constraint of the clauses, with each rule that points back joined to the sentence it points to."""
    if not is_english(field.text):
        return [c for item in read for c in item.found]
    out: list[Constraint] = []
    index = 0
    while index < len(read):
        chain_end = _chain_end(field.text, read, index)
        if chain_end == index:
            out.extend(read[index].found)
            index += 1
            continue
        out.extend(_joined(field, read[index], read[index + 1 : chain_end + 1]))
        index = chain_end + 1
    return out


def _leans_back(sentence: str) -> bool:
    """Whether a sentence points back to the one before it (not to its own first half: "If someone describes an
    overdose, …, and says nothing else in that reply", "never use XLOOKUP; use INDEX/MATCH instead")."""
    found = _POINTS_BACK.search(sentence)
    if found is None or found.start() == 0:
        return found is not None
    if "instead" in found.group(0).lower() and _NEGATION.search(sentence, 0, found.start()):
        return False
    if re.search(r"[,;:]", sentence[: found.start()]):
        return False  # "We also get a lot of spam, so ignore those messages": the spam is in the sentence itself
    return not _OWN_CONDITION.match(sentence)


def _same_item(text: str, before: Clause, after: Clause, strong: bool) -> bool:
    """Whether two clauses belong to one item: no item number between them ("1) … 2) …"), and the same line, or the
    next one when the later clause leans back from its first word ("…: a gas smell, …\nDon't book anything.")."""
    gap = text[before.end : after.start]
    if _ITEM_NUMBER.search(text, max(0, after.start - 4), after.start) or _ITEM_NUMBER.match(after.text):
        return False
    if "\n" not in gap:
        return True
    line_start = text.rfind("\n", 0, before.start) + 1
    return strong and gap.count("\n") == 1 and not _ITEM_NUMBER.match(text[line_start : before.start + 4].lstrip())


_ITEM_NUMBER = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|[-*•])\s*$|^\s*(?:\d{1,2}[.)]|[-*•])\s")


def _chain_end(text: str, read: Sequence[ReadClause], index: int) -> int:
    """The last clause of the run that leans on clause `index` (`index` itself when none does)."""
    anchor = read[index]
    if index + 1 < len(read) and _finishes_case(text, anchor, read[index + 1]):
        return index + 1  # "Reply in Portuguese if they write in Portuguese; if not, English."
    if anchor.clause.text.rstrip().endswith((":", "：")):
        return index  # a heading: nothing after it needs it
    if _stands_alone(anchor.found):
        # a rule of its own: only what goes on with it ("Anything sooner -> …", "Say that every time …") needs it
        return _rule_goes_on(text, read, index)
    end = index
    while end + 1 < len(read):
        following = read[end + 1]
        leans = _leans_back(following.clause.text)
        if leans and _THEN.match(following.clause.text) and any(c.kind == "ordering" for c in following.found):
            leans = False  # "… first. Then run_remote_diagnostic before create_fault_ticket": an order of its own
        strong = leans and end == index and _POINTS_BACK.match(following.clause.text) is not None
        # (a sentence read under its list item's condition says it already, unless nothing was read from it)
        if (following.led and following.found) or not _same_item(text, read[end].clause, following.clause, strong):
            break
        if leans and _OTHER_CASE.match(following.clause.text) and _condition(anchor.found) is not None:
            break  # "If they mention chest pain: … Otherwise, …": the other case, not the same one
        # (after a case's own rule, its urgent route goes on with it: "…: don't book anything. Tell them to … now")
        conditioned = _condition(anchor.found) is not None
        # ("…, do not book. Give our emergency line …", not "… Give them our email at the end of every conversation")
        route_given = (
            end == index
            and _condition(anchor.found, rules_if=True) is not None
            and _ROUTE_GIVEN.match(following.clause.text) is not None
            and not _EVERY_CASE.search(following.clause.text)
        )
        goes_on = ((end > index or conditioned) and _GOES_ON.match(following.clause.text) is not None) or route_given
        if not (leans or goes_on) or (not leans and _OWN_CONDITION.match(following.clause.text)):
            break
        end += 1
    return end


def _rule_goes_on(text: str, read: Sequence[ReadClause], index: int) -> int:
    """The last clause that goes on with the rule of clause `index` on the same item (`index` when none does)."""
    end = index
    while end + 1 < len(read) and _same_item(text, read[end].clause, read[end + 1].clause, False):
        following = read[end + 1]
        if following.led or not (
            CONTINUES_RULE.match(following.clause.text) or (end > index and _leans_back(following.clause.text))
        ):
            break
        end += 1
    return end


def _case_rules(anchor: ReadClause) -> list[Constraint]:
    return [c for c in anchor.found if c.kind in ("requirement", "prohibition") and _A_CASE.search(c.text)]


def _finishes_case(text: str, anchor: ReadClause, following: ReadClause) -> bool:
    """Whether `following` is the other case of the anchor's one conditional rule, on the same line ("…; if not,
    English.", "… Otherwise reply in English.")."""
    return (
        _OTHER_CASE.match(following.clause.text) is not None
        and len(_case_rules(anchor)) == 1
        and "\n" not in text[anchor.clause.end : following.clause.start]
        and all(c.kind in (*_RULE_KINDS, "language") for c in following.found)
    )


def _other_case_of_rule(
    field: Field, anchor: ReadClause, chain: Sequence[ReadClause], said: str
) -> list[Constraint] | None:
    """ "If they write in Dutch, answer in Dutch; otherwise English.": the "otherwise" finishes the anchor's own "if"
    rule (one rule with both cases), it is no rule under the anchor's condition."""
    # (the other case's language, "Otherwise reply in English.", is said by the rule: no language for every reply)
    if len(chain) != 1 or not _finishes_case(field.text, anchor, chain[0]):
        return None
    rule = _case_rules(anchor)[0]
    joined = " ".join(anchor.clause.text.split()).rstrip(" .;,")
    text = sentence_case(f"{joined}; {said[:1].lower()}{said[1:]}")
    if not text.endswith((".", "!", "?")):
        text += "."
    span = field.span(anchor.clause.start, chain[-1].clause.start + len(chain[-1].clause.text.rstrip()))
    combined = msgspec.structs.replace(rule, text=text, value=text, span=span)
    return [combined if c is rule else c for c in anchor.found]


# 'Say: "Use the dial or say 'Hey Kettle, start' to do that."': a sentence that is only the words to reply
_BARE_SAY = re.compile(
    r"^\s*(?:say|reply|respond|answer)\s*[:：]\s*[\"“«](?P<say>[^\"”»\n]{3,300})[\"”»]\s*[.!]?\s*$", re.IGNORECASE
)


def _with_bare_replies(field: Field, chain: Sequence[ReadClause]) -> list[ReadClause]:
    """The chain with each sentence that is only the words to reply read as that reply ("If they ask you to preheat,
    …, don't pretend you did it. Say: "…""): the fixed reply of the case the sentence before names, not a rule."""
    out: list[ReadClause] = []
    for item in chain:
        said = _BARE_SAY.match(item.clause.text)
        if said is None or any(c.kind == "fallback" for c in item.found):
            out.append(item)
            continue
        words = said.group("say").strip()
        span = field.span(item.clause.start + said.start("say"), item.clause.start + said.end("say"))
        route = Constraint(kind="fallback", text=f'Reply exactly: "{words}"', span=span, action="say", value=words)
        out.append(item._replace(found=[route, *(c for c in item.found if c.kind not in _RULE_KINDS)]))
    return out


def _joined(field: Field, anchor: ReadClause, chain: Sequence[ReadClause]) -> list[Constraint]:
    """The anchor's constraints, then the chain's with their rules and routes said under the anchor."""
    condition = _condition(anchor.found, rules_if=True)
    chain = _with_bare_replies(field, chain)
    found = [c for item in chain for c in item.found]
    said = " ".join(" ".join(item.clause.text.split()) for item in chain)
    other_case = _other_case_of_rule(field, anchor, chain, said)
    if other_case is not None:
        return other_case
    if _stands_alone(anchor.found) and CONTINUES_RULE.match(chain[0].clause.text):
        return _rule_with_sequel(field, anchor, chain, said)
    if not found and condition is None:
        return [*anchor.found]  # sentences read as nothing: whether they are a rule is the plan's to say
    if condition is not None:
        # "If they mention a swollen battery …: stop charging it … No booking talk in that message."
        text = sentence_case(f"{condition.rstrip(' ,:')}: {said[:1].lower()}{said[1:]}")
        start = chain[0].clause.start
    else:
        # "Emergencies come first: trouble breathing, … Don't book anything.": the sentence is the condition
        condition = " ".join(anchor.clause.text.split()).rstrip(".")
        text = sentence_case(f"{' '.join(anchor.clause.text.split())} {said}")
        start = anchor.clause.start
        if any(c.kind == "fallback" and not c.condition for c in found):
            # a route said in the guardrails must read as its case, not as what to do when unsure
            text = sentence_case(f"In this case ({condition}): {said[:1].lower()}{said[1:]}")
    span = field.span(start, chain[-1].clause.start + len(chain[-1].clause.text.rstrip()))
    routes = [
        msgspec.structs.replace(c, text=text if i == 0 else c.text, condition=condition, span=span)
        for i, c in enumerate(c for c in found if c.kind == "fallback" and not c.condition)
    ]
    kept = [c for c in found if c.kind not in _RULE_KINDS and not (c.kind == "fallback" and not c.condition)]
    # one constraint says the whole run: its route when it gives one, else one rule
    rules = [c for c in found if c.kind in ("requirement", "prohibition")]
    banned = bool(rules) and all(c.kind == "prohibition" for c in rules)
    said_by = routes[:1] or [
        Constraint(kind="prohibition" if banned else "requirement", text=text, span=span, value=text)
    ]
    return [*anchor.found, *said_by, *routes[1:], *kept]


def _rule_with_sequel(field: Field, anchor: ReadClause, chain: Sequence[ReadClause], said: str) -> list[Constraint]:
    """A rule of its own with the sentences that go on with it ("Trips must be booked 2 days ahead. Anything sooner ->
    leave_message. Do not promise the trip."): one rule, the anchor's first, said whole."""
    rules = [c for c in anchor.found if c.kind in ("requirement", "prohibition")]
    if not rules:
        return [*anchor.found, *(c for item in chain for c in item.found)]
    pieces = [" ".join(item.clause.text.split()) for item in chain]
    said = " ".join(piece[:1].upper() + piece[1:] for piece in pieces)
    text = sentence_case(f"{' '.join(anchor.clause.text.split())} {said}")
    if not text.endswith((".", "!", "?")):
        text += "."
    span = field.span(anchor.clause.start, chain[-1].clause.start + len(chain[-1].clause.text.rstrip()))
    whole = msgspec.structs.replace(rules[0], text=text, value=text, span=span)
    kept = [c for item in chain for c in item.found if c.kind not in _RULE_KINDS]
    return [whole if c is rules[0] else c for c in anchor.found] + kept

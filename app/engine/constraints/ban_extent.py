"""Where an English ban starts (its cue, `PROHIBITION_EN`) and where it ends: its segment, with the items of a
list joined to the cue by commas ("don't mention price, discounts or stock")."""

from __future__ import annotations

import re
from typing import Literal

from app.engine.constraints.people import tone_contrast

PROHIBITION_EN = re.compile(
    r"(?:^|(?<=[,:;(]\s)|(?<=[,:;(])|(?<=\s[-–—]\s)|(?<=\band\s)|(?<=\bbut\s)|\b(?:you|it|assistant|bot|agent|model|we|i(?=\s+(?:don'?t|do\s+not)\s+(?:want|wish|like)\b))\s+)"
    r"(?:please\s+)?(?:must\s+|should\s+|will\s+)?"
    r"(?P<cue>never(?:\s+ever)?|don'?t(?:\s+ever)?|do\s+not|does\s+not|must\s+not|mustn'?t|should\s+not|shouldn'?t|"
    r"cannot|can'?t|may\s+not|avoid|refrain\s+from|under\s+no\s+circumstances(?:\s+should\s+you)?|"
    # "no questions asked", "no matter what", "no later than": idioms that forbid nothing
    # "no need to cite" permits; it forbids nothing either
    # "Format, no exceptions:" stresses the rule around it; it forbids nothing itself
    r"no(?!-)(?!\s+exceptions?\s*(?:[.,:;!)]|$))(?!\s+(?:questions\s+asked|matter|problem|worries|doubt|need|longer|later|earlier|more\s+than|less\s+than|"
    # Portuguese "no máximo 12 parcelas", "no mínimo", "no caso de": "in the", not "no"
    r"fewer\s+than|sooner|m[áa]ximo|m[íi]nimo|caso|final|in[íi]cio|momento|geral|entanto|mesmo|lugar)\b)|without|"
    # "Nothing happens until X" states a precondition, with "nothing" as its subject: the sentence is the rule
    r"nothing(?!\s+(?:else|but|more|to|is|was|at\s+all|happens|gets|goes|will|should|can|may|until|before)\b)|"
    r"not(?!\s+(?:only|just|merely)\b))\b\s*"
    r"(?=\S)",
    re.IGNORECASE,
)


def closing_aside(text: str, position: int) -> bool:
    """Whether the bracket holding `position` closes the clause: nothing but an end mark follows it."""
    close = next((i for i in range(position, len(text)) if text[i] in ")）"), -1)
    return close >= 0 and not text[close + 1 :].strip(" \t.。!！?？")


# The cue is one "no" of a list of them ("no composer, no framework, …"): it governs its own item only.
_NO_LIST_BEFORE = re.compile(r"\bno\s+[\w-]+(?:\s+[\w-]+)?\s*,\s*$", re.IGNORECASE)


VERB_START = re.compile(
    r"(?:end|start|begin|keep|use|be|write|reply|respond|answer|make|give|always|include|add|say|ask|mention|offer|"
    r"stay|focus|finish|close|open|explain|cite|link|sign|tell|let|try|show|list|return|output|talk|speak|sound|act|"
    r"sound|treat|call|point|suggest|encourage|remind|check|greet|thank)\b",
    re.IGNORECASE,
)


# A comma item that says what the reply is like ("plain everyday words", "friendly tone", "short answers") is a spec of
# its own after a telegraphic ban, never one more thing banned
_QUALITY_ITEM = re.compile(
    r"(?:(?:plain|simple|short|shorter|clear|friendly|warm|everyday|concise|brief|calm|kind|gentle|polite|complete|"
    r"full)\s+)+(?:[\w-]+\s+)?(?:words|language|tone|sentences|answers|replies|english|spelling|style|voice)\s*"
    r"(?:only\s*)?(?:\([^)]*\)\s*)?[.!]?$",
    re.IGNORECASE,
)


def _instead_noun(item: str) -> bool:
    """Whether a comma item is what the reply has instead ("just plain text", "instead prose"), not a thing to do
    ("just write 'personal circumstances'", which stays with the rule it follows)."""
    turn = re.match(r"(?:just|instead|rather)\s+(?P<rest>\S.*)", item, re.IGNORECASE)
    return turn is not None and not VERB_START.match(turn["rest"])


_SEGMENT_END = re.compile(
    # (a colon between digits is a time: "never before 09:30")
    r"[,;()]|(?<!\d):|:(?!\d)|\s(?:--|[-–—])\s|\s(?:and|but|then|so)\s+(?=(?:always|never|don'?t|do|avoid|use|keep|be|say)\b)|$"
)


# "use a credit card or borrow from family to pay": a verb phrase, then "or" and a second verb with its object,
# closing a list of things done (never "use plain text or simple dashes", whose "or" joins two nouns, nor "tell them to
# see a GP or call the clinic", an instruction to the assistant)
_VERB_LIST_LAST = re.compile(
    r"(?!(?:just|only|simply|instead|rather|please|but|and|then|so|tell|say|ask|refer|suggest|recommend|point|send|"
    r"direct|offer|hand|pass|escalate|invite|encourage|advise|explain|let|give)\b)[a-z]+\s[^,;:.!?()]{2,60}?\s+or\s+[a-z]+"
    r"(?<!ing)\s+(?:a|an|the|from|with|for|into|out|up|it|them|their|your|his|her|any|some|more|less|money|"
    r"on\s+(?:credit|finance|loan))\b[^,;:!?()]{0,60}$",
    re.IGNORECASE,
)


# "never …, or tell …", "don't …, or ask …": a cue that bans verbs, so a verb after the list's "or" is banned too
# ' - say "Nearly!"', '; instead say "Let me check"', ', but write "paused"': what to say in place of the banned words
_SAY_INSTEAD = re.compile(
    r"\s*(?:\s[-–—]|[;,:]|\.)?\s*(?:but\s+|instead\s*,?\s+|rather\s+)?(?:say|write|use|call\s+it)\s+(?:instead\s+)?"
    r"(?:[\"“][^\"“”\n]{1,160}[\"”]|'[^'\n]{1,160}'(?!\w))(?:\s+instead)?",
    re.IGNORECASE,
)
_BANNED_VERB_CUE = re.compile(r"never(?:\s+ever)?|don'?t(?:\s+ever)?|do\s+not|must\s+not|should\s+not", re.I)


# "Never diagnose a pet, or tell the owner to call the clinic": a verb after "or" that sends the person somewhere is
# what to do instead (a route), not one more thing the ban covers
_OR_ROUTE = (
    r"(?:tell|ask|advise|invite|encourage|get)\s+(?:[\w'’-]+\s+){1,3}?to\s+(?:call|ring|phone|contact|e-?mail|text|"
    r"visit|see|speak|talk|reach|get\s+in\s+touch|go\s+to|come\s+in|book|write)\b|"
    r"(?:send|refer|direct|point|pass|forward|transfer|redirect|route)\s+(?:[\w'’-]+\s+){1,3}?(?:to|towards?|on)\b|"
    r"give\s+(?:[\w'’-]+\s+){1,4}?(?:line|number|e-?mail(?:\s+address)?|address|contact|phone|link|details|hotline|"
    r"helpline)\b"
)


_OR_VERB_TAIL = re.compile(
    # ("…, or to stroke or feed a stray, even a friendly one": the infinitive the ban's "tell them to" shares, and
    # the qualifier that closes it)
    rf",\s*(?:or(?!\s+(?:{_OR_ROUTE}))|nor)\s+(?:to\s+)?(?=(?:tell|say|give|offer|suggest|promise|recommend|add|change|ask|"
    r"let|make|share|send|quote|confirm|agree|book|move|put|advise|use|touch|pick|go|approach|feed|handle|take|eat|"
    r"drink|enter|climb|open|try|buy|sell|leave|lift|hold|swim|walk|drive|stop|skip|pay|sign|delete|post)\b)"
    r"[^,;:.!?()]{3,120}(?:,\s*(?:even|especially|including|not\s+even|whatever|however)\b[^,;:.!?()]{1,60})?"
    r"(?=[.;!?]?\s*$)",
    re.IGNORECASE,
)


_OWN_VERB = re.compile(
    r"\b(?:is|are|was|were|stays?|remains?|has|have|gets?|must|should|can|will|keeps?|looks?|sounds?|feels?)\b", re.I
)


_Verdict = Literal["take", "last", "stop"]


def ban_end(stripped: str, match: re.Match[str]) -> int:
    """Where the ban whose cue `match` found ends: its segment, the items a comma list adds to it, a closing aside
    that names its source, and a verb after the list's last "or"."""
    end_match = _SEGMENT_END.search(stripped, match.end("cue"))
    end = end_match.start() if end_match else len(stripped)
    # Items joined by commas stay with their cue: "don't mention price, discounts or stock".
    while end_match and end_match.group(0) == "," and not PROHIBITION_EN.match(stripped[end + 1 :].lstrip()):
        following = _SEGMENT_END.search(stripped, end + 1)
        next_end = following.start() if following else len(stripped)
        verdict = _list_item(stripped, match, end, next_end, following)
        if verdict != "stop":
            end, end_match = next_end, following
        if verdict != "take":
            break
    if end_match is not None and end_match.group(0) == "(" and closing_aside(stripped, end + 1):
        # "Never link drinking to driving or sport (Portman Group code).": the closing aside names the rule's
        # source or reason; the ban keeps it
        end = stripped.index(")", end) + 1
    instead = _SAY_INSTEAD.match(stripped, end)
    if instead is not None and re.match(r"\s*(?:ever\s+)?(?:say|write|use|call)\b", stripped[match.end("cue") :], re.I):
        # "Never say "wrong" - say "Nearly! Let's try again."": the words to say instead are the ban's other half
        return instead.end()
    last_verb = _OR_VERB_TAIL.match(stripped, end)
    if last_verb is not None and _BANNED_VERB_CUE.fullmatch(match.group("cue")):
        # "Never add, remove or change an exercise, the number of reps or sets, or tell someone to move up a
        # stage": the ban covers the verb after the list's last "or" too, however long its object
        end = last_verb.end()
    return end


def _list_item(
    stripped: str, match: re.Match[str], end: int, next_end: int, following: re.Match[str] | None
) -> _Verdict:
    """Whether the comma item after `end` is one more thing the ban covers ("take"), the list's last one ("last"),
    or no part of the ban ("stop")."""
    item = stripped[end + 1 : next_end].strip()
    segment = stripped[match.end("cue") : end]
    bare_verb = len(segment.split()) == 1 or re.search(r"\bto\s+[a-z]+$", segment) is not None
    if (
        bare_verb
        and (VERB_START.match(item) or re.match(r"[a-z]+\s+(?:or|and)\s+[a-z]+\b", item))
        and re.search(r"\s(?:or|and)\s", item)
        and not re.search(r"\d", item)
    ):
        # "Never change, add or stop a medication dose", "never advise them to destroy, harvest or replant the
        # crop": verbs that share the object after the last one
        return "take"
    if (
        _BANNED_VERB_CUE.fullmatch(match.group("cue"))
        and _VERB_LIST_LAST.match(item)
        and (following is None or following.group(0) != ",")
    ):
        # "never tell them to take out a loan, use a credit card or borrow from family": the verb phrases
        # after the comma are the banned list's last items ("A, B or C"), not what to do instead
        return "last"
    if _instead_noun(item):
        return "stop"  # "no markdown, just plain text": what comes instead is no item of the list
    if tone_contrast(item):
        return "stop"  # "no bullet lists, warm but not gushing": the reply's tone, bounded by its contrast, no item
    if _QUALITY_ITEM.match(item) and not re.search(r"\s(?:or|and)\s", item):
        return "stop"  # "no bullet points, plain everyday words", "no jargon, friendly tone": what the reply is instead
    serial = re.match(r"(?:or|and)\s+(?P<last>.+)$", item, re.IGNORECASE)
    if (
        serial is not None
        and (following is None or following.group(0) != ",")
        and len(item.split()) <= 7
        and not re.search(r"\d", item)
        and (item[:2].lower() == "or" or not VERB_START.match(serial.group("last")))
        # ("…, and just return the edited paragraph": what to do instead, not one more thing to avoid)
        and not re.match(r"(?:just|only|simply|always|instead|rather|also|please)\b", serial.group("last"), re.I)
    ):
        # the serial comma: "take a loan, refinance, or skip a payment", "price, discounts, and stock"
        return "last"
    if re.search(r"\d|^(?:and|but|or|so|then)\b", item, re.IGNORECASE) or VERB_START.match(item):
        return "stop"
    if _OWN_VERB.search(item):
        return "stop"  # "no swearing, no violence, dragons are friendly": a clause of its own, not an item
    if match.group("cue").lower() == "no" and _NO_LIST_BEFORE.search(stripped[: match.start("cue")]):
        return "stop"  # "no composer, no framework, raw mysqli": each "no" says its own item; "raw mysqli" is kept
    if len(item.split()) > 4:
        # "discounts, pricing or delivery dates that aren't in the notes": the list's last item may carry
        # a qualifier that covers the whole list; anything longer or without "or"/"and" is a new clause.
        if len(item.split()) <= 12 and re.search(r"\s(?:or|and)\s", item):
            return "last"
        return "stop"
    return "take"

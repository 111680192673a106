"""A "not" or "no" whose sentence says more than a thing to avoid: who the assistant is for ("not for beginners"),
what a text is ("Not intended as legal advice"), a contrast that defines the thing before it ("the number randomised,
not the number analysed"). The sentence itself is the rule then, or it forbids nothing."""

from __future__ import annotations

import re

from app.engine.constraints.ban_wording import ADJECTIVE
from app.engine.constraints.found_rules import FoundRule
from app.engine.constraints.sentence_case import sentence_case

# "not finance people", "not tech experts": a contrast that says who the readers are
_AUDIENCE_CONTRAST = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:people|persons|folks|experts|specialists|users|staff|professionals|engineers|developers|"
    r"lawyers|doctors|clinicians|nerds|techies|insiders|natives|native\s+speakers)",
    re.IGNORECASE,
)


_SUBJECT_FIRST = re.compile(
    r"(?:everyone|everybody|anyone|anybody|nobody|someone|it|this|that|they|we|he|she|you|all|each|every)\s+"
    r"(?:is|are|was|were|has|have|gets?|needs?|can|will|must|should)\b",
    re.IGNORECASE,
)


# "not aimed at adults", "not meant for professionals", "not for beginners": a negated audience, who the assistant is
# for; "not written for experts" likewise (a participle, then the readers)
_PEOPLE = (
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:adults?|kids|children|teens|teenagers|beginners|novices|experts|professionals|"
    r"specialists|students|pupils|teachers|parents|clinicians|doctors|lawyers|developers|engineers|people|users|"
    r"customers|staff|members|patients|learners|under-\d+s|over-\d+s)\b"
)


_NOT_FOR_WHOM = re.compile(
    rf"(?:(?:[a-z]+ed|meant|written|made|built|suitable|appropriate|fit)\s+(?:at|for|to|towards?)\s+|for\s+){_PEOPLE}",
    re.IGNORECASE,
)


# "intended as legal advice", "designed to replace a doctor": a past participle opening what follows "not" describes
_PARTICIPLE_REST = re.compile(
    r"(?:[a-z]+ed|meant|written|made|built|done|given|known|seen|shown|taken)\s+(?:as|at|for|to|towards?|by|with)\b",
    re.IGNORECASE,
)


def _has_modal(text: str, cue_start: int) -> bool:
    """Whether a modal stands right before "not" ("must not", "should not"): a ban on an action, not a description."""
    return re.search(r"\b(?:must|should|will|do|does|may|can)\s+$", text[:cue_start], re.IGNORECASE) is not None


_FRAGMENT_REST = re.compile(r"(?:in|about|on|at|for|to|with|even|from|by|into|if|when|as|than)\b", re.IGNORECASE)


# "is still SHIPPING,", "counts as a refund request,", "that's P2,": the class, label or score a case gets, before the
# one it does not get
_MAPPED_AS = re.compile(
    r"(?:\b(?:is|are|stays?|remains?)|['’]s)\s+still\s+[^,;]{1,60},\s*$|"
    r"\b(?:counts?|counted|treat(?:ed)?|labell?ed|classif(?:y|ied)|filed?|marked|tagged|scored|graded|goes|go|falls?)"
    r"\s+(?:still\s+)?(?:as|under|in|into|to)\s+[^,;]{1,60},\s*$|"
    r"(?:\b(?:is|are)|['’]s)\s+(?:still\s+)?(?:a\s+|an\s+)?[\"“'‘]?(?-i:[A-Z][A-Z0-9_-]+\b)[\"”'’]?\s*,\s*$",
    re.IGNORECASE,
)


# "That's counseling, not Q&A": what the case a rule before names is, said as a contrast (not "This is legal
# information, not legal advice": what the service is, and so what to avoid; nor "It's friendly, not pushy")
_WHAT_IT_IS = re.compile(
    r"^\s*that(?:['’]s|\s+is|\s+was|\s+would\s+be)\s*[^,;]{1,40},\s*$",
    re.I,
)


# "= null, ", "is 0, ", "use N/A, ": a value named right before a "not …" contrast
_VALUE_BEFORE = re.compile(
    r"(?:=|\bis|\bas|\buse|\bwrite|\bput|\bset\s+to)\s*(?:null|none|0|false|true|n/?a|\"[^\"]*\"|'[^']*'|`[^`]*`|\[\])\s*,\s*$",
    re.IGNORECASE,
)


# "Content counts, not style", "Effort matters, not speed", "what counts is the idea, not the spelling": what weighs,
# said against what does not; the sentence is the rule ("Do not be style." would name nothing)
_WHAT_COUNTS = re.compile(
    r"\b(?:counts?|matters?|wins?|comes?\s+first|is\s+(?:what|all\s+that)\s+(?:counts|matters)|"
    r"(?:is|are)\s+(?:what|all\s+that)\s+(?:counts?|matters?)\b[^,;]{0,60})\s*,\s*$|"
    r"\bwhat\s+(?:counts|matters)\s+is\b[^,;]{1,60},\s*$",
    re.IGNORECASE,
)


def read_contrast(stripped: str, match: re.Match[str], rest: str) -> list[FoundRule] | None:
    """The rule a negation whose sentence is more than a ban states: [] when it forbids nothing, the sentence itself
    as the rule, or None when it is an ordinary ban of `rest`."""
    whole = [FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest)]
    if match.group("cue").lower() == "not" and not _has_modal(stripped, match.start("cue")):
        if _NOT_FOR_WHOM.match(rest):
            return []  # "Not aimed at adults", "not for beginners": who the assistant is for, no action to ban
        if _PARTICIPLE_REST.match(rest):
            # "Not intended as legal advice": what the text is, no action to ban ("Avoid intended as …")
            return whole
    if match.group("cue").lower() == "not" and _WHAT_COUNTS.search(stripped[: match.start("cue")]):
        return _counting_sentence(stripped, match, rest)
    if _FRAGMENT_REST.match(rest) or (_SUBJECT_FIRST.match(rest) and match.group("cue").lower() in ("no", "not")):
        # "not about English", "not everyone is in every scene", "no, not even temporarily": what follows the
        # negation is no thing to avoid; the clause itself is the rule.
        return whole
    modal = re.search(r"\b(?:must|should|will|do|does|may|can)\s+$", stripped[: match.start("cue")], re.IGNORECASE)
    if match.group("cue").lower() == "not" and not modal and _MAPPED_AS.search(stripped[: match.start("cue")]):
        # "a parent who threatens to complain is still BILLING, not LEGAL": where the case goes, whole; "Avoid
        # LEGAL." would forbid the label every other case needs
        return whole
    if (
        match.group("cue").lower() == "not"
        and not modal
        and not ADJECTIVE.fullmatch(rest)
        and re.search(r"\w{3,}[^,]*,\s*$", stripped[: match.start("cue")])
        and re.match(r"(?:the|this|that|these|those|his|her|their|its|our|your)\s", rest, re.IGNORECASE)
    ):
        # "the number randomised, not the number analysed", "goes to volunteers, not the student": a contrast
        # that defines the thing before it; "Avoid the student." would say something else.
        return whole
    if match.group("cue").lower() == "not" and not modal and _WHAT_IT_IS.match(stripped[: match.start("cue")]):
        return []  # "That's counseling, not Q&A": why a rule before holds, nothing to avoid
    if match.group("cue").lower() == "not" and not modal and _AUDIENCE_CONTRAST.fullmatch(rest):
        return []  # "(lots of them shop-floor, not finance people)": who the readers are, nothing to avoid
    if match.group("cue").lower() == "not" and not modal and _VALUE_BEFORE.search(stripped[: match.start("cue")]):
        # "anything not stated = null, not an empty string": the value to write, contrasted with another
        return whole
    return None


def _counting_sentence(stripped: str, match: re.Match[str], rest: str) -> list[FoundRule]:
    """The sentence that holds "X counts, not Y", from its start to the end of Y, as the rule."""
    head = stripped[: match.start("cue")]
    opening = max((m.end() for m in re.finditer(r"[.;:!?]\s", head)), default=0)
    tail = re.match(r"[^.;!?]*", stripped[match.start("cue") :])
    end = match.start("cue") + (len(tail.group(0)) if tail is not None else 0)
    text = stripped[opening:end].strip().rstrip(",")
    return [FoundRule(sentence_case(text), None, None, opening, end, rest)]

"""How an English ban is worded as an imperative: its lead ("Never", "Do not be", "Avoid"), what it forbids in the
assistant's own person, and the alternative it offers ("…; instead, tell them to …")."""

from __future__ import annotations

import re

from app.engine.constraints.found_rules import FoundRule
from app.engine.constraints.sentence_case import sentence_case
from app.engine.phrasing import base_form

_CUE_TEXT = {
    "never": "Never",
    "never ever": "Never",
    "avoid": "Avoid",
    "refrain from": "Never",
    "no": "Avoid",
    "without": "Avoid",
    "nothing": "Avoid anything",
    "not": "Do not",
}


ADJECTIVE = re.compile(r"(?:too\s+|overly\s+|very\s+)?[a-z-]+(?:y|ive|ous|al|ful|ic|ing|ed|less|ish|ant|ent|ble)", re.I)


# "not therapy", "not a pharmacy": nouns in -y, which "Do not be …" would read as adjectives ("Do not be therapy.")
_NOUN_IN_Y = re.compile(
    r"^(?:[a-z-]+\s+)?(?:therapy|pharmacy|agency|charity|company|ministry|authority|library|academy|dictionary|diary|"
    r"directory|registry|surgery|nursery|gallery|factory|advocacy|consultancy|emergency\s+service|helpline|hotline|"
    r"counsell?ing\s+service|crisis\s+service|psychology|astrology)$",
    re.IGNORECASE,
)


_REPEATED_NO = re.compile(r"((?:,|\band|\bor)\s+)no\s+(?=[a-z])", re.I)


# Adjectives after "never" ("never pushy", "never salesy"), by endings that verbs rarely have.
_NEVER_ADJECTIVE = re.compile(r"(?:too\s+|overly\s+|very\s+)?[a-z-]{2,}(?:ous|ful|less|sy|hy|ky|zy|my)", re.I)


def _lead(cue: str) -> str:
    """The English imperative that opens a prohibition with this cue."""
    cue = re.sub(r"\s+", " ", cue.lower())
    if cue.startswith(("under no circumstances", "refrain")):
        return "Never"
    if cue.startswith(("don", "do", "must", "should", "cannot", "can", "may")):
        return "Do not"
    return _CUE_TEXT.get(cue, "Never")


_VERB_OR_ACTION = re.compile(
    r"(?:open|create|file|log|raise|escalate|send|forward|route|assign|hand|pass|transfer|flag|ask|offer|suggest|"
    r"recommend|refer|point|direct|tell|say|use|call|email|book|schedule|link|share|give|show|explain|mark|return|"
    r"reply|respond|answer|write|add|leave|keep)\b",
    re.IGNORECASE,
)


# "never give diet advice, just say to talk to one of our trainers": the prohibition's own alternative stays with it.
_HUMAN_TAKER = (
    r"(?:(?:a|an|the|our|your|their)\s+)?(?:\w+\s+)?(?:human|person|colleague|agent|staff|team|manager|supervisor|"
    r"specialist|caseworker|nurse|doctor|lawyer|advis[oe]r|counsell?or|librarian|pharmacist|member\s+of\s+staff)s?\b"
)


_ALTERNATIVE = re.compile(
    r"\s*(?:[,;]|\s[-–—]|[-–—]\s)\s*(?:(?:just|instead|rather|but|and)\s+)*(?P<verb>say\s+to|say(?!\s*:?\s*[\"“'‘„«「])|tell\s+(?:them|him|her|the\s+\w+|users?)(?:\s+to|(?!\s+(?:never|not|to|that)\b))|"
    r"suggest|recommend|refer\s+(?:them|the\s+\w+|users?)\s+to|point\s+(?:them|the\s+\w+|users?)\s+to|"
    r"send\s+(?:them|the\s+\w+|users?)\s+to|direct\s+(?:them|the\s+\w+|users?)\s+to|offer|"
    # "never waive or promise to waive that, hand off to a human": the person who takes it over instead (not "do not
    # forward files, transfer them to personal email addresses": a second thing not to do)
    r"(?:hand|pass|escalate|transfer|refer)\s+(?:it\s+|them\s+|this\s+|the\s+\w+\s+)?(?:off\s+|over\s+|on\s+)?to"
    rf"(?=\s+{_HUMAN_TAKER})|"
    # "no list[int] style generics, use typing.List etc": what to use in its place
    r"use(?!\s+(?:it|them|this|that|the\s+same|of)\b)|show\s+only)\b(?P<what>(?:[^,;.!?]|[.?](?=\S)){3,120})",
    re.IGNORECASE,
)


# "never reset a Director's password; open a P1 ticket with create_ticket instead": any action marked "instead".
_INSTEAD = re.compile(
    r"\s*[,;:]\s*(?:and\s+|but\s+)?(?P<what>[a-z][^,;.!?]{2,120}?)\s+instead\b(?=\s*(?:[.;!?]|$))", re.IGNORECASE
)


def _alternative(source: str, end: int) -> tuple[str, int] | None:
    """The alternative a prohibition offers right after it, as an instruction ("tell them to talk to ..."), and its
    end; None when the clause goes on to something else."""
    match = _ALTERNATIVE.match(source, end)
    if match is None:
        instead = _INSTEAD.match(source, end)
        if instead is not None and _VERB_OR_ACTION.match(instead.group("what")):
            return instead.group("what").strip(), instead.end()
        return None
    verb = re.sub(r"\s+", " ", match.group("verb").lower())
    what = re.sub(r"\s+instead$", "", match.group("what").strip(), flags=re.IGNORECASE)
    if verb == "say to":
        verb = "tell them to"
    return f"{verb} {what}", match.end()


_IRREGULAR_THIRD = {"has": "have", "does": "do", "goes": "go", "is": "be"}


def _first_verb_to_base(rest: str) -> str:
    """The verb that opens `rest`, known to follow a third-person subject and "never", in its base form."""
    word, _, tail = rest.partition(" ")
    lower = word.lower()
    known = base_form(lower)
    if lower in _IRREGULAR_THIRD:
        base = _IRREGULAR_THIRD[lower]
    elif lower in ("was", "were"):
        return rest
    elif known is not None:
        base = known
    elif re.fullmatch(r"[a-z]+(?:cus|sh|ch|ss|x|zz|o)es", lower):
        base = lower[:-2]  # "focuses", "pushes", "discusses", "echoes"
    elif re.fullmatch(r"[a-z]+[^aeiou]ies", lower):
        base = lower[:-3] + "y"  # "replies"
    elif re.fullmatch(r"[a-z]+[^s]s", lower):
        base = lower[:-1]  # "sends", "deletes", "uses"
    else:
        return rest
    return f"{base} {tail}" if tail else base


# The assistant named in the third person before "never": "It never sends …", "The bot never deletes …".
_ASSISTANT_SUBJECT = r"(?:it|he|she|(?:the|this|our|my)\s+(?:\w+\s+)?(?:bot|chatbot|assistant|agent|model|ai|tool|app))"


_THIRD_PERSON_SUBJECT = re.compile(
    rf"\b{_ASSISTANT_SUBJECT}\s+(?:also\s+)?$|"
    # "It never discusses prices and never pushes upgrades": the same subject
    rf"^{_ASSISTANT_SUBJECT}\s+[^.;:]*\s(?:and|but)\s+(?:also\s+)?$",
    re.IGNORECASE,
)


_NOUN_FIRST = re.compile(r"(?:the|a|an|your|their|all|any|more|every)\s", re.IGNORECASE)


_BARE_PRONOUN = re.compile(r"(?:them|it|this|that|those|these|one|him|her)", re.IGNORECASE)


# "wasps and bumblebees we dont deal with": the object stands first, the verb's preposition is left without it
_DANGLING_PREPOSITION = re.compile(r"\s(?:with|about|for|on|to|into|in)$", re.IGNORECASE)


_FRONTED_OBJECT = re.compile(r"\s*(?:[-*•]\s*)?(?P<object>[^\W\d][\w ,&'’-]{2,60}?)\s+(?:we|i)\s+", re.IGNORECASE)


_EVER_END = re.compile(
    r"\s+(?:ever|at\s+all|whatsoever|under\s+any\s+circumstances)$|,?\s+ever(?=\s+(?:after|before|on|in|for|during|to|at|once)\b)",
    re.IGNORECASE,
)
# Things the reply itself uses (words, names, symbols, formatting): "No names ever" is "Never use names"; a thing the
# business gives takes its obvious verb (`_GIVEN_THINGS`), and any other ("No appointments on Sundays ever") keeps the
# brief's "No …, ever."
_USED_THING = re.compile(
    r"(?:\w+\s+){0,2}?(?:names?|emojis?|emoticons?|jargon|slang|markdown|hashtags?|acronyms?|abbreviations?|words?|"
    r"phrases?|terms?|profanity|swear\s*words?|exclamation\s+marks?|bullet(?:\s+points)?s?|tables?|headings?|"
    r"headers?|links?|urls?|capitals?|caps|brand\s+names?|surnames?|nicknames?|technical\s+terms?)\b",
    re.IGNORECASE,
)

# Things the assistant could give or make on the business's behalf, by the verb that obviously goes with them: "No
# discounts ever" is "Never offer discounts.", "No promises ever" is "Never make promises."; any other thing keeps
# the brief's "No …, ever." (no verb is obvious for "No appointments on Sundays ever").
_GIVEN_THINGS = {
    "offer": (
        r"discounts?|discount\s+codes?|refunds?|freebies|free\s+samples?|upgrades?|coupons?|vouchers?|"
        r"price\s+match(?:es|ing)?|compensation|extensions?|credits?|deals?|special\s+offers?|rebates?"
    ),
    "make": r"promises?|guarantees?|commitments?|exceptions?",
    "give": r"diagnos[ie]s|prescriptions?|estimates?|legal\s+advice|medical\s+advice|financial\s+advice",
}
_GIVEN_THING = {
    verb: re.compile(rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE) for verb, nouns in _GIVEN_THINGS.items()
}


def _given_verb(thing: str) -> str | None:
    """The verb that obviously goes with a thing the business gives ("discounts": "offer"), or None."""
    return next((verb for verb, pattern in _GIVEN_THING.items() if pattern.match(thing)), None)


def imperative(stripped: str, match: re.Match[str], rest: str) -> tuple[str, str]:
    """The lead of the ban `match` opens ("Never", "Do not be", "Avoid") and what it forbids, worded to follow it."""
    lead = _lead(match.group("cue"))
    modal = re.search(r"\b(?:must|should|will|do|does|may|can)\s+$", stripped[: match.start("cue")], re.IGNORECASE)
    if match.group("cue").lower() == "not" and not modal:
        # "friendly but not cheesy" forbids a quality; "not a therapist" a role; "English, not Spanish" a thing.
        if re.match(r"(?:a|an)\s", rest, re.IGNORECASE):
            lead = "Do not act as"
        else:
            # ("not too long": a degree word before any adjective)
            degree = re.fullmatch(r"(?:too|overly)\s+[a-z-]+", rest, re.IGNORECASE)
            adjective = (ADJECTIVE.fullmatch(rest) or degree) and not _NOUN_IN_Y.search(rest)
            lead = "Do not be" if adjective else "Do not act as" if _NOUN_IN_Y.search(rest) else "Avoid"
    if lead == "Never" and _THIRD_PERSON_SUBJECT.search(stripped[: match.start("cue")]):
        rest = _first_verb_to_base(rest)  # "It never sends anything": the assistant is "you": "Never send …"
    if lead == "Never" and _NEVER_ADJECTIVE.fullmatch(rest):
        lead = "Never be"  # "never pushy"
    elif lead in ("Never", "Do not") and len(rest) <= 2 and " " not in rest:
        lead = f"{lead} use"  # "ss, never ß": a character or symbol is something you use
    ever = _EVER_END.search(rest) if lead == "Avoid" else None
    if ever is not None:  # "No names of workers ever": never, not "Avoid … ever"
        bare = (rest[: ever.start()] + rest[ever.end() :]).strip().rstrip(",;").rstrip()  # ("No refunds, ever")
        verb = "use" if _USED_THING.match(bare) else _given_verb(bare)
        lead, rest = (f"Never {verb}", bare) if verb else ("No", f"{bare}, {ever.group(0).strip(' ,')}")
    if lead == "Avoid":
        # "no tax advice and no guesses about X": one "Avoid" governs the whole list.
        rest = _REPEATED_NO.sub(r"\1", rest)
        rest = re.sub(r"(?<=\w)\s+no\s+(?=\w)", " and ", rest)  # "no hashtags no emojis"
    return lead, rest


def worded_ban(
    stripped: str, source: str, match: re.Match[str], end: int, lead: str, rest: str
) -> tuple[FoundRule, int]:
    """The ban as a rule ("Never give legal advice."), with the object a fronted clause names and the alternative
    the brief offers right after it; and where the ban ends, that alternative included."""
    start = match.start("cue") if not match.group(0).lower().startswith(("you", "it")) else match.start()
    dangling = _DANGLING_PREPOSITION.search(rest) is not None
    fronted = _FRONTED_OBJECT.fullmatch(source[: match.start("cue")]) if dangling else None
    if fronted is not None:
        thing = fronted.group("object").strip()
        thing = thing[0].lower() + thing[1:] if thing[1:2].islower() else thing  # (it opened the sentence)
        rest = f"{rest} {thing}"  # "wasps we dont deal with": "Do not deal with wasps"
        start = 0
    alternative = _alternative(source, end)
    if alternative is not None:
        instead, end = alternative
        return FoundRule(f"{lead} {rest}; instead, {instead}.", None, None, start, end, rest), end
    if start > 0 and (
        _BARE_PRONOUN.fullmatch(rest.split()[-1]) or (lead in ("Never", "Do not") and _NOUN_FIRST.match(rest))
    ):
        # "set them to null; never estimate them", "never the whole script": what is forbidden is named earlier
        # in the clause, so the clause itself is the rule.
        return FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest), end
    return FoundRule(f"{lead} {rest}.", None, None, start, end, rest), end

"""English negations that forbid nothing: an answer ("bathrooms - no"), a case ("questions that it can't answer"), a
practice to flag ("running as root (no USER line)"), a state in a list of symptoms ("not breathing"), a fact of a
listing ("1,350 pcm, no pets")."""

from __future__ import annotations

import re

from app.engine.constraints import setting_facts
from app.engine.constraints.ban_extent import VERB_START

_RELATIVE_ABILITY = re.compile(
    r"\b(?:that|which|who|what)\s+(?:it|you|we|they|the\s+\w+)\s+(?:cannot|can'?t|can’t)$|"
    # "runs on a CentOS box we can't touch": what the requester cannot do describes their situation
    r"\b(?:we|i|they)\s+(?:just\s+|really\s+|still\s+)?(?:cannot|can'?t|can’t|couldn'?t)$",
    re.I,
)


# "running as root (…)", "- hardcoding secrets (…)": an item that names a practice, not an instruction
_GERUND_CASE = re.compile(
    r"\s*(?:[-*•]\s*)?(?!(?:during|nothing|something|anything|everything|bring|string)\b)(?P<verb>[a-z]{3,}ing)\b", re.I
)


# "Answering questions about parking (no legal advice)": a job of the assistant, whose parenthesis is its ban
_JOB_GERUNDS = frozenset(
    """answering booking drafting handling scheduling writing helping replying responding explaining summarising
    summarizing translating suggesting recommending advising supporting creating preparing giving taking making
    sending checking processing managing arranging quoting selling""".split()  # noqa: SIM905
)


# a condition still open where the clause stands ("if the animal is inside the living space (")
_OPEN_CONDITION = re.compile(r"\b(?:if|when|whenever|unless)\b[^,;:.]*$", re.IGNORECASE)


# "Urgent repairs come first:", "Emergencies =", "Red flags:": a heading over the cases a list names
_CASE_HEADING = re.compile(
    r"\b(?:emergenc(?:y|ies)|urgent|crisis|red\s+flags?|danger(?:ous)?|warning\s+signs?|symptoms?|come\s+first|"
    r"safety\s+issues?|hazards?)\b",
    re.IGNORECASE,
)


# A glossary entry's target right before its bracket: "textilfrei -> textile-free (", "sans gluten = gluten-free ("
_GLOSSARY_TARGET = re.compile(r"[^\s=>→:;,]+[ \t]*(?:->|→|=>|=)[ \t]*[^=>→:;,()\n]{1,40}\([ \t]*$")


def before_list(text: str) -> str:
    """What a sentence says before the first colon or "=" that opens its list ("Urgent repairs come first")."""
    return re.split(r"[=:]", text, maxsplit=1)[0]


# "not breathing", "not eating or drinking": a state someone is in, listed among symptoms, forbids nothing.
_SYMPTOM = re.compile(
    r"\s*(?:breathing|eating|drinking|responding|responsive|moving|waking|walking|peeing|urinating|pooping|feeding|"
    r"sleeping|standing|conscious)\b",
    re.IGNORECASE,
)


def forbids_nothing(stripped: str, match: re.Match[str]) -> bool:
    """Whether the negation `match` (a cue of `PROHIBITION_EN`) forbids nothing where it stands."""
    if stripped[match.end("cue") :].lstrip()[:1] in ",.;:!?)":
        return True  # "bathrooms - no, areas we cover - LS only": an answer, not a rule
    if re.match(r"\s*(?:allowed|permitted|ok|okay)\s*[:：]", stripped[match.end("cue") :]):
        return True  # "not allowed: hazardous materials, …": a heading over the banned things, read as a whole
    if re.match(r"[\w' -]{1,30}?\s(?:=|->|→)\s", stripped[match.end("cue") :].lstrip()):
        return True  # "No match = don't reveal anything": a case and what follows from it, not a thing to avoid
    if match.group("cue").lower() == "nothing" and re.match(
        r"\s*[\w-]+\s+(?:here|there|in\s+(?:it|them|this|that))\s*[.!]?\s*$", stripped[match.end("cue") :]
    ):
        return True  # "Nothing secret here.": a statement about the material, nothing to avoid
    if _RELATIVE_ABILITY.search(stripped[: match.end("cue")]):
        return True  # "questions that it can't answer" describes a case; it forbids nothing
    opening = stripped.rfind("(", 0, match.start("cue"))
    if (
        opening >= 0
        and not stripped[opening + 1 : match.start("cue")].strip()
        and stripped.find(")", opening) > match.start("cue")
        and (gerund := _GERUND_CASE.match(stripped)) is not None
        and gerund.group("verb").lower() not in _JOB_GERUNDS
    ):
        return True  # "running as root (no USER line)": what the case to look for looks like, nothing forbidden
    if (
        match.group("cue").lower() == "not"
        and re.search(r"\(\s*$", stripped[: match.start("cue")])
        and _OPEN_CONDITION.search(stripped[: match.start("cue")])
    ):
        aside = re.match(r"[^()]*\)", stripped[match.end("cue") :])
        if aside is not None and not re.search(r",|\b(?:is|are|was|were|be|do|does)\b", aside.group(0)):
            # "if the animal is inside the living space (not the attic or crawlspace), …": which case is meant;
            # "Give hints (not full solutions)" is a ban
            return True
    listed_state = re.search(r"[=:][^=:]*,\s*$", stripped[: match.start("cue")])
    if match.group("cue").lower() == "not" and listed_state and _SYMPTOM.match(stripped[match.end("cue") :]):
        return True  # "emergency = active bleeding, seizure, not breathing": a state in a list, nothing forbidden
    if (
        listed_state
        and match.group("cue").lower() in ("no", "not")
        and _CASE_HEADING.search(before_list(stripped))
        and not VERB_START.match(re.split(r"[=:]", stripped, maxsplit=1)[1].lstrip())
    ):
        return True  # "Urgent repairs come first: a gas smell, no heating in winter, …": a case, nothing forbidden
    if _GLOSSARY_TARGET.search(stripped[: match.start("cue")]):
        return True  # "textilfrei -> textile-free (no swimwear)": the target term's own note, no ban on the reply
    # "a 2-bed flat (1,350 pcm, no pets)": a fact of the flat, no ban on the assistant
    return match.group("cue").lower() == "no" and setting_facts.in_particulars(stripped, match.start("cue"))

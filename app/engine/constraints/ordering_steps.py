"""The steps of an ordering rule in the assistant's words: a verb phrase in the imperative ("ask for the order
number"), and the last of several steps joined before "first"."""

from __future__ import annotations

import re

from app.engine.phrasing import subject_verb_to_base, verbs_to_base

_BOT_SUBJECT_LEAD = re.compile(
    r"^(?:(?:the\s+)?(?:bot|chatbot|assistant|agent|ai|model|game)|it)\s+(?=[a-z]+s\b)", re.IGNORECASE
)


def verb_phrase(text: str) -> str:
    text = re.sub(r"\s+first$", "", text.strip().rstrip(".!,;"), flags=re.IGNORECASE)
    if _BOT_SUBJECT_LEAD.match(text):
        # "the bot asks …", "before it promises anything": the bot is "you"
        text = subject_verb_to_base(verbs_to_base(_BOT_SUBJECT_LEAD.sub("", text, count=1)))
    text = re.sub(
        r"^(?:and\s+)?(?:always|(?:you|it|they|the\s+\w+)\s+(?:must|should)(?:\s+always)?|please|"
        r"make\s+sure\s+(?:to|you)|be\s+sure\s+to)\s+",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    return re.sub(r",\s*only$", "", text.strip().rstrip(".!,;")).rstrip(",")


_BASE_VERBS = (
    r"issue|refund|answer|reply|respond|send|process|share|give|provide|close|escalate|make|call|use|change|cancel|"
    r"delete|update|submit|confirm|approve|proceed|continue|recommend|suggest|quote|book|schedule|transfer|disclose|"
    r"reveal|discuss|offer|run|execute|deploy|merge|write|generate|output|return|finali[sz]e|start|begin|diagnose|"
    r"apply|charge|ship|reset|unlock|grant|modify|edit|create|look|check|verify|ask|help|troubleshoot|draft|publish|"
    r"post|attempt|place|page|reserve|move|go"
)


_OBJECT_WORD = re.compile(
    r"^\w+\s+(?:them|it|him|her|the|a|an|your|their|its|this|that|these|those|any|each|every|all|one|to|with|for|"
    r"about|up|out|back)\b",
    re.IGNORECASE,
)


def starts_with_verb(phrase: str) -> bool:
    """Whether a step starts with a verb in its base form ("reserve", "thank them"), so "before you ..." reads."""
    if re.match(r"\w+ing\b", phrase):
        return False
    return bool(re.match(rf"(?:{_BASE_VERBS})\b", phrase, re.IGNORECASE) or _OBJECT_WORD.match(phrase))


NEGATED_LEAD = re.compile(r"(?:never|don'?t|do\s+not|no)\b[^,;]*[,;]\s*(?:and\s+)?\w", re.IGNORECASE)


def last_part(first: str) -> str:
    """A long first step is the last of several joined ones: "never ask X, and send Y first" -> "send Y"."""
    # "ask at most 2 questions first (light, watering, how long …)": an aside's commas separate no steps, and an
    # aside that says what a term means stays with it ("use "robot talk" (sounding out, like c-a-t) before …")
    first = re.sub(r"\s+\([^()]*$", "", first) or first  # (an aside cut open at the end; not "tool(a, b)")
    first = re.sub(r"\s+\([^()]*\)", lambda m: m.group(0) if _DEFINES.search(m.group(0)) else "", first) or first
    bare = re.sub(r"\s+\([^()]*\)", "", first) or first
    if len(bare.split()) <= MAX_FIRST_WORDS and not NEGATED_LEAD.match(bare):
        return first
    masked = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00").replace(";", "\x01"), first)
    parts = re.split(r"[,;]\s*(?:and\s+)?|\s+and\s+(?=(?:always\s+)?[a-z]+\s)", masked)
    last = parts[-1] if parts and parts[-1].strip() else masked
    return last.replace("\x00", ",").replace("\x01", ";")


MAX_FIRST_WORDS = 14
# "(sounding out, like c-a-t)", "(e.g. C-D-E)", "(i.e. …)", "(wie M-a-m-a)": an aside that says what a term means
_DEFINES = re.compile(
    r"\(\s*(?:\w+ing\b|meaning\b|i\.\s?e\.|e\.\s?g\.|z\.\s?B\.)|\b(?:like|such\s+as|wie|como|comme|come|zoals)\s",
    re.IGNORECASE,
)

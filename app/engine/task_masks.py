"""The brief's task with parts blanked (same length, so constraint spans keep their offsets) before classifying it:
constraint spans of one kind, prohibitions (but not the job words before their negation), the stated tools' signatures
and the language they are written in, company names, the meeting a text is for, closing steps and background."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.classifier.side_words import table_row_start, without_parameter_mentions
from app.engine.compose.job import job_start
from app.engine.constraints import Constraint
from app.engine.constraints.item_conditions import under_ban_heading
from app.engine.phrasing import VERBS, normalise

_RETURNS = re.compile(r"\s*(?:->|→|=>|:\s*(?:Promise|\{|\[))")


def without_tool_words(task: str, constraints: Sequence[Constraint]) -> str:
    """The task with the stated tools' signatures and JSON definitions blanked (offsets kept): '{"name": …,
    "params": {"phone": "string"}}' is how the agent works, not a coding job, and `create_ticket(…, summary)` asks for
    no summary."""
    for c in constraints:
        if c.kind != "tool" or c.span is None or c.span.field != "task":
            continue
        start, end = c.span.start, c.span.end
        if (row := table_row_start(c.span.text, c.name)) is not None:
            start += row  # "| kunde_finden | email, buchungsnummer | …": the name stays, how it is called goes
        elif c.span.text.lstrip()[:1] != "{":
            opening = c.span.text.find("(")
            if opening < 0:
                continue
            start += opening + 1  # the name and its "(" stay: they say a tool is called
            line_end = task.find("\n", end)
            if _RETURNS.match(task, end):
                end = len(task) if line_end < 0 else line_end  # "-> rows as JSON": what the tool gives back
        task = task[:start] + " " * (end - start) + task[end:]
    # "Funciones disponibles (TypeScript, copiado del repo):": the language the tools are written in, no coding job
    task = _TOOLS_WRITTEN_IN.sub(_blank_language, without_parameter_mentions(task, constraints))
    # "tools (python):", "before ANY of the set/start functions": how the tools are written and what they are
    # called, no coding job
    return _TOOL_TALK.sub(lambda m: (m.group("tools") or "") + " " * len(m.group("talk")), task)


_TOOL_WORD = (
    r"(?:tools?|functions?|funciones|funci[oó]n|herramientas|funç(?:ões|ão)|funcoes|ferramentas|fonctions?|outils|"
    r"funktionen|werkzeuge|funzioni|strumenti|functies|actions|acciones|endpoints?)"
)
_CODE_LANGUAGE = r"(?:python|typescript|ts|javascript|js|json|py|go|java|kotlin|c#|php|ruby|yaml)"
_TOOLS_WRITTEN_IN = re.compile(
    # "Funciones disponibles (TypeScript, copiado del repo)", "tools (python):"
    rf"\b{_TOOL_WORD}(?:\s+(?:available|disponibles?|dispon[ií]veis|disponibili|verfügbar|beschikbaar|declared|"
    rf"declaradas|déclarées|deklariert))?\s*(?P<lang>\({_CODE_LANGUAGE}\b[^()\n]{{0,60}}\))|"
    # "the tools, in TypeScript", "las funciones en Python", "die Funktionen in TypeScript"
    rf"\b{_TOOL_WORD},?\s+(?:\w+\s+){{0,2}}?(?:in|en|em|auf|su)\s+(?P<lang2>{_CODE_LANGUAGE})\b|"
    # "TypeScript declarations of your tools", "declaraciones TypeScript de las funciones"
    rf"\b(?P<lang3>{_CODE_LANGUAGE})\s+(?:declarations?|signatures?|definitions?|stubs?|types?)\s+(?:of|for)\s+"
    rf"(?:(?:the|your|its|our)\s+)?{_TOOL_WORD}\b",
    re.IGNORECASE,
)


def _blank_language(match: re.Match[str]) -> str:
    """The match with its language name blanked (same length)."""
    group = next(name for name in ("lang", "lang2", "lang3") if match.group(name))
    start, end = match.start(group) - match.start(), match.end(group) - match.start()
    return match.group(0)[:start] + " " * (end - start) + match.group(0)[end:]


_TOOL_TALK = re.compile(
    r"(?P<tools>\btools?\s*)?(?P<talk>(?(tools)\((?:python|typescript|ts|javascript|js|json|py)\)|"
    # (not the agent's own cues: "Functions:", "these functions", "call the functions", "function calling")
    r"(?<!these )(?<!following )(?<!call )(?<!call the )\bfunctions?\b(?!\s*:)(?![- ]calling)))",
    re.IGNORECASE,
)


# "writes a briefing for the 07:15 crew meeting": the meeting the text is prepared for is its readers, not its input.
_FOR_A_MEETING = re.compile(
    r"\b(?:for|before|ahead\s+of)\s+(?:the|our|a|each|every|tomorrow's|today's|this\s+week's|next\s+week's|"
    r"the\s+next)\s+(?:[\w:'-]+\s+){0,3}?meetings?\b",
    re.IGNORECASE,
)


# "At the end, produce a short summary the client can paste …": a closing step of a conversation, not its job.
_CLOSING_STEP = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:[-*•]\s+)?(?:at\s+the\s+end(?:\s+of\s+(?:the|each|every)\s+(?:conversation|chat|session|exercise|call"
    r"|walkthrough|interview|lesson))?|when\s+(?:you(?:'re|\s+are)|they(?:'re|\s+are)|it's|it\s+is)\s+(?:done|finished))"
    r",[^.!?\n]*[.!?]?",
    re.IGNORECASE,
)


# "Harbor Analytics", "Lingua Translations Ltd", "Northside Legal": capitalised names that end in a business word
_COMPANY_NAME = re.compile(
    r"(?<=[a-z,(] )(?:[A-Z][\w&'’-]*\s+){1,3}(?:Analytics|Labs?|Solutions|Systems|Software|Data|Translations?|"
    r"Consulting|Support|Insights|Media|Health|Healthcare|Legal|Law|Finance|Financial|Capital|Studios?|Group|Partners|Tutoring|"
    r"Learning|Security|Marketing|Reviews?)\b(?:\s+(?:Ltd|LLC|Inc|GmbH|Co)\b\.?)?"
)


def without_company_names(text: str) -> str:
    """The text with capitalised company names blanked (offsets kept), for the keyword features only."""
    return _COMPANY_NAME.sub(lambda m: " " * len(m.group(0)), text)


def without_destination(task: str) -> str:
    """The task with "for the crew meeting" and closing steps blanked (same length, so spans keep their offsets)."""
    task = _FOR_A_MEETING.sub(lambda m: " " * len(m.group(0)), task)
    return _CLOSING_STEP.sub(lambda m: " " * len(m.group(0)), task)


def without_background(task: str) -> str:
    """The task from its job sentence on: "I teach Year 6 at Hollybrook. … I want them turned into the class
    newsletter" is a newsletter job, not tutoring. Blanked, not cut, so constraint spans keep their offsets."""
    start = job_start(task)
    return " " * start + task[start:] if start else task


def without_prohibitions(task: str, constraints: Sequence[Constraint]) -> str:
    # "Write a system prompt for a budgeting helper ...": the request to us is not the assistant's job either.
    # A tool written as JSON ('{"name": "query_order", "parameters": …}') is no record to extract either.
    specs = [c for c in constraints if c.kind == "tool" and c.span is not None and c.span.text.startswith("{")]
    if specs:
        task = without_spans(task, specs, "tool")
    # (the items of a "Never:" list keep their words for the classifier: "- promise a refund" is a support cue)
    listed = [c for c in constraints if not (c.span is not None and under_ban_heading(task, c.span.start))]
    masked = normalise(without_spans(task, listed, "prohibition"))
    return masked if masked.strip() else task


_ONLY_ADVERBS = frozenset({"only", "always", "just", "solely"})

# Where a prohibition's own words start inside its sentence ("Teach, don't play for them: never give the move").
_NEGATION = re.compile(r"\b(?:don'?t|do\s+not|doesn'?t|never|not|no|avoid)\b", re.IGNORECASE)


def without_spans(task: str, constraints: Sequence[Constraint], kind: str) -> str:
    """The task with the spans of one kind of constraint replaced by spaces (offsets unchanged).

    A prohibition's sentence can open with what the assistant is for ("Teach, don't play for them"): the words
    before its first negation stay, so that the job they name is still classified."""
    chars = list(task)
    for c in constraints:
        span = c.span
        if c.kind == kind and span is not None and span.field == "task":
            start = span.start
            if kind == "prohibition":
                start = _job_before_negation(task, span.start, span.end)
            chars[start : span.end] = " " * (span.end - start)
    return "".join(chars)


def _job_before_negation(task: str, start: int, end: int) -> int:
    """Where a prohibition's own words start: after an opening instruction set off by a comma or colon ("Teach,
    don't play for them"); a scope before the negation ("En el resumen no …") is the prohibition's own."""
    negation = _NEGATION.search(task, start, end)
    if negation is None:
        return start
    opening = task[start : negation.start()].strip()
    words = opening.rstrip(",:;-–—").split()
    if words and words[0].lower() == "please":
        words = words[1:]  # "please teach, don't tie it for them"
    if len(words) > 1 and words[0].lower() in _ONLY_ADVERBS:
        words = words[1:]  # "Only answer from the leaflet, never from general knowledge": the job, said with "only"
    if opening[-1:] in (",", ":", ";", "-", "–", "—") and 0 < len(words) <= 8 and words[0].lower() in VERBS:
        return negation.start()  # "teach them one step at a time, don't tie it for them"
    return start

"""Apply free-text feedback ("shorter", "more formal", "JSON") to an improved prompt's spec.

Each cue is one small step that returns the changed spec; steps run in a fixed order, so the result is
deterministic. A requested length never contradicts the author's own limit: "shorter" shortens it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import msgspec

from app.engine.compose import MAX_WORDS
from app.engine.improve._model import Change
from app.engine.spec import OutputFormat, PromptSpec, Rule

_SHORTER = re.compile(r"\b(?:shorter|too long|more concise|concise|brief(?:er)?|terse)\b", re.I)
_LONGER = re.compile(r"\b(?:longer|more detail(?:ed)?|too short|in more depth|elaborate)\b", re.I)
_FORMAL = re.compile(r"\b(?:more formal|formal|professional|less casual)\b", re.I)
_FRIENDLY = re.compile(r"\b(?:friendlier|more friendly|warmer|more casual|less formal|less stiff)\b", re.I)
_JSON = re.compile(r"\bjson\b", re.I)
_CITE = re.compile(r"\b(?:cite|citations?|sources)\b", re.I)
_EXAMPLES = re.compile(r"\bexamples?\b", re.I)
_STEPS = re.compile(r"\b(?:step by step|reason(?:ing)?|think)\b", re.I)
_WORD_LIMIT = re.compile(
    r"\b(?:under|at most|no more than|max(?:imum)?(?: of)?|fewer than|less than|up to|within)\s+(\d{1,4})\s+words\b",
    re.I,
)
SHORTER_RATIO_PCT = 60
"""'Shorter' cuts the author's own word limit to this share of it (integer maths: no float drift)."""
MIN_WORDS = 10

_JSON_SCHEMA = {
    "type": "object",
    "properties": {
        "answer": {"type": "string", "description": "The answer to the request."},
        "confidence": {"type": "string", "enum": ["high", "medium", "low"]},
    },
    "required": ["answer", "confidence"],
    "additionalProperties": False,
}

Step = Callable[[PromptSpec, str, str, list[Change]], PromptSpec]


def _rule(spec: PromptSpec, text: str, reason: str) -> PromptSpec:
    return msgspec.structs.replace(
        spec, instructions=[*spec.instructions, Rule(text=text, reason=reason, group="Feedback")]
    )


def _length(spec: PromptSpec, feedback: str, prompt: str, changes: list[Change]) -> PromptSpec:
    if _SHORTER.search(feedback):
        stated = [int(n) for n in _WORD_LIMIT.findall(prompt)]
        limit = max(MIN_WORDS, min(stated) * SHORTER_RATIO_PCT // 100) if stated else MAX_WORDS["short"]
        changes.append(
            Change(
                kind="feedback",
                description=f"Capped answers at {limit} words and dropped the reasoning steps (feedback: shorter).",
            )
        )
        spec = _rule(spec, f"Keep every answer under {limit} words.", "Readers asked for shorter answers.")
        return msgspec.structs.replace(spec, length="short", reasoning=[])
    if _LONGER.search(feedback):
        changes.append(Change(kind="feedback", description="Asked for more depth per point (feedback: more detail)."))
        spec = _rule(
            spec, "Cover each point in depth, with one concrete example per point.", "Readers asked for more detail."
        )
        return msgspec.structs.replace(spec, length="detailed")
    return spec


def _tone(spec: PromptSpec, feedback: str, _prompt: str, changes: list[Change]) -> PromptSpec:
    if _FORMAL.search(feedback):
        changes.append(Change(kind="feedback", description="Added a formal tone rule (feedback: more formal)."))
        return msgspec.structs.replace(spec, tone=[*spec.tone, "Formal: full sentences, no slang or contractions."])
    if _FRIENDLY.search(feedback):
        changes.append(Change(kind="feedback", description="Added a friendly tone rule (feedback: friendlier)."))
        return msgspec.structs.replace(spec, tone=[*spec.tone, "Friendly and approachable; address the user directly."])
    return spec


def _json(spec: PromptSpec, feedback: str, _prompt: str, changes: list[Change]) -> PromptSpec:
    output = spec.output_format
    if not _JSON.search(feedback) or output.kind == "json":
        return spec
    requirements = f" Content requirements: {output.description}" if output.description else ""
    changes.append(
        Change(
            kind="feedback",
            description="Switched the output to a JSON object with a schema (feedback: JSON).",
            rule_id="STR-07",
        )
    )
    description = (
        "A single JSON object that matches the schema below, with no prose before or after it and no code fence."
        + requirements
    )
    return msgspec.structs.replace(
        spec, output_format=OutputFormat(kind="json", description=description, json_schema=_JSON_SCHEMA)
    )


def _cite(spec: PromptSpec, feedback: str, _prompt: str, changes: list[Change]) -> PromptSpec:
    if not _CITE.search(feedback):
        return spec
    changes.append(Change(kind="feedback", description="Added a citation rule (feedback: cite sources)."))
    return _rule(
        spec,
        "Cite the source passage for every factual claim as [source: title, section].",
        "Citations let readers verify the answer.",
    )


def _reasoning(spec: PromptSpec, feedback: str, _prompt: str, changes: list[Change]) -> PromptSpec:
    if not _STEPS.search(feedback) or spec.reasoning:
        return spec
    changes.append(
        Change(kind="feedback", description="Added reasoning steps before the answer (feedback: reasoning).")
    )
    steps = [
        "Restate the request and its constraints.",
        "Work out the answer.",
        "Check the answer against the rules before writing it.",
    ]
    return msgspec.structs.replace(spec, reasoning=steps)


def _examples(spec: PromptSpec, feedback: str, _prompt: str, changes: list[Change]) -> PromptSpec:
    if _EXAMPLES.search(feedback) and not spec.examples:
        # No honest example can be made up from the prompt alone: say so instead of inventing one.
        changes.append(
            Change(
                kind="feedback",
                description="Feedback asks for examples; none could be derived from the prompt, so add 1-3 "
                "input/output pairs.",
            )
        )
    return spec


STEPS: tuple[Step, ...] = (_length, _tone, _json, _cite, _reasoning, _examples)


def apply_feedback(spec: PromptSpec, feedback: str, prompt: str, changes: list[Change]) -> PromptSpec:
    """The spec with every feedback cue applied, in a fixed order; `prompt` is the author's original text."""
    for step in STEPS:
        spec = step(spec, feedback, prompt, changes)
    return spec

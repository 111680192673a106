"""Apply free-text feedback ("shorter", "more formal", "JSON") to an improved prompt's spec."""

from __future__ import annotations

import re

import msgspec

from app.engine.compose import MAX_WORDS
from app.engine.improve._model import Change
from app.engine.spec import OutputFormat, PromptSpec, Rule

_FEEDBACK_SHORTER = re.compile(r"\b(?:shorter|too long|more concise|concise|brief(?:er)?|terse)\b", re.I)
_FEEDBACK_LONGER = re.compile(r"\b(?:longer|more detail(?:ed)?|too short|in more depth|elaborate)\b", re.I)
_FEEDBACK_FORMAL = re.compile(r"\b(?:more formal|formal|professional|less casual)\b", re.I)
_FEEDBACK_FRIENDLY = re.compile(r"\b(?:friendlier|more friendly|warmer|more casual|less formal|less stiff)\b", re.I)
_FEEDBACK_JSON = re.compile(r"\bjson\b", re.I)
_FEEDBACK_CITE = re.compile(r"\b(?:cite|citations?|sources)\b", re.I)
_FEEDBACK_EXAMPLES = re.compile(r"\bexamples?\b", re.I)
_FEEDBACK_STEPS = re.compile(r"\b(?:step by step|reason(?:ing)?|think)\b", re.I)

_JSON_SCHEMA = {
    "type": "object",
    "properties": {
        "answer": {"type": "string", "description": "The answer to the request."},
        "confidence": {"type": "string", "enum": ["high", "medium", "low"]},
    },
    "required": ["answer", "confidence"],
    "additionalProperties": False,
}


def apply_feedback(spec: PromptSpec, feedback: str, changes: list[Change]) -> PromptSpec:
    rules = list(spec.instructions)
    tone = list(spec.tone)
    output = spec.output_format
    length = spec.length
    examples = list(spec.examples)
    reasoning = list(spec.reasoning)
    if _FEEDBACK_SHORTER.search(feedback):
        length = "short"
        rules.append(
            Rule(
                text=f"Keep every answer under {MAX_WORDS['short']} words.",
                reason="Readers asked for shorter answers.",
                group="Feedback",
            )
        )
        reasoning = []
        changes.append(
            Change(
                kind="feedback",
                description="Capped answers at 80 words and dropped the reasoning steps (feedback: shorter).",
            )
        )
    elif _FEEDBACK_LONGER.search(feedback):
        length = "detailed"
        rules.append(
            Rule(
                text="Cover each point in depth, with one concrete example per point.",
                reason="Readers asked for more detail.",
                group="Feedback",
            )
        )
        changes.append(Change(kind="feedback", description="Asked for more depth per point (feedback: more detail)."))
    if _FEEDBACK_FORMAL.search(feedback):
        tone.append("Formal: full sentences, no slang or contractions.")
        changes.append(Change(kind="feedback", description="Added a formal tone rule (feedback: more formal)."))
    elif _FEEDBACK_FRIENDLY.search(feedback):
        tone.append("Friendly and approachable; address the user directly.")
        changes.append(Change(kind="feedback", description="Added a friendly tone rule (feedback: friendlier)."))
    if _FEEDBACK_JSON.search(feedback) and output.kind != "json":
        output = OutputFormat(
            kind="json",
            description=(
                "A single JSON object that matches the schema below, with no prose before or after it "
                "and no code fence." + (f" Content requirements: {output.description}" if output.description else "")
            ),
            json_schema=_JSON_SCHEMA,
        )
        changes.append(
            Change(
                kind="feedback",
                description="Switched the output to a JSON object with a schema (feedback: JSON).",
                rule_id="STR-07",
            )
        )
    if _FEEDBACK_CITE.search(feedback):
        rules.append(
            Rule(
                text="Cite the source passage for every factual claim as [source: title, section].",
                reason="Citations let readers verify the answer.",
                group="Feedback",
            )
        )
        changes.append(Change(kind="feedback", description="Added a citation rule (feedback: cite sources)."))
    if _FEEDBACK_STEPS.search(feedback) and not reasoning:
        reasoning = [
            "Restate the request and its constraints.",
            "Work out the answer.",
            "Check the answer against the rules before writing it.",
        ]
        changes.append(
            Change(kind="feedback", description="Added reasoning steps before the answer (feedback: reasoning).")
        )
    if _FEEDBACK_EXAMPLES.search(feedback) and not examples:
        changes.append(
            Change(
                kind="feedback",
                description=(
                    "Feedback asks for examples; none could be derived from the prompt, so add 1-3 input/output pairs."
                ),
            )
        )
    return msgspec.structs.replace(
        spec, instructions=rules, tone=tone, output_format=output, length=length, examples=examples, reasoning=reasoning
    )

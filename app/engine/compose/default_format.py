"""The archetype's default output description for the reply's kind, and the kind itself: the brief's stated format
value, its cue, or the primary archetype's."""

from __future__ import annotations

import re
from typing import Any

from app.engine.archetypes.variants import ASKS_YAML
from app.engine.compose.json_reply import JSON_DESCRIPTION
from app.engine.compose.plan import Plan
from app.engine.spec import OutputKind

_CUE_FORMATS: dict[OutputKind, str] = {
    "table": "A Markdown table with a header row and one row per item, followed by at most two sentences of notes.",
    "bullets": "Bullet points, one idea per bullet, at most 7 bullets and {max_words} words in total.",
    "markdown": "Markdown with short headings and lists, at most {max_words} words.",
}


_VALUE_KINDS: dict[str, OutputKind] = {
    "json": "json",
    "plain": "prose",
    "prose": "prose",
    "markdown": "markdown",
    "bullets": "bullets",
    "table": "table",
    "code": "code",
    "label": "label",
    "lines": "prose",
    "numbered": "prose",
}


# The default's length clause, removed when the brief states its own limit ("of at most {max_words} words").
_LENGTH_CLAUSE = re.compile(
    r",?\s*(?:each\s+)?(?:of\s+)?(?:at most\s+)?\{max_words\} words?(?:\s+(?:in total|in all))?(?:\s+at most)?", re.I
)


FREE_KIND_CUES: tuple[tuple[OutputKind, str], ...] = (
    ("json", r"\bjson\b"),
    ("table", r"\btable\b"),
    ("bullets", r"\bbullet"),
)


def stated_value(plan: Plan) -> str | None:
    for c in plan.of_kind("format"):
        if c.value and c.value not in _DATA_FILE_VALUES:
            return c.value.lower()
    return None


# A CSV or YAML reply keeps the shape this module writes for it (csv_reply, is_yaml_reply, the YAML record variant);
# its format constraint's own sentence still reaches the prompt.
_DATA_FILE_VALUES = frozenset({"csv", "yaml"})


def reply_kind(plan: Plan, schema: dict[str, Any] | None, value: str | None) -> OutputKind:
    if schema is not None:
        return "json"
    if value in _VALUE_KINDS:
        return _VALUE_KINDS[value]
    primary_kind = plan.primary.output.kind
    cue = plan.entities.output_kind
    if cue is not None and plan.conflicts.forbidden_feature(cue):
        cue = None
    if cue == "json" and ASKS_YAML.search(plan.brief.task) and primary_kind != "json":
        cue = None  # "als YAML, NICHT als JSON": the job's YAML record, whatever else the brief says of JSON
    if cue is None or cue == primary_kind or primary_kind in ("json", "decision", "label", "code"):
        return primary_kind
    return cue


def base_description(plan: Plan, kind: OutputKind, schema: dict[str, Any] | None, value: str | None) -> str:
    """The default description for the kind, with its length clause removed when the brief states a limit."""
    primary = plan.primary
    if schema is not None:
        return JSON_DESCRIPTION
    if value == "numbered" and not re.search(r"numbered list of|list of findings", primary.output.description):
        return ""  # "numbered list 1-10": the brief's own line is the whole shape, unless the job's is a list too
    if kind == primary.output.kind and (value is None or value in _VALUE_KINDS):
        chat_mode = plan.conversational and not primary.conversational and primary.chat_output
        template = primary.chat_output if chat_mode else primary.output.description
    elif value is None and kind in _CUE_FORMATS:
        template = _CUE_FORMATS[kind]
    elif value is None and kind == "json":
        return JSON_DESCRIPTION
    else:
        return ""
    if plan.of_kind("limit") or not (plan.brief.length or plan.entities.length):
        # A length the brief never asked for ("at most 200 words") would be an invented limit.
        template = _LENGTH_CLAUSE.sub("", template)
    text = plan.fill(template)
    if plan.labels_from_brief and any(label != label.lower() for label in plan.labels):
        text = text.replace(", in lowercase,", ",")  # the brief's own spelling of its labels wins
    text = plan.conflicts.without_settled_phrases(text)
    return "" if plan.conflicts.clashes(text) else text

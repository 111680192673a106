"""Archetype definitions: phrase features for classification plus the vetted sections they contribute."""

from __future__ import annotations

import re

import msgspec

from app.engine.spec import Example, OutputFormat, Rule
from app.engine.types import Variable


class Feature(msgspec.Struct, frozen=True):
    """A weighted phrase feature; `label` is what the classifier reports when it matches."""

    label: str
    pattern: re.Pattern[str]
    weight: int


class Archetype(msgspec.Struct, frozen=True, kw_only=True):
    """A kind of assistant. Text fields may use {product}, {user} and {audience} placeholders."""

    id: str
    title: str
    features: tuple[Feature, ...]
    role: str
    objective: str
    noun: str = "assistant"
    """Bare role noun ("customer support agent"): used as "You are Acme's <noun>." when the task names the job."""
    success: str = ""
    """What a successful reply achieves; follows the user's own task sentence in the objective."""
    context: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    tone: tuple[str, ...] = ()
    reasoning: tuple[str, ...] = ()
    output: OutputFormat
    examples: tuple[Example, ...] = ()
    out_of_scope: str
    when_unsure: str
    guardrails_extra: tuple[str, ...] = ()
    variables: tuple[Variable, ...] = ()
    """Input slots this kind of assistant always needs; cue-detected and explicit variables add to them."""
    drop_variables: tuple[str, ...] = ()
    """Cue-detected slots that make no sense for this archetype (e.g. `review` for a code reviewer)."""
    replaceable_inputs: tuple[str, ...] = ("text",)
    """Generic default slots that give way to a more specific cue-detected slot (e.g. `transcript` for `email`)."""
    blendable: bool = True
    """False for fixed-output archetypes (labels, JSON, translations): their rules conflict with other outputs."""
    user_term: str = "user"
    final_reminder: str


def feat(label: str, pattern: str, weight: int) -> Feature:
    """Build a case-insensitive feature; patterns are compiled once at import."""
    return Feature(label, re.compile(pattern, re.IGNORECASE), weight)


def rule(text: str, reason: str | None = None, group: str = "Core rules") -> Rule:
    """Shorthand for a `Rule`."""
    return Rule(text=text, reason=reason, group=group)


def var(name: str, description: str, *, trusted: bool = False) -> Variable:
    """Shorthand for a string `Variable`."""
    return Variable(name=name, description=description, trusted=trusted)

"""The typed constraints read from a brief: the contract between extraction, composition and the fidelity check.

A constraint is one thing the brief states that the generated prompt must honour ("reply in at most 3
sentences", "labels: billing, bug, other", "if unsure, email help@acme.com"). Each keeps the span of the
brief it came from, so a user can see what was understood and where. The composer places `text` into the
spec (the brief wins over archetype defaults); the fidelity check verifies that a prompt carries every
constraint and that nothing in it contradicts one.

Only the payload fields that belong to a constraint's kind are set; the rest keep their empty defaults.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

import msgspec

from app.engine.types import EngineStruct

ConstraintKind = Literal[
    "limit",  # unit + minimum/maximum/exact: "at most 3 sentences", "under 150 words", "one line", "exactly 5 bullets"
    "format",  # value: the required format (json, plain, markdown, bullets, table, code, label); forbidden: features
    "labels",  # values: a closed label set ("one of: a, b, c", "(a/b/c)", "either a or b"); multi: several allowed
    "schema",  # schema: a JSON literal or JSON Schema written in the brief (values: its top-level keys)
    "fields",  # values: named output fields ("return name, email and company")
    "tool",  # name + parameters + value (what it does): "lookup_order(order_id)"
    "fallback",  # action + value + condition: "if unsure, tell them to email help@acme.com"
    "language",  # value: the reply language in English ("Spanish"), code: ISO 639-1 ("es"); values: the languages a
    # case switches the reply to ("…, but if they write in German, answer in German"; see constraints.language_cases)
    "audience",  # value: the audience phrase as written ("readers with low literacy"), minimum/maximum: ages
    "tone",  # values: tone words ("friendly", "formal")
    "prohibition",  # value: what must never happen, as an imperative ("Never give legal advice.")
    "ordering",  # first / then: "verify the customer's identity" before "issue a refund"
    "requirement",  # value: any other explicit must ("always cite the article section"), thresholds included
]

LimitUnit = Literal["words", "sentences", "paragraphs", "bullets", "items", "lines", "characters", "tokens"]
# ("say": a reply given word for word; "reply": a reply the brief describes in its own words, "say that an agent
# will call them back")
FallbackAction = Literal["email", "phone", "url", "handoff", "say", "reply"]


class FoundFallback(NamedTuple):
    """A fallback as one clause states it, before it becomes a constraint: the action, its exact value (address,
    number, URL, or words to say), condition and extent."""

    action: FallbackAction
    value: str
    condition: str | None
    start: int
    end: int


ConstraintSource = Literal[
    "task", "constraints", "output_format", "audience", "tone", "role", "language", "length", "json_schema", "tools"
]


class BriefSpan(EngineStruct, kw_only=True):
    """Where in the brief a constraint was read: the field, its list index (for `constraints`), and [start, end)."""

    field: ConstraintSource
    start: int
    end: int
    index: int | None = None
    text: str
    """The brief's own words for this constraint (the characters [start, end) of that field)."""


class Constraint(EngineStruct, kw_only=True):
    """One typed constraint stated by a brief."""

    kind: ConstraintKind
    text: str
    """The instruction the prompt carries for it: one imperative English sentence ("Reply in at most 3 sentences.")."""
    span: BriefSpan | None = None
    """None only for constraints that come from structured brief fields with no free text (e.g. `json_schema`)."""
    # Payload: set only for the kinds that use it.
    unit: LimitUnit | None = None
    minimum: int | None = None
    maximum: int | None = None
    exact: int | None = None
    value: str | None = None
    values: list[str] = msgspec.field(default_factory=list)
    forbidden: list[str] = msgspec.field(default_factory=list)
    """For `format`: what the brief rules out ("markdown", "lists", "emoji", "headings", "code_blocks", "tables")."""
    multi: bool = False
    schema: dict[str, Any] | None = None
    name: str | None = None
    parameters: list[str] = msgspec.field(default_factory=list)
    action: FallbackAction | None = None
    condition: str | None = None
    code: str | None = None
    first: str | None = None
    then: str | None = None
    scope: str | None = None
    """What the constraint applies to when the brief narrows it ("summaries", "each bullet"); None means the reply."""

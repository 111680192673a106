"""The typed, model-neutral prompt spec that every renderer consumes."""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from app.engine.types import EngineStruct, Target, Variable

Length = Literal["short", "standard", "detailed"]
OutputKind = Literal["prose", "markdown", "json", "table", "bullets", "label", "code", "decision"]


class Rule(EngineStruct, kw_only=True):
    """One instruction, with the reason behind it (models generalise better when told why)."""

    text: str
    reason: str | None = None
    group: str = "Core rules"
    """Sub-section the rule is listed under (GPT renders groups as `##` headings)."""


class Tool(EngineStruct, kw_only=True):
    """A tool the assistant can call, and when to call it."""

    name: str
    purpose: str
    when_to_use: str = ""
    parameters: list[str] = msgspec.field(default_factory=list)
    """Parameter names, in call order, when the brief states them (`lookup_order(order_id)`)."""


class Example(EngineStruct, kw_only=True):
    """An input/output pair, optionally with the reasoning that leads to the output."""

    input: str
    output: str
    reasoning: str | None = None


class OutputFormat(EngineStruct, kw_only=True):
    """How the answer must look: a description, and optionally a JSON schema."""

    kind: OutputKind = "prose"
    description: str
    json_schema: dict[str, Any] | None = None


class Guardrails(EngineStruct, kw_only=True):
    """Boundaries: the out-of-scope reply, the unsure path and instruction confidentiality."""

    out_of_scope: str
    when_unsure: str
    protect_instructions: bool = True
    extra: list[str] = msgspec.field(default_factory=list)


class Section(EngineStruct, kw_only=True):
    """A free-form section kept verbatim (e.g. from a parsed prompt) that fits no typed field."""

    title: str
    body: str


class PromptSpec(EngineStruct, kw_only=True):
    """Model-neutral description of a system prompt; `render(spec, target)` turns it into text."""

    role: str
    objective: str
    success: str = ""
    """What a successful reply achieves; rendered right after the objective (the small target leaves it out)."""
    context: list[str] = msgspec.field(default_factory=list)
    audience: str | None = None
    instructions: list[Rule] = msgspec.field(default_factory=list)
    tone: list[str] = msgspec.field(default_factory=list)
    tools: list[Tool] = msgspec.field(default_factory=list)
    reasoning: list[str] = msgspec.field(default_factory=list)
    """Reasoning steps to work through before answering; empty for simple tasks."""
    output_format: OutputFormat
    examples: list[Example] = msgspec.field(default_factory=list)
    guardrails: Guardrails
    variables: list[Variable] = msgspec.field(default_factory=list)
    final_reminder: str = ""
    language: str = "English"
    length: Length = "standard"
    target: Target = "generic"
    sections: list[Section] = msgspec.field(default_factory=list)
    """Extra verbatim sections, rendered after the context."""
    inline_variables: list[str] = msgspec.field(default_factory=list)
    """Variables the text already places (delimited in place), so renderers add no separate input slot."""
    user_term: str = "user"
    """The noun the prompt uses for the person it serves; one term throughout avoids mixed terminology."""

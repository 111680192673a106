"""Small/on-device rendering: one focus, few bullets, one output instruction, no reasoning section."""

from __future__ import annotations

import re
from typing import Any

from app.engine.render._common import bullets, data_clause, join_blocks, opening, split_inputs, tagged, tool_lines
from app.engine.spec import Example, PromptSpec

MAX_RULES = 3
"""Small models lose track of long rule lists; keep the highest-priority few of the archetype's defaults."""
ALWAYS_KEPT = frozenset({"Requirements", "Language and tone", "Safety"})
"""Rule groups that carry the brief's own constraints and safety: never cut, whatever the budget."""
MAX_EXAMPLE_CHARS = 200


def compact_shape(schema: dict[str, Any]) -> str:
    """A one-line JSON shape (field: type): small models follow a literal shape better than a full schema."""
    props = schema.get("properties")
    if not isinstance(props, dict):
        return ""
    parts = []
    for name, prop in props.items():
        kind = prop.get("type", "any") if isinstance(prop, dict) else "any"
        if isinstance(prop, dict) and "enum" in prop:
            kind = "|".join(str(v) for v in prop["enum"])
        elif isinstance(kind, list):
            kind = "|".join(str(k) for k in kind)
        parts.append(f'"{name}": {kind}')
    return "{" + ", ".join(parts) + "}"


def _shortest_example(examples: list[Example]) -> Example | None:
    fitting = [e for e in examples if len(e.input) + len(e.output) <= MAX_EXAMPLE_CHARS]
    return min(fitting, key=lambda e: len(e.input) + len(e.output)) if fitting else None


def render_small(spec: PromptSpec) -> str:
    """Render a short, single-focus prompt (Gemini Nano / small-model guidance), about 250 tokens at most."""
    long_inputs, short_inputs = split_inputs(spec)
    blocks = [opening(spec, with_success=False)]
    # Inputs go without headings: the tags are the delimiters, and every extra section costs small models focus.
    blocks.extend(tagged(v) for v in long_inputs)
    blocks.extend(sec.body.strip() for sec in spec.sections)
    essential = [r.text for r in spec.instructions if r.group in ALWAYS_KEPT]
    others = [r.text for r in spec.instructions if r.group not in ALWAYS_KEPT]
    rules = [*essential, *others[: max(0, MAX_RULES - len(essential))]]
    unsure = spec.guardrails.when_unsure
    scope = spec.guardrails.out_of_scope
    if unsure and not any(unsure.strip('"') in r for r in rules):
        rules.append(f"If unsure or out of scope: {unsure}")
    if re.match(r"(?i)(?:if|when|whenever)\b", scope):  # a conditional of the brief's own: kept whole
        rules.append(scope)
    clause = data_clause(spec, short=True)
    if clause:
        rules.append(clause)
    blocks.append("## Rules\n" + "\n".join(bullets(rules)))
    if spec.tools:
        blocks.append("## Tools\n" + "\n".join(bullets(tool_lines(spec))))
    output = ["## Output", spec.output_format.description]
    if spec.output_format.json_schema is not None:
        shape = compact_shape(spec.output_format.json_schema)
        if shape:
            output.append(f"Shape: {shape}")
    example = _shortest_example(spec.examples)
    if example is not None:
        output.append(f"Example input: {example.input.strip()}\nExample output: {example.output.strip()}")
    blocks.append("\n".join(output))
    blocks.extend(tagged(v) for v in short_inputs)
    return join_blocks(blocks)

"""Small/on-device rendering: one focus, few bullets, one output instruction, no reasoning section."""

from __future__ import annotations

from typing import Any

from app.engine.render._common import bullets, data_clause, join_blocks, opening, split_inputs, tagged
from app.engine.spec import Example, PromptSpec

MAX_RULES = 3
"""Small models lose track of long rule lists; keep the highest-priority few (brief constraints first)."""
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
    rules = [r.text for r in spec.instructions[:MAX_RULES]]
    unsure = spec.guardrails.when_unsure
    if unsure and not any(unsure.strip('"') in r for r in rules):
        rules.append(f"If unsure or out of scope: {unsure}")
    clause = data_clause(spec, short=True)
    if clause:
        rules.append(clause)
    blocks.append("## Rules\n" + "\n".join(bullets(rules)))
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

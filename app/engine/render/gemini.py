"""Gemini rendering: `##` headings plus explicit delimiters around background and inputs."""

from __future__ import annotations

from app.engine.render._common import (
    bullets,
    context_lines,
    data_clause,
    example_parts,
    grouped_rules,
    guardrail_lines,
    join_blocks,
    numbered,
    opening,
    output_lines,
    rule_text,
    slot_variables,
    tagged,
    tool_lines,
)
from app.engine.spec import PromptSpec


def render_gemini(spec: PromptSpec) -> str:
    """Render a spec for Gemini: Google's guidance on explicit delimiters and structured templates."""
    blocks = [f"## Role\n{opening(spec)}"]
    ctx = context_lines(spec)
    if ctx:
        blocks.append(
            "## Background\n<background_information>\n" + "\n".join(bullets(ctx)) + "\n</background_information>"
        )
    blocks.extend(f"## {sec.title}\n{sec.body.strip()}" for sec in spec.sections)
    slots = slot_variables(spec)
    if slots:
        inputs = ["## Inputs", "---"]
        for v in slots:
            inputs.extend([tagged(v), "---"])
        blocks.append("\n".join(inputs))

    instr = ["## Instructions"]
    for name, rules in grouped_rules(spec.instructions):
        instr.append(f"\n### {name}")
        instr.extend(numbered(rule_text(r) for r in rules))
    if spec.tone:
        instr.append("\n### Tone and style")
        instr.extend(bullets(spec.tone))
    if len(instr) > 1:
        blocks.append("\n".join(instr))
    if spec.tools:
        blocks.append("## Tools\n" + "\n".join(bullets(tool_lines(spec))))
    if spec.reasoning:
        blocks.append(
            "## Reasoning\nBefore the answer, work through these steps:\n" + "\n".join(numbered(spec.reasoning))
        )
    blocks.append("## Output format\n" + "\n".join(output_lines(spec)))
    if spec.examples:
        ex = ["## Examples"]
        for i, example in enumerate(spec.examples, 1):
            ex.append(f"\n### Example {i}")
            ex.extend(f"{label.capitalize()}:\n{text.strip()}" for label, text in example_parts(example))
        blocks.append("\n".join(ex))
    guard = guardrail_lines(spec)
    clause = data_clause(spec)
    if clause:
        guard.append(clause)
    blocks.append("## Guardrails\n" + "\n".join(bullets(guard)))
    if spec.final_reminder:
        blocks.append(f"## Task\n{spec.final_reminder}")
    return join_blocks(blocks)

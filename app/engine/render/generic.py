"""Generic rendering: plain Markdown sections that any chat model reads well."""

from __future__ import annotations

from app.engine.render._common import (
    bullets,
    context_lines,
    data_clause,
    example_parts,
    grouped_rules,
    guardrail_lines,
    input_descriptions,
    join_blocks,
    numbered,
    opening,
    output_lines,
    rule_text,
    split_inputs,
    tagged,
    tool_lines,
)
from app.engine.spec import PromptSpec


def render_generic(spec: PromptSpec) -> str:
    """Render a spec as model-neutral Markdown; long inputs before the instructions, the request last."""
    long_inputs, short_inputs = split_inputs(spec)
    blocks = [f"# Role\n{opening(spec)}"]
    ctx = context_lines(spec)
    if ctx:
        blocks.append("# Context\n" + "\n".join(bullets(ctx)))
    blocks.extend(f"# {sec.title}\n{sec.body.strip()}" for sec in spec.sections)
    if long_inputs:
        blocks.append(
            "# Inputs\n"
            + "\n".join(bullets(input_descriptions([*long_inputs, *short_inputs])))
            + "\n\n"
            + "\n\n".join(tagged(v) for v in long_inputs)
        )
    instr = ["# Instructions"]
    groups = grouped_rules(spec.instructions)
    for name, rules in groups:
        instr.append(f"\n## {name}")
        instr.extend(numbered(rule_text(r) for r in rules))
    if spec.tone:
        instr.append("\n## Tone and style")
        instr.extend(bullets(spec.tone))
    if len(instr) > 1:
        blocks.append("\n".join(instr))
    if spec.tools:
        blocks.append("# Tools\n" + "\n".join(bullets(tool_lines(spec))))
    if spec.reasoning:
        blocks.append(
            "# Reasoning\nBefore the answer, work through these steps:\n" + "\n".join(numbered(spec.reasoning))
        )
    blocks.append("# Output format\n" + "\n".join(output_lines(spec)))
    if spec.examples:
        ex = ["# Examples"]
        for i, example in enumerate(spec.examples, 1):
            ex.append(f"\n## Example {i}")
            ex.extend(f"{label.capitalize()}:\n{text.strip()}" for label, text in example_parts(example))
        blocks.append("\n".join(ex))
    guard = guardrail_lines(spec)
    clause = data_clause(spec)
    if clause:
        guard.append(clause)
    blocks.append("# Guardrails\n" + "\n".join(bullets(guard)))
    if short_inputs:
        request = ["# Request"]
        if not long_inputs:
            request.extend(bullets(input_descriptions(short_inputs)))
        request.extend(tagged(v) for v in short_inputs)
        blocks.append("\n".join(request))
    if spec.final_reminder:
        blocks.append(f"# Reminder\n{spec.final_reminder}")
    return join_blocks(blocks)

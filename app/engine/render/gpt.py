"""GPT rendering: Markdown headings in the order of OpenAI's GPT-4.1 prompting guide."""

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
    slot_variables,
    tagged,
    tool_lines,
)
from app.engine.spec import PromptSpec

HEADING_ORDER = (
    "# Role and Objective",
    "# Instructions",
    "# Reasoning Steps",
    "# Output Format",
    "# Examples",
    "# Context",
    "# Final instructions",
)
"""Top-level headings in the order the GPT-4.1 guide recommends; absent sections are skipped."""


def render_gpt(spec: PromptSpec) -> str:
    """Render a spec for GPT models: Markdown sections, context late, instructions restated at the end."""
    blocks = [f"# Role and Objective\n{opening(spec)}"]

    instr = ["# Instructions"]
    for sec in spec.sections:
        instr.append(f"\n## {sec.title}\n{sec.body.strip()}")
    for name, rules in grouped_rules(spec.instructions):
        if name.lower() != "instructions":
            instr.append(f"\n## {name}")
        instr.extend(numbered(rule_text(r) for r in rules))
    if spec.tone:
        instr.append("\n## Tone and Style")
        instr.extend(bullets(spec.tone))
    if spec.tools:
        instr.append("\n## Tools")
        instr.extend(bullets(tool_lines(spec)))
    instr.append("\n## Boundaries")
    guard = guardrail_lines(spec)
    clause = data_clause(spec)
    if clause:
        guard.append(clause)
    instr.extend(bullets(guard))
    blocks.append("\n".join(instr))

    if spec.reasoning:
        blocks.append(
            "# Reasoning Steps\nWork through these steps before writing the answer:\n"
            + "\n".join(numbered(spec.reasoning))
        )
    blocks.append("# Output Format\n" + "\n".join(output_lines(spec)))
    if spec.examples:
        ex = ["# Examples"]
        for i, example in enumerate(spec.examples, 1):
            ex.append(f"\n## Example {i}")
            for label, text in example_parts(example):
                ex.append(f"{label.capitalize()}:\n{text.strip()}")
        blocks.append("\n".join(ex))

    ctx = ["# Context", *bullets(context_lines(spec))]
    slots = slot_variables(spec)
    if slots:
        ctx.append("\nInputs:")
        ctx.extend(bullets(input_descriptions(slots)))
        ctx.extend(f"\n{tagged(v)}" for v in slots)
    if len(ctx) > 1:
        blocks.append("\n".join(ctx))

    final = [spec.final_reminder] if spec.final_reminder else []
    if spec.reasoning:
        final.append("First, think step by step through the reasoning steps above; then write the answer.")
    # The kind name alone ("markdown output") can contradict a format the brief rules out; the section says it all.
    final.append("Follow the Output Format section exactly.")
    blocks.append("# Final instructions\n" + "\n".join(final))
    return join_blocks(blocks)

"""Claude rendering: XML-tagged sections, long inputs before the instructions about them."""

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
    slug,
    split_inputs,
    tagged,
    tool_lines,
)
from app.engine.spec import PromptSpec


def _section(tag: str, body: str) -> str:
    return f"<{tag}>\n{body.strip()}\n</{tag}>"


def render_claude(spec: PromptSpec) -> str:
    """Render a spec with Claude's conventions (Anthropic XML-tag guidance, metaprompt ordering)."""
    long_inputs, short_inputs = split_inputs(spec)
    blocks: list[str] = [_section("role", opening(spec))]
    ctx = context_lines(spec)
    if ctx:
        blocks.append(_section("context", "\n".join(bullets(ctx))))
    blocks.extend(_section(slug(sec.title), sec.body) for sec in spec.sections)
    blocks.extend(tagged(v) for v in long_inputs)

    instr: list[str] = []
    groups = grouped_rules(spec.instructions)
    counter = 0
    for name, rules in groups:
        if len(groups) > 1:
            instr.append(f"{name}:")
        for rule in rules:
            counter += 1
            instr.append(f"{counter}. {rule_text(rule)}")
    if spec.tone:
        instr.append("Tone and style:")
        instr.extend(bullets(spec.tone))
    if instr:
        blocks.append(_section("instructions", "\n".join(instr)))

    if spec.tools:
        blocks.append(_section("tools", "\n".join(bullets(tool_lines(spec)))))
    if spec.reasoning:
        body = "Before the answer, work through these steps inside <thinking></thinking> tags:\n"
        body += "\n".join(numbered(spec.reasoning))
        body += "\nThen write the answer after the closing thinking tag."
        blocks.append(_section("reasoning", body))
    blocks.append(_section("output_format", "\n".join(output_lines(spec))))
    if spec.examples:
        parts = []
        for example in spec.examples:
            inner = "\n".join(f"<{label}>\n{text.strip()}\n</{label}>" for label, text in example_parts(example))
            parts.append(_section("example", inner))
        blocks.append(_section("examples", "\n".join(parts)))

    guard = guardrail_lines(spec)
    clause = data_clause(spec)
    if clause:
        guard.append(clause)
    blocks.append(_section("guardrails", "\n".join(bullets(guard))))
    blocks.extend(tagged(v) for v in short_inputs)
    if spec.final_reminder:
        blocks.append(_section("reminder", spec.final_reminder))
    return join_blocks(blocks)

"""Generic rendering: plain Markdown sections that any chat model reads well."""

from __future__ import annotations

from app.engine.render._common import (
    bullets,
    context_lines,
    input_descriptions,
    join_blocks,
    markdown_core_blocks,
    opening,
    split_inputs,
    tagged,
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
    blocks.extend(markdown_core_blocks(spec, "#"))
    if short_inputs:
        request = ["# Request"]
        if not long_inputs:
            request.extend(bullets(input_descriptions(short_inputs)))
        request.extend(tagged(v) for v in short_inputs)
        blocks.append("\n".join(request))
    if spec.final_reminder:
        blocks.append(f"# Reminder\n{spec.final_reminder}")
    return join_blocks(blocks)

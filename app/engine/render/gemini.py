"""Gemini rendering: `##` headings plus explicit delimiters around background and inputs."""

from __future__ import annotations

from app.engine.render._common import (
    bullets,
    context_lines,
    join_blocks,
    markdown_core_blocks,
    opening,
    slot_variables,
    tagged,
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

    blocks.extend(markdown_core_blocks(spec, "##"))
    if spec.final_reminder:
        blocks.append(f"## Task\n{spec.final_reminder}")
    return join_blocks(blocks)

"""Render a PromptSpec for one model family; one module per family."""

from __future__ import annotations

from collections.abc import Callable

from app.engine.render.claude import render_claude
from app.engine.render.gemini import render_gemini
from app.engine.render.generic import render_generic
from app.engine.render.gpt import render_gpt
from app.engine.render.small import render_small
from app.engine.spec import PromptSpec
from app.engine.types import Target

RENDERERS: dict[Target, Callable[[PromptSpec], str]] = {
    "claude": render_claude,
    "gpt": render_gpt,
    "gemini": render_gemini,
    "small": render_small,
    "generic": render_generic,
}


def render(spec: PromptSpec, target: Target) -> str:
    """Render the spec as a system prompt for `target`."""
    try:
        renderer = RENDERERS[target]
    except KeyError:
        raise ValueError(f"unknown target {target!r}") from None
    return renderer(spec)


__all__ = ["RENDERERS", "render"]

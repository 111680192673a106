"""Promptsmith generation engine: a pure library (msgspec + stdlib) that generates, improves and templatizes prompts.

Importing it compiles regexes and builds the archetype registry, nothing more.
"""

from __future__ import annotations

from app.engine.archetypes import ARCHETYPES
from app.engine.brief import Brief
from app.engine.generate import GenerationResult, generate
from app.engine.improve import ImproveResult, improve
from app.engine.render import render
from app.engine.spec import PromptSpec
from app.engine.templatize import TemplatizeResult, templatize

__all__ = [
    "ARCHETYPES",
    "Brief",
    "GenerationResult",
    "ImproveResult",
    "PromptSpec",
    "TemplatizeResult",
    "generate",
    "improve",
    "render",
    "templatize",
]

"""Lint rule modules; importing this package registers every rule in `app.engine.lint._registry.RULES`."""

from app.engine.lint.rules import (
    clarity,
    consistency,
    contacts,
    efficiency,
    fragments,
    model_fit,
    quality_words,
    safety,
    security,
    structure,
    variables,
)

__all__ = [
    "clarity",
    "consistency",
    "contacts",
    "efficiency",
    "fragments",
    "model_fit",
    "quality_words",
    "safety",
    "security",
    "structure",
    "variables",
]

"""Lint rule modules; importing this package registers every rule in `app.engine.lint._registry.RULES`."""

from app.engine.lint.rules import (
    catchall_contacts,
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
    "catchall_contacts",
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

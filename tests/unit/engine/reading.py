"""What the engine read from a brief and what it rendered, in the shapes the review tests assert on."""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from app.engine.job_choice import classify_brief


def claude_prompt(task: str) -> str:
    """The Claude render of a brief with only its task."""
    return generate(Brief(task=task, target="claude")).prompt


def section(prompt: str, tag: str) -> str:
    """The text inside one XML-tagged section of a prompt ('' when it has none)."""
    found = re.search(rf"<{tag}>(.*?)</{tag}>", prompt, re.DOTALL)
    return found.group(1) if found else ""


def archetype_ids(task: str) -> list[str]:
    """The archetypes the brief is classified as, primary first."""
    brief = Brief(task=task)
    return [m.id for m in classify_brief(brief, read_constraints(brief))]


def forbidden_features(task: str) -> set[str]:
    """Every formatting feature the brief's format constraints forbid."""
    return {
        name for c in read_constraints(Brief(task=task)) if c.kind == "format" and c.forbidden for name in c.forbidden
    }


def limit_texts(task: str) -> list[str]:
    """The sentences of the brief's limit constraints."""
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


def outlines(task: str) -> list[list[str]]:
    """The section titles of each outline the brief gives."""
    return [list(c.values) for c in read_constraints(Brief(task=task)) if c.value == "sections"]


def context_of(prompt: str) -> str:
    """The prompt's <context> section."""
    return section(prompt, "context")


def instructions_of(prompt: str) -> str:
    """The prompt's <instructions> section."""
    return section(prompt, "instructions")

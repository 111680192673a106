"""Generate a system prompt from a brief, without an LLM: classify, compose, render, lint, count."""

from __future__ import annotations

import msgspec

from app.engine.brief import Brief, extract_entities
from app.engine.classify import ArchetypeMatch, classify
from app.engine.compose import compose
from app.engine.lint import lint_prompt
from app.engine.render import render
from app.engine.spec import PromptSpec
from app.engine.tokens import count_all
from app.engine.types import EngineStruct, LintReport, Target, TokenCount, Variable


class RenderedPrompt(EngineStruct, kw_only=True):
    """The spec rendered for one model family."""

    target: Target
    prompt: str


class GenerationResult(EngineStruct, kw_only=True):
    """Everything `generate` produces for a brief."""

    spec: PromptSpec
    target: Target
    prompt: str
    """The prompt rendered for the brief's target."""
    renders: list[RenderedPrompt] = msgspec.field(default_factory=list)
    """Renders for `also_render` targets (primary target excluded, in the requested order)."""
    variables: list[Variable] = msgspec.field(default_factory=list)
    tokens: list[TokenCount] = msgspec.field(default_factory=list)
    lint: LintReport
    archetypes: list[ArchetypeMatch] = msgspec.field(default_factory=list)


def build_spec(brief: Brief) -> tuple[PromptSpec, list[ArchetypeMatch]]:
    """Classify the brief and compose its spec (no rendering, no lint)."""
    if not brief.task.strip():
        raise ValueError("brief.task must not be empty")
    entities = extract_entities(brief.task)
    matches = classify(brief.task)
    return compose(brief, entities, matches), matches


def generate(brief: Brief) -> GenerationResult:
    """Turn a brief into a spec and prompt(s) for the requested targets, with token counts and a lint report."""
    spec, matches = build_spec(brief)
    prompt = render(spec, brief.target)
    renders: list[RenderedPrompt] = []
    seen: set[str] = {brief.target}
    for target in brief.also_render:
        if target not in seen:
            seen.add(target)
            renders.append(RenderedPrompt(target=target, prompt=render(spec, target)))
    report = lint_prompt(prompt, variables=spec.variables, target=brief.target)
    return GenerationResult(
        spec=spec,
        target=brief.target,
        prompt=prompt,
        renders=renders,
        variables=list(spec.variables),
        tokens=count_all(prompt),
        lint=report,
        archetypes=matches,
    )

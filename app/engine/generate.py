"""Generate a system prompt from a brief, without an LLM.

The pipeline, one small function per step:

    brief -> split_references -> correct_brief -> read_constraints -> classify_brief -> plan_spec (compose)
          -> render_all -> check_fidelity -> lint

`classify_brief` lives in `app.engine.job_choice` (with the task masks of `app.engine.task_masks` and the lead
rules of `app.engine.archetype_leads`).

Common misspellings are corrected first (`app.engine.spelling`), so that the prompt never repeats the user's typos;
the constraints the result shows keep spans into the brief as the user wrote it.

Constraint extraction and the fidelity check are injectable (`Steps`), so each step can be tested alone and the
composer can be exercised with hand-built constraints. Fidelity findings join the lint report in their own
`fidelity` category and count towards its score, like any other finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import msgspec

from app.engine.brief import Brief, extract_entities
from app.engine.classify import ArchetypeMatch
from app.engine.compose import Composition, compose_spec
from app.engine.compose.plan import make_plan
from app.engine.constraints import Constraint, extract_constraints
from app.engine.constraints.openapi import pasted_tool_specs
from app.engine.fidelity import check_fidelity
from app.engine.job_choice import classify_brief
from app.engine.lint import lint_prompt
from app.engine.references import split_references
from app.engine.render import render
from app.engine.spec import PromptSpec, Section
from app.engine.spelling import CorrectedBrief, correct_brief
from app.engine.task_masks import without_spans
from app.engine.tokens import count_all
from app.engine.types import EngineStruct, Finding, LintReport, Target, TokenCount, Variable

Extractor = Callable[[Brief], list[Constraint]]
FidelityCheck = Callable[[Sequence[Constraint], str], list[Finding]]


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
    constraints: list[Constraint] = msgspec.field(default_factory=list)
    """What was understood from the brief: each constraint with the span it came from."""
    warnings: list[str] = msgspec.field(default_factory=list)
    """What the user should know about the result (e.g. examples left out, and why)."""


@dataclass(frozen=True, slots=True)
class Steps:
    """The pluggable steps of the pipeline."""

    extract: Extractor = extract_constraints
    check: FidelityCheck = check_fidelity


DEFAULT_STEPS = Steps()


def read_constraints(brief: Brief, steps: Steps = DEFAULT_STEPS) -> list[Constraint]:
    """Step 1: the typed constraints the brief states."""
    if not brief.task.strip():
        raise ValueError("brief.task must not be empty")
    return steps.extract(brief)


def plan_spec(
    brief: Brief,
    matches: Sequence[ArchetypeMatch],
    constraints: Sequence[Constraint],
    references: Sequence[Section] = (),
) -> Composition:
    """Step 3: the spec, composed from the brief's entities, its archetypes and its constraints; pasted reference
    material joins as verbatim sections."""
    # The label names ("warm, neutral, curt or rude") are values to assign, not cues for the assistant's own tone;
    # a pasted tool spec's "content: application/json" is how the tool is called, not the reply's format.
    task = without_spans(brief.task, constraints, "labels")
    for start, end in pasted_tool_specs(task):
        task = task[:start] + re.sub(r"[^\n]", " ", task[start:end]) + task[end:]
    entities = extract_entities(task)
    plan = make_plan(
        brief, entities, matches, constraints, [r.title for r in references], "\n".join(r.body for r in references)
    )
    composition = compose_spec(plan)
    if references:
        spec = msgspec.structs.replace(composition.spec, sections=[*references, *composition.spec.sections])
        composition = msgspec.structs.replace(composition, spec=spec)
    return composition


def render_all(spec: PromptSpec, brief: Brief) -> tuple[str, list[RenderedPrompt]]:
    """Step 4: the prompt for the brief's target, and the `also_render` targets (each once)."""
    prompt = render(spec, brief.target)
    renders: list[RenderedPrompt] = []
    seen: set[str] = {brief.target}
    for target in brief.also_render:
        if target not in seen:
            seen.add(target)
            renders.append(RenderedPrompt(target=target, prompt=render(spec, target)))
    return prompt, renders


def fidelity_findings(constraints: Sequence[Constraint], prompt: str, steps: Steps = DEFAULT_STEPS) -> list[Finding]:
    """Step 5: what the prompt fails to carry or contradicts, as `fidelity` findings."""
    return steps.check(constraints, prompt) if constraints else []


def spans_in_original(
    constraints: Sequence[Constraint], corrected: CorrectedBrief, original: Brief
) -> list[Constraint]:
    """The constraints with their spans mapped from the corrected brief back onto the user's own text."""
    if not corrected.edits and corrected.brief.task == original.task:
        return list(constraints)  # (an unwrapped task keeps its offsets; only its span texts need the line breaks)
    out = []
    for c in constraints:
        span = c.span
        if span is None:
            out.append(c)
            continue
        if span.field == "constraints" and span.index is not None and span.index < len(original.constraints):
            source: object = original.constraints[span.index]
        elif span.index is None:
            source = getattr(original, span.field, None)
        else:
            out.append(c)  # tools, examples: structured fields the correction never touches
            continue
        start, end = corrected.original_span(span.field, span.index, span.start, span.end)
        text = source[start:end] if isinstance(source, str) else span.text
        out.append(msgspec.structs.replace(c, span=msgspec.structs.replace(span, start=start, end=end, text=text)))
    return out


def brief_fidelity(brief: Brief, prompt: str, steps: Steps = DEFAULT_STEPS) -> list[Finding]:
    """The fidelity findings of any prompt against a brief (the lint endpoint's check, and saved versions').

    The brief is read with common misspellings corrected, as `generate` reads it, so that a generated prompt
    ("supplement") is not faulted for a typo in its brief ("suplement"). The prompt is checked as submitted, so
    that every finding's span points into the user's own text.
    """
    constraints = read_constraints(prepare_brief(brief)[0].brief, steps)
    return fidelity_findings(constraints, prompt, steps)


def prepare_brief(brief: Brief) -> tuple[CorrectedBrief, list[Section]]:
    """Step 0: the brief as every later step reads it, and the reference material pasted into it.

    Pasted material (an agreement, a price list, a schema) is what the assistant works from: it is taken out before
    anything reads the brief (spelling correction and line joining included) and reaches the prompt whole."""
    blanked, references = split_references(brief)
    return correct_brief(blanked), references


def build_spec(brief: Brief, steps: Steps = DEFAULT_STEPS) -> tuple[PromptSpec, list[ArchetypeMatch]]:
    """Read, classify and compose (no rendering, no lint)."""
    corrected, references = prepare_brief(brief)
    brief = corrected.brief
    constraints = read_constraints(brief, steps)
    matches = classify_brief(brief, constraints)
    return plan_spec(brief, matches, constraints, references).spec, matches


def generate(brief: Brief, steps: Steps = DEFAULT_STEPS) -> GenerationResult:
    """Turn a brief into a spec and prompt(s), with token counts, lint and fidelity findings, and warnings."""
    original = brief
    corrected, references = prepare_brief(brief)
    brief = corrected.brief
    constraints = read_constraints(brief, steps)
    matches = classify_brief(brief, constraints)
    composition = plan_spec(brief, matches, constraints, references)
    spec = composition.spec
    prompt, renders = render_all(spec, brief)
    report = lint_prompt(
        prompt,
        variables=spec.variables,
        target=brief.target,
        extra_findings=fidelity_findings(constraints, prompt, steps),
    )
    return GenerationResult(
        spec=spec,
        target=brief.target,
        prompt=prompt,
        renders=renders,
        variables=list(spec.variables),
        tokens=count_all(prompt),
        lint=report,
        archetypes=list(matches),
        constraints=spans_in_original(constraints, corrected, original),
        warnings=list(composition.warnings),
    )

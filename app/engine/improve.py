"""Improve an existing prompt: restructure it for a target, fill the gaps the linter finds, keep the author's words."""

from __future__ import annotations

import difflib
import re
from typing import Literal

import msgspec

from app.engine.archetypes import BY_ID, FALLBACK_ID
from app.engine.classify import ArchetypeMatch, classify
from app.engine.compose import MAX_WORDS
from app.engine.lint import lint_prompt
from app.engine.parse import CONFIDENTIAL_RE as _CONFIDENTIAL
from app.engine.parse import parse_prompt, wrap_bare_variables
from app.engine.render import render
from app.engine.spec import Guardrails, OutputFormat, PromptSpec, Rule
from app.engine.types import ChatMessage, EngineStruct, LintReport, Target

ChangeKind = Literal["added", "restructured", "delimited", "feedback"]


class Change(EngineStruct, kw_only=True):
    """One edit `improve` made, and the lint rule that motivated it (if any)."""

    kind: ChangeKind
    description: str
    rule_id: str | None = None


class ImproveResult(EngineStruct, kw_only=True):
    """The improved prompt, what changed and why, a unified diff, and lint reports before and after."""

    prompt: str | list[ChatMessage]
    target: Target
    spec: PromptSpec
    changes: list[Change]
    diff: str
    archetypes: list[ArchetypeMatch]
    lint_before: LintReport
    lint_after: LintReport


_ANCHOR_INPUTS = frozenset({"document", "diff"})
_FEEDBACK_SHORTER = re.compile(r"\b(?:shorter|too long|more concise|concise|brief(?:er)?|terse)\b", re.I)
_FEEDBACK_LONGER = re.compile(r"\b(?:longer|more detail(?:ed)?|too short|in more depth|elaborate)\b", re.I)
_FEEDBACK_FORMAL = re.compile(r"\b(?:more formal|formal|professional|less casual)\b", re.I)
_FEEDBACK_FRIENDLY = re.compile(r"\b(?:friendlier|more friendly|warmer|more casual|less formal|less stiff)\b", re.I)
_FEEDBACK_JSON = re.compile(r"\bjson\b", re.I)
_FEEDBACK_CITE = re.compile(r"\b(?:cite|citations?|sources)\b", re.I)
_FEEDBACK_EXAMPLES = re.compile(r"\bexamples?\b", re.I)
_FEEDBACK_STEPS = re.compile(r"\b(?:step by step|reason(?:ing)?|think)\b", re.I)

_JSON_SCHEMA = {
    "type": "object",
    "properties": {
        "answer": {"type": "string", "description": "The answer to the request."},
        "confidence": {"type": "string", "enum": ["high", "medium", "low"]},
    },
    "required": ["answer", "confidence"],
    "additionalProperties": False,
}


def _apply_feedback(spec: PromptSpec, feedback: str, changes: list[Change]) -> PromptSpec:
    rules = list(spec.instructions)
    tone = list(spec.tone)
    output = spec.output_format
    length = spec.length
    examples = list(spec.examples)
    reasoning = list(spec.reasoning)
    if _FEEDBACK_SHORTER.search(feedback):
        length = "short"
        rules.append(
            Rule(
                text=f"Keep every answer under {MAX_WORDS['short']} words.",
                reason="Readers asked for shorter answers.",
                group="Feedback",
            )
        )
        reasoning = []
        changes.append(
            Change(
                kind="feedback",
                description="Capped answers at 80 words and dropped the reasoning steps (feedback: shorter).",
            )
        )
    elif _FEEDBACK_LONGER.search(feedback):
        length = "detailed"
        rules.append(
            Rule(
                text="Cover each point in depth, with one concrete example per point.",
                reason="Readers asked for more detail.",
                group="Feedback",
            )
        )
        changes.append(Change(kind="feedback", description="Asked for more depth per point (feedback: more detail)."))
    if _FEEDBACK_FORMAL.search(feedback):
        tone.append("Formal: full sentences, no slang or contractions.")
        changes.append(Change(kind="feedback", description="Added a formal tone rule (feedback: more formal)."))
    elif _FEEDBACK_FRIENDLY.search(feedback):
        tone.append("Friendly and approachable; address the user directly.")
        changes.append(Change(kind="feedback", description="Added a friendly tone rule (feedback: friendlier)."))
    if _FEEDBACK_JSON.search(feedback) and output.kind != "json":
        output = OutputFormat(
            kind="json",
            description=(
                "A single JSON object that matches the schema below, with no prose before or after it "
                "and no code fence." + (f" Content requirements: {output.description}" if output.description else "")
            ),
            json_schema=_JSON_SCHEMA,
        )
        changes.append(
            Change(
                kind="feedback",
                description="Switched the output to a JSON object with a schema (feedback: JSON).",
                rule_id="STR-07",
            )
        )
    if _FEEDBACK_CITE.search(feedback):
        rules.append(
            Rule(
                text="Cite the source passage for every factual claim as [source: title, section].",
                reason="Citations let readers verify the answer.",
                group="Feedback",
            )
        )
        changes.append(Change(kind="feedback", description="Added a citation rule (feedback: cite sources)."))
    if _FEEDBACK_STEPS.search(feedback) and not reasoning:
        reasoning = [
            "Restate the request and its constraints.",
            "Work out the answer.",
            "Check the answer against the rules before writing it.",
        ]
        changes.append(
            Change(kind="feedback", description="Added reasoning steps before the answer (feedback: reasoning).")
        )
    if _FEEDBACK_EXAMPLES.search(feedback) and not examples:
        changes.append(
            Change(
                kind="feedback",
                description=(
                    "Feedback asks for examples; none could be derived from the prompt, so add 1-3 input/output pairs."
                ),
            )
        )
    return msgspec.structs.replace(
        spec, instructions=rules, tone=tone, output_format=output, length=length, examples=examples, reasoning=reasoning
    )


def _fill_gaps(
    spec: PromptSpec, text: str, before: LintReport, changes: list[Change]
) -> tuple[PromptSpec, list[ArchetypeMatch]]:
    """Add what the lint report (or the parse) says is missing, from the best-matching archetype."""
    matches = classify(text)
    present = {v.name for v in spec.variables}
    # An archetype built around an input the prompt never receives (document QA without a document) would
    # add rules about inputs that do not exist, so fall back to the next match or the general assistant.
    chosen = next(
        (m for m in matches if all(v.name in present for v in BY_ID[m.id].variables if v.name in _ANCHOR_INPUTS)),
        None,
    )
    archetype = BY_ID[chosen.id if chosen else FALLBACK_ID]
    if chosen is None:
        matches = [ArchetypeMatch(id=FALLBACK_ID, score=0, features=[])]
    fired = {f.rule_id for f in before.findings}
    role, objective = spec.role, spec.objective
    if not role:
        role = archetype.role.replace("{for_product}", "")
        objective = archetype.objective.replace("{task_sentence}", "Complete the task described below.")
        objective = re.sub(r"\{[a-z_]+\}", "the user", objective)
        changes.append(
            Change(kind="added", description=f"Added a role and objective ({archetype.title}).", rule_id="STR-01")
        )
    output = spec.output_format
    if not output.description:
        description = archetype.output.description.replace("{max_words}", str(MAX_WORDS[spec.length]))
        output = OutputFormat(
            kind=archetype.output.kind, description=description, json_schema=archetype.output.json_schema
        )
        changes.append(Change(kind="added", description="Added an output format section.", rule_id="STR-02"))
    g = spec.guardrails
    out_of_scope, when_unsure = g.out_of_scope, g.when_unsure
    user = archetype.user_term

    def fill(value: str) -> str:
        return value.replace("{product}", "this product").replace("{for_product}", "").replace("{user}", user)

    if not when_unsure:
        when_unsure = fill(archetype.when_unsure)
        changes.append(
            Change(
                kind="added",
                description="Added what to do when unsure or when information is missing.",
                rule_id="STR-06",
            )
        )
    if not out_of_scope:
        out_of_scope = fill(archetype.out_of_scope)
        changes.append(Change(kind="added", description="Added the reply for out-of-scope requests.", rule_id="STR-06"))
    protected = any(_CONFIDENTIAL.search(line) for line in g.extra)
    if not protected:
        changes.append(Change(kind="added", description="Added a confidentiality line for the instructions."))
    if any(not v.trusted for v in spec.variables) and "SEC-01" in fired:
        changes.append(
            Change(kind="added", description="Added a treat-as-data clause for the untrusted inputs.", rule_id="SEC-01")
        )
    guardrails = Guardrails(
        out_of_scope=out_of_scope, when_unsure=when_unsure, protect_instructions=not protected, extra=g.extra
    )
    return (
        msgspec.structs.replace(
            spec, role=role, objective=objective, output_format=output, guardrails=guardrails, user_term=user
        ),
        matches,
    )


def _diff(before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), "original", "improved")
    )


def _improve_text(
    text: str, feedback: str | None, target: Target
) -> tuple[str, PromptSpec, list[Change], list[ArchetypeMatch], LintReport, LintReport]:
    before = lint_prompt(text, target=target)
    changes: list[Change] = []
    wrapped_text, wrapped = wrap_bare_variables(text)
    if wrapped:
        names = ", ".join(f"{{{{{n}}}}}" for n in wrapped)
        changes.append(
            Change(
                kind="delimited", description=f"Wrapped {names} in XML tags where it appears inline.", rule_id="VAR-02"
            )
        )
    spec = parse_prompt(wrapped_text)
    slots = [v.name for v in spec.variables if v.name not in spec.inline_variables]
    if slots:
        changes.append(
            Change(
                kind="delimited",
                description="Moved " + ", ".join(f"{{{{{n}}}}}" for n in slots) + " into tagged input slots.",
                rule_id="VAR-02",
            )
        )
    if feedback:
        # Feedback first: a requested format (JSON) must replace, not merge with, a default the gap filler adds.
        spec = _apply_feedback(spec, feedback, changes)
    spec, matches = _fill_gaps(spec, text, before, changes)
    spec = msgspec.structs.replace(spec, target=target)
    improved = render(spec, target)
    changes.insert(
        0,
        Change(
            kind="restructured",
            description=f"Reorganised the prompt into {target} sections; the original sentences are kept verbatim.",
            rule_id="MOD-01" if target == "claude" else None,
        ),
    )
    after = lint_prompt(improved, variables=spec.variables, target=target)
    return improved, spec, changes, matches, before, after


def improve(
    prompt: str | list[ChatMessage], *, feedback: str | None = None, target: Target = "generic"
) -> ImproveResult:
    """Improve a prompt (text, or chat messages whose system message is improved) for `target`."""
    if isinstance(prompt, str):
        improved, spec, changes, matches, before, after = _improve_text(prompt, feedback, target)
        return ImproveResult(
            prompt=improved,
            target=target,
            spec=spec,
            changes=changes,
            diff=_diff(prompt, improved),
            archetypes=matches,
            lint_before=before,
            lint_after=after,
        )
    messages = list(prompt)
    index = next((i for i, m in enumerate(messages) if m.role == "system"), None)
    source = messages[index].content if index is not None else ""
    if index is None:
        # No system message: derive one from what the conversation asks for.
        source = "\n\n".join(m.content for m in messages if m.role == "user")
    improved, spec, changes, matches, before, after = _improve_text(source, feedback, target)
    new_system = ChatMessage(role="system", content=improved)
    if index is None:
        messages.insert(0, new_system)
        changes.insert(0, Change(kind="added", description="Added a system message.", rule_id="STR-01"))
        original_system = ""
    else:
        original_system = messages[index].content
        messages[index] = new_system
    return ImproveResult(
        prompt=messages,
        target=target,
        spec=spec,
        changes=changes,
        diff=_diff(original_system, improved),
        archetypes=matches,
        lint_before=before,
        lint_after=after,
    )

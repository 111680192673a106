"""Input slots: the brief's own variables, the archetype's default inputs and the inputs the task's nouns call for.

A conversational assistant receives the end user's message as a user turn, so it gets no question/message slot in
its system prompt; documents and data stay as delimited slots. Words inside a fallback, a tool signature or a
label/field list do not call for a slot ("email help@acme.com" is a constant, not an `{{email}}` input).
"""

from __future__ import annotations

import re

from app.engine.brief import describe_variable, variable_cues
from app.engine.compose.plan import Plan
from app.engine.types import Variable

MAX_INFERRED_VARIABLES = 3
CONVERSATIONAL_SLOTS = frozenset({"question", "message", "query", "request", "user_input"})
"""Slots that stand for the user's turn itself."""
_NOT_INPUTS = ("fallback", "tool", "labels", "fields", "schema", "limit", "format", "language", "audience", "tone")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ASIDE = re.compile(r"\([^()]{0,200}\)")
LABELS_INPUT = Variable(
    name="labels", description="The allowed labels, one per line, each with a one-line definition.", trusted=True
)


def _masked_task(plan: Plan) -> str:
    """The task with the spans of non-input constraints blanked out."""
    task = plan.brief.task
    chars = list(task)
    for c in plan.of_kind(*_NOT_INPUTS):  # type: ignore[arg-type]
        if c.span is None or c.span.field != "task":
            continue
        start, end = c.span.start, c.span.end
        if c.kind == "fallback":
            # "If unsure, tell them to email billing@acme.com": the whole sentence is about the fallback.
            start = max(task.rfind(".", 0, start), task.rfind("\n", 0, start)) + 1
            stop = _SENTENCE_END.search(task, end)
            end = stop.end() if stop else len(task)
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    # "(phone numbers, emails, handles)": examples in an aside name no input of the prompt.
    for aside in _ASIDE.finditer(task):
        chars[aside.start() : aside.end()] = " " * (aside.end() - aside.start())
    return "".join(chars)


def _inferred(plan: Plan) -> list[Variable]:
    primary = plan.primary
    dropped = set(primary.drop_variables)
    if plan.conversational:
        dropped |= CONVERSATIONAL_SLOTS | {v.name for v in primary.variables}
    masked = _masked_task(plan)
    # Cues were read from the whole task already; read them again only when constraint spans were blanked out.
    cues = plan.entities.variables if masked == plan.brief.task else variable_cues(masked)
    inferred = [v for v in cues if v.name not in dropped]
    if not primary.blendable and len(inferred) > 1:
        # A fixed-output task has one main input: the most specific cue wins over a generic "document".
        inferred = [next((v for v in inferred if v.name != "document"), inferred[0])]
    return inferred


def _tailor(variable: Variable, plan: Plan) -> Variable:
    """Inferred slot descriptions in the brief's terms ("The help-center article ...", "The customer's question.")."""
    sources = plan.placeholders["sources"]
    if (
        variable.name == "document"
        and plan.primary.grounded_in_sources
        and variable.description == describe_variable("document")
    ):
        desc = f"{sources[0].upper()}{sources[1:]} that the answers are based on."
        return Variable(name=variable.name, description=desc, trusted=variable.trusted)
    if (
        variable.name == "question"
        and plan.user_term != "user"
        and variable.description == describe_variable("question")
    ):
        return Variable(name=variable.name, description=f"The {plan.user_term}'s question.", trusted=variable.trusted)
    return variable


# "i'll paste our price list underneath", "the hours and menu will be pasted in below", "(we paste the page text)",
# "Versicherungsbedingungen (AVB), die unten eingefügt werden": material the operator supplies with the prompt.
_NOUN = r"(?:our|the|my|their|your|a|an)\s+(?P<{name}>[^\W\d][\w&'/-]*(?:\s+[^\W\d][\w&'/-]*){{0,3}}?)"
_PASTED = re.compile(
    rf"\b(?:paste|pasting)\w*\s+(?:in\s+)?{_NOUN.format(name='a')}\s*(?:\)|\s(?:below|underneath|here|"
    rf"after\s+this|at\s+the\s+end)\b)|"
    rf"{_NOUN.format(name='b')}\s+(?:will|would|is|are|gets?|can)\s+(?:be\s+)?(?:pasted|attached)"
    r"(?:\s+(?:in\s+)?(?:below|underneath|here|at\s+the\s+end|by\b|with\b)|\s*[.,;)]|$)|"
    r"\b(?P<c>[^\W\d_]{4,40})(?:\s*\([^()]{1,20}\))?,?\s+(?:die|das|der)\s+(?:unten|hier)\s+eingefügt\s+(?:wird|werden)\b|"
    r"\b(?P<d>[^\W\d_]{4,40})(?:\s+[^\W\d_]{2,20})?\s+(?:que\s+)?(?:pegad[oa]s?|pegamos|pegaremos|coll[ée]e?s?|colad[oa]s?)\s+"
    r"(?:abajo|ci-dessous|abaixo|aquí|aqui)\b",
    re.IGNORECASE,
)
_FOLD = str.maketrans("äöüßéèêáíóúñçãõâô", "aouseeeaiouncaoao")


def _pasted(plan: Plan) -> list[Variable]:
    """A slot for each kind of material the brief says will be pasted in with the prompt."""
    found: list[Variable] = []
    for match in _PASTED.finditer(plan.brief.task):
        noun = next(g for g in match.groups() if g)
        name = re.sub(r"[^a-z0-9]+", "_", noun.lower().translate(_FOLD)).strip("_")
        if name and name not in {v.name for v in found}:
            found.append(Variable(name=name, description=f"The {noun} the operator pastes in."))
    return found


def variables(plan: Plan) -> list[Variable]:
    """The prompt's input slots: explicit first, then defaults and inferred ones (at most three added)."""
    primary = plan.primary
    inferred = _inferred(plan)
    skip: frozenset[str] = frozenset()
    if plan.conversational:
        # A chat-mode archetype's own message slot (support's `ticket`) is the user turn too; documents stay.
        chat_mode = not primary.conversational
        skip = CONVERSATIONAL_SLOTS | (frozenset(v.name for v in primary.variables) if chat_mode else frozenset())
    defaults = [
        v
        for v in primary.variables
        if v.name not in skip and not (v.name in primary.replaceable_inputs and any(c.name != v.name for c in inferred))
    ]
    merged: list[Variable] = list(plan.brief.variables)
    names = {v.name for v in merged}
    for v in _pasted(plan):
        if v.name not in names:
            names.add(v.name)
            merged.append(v)
    budget = MAX_INFERRED_VARIABLES
    for v in [*defaults, *inferred]:
        if v.name in names or budget == 0:
            continue
        names.add(v.name)
        merged.append(v)
        budget -= 1
    if primary.uses_labels and not plan.labels and "labels" not in names:
        merged.insert(0, LABELS_INPUT)
    return [_tailor(v, plan) for v in merged]

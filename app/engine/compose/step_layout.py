"""A layout the brief gives for one step ("After END give feedback in exactly this layout:", "When the learner types
DONE, give a report …") keeps its trigger: the limits on that layout's lines ("Each feedback line max 20 words") are
that step's, so the output section says when they apply instead of putting them on every turn."""

from __future__ import annotations

import re
from typing import NamedTuple

import msgspec

from app.engine.constraints.model import Constraint
from app.engine.constraints.step_intros import ONE_TIME_INTRO, step_sentence

# The words of a limit's scope that name no thing of their own ("each feedback line": only "feedback" names the step)
_SCOPE_FILLER = frozenset(
    {"each", "every", "the", "a", "an", "of", "line", "lines", "sentence", "sentences", "item", "items", "part", "row"}
)
# "When the user types END": the typed word (or quoted phrase) belongs to the trigger
_TYPED_VERB = re.compile(r"(?:types?|typed|says?|said|writes?|sends?|tippt|schreibt|sagt|escribe|dice|tape|écrit|dit)$")
_NEXT_TOKEN = re.compile(r"\s+(?:\"[^\"\n]{1,40}\"|'[^'\n]{1,40}'|“[^”\n]{1,40}”|[^\s,:;.]+)")


# A line that ends in a colon and has lines under it: "After END give feedback in exactly this layout:\nScenario: …"
_INTRO_LINE = re.compile(r"(?m)^(?P<line>[^\n]{4,300}[:：])[ \t]*\n(?:[ \t]*\n)?[ \t]*\S")


class Step(NamedTuple):
    """A one-step layout: the sentence that introduces it (its trigger first) and where its lines stand in the task."""

    sentence: str
    start: int
    end: int


def step_intro(task: str) -> Step | None:
    """The layout the brief gives for one step only (its sentence opens with a trigger: "After END", "When the learner
    types DONE", "At the end of the session", "Am Ende", or goes on from one: "… until they type END. Then …"), or
    None."""
    for found in _INTRO_LINE.finditer(task):
        sentence = step_sentence(found.group("line"))
        if sentence is not None:
            blank = re.compile(r"\n[ \t]*\n").search(task, found.end() + 1)
            return Step(sentence, found.end("line"), blank.start() if blank else len(task))
    return None


def step_trigger(sentence: str) -> str | None:
    """The trigger that opens a one-step layout's sentence ("After END", "When the learner types DONE"), or None."""
    opened = ONE_TIME_INTRO.match(sentence)
    if opened is None:
        return None
    comma = sentence.find(",", opened.end())
    if 0 <= comma <= opened.end() + 60:
        trigger = sentence[:comma]  # "When the learner types DONE, stop the role and …"
    else:
        end = opened.end()
        typed = _NEXT_TOKEN.match(sentence, end) if _TYPED_VERB.search(sentence[:end]) else None
        trigger = sentence[: typed.end() if typed else end]  # "After END give feedback …"
    return " ".join(trigger.strip(" \t-*•").split()) or None


def at_step(constraint: Constraint, step: Step | None) -> Constraint:
    """A limit on a part of the step's layout ("each feedback line" after "After END give feedback …", a limit written
    on one of its lines: "Comment: one sentence"), with the step's trigger put before it; any other constraint as it
    is."""
    if step is None or constraint.kind != "limit" or not constraint.scope:
        return constraint
    trigger = step_trigger(step.sentence)
    if trigger is None:
        return constraint
    span = constraint.span
    on_its_lines = span is not None and span.field == "task" and step.start <= span.start < step.end
    named = [w for w in re.findall(r"[^\W\d_]+", constraint.scope.lower()) if w not in _SCOPE_FILLER]
    said = {w.lower() for w in re.findall(r"[^\W\d_]+", step.sentence)}
    text = constraint.text
    if named and all(w in said for w in named):
        return msgspec.structs.replace(constraint, text=f"{trigger}, {text[:1].lower()}{text[1:]}")
    # ("Tip: one sentence" on a line of the layout: the rule as read, after its moment)
    return msgspec.structs.replace(constraint, text=f"{trigger}: {text}") if on_its_lines else constraint


def step_line(step: Step | None, task: str = "", said: str = "") -> str | None:
    """The output section's line for a one-step layout: when it applies, and that every other turn keeps its format
    ("When the user types RESULTS, use the layout the rules give for it; every other reply keeps the format above.").

    `said`: the rules' text. When the layout's lines are not among them ("After the student submits an essay, give
    feedback in this format:\nStrengths: ...\nWeaknesses: ..."), the line gives the layout itself."""
    trigger = step_trigger(step.sentence) if step is not None else None
    if trigger is None or step is None:
        return None
    lines = [line.strip() for line in task[step.start : step.end].splitlines() if line.strip()]
    if lines and " ".join(lines[0].split()) not in " ".join(said.split()):
        layout = "\n".join(lines)
        return f"{trigger}, use exactly this layout:\n{layout}\nEvery other reply keeps the format above."
    return f"{trigger}, use the layout the rules give for that step; every other reply keeps the format above."

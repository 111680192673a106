"""A layout the brief gives for one step ("After END give feedback in exactly this layout:", "When the learner types
DONE, give a report …") keeps its trigger: the limits on that layout's lines ("Each feedback line max 20 words") are
that step's, so the output section says when they apply instead of putting them on every turn."""

from __future__ import annotations

import re

import msgspec

from app.engine.constraints.model import Constraint
from app.engine.constraints.sections import ONE_TIME_INTRO

# The words of a limit's scope that name no thing of their own ("each feedback line": only "feedback" names the step)
_SCOPE_FILLER = frozenset(
    {"each", "every", "the", "a", "an", "of", "line", "lines", "sentence", "sentences", "item", "items", "part", "row"}
)
# "When the user types END": the typed word (or quoted phrase) belongs to the trigger
_TYPED_VERB = re.compile(r"(?:types?|typed|says?|said|writes?|sends?|tippt|schreibt|sagt|escribe|dice|tape|écrit|dit)$")
_NEXT_TOKEN = re.compile(r"\s+(?:\"[^\"\n]{1,40}\"|'[^'\n]{1,40}'|“[^”\n]{1,40}”|[^\s,:;.]+)")


# A line that ends in a colon and has lines under it: "After END give feedback in exactly this layout:\nScenario: …"
_INTRO_LINE = re.compile(r"(?m)^(?P<line>[^\n]{4,300}[:：])[ \t]*\n(?:[ \t]*\n)?[ \t]*\S")


def step_intro(task: str) -> str | None:
    """The sentence that introduces lines the brief gives for one step only (its own sentence opens with a trigger:
    "After END", "When the learner types DONE", "At the end of the session", "Am Ende"), or None."""
    for found in _INTRO_LINE.finditer(task):
        own = re.split(r"(?<=[.!?。！？])\s+", found.group("line").strip())[-1]
        if ONE_TIME_INTRO.match(own):
            return own
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


def at_step(constraint: Constraint, sentence: str | None) -> Constraint:
    """A limit on a part the step's sentence names ("each feedback line" after "After END give feedback …"), with
    the step's trigger put before it; any other constraint as it is."""
    if sentence is None or constraint.kind != "limit" or not constraint.scope:
        return constraint
    named = [w for w in re.findall(r"[^\W\d_]+", constraint.scope.lower()) if w not in _SCOPE_FILLER]
    said = {w.lower() for w in re.findall(r"[^\W\d_]+", sentence)}
    trigger = step_trigger(sentence)
    if trigger is None or not named or not all(w in said for w in named):
        return constraint
    text = constraint.text
    return msgspec.structs.replace(constraint, text=f"{trigger}, {text[:1].lower()}{text[1:]}")

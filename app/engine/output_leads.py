"""Lead rules that make the frame follow what the brief's output is for, not who its readers are.

- `grader_over_tutor`: "pre-mark the students' tasting notes … Return JSON only" marks work and returns marks: a
  grader, however much it speaks of students and feedback; a tutor guides a conversation with hints and questions,
  which a JSON record cannot hold.
- `listener_over_support`: "It is NOT counselling … listen, reflect back" is a listening companion (the general
  assistant's companion variant), never a support desk with resolution steps and a fix-oriented tone.
- `toolless_agent_leads`: a brief with no tool stated and no word for tools ("fissare il sopralluogo", "book a
  survey") gets no tool agent's frame: its role, context and rules would stand for tools that do not exist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from app.engine.archetypes import BY_ID, FALLBACK_ID
from app.engine.archetypes.variants import LISTENING
from app.engine.classify import ArchetypeMatch
from app.engine.constraints import Constraint
from app.engine.own_choice import OWN_CHOICE

_TUTOR = "tutor"
_GRADER = "grader"
_SUPPORT = "customer_support"

# Marking work against criteria: "pre-marked", "0-2 points each", "score each criterion", "bands", "rubric", and the
# same in the languages briefs come in.
_MARKS_WORK = re.compile(
    r"\bpre-?mark\w*|\bmark(?:s|ed|ing)?\b|\bpoints?\s+(?:each|per)\b|\bscor(?:e|es|ed|ing)\b|\bgrad(?:e|es|ed|ing)\b|"
    r"\brubrics?\b|\bcriteri(?:a|on)\b|\bbands?\b|\bpunt(?:i|eggio|uaci[óo]n|uar|ua)\b|\bbewert\w*|\bbenot\w*|"
    r"\bpunkte?\b|\bnot(?:er|ez|ation)\b|\bbar[èe]me\b|\bvalut\w*|\bcalific\w*|\bpontu\w*|\bbeoordeel\w*|\bcijfers?\b|"
    r"採点|評価|评分|打分",
    re.IGNORECASE,
)


def _json_reply(constraints: Sequence[Constraint]) -> bool:
    """Whether the brief's reply is a JSON record (its format rule or a pasted schema)."""
    return any((c.kind == "format" and c.value == "json") or c.kind == "schema" for c in constraints)


def _lead(
    matches: list[ArchetypeMatch], new_id: str, feature: str, dropped: frozenset[str] = frozenset()
) -> list[ArchetypeMatch]:
    """`new_id` leads (its own match if there is one); the matches in `dropped` go."""
    found = next((m for m in matches if m.id == new_id), None)
    lead = found or ArchetypeMatch(id=new_id, score=matches[0].score, features=[feature])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m is not found and m.id not in dropped]
    return [msgspec.structs.replace(lead, rank="primary"), *rest]


def grader_over_tutor(
    matches: list[ArchetypeMatch], task: str, constraints: Sequence[Constraint]
) -> list[ArchetypeMatch]:
    """A tutor in a brief that marks work and returns the marks as JSON goes: the grader leads in its place, and a
    second-job tutor would add hints and questions to a JSON record."""
    if not any(m.id == _TUTOR for m in matches) or not _json_reply(constraints) or not _MARKS_WORK.search(task):
        return matches
    if matches[0].id != _TUTOR:
        return [m for m in matches if m.id != _TUTOR]
    return _lead(matches, _GRADER, "marks work", frozenset({_TUTOR}))


def listener_over_support(matches: list[ArchetypeMatch], task: str, tools: bool) -> list[ArchetypeMatch]:
    """A support lead of a listening chat that is no counselling gives way to the general assistant (companion)."""
    # ("Nunca dizer à pessoa o que deve fazer … a decisão é dela": no resolution steps for a person's own choice)
    if tools or not matches or matches[0].id != _SUPPORT or not (LISTENING.search(task) or OWN_CHOICE.search(task)):
        return matches
    lead = ArchetypeMatch(id=FALLBACK_ID, score=matches[0].score, features=["listens"])
    # (the general assistant is never blended: the support job goes with the lead it lost)
    return [lead]


def toolless_agent_leads(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """A tool agent that leads a brief with no tool stated, on no word for tools (only the model's guess or verbs
    such as "book", "schedule"), gives the lead to the next job that needs none, else to the general assistant."""
    if not matches or not BY_ID[matches[0].id].tools_native or {"tools", "agent"} & set(matches[0].features):
        return matches
    rest = [m for m in matches if not BY_ID[m.id].tools_native]
    if not rest:
        return [ArchetypeMatch(id=FALLBACK_ID, score=matches[0].score, features=["no tools"])]
    return [msgspec.structs.replace(rest[0], rank="primary"), *rest[1:]]

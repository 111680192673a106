"""Lead rules that make the frame follow what the brief's output is for, not who its readers are.

- `grader_over_tutor`: "pre-mark the students' tasting notes … Return JSON only" marks work and returns marks: a
  grader, however much it speaks of students and feedback. A tutor that returns a hint for the next step beside a
  progress score ('{"score": 0-3, "hint": …}, never give the answer') stays a tutor: it marks nothing against
  criteria.
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


# Marking against stated criteria, which a tutor's progress score ({"score": 0-3, "hint": …}) never is: a rubric, a
# mark scheme, bands, points per criterion, pre-marking.
_MARKS_AGAINST_CRITERIA = re.compile(
    r"\bpre-?mark\w*|\bmark(?:s|ed|ing)?\b|\bpoints?\s+(?:each|per)\b|\brubrics?\b|\bcriteri(?:a|on)\b|\bbands?\b|"
    r"\bbar[èe]me\b|\bcrit[èe]res?\b|\bcriteri[oa]s?\b|\bkriteri(?:um|en)\b|\bbewertungsbogen\b|\bnotenschl[üu]ssel\b|"
    r"\br[úu]brica\b|\bgriglia\b|\bbeoordelingscriteria\b|評価基準|评分标准|採点基準",
    re.IGNORECASE,
)
# A hint for the learner's next step: the tutor's own reply, whatever score sits beside it.
_HINT_KEY = re.compile(
    r"^(?:hints?|nudge|next_?step|pistas?|tipps?|hinweis|indices?|indice|dicas?|suggerimento|suggerimenti|"
    r"aanwijzing(?:en)?|ヒント|提示)$",
    re.IGNORECASE,
)
_TUTOR_WITHHOLDS = frozenset(
    {
        "no answer given (any language)",
        "hint, not the answer (any language)",
        "hint first, answer after tries (any language)",
    }
)


def _guides_learner(matches: list[ArchetypeMatch], constraints: Sequence[Constraint], task: str) -> bool:
    """Whether the tutor's reply guides the learner (a hint key in the record, or the tutor's rule of hints instead
    of answers) and nothing in the brief marks work against criteria."""
    if _MARKS_AGAINST_CRITERIA.search(task):
        return False
    keys = [v for c in constraints if c.kind in ("schema", "fields") for v in c.values]
    tutor = next(m for m in matches if m.id == _TUTOR)
    return any(_HINT_KEY.match(key) for key in keys) or bool(_TUTOR_WITHHOLDS & set(tutor.features))


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
    if _guides_learner(matches, constraints, task):
        return matches  # '{"score": 0-3, "hint": …}, never give the answer': a tutor's nudge with its progress score
    if matches[0].id != _TUTOR:
        return [m for m in matches if m.id != _TUTOR]
    return _lead(matches, _GRADER, "marks work", frozenset({_TUTOR}))


def listener_over_support(matches: list[ArchetypeMatch], task: str, tools: bool) -> list[ArchetypeMatch]:
    """A support lead of a listening chat that is no counselling gives way to the general assistant (companion)."""
    if tools or not matches or matches[0].id != _SUPPORT or not LISTENING.search(task):
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

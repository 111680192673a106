"""Bans in a prompt on a formatting feature that its brief asks for ("then list them all" against "Do not use
lists"): a contradiction that no single constraint states, read from the brief's own words in every span."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from app.engine.constraints.model import Constraint
from app.engine.fidelity.checks import Conflict
from app.engine.fidelity.formats import Feature, bans, clash, requests
from app.engine.fidelity.prompt import PromptView


def _around(words: str, feature: Feature, before: int = 60, after: int = 30) -> str:
    """The brief's words around a request, cut at word boundaries."""
    start = max(0, feature.start - before)
    end = min(len(words), feature.end + after)
    if start > 0:
        start = words.find(" ", start) + 1 or start
    if end < len(words):
        cut = words.rfind(" ", feature.end, end)
        end = cut if cut > 0 else end
    return ("..." if start > 0 else "") + words[start:end].strip() + ("..." if end < len(words) else "")


# "Do not use lists unless …", "no tables except for prices", "no bullets in the subject line": the prompt scopes
# its own ban to a case or a part of the reply.
_SCOPED_BAN = re.compile(
    r"\b(?:if|when|whenever|unless|except|other\s+than|apart\s+from|besides|outside|only)\b|"
    r"\b(?:in|inside|within|for)\s+(?:the|each|every|your|a|an)\s+"
    r"(?!(?:reply|replies|response|responses|answer|answers|output|message|messages|chat)\b)\w+",
    re.IGNORECASE,
)


class RequestConflict(NamedTuple):
    """A ban in the prompt on a feature the brief's own words ask for."""

    constraint: Constraint
    feature: str
    request: str
    """The brief's words that ask for the feature, around the request."""
    ban: Conflict


def requested_feature_conflicts(brief: Sequence[Constraint], view: PromptView) -> list[RequestConflict]:
    """Bans in the prompt on a formatting feature that the brief asks for ("then list them all" in the brief, "Do
    not use lists" in the prompt). A feature the brief's words also rule out is scoped there and not reported, nor
    is a ban the prompt scopes itself ("unless", "except", "if")."""
    bans_by_name: dict[str, list[Feature]] = {}
    for ban in view.bans:
        sentence = view.sentence_at(ban.start)
        if sentence is None or not _SCOPED_BAN.search(sentence.text):
            bans_by_name.setdefault(ban.name, []).append(ban)
    if not bans_by_name:
        return []
    words_seen: set[str] = set()
    asked: list[tuple[Constraint, str, Feature]] = []
    banned_by_brief: set[str] = set()
    for constraint in brief:
        words = constraint.span.text if constraint.span is not None else ""
        if not words.strip() or words in words_seen:
            continue
        words_seen.add(words)
        banned_by_brief.update(feature.name for feature in bans(words))
        asked.extend((constraint, words, feature) for feature in requests(words) if feature.name in bans_by_name)
    found: list[RequestConflict] = []
    reported: set[int] = set()
    for constraint, words, request in asked:
        if request.name in banned_by_brief:
            continue
        for ban in bans_by_name[request.name]:
            if ban.start not in reported and clash(request, ban):
                reported.add(ban.start)
                sentence = view.sentence_at(ban.start)
                start, end = (sentence.start, sentence.end) if sentence else (ban.start, ban.end)
                found.append(RequestConflict(constraint, request.name, _around(words, request), Conflict(start, end)))
    return found

"""A brief that asks for someone by the name of their job ("Je veux un correcteur qui évalue…", "we need a
translator for…") has named its job: that archetype leads, whatever the brief's other words (a rubric about
spelling, a pasted email) suggest."""

from __future__ import annotations

import re

import msgspec

from app.engine.archetypes import REGISTRY
from app.engine.classify import ArchetypeMatch

# An article right before the noun, up to three words apart ("a strict but fair grader", "un correcteur"); a
# requester who says what they are ("I'm an editor", "je suis traductrice") asks for no one.
_ARTICLE = r"\b(?:an?|un|une|una|uno|um|uma|ein|eine|einen|een)\s+(?:[^\W\d_][\w'-]*\s+){0,3}?"
_SELF = re.compile(
    r"\b(?:i\s+am|i'm|we\s+are|we're|je\s+suis|nous\s+sommes|soy|somos|sou|somos|ich\s+bin|wir\s+sind|sono|siamo|"
    r"ik\s+ben|wij\s+zijn|as|als|como|comme|come)\s+$",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|no|never|pas|nicht|kein\w*|non|nunca|não|niet|geen)\s+$", re.IGNORECASE)


def named_agent(sentence: str) -> str | None:
    """The archetype id whose agent noun the sentence asks for, if any (the first one asked for)."""
    best: tuple[int, str] | None = None
    for archetype in REGISTRY:
        if archetype.agent_nouns is None:
            continue
        for noun in archetype.agent_nouns.finditer(sentence):
            if not _asked_for(sentence, noun.start()):
                continue
            if best is None or noun.start() < best[0]:
                best = (noun.start(), archetype.id)
            break
    return best[1] if best else None


def _asked_for(sentence: str, start: int) -> bool:
    cjk = start > 0 and not sentence[start - 1].isascii()
    if cjk:
        return True
    article = re.search(_ARTICLE + r"$", sentence[max(0, start - 40) : start], re.IGNORECASE)
    if article is None or not (start == 0 or not sentence[start - 1].isalnum()):
        return False
    before = sentence[max(0, start - 40) : start][: article.start()]
    return not _SELF.search(before) and not _NEGATED.search(before)


def named_agent_leads(matches: list[ArchetypeMatch], job_sentence: str) -> list[ArchetypeMatch]:
    """Matches with the archetype the job sentence asks for first (added when the scores missed it)."""
    named = named_agent(job_sentence)
    if named is None or not matches or matches[0].id == named:
        return matches
    lead = next((m for m in matches if m.id == named), None)
    lead = lead or ArchetypeMatch(id=named, score=matches[0].score, features=["named job"])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m.id != named]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]

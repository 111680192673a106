"""Deterministic archetype classification: a shipped n-gram model for recall, archetype keywords as precise evidence.

The brief is normalised first (code spans, signatures, JSON and reading-level phrases masked, see
`app.engine.classifier.text`). Each archetype then gets a combined integer score out of 10000: the model's
probability plus a bounded bonus for the archetype's own keyword features (`app.engine.classifier.decision`).
Everything is integer arithmetic in registry order, so a brief gives byte-identical matches in every process.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from app.engine.archetypes import FALLBACK_ID, REGISTRY, Archetype
from app.engine.classifier.decision import DEFAULT_PARAMS, choose, combine
from app.engine.classifier.features import MAX_CHARS
from app.engine.classifier.model import PROBABILITY_SCALE, load_model
from app.engine.classifier.text import prepare
from app.engine.fastre import prefiltered, prefiltered_source
from app.engine.types import EngineStruct

_CONTENT = re.compile(r"[^\W\d_]{2,}|[\u2e80-\u9fff\uac00-\ud7af]")
"""A brief needs a word of two letters or a CJK character to be classified at all."""
_ORDER = [a.id for a in REGISTRY]


_GATE_FLAGS = re.IGNORECASE | re.UNICODE
"""A gate's flags (`re.compile(source, re.I).flags`)."""


def _gate_source(archetype: Archetype) -> str:
    """One alternation of all of an archetype's keyword patterns: it matches exactly when at least one of them does,
    so an archetype whose gate finds nothing (most of them, for any brief) skips its dozens of separate searches."""
    return "|".join(f"(?:{f.pattern.pattern})" for f in archetype.features) or "(?!)"


@cache
def _keyword_gates() -> tuple[re.Pattern[str], ...]:
    """Each archetype's gate in Unicode mode, in registry order, for a brief that is not plain.

    Compiled on the first such brief: a plain one (most briefs) reads only `_ascii_keywords`, whose gates share the
    Unicode gate where the source keeps Unicode mode.
    """
    return tuple(
        ascii_gate if ascii_gate.flags & re.UNICODE else prefiltered(re.compile(_gate_source(archetype), re.I))
        for archetype, (ascii_gate, _patterns) in zip(REGISTRY, _ascii_keywords(), strict=True)
    )  # prefiltered: the same matches, found sooner (see app.engine.fastre)


_ASCII_UNSAFE = re.compile(r"[^\x00-\x1b\x20-\x7f]")
"""Characters on which `re`'s ASCII mode can disagree with its Unicode mode: every non-ASCII one, and the
separators \\x1c-\\x1f (white space to Unicode `\\s`, not to ASCII `\\s`)."""


_CJK_LATIN_SEAM = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
)
"""Where a Latin word touches a CJK character ("SQL助手", "数据库是PostgreSQL"): both are word characters to `re`, so
a keyword's `\\b` finds no edge there until a space is put in (for the keyword scan only, not the model's text)."""


_CHAR_ESCAPE = re.compile(r"\\[uUxN0-7]")
"""An escape that can stand for a non-ASCII character (or a back-reference): such sources keep Unicode mode."""


def _ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern compiled with re.ASCII when its source is ASCII text that names no character by code (else the
    pattern itself)."""
    if not pattern.pattern.isascii() or _CHAR_ESCAPE.search(pattern.pattern):
        return pattern
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


def _ascii_gate(archetype: Archetype) -> re.Pattern[str]:
    """`_ascii_twin(prefiltered(<the Unicode gate>))`, without compiling the Unicode gate when the twin is another
    pattern: the same source, prefiltered the same way, in ASCII mode."""
    source = prefiltered_source(_gate_source(archetype), _GATE_FLAGS)
    if not source.isascii() or _CHAR_ESCAPE.search(source):
        return prefiltered(re.compile(_gate_source(archetype), re.I))  # the twin is the Unicode gate itself
    return re.compile(source, re.IGNORECASE | re.ASCII)


@cache
def _ascii_keywords() -> tuple[tuple[re.Pattern[str], tuple[re.Pattern[str], ...]], ...]:
    """Each archetype's gate and keyword patterns compiled with re.ASCII, for a brief with no `_ASCII_UNSAFE`
    character (most briefs).

    On such a text an ASCII-source pattern finds the same matches in both modes: `\\w`, `\\b`, `\\d`, `\\s` and case
    folding agree on those characters (case folding differs only for non-ASCII ones such as the Kelvin sign). `re`
    tries each position of a case-insensitive alternation faster in ASCII mode, and the gates try every position.
    """
    return tuple(
        (_ascii_gate(archetype), tuple(prefiltered(_ascii_twin(f.pattern)) for f in archetype.features))
        for archetype in REGISTRY
    )


class ArchetypeMatch(EngineStruct, kw_only=True):
    """An archetype the brief matched, its combined score (out of 10000) and the evidence for it.

    `features` starts with "model:<probability>" and lists the archetype's keyword features that matched.
    """

    id: str
    score: int
    features: list[str]
    rank: Literal["primary", "secondary"] = "primary"


def score_all(text: str, keyword_text: str | None = None) -> list[ArchetypeMatch]:
    """Every archetype with a positive combined score, best first (ties in registry order), ranked "secondary".

    `keyword_text`: the text the keyword features read, when it differs from what the model reads (a tool's
    parameters are blanked for the keywords: `create_ticket(…, summary)` asks for no summary, but the model still
    sees a whole brief)."""
    prepared = prepare(text)
    if not _CONTENT.search(prepared):
        return []
    model = load_model()
    probabilities = dict(zip(model.labels, model.probabilities(prepared), strict=True))
    keyword_labels: dict[str, list[str]] = {}
    keyword_points: dict[str, int] = {}
    # the model's window: hundreds of keyword regexes must not scan a whole prompt
    window = (prepared if keyword_text is None else prepare(keyword_text))[:MAX_CHARS]
    plain = _ASCII_UNSAFE.search(window) is None
    if not plain:
        window = _CJK_LATIN_SEAM.sub(" ", window)
    gates = None if plain else _keyword_gates()
    for index, (archetype, (ascii_gate, ascii_patterns)) in enumerate(zip(REGISTRY, _ascii_keywords(), strict=True)):
        if gates is None:
            gate, patterns = ascii_gate, ascii_patterns
        else:
            gate, patterns = gates[index], tuple(f.pattern for f in archetype.features)
        hits = zip(archetype.features, patterns, strict=True)
        matched = [f for f, pattern in hits if pattern.search(window)] if gate.search(window) else []
        keyword_labels[archetype.id] = [f.label for f in matched]
        keyword_points[archetype.id] = sum(f.weight for f in matched)
    ranked = combine(_ORDER, probabilities, keyword_points, FALLBACK_ID)
    return [
        ArchetypeMatch(
            id=label,
            score=score,
            features=[f"model:{probabilities[label] / PROBABILITY_SCALE:.2f}", *keyword_labels[label]],
            rank="secondary",
        )
        for label, score in ranked
        if score > 0
    ]


LABELLING_IDS = ("classification", "content_moderation", "grader")
"""Jobs whose output is a label from a closed set."""


def classify(text: str, *, closed_label_set: bool = False, keyword_text: str | None = None) -> list[ArchetypeMatch]:
    """Return the primary archetype first, then up to two secondary archetypes for a brief that blends jobs.

    `closed_label_set`: the brief states the labels its output must use. The general assistant assigns no labels,
    so such a brief goes to the best-scoring labelling job instead ("tag recipes as vegan / vegetarian / …").
    """
    ranked = score_all(text, keyword_text)
    if not ranked:
        return [ArchetypeMatch(id=FALLBACK_ID, score=0, features=[])]
    if closed_label_set and ranked[0].id == FALLBACK_ID:
        labelling = next((m for m in ranked if m.id in LABELLING_IDS and _may_label(m)), None)
        if labelling is not None:
            ranked = [labelling, *(m for m in ranked if m is not labelling)]
    ranked = _named_job_over_fallback(ranked)
    by_id = {m.id: m for m in ranked}
    chosen = choose([(m.id, m.score) for m in ranked], FALLBACK_ID)
    return [
        ArchetypeMatch(
            id=label,
            score=by_id[label].score,
            features=by_id[label].features,
            rank="primary" if position == 0 else "secondary",
        )
        for position, label in enumerate(chosen)
    ]


def _may_label(match: ArchetypeMatch) -> bool:
    """Whether a labelling job may take a closed label set on the model's word alone.

    The plain classifier may: a closed set of labels is its job. The grader needs a rubric, score or grade to give,
    and the moderator content to police; with none of their own words in the brief ("per each call write a summary
    in this layout: TIPO: A | B | C"), the labels are a field to fill, not a grade or a verdict."""
    return match.id == "classification" or any(not f.startswith("model:") for f in match.features)


STRONG_KEYWORD_WEIGHT = 8
"""A keyword this heavy names the job outright ("answers only from the leaflet", "summarise")."""
_EVEN_ODDS = PROBABILITY_SCALE // 2
_FIRM_ODDS = PROBABILITY_SCALE * 8 // 10
"""Between even and firm odds, the general assistant still gives way to a job that two or more keywords name."""
"""With no keyword points (and no penalty), the general assistant's combined score is its model probability."""
_WEIGHTS = {a.id: {f.label: f.weight for f in a.features} for a in REGISTRY}


def _strongest_keyword(match: ArchetypeMatch) -> int:
    return max((_WEIGHTS.get(match.id, {}).get(label, 0) for label in match.features[1:]), default=0)


def _keyword_weight(match: ArchetypeMatch) -> int:
    return sum(_WEIGHTS.get(match.id, {}).get(label, 0) for label in match.features[1:])


def _named_job_over_fallback(ranked: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """The general assistant chosen on the model's guess alone (no keyword of its own worth a point) gives way to a
    job a heavy keyword names outright: "we'd like an assistant to answer them from the leaflet" in a brief full of
    a hospital's rules is question answering, however general its other words read to the model."""
    if ranked[0].id != FALLBACK_ID or _strongest_keyword(ranked[0]) > 0 or ranked[0].score >= _FIRM_ODDS:
        return ranked  # (a model that gives the general assistant firm odds has read more than a guess)
    # At even odds one keyword is not enough ("game master" in a brainstorm buddy's brief), but "a Q&A bot … answers
    # from our donor leaflet" names the job twice over.
    needed = DEFAULT_PARAMS.keyword_cap if ranked[0].score >= _EVEN_ODDS else 0
    named = next(
        (m for m in ranked[1:] if _strongest_keyword(m) >= STRONG_KEYWORD_WEIGHT and _keyword_weight(m) >= needed),
        None,
    )
    if named is None:
        return ranked
    return [named, *(m for m in ranked if m is not named)]

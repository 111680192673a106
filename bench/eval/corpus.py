"""Load and validate the brief corpus: YAML files of briefs, each with machine-checkable expectations.

An item is `{id, lang?, tags?, brief, expect}`. `brief` holds `Brief` fields in snake_case (as in Python);
`expect` holds:

- `archetypes`: `{primary, also?, accept?}`. `primary` is what a prompt engineer would choose; `also` the other
  jobs of a blend (blend recall); `accept` further primaries that are defensible for an ambiguous brief.
- `constraints`: partial `Constraint` dicts that extraction must find (see `checks.constraint_matches`).
- `must_contain`: phrases the rendered prompt must carry (case-insensitive); a list entry is "any one of".
- `must_not_contain`: phrases that would contradict the brief (case-insensitive).

Malformed corpora raise `CorpusError`, so that a typo in an expectation is never silently counted as a miss.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import msgspec
import yaml

from app.engine.archetypes import ARCHETYPES
from app.engine.brief import Brief
from app.engine.constraints import Constraint, ConstraintKind

EVAL_DIR = Path(__file__).resolve().parent
BRIEFS_DIR = EVAL_DIR / "briefs"
HOLDOUT_DIR = EVAL_DIR / "holdout"
FRESH_DIR = EVAL_DIR / "fresh"
"""Briefs each engineer wrote before looking at the engine's output; reported apart with `--fresh`."""

LANGUAGES = frozenset({"en", "es", "de", "fr", "pt", "ja", "zh", "it", "nl"})
TAGS = frozenset({"terse", "long", "typos", "constrained", "blend", "sensitive", "tools", "multilingual"})
CONSTRAINT_KINDS: tuple[str, ...] = typing.get_args(ConstraintKind)

_SCOPE = ("scope",)
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "limit": ("unit", "minimum", "maximum", "exact", *_SCOPE),
    "format": ("value", "forbidden", *_SCOPE),
    "labels": ("values", "multi", *_SCOPE),
    "schema": ("schema", "values", *_SCOPE),
    "fields": ("values", *_SCOPE),
    "tool": ("name", "parameters", "value"),
    "fallback": ("action", "value", "condition"),
    "language": ("value", "code"),
    "audience": ("value", "minimum", "maximum"),
    "tone": ("values",),
    "prohibition": ("value", *_SCOPE),
    "ordering": ("first", "then"),
    "requirement": ("value", *_SCOPE),
}
"""The payload fields each constraint kind uses (from the contract in `app/engine/constraints/model.py`)."""

# Brief fields whose list elements are engine structs (camelCase on the wire); `json_schema` is user data.
_NESTED_STRUCT_FIELDS = frozenset({"examples", "tools", "variables"})


class CorpusError(ValueError):
    """The corpus is malformed: the runner exits 2, the well-formedness test fails."""


class ArchetypeExpectation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The archetypes a prompt engineer would choose for the brief."""

    primary: str
    also: list[str] = msgspec.field(default_factory=list)
    accept: list[str] = msgspec.field(default_factory=list)


class Expectation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What any correct prompt for the brief must satisfy."""

    archetypes: ArchetypeExpectation
    constraints: list[dict[str, Any]] = msgspec.field(default_factory=list)
    must_contain: list[str | list[str]] = msgspec.field(default_factory=list)
    must_not_contain: list[str] = msgspec.field(default_factory=list)


class _RawItem(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    brief: dict[str, Any]
    expect: Expectation
    lang: str = "en"
    tags: list[str] = msgspec.field(default_factory=list)


class CorpusItem(msgspec.Struct, frozen=True, kw_only=True):
    """One validated brief with its expectations."""

    id: str
    lang: str
    tags: list[str]
    brief: Brief
    expect: Expectation
    source: str
    """The file it came from, relative to `bench/eval`."""


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def brief_from_dict(raw: dict[str, Any]) -> Brief:
    """Validate snake_case brief fields as a `Brief` (the struct's wire names are camelCase)."""
    wire: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _NESTED_STRUCT_FIELDS and isinstance(value, list):
            value = [
                {_camel(k): v for k, v in element.items()} if isinstance(element, dict) else element
                for element in value
            ]
        wire[_camel(key)] = value
    return msgspec.convert(wire, Brief)


def brief_text(brief: Brief) -> str:
    """All the free text a brief states (task, constraints, audience, tone, output format), one part a line."""
    parts = [brief.task, *brief.constraints, brief.audience, brief.tone, brief.output_format, brief.role]
    return "\n".join(part for part in parts if part)


def _check_constraint_expectation(expected: dict[str, Any]) -> None:
    kind = expected.get("kind")
    if kind not in KIND_FIELDS:
        raise CorpusError(f"unknown constraint kind {kind!r} (known: {', '.join(CONSTRAINT_KINDS)})")
    unknown = set(expected) - {"kind", *KIND_FIELDS[kind]}
    if unknown:
        raise CorpusError(f"constraint kind {kind!r} has no field(s) {sorted(unknown)}")
    # The contract's own types (units, actions, ints, lists of strings) validate the payload.
    try:
        msgspec.convert({"text": "", **expected}, Constraint)
    except msgspec.ValidationError as exc:
        raise CorpusError(f"constraint expectation {expected}: {exc}") from exc


def _check_phrases(phrases: list[str | list[str]], field: str) -> None:
    for phrase in phrases:
        options = phrase if isinstance(phrase, list) else [phrase]
        if not options or any(not option.strip() for option in options):
            raise CorpusError(f"{field} has an empty phrase: {phrase!r}")


def _validate(raw: _RawItem, source: str) -> CorpusItem:
    where = f"{source} item {raw.id!r}"
    try:
        brief = brief_from_dict(raw.brief)
    except msgspec.ValidationError as exc:
        raise CorpusError(f"{where}: brief is not a valid Brief: {exc}") from exc
    if raw.lang not in LANGUAGES:
        raise CorpusError(f"{where}: unknown lang {raw.lang!r}")
    if unknown_tags := set(raw.tags) - TAGS:
        raise CorpusError(f"{where}: unknown tags {sorted(unknown_tags)}")
    arche = raw.expect.archetypes
    for archetype_id in (arche.primary, *arche.also, *arche.accept):
        if archetype_id not in ARCHETYPES:
            raise CorpusError(f"{where}: unknown archetype id {archetype_id!r}")
    try:
        for expected in raw.expect.constraints:
            _check_constraint_expectation(expected)
        _check_phrases(raw.expect.must_contain, "must_contain")
        _check_phrases(list(raw.expect.must_not_contain), "must_not_contain")
    except CorpusError as exc:
        raise CorpusError(f"{where}: {exc}") from exc
    return CorpusItem(id=raw.id, lang=raw.lang, tags=raw.tags, brief=brief, expect=raw.expect, source=source)


def load_file(path: Path) -> list[CorpusItem]:
    """Load and validate one YAML corpus file."""
    source = str(path.relative_to(EVAL_DIR)) if path.is_relative_to(EVAL_DIR) else str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw_items = msgspec.convert(data, list[_RawItem])
    except (yaml.YAMLError, msgspec.ValidationError) as exc:
        raise CorpusError(f"{source}: {exc}") from exc
    return [_validate(raw, source) for raw in raw_items]


def load_corpus(holdout: bool = False, fresh: bool = False) -> list[CorpusItem]:
    """Load the main corpus (every `briefs/*.yaml`), the held-out one, or the fresh one; ids are unique across all."""
    files = sorted(BRIEFS_DIR.glob("*.yaml"))
    holdout_files = sorted(HOLDOUT_DIR.glob("*.yaml"))
    if not files or not holdout_files:
        raise CorpusError(f"no corpus files under {BRIEFS_DIR} or {HOLDOUT_DIR}")
    main_items = [item for path in files for item in load_file(path)]
    holdout_items = [item for path in holdout_files for item in load_file(path)]
    fresh_items = [item for path in sorted(FRESH_DIR.glob("*.yaml")) for item in load_file(path)]
    seen: set[str] = set()
    for item in (*main_items, *holdout_items, *fresh_items):
        if item.id in seen:
            raise CorpusError(f"duplicate id {item.id!r} ({item.source})")
        seen.add(item.id)
    if fresh:
        return fresh_items
    return holdout_items if holdout else main_items

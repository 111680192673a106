"""Read a brief into typed constraints: split each field into clauses, run the typed extractors, deduplicate.

The pipeline per free-text field: JSON literals and bullet label lists first (they span lines), then each
clause through every extractor. Order is deterministic: by brief field, list index, then span start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from app.engine.brief import Brief
from app.engine.constraints import fallbacks, formats, labels, language, limits, people, rules, structure, tools
from app.engine.constraints.clauses import Clause, sentence_case, split_clauses
from app.engine.constraints.model import BriefSpan, Constraint, ConstraintSource
from app.engine.language_id import identify

FIELD_ORDER: tuple[ConstraintSource, ...] = (
    "task", "role", "audience", "tone", "constraints", "output_format", "language", "length", "json_schema", "tools",
)  # fmt: skip
_IMPLICIT_LANGUAGE_CONFIDENCE = 0.3


class _Field:
    """One free-text field of the brief being read, to build spans from local offsets."""

    def __init__(self, name: ConstraintSource, text: str, index: int | None = None) -> None:
        self.name = name
        self.text = text
        self.index = index

    def span(self, start: int, end: int) -> BriefSpan:
        start, end = max(0, start), min(len(self.text), end)
        return BriefSpan(field=self.name, index=self.index, start=start, end=end, text=self.text[start:end])


def _mask(text: str, start: int, end: int) -> str:
    """Blank out [start, end) keeping offsets, so later extractors do not read it again."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _structures(field: _Field) -> tuple[list[Constraint], str]:
    """Schemas from JSON literals and label sets from bullet lists, and the text with both masked out."""
    found: list[Constraint] = []
    masked = field.text
    for obj in structure.find_objects(field.text):
        schema = structure.to_json_schema(obj.value)
        keys = structure.schema_keys(schema)
        found.append(
            Constraint(
                kind="schema", text=structure.describe_schema(keys), span=field.span(obj.start, obj.end),
                schema=schema, values=keys,
            )
        )  # fmt: skip
        masked = _mask(masked, obj.start, obj.end)
    for values, multi, start, end in labels.find_label_block(masked):
        found.append(
            Constraint(
                kind="labels", text=labels.describe_labels(values, multi), span=field.span(start, end),
                values=values, multi=multi,
            )
        )  # fmt: skip
        masked = _mask(masked, start, end)
    return found, masked


def _clause_constraints(field: _Field, clause: Clause) -> list[Constraint]:
    """Every constraint one clause states."""
    text, offset = clause.text, clause.start
    out: list[Constraint] = []

    def span(start: int, end: int) -> BriefSpan:
        return field.span(offset + start, offset + end)

    for lim in limits.find_limits(text):
        scope = lim.scope
        if lim.unit == "items" and lim.noun.lower() not in ("item", "items") and scope is None:
            scope = None
        out.append(
            Constraint(
                kind="limit", text=limits.describe_limit(lim.unit, lim.minimum, lim.maximum, lim.exact, scope),
                span=span(lim.start, lim.end), unit=lim.unit, minimum=lim.minimum, maximum=lim.maximum,
                exact=lim.exact, scope=scope,
            )
        )  # fmt: skip
    fmt = formats.find_format(text)
    if fmt is not None:
        out.append(
            Constraint(
                kind="format", text=formats.describe_format(fmt.value, fmt.forbidden), span=span(fmt.start, fmt.end),
                value=fmt.value, forbidden=fmt.forbidden,
            )
        )  # fmt: skip
    found_labels = labels.find_labels(text)
    if found_labels is not None:
        out.append(
            Constraint(
                kind="labels", text=labels.describe_labels(found_labels.values, found_labels.multi),
                span=span(found_labels.start, found_labels.end), values=found_labels.values, multi=found_labels.multi,
            )
        )  # fmt: skip
    fields = structure.find_fields(text)
    if fields is not None and (found_labels is None or fields.values != found_labels.values):
        out.append(
            Constraint(
                kind="fields", text=structure.describe_fields(fields.values), span=span(fields.start, fields.end),
                values=fields.values,
            )
        )  # fmt: skip
    for tool in tools.find_tools(text):
        out.append(
            Constraint(
                kind="tool", text=tools.describe_tool(tool.name, tool.parameters, tool.purpose),
                span=span(tool.start, tool.end), name=tool.name, parameters=tool.parameters, value=tool.purpose,
            )
        )  # fmt: skip
    for fallback in fallbacks.find_fallbacks(text):
        out.append(
            Constraint(
                kind="fallback", text=fallbacks.describe_fallback(fallback.action, fallback.value, fallback.condition),
                span=span(fallback.start, fallback.end), action=fallback.action, value=fallback.value,
                condition=fallback.condition,
            )
        )  # fmt: skip
    lang = language.find_language(text)
    if lang is not None:
        out.append(
            Constraint(
                kind="language", text=language.describe_language(lang.name), span=span(lang.start, lang.end),
                value=lang.name, code=lang.code,
            )
        )  # fmt: skip
    audience = people.find_audience(text)
    if audience is not None:
        out.append(_audience(audience, span(audience.start, audience.end)))
    tone = people.find_tone(text)
    if tone is not None:
        out.append(
            Constraint(
                kind="tone", text=people.describe_tone(tone.values), span=span(tone.start, tone.end), values=tone.values
            )
        )
    out.extend(_rules(text, span, out, explicit=field.name == "constraints"))
    return out


def _rules(text: str, span: Any, found: list[Constraint], *, explicit: bool) -> Iterator[Constraint]:
    """Ordering, prohibition and requirement for a clause the typed extractors have (or have not) read."""
    ordering = rules.find_ordering(text)
    if ordering is not None:
        yield Constraint(
            kind="ordering", text=ordering.text, span=span(ordering.start, ordering.end),
            first=ordering.first, then=ordering.then,
        )  # fmt: skip
        return
    typed = {c.kind for c in found}
    prohibition = rules.find_prohibition(text)
    # "no markdown" and "don't exceed 100 words" are already typed as a format or a limit.
    if prohibition is not None and not formats.only_formatting(prohibition.rest):
        yield Constraint(
            kind="prohibition",
            text=prohibition.text,
            span=span(prohibition.start, prohibition.end),
            value=prohibition.text,
        )
        return
    if typed - {"audience"}:
        return
    requirement = rules.find_requirement(text)
    if requirement is None and explicit and prohibition is None and not typed:
        requirement = rules.FoundRule(
            sentence_case(text) if rules.is_english(text) else f'Follow this rule from the brief: "{text}".',
            None,
            None,
            0,
            len(text),
        )
    if requirement is not None:
        yield Constraint(
            kind="requirement",
            text=requirement.text,
            span=span(requirement.start, requirement.end),
            value=requirement.text,
        )


def _audience(found: people.FoundAudience, span: BriefSpan) -> Constraint:
    return Constraint(
        kind="audience", text=people.describe_audience(found.phrase), span=span, value=found.phrase,
        minimum=found.minimum, maximum=found.maximum,
    )  # fmt: skip


def _free_text(brief: Brief) -> Iterator[_Field]:
    yield _Field("task", brief.task)
    if brief.role:
        yield _Field("role", brief.role)
    if brief.audience:
        yield _Field("audience", brief.audience)
    if brief.tone:
        yield _Field("tone", brief.tone)
    for index, entry in enumerate(brief.constraints):
        if entry.strip():
            yield _Field("constraints", entry, index)
    if brief.output_format:
        yield _Field("output_format", brief.output_format)


def _read_field(field: _Field) -> list[Constraint]:
    if field.name == "audience":
        audience = people.find_audience(field.text, whole=True)
        return [_audience(audience, field.span(audience.start, audience.end))] if audience else []
    if field.name == "tone":
        tone = people.find_tone(field.text, whole=True)
        if tone is None:
            return []
        return [
            Constraint(
                kind="tone",
                text=people.describe_tone(tone.values),
                span=field.span(tone.start, tone.end),
                values=tone.values,
            )
        ]
    found, masked = _structures(field)
    for clause in split_clauses(masked):
        found.extend(_clause_constraints(field, clause))
    return found


def _structured(brief: Brief) -> Iterator[Constraint]:
    """Constraints from the brief's structured fields: language, json_schema, tools."""
    if brief.language:
        found = language.lookup(brief.language)
        if found is not None:
            yield Constraint(
                kind="language", text=language.describe_language(found[0]), value=found[0], code=found[1],
                span=BriefSpan(field="language", start=0, end=len(brief.language), text=brief.language),
            )  # fmt: skip
    if brief.json_schema:
        schema = structure.to_json_schema(brief.json_schema)
        keys = structure.schema_keys(schema)
        yield Constraint(kind="schema", text=structure.describe_schema(keys), schema=schema, values=keys)
    for index, tool in enumerate(brief.tools):
        span = BriefSpan(field="tools", index=index, start=0, end=len(tool.name), text=tool.name)
        yield Constraint(
            kind="tool", text=tools.describe_tool(tool.name, [], tool.purpose or None), name=tool.name,
            value=tool.purpose or None, span=span,
        )  # fmt: skip


def _implicit_language(brief: Brief) -> Constraint | None:
    """The brief's own language as the reply language, when it is not English and nothing explicit is said."""
    text = " ".join([brief.task, *brief.constraints, brief.output_format or ""])
    code, name, confidence = identify(text)
    if code in ("en", "und") or confidence < _IMPLICIT_LANGUAGE_CONFIDENCE:
        return None
    return Constraint(
        kind="language", text=language.describe_language(name), value=name, code=code,
        span=BriefSpan(field="task", start=0, end=len(brief.task), text=brief.task),
    )  # fmt: skip


def _key(constraint: Constraint) -> tuple[object, ...]:
    kind = constraint.kind
    if kind == "limit":
        return (kind, constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, constraint.scope)
    if kind in ("labels", "schema", "fields", "tone"):
        return (kind, tuple(v.lower() for v in constraint.values))
    if kind == "tool":
        return (kind, constraint.name)
    if kind == "language":
        return (kind, constraint.code or constraint.value)
    if kind == "fallback":
        return (kind, constraint.action, (constraint.value or "").lower())
    if kind == "format":
        return (kind, constraint.value, tuple(constraint.forbidden))
    return (kind, constraint.text.lower())


def _order(constraint: Constraint) -> tuple[int, int, int]:
    span = constraint.span
    if span is None:
        return (FIELD_ORDER.index("json_schema"), 0, 0)
    return (FIELD_ORDER.index(span.field), span.index or 0, span.start)


def extract_constraints(brief: Brief) -> list[Constraint]:
    """Every constraint the brief states, typed, each with its span; ordered by field then position, deduplicated."""
    found: list[Constraint] = []
    for field in _free_text(brief):
        found.extend(_read_field(field))
    found.extend(_structured(brief))
    if not any(c.kind == "language" for c in found):
        implicit = _implicit_language(brief)
        if implicit is not None:
            found.append(implicit)
    found.sort(key=_order)
    schema_keys = {tuple(c.values) for c in found if c.kind == "schema"}
    unique: list[Constraint] = []
    seen: set[tuple[object, ...]] = set()
    for constraint in found:
        key = _key(constraint)
        if key in seen or (constraint.kind == "fields" and tuple(constraint.values) in schema_keys):
            continue
        seen.add(key)
        unique.append(constraint)
    return unique

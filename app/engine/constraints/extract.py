"""Read a brief into typed constraints: split each field into clauses, run the typed extractors, deduplicate.

The pipeline per free-text field (`field_reading`): JSON literals and bullet label lists first (they span lines), then
each clause through every extractor. Order is deterministic: by brief field, list index, then span start. The whole
brief's constraints are then checked against each other (`cross_checks`) and scoped (`scoping`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import (
    data_values,
    json_items,
    language,
    language_cases,
    list_fields,
    parameters,
    scoping,
    structure,
    tools,
)
from app.engine.constraints.case_tails import with_case_tails
from app.engine.constraints.column_codes import column_code_sets
from app.engine.constraints.cross_checks import cross_checked, in_tool_code_comment
from app.engine.constraints.field_reading import free_text, read_field_cached
from app.engine.constraints.language_cjk_cases import with_cjk_language_cases
from app.engine.constraints.language_lists import lists_languages, without_listed_languages
from app.engine.constraints.language_scope import scope_field_languages
from app.engine.constraints.language_targets import as_translation_targets
from app.engine.constraints.language_unknown import with_unknown_language_cases
from app.engine.constraints.limit_overflow import attach_limit_overflows
from app.engine.constraints.meta_requests import without_meta_requests
from app.engine.constraints.model import BriefSpan, Constraint, ConstraintSource
from app.engine.constraints.named_label_sets import named_label_sets
from app.engine.constraints.parameter_objects import without_parameter_values
from app.engine.constraints.plain_tool_orders import with_plain_tool_orders
from app.engine.constraints.priority_lists import priorities_as_checklist
from app.engine.constraints.score_points import without_score_points
from app.engine.constraints.section_limits import scope_section_limits
from app.engine.constraints.tier_limits import without_tier_limits
from app.engine.constraints.tool_intro import without_code_calls
from app.engine.language_id import identify

FIELD_ORDER: tuple[ConstraintSource, ...] = (
    "task", "role", "audience", "tone", "constraints", "output_format", "language", "length", "json_schema", "tools",
)  # fmt: skip


_IMPLICIT_LANGUAGE_CONFIDENCE = 0.3


def _fresh(constraint: Constraint) -> Constraint:
    """A copy whose lists the caller may change without touching the cached constraint."""
    return msgspec.structs.replace(
        constraint,
        values=list(constraint.values),
        forbidden=list(constraint.forbidden),
        parameters=list(constraint.parameters),
        schema=copy.deepcopy(constraint.schema),
    )


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
        yield Constraint(kind="schema", text=structure.describe_schema(keys, schema), schema=schema, values=keys)
    for index, tool in enumerate(brief.tools):
        span = BriefSpan(field="tools", index=index, start=0, end=len(tool.name), text=tool.name)
        yield Constraint(
            kind="tool", text=tools.describe_tool(tool.name, list(tool.parameters), tool.purpose or None),
            name=tool.name, parameters=list(tool.parameters), value=tool.purpose or None, span=span,
        )  # fmt: skip


def _own_language(brief: Brief) -> tuple[str, str] | None:
    """(English name, code) of the language a brief not in English is written in, when that is clear."""
    code, name, confidence = identify(" ".join([brief.task, *brief.constraints, brief.output_format or ""]))
    return None if code in ("en", "und") or confidence < _IMPLICIT_LANGUAGE_CONFIDENCE else (name, code)


def _implicit_language(brief: Brief) -> Constraint | None:
    """The brief's own language as the reply language, when it is not English and nothing explicit is said."""
    text = " ".join([brief.task, *brief.constraints, brief.output_format or ""])
    code, name, confidence = identify(text)
    if code in ("en", "und") or confidence < _IMPLICIT_LANGUAGE_CONFIDENCE:
        return None
    rewrite = language.rewritten_into(brief.task)
    if rewrite is not None and rewrite.code != code:
        # "devolves o CV reescrito em inglês (British English)": the reply is the rewrite, in that language
        return Constraint(
            kind="language", text=language.describe_language(rewrite.name), value=rewrite.name, code=rewrite.code,
            span=BriefSpan(
                field="task", start=rewrite.start, end=rewrite.end, text=brief.task[rewrite.start : rewrite.end]
            ),
        )  # fmt: skip
    if language.other_reply_language(text, code) or language.translates_to_other(text, code):
        return None  # "再写一封回复草稿，默认用英文": the brief gives the replies' languages in its own words
    if lists_languages(brief.task):
        return None  # "Idiomas disponibles:\n- inglés\n- francés": the users write in several; the brief's is one
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
    if kind == "ordering":
        # one rule sentence may order several pairs ("Call A first, then B, then C."): each pair is kept
        return (kind, constraint.text.lower(), constraint.first, constraint.then)
    return (kind, constraint.text.lower())


def _order(constraint: Constraint) -> tuple[int, int, int, int]:
    """Field, list index, start; at the same start the wider span (a whole-task language) comes first."""
    span = constraint.span
    if span is None:
        return (FIELD_ORDER.index("json_schema"), 0, 0, 0)
    return (FIELD_ORDER.index(span.field), span.index or 0, span.start, -span.end)


def extract_constraints(brief: Brief) -> list[Constraint]:
    """Every constraint the brief states, typed, each with its span; ordered by field then position, deduplicated."""
    unique = cross_checked(brief, _deduplicated(_collected(brief)))
    unique = without_meta_requests(unique)  # ("1. Make a prompt for something that …": the request, no rule)
    unique = priorities_as_checklist(brief, unique)  # ("Priorities: 1. security 2. correctness": no labels)
    # (a table list's "tools" go first, so that a column's values are never bound to one as a parameter's)
    unique = parameters.with_parameter_values(brief, data_values.without_table_tools(brief, unique))
    unique = with_plain_tool_orders(brief, unique)  # ("preventivo prima di prenota": a table's plain names)
    unique = data_values.without_data_value_sets(brief, unique)  # "fare_type is one of …": a column's values
    unique = [c for c in unique if not in_tool_code_comment(brief.task, c, unique)]
    unique = without_parameter_values(brief, unique)  # ("params: {regime: "normal|mixe"}": what a tool takes)
    unique = without_code_calls(brief, unique)  # ("calls inside build()" in a review: code, no tool)
    unique = scoping.without_banned_labels(unique)
    unique = scoping.fields_as_keys(unique)
    unique = scope_field_languages(brief, unique)
    unique = as_translation_targets(free_text(brief), unique)  # "into German": the translation's, not the readers'
    unique = scoping.without_misread_limits(brief, unique)
    unique = without_tier_limits(brief, unique)  # ("basic members max 2 loans, plus max 5": one tier's)
    unique = without_score_points(free_text(brief), unique)  # "vergib höchstens 3 Punkte": a score, no bullets
    scoping.multi_labels(brief, unique)
    scoping.scope_labels(brief, unique)
    unique = named_label_sets(brief, unique)  # "tag it with a sentiment (…) and a topic (…)": a set per name
    unique = list_fields.listed_item_values(brief, unique)  # "motifs possibles (0 à 3) : …": a list's items
    unique = json_items.field_value_sets(brief, json_items.keyed_label_sets(brief, unique))
    scoping.scope_field_limits(brief, unique)
    scoping.scope_part_limits(brief, unique)
    scope_section_limits(brief, unique)
    scoping.scope_tiny_limits(unique)
    attach_limit_overflows(brief, unique)  # (after the scopes, which write a limit's sentence afresh)
    unique = with_case_tails(list(free_text(brief)), unique)  # ('… reply only: "…" Nothing else.': the case's
    unique.extend(scoping.label_rules(brief, unique))
    unique.extend(column_code_sets(brief, unique))  # ("priority P1-P3" beside "trade is one of …": a column's own)
    return scoping.without_label_tones(unique)


def _collected(brief: Brief) -> list[Constraint]:
    """The constraints of every field, the structured fields and the reply languages, in the brief's order."""
    found: list[Constraint] = []
    for field in free_text(brief):
        found.extend(_fresh(c) for c in read_field_cached(field.name, field.text, field.index))
    found.extend(_structured(brief))
    found = language_cases.with_language_cases(free_text(brief), found, lambda: _own_language(brief))
    found = with_unknown_language_cases(free_text(brief), found)
    found = with_cjk_language_cases(list(free_text(brief)), found, lambda: _own_language(brief))
    found = without_listed_languages(free_text(brief), found)  # "Supported locales:\n- British English\n- …"
    if not any(c.kind == "language" for c in found):
        implicit = _implicit_language(brief)
        if implicit is not None:
            found.append(implicit)
    found.sort(key=_order)
    return found


def _deduplicated(found: list[Constraint]) -> list[Constraint]:
    """Each constraint once; a field list a schema already names, and a tool the tools field declares, not again."""
    schema_keys = {tuple(c.values) for c in found if c.kind == "schema"}
    # A tool the brief declares in its tools field is that one, with its parameters, even when the task names it.
    declared = {c.name for c in found if c.kind == "tool" and c.span is not None and c.span.field == "tools"}
    unique: list[Constraint] = []
    seen: set[tuple[object, ...]] = set()
    for constraint in found:
        key = _key(constraint)
        if key in seen or (constraint.kind == "fields" and tuple(constraint.values) in schema_keys):
            continue
        if (
            constraint.kind == "tool"
            and constraint.name in declared
            and constraint.span
            and constraint.span.field != "tools"
        ):
            continue
        seen.add(key)
        unique.append(constraint)
    return unique

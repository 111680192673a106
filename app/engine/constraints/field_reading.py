"""Reading one free-text field of a brief: the structures pasted into it, then each clause under its item's lead,
then what the field's layout says (line purposes, label tables, outlines, numbered lines, lettered parts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import (
    antecedents,
    label_blocks,
    label_pipes,
    label_tables,
    label_wording,
    layout,
    lettered,
    people,
    sections,
)
from app.engine.constraints.case_heads import with_case_heads
from app.engine.constraints.clause_constraints import clause_constraints
from app.engine.constraints.clause_readers import Field, audience_constraint, read_listed_tools, with_line_purposes
from app.engine.constraints.declaration_rules import without_declaration_rules
from app.engine.constraints.fallback_placement import bare_ask, names_a_ban
from app.engine.constraints.item_conditions import clause_leads
from app.engine.constraints.line_scopes import scoped_to_lines, scoped_to_parts, with_outline
from app.engine.constraints.model import Constraint, ConstraintSource
from app.engine.constraints.next_line_keys import with_next_line_keys
from app.engine.constraints.pasted_structures import structures
from app.engine.constraints.quoted_lines import with_quoted_lines
from app.engine.constraints.shared_subjects import with_shared_subjects
from app.engine.constraints.step_line_limits import scoped_to_step_lines
from app.engine.references import label_table


def free_text(brief: Brief) -> Iterator[Field]:
    yield Field("task", brief.task)
    if brief.role:
        yield Field("role", brief.role)
    if brief.audience:
        yield Field("audience", brief.audience)
    if brief.tone:
        yield Field("tone", brief.tone)
    for index, entry in enumerate(brief.constraints):
        if entry.strip():
            yield Field("constraints", entry, index)
    if brief.output_format:
        yield Field("output_format", brief.output_format)


@lru_cache(maxsize=512)
def read_field_cached(name: ConstraintSource, text: str, index: int | None) -> tuple[Constraint, ...]:
    """The constraints of one field's text. Cached: generating again from the same brief (or a brief that
    shares a field) reads each field once; the result is deterministic, so the cache changes nothing else."""
    return tuple(_read_field(Field(name, text, index)))


# "For any of those", "In these cases", "For all of them": a case that is the sentence before it
_CASE_BACK = re.compile(
    r"(?:for|in|with|to)\s+(?:(?:any|all|each|either|one|both)\s+(?:of\s+)?)?(?:those|these|them|that|this|such)"
    r"(?:\s+(?:cases?|symptoms?|signs?|situations?|things?|ones?))?",
    re.IGNORECASE,
)


def _name_cases_pointed_back(text: str, read: list[antecedents.ReadClause]) -> None:
    """ "Red flags: redness spreading …, pus, fever. For any of those reply only with: "…"": a route whose case points
    back to the sentence before it on the same line names that sentence, or its line among the guardrails says "For
    any of those" of nothing."""
    for before, item in pairwise(read):
        if "\n" in text[before.clause.end : item.clause.start] or not before.clause.text.strip():
            continue
        ban = " ".join(before.clause.text.split()).rstrip(" .;:")
        for index, constraint in enumerate(item.found):
            condition = (constraint.condition or "").strip()
            if constraint.kind != "fallback" or not condition:
                continue
            if _CASE_BACK.fullmatch(condition):
                named = f"For any of these ({ban})"
            elif bare_ask(condition) and names_a_ban(ban) and 3 <= len(ban.split()) <= 40:
                # "Never say a road is safe. If they ask, say: …": they ask about what the ban before names
                named = f'{condition} about what this rule covers ("{ban[0].lower()}{ban[1:]}")'
            else:
                continue
            assert constraint.condition is not None
            text_now = constraint.text.replace(constraint.condition, named, 1)
            item.found[index] = msgspec.structs.replace(constraint, condition=named, text=text_now)


def _read_field(field: Field) -> list[Constraint]:
    if field.name in ("audience", "tone"):
        return _person_field(field)
    found, masked = structures(field)
    leads = list(clause_leads(masked))
    read = [
        antecedents.ReadClause(clause, clause_constraints(field, clause, lead), bool(lead)) for clause, lead in leads
    ]
    lead_at = {clause.start: lead for clause, lead in leads}
    read = with_quoted_lines(masked, read, lambda clause: clause_constraints(field, clause, lead_at[clause.start]))
    _name_cases_pointed_back(field.text, read)
    found.extend(antecedents.with_antecedents(field, read))
    found = with_shared_subjects(field.text, found)
    found = _with_lines_and_listed_tools(field, found)
    found = _with_label_table_or_line(field, found)
    found = _with_outline_or_parts(field, found)
    # "- burglary: ask for the crime reference number first": the case's head stays the condition of its rules
    return with_case_heads(field.text, field.span, found)


def _person_field(field: Field) -> list[Constraint]:
    """The audience or tone field, read whole."""
    if field.name == "audience":
        audience = people.find_audience(field.text, whole=True)
        return [audience_constraint(audience, field.span(audience.start, audience.end))] if audience else []
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
    return []


def _with_lines_and_listed_tools(field: Field, found: list[Constraint]) -> list[Constraint]:
    """The clauses' constraints with each line's purpose, the tools a list names and the layout of the reply's lines;
    without what a signature, a line layout or a table's header row was misread as."""
    found = with_line_purposes(field, found)
    found.extend(read_listed_tools(field, found))
    found = without_declaration_rules(field.text, found)
    found = layout.with_field_lines(field.text, field.span, found)
    found = with_next_line_keys(field.text, field.span, found)  # ("with these keys:\nname, email, …")
    found = layout.with_line_templates(field.text, found)
    found = [c for c in found if not layout.describes_a_signature(field.text, c)]
    # "Max one line:\nCUSTOMER | ISSUE | NEXT STEP": the layout of the line, not a label set
    found = [
        c
        for c in found
        if not (
            c.kind == "labels"
            and c.scope is None
            and c.span
            and label_pipes.under_a_line_intro(field.text, c.span.start)
        )
    ]
    # "[SEVERITY] path:line | problem | fix": the slots after a colon glued between two words, not a label set
    found = [c for c in found if not (c.kind == "labels" and c.span and _after_slot_colon(field.text, c.span.start))]
    # "Appointment type | Bring" over a "---|---" line: a table's column headers, not a label set
    return [c for c in found if not (c.kind == "labels" and c.span and label_pipes.in_table(field.text, c.span.start))]


def _after_slot_colon(text: str, start: int) -> bool:
    """Whether a bar-separated run at `start` follows a colon inside a slot ("path:line | problem | fix")."""
    before = text[max(0, start - 20) : start]
    return _SLOT_COLON.search(before) is not None and "|" in text[start : start + 80]


# "path:line", "file:line", "src/app.py:line": a file slot and the line's number, glued by a colon
_SLOT_COLON = re.compile(r"(?i)(?:\b(?:file|path|filename|filepath|file_path|module|source|src)|\.\w{1,4}):$")


def _with_label_table_or_line(field: Field, found: list[Constraint]) -> list[Constraint]:
    """A label set given as a table's first column or on one line, when the clauses gave none."""
    table = label_table(field.text) or label_tables.table_label_column(field.text)
    if table is not None and not any(c.kind == "labels" for c in found):
        # "Use these labels:\nlabel | meaning\n---|---\nbilling | …": the first column is the label set; under
        # "severity:" it is the severity each item carries ("Tag each item's severity with exactly one of …")
        listed = field.text[table.start : table.end]
        text = (
            f"Tag each item's {table.part} with exactly one of: {'; '.join(layout.table_rows(listed))}."
            if table.part
            else label_wording.describe_labels(table.values, False, listed)
        )
        found.append(
            Constraint(
                kind="labels", text=text, span=field.span(table.start, table.end), values=table.values,
                scope=f"{table.part} label" if table.part else None,
            )
        )  # fmt: skip
    line = label_blocks.label_line(field.text) if not any(c.kind == "labels" for c in found) else None
    if line is not None:
        listed = field.text[line.start : line.end]
        found.append(
            Constraint(
                kind="labels", text=label_wording.describe_labels(line.values, line.multi, listed),
                span=field.span(line.start, line.end), values=line.values, multi=line.multi,
            )
        )  # fmt: skip
    return found


def _with_outline_or_parts(field: Field, found: list[Constraint]) -> list[Constraint]:
    """An outline or inline outline as the reply's format, and the limits written on a line, part or section scoped to
    it."""
    outline = sections.find_outline(field.text) if not any(c.kind == "schema" for c in found) else None
    if outline is not None:
        return with_outline(field, found, outline)
    numbered = sections.numbered_lines(field.text) or sections.layout_block(field.text)
    if numbered is not None:
        found = scoped_to_lines(field, found, numbered)
    elif field.name == "task":
        found = scoped_to_step_lines(field.text, found)  # ("When they type END, … this format:\nTip: max 25 words")
    found = scoped_to_parts(found, lettered.lettered_parts(field.text))
    inline = (
        sections.find_inline_outline(field.text)
        if not any(c.kind in ("schema", "format") and c.value in ("json", "sections") for c in found)
        else None
    )
    if inline is not None and not layout.in_parameter_list(field.text, inline[1]):
        # (not "quote(parts: string[], jobs: …)": a parameter named "parts" is no outline)
        titles, start, end = inline
        found.append(
            Constraint(
                kind="format", text=sections.describe_inline_outline(titles), span=field.span(start, end),
                value="sections", values=titles,
            )
        )  # fmt: skip
    return found

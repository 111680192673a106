"""Limits and rules written on one line, part or section of the reply's layout, scoped to it: "- line 3: summary,
40 words max" bounds the line, "A) a client update email. … Max 150 words." the email, not the reply."""

from __future__ import annotations

import re

import msgspec

from app.engine.constraints import lettered, limits, sections
from app.engine.constraints.clause_readers import Field
from app.engine.constraints.model import BriefSpan, Constraint


def scoped_to_parts(found: list[Constraint], parts: list[lettered.LetteredPart]) -> list[Constraint]:
    """Each reply limit written inside a lettered part ("A) a client update email. … Max 150 words.") scoped to that
    part: the log line in part B is no part of the email's 150 words."""
    if not parts:
        return found
    scoped: list[Constraint] = []
    for constraint in found:
        span = constraint.span
        # (a limit inside the part's own name, "B) One short paragraph", is the part itself, not a limit on it)
        part = next((p for p in parts if span is not None and p.name_end <= span.start < p.end), None)
        if part is not None and constraint.kind == "limit" and constraint.scope is None and constraint.unit:
            scope = f"the {part.name}"
            text = limits.describe_limit(
                constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope
            )
            constraint = msgspec.structs.replace(constraint, scope=scope, text=text)
        scoped.append(constraint)
    return scoped


def scoped_to_lines(field: Field, found: list[Constraint], numbered: sections.NumberedLines) -> list[Constraint]:
    """Each limit or label set written on one of the brief's reply lines ("- line 3: summary, 40 words max") scoped
    to that line: it bounds the line, not the reply."""
    starts = [m.start() + numbered.start for m in re.finditer(r"(?m)^", field.text[numbered.start : numbered.end])]
    scoped: list[Constraint] = []
    intro_start = field.text.rfind("\n", 0, len(field.text[: numbered.start].rstrip())) + 1
    for constraint in found:
        span = constraint.span
        if (
            span is not None
            and constraint.kind in ("requirement", "prohibition")
            and intro_start <= span.start < numbered.start < span.end
        ):
            continue  # "output exactly this, nothing before or after:\n\nSUMMARY": the layout's intro, read whole there
        if span is not None and constraint.kind in ("requirement", "prohibition") and _in_fixed_value(field.text, span):
            continue  # "CUIDADOS: Limpiar en seco. No meter en la lavadora.": the line's own words, printed as given
        if span is not None and numbered.start <= span.start < numbered.end:
            line = sum(1 for start in starts if start <= span.start)
            if constraint.kind == "limit" and constraint.unit:
                name = _line_name(field.text, starts[:line], span.start, constraint.scope) or f"line {line}"
                text = limits.describe_limit(
                    constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, name
                )
                constraint = msgspec.structs.replace(constraint, scope=name, text=text)
            elif constraint.kind == "labels" and constraint.scope is None:
                # "Beschlüsse: … (ja/nein/Enthaltung)": the values on that line, not the reply's one label
                text = f"On line {line}, use exactly one of: {', '.join(constraint.values)}."
                constraint = msgspec.structs.replace(constraint, scope=f"line {line}", text=text)
        scoped.append(constraint)
    return scoped


# "CUIDADOS: Limpiar en seco …", "- SIGN-OFF: Thanks, the Harbour team": a layout line that opens with its label
_LABEL_LEAD = re.compile(r"[ \t]*(?:[-*•][ \t]*)?[^\W\d_][\w /&'’-]{0,30}[:：][ \t]*(?=\S)")


# "ISSUES:", "FOR TOMORROW: <max 25 words>", "- PUNTOS:": a layout line that opens with a label in capitals
_CAPS_LABEL = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?(?P<label>[A-ZÀ-Ý][A-ZÀ-Ý0-9_/&'’ -]{1,30}?)[ \t]*[:：](?P<rest>[^\n]*)"
)
# a bullet or a bare placeholder under a section's label ("- <max 5 lines …>", "- 3 puntos, máx. 12 palabras")
_UNDER_LABEL = re.compile(r"[ \t]*(?:[-*•][ \t]|<)")


# "each", "cada", "jeweils", "chacun", "ciascuno", "elk", "per item" before a limit on a line: a limit per item
_EACH = re.compile(
    r"\b(?:each(?:\s+one)?|every\s+one|per\s+(?:item|point|bullet)|cada(?:\s+(?:um|uma|uno|una))?|jeweils|je|"
    r"chacune?|ciascuno|ciascuna|ognuno|elk|elke|ieder|iedere)\b",
    re.IGNORECASE,
)


def _line_name(text: str, starts: list[int], position: int, scope: str | None) -> str | None:
    """The layout line a limit sits on, by its label: the "FOR TOMORROW" line, or the ISSUES section for a bullet
    or placeholder under a bare "ISSUES:" line (the section's limit, never the reply's); None for other lines."""
    own = _CAPS_LABEL.match(text, starts[-1])
    if own is not None and scope and own.group("label").strip() in scope:
        return scope  # ("one line" on the ACCIDENTS line: "the ACCIDENTS section", as read)
    if own is not None and position >= own.start("rest"):
        line = f'the "{own.group("label").strip()}" line'
        # "O QUE MELHORAR: no máximo 3 itens, cada um com até 25 palavras": a limit on each item, not on the line
        if scope is not None and re.match(r"each \w+$", scope):
            return f"{scope} of {line}"  # ("TO DO: max 3 bullets, each max 10 words": each bullet of the line)
        each = _EACH.search(text, own.start("rest"), position) is not None
        return f"each item of {line}" if each else line
    for start in reversed(starts[:-1]):
        line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
        head = _CAPS_LABEL.fullmatch(line)
        if head is not None and not head.group("rest").strip():
            section = f"{head.group('label').strip()} section"
            each = scope is not None and scope.startswith("each ")  # ("- 3 puntos, máx. 12 palabras cada uno")
            return f"each item of the {section}" if each else f"the {section}"
        if not _UNDER_LABEL.match(line):
            return None
    return None


def labelled_scope(scope: str | None) -> bool:
    """Whether a scope names a layout line or section by its label (not "line 3"): worth saying in plain words."""
    return scope is not None and (scope.startswith(('the "', 'each item of the "')) or scope.endswith(" section"))


def _in_fixed_value(text: str, span: BriefSpan) -> bool:
    """Whether a span lies after a layout line's label, on that line: the line's fixed value, never a rule."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start)
    label = _LABEL_LEAD.match(text, line_start)
    return label is not None and label.end() <= span.start and (line_end < 0 or span.end <= line_end)


def with_outline(field: Field, found: list[Constraint], outline: sections.Outline) -> list[Constraint]:
    """The outline as the reply's format, and each limit written on a section's line scoped to that section."""
    scoped: list[Constraint] = []
    for constraint in found:
        span = constraint.span
        section = sections.section_at(outline, span.start, span.end) if span is not None else None
        if section is not None and not section.heading:
            section = None  # a layout line without a label ("Después los acuerdos numerados …") names no section
        if constraint.kind == "limit" and section is not None and constraint.unit is not None:
            scope = f"the {section.heading} section"
            text = limits.describe_limit(
                constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope
            )
            constraint = msgspec.structs.replace(constraint, scope=scope, text=text)
        elif constraint.kind in ("requirement", "prohibition", "ordering") and section is not None:
            # "This list must be complete …" on the MEDS DUE line: said by that line of the outline, in context.
            constraint = msgspec.structs.replace(constraint, scope=f"the {section.heading} section")
        elif constraint.kind == "requirement" and span is not None and 0 <= outline.start - span.end <= 3:
            # "Summarise it for the next shift in this format:" introduces the outline the output format carries.
            constraint = msgspec.structs.replace(constraint, text=sections.pointing_to_outline(constraint.text))
        scoped.append(constraint)
    headings = [section.heading for section in outline.sections if section.heading]
    scoped.append(
        Constraint(
            kind="format", text=sections.describe_outline(outline), span=field.span(outline.start, outline.end),
            value="sections", values=headings,
        )
    )  # fmt: skip
    return scoped

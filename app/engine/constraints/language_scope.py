"""A language given for one field ("resumo: no máximo 15 palavras, sempre em português europeu", "memo は日本語で"):
that field's language, never the whole reply's."""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.language import lookup
from app.engine.constraints.model import BriefSpan, Constraint

# "resumo: …", "- summary_en: …", "・memo は", "备注字段用": the field a line (or the clause's start) is about
_FIELD_LEAD = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•・·][ \t]*)?[\"'`“「]?(?P<field>[^\W\d][\w.-]*)[\"'`”」]?[ \t]*"
    r"(?::|：|は|欄は|フィールドは|字段|栏)[^\n]*$"
)


# "・memo は日本語で、30字以内", "memo：用中文": a CJK language name on a field's line, with no reply verb
_CJK_FIELD_LANGUAGE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•・·][ \t]*)?(?P<field>[A-Za-z_][\w.-]*)[ \t]*(?:は|:|：)[ \t]*(?:用|使用)?"
    r"(?P<lang>[^\s、。,，で]{2,6}?)(?:で|$|[、。,，])",
    re.MULTILINE,
)


# "- hinweis: höchstens 15 Wörter, für unser Team, auf Deutsch.", "- summary: max 20 words, in English": a language
# name after "auf", "in", "en" on a field's line, with no reply verb
_LATIN_FIELD_LANGUAGE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?[\"'`“]?(?P<field>[A-Za-z_][\w.-]*)[\"'`”]?[ \t]*:[^\n]*?\b(?:auf|in|en|em|na|op)"
    r"[ \t]+(?:het[ \t]+)?(?P<lang>[^\W\d]{4,})\b",
    re.MULTILINE,
)


def _cjk_field_languages(brief: Brief, fields: set[str]) -> list[Constraint]:
    found: list[Constraint] = []
    matches = [*_CJK_FIELD_LANGUAGE.finditer(brief.task), *_LATIN_FIELD_LANGUAGE.finditer(brief.task)]
    for match in matches:
        field, named = match.group("field"), lookup(match.group("lang"))
        if named is None or not _is_field(field, fields, brief.task):
            continue
        span = BriefSpan(field="task", start=match.start("lang"), end=match.end("lang"), text=match.group("lang"))
        found.append(
            Constraint(
                kind="language", text=f"Write the {field} field in {named[0]}.", span=span, value=named[0],
                code=named[1], scope=field,
            )
        )  # fmt: skip
    return found


def _is_field(name: str, fields: set[str], task: str) -> bool:
    """Whether a line's lead names an output field: one the constraints read, a snake_case key ("resumo_en"), or a
    key the brief's pasted JSON shape quotes ('"memo": …'), whatever the schema read from it."""
    if name.lower() in fields or "_" in name.strip("_"):
        return True
    return re.search(rf"[\"'“]{re.escape(name)}[\"'”]\s*:", task, re.IGNORECASE) is not None


def _fields(constraints: list[Constraint]) -> set[str]:
    named = {v.lower() for c in constraints if c.kind in ("fields", "schema") for v in c.values}
    return named | {(c.scope or "").lower() for c in constraints if c.kind == "limit" and c.scope}


def scope_field_languages(brief: Brief, constraints: list[Constraint]) -> list[Constraint]:
    """The constraints with each language said on one field's line scoped to that field."""
    fields = _fields(constraints)
    whole = len(brief.task)
    said = [
        c.span for c in constraints
        if c.kind == "language" and c.span is not None and c.span.field == "task"
        and (c.span.start, c.span.end) != (0, whole)
    ]  # fmt: skip
    # (a field's language its clause already states, "sintese: …, sempre em português europeu", is scoped below)
    extra = [
        e for e in _cjk_field_languages(brief, fields)
        if e.span is not None and not any(s.start < e.span.end and e.span.start < s.end for s in said)
    ]  # fmt: skip
    if extra:
        # (the brief's own language, read as every reply's for want of a stated one, gives way to the field's)
        whole = len(brief.task)
        constraints = [
            c for c in constraints
            if not (c.kind == "language" and c.span is not None and (c.span.start, c.span.end) == (0, whole))
        ] + extra  # fmt: skip
    out: list[Constraint] = []
    for c in constraints:
        span = c.span
        if c.kind != "language" or c.values or span is None or span.field != "task" or not c.value:
            out.append(c)
            continue
        lead = _FIELD_LEAD.search(brief.task, 0, span.start)
        field = lead.group("field") if lead is not None else None
        if field is None or not _is_field(field, fields, brief.task):
            out.append(c)
            continue
        out.append(msgspec.structs.replace(c, scope=field, text=f"Write the {field} field in {c.value}."))
    return _with_field_exceptions(out)


def _with_field_exceptions(constraints: list[Constraint]) -> list[Constraint]:
    """The whole reply's language rule naming the fields the brief gives another language ("Always reply in
    Spanish, except the resumen_en field, which is in English."), so the two rules never contradict each other."""
    scoped = [c for c in constraints if c.kind == "language" and c.scope]
    out: list[Constraint] = []
    for c in constraints:
        if c.kind == "language" and not c.scope and not c.values and c.value and c.text.startswith("Always reply"):
            others = [f for f in scoped if f.code != c.code]
            if others:
                said = "; ".join(f"the {f.scope} field, which is in {f.value}" for f in others)
                c = msgspec.structs.replace(c, text=f"{c.text.rstrip('.')}, except {said}.")
        out.append(c)
    return out

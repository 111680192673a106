"""A language given for one field ("resumo: no máximo 15 palavras, sempre em português europeu", "memo は日本語で"):
that field's language, never the whole reply's."""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.model import Constraint

# "resumo: …", "- summary_en: …", "・memo は", "备注字段用": the field a line (or the clause's start) is about
_FIELD_LEAD = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•・·][ \t]*)?[\"'`“「]?(?P<field>[^\W\d][\w.-]*)[\"'`”」]?[ \t]*"
    r"(?::|：|は|欄は|フィールドは|字段|栏)[^\n]*$"
)


def _fields(constraints: list[Constraint]) -> set[str]:
    named = {v.lower() for c in constraints if c.kind in ("fields", "schema") for v in c.values}
    return named | {(c.scope or "").lower() for c in constraints if c.kind == "limit" and c.scope}


def scope_field_languages(brief: Brief, constraints: list[Constraint]) -> list[Constraint]:
    """The constraints with each language said on one field's line scoped to that field."""
    fields = _fields(constraints)
    out: list[Constraint] = []
    for c in constraints:
        span = c.span
        if c.kind != "language" or c.values or span is None or span.field != "task" or not c.value:
            out.append(c)
            continue
        lead = _FIELD_LEAD.search(brief.task, 0, span.start)
        field = lead.group("field") if lead is not None else None
        if field is None or (field.lower() not in fields and "_" not in field):
            out.append(c)
            continue
        out.append(msgspec.structs.replace(c, scope=field, text=f"Write the {field} field in {c.value}."))
    return out

"""What a pasted JSON literal's values say about its fields: a limit ('"resumen": "máx. 25 palabras"') limits that
field, and a date or time pattern ('"pickup_date": "YYYY-MM-DD"') is its format; the schema keeps both."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.constraints import limits, object_comments, structure
from app.engine.constraints.clause_readers import Field
from app.engine.constraints.model import Constraint


def field_limits(field: Field, obj: structure.FoundObject, schema: dict[str, object]) -> Iterator[Constraint]:
    """'"resumen": "máx. 25 palabras"': a limit written as a field's value limits that field, and the schema keeps
    the brief's words as the field's description."""
    properties = schema.get("properties")
    # ('"notes_for_quoter": string  // max 30 words': a limit in the key's comment limits it the same way)
    comments = object_comments.key_comments(field.text[obj.start : obj.end])
    for key, raw in [*obj.value.items(), *comments.items()]:
        if not isinstance(raw, str) or not isinstance(properties, dict) or not isinstance(properties.get(key), dict):
            continue
        found = [f for f in limits.find_limits(raw) if f.unit != "items" and not f.capped]
        if len(found) != 1:
            continue
        # ('"hazards": [string]  // each max 8 words': each item of the list, not the list)
        each = found[0].scope is not None and found[0].scope.startswith("each")
        limit, scope = found[0], f"each item of the {key} field" if each else f"the {key} field"
        properties[key].setdefault("description", raw.strip())
        yield Constraint(
            kind="limit", text=limits.describe_limit(limit.unit, limit.minimum, limit.maximum, limit.exact, scope),
            span=field.span(obj.start, obj.end), unit=limit.unit, minimum=limit.minimum, maximum=limit.maximum,
            exact=limit.exact, scope=scope,
        )  # fmt: skip


# '"pickup_date": "YYYY-MM-DD"', '"time": "HH:MM"': a value written as a date or time pattern is that field's format
_FORMAT_PATTERN = re.compile(
    r"(?:YYYY|yyyy|AAAA|aaaa|JJJJ)[-/.](?:MM|mm)"
    r"(?:[-/.](?:DD|dd|JJ|jj|TT)(?:[T ](?:HH|hh):(?:MM|mm)(?::(?:SS|ss))?)?)?|"
    r"(?:DD|dd|JJ|TT)[-/.](?:MM|mm)[-/.](?:YYYY|yyyy|AAAA|aaaa|JJJJ|YY)|(?:MM|mm)[-/.](?:DD|dd)[-/.](?:YYYY|yyyy|YY)|"
    r"(?:MM|mm)/(?:YY|yy|YYYY)|(?:HH|hh):(?:MM|mm)(?::(?:SS|ss))?|ISO[ -]?8601"
)


_DATE_ISO = re.compile(r"(?:YYYY|yyyy|AAAA|aaaa|JJJJ)-(?:MM|mm)-(?:DD|dd|JJ|jj|TT)")


def field_formats(obj: structure.FoundObject, schema: dict[str, object]) -> None:
    """Keep a date or time pattern written as a field's value as that field's description (and JSON Schema's "date"
    format for YYYY-MM-DD), so the schema still says how to write it."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    for key, raw in obj.value.items():
        prop = properties.get(key)
        # ('"date (YYYY-MM-DD)"', '"YYYY-MM-DDTHH:MM:SS"': the pattern inside a short value)
        if not isinstance(raw, str) or not isinstance(prop, dict) or len(raw) > 40 or not _FORMAT_PATTERN.search(raw):
            continue
        prop.setdefault("description", raw.strip())
        if _DATE_ISO.fullmatch(raw.strip()) and prop.get("type") == "string":
            prop.setdefault("format", "date")

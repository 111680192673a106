"""The value of a tool's parameters key ("  params: {semaine: string, regime: "normal|sans_sel|mixe"}" under a YAML
tool's "- name:", '"arguments": {…}') says what the tool takes: its keys are no reply schema, and its "a|b|c" values
no label set of the reply's."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import layout
from app.engine.constraints.model import Constraint
from app.engine.constraints.structure import find_objects


def parameter_objects(text: str) -> list[tuple[int, int]]:
    """Where each object that is the value of a parameters key stands in `text`."""
    return [(o.start, o.end) for o in find_objects(text) if layout.after_parameter_key(text, o.start)]


def without_parameter_values(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """The constraints less the schemas, label sets and field lists read from a tool's parameters object."""
    spans = parameter_objects(brief.task)
    if not spans:
        return found
    return [
        c
        for c in found
        if not (
            c.kind in ("schema", "labels", "fields")
            and c.span is not None
            and c.span.field == "task"
            and any(start <= c.span.start < end for start, end in spans)
        )
    ]

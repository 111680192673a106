"""The labeller whose reply is one delimited line of columns, each with its own closed set ("reply with ONE csv line:
trade,priority,gas_safe", "eine CSV-Zeile: gewerk,prioritaet,gas", "one line: category | urgency | team"): one label
for the whole reply would contradict the line, so every single-label line (role, rules, guardrails, reminder) goes."""

from __future__ import annotations

from app.engine.archetypes.registry import Variant, rule
from app.engine.constraints.line_columns import LINE_COLUMNS
from app.engine.spec import OutputFormat

LABEL_LINE = Variant(
    name="label line",
    cue=LINE_COLUMNS,
    changes={
        "objective": "Read each input and fill every column of the reply line with a value from that column's own set.",
        "success": "Success means one line per input with every column in the stated order, each value from its "
        "column's allowed values, applied the same way every time.",
        "context": (),
        "rules": (
            rule(
                "Fill every column with one of that column's allowed values; never invent a value or skip a column.",
                "The line feeds an automated system that only accepts the defined values in the defined columns.",
            ),
            rule(
                "Base each value on the input's main point, not on isolated keywords.",
                "Keyword matching misclassifies sarcasm, negation and quoted text.",
            ),
            rule(
                "When two values fit a column equally well, choose the one listed first for that column.",
                "A fixed tie-break keeps the line reproducible.",
            ),
        ),
        "output": OutputFormat(
            kind="prose",
            description="One line with the listed columns, in order, and nothing before or after it.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Still return the one line, with each column's closest allowed value (its catch-all value "
        "where the column has one).",
        "when_unsure": "Choose the closest allowed value for each column; never leave a column empty or add a note.",
        "final_reminder": "Return only the one line, each column's value from that column's own set.",
    },
)

"""The extractor's job when the brief names no key of its record: no schema to match, so no rule may point to one."""

# ruff: noqa: E501  (archetype content: one rule per line reads and greps better than split literals)

from __future__ import annotations

import re

from app.engine.archetypes.registry import Variant, rule

# "Extract the key data from supplier invoices as JSON": the brief names no field, and a default schema would be
# another job's keys (an invoice's name, date, amount and currency for an order line or a CV). The record's keys are
# left to the model, the same for every input; generate() warns the user to name them.
VALUE_RULES = (
    rule(
        "Copy values exactly as they appear in the input; normalise only dates and numbers.",
        "Downstream systems compare values literally, so rewording breaks matching.",
    ),
    rule(
        "Write dates as ISO 8601 (YYYY-MM-DD) and numbers without thousands separators.",
        "One fixed form lets downstream systems parse and compare them.",
    ),
    rule(
        "Set a field to null when the input does not state its value.",
        "A guessed value is indistinguishable from a real one downstream; null is honest.",
    ),
)
"""How an extractor writes each value, whether or not the brief names the record's keys."""

UNNAMED_FIELDS = Variant(
    name="record without named fields",
    no_fields=True,
    cue=re.compile(r""),
    changes={
        "success": "Success means valid JSON that holds only what the input states, under the same keys for every input, with null for every value the input does not state.",
        "objective": "Extract the details the task asks for from the input text into JSON.",
        "rules": (
            *VALUE_RULES,
            rule(
                "Use the same keys, spelled the same way, for every input.",
                "Downstream code reads each value by its key; a key that changes between inputs breaks it.",
            ),
            rule(
                "When the input states two conflicting values for a field, use the first one.",
                "A fixed tie-break keeps results reproducible.",
            ),
        ),
        "examples": (),
    },
)

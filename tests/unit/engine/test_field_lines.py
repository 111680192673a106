"""Fields listed one per line under the line that introduces them are the record's fields (not "these fields, one
per line"); written as `field: value` lines they are no JSON object, and a field's value set makes no classifier."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.unwrap import unwrap

_SHIFT_NOTES = (
    "Pull maintenance data from our engineers' shift notes. Output these fields, one per line as `field: value`:\n\n"
    "asset_id\nfault_type (one of: electrical, mechanical, hydraulic, other)\nhours_down (decimal hours)\n"
    'parts_ordered (yes/no)\n\nIf a field is not mentioned, write "n/a". No markdown.'
)


def test_fields_listed_one_per_line_are_read_whole() -> None:
    constraints = extract_constraints(Brief(task=_SHIFT_NOTES))
    fields = [c for c in constraints if c.kind == "fields"]
    assert [c.values for c in fields] == [["asset_id", "fault_type", "hours_down", "parts_ordered"]]
    assert any(c.kind == "format" and c.value == "lines" for c in constraints)


def test_field_lines_render_as_lines_under_an_extractor() -> None:
    result = generate(Brief(task=_SHIFT_NOTES, target="claude"))
    assert result.archetypes[0].id == "data_extraction"
    prompt = result.prompt
    assert "one per line as `field: value`" in prompt
    assert "these_fields" not in prompt
    assert '"type": "object"' not in prompt
    assert "Use null for fields" not in prompt
    assert 'End with one line that starts with "Label:"' not in prompt
    assert "exactly one label from the closed label set for every input" not in prompt
    assert 'write "n/a"' in prompt


def test_a_json_record_with_a_field_value_set_keeps_the_extractor() -> None:
    result = generate(
        Brief(
            task="Extract from each insurance claim note a JSON object with the fields claim_id, damage_type and "
            "amount. damage_type is one of: water, fire, theft, other.",
            target="claude",
        )
    )
    assert "data extraction engine" in result.prompt


def test_field_names_on_their_own_lines_are_not_joined() -> None:
    text = (
        "Output these fields, one per line as `field: value`, in this order, for the ward record:\n"
        "wound_location\nwound_type (one of: pressure_ulcer, surgical, other)\nsize_cm (length x width)\nexudate"
    )
    assert unwrap(text) == text

"""Fixes after reading round 17's review (judged before them), on new wording: verbs that share one object stay one
prohibition, and a heading in capitals over list lines is pasted material, not rules."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.references import find_references


def test_verbs_that_share_an_object_stay_one_prohibition() -> None:
    found = find_prohibitions("Never raise, lower or skip an insulin dose, and never promise a cure.")
    assert [f.text for f in found] == ["Never raise, lower or skip an insulin dose.", "Never promise a cure."]
    assert [f.text for f in find_prohibitions("Never guess, and say so when unsure.")] == ["Never guess."]


def test_a_heading_in_capitals_over_list_lines_is_material() -> None:
    task = (
        "Answer parents' questions using only the sheet below.\n\n"
        "CAMP PACKING LIST\n"
        "- Sleeping bag and pillow, labelled with the child's name.\n"
        "- No phones or tablets; the office phone is for emergencies.\n"
        "- Sun cream, a hat and a refillable water bottle.\n"
    )
    [reference] = find_references(task)
    assert reference.title == "Camp Packing List"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "- No phones or tablets; the office phone is for emergencies." in prompt
    assert "Avoid phones" not in prompt


def test_a_heading_of_rules_stays_instructions() -> None:
    assert (
        find_references("Tutor for kids.\n\nRULES\n- Never give the answer.\n- One hint at a time, then wait.\n") == []
    )

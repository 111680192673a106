"""A reply layout given after "output exactly this, nothing before or after:" (a blank line may follow the colon, and
bullet lines may say what goes under each heading) is the output format, printed whole; its intro is no rule of its
own, and "SUMMARY" is no fixed reply. A meeting's notes turned into a recap get recap rules, not reply-drafting
ones. 'Write one line "DA VERIFICARE:" at the bottom' adds a line; it does not limit the reply to one."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate

_LAB = (
    "we're a small chemistry lab. someone types notes during the weekly lab meeting, its chaos, initials instead of "
    "names (JM = Julia Marsh). I want the action items pulled out so I can paste them into our tracker.\n\n"
    "output exactly this, nothing before or after:\n\n"
    "SUMMARY\n- up to 4 bullets, each under 20 words\nACTIONS\nName | task | due\n"
    'BLOCKED\nwho is stuck, or "none"\n\n'
    "- if a task has no clear owner write UNASSIGNED as the name"
)


def test_the_layout_is_the_output_format_whole() -> None:
    prompt = generate(Brief(task=_LAB, target="claude")).prompt
    output = prompt.split("<output_format>", 1)[1].split("</output_format>", 1)[0]
    for line in ("SUMMARY", "- up to 4 bullets, each under 20 words", "ACTIONS", "Name | task | due", "BLOCKED"):
        assert line in output


def test_the_layouts_first_line_is_no_fixed_reply() -> None:
    prompt = generate(Brief(task=_LAB, target="claude")).prompt
    assert "nothing before or after: `SUMMARY`" not in prompt
    assert "Lead with the main conclusion" not in prompt


def test_a_meeting_recap_gets_no_reply_drafting_rules() -> None:
    prompt = generate(Brief(task=_LAB, target="claude")).prompt
    assert "Draft replies" not in prompt
    assert "sender's register" not in prompt
    assert "{{email}}" not in prompt


def test_a_line_to_write_is_no_reply_length() -> None:
    task = (
        'Riassumi i verbali di assemblea. Se due cifre non tornano, scrivi in fondo una riga "DA VERIFICARE:" '
        "con il dettaglio."
    )
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
    assert [c.exact for c in extract_constraints(Brief(task="Summarise it in one line.")) if c.kind == "limit"] == [1]


def test_a_numbered_rule_after_an_exact_shape_is_no_layout_line() -> None:
    task = (
        "Turn camera descriptions into JSON.\n\nRequirements:\n1. Output exactly this shape and nothing else:\n"
        '   {"brand": string, "faults": [string]}\n2. Don\'t invent a shutter count.\n3. "faults" max 5 entries.'
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Don't invent a shutter count" in prompt or "Do not invent a shutter count" in prompt


def test_a_mark_scheme_of_ranges_is_a_rule_not_a_label_set() -> None:
    task = (
        "Grader for tasting notes.\n\nMarking:\n- appearance 0-2\n- nose 0-4\n- palate 0-8\n\n"
        "Output only this JSON, nothing around it:\n"
        '{"appearance": 0, "nose": 0, "palate": 0, "total": 0, "pass": false}\n'
        "pass is true when total is 8 or more."
    )
    result = generate(Brief(task=task, target="claude"))
    assert not [c for c in result.constraints if c.kind == "labels"]
    rules = result.prompt.split("<instructions>", 1)[1].split("</instructions>", 1)[0]
    assert "appearance 0-2" in rules
    assert "ass is true when total is 8 or more" in rules

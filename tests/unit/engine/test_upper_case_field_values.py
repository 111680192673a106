"""Upper-case cells and numbered checklists: "SEVERITY is BLOCKER, MAJOR or NIT" gives one cell of the line template
its values, and a numbered list under a lead ("What to look for, most important first:") stays one rule, in order."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_REVIEW = (
    "You review pull requests for our ledger service. The input is a unified diff.\n\n"
    "Output one finding per line, nothing before or after:\n"
    "SEVERITY | path/to/file.py:LINE | problem | suggested fix\n\n"
    "SEVERITY is BLOCKER, MAJOR or NIT. At most 10 findings. If you find nothing, output exactly LGTM and stop."
)


def test_an_upper_case_cell_takes_its_values() -> None:
    (labels,) = [c for c in read_constraints(Brief(task=_REVIEW)) if c.kind == "labels"]
    assert labels.values == ["BLOCKER", "MAJOR", "NIT"]
    assert labels.scope == "SEVERITY"


def test_the_values_are_written_on_the_line_format() -> None:
    prompt = generate(Brief(task=_REVIEW, target="claude")).prompt
    output = prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert "SEVERITY is exactly one of: BLOCKER, MAJOR, NIT." in output
    assert "Reply with exactly one of these labels" not in prompt


_CHECKLIST = (
    "You review pull requests for our ledger service. The input is a unified diff.\n\n"
    "What to look for, most important first:\n"
    "1. money handled as float anywhere (we only use Decimal)\n"
    "2. missing idempotency on anything that posts a transaction\n"
    "3. PII ending up in logs\n"
    "4. everything else: bugs, races, missing tests\n\n"
    "Output one finding per line."
)


def test_a_numbered_checklist_stays_under_its_lead_in_order() -> None:
    prompt = generate(Brief(task=_CHECKLIST, target="claude")).prompt
    assert (
        "What to look for, most important first: 1) money handled as float anywhere (we only use Decimal); "
        "2) missing idempotency on anything that posts a transaction; 3) PII ending up in logs; "
        "4) everything else: bugs, races, missing tests." in prompt
    )
    assert "From the brief: PII ending up in logs" not in prompt

"""'SEVERITY is BLOCKER, MAJOR or NIT' under a line template: the values of one upper-case cell of the line, written
on that cell, not a closing verdict line and not a loose fact."""

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

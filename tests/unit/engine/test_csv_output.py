"""A CSV reply under the brief's own header row, a limit named by the column it sizes, and no visible reasoning or
reasoning rules when nothing may stand outside the CSV."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_CSV_BRIEF = (
    "Score customer call transcripts against our QA checklist. The output must be CSV for our dashboard, with "
    "exactly these columns:\ncall_id,check,passed,evidence\none row per call per check. Evidence max 20 words. "
    "Nothing outside the CSV."
)


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_the_reply_is_csv_under_the_briefs_header() -> None:
    prompt = _prompt(_CSV_BRIEF)
    assert (
        "CSV only. Start the CSV with exactly this header row: `call_id,check,passed,evidence`. Then one row per"
        in (prompt)
    )


def test_nothing_outside_the_csv_leaves_no_thinking_block() -> None:
    prompt = _prompt(_CSV_BRIEF)
    assert "<thinking>" not in prompt
    assert "reasoning for a criterion before its score" not in prompt


def test_a_capitalised_column_before_its_limit_is_what_the_limit_sizes() -> None:
    limits = [(c.text, c.scope) for c in read_constraints(Brief(task=_CSV_BRIEF)) if c.kind == "limit"]
    assert limits == [("Keep the evidence field to at most 20 words.", "the evidence field")]


def test_an_order_before_a_limit_names_no_part() -> None:
    limits = [
        c.scope for c in read_constraints(Brief(task="Fix the bug. show max 3 lines of code.")) if c.kind == "limit"
    ]
    assert "the show" not in limits


def test_a_plural_part_before_its_limit_is_each_of_them() -> None:
    task = "Write Instagram captions for our bakery. Captions max 150 characters."
    limits = [c.scope for c in read_constraints(Brief(task=task)) if c.kind == "limit"]
    assert limits == ["each caption"]

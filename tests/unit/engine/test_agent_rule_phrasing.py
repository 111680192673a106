"""Agent briefs written tersely: "Only call X after Y", a case after a dash that sizes one answer, an input described
as "merged into one line", and "don't ask follow-up questions" against the default confirm-first rule."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _constraints(task: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.text, c.scope) for c in read_constraints(Brief(task=task))]


def test_only_after_a_state_keeps_the_action_first() -> None:
    found = _constraints("Only send the invoice after the payment cleared.")
    assert ("ordering", "Send the invoice only after the payment cleared.", None) in found


def test_a_case_after_a_dash_sizes_that_answer_not_every_reply() -> None:
    found = _constraints("Never guess - if the order number is missing, say so in one line.")
    assert not any(kind == "limit" and text == "Reply in exactly 1 line." for kind, text, _ in found)


def test_an_input_merged_into_one_line_is_no_limit() -> None:
    found = _constraints("Our scans come out messy (tables squashed into one line). Extract the totals as JSON.")
    assert not any(kind == "limit" for kind, _, _ in found)


def test_no_follow_up_questions_drops_the_confirm_first_default() -> None:
    task = (
        "Agent for our print shop. Tools: create_job(file, copies), email_customer(address, text). Only call "
        "email_customer after a job was created. Don't ask follow-up questions."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Ask the user to confirm" not in prompt
    assert "Call email_customer only after a job was created." in prompt


def test_a_tool_written_with_its_parameters_is_the_step_after_before() -> None:
    found = _constraints("Rules: ALWAYS call get_quote(sku) before order(sku, qty), no exceptions.")
    assert ("ordering", "Call get_quote(sku) before you call order(sku, qty).", None) in found

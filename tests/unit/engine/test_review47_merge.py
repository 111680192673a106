"""Session 47's hostile review of the merged round-47 fixes: a request for a prompt keeps the job it states, a pasted
gist ends at the next heading or instruction (and a brief that asks for a brochure or menu pastes none), the brief's
opening "Recipe helper: …" is no case head, and a fall routed to a tool keeps the health pack."""

from __future__ import annotations

import pytest

from app.engine.references import find_references
from tests.unit.engine.reading import claude_prompt


@pytest.mark.parametrize(
    "task",
    [
        "Context: our team uses Jira.\nI want a prompt for a bot that turns meeting notes into Jira tickets.",
        "My job is tutoring. Create a prompt for an assistant that makes 10 vocabulary flashcards per Jira ticket.",
    ],
)
def test_a_request_for_a_prompt_keeps_the_job_it_states(task: str) -> None:
    assert "Jira ticket" in claude_prompt(task)


_MENU = (
    "Cafe bot for Bean & Leaf.\nMenu:\nEspresso, a single shot of our house blend: 2.50\nLatte with oat or cow's milk: "
    "3.20\nFlat white, double shot: 3.00\n{after}"
)


@pytest.mark.parametrize(
    "after",
    [
        "Rules:\n- Never recommend caffeine to pregnant customers",
        "Never recommend caffeine to pregnant customers.",
        "- Never recommend caffeine to pregnant customers",
        "Answer only from this. Never recommend caffeine to pregnant customers.",
    ],
)
def test_a_pasted_menu_ends_at_the_next_heading_or_instruction(after: str) -> None:
    task = _MENU.format(after=after)
    references = find_references(task)
    assert references
    assert all("caffeine" not in ref.body for ref in references)
    assert "Never recommend caffeine to pregnant customers" in claude_prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Write a tourist brochure for our town.\nBrochure:\nTitle and a one-line welcome for visitors\n3 sections: "
        "history, food, nature\nContact box at the end",
        "Create a dinner menu for a wedding of 80 guests.\nMenu:\nStarter, main and dessert, each with a vegetarian "
        "option\nKeep dish names under 6 words",
    ],
)
def test_a_brief_that_asks_for_the_document_pastes_no_material(task: str) -> None:
    assert find_references(task) == []


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        ("Recipe helper: suggest recipes from what the user lists. Always give cooking time.", "Always give"),
        ("Writing coach for teenagers: give feedback on essays. Never rewrite the essay for them.", "Never rewrite"),
        ("Hotel Adler concierge: answer guests' questions. Never quote room prices.", "Never quote room prices"),
    ],
)
def test_the_briefs_opening_is_no_case_head(task: str, rule: str) -> None:
    prompt = claude_prompt(task)
    assert rule in prompt
    assert "For recipe helper" not in prompt
    assert "For writing coach" not in prompt


def test_a_fall_routed_to_a_tool_keeps_the_health_pack() -> None:
    task = (
        "Check-in bot for elderly clients of CareHome. If they report a fall, call notify_nurse(room) and tell them "
        "a nurse is coming. Keep conversation gentle."
    )
    assert "emergency" in claude_prompt(task).lower()

"""Round 28's remaining failure classes, on briefs phrased apart from the round's own: a report written up from notes
is a writing job (not a role-play because the notes come from rehearsals, nor a meeting assistant because a section
is called SCHEDULE)."""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import archetype_ids, claude_prompt


@pytest.mark.parametrize(
    "task",
    [
        "Turn our stage managers' rehearsal notes into the daily rehearsal report for the director.",
        "Turn my site-visit notes into the weekly progress report for the client. Sections: DONE, SCHEDULE, RISKS.",
        "Every Friday I send you my lab notes; write them up as a status report for our funder, under 300 words.",
    ],
)
def test_a_report_written_from_notes_is_a_writing_job(task: str) -> None:
    assert archetype_ids(task)[0] == "writing_editor"
    prompt = claude_prompt(task)
    assert "from the notes" in prompt
    assert "role-play" not in prompt
    assert "in character" not in prompt


def test_rehearsing_an_interview_is_still_practice() -> None:
    assert (
        archetype_ids("Help me rehearse for my nursing job interview next week; ask one question at a time.")[0]
        == "roleplay_interviewer"
    )

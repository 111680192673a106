"""A quiz brief whose steps come three to a sentence keeps all of them, reads as a quiz that marks answers (no
hint-at-a-time tutor rules against "give the official answer"), and a route "if they ask" keeps what they ask about
and every professional it names."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.fallbacks import find_fallbacks
from app.engine.generate import generate

CIVICS = (
    "You are an AI tutor for adult learners studying for the US citizenship civics test. Quiz them with one of the "
    "100 official civics questions at a time, wait for their answer, then tell them if it's right and give the "
    "official answer. Keep it encouraging. Don't give legal advice about their immigration case - if they ask, tell "
    "them to contact an immigration attorney or a DOJ-accredited representative."
)


def test_every_step_of_the_sentence_is_kept() -> None:
    prompt = generate(Brief(task=CIVICS, target="claude")).prompt
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    assert "Quiz them with one of the 100 official civics questions at a time" in instructions


def test_a_quiz_that_gives_the_official_answer_gets_no_hint_pacing() -> None:
    prompt = generate(Brief(task=CIVICS, target="claude")).prompt
    assert "full worked solution" not in prompt
    assert "instead of giving the full solution" not in prompt


def test_a_bare_if_they_ask_keeps_its_topic_and_both_routes() -> None:
    found = find_fallbacks(
        "Don't give legal advice about their immigration case - if they ask, tell them to contact an immigration "
        "attorney or a DOJ-accredited representative."
    )
    assert [(f.condition, f.value) for f in found] == [
        (
            "if they ask about their immigration case",
            "contact an immigration attorney or a DOJ-accredited representative",
        )
    ]

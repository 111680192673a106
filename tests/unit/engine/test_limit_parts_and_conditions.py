"""A limit narrows the part the brief names (an explanation, each section, a summary after a table), and a length
inside a condition or a rubric criterion describes the input, never the reply (round 17's review, new wording)."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints


def _limits(task: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


def test_explaining_what_a_query_does_limits_the_explanation() -> None:
    [limit] = _limits("Write the SQL, then explain what it does in at most 2 sentences.")
    assert (limit.scope, limit.maximum) == ("the explanation", 2)
    [how] = _limits("Give the regex and explain how it works in under 3 sentences.")
    assert how.scope == "the explanation"


@pytest.mark.parametrize(
    "task",
    [
        "Headings: Wins, Risks, Next steps. No more than 4 bullets under each heading.",
        "Höchstens 4 Stichpunkte pro Abschnitt.",
        "Three sections; at most 4 bullets in each section.",
    ],
)
def test_bullets_under_each_heading_limit_each_section(task: str) -> None:
    [limit] = _limits(task)
    assert (limit.scope, limit.maximum, limit.unit) == ("each section", 4, "bullets")


def test_a_user_after_for_each_is_not_a_part() -> None:
    [limit] = _limits("Answer questions in at most 3 sentences for each user.")
    assert limit.scope is None


def test_a_cjk_limit_names_the_summary_after_it() -> None:
    [limit] = _limits("先输出对比表格，表格后用不超过80字的中文总结推荐理由。")
    assert (limit.scope, limit.maximum, limit.unit) == ("the summary", 80, "characters")


def test_a_french_description_limit_is_the_descriptions() -> None:
    found = _limits(
        "Pour chaque produit, rends un titre de 50 caractères maximum, puis une description de 70 mots maximum."
    )
    assert [(c.scope, c.maximum) for c in found] == [("the title", 50), ("the description", 70)]
    [count, each] = _limits("Write 2 descriptions max 90 characters each.")
    assert (count.exact, each.scope) == (2, "each description")


@pytest.mark.parametrize(
    "task",
    [
        "Si la rédaction fait moins de 40 mots, mets 0 et dis pourquoi.",
        "Wenn der Aufsatz weniger als 50 Wörter hat, gib 0 Punkte.",
        "Se o texto tiver menos de 30 palavras, dê nota zero.",
        "Als de tekst minder dan 30 woorden heeft, geef een 1.",
        "如果作文少于100字，直接给0分。",
    ],
)
def test_a_length_inside_a_condition_is_not_a_reply_limit(task: str) -> None:
    for limit in _limits(task):
        assert limit.scope == "the part this sentence names"
        assert not limit.text.startswith("Keep the reply")


def test_a_rubric_criterion_length_is_not_a_reply_limit() -> None:
    task = (
        "Grade the student's cover letter with this rubric.\n"
        "A) Opening and purpose: 4 pts\n"
        "B) Length and layout (200-300 words): 3 pts\n"
        "Give the score per criterion, then the total."
    )
    assert _limits(task) == []
    assert _limits("Key takeaways: 3 points") == []  # a bare count of points stays a count, not a rubric
    assert _limits("C. Lengte (tussen 150 en 250 woorden) : 2 punten") == []


def test_strengths_are_not_bullets() -> None:
    assert _limits("Puis exactement 2 points forts et 2 points à améliorer.") == []
    [bullets] = _limits("Donne exactement 3 points.")
    assert (bullets.unit, bullets.exact) == ("bullets", 3)


def test_a_conditional_sentence_in_the_output_format_is_not_said_twice() -> None:
    task = (
        "Corrige les rédactions de mes élèves de seconde. Sortie : la note sur 20, puis un conseil. "
        "Si la rédaction fait moins de 40 mots, mets 0/20 et explique pourquoi en une phrase."
    )
    prompt = generate(Brief(task=task, output_format=task.split("Sortie : ")[1], target="claude")).prompt
    assert prompt.count("fait moins de 40 mots") == 1
    assert "at most 40 words" not in prompt

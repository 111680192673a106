"""A limit stated for a section named in capitals limits that section, not the whole reply."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


@pytest.mark.parametrize(
    ("task", "section"),
    [
        (
            "Rewrite the CV. Sections in order: PROFILE, EXPERIENCE, SKILLS. The PROFILE has at most 50 words.",
            "PROFILE",
        ),
        (
            "Reescreve o CV em inglês. Secções: PROFILE, EXPERIENCE, EDUCATION. o PROFILE tem no máximo 50 palavras.",
            "PROFILE",
        ),
        ("Reescribe el CV. Secciones: PERFIL, EXPERIENCIA. El PERFIL tiene como máximo 50 palabras.", "PERFIL"),
    ],
)
def test_a_sections_limit_is_scoped_to_it(task: str, section: str) -> None:
    result = generate(Brief(task=task))
    limits = [c for c in result.constraints if c.kind == "limit"]
    assert [c.scope for c in limits] == [f"the {section} section"]
    assert "Keep the reply to at most 50 words" not in result.prompt


def test_a_plain_reply_limit_stays_the_replys() -> None:
    task = "Write a LinkedIn post about our launch. PLEASE keep it under 100 words."
    assert [c.scope for c in read_constraints(Brief(task=task)) if c.kind == "limit"] == [None]

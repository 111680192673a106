"""A sentence that opens with a field of the reply ('Feedback goes straight to the student: max 25 words') limits
that field, not the whole JSON reply, and the field keeps the schema's spelling."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import read_constraints


def test_a_limit_in_a_sentence_that_opens_with_a_field_limits_that_field() -> None:
    brief = Brief(
        task=(
            "Grade free-text answers from nursing students. Score 0-4. Feedback goes straight to the student: "
            "max 25 words, second person, say what to fix."
        ),
        output_format="Only the JSON object with score, feedback and unit_error. No prose around it.",
        json_schema={
            "type": "object",
            "properties": {
                "score": {"type": "integer"},
                "feedback": {"type": "string"},
                "unit_error": {"type": "boolean"},
            },
        },
    )
    (limit,) = [c for c in read_constraints(brief) if c.kind == "limit"]
    assert limit.scope == "the feedback field"
    assert limit.text == "Keep the feedback field to at most 25 words."


def test_a_short_sentence_about_a_field_needs_no_colon() -> None:
    brief = Brief(
        task=(
            "Evalúa respuestas de agentes de cobranza. Devuelve SOLO un JSON así, sin texto antes ni después: "
            '{"empatia": 1, "claridad": 1, "comentario": "..."}. El comentario en español y de máximo 25 palabras.'
        )
    )
    (limit,) = [c for c in read_constraints(brief) if c.kind == "limit"]
    assert limit.scope == "the comentario field"

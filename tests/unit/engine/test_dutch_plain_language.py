"""A Dutch brief asking for letters rewritten to a CEFR level ("herschrijft naar taalniveau B1") is a plain-language
rewrite, and "zonder uitleg" / "ohne Erklärung" leaves no notes beside the reply."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def _result(task: str) -> tuple[str, str]:
    result = generate(Brief(task=task, target="claude"))
    return result.archetypes[0].id, result.prompt


def test_a_rewrite_to_a_reading_level_is_the_editors_job() -> None:
    primary, prompt = _result(
        "Wij zijn een woningcorporatie. We willen een assistent die onze huurbrieven herschrijft naar taalniveau B1. "
        "Maximaal 15 woorden per zin."
    )
    assert primary == "writing_editor"
    assert "plain language" in prompt
    assert "You are an assistant." not in prompt


def test_without_explanation_in_german_drops_the_list_of_changes() -> None:
    _, prompt = _result(
        "Ein Assistent, der unsere Pressemitteilungen umschreibt, damit sie lebendiger klingen. Gib nur den neuen Text "
        "zurück, ohne Erklärung."
    )
    assert "List the three most important changes" not in prompt

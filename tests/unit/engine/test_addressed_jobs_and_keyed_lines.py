"""A job addressed to the assistant ('du lieferst drei Umschreibungen') after an introduction ('Ich mache die
Rätselseite') is the job; a crossword clue ('Umschreibung') is no rewrite; keyed lines under 'Ausgabe genau so:' are
the reply's lines."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_CLUES = (
    "Ich mache die Rätselseite im Hanse-Anzeiger. Ich gebe dir ein Lösungswort, du lieferst drei Umschreibungen fürs "
    "Kreuzworträtsel: leicht, mittel, schwer. Jede höchstens 40 Zeichen, ohne das Lösungswort selbst oder Wörter mit "
    'demselben Stamm (bei HAFEN also nicht „Hafenstadt"). Keine Anspielungen auf Politik oder aktuelle Todesfälle.\n\n'
    'Ausgabe genau so, drei Zeilen:\nL: …\nM: …\nS: …\nSonst nichts. Keine Anrede, kein „Gern!".'
)


def test_the_addressed_job_is_quoted_not_the_introduction() -> None:
    role = generate(Brief(task=_CLUES, target="claude")).prompt.split("</role>")[0]
    assert "du lieferst drei Umschreibungen" in role
    assert "Ich mache die Rätselseite" not in role


def test_a_crossword_clue_is_no_rewrite() -> None:
    result = generate(Brief(task=_CLUES, target="claude"))
    assert result.archetypes[0].id != "writing_editor"
    assert "Improve the user's text" not in result.prompt


def test_keyed_lines_are_the_replys_lines() -> None:
    prompt = generate(Brief(task=_CLUES, target="claude")).prompt
    # the reply's lines, copied line by line in the output format
    output = prompt.split("<output_format>", 1)[1]
    assert "\nL: …\nM: …\nS: …" in output

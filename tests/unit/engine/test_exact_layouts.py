"""A layout given "genau so" / "exactly like this" is copied line by line into the output format; a narrowed ban
("Keine Namen von Jugendspielern") keeps its narrowing; "e.V. (…)" and "es. (Art. 7)" end no sentence (round 30:
r30-14, r30-19)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

MINUTES = (
    "Wir sind der SV Lindenau 1908 e.V. (Abteilung Handball). Nach jeder Vorstandssitzung schickt die Schriftführerin "
    "Stichpunkte. Daraus soll der Assistent ein Protokoll machen.\n\n"
    "Aufbau, genau so:\nProtokoll der Sitzung vom TT.MM.JJJJ\nAnwesend: ...\n"
    "Beschlüsse: jeder Beschluss mit Ergebnis (ja/nein/Enthaltung)\nAufgaben: Name – Aufgabe – Frist\n\n"
    "Keine Namen von Jugendspielern, nur die Mannschaft nennen. Kein Markdown."
)
ENGLISH = (
    "Turn the warehouse shift notes into a handover.\n\nUse this layout exactly:\nHandover – DATE\nOpen orders: ...\n"
    "Issues: one per line (severity: high/low)\n\nNo markdown."
)


@pytest.mark.parametrize(
    ("task", "first", "last"),
    [
        (MINUTES, "Protokoll der Sitzung vom TT.MM.JJJJ", "Aufgaben: Name – Aufgabe – Frist"),
        (ENGLISH, "Handover – DATE", "Issues: one per line (severity: high/low)"),
    ],
)
def test_exact_layout_is_copied_line_by_line(task: str, first: str, last: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    output = prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert f"Use exactly this layout, line by line:\n{first}\n" in output
    assert last in output
    assert "Assign exactly one" not in prompt
    assert "labels:" not in output
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0] if "<instructions>" in prompt else ""
    assert first not in instructions
    assert "genau so" not in instructions
    assert "layout exactly" not in instructions


def test_a_narrowed_ban_keeps_its_narrowing() -> None:
    prompt = generate(Brief(task=MINUTES, target="claude")).prompt
    assert "Do not mention names." not in prompt
    assert "Keine Namen von Jugendspielern" in prompt


def test_club_suffix_and_italian_example_end_no_sentence() -> None:
    prompt = generate(Brief(task=MINUTES, target="claude")).prompt
    assert "(Abteilung Handball)." not in prompt.replace("e.V. (Abteilung Handball).", "")
    task = (
        "Assistente per il regolamento della biblioteca. Cita sempre l'articolo tra parentesi, es. (Art. 7). "
        "Rispondi in massimo 4 frasi."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "es. (Art. 7)" in prompt
    assert "(Art. 7).\n" not in prompt.replace("es. (Art. 7).", "")

"""A one-line machine-read reply of several columns ("Reply with ONE csv line: trade,priority,gas_safe") keeps its
line shape in the output section and never gets the single-label reminder, in several languages."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

_CASES = [
    (
        "Triage repair jobs for a maintenance firm. Reply with ONE csv line: trade,priority,gas_safe. trade is exactly "
        "one of plumber, electrician, heating_engineer, other. priority P1-P3. gas_safe is yes or no.",
        "trade,priority,gas_safe",
    ),
    (
        "Classez les demandes de réparation des locataires. Répondez avec UNE ligne csv : metier,priorite,gaz. "
        "metier est exactement l'un de plombier, electricien, chauffagiste, autre. priorite P1-P3.",
        "metier,priorite,gaz",
    ),
    (
        "Klassifiziere Reparaturmeldungen von Mietern. Antworte mit EINE CSV-Zeile: gewerk,prioritaet,gas. gewerk ist "
        "genau eines von sanitaer, elektro, heizung, sonstiges. prioritaet P1-P3.",
        "gewerk,prioritaet,gas",
    ),
    (
        "Clasifica las solicitudes de reparación de los inquilinos. Responde con UNA línea csv: oficio,prioridad,gas. "
        "oficio es exactamente uno de fontanero, electricista, calefaccion, otro. prioridad P1-P3.",
        "oficio,prioridad,gas",
    ),
    (
        "Classifique os pedidos de reparação dos inquilinos. Responda com UMA linha csv: oficio,prioridade,gas. "
        "prioridade P1-P3.",
        "oficio,prioridade,gas",
    ),
    (
        "Classifica le richieste di riparazione degli inquilini. Rispondi con UNA riga csv: mestiere,priorita,gas. "
        "priorita P1-P3.",
        "mestiere,priorita,gas",
    ),
    (
        "Classificeer reparatieverzoeken van huurders. Antwoord met EEN csv-regel: vak,prioriteit,gas. "
        "prioriteit P1-P3.",
        "vak,prioriteit,gas",
    ),
]


def _section(prompt: str, name: str) -> str:
    return prompt.split(f"<{name}>")[1].split(f"</{name}>")[0] if f"<{name}>" in prompt else ""


@pytest.mark.parametrize(("task", "line"), _CASES)
def test_one_csv_line_keeps_its_columns_and_no_label_reminder(task: str, line: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    output = _section(prompt, "output_format")
    assert f"`{line}`" in output
    assert "Exactly one row." in output
    assert "header row: `" not in output.replace("with no header row: `", "")
    assert "Return exactly one label from the set." not in prompt
    assert "JSON object" not in _section(prompt, "reminder")

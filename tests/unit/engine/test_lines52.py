"""A one-line machine-read reply of several columns ("Reply with ONE csv line: trade,priority,gas_safe") keeps its
line shape in the output section and never gets the single-label reminder, in several languages."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
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


_DEFINITIONS = [
    (
        "Sort repair requests. Reply with one csv line: trade,priority. sewage inside, no heating for over-75s, "
        "sparking sockets -> always P1. damp is at least P2.",
        "no heating",
    ),
    (
        "Classez les demandes. Répondez avec UNE ligne csv : metier,priorite. P1 = odeur de gaz ou pas de chauffage "
        "pour les plus de 75 ans, P3 si cosmétique.",
        "pas de chauffage",
    ),
    (
        "Klassifiziere Meldungen. Antworte mit EINE CSV-Zeile: gewerk,prioritaet. P1 = Gasgeruch oder keine Heizung "
        "bei über 75-Jährigen, P3 wenn kosmetisch.",
        "keine Heizung",
    ),
    (
        "Clasifica las solicitudes. Responde con UNA línea csv: oficio,prioridad. fuga de gas, no hay calefacción con "
        "mayores de 75 -> siempre P1.",
        "no hay calefacci",
    ),
    (
        "Classifique os pedidos. Responda com UMA linha csv: oficio,prioridade. P1 = cheiro a gás ou não há "
        "aquecimento para maiores de 75, P3 se for estético.",
        "não há aquecimento",
    ),
    (
        "Sort repair requests. Reply with one csv line: trade,priority. gas_safe = yes/no (yes if it needs an engineer)"
        " smell of gas, no heating for over-75s, sparking sockets -> always P1. damp is at least P2, never P3.",
        "never P3",
    ),
]


@pytest.mark.parametrize(("task", "case"), _DEFINITIONS)
def test_a_label_definition_is_a_rule_never_a_ban(task: str, case: str) -> None:
    found = extract_constraints(Brief(task=task))
    assert not [c for c in found if c.kind == "prohibition" and case in c.text]
    assert any(case in c.text for c in found if c.kind == "requirement") or case in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(("task", "line"), _CASES)
def test_a_code_column_keeps_its_own_closed_set(task: str, line: str) -> None:
    column = line.split(",")[1]
    found = extract_constraints(Brief(task=task))
    assert any(c.kind == "labels" and c.scope == column and c.values == ["P1", "P2", "P3"] for c in found)
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "is exactly one of: P1, P2, P3." in _section(prompt, "output_format")

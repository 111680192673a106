"""Closed label sets in phrasings the reader missed: a verdict and its alternative, codes described in parentheses,
a code cell of a line template, a list closed by "or other", a snake_case field's values, a rating's values, a
field's machine codes, a finished list followed by a clause, "one of these" in other languages, CJK sets after
ラベルは or an urgency word, a list on the line after "tags - pick one:", and a table's label column."""

from __future__ import annotations

import re

import pytest

from app.engine import Brief
from app.engine.generate import generate, read_constraints


def _labels(task: str) -> list[list[str]]:
    return [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]


_SETS = [
    # codes each described in parentheses after a label noun
    (
        "one finding per line. severity P1 (crash, data loss), P2 (real bug), P3 (everything else).",
        ["P1", "P2", "P3"],
    ),
    ("Prioridad A (hoy mismo), B (esta semana) o C (cuando se pueda).", ["A", "B", "C"]),
    ("Schweregrad S1 (Ausfall), S2 (Störung), S3 (Schönheitsfehler).", ["S1", "S2", "S3"]),
    # the code cell of a line template
    (
        "format, one line per finding:\npath/to/file.tf:LINE | BLOCKER or MAJOR or NIT | the fix",
        ["BLOCKER", "MAJOR", "NIT"],
    ),
    (
        "eine Zeile pro Fund: src/Datei.kt:ZEILE | HOCH oder MITTEL oder NIEDRIG | Problem",
        ["HOCH", "MITTEL", "NIEDRIG"],
    ),
    ("una línea por error: ruta/archivo.py:LINEA | GRAVE/LEVE | arreglo", ["GRAVE", "LEVE"]),
    # a list closed by a catch-all "or other"
    (
        "4. what the problem is: repairs, deposit, eviction, discrimination, or other",
        ["repairs", "deposit", "eviction", "discrimination", "other"],
    ),
    ("3. el motivo de la llamada: averia, factura, baja o otro", ["averia", "factura", "baja", "otro"]),
    ("2. la raison du contact : livraison, retour, paiement ou autre", ["livraison", "retour", "paiement", "autre"]),
    # a snake_case field's values in parentheses
    (
        "then extract account_id, issue_type (outage, billing, speed, equipment, other) as JSON.",
        ["outage", "billing", "speed", "equipment", "other"],
    ),
    (
        "Devuelve un JSON con nombre y tipo_consulta (cita, receta, resultados, otro).",
        ["cita", "receta", "resultados", "otro"],
    ),
    ("Gib JSON mit kunde und risk_level (niedrig, mittel, hoch) zurück.", ["niedrig", "mittel", "hoch"]),
    # the values of a rating the reply gives
    (
        "Structure: Question, Key findings, Strength of evidence (strong / moderate / weak / insufficient), "
        "Gaps, References.",
        ["strong", "moderate", "weak", "insufficient"],
    ),
    ("2) Lead temperature: hot, warm or cold, with one line on why.", ["hot", "warm", "cold"]),
    ("Al final indica la confianza: alta, media o baja.", ["alta", "media", "baja"]),
    ("Nenne am Ende die Sicherheit: hoch, mittel oder niedrig.", ["hoch", "mittel", "niedrig"]),
    # a field's machine codes after its name
    (
        "- line 2: Stage: LEAD, SITE_SURVEY, QUOTE_SENT, INSTALL_BOOKED, AFTERCARE",
        ["LEAD", "SITE_SURVEY", "QUOTE_SENT", "INSTALL_BOOKED", "AFTERCARE"],
    ),
    ("- Zeile 2: Phase: NEU, IN_ARBEIT, ABGESCHLOSSEN", ["NEU", "IN_ARBEIT", "ABGESCHLOSSEN"]),
    ("- ligne 2 : Étape : PROSPECT, DEVIS_ENVOYE, SIGNE", ["PROSPECT", "DEVIS_ENVOYE", "SIGNE"]),
    # a finished list, then a new clause after a comma and a conjunction
    (
        "tenemos 3 niveles: iniciacion, intermedio y avanzado, y el bot tiene que preguntar antes de recomendar uno",
        ["iniciacion", "intermedio", "avanzado"],
    ),
    (
        "There are three levels: beginner, improver and advanced, and the bot must ask about experience first",
        ["beginner", "improver", "advanced"],
    ),
    (
        "Es gibt drei Stufen: Anfänger, Fortgeschrittene und Profis, und der Bot fragt immer zuerst nach Erfahrung",
        ["Anfänger", "Fortgeschrittene", "Profis"],
    ),
    # "one of these" in other languages
    (
        'No fim escreve uma linha "Tema: " seguida de um destes: Funções, Probabilidades, Geometria.',
        ["Funções", "Probabilidades", "Geometria"],
    ),
    (
        "À la fin, ajoute une ligne « Thème : » suivie de l'un de ces : Algèbre, Analyse, Géométrie.",
        ["Algèbre", "Analyse", "Géométrie"],
    ),
    (
        "Am Ende eine Zeile „Thema:“ mit einer dieser: Analysis, Stochastik, Geometrie.",
        ["Analysis", "Stochastik", "Geometrie"],
    ),
    # CJK: a label noun and its particle, an urgency word before a colon
    (
        "ラベルは booking / cancel / billing / urgent / other のどれか1つだけ。",
        ["booking", "cancel", "billing", "urgent", "other"],
    ),
    ("标签为 咨询、投诉、表扬 之一。", ["咨询", "投诉", "表扬"]),
    ("紧急程度：高 / 中 / 低。", ["高", "中", "低"]),
    ("緊急度：高・中・低のどれか。", ["高", "中", "低"]),
    # a table's first column headed by a label noun
    (
        "classifier for carrier exceptions, output exactly one code from this table:\n\n"
        "| code | use when |\n|---|---|\n"
        "| ADDR | bad address |\n| DMG | damaged |\n| OTHER | none of the above |",
        ["ADDR", "DMG", "OTHER"],
    ),
    (
        "Grade each segment with our rubric:\n\nCategory | What counts\n---|---\naccuracy | mistranslation\n"
        "terminology | glossary term\nfluency | grammar",
        ["accuracy", "terminology", "fluency"],
    ),
    (
        "Clasifica cada ticket según esta tabla:\n\n| Categoría | Cuándo |\n|---|---|\n| ENVIO | retrasos |\n"
        "| PAGO | cobros |\n| OTRO | lo demás |",
        ["ENVIO", "PAGO", "OTRO"],
    ),
]


@pytest.mark.parametrize(("task", "values"), _SETS)
def test_label_set_is_read(task: str, values: list[str]) -> None:
    assert values in _labels(task)


@pytest.mark.parametrize(
    ("task", "values"),
    [_SETS[0], _SETS[6], _SETS[7], _SETS[12], _SETS[16], _SETS[25], _SETS[29]],
)
def test_prompt_names_the_closed_set(task: str, values: list[str]) -> None:
    prompt = generate(Brief(task=task)).prompt
    # one line of the prompt names the whole set as labels to choose from (not only the brief's own sentence)
    assert any(
        all(value in line for value in values)
        and re.search(r"\blabels?\b|\bone of\b|\bonly these\b", line, re.IGNORECASE)
        for line in prompt.splitlines()
    )
    assert "{{labels}}" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        # ordinary lists of nouns, a condition without a verdict code, a stack of acronyms, a price table
        "We sell flour, sugar, eggs and other baking supplies; answer questions about stock.",
        "Ingredients: flour, sugar, butter, and the rest comes from the pantry.",
        "Reply in English if the customer writes in English, otherwise in Spanish.",
        "Cloud: AWS, GCP, AZURE. Help the team pick instance sizes.",
        "Answer questions about our tickets:\n\n| Category | Price |\n|---|---|\n| Adult | 10 |\n| Child | 5 |",
        "Read the file config/app.yaml (port, host, timeout) and explain each setting.",
        "Tell the customer about delivery (free over 50), returns (30 days) and payment.",
    ],
)
def test_ordinary_lists_are_no_label_sets(task: str) -> None:
    assert _labels(task) == []

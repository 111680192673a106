"""Round 47, class 1: the output section is built from the part of the brief that states the reply's shape, with
its triggers, overflow cases, line scopes, line shapes and fixed case objects kept."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _output(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


def _limits(task: str) -> list[tuple[int | None, str | None, str]]:
    return [(c.maximum, c.scope, c.text) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


# 1. A layout introduced by a trigger ("when the learner writes END, … in this format:") stays that step's, whatever
#    the verb form of the trigger (subjunctive, future), and its last line's limit is that line's


_STEP_LAYOUTS = [
    (
        "Quiero que hagas de cliente enfadado para que los alumnos practiquen.\n"
        "- Hablas solo como el cliente, máximo 30 palabras por turno\n"
        "- Cuando el alumno escriba TERMINAR, sales del personaje y das la nota exactamente con este formato:\n"
        "Escucha: x/5\nClaridad: x/5\nConsejo: una frase de máximo 20 palabras\n"
        "- Nunca des la nota antes de TERMINAR",
        "TERMINAR",
        "Consejo:",
    ),
    (
        "Tu joues un client mécontent pour former les vendeurs.\n"
        "- Tu restes dans le rôle, 40 mots maximum par tour\n"
        "- Quand l'élève écrira STOP, tu sors du rôle et tu donnes l'évaluation exactement dans ce format :\n"
        "Écoute : x/5\nSolution : x/5\nConseil : une phrase de 20 mots maximum\n"
        "- Ne donne jamais l'évaluation avant STOP",
        "STOP",
        "Conseil:",
    ),
    (
        "Faz o papel de um paciente nervoso para treinar estudantes de enfermagem.\n"
        "- Fala só como o paciente, no máximo 35 palavras por turno\n"
        "- Quando o aluno escrever FIM, sai da personagem e dá a avaliação exatamente neste formato:\n"
        "Empatia: x/5\nClareza: x/5\nMelhorar: uma frase de no máximo 20 palavras\n"
        "- Nunca dês a avaliação antes de FIM",
        "FIM",
        "Melhorar:",
    ),
]


@pytest.mark.parametrize(("task", "trigger", "label"), _STEP_LAYOUTS)
def test_a_triggered_layout_stays_on_its_trigger(task: str, trigger: str, label: str) -> None:
    output = _output(task)
    assert "Use exactly this layout" not in output  # not every turn's layout
    assert trigger in output
    # the bullet after the layout is a rule, no layout line
    assert "Nunca" not in output
    assert "jamais" not in output
    # the last line's word limit is that line's, not the reply's
    scopes = [scope for maximum, scope, _ in _limits(task) if maximum == 20]
    assert scopes == [f'the "{label}" line']


# 2. A limit written with its overflow instruction keeps it wherever it is written, the output section included


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        (
            "Translate our product descriptions from German into English. Keep each description under 80 words - if"
            " it comes out longer, don't cut it, add the line CHECK LENGTH at the end.",
            "CHECK LENGTH",
        ),
        (
            "Rédige la légende de chaque photo en français, 50 mots maximum ; si elle est plus longue, ne coupe pas,"
            " ajoute la ligne TROP LONG à la fin.",
            "TROP LONG",
        ),
        (
            "Schreib die Produkttexte für unseren Shop auf Deutsch. Höchstens 70 Wörter, wenn es länger wird: nicht"
            " kürzen, sondern am Ende LÄNGE PRÜFEN anfügen.",
            "LÄNGE PRÜFEN",
        ),
        (
            "Traduci le schede dei vini in inglese. Ogni scheda al massimo 60 parole: se viene più lunga NON tagliare,"
            " ma aggiungi in fondo la riga TOO LONG - CHECK",
            "TOO LONG - CHECK",
        ),
    ],
)
def test_a_limit_keeps_its_overflow_instruction(task: str, kept: str) -> None:
    assert kept in _output(task)


def test_a_limit_without_an_overflow_case_is_unchanged() -> None:
    assert _limits("Summarise each support ticket in at most 3 sentences, and no emoji.") == [
        (3, None, "Keep the reply to at most 3 sentences.")
    ]


# 3. "one line starting "Note:" with any assumption, max 25 words": the limit is that line's, never the reply's


@pytest.mark.parametrize(
    ("task", "label"),
    [
        (
            'SQL helper for our analysts on Postgres. Answer = one sql code block, then one line starting "Note:"'
            " with any assumption, max 25 words",
            "Note:",
        ),
        (
            "Write the pandas code for the question. Reply with one python block, then a single line beginning with"
            ' "Caveat:" stating what you assumed, at most 20 words.',
            "Caveat:",
        ),
        (
            'You write dbt models. Give the model, then one line starting "Assumption:" listing the guesses you'
            " made, no more than 15 words.",
            "Assumption:",
        ),
    ],
)
def test_a_labelled_line_limit_stays_that_lines(task: str, label: str) -> None:
    scoped = [scope for _, scope, _ in _limits(task) if scope is not None and "line" in scope]
    assert f'the "{label}" line' in scoped
    assert not any(scope is None for _, scope, text in _limits(task) if "words" in text)


# 4. A per-item line shape after "one line each:" is the output section's line shape, verbatim


@pytest.mark.parametrize(
    ("task", "shape"),
    [
        (
            "PR reviewer for our Rails app. be kind but strict.\n- at most 4 findings, one line each:"
            ' BLOCKER/MINOR: path:line - problem - fix\n- last line "Verdict: merge" or "Verdict: hold"',
            "BLOCKER/MINOR: path:line - problem - fix",
        ),
        (
            "Review this Terraform plan. At most 4 issues, one line per issue: file:line - what is wrong - how to fix"
            " it. Then a last line: APPROVE or BLOCK.",
            "file:line - what is wrong - how to fix it",
        ),
        (
            "Revisa el pull request. Máximo 3 comentarios, una línea por comentario: GRAVE/LEVE: archivo:línea -"
            " problema - solución",
            "GRAVE/LEVE: archivo:línea - problema - solución",
        ),
    ],
)
def test_a_finding_shape_is_in_the_output_section(task: str, shape: str) -> None:
    assert shape in _output(task)


def test_a_dashed_sentence_is_no_line_shape() -> None:
    task = "Summarise the meeting. Output: a short summary - no lists - plain words."
    assert "One line per item" not in _output(task)


# 5. A fixed error object given for one case keeps its values, in its rule and in the output section


@pytest.mark.parametrize(
    ("task", "literal"),
    [
        (
            'Jede Bestellung aus dem Formular in genau dieses JSON umwandeln: {"kunde": string|null, "artikel":'
            ' string, "menge": number|null}\nRegeln:\n- fehlt die Kundennummer und steht auch kein Name im Text: nur'
            ' {"fehler": "KEIN_KUNDE"} ausgeben',
            '{"fehler": "KEIN_KUNDE"}',
        ),
        (
            'Turn each delivery note into this JSON: {"order_no": string, "items": number, "signed": bool}\n'
            '- no order number anywhere in the note: return only {"error": "NO_ORDER"}',
            '{"error": "NO_ORDER"}',
        ),
        (
            'Convierte cada pedido en este JSON: {"cliente": string, "total": number|null}. Si no hay cliente,'
            ' devuelve exactamente {"error": "SIN_CLIENTE"} y nada más.',
            '{"error": "SIN_CLIENTE"}',
        ),
    ],
)
def test_a_case_object_keeps_its_values(task: str, literal: str) -> None:
    output = _output(task)
    assert literal in output
    schemas = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "schema"]
    assert len(schemas) == 1  # the error object is no second key set


# 6. A tool's parameter objects are no reply schema, and YAML named as the tools' format is not the reply's


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant for our bike rental. Tools (YAML from our vendor):\n\ntools:\n  - name: find_booking\n"
        "    params: {email: string, date: string}\n  - name: cancel_booking\n"
        '    params: {booking_id: string, reason: "weather|illness|other"}\n\nAlways find_booking first.',
        "Asistente por chat para la farmacia. Las herramientas (formato YAML del proveedor):\n\ntools:\n"
        "  - name: buscar_receta\n    parameters: {dni: string}\n  - name: reservar\n"
        '    parameters: {receta_id: string, turno: "manana|tarde"}\n\nSiempre buscar_receta antes de reservar.',
        "Chat helper for the library. Functions in YAML:\n\n- name: search_catalogue\n  args: {title: string,"
        ' format: "book|ebook|audio"}\n- name: hold_item\n  args: {item_id: string, card_no: string}\n\nBe brief.',
    ],
)
def test_tool_parameters_are_no_reply_schema(task: str) -> None:
    found = read_constraints(Brief(task=task))
    assert not [c for c in found if c.kind in ("schema", "labels")]
    output = _output(task)
    assert "YAML" not in output
    assert "exactly these keys" not in output


# 7. "answer = one code block, then one line starting "Note:" …": the reply's parts, in order, open the output section


@pytest.mark.parametrize(
    ("task", "part"),
    [
        (
            'SQL helper for our analysts on Postgres.\n- answer = one sql code block, then one line starting "Note:"'
            " with any assumption, max 25 words",
            "one sql code block",
        ),
        (
            "You help our data team with pandas. The reply is one python code block, followed by a single line"
            ' starting "Caveat:" of at most 20 words.',
            "one python code block",
        ),
        (
            "Regex helper for our support engineers. Your answer should be one regex in a code block, then one"
            ' line starting "Why:" of at most 15 words.',
            "one regex in a code block",
        ),
    ],
)
def test_the_replys_parts_open_the_output_section(task: str, part: str) -> None:
    assert part in _output(task)


# 8. "severity is only MUST, SHOULD or NIT": "only" restricts the set and is no part of its first label


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("- severity is only MUST, SHOULD or NIT", ["MUST", "SHOULD", "NIT"]),
        ("Priority is only HIGH, MEDIUM or LOW.", ["HIGH", "MEDIUM", "LOW"]),
        ("The status is just OPEN, PENDING or CLOSED.", ["OPEN", "PENDING", "CLOSED"]),
    ],
)
def test_only_is_no_part_of_a_label(line: str, values: list[str]) -> None:
    found = [c.values for c in read_constraints(Brief(task="Review the diff.\n" + line)) if c.kind == "labels"]
    assert found == [values]

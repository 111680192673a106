"""Round 48 layouts and line shapes: a layout runs through its bullet and placeholder lines, a placeholder's limit is
its section's, a label's fixed value is no rule, a whole-reply limit survives a "Rules:" lead, a line shape after an
input sentence is the reply's, a dialect's "SQL only" is no code-only reply; a digest and a product sheet get their
frames."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief


def _run(task: str):
    return generate(Brief(task=task))


LAYOUTS = [
    (
        "After each sprint the team lead writes a retro dump. I need a tidy version for the wiki.\n\n"
        "Use exactly this, plain text:\n\nSPRINT: <number> | <dates>\nWINS:\n- <max 4 lines, biggest first>\n"
        "RISKS: <NONE, or one line>\nNEXT: <max 20 words>\n\n- keep names out of it\n- whole thing under 120 words",
        ["- <max 4 lines, biggest first>", "NEXT: <max 20 words>"],
        "4 lines",
    ),
    (
        "Escribe las fichas de los vinos para la carta a partir de la cata que te paso.\n\n"
        "Formato SIEMPRE este, sin nada más:\nVINO: (máx. 40 caracteres)\nNOTAS:\n"
        "- <máx. 3 líneas, lo más claro primero>\n"
        "MARIDAJE: entre 10 y 30 palabras\nSERVIR: Entre 14 y 16 grados.\n\nReglas:\n- nada de emojis",
        ["- <máx. 3 líneas, lo más claro primero>", "SERVIR: Entre 14 y 16 grados."],
        "3 lines",
    ),
    (
        "Schreib aus dem Schichtprotokoll eine Übergabe für die Frühschicht.\n\nVerwende genau dieses Schema:\n"
        "STATION: <Name>\nVORFÄLLE:\n- <max 5 lines, wichtigstes zuerst>\nOFFEN: <max 15 words>\n\n- keine Namen",
        ["VORFÄLLE:\n- <max 5 lines, wichtigstes zuerst>\nOFFEN: <max 15 words>"],
        "5 lines",
    ),
]


@pytest.mark.parametrize(("task", "lines", "count"), LAYOUTS)
def test_a_layout_runs_through_its_bullet_and_placeholder_lines(task: str, lines: list[str], count: str) -> None:
    result = _run(task)
    assert "Use exactly this layout, line by line:" in result.prompt
    for line in lines:
        assert line in result.prompt
    assert f"Keep the reply to at most {count}." not in result.prompt
    scoped = [c for c in result.constraints if c.kind == "limit" and c.unit == "lines" and c.maximum]
    assert all(c.scope and c.scope.endswith(" section") for c in scoped)


@pytest.mark.parametrize(
    "task",
    [
        "Write product sheets for our candle shop from the data I paste.\n\nLayout, exactly like this:\n"
        "NAME: (max 50 characters)\nSCENT: one line\nCARE: Trim the wick. Never leave it burning unattended.\n\n"
        "Rules:\n- no emoji",
        "Escribe las fichas de producto de nuestras mantas.\n\nFormato SIEMPRE este:\nNOMBRE: (máx. 50 caracteres)\n"
        "TEJIDO: una línea\nLAVADO: Lavar a mano. No usar secadora.\n\nReglas:\n- sin emojis",
        "Schreib Produkttexte für unsere Teekannen.\n\nVerwende genau dieses Schema:\nNAME: <max 40 Zeichen>\n"
        "MATERIAL: <eine Zeile>\nPFLEGE: Von Hand spülen. Nicht in die Spülmaschine.\n\n- keine Emojis",
    ],
)
def test_a_fixed_value_after_a_label_stays_that_line(task: str) -> None:
    result = _run(task)
    care = next(line for line in task.splitlines() if line.startswith(("CARE:", "LAVADO:", "PFLEGE:")))
    assert care in result.prompt
    assert "Follow this prohibition from the brief" not in result.prompt
    assert not [c for c in result.constraints if c.kind == "prohibition" and c.span and c.span.text in care]


@pytest.mark.parametrize(
    ("task", "words"),
    [
        (
            "Summarise the night porter's log into exactly this layout, plain text:\n\nHOTEL: Seaview\n"
            "ISSUES: up to 3 bullets, each with the time\nFOR DAY SHIFT: one line, max 15 words\n\n"
            "Rules: whole handover under 120 words. No guest names.",
            120,
        ),
        (
            "Summarise each call transcript in exactly this layout:\n\nCALLER: <role>\n"
            "ASKED: one sentence, max 20 words\n"
            "NEXT: one line, max 12 words\n\nRules: the entire summary below 90 words. Never quote card numbers.",
            90,
        ),
        (
            "Condense each board pack into exactly this layout:\n\nTOPIC: <title>, max 8 words\n"
            "DECISIONS: one sentence each\nOPEN: one line, max 15 words\n\nLimits: the whole digest under 100 words.",
            100,
        ),
    ],
)
def test_a_whole_reply_limit_after_a_rules_lead_is_kept(task: str, words: int) -> None:
    result = _run(task)
    whole = [c for c in result.constraints if c.kind == "limit" and c.scope is None and c.unit == "words"]
    assert [c.maximum for c in whole] == [words]


@pytest.mark.parametrize(
    ("task", "shape"),
    [
        (
            "You review Go pull requests for our billing service. I paste a diff, you reply with findings only. "
            "Format, one per line:\nLEVEL | file:line | problem | fix\n\nLEVEL is HIGH, MID or LOW. Max 5 findings.",
            "LEVEL | file:line | problem | fix",
        ),
        (
            "Review the Terraform changes we send you. We send a plan diff. Output, one line each:\n"
            "RISK | resource | what breaks | how to fix\n\nRISK is one of CRITICAL, WARN, INFO.",
            "RISK | resource | what breaks | how to fix",
        ),
        (
            "Revisa los pull requests de nuestra app Android. Te pego el diff. Formato, una línea por hallazgo:\n"
            "GRAVEDAD | archivo:línea | problema | arreglo\n\nGRAVEDAD es ALTA, MEDIA o BAJA.",
            "GRAVEDAD | archivo:línea | problema | arreglo",
        ),
    ],
)
def test_a_line_shape_after_an_input_sentence_is_the_reply(task: str, shape: str) -> None:
    result = _run(task)
    assert f"in exactly this form: `{shape}`" in result.prompt
    assert "a numbered list of findings" not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "SQL helper for our analysts. Rules: 1. Postgres SQL only, never MySQL syntax. 2. answer = one sql code block, "
        'then one line starting "Note:" about assumptions. nothing else',
        "You write queries for our BigQuery warehouse. BigQuery SQL only. Reply with one code block and then one "
        'line starting "Caveat:" (max 15 words).',
        "Ayudante de SQL para el equipo. Solo ClickHouse SQL only, nada de MySQL. Responde con un bloque de código y "
        'luego una línea que empiece por "Nota:".',
    ],
)
def test_a_dialect_sql_only_is_no_code_only_reply(task: str) -> None:
    assert "Reply with the code only." not in _run(task).prompt


@pytest.mark.parametrize(
    ("task", "archetype"),
    [
        (
            "Our night nurses write long handover notes. The ward manager wants a short version in the same layout "
            "every morning.\n\nUse exactly this, plain text:\nWARD: <name>\nCONCERNS:\n- <max 3 lines>\n",
            "summarization",
        ),
        (
            "Los técnicos escriben partes larguísimos. Quiero una versión corta de cada parte, siempre igual:\n"
            "OBRA: <nombre>\nINCIDENCIAS: <máx. 3 líneas>\n",
            "summarization",
        ),
        (
            "Necesito las fichas de producto para la web de nuestra tienda de cerámica a partir de los datos que te "
            'paso. Prohibido "el mejor" y "único".',
            "marketing_copy",
        ),
        (
            "Write product sheets for our online tea shop from the data I paste (name, origin, grams, price). "
            'Banned words: "best", "unique".',
            "marketing_copy",
        ),
    ],
)
def test_a_digest_and_a_product_sheet_get_their_frames(task: str, archetype: str) -> None:
    assert _run(task).archetypes[0].id == archetype

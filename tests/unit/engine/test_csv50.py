"""A machine-read reply that is one delimited line keeps its shape: the columns named inline ("reply with ONE csv line:
a,b,c", "eine CSV-Zeile: …", "une seule ligne CSV : …", "una línea CSV: …", "one line: a | b | c") are the output
section's line, each column's own closed set is stated there, the single-label frame (role, rules, guardrails,
reminder) goes, and a label's definition ("P3 if …", "… -> always P1") is a rule for that label, never a ban."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


_LINE_BRIEFS = [
    (
        "Sort incoming bike-shop workshop tickets for Spokehaus. Reply with ONE csv line: job,urgency,parts_needed\n"
        "job = puncture|brakes|gears|wheel_build|service|other. urgency: U1 (today), U2 (this week), U3 (whenever). "
        "parts_needed = yes/no\nno header, no quotes, no spaces.",
        "`job,urgency,parts_needed`",
        [
            "puncture, brakes, gears, wheel_build, service, other",
            "U1 (today), U2 (this week), U3 (whenever)",
            "yes, no",
        ],
    ),
    (
        "Triage returns for the Kettle & Crumb online shop. Output one CSV line `reason,severity,refund` and nothing "
        "else.\nreason: damaged, wrong_item, late, changed_mind, other\nseverity = S1 (broken glass), S2 (unusable), "
        "S3 (cosmetic)\nrefund = full/partial/none\nNo header row. No spaces after commas.",
        "`reason,severity,refund`",
        ["damaged, wrong_item, late, changed_mind, other", "S1 (broken glass), S2 (unusable)", "full, partial, none"],
    ),
    (
        "Route messages sent to the Brookfield council housing inbox. Answer with exactly one line: category | team\n"
        "category = repairs|rent|noise|other\nteam = estates, finance or community\nNothing else on the line.",
        "`category | team`",
        ["repairs, rent, noise, other", "estates, finance, community"],
    ),
    (
        "Du sortierst Schadensmeldungen der Mieter der Wohnbau Nord. Antworte mit genau einer CSV-Zeile: "
        "gewerk,prioritaet,gas\ngewerk = sanitaer|elektro|heizung|dach|sonstiges\nprioritaet = P1 (24 Std.), "
        "P2 (7 Tage), P3 (28 Tage)\ngas = ja/nein\nkeine Kopfzeile, keine Anführungszeichen.",
        "`gewerk,prioritaet,gas`",
        ["sanitaer, elektro, heizung, dach, sonstiges", "P1 (24 Std.), P2 (7 Tage), P3 (28 Tage)", "ja, nein"],
    ),
    (
        "Tu tries les demandes d'intervention des locataires de la résidence Les Tilleuls. Réponds par une seule "
        "ligne CSV : métier,priorité,gaz\nmétier = plomberie|électricité|chauffage|autre\npriorité = P1 (sous 24h), "
        "P2 (sous 7 jours), P3 (sous 30 jours)\ngaz = oui/non\npas d'en-tête, pas de guillemets.",
        "`métier,priorité,gaz`",
        ["plomberie, électricité, chauffage, autre", "P1 (sous 24h), P2 (sous 7 jours)", "oui, non"],
    ),
    (
        "Clasificas los avisos de averías de los inquilinos de Viviendas Sol. Responde con una línea CSV: "
        "oficio,prioridad,gas\noficio = fontaneria|electricidad|calefaccion|otro\nprioridad = P1 (24 h), P2 (7 días), "
        "P3 (30 días)\ngas = si/no\nsin cabecera, sin comillas.",
        "`oficio,prioridad,gas`",
        ["fontaneria, electricidad, calefaccion, otro", "P1 (24 h), P2 (7 días), P3 (30 días)", "si, no"],
    ),
]


@pytest.mark.parametrize(("task", "shape", "sets"), _LINE_BRIEFS)
def test_a_named_line_states_its_shape_and_every_columns_set(task: str, shape: str, sets: list[str]) -> None:
    result = _run(task)
    output = _output(result.prompt)
    assert shape in output
    for values in sets:
        assert values in output
    assert "with no header row" in output
    # no single label for the whole reply, anywhere
    for single in (
        "Return exactly one label from the set",
        "exactly one label from the closed label set",
        "Choose exactly one label from the label set",
        'Return the label "other"',
        "Only the label",
        "Reply with exactly one of these labels",
    ):
        assert single not in result.prompt
    assert result.archetypes[0].id == "classification"
    columns = [c.scope for c in result.constraints if c.kind == "labels"]
    assert len(columns) == len(sets)


@pytest.mark.parametrize(
    ("task", "said"),
    [
        (
            "Sort incoming bike-shop workshop tickets. Reply with ONE csv line: job,urgency\n"
            "job = puncture|brakes|other\nurgency = U1, U2 or U3\nno header, no quotes, no spaces.",
            ["No quotes around values.", "No spaces after commas."],
        ),
        (
            "Clasificas los avisos. Responde con una línea CSV: oficio,prioridad\noficio = fontaneria|otro\n"
            "prioridad = P1/P2\nsin cabecera, sin comillas.",
            ["No quotes around values."],
        ),
    ],
)
def test_the_lines_quoting_and_spacing_bans_are_in_the_output(task: str, said: list[str]) -> None:
    output = _output(_run(task).prompt)
    for sentence in said:
        assert sentence in output
    assert "Do not use headings" not in _run(task).prompt


@pytest.mark.parametrize(
    ("task", "rule", "banned"),
    [
        (
            "classify repair requests from our tenants. reply with ONE csv line and nothing else, in this order: "
            "trade,priority\ntrade = plumbing|electrical|other. priority = P1 (24h) P2 (7 days) P3 (28 days). "
            "smell of gas, no heating where theres a baby, sparking sockets -> always P1. "
            "damp is at least P2, never P3.",
            'Use "P1" for: smell of gas, no heating where',
            "Avoid heating",
        ),
        (
            "Sort tenant repair reports for Elmstead Housing. Reply with ONE csv line: trade,priority\n"
            "trade = plumbing|electrical|other\npriority = P1 (24h), P2 (7 days), P3 (28 days)\n"
            "P3 if cosmetic only, no risk to anyone.",
            'Use "P3" if cosmetic only, no risk to anyone.',
            "Avoid risk",
        ),
        (
            "Triage support mail. Reply with one line: area | urgency\narea = billing|tech|other\n"
            "urgency = high/normal\nno access to the account, card charged twice => high",
            'Use "high" for: no access to the account, card charged twice.',
            "Avoid access",
        ),
    ],
)
def test_a_labels_definition_is_a_rule_for_it_not_a_ban(task: str, rule: str, banned: str) -> None:
    result = _run(task)
    assert rule in result.prompt
    assert banned not in result.prompt


def test_near_misses_keep_their_old_reading() -> None:
    # a CSV line that arrives is no reply shape; a plain label reply keeps its one label
    arriving = _run(
        "Each booking arrives as one CSV line: id,date,seats. Summarise the week's bookings in three bullet points."
    )
    assert not [c for c in arriving.constraints if c.kind == "fields"]
    single = _run(
        "Classify each support ticket. category = billing, technical or account. Reply with the category only."
    )
    assert [c.values for c in single.constraints if c.kind == "labels"] == [["billing", "technical", "account"]]
    assert "Write exactly these columns" not in single.prompt


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "SQL helper for our gym analysts, Postgres. tables: visits(member_id, site, ts), sites(site, city).\n"
            "member_id never in the output columns (GDPR), count distinct instead.\nonly SELECT.",
            "Never put member_id in the output columns (GDPR); count distinct instead.",
        ),
        (
            "Write BigQuery SQL for the shop's data team. table orders(order_id, customer_email, total, placed_at).\n"
            "customer_email never in the result set; count distinct customers instead.\nSELECT only.",
            "Never put customer_email in the result set; count distinct customers instead.",
        ),
    ],
)
def test_a_ban_written_as_a_note_is_a_rule(task: str, rule: str) -> None:
    assert rule in _run(task).prompt


def test_a_sentence_with_its_own_verb_is_no_never_in_note() -> None:
    from app.engine.compose.never_in import never_in_as_rule

    assert never_in_as_rule("It is never in stock before noon.") == "It is never in stock before noon."
    assert never_in_as_rule("postcode never in the export (privacy).") == "Never put postcode in the export (privacy)."

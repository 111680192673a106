"""Exact strings and field types the brief states (round 16's review: r16-06 lost the colon of "CHECK WITH NURSE:",
r16-13 typed amounts and a true/false flag as strings and showed the flag as null), on new wording."""

from __future__ import annotations

import json
import re

from app.engine import Brief, generate

_INVOICE = (
    "Extrae datos de albaranes escaneados para el ERP de Suministros Vela S.L. Devuelve SOLO un JSON con estos "
    "campos: cif_proveedor, numero_albaran, fecha, importe_neto, iva, importe_total, urgente. Los importes como "
    "número. urgente es true si el albarán dice URGENTE; si no, false."
)


def _schema(prompt: str) -> dict[str, object]:
    block = re.search(r"```json\n(.*?)\n```", prompt, re.DOTALL)
    assert block is not None
    parsed = json.loads(block.group(1))
    assert isinstance(parsed, dict)
    return parsed


def test_a_marker_ending_in_a_colon_keeps_its_colon() -> None:
    prompt = generate(
        Brief(
            task="Rewrite pharmacy leaflets in plain language for older readers.",
            constraints=["If a dose is unclear, don't guess: put it first in a line starting with ASK PHARMACIST:"],
            target="claude",
        )
    ).prompt
    assert "ASK PHARMACIST:" in prompt


def test_amounts_are_numbers_and_a_true_false_field_is_boolean() -> None:
    properties = _schema(generate(Brief(task=_INVOICE, target="claude")).prompt)["properties"]
    assert isinstance(properties, dict)
    for amount in ("importe_neto", "iva", "importe_total"):
        assert "number" in properties[amount]["type"]
    assert "boolean" in properties["urgente"]["type"]
    assert "string" in properties["cif_proveedor"]["type"]


def test_no_all_null_example_when_a_flag_is_true_or_false() -> None:
    prompt = generate(Brief(task=_INVOICE, target="claude")).prompt
    assert '"urgente": null' not in prompt


def test_one_of_these_offices_in_italian_spanish_and_dutch_is_the_label_set() -> None:
    from app.engine.constraints.labels import find_labels

    for text in (
        "Smista le richieste verso uno di questi uffici: PROTOCOLLO, RAGIONERIA, POLIZIA_LOCALE.",
        "Envía cada correo a una de estas oficinas: PADRON, TRIBUTOS, OBRAS.",
        "Stuur elke mail naar één van de volgende afdelingen: BURGERZAKEN, BELASTINGEN, WONEN.",
    ):
        found = find_labels(text)
        assert found is not None
        assert len(found.values) == 3

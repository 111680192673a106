"""JSON templates written the way people paste them: a range of codes ("R1".."R6"), the request in French or Spanish
("renvoyer uniquement un objet JSON"), and a rule kept verbatim counted as carried."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import brief_fidelity, generate, read_constraints


def _kinds(task: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for c in read_constraints(Brief(task=task)):
        found.setdefault(c.kind, []).extend(c.values or [c.text])
    return found


def test_a_range_of_codes_keeps_the_template_a_schema() -> None:
    kinds = _kinds(
        'Return only JSON: {"verdict": "PASS" | "HOLD" | "FAIL", "note": "...", "clause": "C1".."C9"} per contract.'
    )
    assert kinds["schema"] == ["verdict", "note", "clause"]
    assert kinds["labels"] == ["PASS", "HOLD", "FAIL"]


def test_a_french_request_for_only_a_json_object_is_the_json_format() -> None:
    kinds = _kinds('Pour chaque avis, le modèle doit renvoyer uniquement un objet JSON : {"note": 1, "resume": "..."}')
    assert "Return only valid JSON." in kinds["format"]


def test_a_spanish_request_for_json_is_the_json_format() -> None:
    kinds = _kinds('El asistente devuelve solo un JSON: {"categoria": "...", "urgente": true}')
    assert "Return only valid JSON." in kinds["format"]


def test_a_rule_without_a_negation_kept_verbatim_is_carried() -> None:
    brief = Brief(
        task="Modère les annonces. Le modèle doit renvoyer uniquement un objet JSON : "
        '{"decision": "OK" | "A_REVOIR" | "INTERDIT", "motif": "..."}. En cas de doute, A_REVOIR plutôt que '
        "INTERDIT. Pas de texte autour du JSON.",
        target="claude",
    )
    prompt = generate(brief).prompt
    assert "A_REVOIR plutôt que INTERDIT" in prompt
    assert not [f for f in brief_fidelity(brief, prompt) if "plutôt" in f.message]

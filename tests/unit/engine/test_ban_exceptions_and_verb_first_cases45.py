"""A format ban with the brief's own exception, and a German or Dutch case opened by its verb.

"keine Aufzählungen. Ausnahme: die Unterlagen … dürfen als Liste kommen": the prompt quotes the exception, and the
fidelity check must not call that a contradiction of the ban. "Steht etwas nicht in der FAQ: „…“" is the case a fixed
reply answers ("if something is not in the FAQ"), not a ban on anything.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.fidelity import check_fidelity
from app.engine.generate import read_constraints

EXCEPTIONS = {
    "de": "Höchstens 80 Wörter, keine Aufzählungen. Ausnahme: die Öffnungszeiten dürfen als Liste kommen.",
    "en": "Max 80 words, no bullet lists. Exception: the opening hours may come as a list.",
    "es": "Máximo 80 palabras, sin listas. Excepción: el horario puede ir como lista.",
}


@pytest.mark.parametrize("language", sorted(EXCEPTIONS))
def test_the_briefs_own_exception_to_a_list_ban_is_no_contradiction(language: str) -> None:
    brief = Brief(
        task=f"Website chat for the Riverside public pool: answer questions about the pool.\n{EXCEPTIONS[language]}"
    )
    result = generate(brief)
    findings = check_fidelity(read_constraints(brief), result.prompt)
    assert not [f for f in findings if f.rule_id == "FID-02"], findings


def test_a_list_requested_outside_any_exception_is_still_a_contradiction() -> None:
    brief = Brief(task="Website chat for the Riverside public pool. No bullet lists.")
    constraints = read_constraints(brief)
    prompt = generate(brief).prompt + "\nAlways answer as a bulleted list."
    assert [f for f in check_fidelity(constraints, prompt) if f.rule_id == "FID-02"]


@pytest.mark.parametrize(
    "sentence",
    [
        'Steht etwas nicht in der Preisliste: "Dazu habe ich leider keine Angabe. Bitte rufen Sie uns an."',
        'Staat het antwoord niet in de folder: "Dat weet ik helaas niet. Bel ons even."',
    ],
)
def test_a_verb_first_case_with_a_negation_is_no_prohibition(sentence: str) -> None:
    brief = Brief(
        task=f"Chat für die Website der Stadtbibliothek, beantwortet Fragen zu Ausleihe und Gebühren.\n{sentence}"
    )
    prohibitions = [c for c in read_constraints(brief) if c.kind == "prohibition"]
    assert not prohibitions, prohibitions

"""A business named after its noun and one adjective in a Romance-language brief ("nuestro hotel rural Casa
Almendro", "la clínica dental Sonrisa Plena"), and a business mailbox in the brief's language ("reservas@…") that
lint must not call personal data."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.generate import generate
from app.engine.lint import lint_prompt


@pytest.mark.parametrize(
    ("task", "name"),
    [
        ("Quiero un asistente para la recepción de nuestro hotel rural Casa Almendro (Alpujarra).", "Casa Almendro"),
        ("Asistente de WhatsApp para la clínica dental Sonrisa Plena en Valencia.", "Sonrisa Plena"),
        ("Tutor de matemática para crianças, dentro do app escolar Contamigo.", "Contamigo"),
        ("Je veux un assistant pour notre restaurant Le Petit Zinc.", "Le Petit Zinc"),
    ],
)
def test_the_business_after_its_noun_and_an_adjective(task: str, name: str) -> None:
    assert extract_entities(task).organization == name


def test_the_hotel_is_named_in_the_role() -> None:
    task = (
        "Quiero un asistente para la recepción de nuestro hotel rural Casa Almendro (Alpujarra). Responde a los "
        "huéspedes por WhatsApp sobre check-in y desayuno. Máximo 3 frases, trato de usted."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Casa Almendro" in prompt.split("</role>")[0]
    assert "questions about this product" not in prompt


@pytest.mark.parametrize("address", ["reservas@casaalmendro.es", "rezeption@hotel-alpenblick.de", "accueil@gite.fr"])
def test_a_business_mailbox_is_no_personal_data(address: str) -> None:
    report = lint_prompt(f"If they ask about prices, tell them to email {address}.")
    assert not [f for f in report.findings if f.rule_id == "SEC-05" and f.severity == "warning"]


def test_a_persons_address_is_still_personal_data() -> None:
    report = lint_prompt("If they ask about prices, tell them to email maria.lopez@casaalmendro.es.")
    assert [f for f in report.findings if f.rule_id == "SEC-05" and f.severity == "warning"]

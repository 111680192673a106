"""A German or Dutch translation brief names its target after "ins" / "naar het": the reply is in that language,
not in the brief's; and a brief's own rule for unclear text replaces the default unsure path."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.language import find_language
from app.engine.generate import generate


@pytest.mark.parametrize(
    ("clause", "name"),
    [
        ("Bitte die Produkttexte aus dem Deutschen ins Englische übersetzen", "English"),
        ("Der Assistent übersetzt Kundenmails ins amerikanische Englisch", "American English"),
        ("Hij moet onze handleidingen naar het Engels vertalen", "English"),
        ("Übersetze die Speisekarte ins Französische", "French"),
    ],
)
def test_the_target_after_ins_or_naar_het_is_the_reply_language(clause: str, name: str) -> None:
    found = find_language(clause)
    assert found is not None
    assert found.name == name


def test_a_place_after_ins_is_no_language() -> None:
    assert find_language("Wir gehen ins Kino und übersetzen danach die Untertitel") is None


def test_a_german_brief_translating_into_english_does_not_reply_in_german() -> None:
    prompt = generate(
        Brief(
            task="Der Assistent soll unsere Sicherheitsdatenblätter aus dem Deutschen ins britische Englisch "
            "übersetzen. Nur die Übersetzung ausgeben.",
            target="claude",
        )
    ).prompt
    assert "into British English" in prompt
    assert "into German" not in prompt
    assert "Always reply in German." not in prompt


def test_the_briefs_own_rule_for_unclear_text_replaces_the_default() -> None:
    prompt = generate(
        Brief(
            task="Der Assistent soll Handbuchtexte ins Englische übersetzen. Wenn ein Satz unklar ist, wörtlich "
            "übersetzen und [PRÜFEN] dahinter setzen.",
            target="claude",
        )
    ).prompt
    assert "[PRÜFEN]" in prompt
    assert "translator's note" not in prompt

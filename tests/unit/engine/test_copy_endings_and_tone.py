"""Copywriting defaults that contradicted a terse non-English brief in round 16's review (r16-16), on new wording:
what the copy ends with is the brief's, a length limit applies to each variant, a tone written in the brief's own
language is the voice, and Portuguese "no final" / "no máximo" negate nothing."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints.negation import negated_ranges

_BRIEF = (
    "cria posts pro face da nossa padaria (Pão do Porto), no máximo 200 caracteres, 2 emojis no final, bem divertido"
)


def _result() -> tuple[str, list[str]]:
    result = generate(Brief(task=_BRIEF, target="claude"))
    return result.prompt, [c.kind for c in result.constraints]


def test_the_briefs_ending_replaces_the_call_to_action() -> None:
    prompt, _ = _result()
    assert "End with one clear call to action" not in prompt
    assert "each ending with a call to action" not in prompt


def test_a_length_limit_applies_to_each_variant() -> None:
    prompt, _ = _result()
    assert "Keep each variant to at most 200 characters" in prompt
    assert "Keep the reply to at most 200 characters" not in prompt


def test_a_tone_in_the_briefs_language_is_the_voice() -> None:
    prompt, kinds = _result()
    assert "tone" in kinds
    assert "Use a fun tone." in prompt
    assert "Confident and vivid" not in prompt


def test_portuguese_no_final_and_no_maximo_negate_nothing() -> None:
    assert negated_ranges("2 emojis no final, bem divertido") == []
    assert negated_ranges("no máximo 200 caracteres") == []
    assert negated_ranges("no emojis, please") != []


def test_an_english_end_with_settles_the_ending_too() -> None:
    prompt = generate(
        Brief(task="Write Instagram captions for our bakery. End each caption with the shop address.", target="claude")
    ).prompt
    assert "End with one clear call to action" not in prompt
    assert "shop address" in prompt

"""A rewrite into plain language is an editing job in any language (not support, not a general chat), and "use
plain English" alone stays a style; a dash inside a parenthesis is an aside, not a second instruction."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints

_REWRITES = [
    ("en", "Energy supplier Brightwatt: I paste a customer letter and you rewrite it in plain English for customers."),
    ("de", "Wir sind die Wasserwerke Talheim. Ich gebe dir einen Bescheid, du schreibst ihn in leichte Sprache um."),
    ("es", "Somos el ayuntamiento de Lorca. Te pego una notificación y la reescribes en lenguaje claro para vecinos."),
    ("fr", "Mutuelle Horizon : je colle un courrier et tu le réécris en langage clair pour nos adhérents."),
    ("nl", "Gemeente Veldhoven: herschrijf onze brieven over de afvalstoffenheffing in eenvoudige taal."),
]


@pytest.mark.parametrize(("lang", "task"), _REWRITES, ids=[lang for lang, _ in _REWRITES])
def test_a_plain_language_rewrite_is_an_editing_job(lang: str, task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "writing_editor", lang
    prompt = result.prompt
    assert "plain-language editor" in prompt
    assert "Keep every fact, amount, date, deadline and reference number of the original" in prompt
    assert "List the three most important changes" not in prompt
    assert "Resolve each customer's issue" not in prompt


def test_plain_english_as_a_style_keeps_the_job() -> None:
    task = "Support bot for Brightwatt energy customers. Use plain English and keep replies under 80 words."
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "customer_support"
    assert "plain-language editor" not in result.prompt


def test_a_dash_inside_an_aside_does_not_split_the_instruction() -> None:
    brief = Brief(
        task="Draft replies to tenants.", constraints=["Address readers as du (yes, really — we changed our style)."]
    )
    texts = [c.text for c in extract_constraints(brief)]
    assert "Address readers as du (yes, really — we changed our style)." in texts
    assert not any(t.startswith(("we changed", "We changed")) for t in texts)

"""Round 50 (r50-05, r50-09, r50-16): a tier's limit stays its tier's, an SQL reply form is the output section, and
German/Portuguese/Spanish case lines keep their trigger."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _out(task: str):  # type: ignore[no-untyped-def]
    return generate(Brief(task=task))


def _section(prompt: str, name: str) -> str:
    start = prompt.find(f"# {name}")
    assert start >= 0, prompt
    end = prompt.find("\n# ", start + 1)
    return prompt[start : end if end >= 0 else len(prompt)]


@pytest.mark.parametrize(
    ("task", "tier_words"),
    [
        (
            "Chat assistant for a library of things. basic members max 2 active loans, plus members max 5.",
            "basic members",
        ),
        ("Support bot for our SaaS. Free plan: max 3 projects; Pro plan: unlimited.", "Free plan"),
        ("Support bot. Free tier users get up to 3 projects, Pro users up to 50.", "Free tier"),
        (
            "Assistant pour la salle de sport. Abonnement standard : au maximum 2 cours par semaine ; "
            "abonnement premium : au maximum 5 cours.",
            "Abonnement standard",
        ),
    ],
)
def test_tier_limit_stays_scoped(task: str, tier_words: str) -> None:
    out = _out(task)
    assert not [c.text for c in out.constraints if c.kind == "limit"]
    assert "at most" not in _section(out.prompt, "Output format")
    assert tier_words.lower() in out.prompt.lower()


def test_reply_limit_beside_members_is_kept() -> None:
    out = _out("Support bot for members. Keep replies under 80 words, and at most 2 questions per reply.")
    assert any(c.kind == "limit" and c.maximum == 80 for c in out.constraints)


@pytest.mark.parametrize(
    ("task", "trigger", "reply"),
    [
        (
            "Chat für die Hausarztpraxis. Bei Brustschmerzen antworte nur: „Ruf 112 an.“ Sonst nichts.",
            "Brustschmerzen",
            "Ruf 112 an.",
        ),
        ("Chat für die Praxis. Bei Atemnot antworte nur: „Ruf sofort 112 an.“", "Atemnot", "Ruf sofort 112 an."),
        (
            "Chat für die Praxis. Bei Brustschmerzen sag nur „Ruf 112 an.“ und sonst nichts.",
            "Brustschmerzen",
            "Ruf 112 an.",
        ),
        (
            "Chat del centro. Si alguien habla de suicidio contesta únicamente: «Llama al 024 ahora.»",
            "suicidio",
            "Llama al 024 ahora.",
        ),
        (
            "Chat do centro. Quando falar em dor no peito responda apenas: «Ligue já para o 112.»",
            "dor no peito",
            "Ligue já para o 112.",
        ),
    ],
)
def test_case_line_keeps_its_trigger(task: str, trigger: str, reply: str) -> None:
    out = _out(task)
    says = [c for c in out.constraints if c.kind == "fallback" and c.action == "say"]
    assert [c.value for c in says] == [reply]
    condition = says[0].condition or ""
    assert trigger in condition
    for verb in ("antworte", "sag ", "contesta", "responda"):
        assert verb not in condition
    assert f'"{reply}"' in out.prompt

"""Japanese and Chinese limits that name their part ("各項目は40字以内", "メール（件名つき、200字以内）"), and an
escalation that goes to the person the brief routes people to instead of an invented colleague."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


def test_each_item_in_japanese_caps_every_item() -> None:
    assert _limits("週報を作ってください。各行は30字以内で。") == [
        ("Keep each item to at most 30 characters.", "each item")
    ]


def test_each_point_in_chinese_caps_every_item() -> None:
    assert _limits("请总结会议内容。每条都不超过50字。")[0][1] == "each item"


def test_a_parenthesis_after_the_email_holds_its_limit() -> None:
    limits = _limits("議事録を作ってください。最後に顧客向けのお礼メール（件名つき、150字以内）も書いてください。")
    assert limits == [("Keep the email to at most 150 characters.", "the email")]


def test_escalation_goes_to_the_adviser_the_brief_names() -> None:
    task = (
        "Un asistente para la app de Ahorra+, responde dudas sobre cuentas de ahorro. Si el cliente quiere una "
        "recomendación personal, pásalo a un asesor por WhatsApp al +52 55 1234 5678. Máximo 100 palabras."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "passing this to a human colleague" not in prompt
    assert "To escalate, tell them to call +52 55 1234 5678." in prompt


def test_without_a_route_to_a_person_none_is_promised() -> None:
    # (until round 28, the vetted hand-off to a human colleague; the brief never said one exists)
    task = "Customer support bot for a bike shop. Answer questions about repairs and opening hours. Max 80 words."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "human colleague" not in prompt
    assert "To escalate, tell them plainly that a member of the team has to handle it" in prompt

"""A role-play's turn limit ("Stay in character, 1-3 sentences per turn") bounds the turns of the scene, not the
feedback the brief asks for after it; the feedback's own part limits are no contradiction of it."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

_EN = (
    "Practice partner for new bank tellers: you play a customer who wants to withdraw cash without ID, the trainee "
    "plays the teller. Stay in character, 1-3 sentences per turn. When the trainee types STOP, give feedback as:\n"
    "What went well: two sentences\nTo improve: two sentences\nScore: x/10"
)
_FR = (
    "Partenaire d'entraînement pour vendeurs en boulangerie : tu joues un client pressé, l'élève joue le vendeur. "
    "Reste toujours dans le personnage, 1 à 3 phrases par réplique. Quand l'élève écrit FIN, donne le retour :\n"
    "Points forts : deux phrases\nÀ améliorer : deux phrases\nNote : x/10"
)


@pytest.mark.parametrize("task", [_EN, _FR])
def test_the_turn_limit_is_scoped_to_the_scene(task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    turn = [c for c in result.constraints if c.kind == "limit" and c.maximum == 3]
    assert [c.scope for c in turn] == ["each in-character turn"]
    assert "Keep each in-character turn between 1 and 3 sentences." in result.prompt
    assert "Keep the reply between 1 and 3 sentences." not in result.prompt
    # two sentences for one part of the feedback is within the turn's three: no contradiction to report
    assert not [f for f in result.lint.findings if f.rule_id == "FID-02"]


def test_a_label_that_is_no_noun_is_named_as_written() -> None:
    prompt = generate(Brief(task=_EN, target="claude")).prompt
    assert 'Make the "to improve" part exactly 2 sentences.' in prompt
    assert "the to improve" not in prompt


def test_a_support_reply_limit_is_still_the_whole_reply() -> None:
    task = "Support chat for a phone shop. Max 3 sentences per reply, no markdown."
    result = generate(Brief(task=task, target="claude"))
    assert [c.scope for c in result.constraints if c.kind == "limit"] == [None]

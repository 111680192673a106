"""A brief's own reply for what its material does not cover ('If something is not in the guide, reply: "…"') is the
assistant's answer for anything outside it: no generic out-of-scope line beside it, and German's verb-first
condition ("Steht etwas nicht im Führer, antworte: …") is read as one."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

_EN = (
    "Answer visitors' questions about the aquarium from the visitor guide. "
    'If something is not in the guide, reply: "I don\'t know that one, ask a keeper in a blue shirt!"'
)
_DE = (
    "Beantworte die Fragen der Besucher zum Aquarium aus dem Besucherführer. Steht etwas nicht im Führer, "
    'antworte: "Das weiß ich leider nicht. Frag jemanden im blauen Hemd!"'
)


@pytest.mark.parametrize(("task", "words"), [(_EN, "ask a keeper in a blue shirt"), (_DE, "Frag jemanden im blauen")])
def test_the_briefs_not_covered_reply_is_the_only_one(task: str, words: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    said = [c for c in result.constraints if c.kind == "fallback" and c.action == "say"]
    assert said
    assert words in said[0].value
    assert "If a request is out of scope" not in result.prompt
    assert "I don't know based on the" not in result.prompt

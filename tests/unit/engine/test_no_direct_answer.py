"""A brief that says how the answer comes ("ne donne jamais directement le meilleur coup : d'abord une question",
"NO les hace los deberes") drops the frame's "Answer the question that was asked first" and "Answer the user's request
directly"; a French "On est le club …" introduces the requester, it is no job."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_CHESS = (
    "On est le club d'échecs La Tour du Lac à Annecy. On a une tablette au club et on voudrait un assistant qui aide "
    "les enfants pendant l'atelier du mercredi : expliquer une règle, regarder une position.\n\n"
    "- ne donne jamais directement le meilleur coup : d'abord une question pour le faire réfléchir, puis au maximum "
    "2 indices\n- tu tutoies, maximum 3 phrases par message, pas d'emojis"
)


def test_a_ban_on_direct_answers_drops_answer_directly() -> None:
    prompt = generate(Brief(task=_CHESS, target="claude")).prompt
    assert "Answer the question that was asked first" not in prompt
    assert "Answer the user's request directly" not in prompt


def test_on_est_introduces_the_requester() -> None:
    role = generate(Brief(task=_CHESS, target="claude")).prompt.split("</role>", 1)[0]
    assert "«On est le club" not in role

"""French rules as written: 'répondre uniquement « … »' is the exact reply under its case (its number inside the
quote is no separate route), 'dire que ce n'est pas nous' is words to say (no ban cut from them), and a ban with a
formatting item keeps its closing quote."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints

_BRIEF = Brief(
    task="Assistant pour le téléphone et le chat d'un service de portage de repas à domicile.",
    constraints=[
        "Si la personne dit qu'elle est tombée : répondre uniquement « Raccrochez et appelez le 15 tout de suite. »",
        "Si quelqu'un prétend être de chez nous et demande un code, dire que ce n'est pas nous et qu'il faut "
        "raccrocher.",
        "Pas de listes, pas d'abréviations, pas de mots anglais.",
    ],
)


def test_a_reply_in_guillemets_is_the_exact_reply_under_its_case() -> None:
    routes = [c for c in extract_constraints(_BRIEF) if c.kind == "fallback"]
    # (the reply's own number may stand beside it as the same case's contact)
    assert [(c.action, c.value, c.condition) for c in routes if c.action != "phone"] == [
        ("say", "Raccrochez et appelez le 15 tout de suite.", "Si la personne dit qu'elle est tombée")
    ]
    assert [(c.value, c.condition) for c in routes if c.action == "phone"] in (
        [],
        [("15", "Si la personne dit qu'elle est tombée")],
    )


def test_words_to_say_are_no_ban() -> None:
    bans = [c.text for c in extract_constraints(_BRIEF) if c.kind == "prohibition"]
    assert not any("dire que ce n'est pas nous" in b for b in bans)


def test_a_ban_keeps_its_closing_quote() -> None:
    bans = [c.text for c in extract_constraints(_BRIEF) if c.kind == "prohibition"]
    assert bans == ['Follow this prohibition from the brief: "pas d\'abréviations, pas de mots anglais".']

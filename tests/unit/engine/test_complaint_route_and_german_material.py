"""The escalation goes to the brief's complaints route before a catch-all link, and German material "die wir unten
anhängen" is named by its noun, not by the verb before the relative clause."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_SHOP = (
    "Wir sind Kaffeewerk Bonn, Röstereicafé mit Onlineshop. Brauche einen Chatbot für die Website, der Fragen zu "
    "Bestellungen und Versand beantwortet. Bestellungen kann er nicht selbst ändern, nur auf "
    "https://kaffeewerk.de/konto verweisen. Bei Reklamationen immer an reklamation@kaffeewerk.de verweisen. "
    "Maximal 80 Wörter. Preise nur nennen, wenn sie in der Preisliste stehen, die wir unten anhängen."
)


def _prompt() -> str:
    return generate(Brief(task=_SHOP, target="claude")).prompt


def test_the_complaints_route_is_the_escalation_route() -> None:
    assert "To escalate, tell them to email reklamation@kaffeewerk.de." in _prompt()


def test_german_material_is_named_by_its_noun() -> None:
    prompt = _prompt()
    assert "{{preisliste}}" in prompt
    assert "{{stehen}}" not in prompt

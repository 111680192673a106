"""A brief that describes a character for the assistant to play gets that character as its role, not "help the user
with this request: we're building a chat character"."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.archetypes.variants import played_character

_ZOO = (
    "We're Fenwick Zoo and want a talking mascot for the kiosk screens. The mascot is called Pip, a cheeky little "
    "penguin who has lived at the zoo for ten years. Visitors ask Pip about the animals and feeding times. Keep "
    "answers to 2 sentences. If someone asks about tickets, tell them to visit fenwickzoo.example/tickets."
)


def test_the_described_character_is_the_role() -> None:
    result = generate(Brief(task=_ZOO, target="claude"))
    prompt = result.prompt
    role = prompt.split("<role>")[1].split("</role>")[0]
    assert role.strip().startswith("You are Pip, a cheeky little penguin who has lived at the zoo for ten years.")
    assert "Help the user with this request" not in prompt
    assert "fenwickzoo.example/tickets" in prompt
    assert "2 sentences" in prompt


def test_a_character_with_nothing_else_to_do_gets_the_character_rules() -> None:
    task = (
        "Building a chat character for our castle's audio trail. The character is Lady Agnes, a 14th-century "
        "countess who lived here. Children ask her about castle life."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert prompt.split("<role>")[1].strip().startswith("You are Lady Agnes, a 14th-century countess who lived here.")
    assert "Stay in character in every reply" in prompt
    assert "Say when a fact may be outdated" not in prompt


def test_the_character_is_read_in_the_briefs_words() -> None:
    assert played_character("Our chat character is Captain Marrow, an old ship's cook.") == (
        "Captain Marrow, an old ship's cook"
    )
    assert played_character("A chat assistant for our museum shop.") is None
    assert played_character("the character is lowercase text here") is None


def test_a_brief_without_a_character_keeps_the_general_frame() -> None:
    prompt = generate(Brief(task="A chat helper for Fenwick Zoo visitors about feeding times.", target="claude")).prompt
    assert "Stay in character" not in prompt

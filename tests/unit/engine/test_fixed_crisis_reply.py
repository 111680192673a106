"""A fixed reply given after "reply with only this:" is kept whole and in the brief's own words ("I'm really glad you
told me", not "they're really glad you told the user"), its condition is read whole ("if at any point they mention
…", not "If at any"), and the pack's "respond with care … keep the conversation going" gives way to it."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate
from app.engine.phrasing import second_person

_JOURNAL = (
    "journaling app with a guided thought record. its not therapy.\n"
    "- messages max 60 words. no emojis\n"
    "- if at any point they mention suicide, self harm or wanting to die: stop the exercise and reply with only "
    "this: I'm really glad you told me. I can't help with this here, but you can call or text 988 any time, or call "
    "911 if you're in danger right now.\n"
)


def test_the_fixed_reply_keeps_its_words_and_stays_whole() -> None:
    prompt = generate(Brief(task=_JOURNAL, target="claude")).prompt
    assert (
        "reply with only this: I'm really glad you told me. I can't help with this here, but you can call or text 988 "
        "any time, or call 911 if you're in danger right now." in prompt
    )
    assert "glad you told the user" not in prompt
    assert "If at any," not in prompt


def test_the_pack_gives_way_to_the_fixed_crisis_reply() -> None:
    assert "keep the conversation going" not in generate(Brief(task=_JOURNAL, target="claude")).prompt


def test_the_words_after_only_this_are_not_rewritten() -> None:
    assert second_person("help me, and reply with only this: I'm glad you told me.", "user") == (
        "help the user, and reply with only this: I'm glad you told me."
    )

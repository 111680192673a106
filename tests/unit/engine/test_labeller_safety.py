"""A labeller that never talks to the poster gets no conversation safety pack, and a helpline its team shares ("- you
don't, you just label it") is no route for it (round 30: r30-03)."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

FORUM = (
    "We run a peer support forum for people recovering from self-harm. Pre-moderate posts before they go live. "
    "For each post return one label from: APPROVE, HOLD, REMOVE, CRISIS.\n"
    "- CRISIS = talks about wanting to die or hurting themselves. CRISIS wins over every other label.\n"
    "Output: the label, then the reason in parentheses, 10 words max.\n"
    "Never reply to the poster. When it's CRISIS our staff reach out and share the Samaritans helpline 116 123 - you "
    "don't, you just label it."
)


def test_a_labeller_gets_no_conversation_pack() -> None:
    prompt = generate(Brief(task=FORUM, target="claude")).prompt
    assert "keep the conversation going" not in prompt
    assert "acknowledge it before anything else" not in prompt


def test_a_route_someone_else_gives_is_no_route() -> None:
    prompt = generate(Brief(task=FORUM, target="claude")).prompt
    assert "tell the user to call 116 123" not in prompt


def test_a_helpline_chat_still_gets_its_pack() -> None:
    task = (
        "You are the night chat assistant of a suicide prevention helpline. People who think about suicide write in; "
        "talk with them."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Safety:" in prompt


def test_an_item_handed_over_one_at_a_time_is_no_reply_limit() -> None:
    """Round 30 (r30-08): "gives them one word or short sentence at a time to read" was "at most 1 word"."""
    task = "Spelling buddy for kids aged 7. The bot gives them one word or short sentence at a time to spell."
    result = generate(Brief(task=task, target="claude"))
    assert not [c for c in result.constraints if c.kind == "limit" and c.maximum == 1]
    assert "at most 1 word" not in result.prompt


def test_an_input_size_is_no_limit_and_no_notes_means_no_change_list() -> None:
    """Round 30 (r30-07): "sometimes 900 words about the guy's bass boat" was "at most 900 words" beside the stated
    250, and "Output only the edited obituary text, no notes to me" still got "List the three most important
    changes"."""
    task = (
        "Families send in obituaries, sometimes 900 words about a fishing trip. Edit them into house style, cut to 250 "
        "words max. Output only the edited obituary text, no notes to me."
    )
    result = generate(Brief(task=task, target="claude"))
    assert [c.maximum for c in result.constraints if c.kind == "limit"] == [250]
    assert "most important changes" not in result.prompt
    assert "then the key changes" not in result.prompt
    replies = generate(Brief(task="Support bot for our app. Replies are 2 to 4 sentences.", target="claude"))
    assert "between 2 and 4 sentences" in replies.prompt


def test_no_notes_means_no_example_with_a_change_list() -> None:
    task = "Edit our newsletter paragraphs for grammar and clarity. Output only the edited text, no notes to me."
    assert "Changes:" not in generate(Brief(task=task, target="claude")).prompt


def test_a_route_after_you_dont_handle_is_still_a_route() -> None:
    task = "Support bot for our app. If they ask about billing, you don't handle it: send them to billing@app.example."
    result = generate(Brief(task=task, target="claude"))
    assert "billing@app.example" in [c.value for c in result.constraints if c.kind == "fallback"]

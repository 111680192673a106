"""A live chat's messages arrive as the person's turns: no `{{email}}` slot because the brief calls its chat traffic
an inbox, and no slot from a pasted tool signature's parameter names."""

from __future__ import annotations

from app.engine import generate
from app.engine.brief import Brief

_TOOLS = (
    "```python\n"
    "def lookup_member(email: str) -> dict:\n"
    '    """Finds the member by email."""\n\n'
    "def book_class(member_id: str, class_id: str) -> dict:\n"
    '    """Books a place."""\n'
    "```\n"
)


def _slots(brief: Brief) -> list[str]:
    return [variable.name for variable in generate(brief).variables]


def test_a_chat_bot_whose_messages_fill_an_inbox_gets_no_email_slot() -> None:
    brief = Brief(
        task=(
            "Website chat bot for a climbing gym: it answers the class booking questions that fill our inbox. "
            "Tools:\n" + _TOOLS + "Always call lookup_member before book_class. Max 50 words a reply."
        )
    )
    assert "email" not in _slots(brief)
    assert "{{email}}" not in generate(brief).prompt


def test_an_email_drafter_still_gets_the_email_it_answers() -> None:
    brief = Brief(task="Draft replies to the customer emails our support team pastes in. Max 120 words, warm tone.")
    assert "email" in _slots(brief)

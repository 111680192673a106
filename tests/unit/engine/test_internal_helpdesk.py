"""An internal helpdesk serves colleagues, not customers, and its tool list, ordering and extension number survive
(round 17's review, r17-11, on new wording)."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.constraints.limit_leads import heading_scope
from app.engine.constraints.orderings import find_ordering
from app.engine.unwrap import unwrap

_TASK = (
    "Internal IT helpdesk bot for employees of Fenwick Row Architects (about 80 people). It chats with them in Slack.\n"
    "Tools:\n"
    "lookup_user(email) - returns the person's account and devices\n"
    "unlock_account(email) - unlocks a locked account after too many failed logins\n"
    "open_ticket(queue, urgency, summary) - queue is one of hardware, licences, network, other; "
    "urgency is U1, U2 or U3\n"
    "Always lookup_user before unlocking anything. Never ask for anyone's password. "
    "Anything involving a stolen phone or a phishing email is U1, and tell them to also ring the security desk on "
    "ext. 2210 straight away. Keep answers short: 3 sentences max."
)


def test_an_internal_helpdesk_speaks_to_colleagues() -> None:
    prompt = generate(Brief(task=_TASK, target="claude")).prompt
    assert "internal helpdesk assistant" in prompt
    assert "customer" not in prompt.lower()
    assert "refund" not in prompt.lower()
    assert "card numbers" not in prompt
    assert "{{ticket}}" not in prompt  # a chat in Slack: the message is the user turn


def test_the_tool_lines_and_their_value_sets_survive() -> None:
    prompt = generate(Brief(task=_TASK, target="claude")).prompt
    for tool in ("lookup_user(email)", "unlock_account(email)", "open_ticket(queue, urgency, summary)"):
        assert tool in prompt
    assert "U1, U2, U3" in prompt


def test_a_tool_signature_line_is_never_joined_to_the_line_before() -> None:
    text = "Tools:\nlookup_user(email) - returns the person's account and all of their devices\nopen_ticket(queue)\n"
    assert unwrap(text) == text


def test_a_tool_name_used_as_a_verb_is_an_ordering() -> None:
    found = find_ordering("Always lookup_user before unlocking anything.")
    assert found is not None
    assert (found.first, found.text) == ("call lookup_user", "Call lookup_user before unlocking anything.")


def test_an_extension_is_a_number_to_call_for_the_cases_named() -> None:
    [fallback] = [c for c in extract_constraints(Brief(task=_TASK)) if c.kind == "fallback"]
    assert fallback.value == "2210"
    assert fallback.text.startswith("For anything involving a stolen phone or a phishing email,")


def test_an_instruction_before_a_colon_is_no_part_of_the_reply() -> None:
    text = "Keep answers short: 3 sentences max."
    assert heading_scope(text, text.index("3")) is None
    [limit] = [c for c in extract_constraints(Brief(task=text)) if c.kind == "limit"]
    assert limit.scope is None

"""A brief that grants refunds up to an amount settles the assistant's authority: the default escalation rule keeps
its cases but no longer names a refund as beyond that authority."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for Spokeshare. Refunds under €10 you can promise straight away; more goes to a human.",
        "Help desk for Tidy Tins. You can issue a refund for any order up to £25 without asking.",
    ],
)
def test_granted_refunds_are_no_example_of_missing_authority(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "(such as a refund or an exception)" not in prompt
    assert "asks for something beyond your authority" in prompt


def test_without_refund_authority_the_example_stays() -> None:
    prompt = generate(Brief(task="Support bot for Spokeshare bike rental.", target="claude")).prompt
    assert "(such as a refund or an exception)" in prompt

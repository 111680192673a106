"""An inbox brief that opens with an apology ("this is a bit of a long one sorry"), introduces the requester, then
says "what I want: for every email, a tag for us and then a draft reply" and gives its "layout:" is a reply-drafting
job whose output is that layout line by line; the "<one of A, B, …>" slot gives clean labels and no closing "Label:"
line is added after the sign-off."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate

_INBOX = (
    "ok so this is a bit of a long one sorry. I volunteer as the inbox coordinator for Willow Lane, we're a small "
    "carers' support charity in Leeds. the info@ inbox gets everything mixed together.\n\n"
    "what I want: for every email, a tag for us and then a draft reply I can check and send. layout:\n\n"
    "TAG: <one of SUPPORT_REQUEST, VOLUNTEERING, FUNDRAISING, URGENT, OTHER>\n---\n<draft reply>\n\n"
    "the reply:\n- max 150 words\n- always end with: Warmly, the Willow Lane team"
)


def test_the_slot_gives_clean_labels() -> None:
    labels = [c.values for c in extract_constraints(Brief(task=_INBOX)) if c.kind == "labels"]
    assert labels == [["SUPPORT_REQUEST", "VOLUNTEERING", "FUNDRAISING", "URGENT", "OTHER"]]


def test_the_layout_is_the_output_and_no_label_line_follows_the_sign_off() -> None:
    prompt = generate(Brief(task=_INBOX, target="claude")).prompt
    output = prompt.split("<output_format>", 1)[1].split("</output_format>", 1)[0]
    assert "TAG: <one of SUPPORT_REQUEST" in output
    assert "\n---\n<draft reply>" in output
    assert 'starts with "Label:"' not in output


def test_the_job_is_the_wanted_draft_not_the_apology() -> None:
    result = generate(Brief(task=_INBOX, target="claude"))
    role = result.prompt.split("</role>", 1)[0]
    assert "long one" not in role
    assert "drafts replies" in role

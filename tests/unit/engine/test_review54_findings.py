"""Review 54 of 306ba24, f8d60bf, c6f926c and 3745811: briefs where the settled topics, the lettered parts, the
not-covered reply, the 24/7 numbers, the 'only by' routes and the pipe label sets still read the user wrongly.
Each test fails on 3745811."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


# 1. A stray full stop before ", then …" (a typo: "Greet them. , then add the tracking link.") or a wrapped line that
# starts with ", then" crashes generate with an IndexError in find_ordering: the user gets a server error, no prompt.
@pytest.mark.parametrize(
    "task",
    [
        "Shipping bot. Greet them. , then add the tracking link.",
        "Write a shipping update email to the customer\n, then add the tracking link.",
    ],
)
def test_an_order_with_an_empty_first_step_does_not_crash(task: str) -> None:
    assert _run(task).prompt


# 2. "不用太正式，可以用 emoji 和 Markdown 列表" says "no need to be formal, emoji and Markdown lists are fine". The new
# 不用 cue negates the whole run after it (the Chinese comma ends nothing), so the prompt forbids exactly what the
# user allowed. Severe: the opposite of the brief.
@pytest.mark.parametrize(
    "task",
    [
        "写一个奶茶店的客服助手，不用太正式，可以用 emoji 和 Markdown 列表。",
        "帮我写个客服prompt，不用太长，语气友好，可以用 Markdown 列表。",
    ],
)
def test_buyong_no_need_does_not_ban_what_the_brief_allows(task: str) -> None:
    result = _run(task)
    assert "Do not use" not in result.prompt
    assert not [c for c in result.constraints if c.kind == "format" and "markdown" in (c.text or "").lower()]


# 3. A limit written after the last lettered/numbered part ("Keep the whole thing under 150 words.", "Max 80 words.",
# "Max 120 words total.") bounds the whole reply; the part reader runs the last part to the paragraph end and hands
# the user's global limit to the last part (80 words for a closing line, 150 for a CRM note). Severe.
@pytest.mark.parametrize(
    "task",
    [
        "For every inbound lead write two things:\nA) a short reply email to the lead\n"
        "B) one internal note line for the CRM\nKeep the whole thing under 150 words.",
        "Sales assistant for a roofing company. Your reply has two parts:\nA) the answer to the customer's question\n"
        "B) a closing line inviting them to book a free inspection.\nMax 80 words. No prices.",
        "Format for each call summary:\n1) a one-line summary\n2) a bullet list of action items\nMax 120 words total.",
    ],
)
def test_a_limit_after_the_last_lettered_part_bounds_the_reply(task: str) -> None:
    limits = [c for c in _run(task).constraints if c.kind == "limit" and c.unit == "words"]
    assert limits
    assert [c.scope for c in limits] == [None]


# 4. The generic out-of-scope guardrail goes whenever a 'say' fallback's condition contains "not … in": "not in stock",
# "not logged in", or a not-covered reply for payroll only. None of these answers an off-topic request, so the bot is
# left with no out-of-scope rule at all. Severe.
@pytest.mark.parametrize(
    "task",
    [
        "Support bot for our online shoe store. Answer questions about orders, shipping and returns. If the item is "
        'not in stock, say: "Sorry, that one is sold out right now - want me to notify you when it\'s back?"',
        "Chatbot for a gym. Help members book classes. If the member is not logged in, reply: "
        '"Please log in first so I can see your bookings."',
        "Help desk assistant for the HR portal. Answer using the HR handbook. If a question is about payroll and the "
        'answer is not in the handbook, say: "Please email payroll@acme.com."',
    ],
)
def test_a_narrow_not_in_reply_keeps_the_out_of_scope_guardrail(task: str) -> None:
    assert "out of scope" in _run(task).prompt


# 5. '24/7' right after a three- or four-group number is still read as one more group: the bot tells a customer with a
# burst pipe to call "+44 20 7946 0958 24" or "555-0134 24", numbers that do not exist. Severe.
@pytest.mark.parametrize(
    ("task", "number"),
    [
        ("Support bot for Harbor Plumbing. For emergencies call +44 20 7946 0958 24/7.", "+44 20 7946 0958"),
        (
            "Support bot for Harbor Plumbing. Emergency line: 555-0134 24/7. Otherwise email hi@harbor.example.",
            "555-0134",
        ),
        ("Support bot for Harbor Plumbing. Emergencies call 0800 123 4567 24/7.", "0800 123 4567"),
    ],
)
def test_24_7_after_a_short_number_is_no_part_of_it(task: str, number: str) -> None:
    called = [c.value for c in _run(task).constraints if c.kind == "fallback" and "call" in c.text]
    assert called == [number]


# 6. 'only via email' now takes its case from the last comma part only: "Group bookings, weddings and conferences
# only via email" routes weddings and conferences, and group bookings (the first case named) get no route. Worse than
# 306ba24~1, which kept the whole list.
def test_only_via_keeps_the_whole_list_of_cases() -> None:
    task = "Assistant for our hotel. Group bookings, weddings and conferences only via email at events@hotel.example."
    routes = [c for c in _run(task).constraints if c.kind == "fallback"]
    assert [c.condition for c in routes] == ["For group bookings, weddings and conferences"]


# 7. A lettered list of rules is no list of reply parts: "B) One short paragraph, no lists." becomes a part named
# "short paragraph", and the rule turns into the nonsense "Make the short paragraph exactly 1 paragraph." in place of
# "Reply in exactly 1 paragraph.".
def test_a_lettered_rule_is_no_part_of_the_reply() -> None:
    task = (
        "You are the support bot for Brightside Dental.\nRules:\nA) Keep every answer under 80 words.\n"
        "B) One short paragraph, no lists.\nC) Do not give medical advice."
    )
    result = _run(task)
    assert "Make the short paragraph exactly 1 paragraph." not in result.prompt
    assert [c.scope for c in result.constraints if c.kind == "limit"] == [None, None]


# 8. "The severity is up to you" / "SEVERITY is optional" does not settle severity: it leaves it to the reviewer. The
# new 'severity is' cue drops the pack's severity from each finding and the "mark style preferences as optional" rule.
@pytest.mark.parametrize(
    "task",
    [
        "Code review bot. Review the diff for bugs. The severity is up to you, but be conservative.",
        "Reviewer prompt for our Rust crates. Look for unsafe code and panics. SEVERITY is optional, skip it for nits.",
    ],
)
def test_severity_left_to_the_reviewer_keeps_the_severity_default(task: str) -> None:
    assert "severity (blocking, major, minor, optional)" in _run(task).prompt


# 9. "One issue per line is NOT what I want; write a short paragraph per finding" rejects the one-line layout, yet it
# settles 'finding_lines': the numbered findings list (with severity, file and line, fix) gives way to "Plain prose.".
def test_a_rejected_one_finding_per_line_keeps_the_findings_list() -> None:
    task = (
        "Code review bot for our Django app. Review each PR diff for bugs and security issues. "
        "One issue per line is NOT what I want; write a short paragraph per finding."
    )
    prompt = _run(task).prompt
    assert "file and line" in prompt


# 10. Pipe label sets with a two-word label are still lost: "Refund Request | Complaint | Other" gives the label
# "Request" (the classifier would answer a label the user never defined), and "food | drinks | no receipt | other"
# gives no label set at all.
@pytest.mark.parametrize(
    ("task", "labels"),
    [
        (
            "Classify each message as Refund Request | Complaint | Other. Output only the label.",
            ["Refund Request", "Complaint", "Other"],
        ),
        (
            "Classify each invoice line: food | drinks | no receipt | other. Just the category.",
            ["food", "drinks", "no receipt", "other"],
        ),
    ],
)
def test_pipe_labels_of_two_words_are_kept(task: str, labels: list[str]) -> None:
    found = [c.values for c in _run(task).constraints if c.kind == "labels"]
    assert found == [labels]


# 11. A one-line limit before its layout ("Max one line:\nCUSTOMER | ISSUE | NEXT STEP") does not carry the line, and
# the layout's cells are read as a label set: a call summariser is told to "Assign exactly one label: CUSTOMER, ISSUE
# or NEXT".
def test_a_layout_after_max_one_line_is_no_label_set() -> None:
    task = "Summarise each customer call. Max one line:\nCUSTOMER | ISSUE | NEXT STEP"
    result = _run(task)
    assert not [c for c in result.constraints if c.kind == "labels"]
    assert "CUSTOMER | ISSUE | NEXT STEP" in result.prompt


# 12. "Bookings only by phone on …, cancellations by email to …": the email route after the 'only by' part loses its
# own case (cancellations) and becomes the catch-all escalation ("When you cannot help, … email"), so refund and
# complaint escalations are sent to the cancellations inbox and cancellations are no longer named.
def test_a_second_route_after_only_by_keeps_its_own_case() -> None:
    task = (
        "Assistant for Lumen Dental. Bookings only by phone on 020 7946 0123, "
        "cancellations by email to desk@lumen.co.uk."
    )
    routes = {c.value: c.condition for c in _run(task).constraints if c.kind == "fallback"}
    assert routes.get("desk@lumen.co.uk") == "For cancellations"

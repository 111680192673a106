"""Helper jobs47: ordered tools make a support brief an agent's; an order word in capitals; an inline rubric as its own
section; the request for a prompt is no rule; a priorities list is an ordered checklist; "No refunds ever" as a ban
with its obvious verb. Each brief is another phrasing than the round-46 brief the defect came from."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.constraints.meta_requests import asks_for_prompt
from app.engine.generate import generate, read_constraints
from app.engine.inline_rubric import find_inline_rubrics
from app.engine.job_choice import classify_brief
from app.engine.tool_order_lead import orders_declared_tools


def _found(task: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract_constraints(Brief(task=task))]


def _jobs(task: str) -> list[str]:
    brief = Brief(task=task)
    return [m.id for m in classify_brief(brief, read_constraints(brief))]


# 1. Tools declared and their calls ordered: operating them is the job, for customers or not.
_GARAGE = (
    "Chat assistant for Hollis Garage (MOT and servicing, Derby). Customers message us to book their car in and "
    "ask about prices. Tools:\n"
    "find_customer(phone) -> customer_id or null\n"
    "check_slots(service, date) -> list of free slots\n"
    "book_slot(customer_id, slot_id) -> booking_ref\n"
    "Rules: always find_customer first. check_slots before book_slot, and read the slot back before booking. "
    "If a customer is angry, apologise once and offer a call back from Dave on 01332 555 190."
)


def test_a_support_brief_that_orders_its_tools_is_led_by_the_agent() -> None:
    jobs = _jobs(_GARAGE)
    assert jobs[0] == "tool_agent"
    assert "customer_support" in jobs  # the support job stays as a second job


def test_a_support_brief_with_tools_but_no_order_keeps_its_support_lead_rule() -> None:
    # (without an order between calls the tools do not decide the job: the rule leaves such a brief as it was)
    constraints = read_constraints(Brief(task=_GARAGE.split("Rules:")[0]))
    assert not orders_declared_tools(constraints)
    assert orders_declared_tools(read_constraints(Brief(task=_GARAGE)))


# 2. An order word written in capitals for stress, after a case lead ("walk-ins: …").
@pytest.mark.parametrize(
    "line",
    [
        "walk-ins: checkStock BEFORE reserveBike, always.",
        "returns: reserveBike ONLY AFTER checkStock.",
    ],
)
def test_an_order_word_in_capitals_still_orders_two_tools(line: str) -> None:
    task = f"Chat bot for a bike shop. Tools: checkStock(sku), reserveBike(sku, name).\nRules:\n- {line}"
    found = extract_constraints(Brief(task=task))
    orders = [(c.first, c.then) for c in found if c.kind == "ordering"]
    assert ("call checkStock", "call reserveBike") in orders


# 3. A rubric stated inline after the sentence that announces it is one section.
_HISTORY = (
    "Marking helper for a GCSE history class. Mark each answer using this rubric.\n\n"
    'Question 3: "Why did the Weimar Republic struggle in 1923?"\n'
    "Award 1 mark for each of these, up to 4:\n- hyperinflation\n- occupation of the Ruhr\n- Munich Putsch\n"
    "- reparations\n\n"
    "Automatic zero: copying the question back word for word.\n\n"
    'Reply in JSON: {"marks": 0-4, "comment": "..."}. Comment max 25 words.'
)


def test_an_inline_rubric_is_a_named_section_of_the_prompt() -> None:
    prompt = generate(Brief(task=_HISTORY)).prompt
    rubric = prompt.split("# Rubric\n")[1].split("\n# ")[0]
    assert "Award 1 mark for each of these, up to 4:" in rubric
    assert "- occupation of the Ruhr" in rubric
    assert "Automatic zero: copying the question back word for word." in rubric
    assert "From the brief: Award 1 mark" not in prompt  # not scattered over the context
    assert prompt.count("Automatic zero") == 1


def test_the_rubric_stops_where_the_brief_turns_to_the_reply() -> None:
    (rubric,) = find_inline_rubrics(_HISTORY)
    assert "JSON" not in rubric.body
    assert rubric.body.endswith("word for word.")


def test_a_rubric_named_in_passing_lifts_no_rules() -> None:
    # ("the rubric." points at no text of its own: the rules after it stay rules)
    assert find_inline_rubrics("Always stick to the rubric.\n\nKeep feedback max 50 words.\nBe kind.") == []


# 4. The request for the prompt itself, numbered among the rules, is no rule.
@pytest.mark.parametrize(
    "task",
    [
        "Hotel Casa Azul, Seville.\n1. Make a prompt for something that answers guest WhatsApp messages.\n"
        "2. Check-in is from 3pm.\n3. Never promise early check-in.",
        "Things the bot must do:\n1. I need a system prompt for a bot that books piano lessons.\n"
        "2. Lessons are 30 or 60 minutes.\n3. Never book two lessons at the same time.",
        "Requirements:\n- Write me a system prompt for an assistant that drafts replies to tenants.\n"
        "- Never promise a repair date.",
    ],
)
def test_the_request_for_a_prompt_is_no_rule_of_the_prompt(task: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    assert "prompt for" not in prompt.lower()
    assert "Never" in prompt  # the real rules stay


def test_prompt_as_a_verb_stays_a_rule() -> None:
    assert not asks_for_prompt("Prompt for the booking reference if they have one.")
    assert not asks_for_prompt("2. Give a gentle prompt if they go quiet.")
    assert asks_for_prompt("1) I need a system prompt for a bus timetable bot.")


# 5. A priorities list ranks what to check; it is no label set.
@pytest.mark.parametrize(
    "task",
    [
        "Review pull requests for our Rails billing app.\nPriorities: 1. security 2. correctness 3. performance\n"
        "Max 6 comments per PR.",
        "Code reviewer for our Go microservices.\nPriorities:\n1. Security\n2. Correctness\n3. Readability\nBe direct.",
    ],
)
def test_a_priorities_list_is_an_ordered_checklist_not_labels(task: str) -> None:
    found = extract_constraints(Brief(task=task))
    assert not any(c.kind == "labels" for c in found)
    rule = next(c.text for c in found if c.kind == "requirement" and "priorities in order" in c.text)
    assert rule.lower().endswith("security, correctness, " + rule.lower().split(", ")[-1])
    prompt = generate(Brief(task=task)).prompt
    assert "Rank findings by impact" not in prompt  # the brief's own ranking, not the default one
    assert "Label:" not in prompt


# 6. "No refunds ever": the ban with the verb its noun obviously takes; other things keep the brief's words.
@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("No refunds, ever.", "Never offer refunds."),
        ("No staff discounts whatsoever.", "Never offer staff discounts."),
        ("No promises ever.", "Never make promises."),
        ("No walk-ins, ever.", "No walk-ins, ever."),
    ],
)
def test_a_no_ever_ban_takes_its_obvious_verb(line: str, rule: str) -> None:
    task = f"Chat assistant for Fluffy Paws dog grooming. Prices: small dog £30.\n{line}"
    assert ("prohibition", rule) in _found(task)


# r46-01's class: a formatting ban closed by a catch-all ("or any of that") is formatting only, with no debris rule.
@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Answers max 60 words, no bullet points or headings or any of that, it's a small widget.", None),
        ("No emojis, hashtags or anything like that.", "Avoid hashtags or anything like that."),
    ],
)
def test_a_catch_all_after_formatting_items_leaves_no_debris(line: str, kept: str | None) -> None:
    task = f"Chat assistant for Fluffy Paws dog grooming.\n{line}"
    bans = [text for kind, text in _found(task) if kind == "prohibition"]
    assert bans == ([kept] if kept else [])


def test_a_priority_field_keeps_its_labels() -> None:
    # ("Priority: high / normal / low" is a field to fill with one of its labels, no list of priorities)
    task = "Sort the support inbox. For each email give:\nSummary: max 20 words\nPriority: HIGH / NORMAL / LOW"
    assert any(
        c.kind == "labels" and c.values == ["HIGH", "NORMAL", "LOW"] for c in extract_constraints(Brief(task=task))
    )

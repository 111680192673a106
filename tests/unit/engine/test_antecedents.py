"""A rule that points back to the sentence before it keeps that sentence (or its condition), and a markdown table of
tools is read as tools."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.tool_table import find_table_tools
from app.engine.generate import generate


def _rules(task: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind in ("requirement", "prohibition")]


def test_a_bare_ban_after_a_list_of_cases_keeps_the_cases() -> None:
    task = (
        "You answer tenants for Harbour Lettings and book repair visits.\n"
        "Urgent repairs come first: a gas smell, no heating in winter, water coming through a ceiling. "
        "Don't book anything. Tell them to ring the out-of-hours line on 0161 555 0102 now."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "Do not book anything." not in result.prompt
    whole = [c for c in result.constraints if "don't book anything" in c.text.lower()]
    assert whole
    assert all("gas smell" in c.text for c in whole)
    # the urgent number holds for urgent repairs, not as the route for everything the assistant cannot do
    routes = [c for c in result.constraints if c.kind == "fallback" and c.value == "0161 555 0102"]
    assert routes
    assert all(c.condition and "Urgent repairs" in c.condition for c in routes)
    assert "When you cannot help, tell the user to call 0161 555 0102" not in result.prompt


def test_a_later_sentence_about_that_message_keeps_the_items_condition() -> None:
    task = (
        "Assistant for a boiler servicing firm.\nRules\n"
        "1. If they mention a gas smell or a carbon monoxide alarm: tell them to open windows, leave the house and "
        "call 0800 111 999. No sales talk in that message.\n2. Keep replies under 80 words."
    )
    rules = _rules(task)
    joined = [r for r in rules if "no sales talk in that message" in r.lower()]
    assert joined
    assert joined[0].startswith("If they mention a gas smell")


def test_a_fixed_reply_after_a_topic_keeps_the_topic() -> None:
    task = (
        "Chat assistant for a drone shop.\n"
        "- Flying over crowds or near airports: we won't help with it. Say: \"We can't help with that, it breaks "
        'the drone code."\n- Max 50 words.'
    )
    result = generate(Brief(task=task, target="claude"))
    said = [c for c in result.constraints if c.kind == "fallback" and c.action == "say"]
    assert said
    assert said[0].condition
    assert "airports" in said[0].condition
    assert "airports" in said[0].text
    assert "When you cannot help, reply exactly: \"We can't help with that" not in result.prompt


def test_a_case_and_what_to_do_instead_stay_one_rule() -> None:
    task = (
        "Booking assistant for a grooming salon.\n"
        "Nail trims only for dogs seen in the last 6 months. If the last visit is older, offer a full groom instead."
    )
    rules = _rules(task)
    assert any(r.startswith("Nail trims only for dogs") and "full groom instead" in r for r in rules)


def test_sentences_that_stand_on_their_own_are_not_joined() -> None:
    # "this chat" names the chat being described; "…; use INDEX/MATCH instead" says its own "instead"; a case with
    # its own condition says its own "that reply"; "Otherwise" after a condition is the other case
    task = (
        "Support assistant for Lumen Bank. This chat is only for card questions.\n"
        "They use Excel 2016, so never use XLOOKUP; use INDEX/MATCH instead.\n"
        "If someone reports fraud: freeze the card with freeze_card(card_id). Otherwise, answer from the FAQ.\n"
        "If someone mentions self-harm, give the Samaritans number 116 123 and say nothing else in that reply."
    )
    rules = _rules(task)
    assert not any("This chat is only" in r and "Excel" in r for r in rules)
    assert not any("If someone reports fraud" in r and "otherwise" in r.lower() for r in rules)
    assert not any(r.startswith("They use Excel") and "Lumen" in r for r in rules)


def test_a_markdown_table_of_tools_is_read_as_tools() -> None:
    task = (
        "WhatsApp assistant for a bike workshop. Tools:\n\n"
        "| tool | parameters | notes |\n|---|---|---|\n"
        "| find_customer | phone | returns customer_id, bikes |\n"
        "| book_service | customer_id, slot_id, service_type: string | returns booking ref |\n"
        "| list_faqs | - | the FAQ entries |\n\n"
        "Always call find_customer before book_service."
    )
    result = generate(Brief(task=task, target="claude"))
    tools = {c.name: c.parameters for c in result.constraints if c.kind == "tool"}
    assert tools == {
        "find_customer": ["phone"],
        "book_service": ["customer_id", "slot_id", "service_type"],
        "list_faqs": [],
    }
    assert "<tools>" in result.prompt
    # the table is said once, by the tools section, not pasted again as reference material
    assert "| find_customer | phone |" not in result.prompt


def test_a_table_of_prices_is_no_tool_table() -> None:
    text = "Our plans:\n\n| name | price |\n|---|---|\n| Basic | £10 |\n| Pro plan | £25 |\n"
    assert find_table_tools(text) == ([], [])
    # plain-word names with no parameters column are no sign of functions either
    text = "| name | notes |\n|---|---|\n| Basic | cheap |\n| Pro | more |\n"
    assert find_table_tools(text) == ([], [])


def test_an_actions_heading_with_owner_labels_names_no_tools() -> None:
    task = "Turn our site-visit call transcripts into notes for the project file."
    constraints = [
        "ACTIONS: one per line as OWNER | task | due date, where OWNER is SITE, CLIENT, ARCHITECT or OTHER.",
        "Anything about allergies or dietary needs for the site canteen goes in ACTIONS with the task starting DIET:",
    ]
    result = generate(Brief(task=task, constraints=constraints, target="claude"))
    assert not [c for c in result.constraints if c.kind == "tool"]
    assert "<tools>" not in result.prompt
    # food needs at a venue or a canteen are no medical domain: no diagnosis or medication rules
    assert "prescribed medication" not in result.prompt


def test_an_urgent_route_after_a_cases_own_ban_holds_for_that_case() -> None:
    task = (
        "Chatbot for a boiler servicing firm. Customers book annual services.\nRules:\n"
        "1. Gas smell or CO alarm going off: don't book anything. Tell them to leave the house and call "
        "0800 111 999 now.\n2. Max 3 sentences."
    )
    result = generate(Brief(task=task, target="claude"))
    routes = [c for c in result.constraints if c.kind == "fallback" and c.value == "0800 111 999"]
    assert routes
    assert all(c.condition and "gas smell" in c.condition.lower() for c in routes)
    assert "When you cannot help, tell the user to call 0800 111 999" not in result.prompt

"""Review 52: findings on 6efd43d (rules that point back, markdown tables of tools, cases under an urgent heading).

Each test fails on 6efd43d and shows a brief, written the way people type, where the commit makes the prompt wrong.
Ordered by severity."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints
from app.engine.generate import generate


def _constraints(task: str) -> list[Constraint]:
    return list(extract_constraints(Brief(task=task)))


def _tools(task: str) -> dict[str, list[str]]:
    return {c.name or "": list(c.parameters or []) for c in _constraints(task) if c.kind == "tool"}


# --- 1-4: tables that are no tools are read as tools (and then vanish from the prompt) --------------------------


def test_an_output_field_table_is_not_read_as_tools() -> None:
    """'| name | type | description |' is the most common way to paste the fields of a JSON output. 6efd43d reads
    each field (customer_name, order_id, …) as a tool, turns the extractor into a tool-calling agent ("Use the
    `customer_name` tool: string; …") and the field list is no longer given as the fields to extract."""
    task = (
        "Extract the order details from each customer email and return JSON with these fields:\n\n"
        "| name | type | description |\n|---|---|---|\n"
        "| customer_name | string | full name as written |\n"
        "| order_id | string | the order number, e.g. A-1234 |\n"
        "| refund_requested | boolean | true if they ask for money back |\n\n"
        "Return only the JSON."
    )
    result = generate(Brief(task=task, target="claude"))
    assert not [c.name for c in result.constraints if c.kind == "tool"]
    assert "<tools>" not in result.prompt
    assert "customer_name" in result.prompt


def test_an_output_template_table_is_not_a_tool() -> None:
    """'Output a markdown table exactly like this:' followed by a one-row template with placeholder cells. 6efd43d
    invents an `action_item` tool from the template row and drops the template, so the model no longer knows the
    columns it must produce (references.py keeps templates in place, tool_table.py never looks at the intro)."""
    task = (
        "Turn my meeting transcripts into action items. Output a markdown table exactly like this:\n\n"
        "| Action | Owner | Due |\n|---|---|---|\n| action_item | owner_name | YYYY-MM-DD |\n\n"
        "One row per action item, nothing else."
    )
    result = generate(Brief(task=task, target="claude"))
    assert not [c.name for c in result.constraints if c.kind == "tool"]
    assert "| action_item | owner_name | YYYY-MM-DD |" in result.prompt


def test_a_price_list_of_camelcase_products_is_not_a_tool_table() -> None:
    """A reseller's price list ('| Name | Price | In stock |': iPhone, iPad, MacBook, AirPods). The camelCase test
    for 'looks like a function' matches brand names, so the four products become tools ("Use the `iPhone` tool:
    £799; yes") and the price list the assistant must answer from is gone from the prompt."""
    task = (
        "Sales chat for iStore Bristol (Apple reseller). Answer price questions from this list only:\n\n"
        "| Name | Price | In stock |\n|---|---|---|\n"
        "| iPhone | £799 | yes |\n| iPad | £349 | yes |\n| MacBook | £999 | no |\n| AirPods | £179 | yes |\n\n"
        "If something isn't listed, say we don't sell it."
    )
    result = generate(Brief(task=task, target="claude"))
    assert not [c.name for c in result.constraints if c.kind == "tool"]
    assert "<tools>" not in result.prompt
    assert "£799" in result.prompt


def test_a_table_of_labels_for_a_classifier_is_not_a_tool_table() -> None:
    """A classifier's label set pasted as '| Action | When to use |' (refund_full, refund_partial, escalate, close).
    6efd43d reads the labels as tools: the classifier becomes an agent that is told to call `refund_full`, plan
    tool calls and confirm before spending money, instead of replying with one label."""
    task = (
        "Classify each support ticket into one action. Reply with the action name only.\n\n"
        "| Action | When to use |\n|---|---|\n"
        "| refund_full | item never arrived or arrived broken |\n"
        "| refund_partial | item late by more than 5 days |\n"
        "| escalate | legal threats, chargebacks, press |\n"
        "| close | spam or no question asked |\n"
    )
    result = generate(Brief(task=task, target="claude"))
    assert not [c.name for c in result.constraints if c.kind == "tool"]
    assert "<tools>" not in result.prompt


# --- 5-7: wrong joins ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["general_route", "booking_rules"])
def test_instructions_after_a_pointing_back_ban_are_not_absorbed_into_the_emergency_condition(case: str) -> None:
    """People type a whole brief on one line. After a ban that points back ('Don't book anything.'), every later
    sentence that starts with Direct/Offer/Ask/Tell… is glued into the same run (_GOES_ON) and put under the
    emergency's condition: the billing address becomes a route only 'If anyone smells gas', and the clinic's
    booking procedure holds only 'If someone has severe swelling or heavy bleeding'."""
    if case == "general_route":
        task = (
            "Helpdesk bot for Kent Gas. If anyone smells gas, tell them to leave the house and call 0800 111 999. "
            "Don't book anything. Direct billing questions to billing@kentgas.co.uk. "
            "Offer a callback for anything else."
        )
        constraints = _constraints(task)
        billing = [c for c in constraints if c.kind == "fallback" and c.value == "billing@kentgas.co.uk"]
        assert billing
        assert not any("smells gas" in (c.condition or "") for c in billing)
        assert not any("smells gas" in c.text and "callback" in c.text for c in constraints)
    else:
        task = (
            "WhatsApp bot for Dr. Patel's dental clinic. If someone has severe swelling or heavy bleeding, tell them "
            "to call 999. Don't diagnose anything. Ask for their name and preferred day, then offer the next free "
            "slot. Keep replies under 60 words."
        )
        rules = [c.text for c in _constraints(task) if c.kind in ("requirement", "prohibition", "ordering")]
        assert not any("swelling" in r and "next free slot" in r for r in rules)


def test_a_referent_inside_the_same_sentence_is_not_the_sentence_before() -> None:
    """'We also get a lot of spam, so ignore those messages': 'those messages' are the spam named in the same
    sentence. 6efd43d joins it to the sentence before and writes 'If a message is in Welsh: … ignore those
    messages.', i.e. tells the assistant to ignore Welsh messages, the opposite of forwarding them."""
    task = (
        "Assistant for Cardiff Council's bin collection enquiries.\n"
        "If a message is in Welsh, forward it to cymraeg@cardiff.gov.uk. We also get a lot of spam, so ignore "
        "those messages."
    )
    texts = [c.text for c in _constraints(task)]
    assert not any("Welsh" in t and "ignore those messages" in t for t in texts)


def test_inline_numbered_rules_are_not_glued_across_their_numbers() -> None:
    """'Rules: 1) … 2) … 3) …' on one line is a numbered list: each number starts a rule of its own. 6efd43d
    glues rule 2 ('Never diagnose anything') and rule 3 (when to mention the counselling drop-in) onto rule 1's
    condition, so 'never diagnose' only holds when a student mentions self-harm."""
    task = (
        "Wellbeing chatbot for Northfield Uni students. Rules: 1) If a student mentions self-harm, give the "
        "Samaritans number 116 123. 2) Never diagnose anything. 3) Tell them about the counselling drop-in "
        "(Tue/Thu 2-4pm) when they ask for support. 4) Keep it under 100 words."
    )
    texts = [c.text for c in _constraints(task)]
    assert not any("self-harm" in t and "diagnose" in t for t in texts)
    assert not any("self-harm" in t and "drop-in" in t for t in texts)


# --- 8: a real ban lost to the case-list rule -----------------------------------------------------------------------


def test_bans_listed_under_an_emergency_heading_are_still_bans() -> None:
    """'Emergencies: give the 999 number straight away, no medical advice, no small talk.' lists what to do and
    not do in an emergency. The new case-list rule treats every 'no X' after 'Emergencies:' as a case in a list,
    so 'no medical advice' is dropped (6efd43d~1 kept it); same for 'Urgent jobs …: …, no upselling'."""
    task = (
        "Assistant for the triage line at Riverside Surgery.\n"
        "Emergencies: give the 999 number straight away, no medical advice, no small talk.\n"
        "Keep answers short."
    )
    bans = [c.text for c in _constraints(task) if c.kind == "prohibition"]
    assert any("medical advice" in b for b in bans)
    task = (
        "Support bot for Fixit Plumbing.\n"
        "Urgent jobs (burst pipes, flooding): reply within the hour, no upselling, no discount codes.\n"
        "Normal jobs: offer the next free slot."
    )
    bans = [c.text for c in _constraints(task) if c.kind == "prohibition"]
    assert any("upselling" in b for b in bans)


# --- 9-10: conditions attached where they do not belong ----------------------------------------------------------


def test_a_sentence_with_its_own_if_condition_is_not_a_comparison_with_the_one_before() -> None:
    """'If they want to know more, send them to …/help' states its own case; the comparison pattern ('If it's
    older, …') matches any 'if … more,' and joins it to the missing-delivery route, adding the rule 'If a delivery
    is missing: if they want to know more, send them to bloomco.co.uk/help.' to the instructions."""
    task = (
        "Chat assistant for Bloom & Co florists.\n"
        "If a delivery is missing, tell them to email claims@bloomco.co.uk. If they want to know more, send them "
        "to bloomco.co.uk/help.\nKeep it friendly."
    )
    texts = [c.text for c in _constraints(task)]
    assert not any("delivery is missing" in t and "bloomco.co.uk/help" in t for t in texts)


@pytest.mark.parametrize("case", ["urgent_repairs", "drone_code"])
def test_a_route_under_its_case_is_not_rendered_as_the_unsure_path(case: str) -> None:
    """The commit's own examples: the joined route's condition is a plain sentence ('Urgent repairs come first: …'),
    which the guardrails do not recognise as a condition, so the prompt says 'If you are unsure or the information
    is missing: Urgent repairs come first: … Tell them to ring the out-of-hours line' — the emergency route (and
    the drone refusal) is presented as what to do when unsure, the very misreading the commit set out to fix."""
    if case == "urgent_repairs":
        task = (
            "You answer tenants for Harbour Lettings and book repair visits.\n"
            "Urgent repairs come first: a gas smell, no heating in winter, water coming through a ceiling. "
            "Don't book anything. Tell them to ring the out-of-hours line on 0161 555 0102 now."
        )
        lead = "Urgent repairs"
    else:
        task = (
            "Chat assistant for a drone shop.\n"
            "- Flying over crowds or near airports: we won't help with it. Say: \"We can't help with that, it "
            'breaks the drone code."\n- Max 50 words.'
        )
        lead = "Flying over crowds"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert f"If you are unsure or the information is missing: {lead}" not in prompt


# --- 11: missed joins of the commit's own class --------------------------------------------------------------------


@pytest.mark.parametrize("case", ["ban_in_that_message", "next_line"])
def test_obvious_back_references_of_the_same_class_are_joined(case: str) -> None:
    """'No booking talk in that message' (the commit message's own example) is not joined when the condition ends
    with a comma instead of a colon: the negation check in _leans_back rejects any sentence with 'no'/'don't' before
    'that message', leaving the dangling 'Avoid booking talk in that message.' And the flagship urgent-repairs
    brief with 'Don't book anything.' on its own line falls back to 'Do not book anything.' as a general ban."""
    if case == "ban_in_that_message":
        task = (
            "Booking assistant for Spark Electrics.\n"
            "If they mention a swollen or smoking e-bike battery, tell them to stop charging it, move it outside and "
            "call 999. No booking talk in that message.\nOtherwise book a safety check."
        )
        talk = [c for c in _constraints(task) if "booking talk" in c.text]
        assert talk
        assert all("battery" in c.text or "battery" in (c.condition or "") for c in talk)
    else:
        task = (
            "You answer tenants for Harbour Lettings and book repair visits.\n"
            "Urgent repairs come first: a gas smell, no heating in winter, water coming through a ceiling.\n"
            "Don't book anything. Tell them to ring the out-of-hours line on 0161 555 0102 now."
        )
        prompt = generate(Brief(task=task, target="claude")).prompt
        assert "Do not book anything." not in prompt


# --- 12: tool tables missed or misread ----------------------------------------------------------------------------

_TOOL_TABLES = {
    # "Input parameters" is no parameters header: the arguments land in the purpose and get_order takes none
    "input_parameters": (
        "Customer service agent for ParcelPal. You can use these tools:\n\n"
        "| Tool | Input parameters | Returns |\n|---|---|---|\n"
        "| get_order | order_id | status, eta |\n| cancel_order | order_id, reason | ok or error |\n\n"
        "Always ask for the order number first.",
        {"get_order": ["order_id"], "cancel_order": ["order_id", "reason"]},
    ),
    # "order_id (string, required)": the comma inside the brackets splits the cell, so the whole table is dropped
    "typed_cells": (
        "Support agent for ParcelPal. Tools:\n\n"
        "| tool | parameters | notes |\n|---|---|---|\n"
        "| get_order | order_id (string, required) | returns status and eta |\n"
        "| cancel_order | order_id (string, required), reason (string, optional) | cancels the order |\n\n"
        "Confirm before cancelling.",
        {"get_order": ["order_id"], "cancel_order": ["order_id", "reason"]},
    ),
    # "Nombre" (Spanish for name) is not a name header, though "Parámetros" is listed
    "spanish": (
        "Asistente de WhatsApp para la peluquería Rizos. Herramientas:\n\n"
        "| Nombre | Parámetros | Descripción |\n|---|---|---|\n"
        "| buscar_cliente | telefono | devuelve cliente_id |\n"
        "| reservar_cita | cliente_id, hora | reserva la cita |\n\n"
        "Llama siempre a buscar_cliente antes de reservar_cita.",
        {"buscar_cliente": ["telefono"], "reservar_cita": ["cliente_id", "hora"]},
    ),
    # "工具名称" (tool name) is the usual Chinese header; only "工具名" is listed
    "chinese": (
        "电商客服助手。可用工具：\n\n| 工具名称 | 参数 | 说明 |\n|---|---|---|\n"
        "| get_order | order_id | 查询订单状态 |\n| cancel_order | order_id, reason | 取消订单 |\n\n取消前必须先确认。",
        {"get_order": ["order_id"], "cancel_order": ["order_id", "reason"]},
    ),
}


@pytest.mark.parametrize("case", sorted(_TOOL_TABLES))
def test_common_tool_tables_give_their_tools_and_parameters(case: str) -> None:
    """Tool tables the way people paste them ('Input parameters' header, typed cells, Spanish/Chinese headers) are
    missed entirely or read with their parameters lost, so the tools section names no arguments."""
    task, expected = _TOOL_TABLES[case]
    assert _tools(task) == expected

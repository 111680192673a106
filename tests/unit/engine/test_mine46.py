"""Tool gates and tool steps (helper mine46): a brief's one named tool that comes before everything else, said without
a second tool to pair it with, and an ordering step that names a listed tool by its verb or purpose, not its name."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _orders(task: str) -> list[tuple[str, str | None, str]]:
    return [(c.first or "", c.then, c.text) for c in read_constraints(Brief(task=task)) if c.kind == "ordering"]


def _firsts(task: str) -> list[str]:
    return [first for first, _, _ in _orders(task)]


_TOOLS_EN = "Tools:\n- verify_account(account_number, postcode)\n- get_meter(account_id)\n- add_credit(account_id)\n\n"


@pytest.mark.parametrize(
    "rule",
    [
        "Order: verify_account first, always.",
        "verify_account first, every time.",
        "verify_account must succeed before any other tool.",
        "verify_account has to come back before anything else happens.",
        "How it should behave: nothing happens until verify_account comes back with a match.",
    ],
)
def test_an_english_gate_puts_its_tool_first(rule: str) -> None:
    task = f"Web chat assistant for Brightwell Energy's prepayment customers. {_TOOLS_EN}{rule}\nMax 80 words."
    orders = _orders(task)
    gate = [text for first, _, text in orders if "verify_account" in first]
    assert gate, orders
    assert "verify_account" in gate[0]


@pytest.mark.parametrize(
    ("task", "tool"),
    [
        (
            "Assistent voor herhaalrecepten van een apotheek. Functies:\n- controleer_patient(bsn, geboortedatum)\n"
            "- haal_medicatie(patient_id)\nWerkwijze: eerst controleer_patient; pas als dat klopt mag je iets tonen.",
            "controleer_patient",
        ),
        (
            "Asistente de una peluquería. Funciones:\n- buscar_clienta(telefono)\n- reservar_cita(telefono, hora)\n"
            "Reglas:\n- primero siempre buscar_clienta con el numero desde el que escriben\n- nunca inventes una hora",
            "buscar_clienta",
        ),
        (
            "Chat für eine Fahrradwerkstatt. Funktionen:\n- kunde_finden(email)\n- termin_buchen(kunde_id, datum)\n"
            "Zuerst kunde_finden aufrufen, immer.",
            "kunde_finden",
        ),
        (
            "修理受付チャットボットです。使えるツール:\nlookup_product(model_number)\ncheck_warranty(serial_number)\n"
            "ルール:\n1. 修理費用の話をする前に必ず check_warranty を呼ぶ。\n2. 質問は一度に1つだけ。",
            "check_warranty",
        ),
    ],
)
def test_a_gate_in_other_languages_puts_its_tool_first(task: str, tool: str) -> None:
    assert any(tool in first for first in _firsts(task)), _orders(task)


def test_a_chinese_gate_keeps_the_later_tool_it_names() -> None:
    task = (
        "订场助手。接口：\nget_user(phone)\nlist_courts(date, start_hour)\nbook_court(user_id, court_no)\n规则：\n"
        "1. 订场前一定先 list_courts，把场地号、日期、时间读给对方确认后再 book_court。\n2. 不要承诺退款。"
    )
    assert ("call list_courts", "call book_court") in [(first, then) for first, then, _ in _orders(task)]


def test_a_ban_until_a_tool_has_run_is_an_order_and_stays_a_ban() -> None:
    task = (
        "Night desk assistant for a hostel. It can call check_booking(guest_name) and create_door_code(booking_id). "
        "NEVER give a door code unless check_booking found the booking and it is paid. Keep replies short."
    )
    found = read_constraints(Brief(task=task))
    orders = [(c.first, c.then) for c in found if c.kind == "ordering"]
    assert any(first == "call check_booking" and "door code" in (then or "") for first, then in orders), orders
    assert any(c.kind == "prohibition" and "door code" in c.text for c in found)


def test_a_gate_with_an_exception_keeps_the_exception() -> None:
    task = (
        "Member chat for a credit union. Tools: verify_member(member_number), get_accounts(member_number), "
        "freeze_card(card_last4). verify_member must succeed before any other tool, with one exception: if a card is "
        "lost or stolen, freeze_card can be called first. Max 3 sentences."
    )
    orders = _orders(task)
    gate = next(text for first, _, text in orders if first == "call verify_member")
    assert "freeze_card" in gate


@pytest.mark.parametrize(
    ("task", "then_tool"),
    [
        (
            "Stock agent for a warehouse. Tools: get_stock(sku), reserve_stock(sku, quantity), notify_slack(message). "
            "Before reserving, always call get_stock to check what is available.",
            "reserve_stock",
        ),
        (
            "Assistente per una biblioteca. Usa gli strumenti (cerca_catalogo, prenota, stato_tessera). Prima di "
            "prenotare chiedi sempre il numero di tessera e verificalo con stato_tessera. Risposte brevi.",
            "prenota",
        ),
        (
            "Account bot. Tools: get_account(account_id), close_account(account_id). Never close an account unless "
            "get_account confirmed the owner.",
            "close_account",
        ),
    ],
)
def test_a_step_named_by_its_verb_is_its_tool(task: str, then_tool: str) -> None:
    orders = _orders(task)
    assert any(then and then_tool in then for _, then, _ in orders), orders
    # the prompt says which call waits
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert then_tool in prompt


def test_a_chinese_step_is_the_tool_its_description_names() -> None:
    task = (
        "微信客服。能调用的工具如下（JSON 格式）：\n"
        '[{"name": "query_order", "description": "按手机号查订单和安装记录", "parameters": {"phone": "string"}},\n'
        ' {"name": "create_repair_ticket", "description": "创建上门维修工单", "parameters": {"order_id": "string"}},\n'
        ' {"name": "transfer_to_human", "description": "转人工客服", "parameters": {"reason": "string"}}]\n'
        "要求：\n1. 先用 query_order 查到订单再建工单；查不到就请用户发购买凭证的照片。\n2. 每条回复不超过80个字。"
    )
    orders = _orders(task)
    assert any(then and "create_repair_ticket" in then for _, then, _ in orders), orders


@pytest.mark.parametrize(
    "task",
    [
        "Quiz bot for a pub. Ask the first question first, always. Keep it short.",
        "Writing buddy. Don't worry about grammar first, just get ideas down.",
        "Prima di tutto sii gentile con i clienti del negozio.",
    ],
)
def test_no_gate_without_a_named_tool(task: str) -> None:
    assert not [first for first in _firsts(task) if first.startswith("call ")]


def test_a_step_naming_no_single_tool_stays_as_written() -> None:
    # two tools share the verb "book": the step names neither for sure
    task = "Tools: find_slot(date), book_court(slot_id), book_coach(slot_id). Before booking, always call find_slot."
    orders = _orders(task)
    assert orders
    assert all("book_court" not in (then or "") and "book_coach" not in (then or "") for _, then, _ in orders)


def test_a_gate_under_a_case_title_holds_in_that_case_only() -> None:
    task = (
        "Booking chat for an escape room. Tools: check_availability(room_id, date), hold_slot(room_id, slot), "
        "get_booking(booking_ref), cancel_booking(booking_ref).\nRules:\n- bookings: check_availability before "
        "hold_slot.\n- cancellations: get_booking first.\nKeep replies short."
    )
    assert not [t for first, then, t in _orders(task) if first == "call get_booking" and then and "any other" in then]

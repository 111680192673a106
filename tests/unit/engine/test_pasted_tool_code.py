"""Tools pasted as code keep what their docstrings and comments say, and the code stays out of the prompt's rules."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_KAYAK = (
    "Booking bot for a kayak rental shop. Tools:\n```python\n"
    'def find_booking(phone: str) -> dict:\n    """Look up a booking by phone number. Returns booking_id, date and '
    'boats."""\n\n'
    'def check_weather(date: str) -> dict:\n    """Wind and wave forecast for the lake on that date."""\n\n'
    "def cancel_booking(booking_id: str, reason: str) -> bool:\n"
    '    """Cancel a booking; refunds are automatic if more than 48 hours ahead."""\n```\n'
    "Always call find_booking first. Check the weather before confirming any trip. Never cancel without the customer "
    "saying yes. Max 50 words per reply."
)


def _tools(task: str) -> dict[str, str | None]:
    return {c.name or "": c.value for c in generate(Brief(task=task)).constraints if c.kind == "tool"}


def _rules_and_context(prompt: str) -> str:
    """The prompt up to its tools section: role, context and instructions."""
    return prompt.split("# Tools")[0]


def test_python_docstrings_describe_the_tools_and_the_code_stays_out_of_the_rules() -> None:
    result = generate(Brief(task=_KAYAK))
    tools = {c.name: c.value for c in result.constraints if c.kind == "tool"}
    assert tools["find_booking"] == "Look up a booking by phone number. Returns booking_id, date and boats"
    assert tools["check_weather"] == "Wind and wave forecast for the lake on that date"
    assert tools["cancel_booking"] == "Cancel a booking; refunds are automatic if more than 48 hours ahead"
    head = _rules_and_context(result.prompt)
    assert "```" not in head
    assert '"""' not in head
    assert "def " not in head
    assert "1. Always call find_booking first, before any other tool (check_weather, cancel_booking)." in head


def test_unfenced_python_with_comments_and_multiline_docstrings() -> None:
    task = (
        "Support assistant for a bike repair shop. It can call these functions:\n\n"
        "def get_repair_status(ticket_id: str) -> dict:\n"
        "    '''Current status and estimated ready date of a repair ticket.'''\n\n"
        "# Books a repair slot for the customer\ndef book_slot(date: str, bike_type: str) -> str:\n    pass\n\n"
        'def quote_price(job: str) -> float:\n    """\n    Price estimate for a repair job.\n\n    Args:\n'
        '        job: short description of the work\n    Returns:\n        price in euros\n    """\n\n'
        "Always check the status before promising a date. Never quote more than 3 jobs at once."
    )
    assert _tools(task) == {
        "get_repair_status": "Current status and estimated ready date of a repair ticket",
        "book_slot": "Books a repair slot for the customer",
        "quote_price": "Price estimate for a repair job; returns price in euros",
    }


def test_comments_above_fenced_python_stubs_and_a_comment_under_the_def() -> None:
    task = (
        "Scheduling assistant for a hair salon.\n```python\n"
        "# Returns open appointment times for a stylist on a date\n"
        "def open_times(stylist: str, date: str) -> list[str]: ...\n\n"
        "async def book(stylist: str, time: str, client_phone: str) -> str:\n"
        "    # Books the appointment and texts the client a confirmation\n    ...\n```\n"
        "Don't book anyone before checking open_times. Keep every reply under 3 sentences."
    )
    result = generate(Brief(task=task))
    tools = {c.name: c.value for c in result.constraints if c.kind == "tool"}
    assert tools == {
        "open_times": "Returns open appointment times for a stylist on a date",
        "book": "Books the appointment and texts the client a confirmation",
    }
    head = _rules_and_context(result.prompt)
    assert "```" not in head
    assert "# Returns" not in head
    assert "def " not in head


def test_a_one_line_docstring_is_the_tools_description_not_a_rule() -> None:
    task = (
        "Build a prompt for a support bot of an electricity supplier. functions:\n"
        'def get_balance(account_no): """Current balance and the next bill date."""\n'
        'def submit_reading(account_no, reading): """Records a meter reading; readings must be whole numbers."""\n'
        "Check the balance before talking about payments. Never give tariff advice."
    )
    result = generate(Brief(task=task))
    tools = {c.name: c.value for c in result.constraints if c.kind == "tool"}
    assert tools["submit_reading"] == "Records a meter reading; readings must be whole numbers"
    assert '"""' not in result.prompt


def test_typescript_jsdoc_and_line_comments() -> None:
    task = (
        "We run a small gym and want a WhatsApp assistant for members. Our dev gave me these:\n\n"
        "/**\n * Finds the member by phone number.\n * @param phone E.164 phone number\n"
        " * @returns member id and plan\n */\nexport async function findMember(phone: string): Promise<Member>;\n\n"
        "/**\n * Lists the classes with free spots on a day.\n */\n"
        "export async function listClasses(day: string): Promise<ClassSlot[]>;\n\n"
        "// Books a member into a class\nexport async function bookClass(memberId: string, classId: string): "
        "Promise<boolean>;\n\nAlways call findMember before booking. Reply in under 40 words."
    )
    result = generate(Brief(task=task))
    tools = {c.name: c.value for c in result.constraints if c.kind == "tool"}
    assert tools == {
        "findMember": "Finds the member by phone number; returns member id and plan",
        "listClasses": "Lists the classes with free spots on a day",
        "bookClass": "Books a member into a class",
    }
    head = _rules_and_context(result.prompt)
    assert "@param" not in head
    assert "*/" not in head
    assert "/**" not in head


def test_a_typescript_comment_after_the_declaration_and_its_return_type() -> None:
    task = (
        "Returns desk bot for an online shoe store.\nTools:\n"
        "function getOrder(orderId: string): Order; // fetches the order with its items and delivery date\n"
        "function startReturn(orderId: string, sku: string): ReturnLabel; // creates a return and emails the label\n"
        "function findStores(postcode: string): Promise<Store[]>;\n"
        "Ask for the order number first."
    )
    assert _tools(task) == {
        "getOrder": "fetches the order with its items and delivery date",
        "startReturn": "creates a return and emails the label",
        "findStores": "returns `Store[]`",
    }


def test_a_fenced_typescript_block_leaves_the_rules_after_it_whole() -> None:
    task = (
        "Chat assistant for a dentist's front desk. Functions (TypeScript):\n```ts\n"
        "/** Find free appointment slots for a given day. */\nfunction findSlots(day: string): Slot[];\n\n"
        "// Book the chosen slot for the patient\nfunction bookSlot(slotId: string, patientName: string): Booking;\n"
        "```\nConfirm the patient's name before booking. Offer at most 3 slots."
    )
    result = generate(Brief(task=task))
    tools = {c.name: c.value for c in result.constraints if c.kind == "tool"}
    assert tools == {
        "findSlots": "Find free appointment slots for a given day",
        "bookSlot": "Book the chosen slot for the patient",
    }
    head = _rules_and_context(result.prompt)
    assert "```" not in head
    assert "function find" not in head
    assert "// Book" not in head
    assert "Confirm the patient's name before booking." in head


def test_other_pasted_formats_keep_their_descriptions() -> None:
    table = (
        "Assistant for a hotel concierge desk.\n\n| tool | args | what it does |\n|---|---|---|\n"
        "| find_room | guest_name | Looks up the guest's room and stay dates |\n"
        "| book_taxi | pickup_time, destination | Orders a taxi to the door |\n\n"
        "Always call find_room before booking anything. Keep replies under 60 words."
    )
    assert _tools(table)["find_room"] == "Looks up the guest's room and stay dates"
    listed = (
        "Helpdesk bot for our IT team. Tools:\n- reset_password(user_id) - sends a temporary password by SMS\n"
        "- check_vpn(user_id) - tells whether the VPN account is active\nAsk for the employee number first."
    )
    assert _tools(listed)["check_vpn"] == "tells whether the VPN account is active"
    as_json = (
        'Order assistant for a pizza place. Tools:\n[{"type": "function", "function": {"name": "get_menu", '
        '"description": "Returns today\'s menu with prices.", "parameters": {"type": "object", "properties": {}}}}]\n'
        "Max 2 pizzas per order."
    )
    assert _tools(as_json)["get_menu"] == "Returns today's menu with prices."


def test_a_heading_comment_over_the_first_def_is_no_description() -> None:
    task = (
        "Assistant for a plant nursery.\n# Tools\ndef stock_level(plant: str) -> int: ...\n"
        "Never promise delivery dates."
    )
    assert _tools(task)["stock_level"] == "returns int"

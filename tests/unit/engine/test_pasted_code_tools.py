"""Tool definitions pasted as code: Python `def` lines and GraphQL `type Query {` fields are tools; a code comment
among them ("// status is OPEN, DELAYED or CLOSED") documents a tool, it gives the reply no label set; and the code
itself (proto messages, `syntax = …`) is neither a rule nor context. An aside that describes a process ("(one adult
rides, then the other)") orders nothing."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.compose.code_debris import is_code, without_code
from app.engine.constraints import extract_constraints
from app.engine.generate import generate

_PROTO = (
    "Zoo app assistant, it's called Kiki. Visitors chat with it to book feeding slots. The backend team exposed a "
    "gRPC service, here is the proto:\n\n"
    'syntax = "proto3";\npackage zoo.v1;\n\n'
    "service KikiTools {\n"
    "  // Feeding slots. status is OPEN, FULL or CANCELLED.\n"
    "  rpc ListSlots(ListSlotsRequest) returns (Slots);\n"
    "  rpc BookSlot(BookSlotRequest) returns (Booking);\n"
    "}\n\n"
    "message BookSlotRequest { string slot_id = 1; int32 people = 2; }\n\n"
    "Rules:\n1. Only book slots whose status is OPEN.\n2. Replies: max 40 words."
)


def test_a_code_comment_among_the_tools_gives_no_label_set() -> None:
    constraints = extract_constraints(Brief(task=_PROTO))
    assert not [c for c in constraints if c.kind == "labels" and c.scope is None]
    prompt = generate(Brief(task=_PROTO, target="claude")).prompt
    assert 'starts with "Label:"' not in prompt


def test_pasted_proto_is_neither_a_rule_nor_context() -> None:
    prompt = generate(Brief(task=_PROTO, target="claude")).prompt
    assert "message BookSlotRequest" not in prompt
    assert 'syntax = "proto3"' not in prompt
    assert "KikiTools {" not in prompt
    assert "`ListSlots(ListSlotsRequest)`" in prompt


def test_code_debris_is_told_from_prose() -> None:
    assert is_code("message PageRequest { string reason = 1; string location = 2; }")
    assert is_code("type Query {")
    assert not is_code("Tell them about Rider Switch (one adult rides, then the other).")
    assert not is_code("Message tone: warm, never pushy.")
    assert without_code('The backend team exposed a gRPC service, here is the proto: syntax = "proto3";') == ""
    assert without_code("Never promise a return time; say (roughly) what the tool gave.") == (
        "Never promise a return time; say (roughly) what the tool gave."
    )


def test_python_def_lines_are_tools_whatever_their_names() -> None:
    task = (
        "Assistente per i taxi d'acqua. Ecco le funzioni:\n\n"
        "def cerca_cliente(telefono: str) -> dict: ...\n"
        "def preventivo(partenza: str, arrivo: str) -> dict: ...\n"
        "def prenota(cliente_id: str, preventivo_id: str) -> dict: ...\n\n"
        "regole:\n- prima cerca_cliente, poi preventivo, poi prenota."
    )
    names = [c.name for c in extract_constraints(Brief(task=task)) if c.kind == "tool"]
    assert names == ["cerca_cliente", "preventivo", "prenota"]


def test_graphql_query_fields_are_tools_beside_the_mutations() -> None:
    task = (
        "Booking bot for a campsite. Our API is GraphQL:\n\n"
        "type Query {\n  availability(arrival: Date!, nights: Int!): [Offer!]!\n"
        "  booking(number: String!, name: String!): Booking\n}\n"
        "type Mutation {\n  createQuote(offerId: ID!, people: Int!): Quote!\n}\n\n"
        "Always call availability before createQuote. Max 4 sentences."
    )
    names = [c.name for c in extract_constraints(Brief(task=task)) if c.kind == "tool"]
    assert set(names) == {"availability", "booking", "createQuote"}


def test_an_aside_describing_a_process_orders_nothing() -> None:
    task = "Theme park assistant. Tell them about Rider Switch at the ride entrance (one adult rides, then the other)."
    constraints = extract_constraints(Brief(task=task))
    assert not [c for c in constraints if c.kind == "ordering"]
    assert any("(one adult rides, then the other)" in c.text for c in constraints)

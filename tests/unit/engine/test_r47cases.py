"""Round 47's cases cut from their triggers and pasted tool definitions, in other phrasings and domains than the
briefs that showed them:

- a case named by a head and a colon or dash ("- burglary: ask for …", "complaint - no draft, just put REPLY: …")
  keeps its head as the condition of its rules, and a contact in it is that case's route, not the catch-all;
- a line that opens with a case head ends the rule before it, however long that line is;
- a trailing "X only" after a statement qualifies that statement and is no scope rule;
- a sentence that says "any of those" stays with the list it points back to;
- a TypeScript parameter typed as a union array ('jobs: ("tune" | "brakes")[]') keeps its tool, with the union as
  the parameter's values (one or more of them);
- "A before B, and B before C" is a chain, not "B or B";
- a YAML `tools:` list with `params: {…}` or a block of parameters is tools, never reply schemas or a YAML reply;
- a plain-named tool's declaration line ("quote(…): {…}") is no rule.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.constraints.tool_orders import find_tool_orders
from app.engine.generate import generate


def _constraints(task: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract_constraints(Brief(task=task))]


def _rules(task: str) -> list[str]:
    return [text for kind, text in _constraints(task) if kind in ("requirement", "prohibition", "ordering")]


# --- case heads -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "head", "unconditioned"),
    [
        (
            "Claims chat for a bike insurer.\n\nmust:\n- theft: ask for the police report number first. if they "
            "haven't got one, tell them to report it on 101 first\n- replies under 80 words",
            "For theft: ask for the police report number first.",
            "Always ask for the police report number first.",
        ),
        (
            "Chat for a plumbing firm.\n\n- burst pipe that's still spraying: tell them to shut the water off at the "
            "main valve before anything else\n- keep it short",
            "For burst pipe that's still spraying: tell them to shut the water off",
            "Tell them to shut the water off at the main valve before anything else.",
        ),
        (
            "Bot para un taller de móviles.\n\nNormas:\n- pantalla rota: pide una foto del daño primero\n"
            "- respuestas de 50 palabras como máximo",
            "pantalla rota: pide una foto del daño primero",
            "pide una foto del daño primero",
        ),
    ],
)
def test_a_case_head_stays_the_condition_of_its_rules(task: str, head: str, unconditioned: str) -> None:
    rules = _rules(task)
    assert any(head in rule for rule in rules), rules
    assert not any(rule.lower().startswith(unconditioned.lower()) for rule in rules), rules


@pytest.mark.parametrize(
    "task",
    [
        "Chat for a gym.\n\n- tone: warm and upbeat, never pushy\n- max 3 sentences",
        "Turn visit notes into JSON.\n\n- notes: plain English, no abbreviations\n- job_id: copy it exactly",
        'Support bot for a bakery.\n\nRules:\n- always sign off with "Crumb"\n- never quote prices',
        "Booking bot.\n\nVery important: NEVER give a door code unless check_booking found the booking.",
        "Clinic bot.\n\nOrder matters: always call find_patient before discussing any prescription.",
        "Write a prompt: explain tenancy deposits to a 10 year old, max 80 words.",
    ],
)
def test_a_setting_a_field_or_a_heading_is_no_case(task: str) -> None:
    assert not any(rule.startswith("For ") for rule in _rules(task))


@pytest.mark.parametrize(
    ("task", "route"),
    [
        (
            "Wellbeing chat for students.\n\n- max 60 words\n- deadline extensions: point them to "
            "uni.example.ac.uk/extensions, never decide whether they qualify",
            "uni.example.ac.uk/extensions",
        ),
        (
            "Chat for a library.\n\n- lost cards: send them to cards@library.example.org, don't reissue anything "
            "yourself\n- keep replies short",
            "cards@library.example.org",
        ),
        (
            "Chat for a dentist.\n\n- broken braces: tell them to call 01632 960 111 for a same-day slot\n"
            "- never diagnose",
            "01632 960 111",
        ),
    ],
)
def test_a_contact_in_a_case_line_is_that_cases_route(task: str, route: str) -> None:
    routes = [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback" and c.value == route]
    assert routes, _constraints(task)
    assert all(c.condition and c.condition.startswith("For ") for c in routes)
    guardrails = generate(Brief(task=task, target="claude")).prompt
    assert f"When you cannot help, point the user to {route}" not in guardrails
    assert f"When you cannot help, tell the user to email {route}" not in guardrails
    assert f"When you cannot help, tell the user to call {route}" not in guardrails


_LONG_ALLERGY = (
    "allergy_question - we are not a gluten free kitchen, the reply has to include this sentence word for word: "
    '"We bake with wheat, milk and eggs every day." and never call any bake safe for anyone'
)


@pytest.mark.parametrize(
    ("task", "case_rule"),
    [
        (
            "pie shop inbox. label each email and draft a reply\n\nlabels: order, allergy_question, complaint, spam\n\n"
            f"{_LONG_ALLERGY}\ncomplaint - no draft, just put REPLY: FLAG for Sam\nspam - REPLY: none",
            "When the label is complaint: no draft, just put REPLY: FLAG for Sam.",
        ),
        (
            "pie shop inbox. label each email and draft a reply\n\nlabels: order, allergy_question, complaint, spam\n\n"
            f"{_LONG_ALLERGY}\nspam - REPLY: none\ncomplaint - no draft, just put REPLY: FLAG for Sam",
            "When the label is spam: REPLY: none.",
        ),
        (
            "garden centre inbox, label each message: delivery, plants, refund_request, other\n\n"
            "delivery - we deliver within 10 miles on weekdays only and the reply always gives the next free slot "
            "from the calendar without guessing any dates at all\nrefund_request - no draft, just put REPLY: "
            "PASS TO OWNER",
            "When the label is refund_request: no draft, just put REPLY: PASS TO OWNER.",
        ),
    ],
)
def test_a_label_case_line_is_its_own_rule_after_a_long_line(task: str, case_rule: str) -> None:
    rules = _rules(task)
    assert case_rule in rules, rules
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert case_rule in prompt
    assert "anyone complaint" not in prompt
    assert "dates at all refund_request" not in prompt


# --- clause tails and lists pointed back to -------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Skip hire chat.\n\n- 12 yard skips can't go on the road at all (council rule), drive only\n- max 3 sentences",
        "Boat hire chat.\n\n- the big boats are not allowed past the bridge, lake only\n- keep it short",
        "Van hire chat.\n\n- Lutons can't be driven on a car licence from before 1997, weekdays only\n- be brief",
    ],
)
def test_a_trailing_only_after_a_statement_is_no_scope_rule(task: str) -> None:
    assert not any(rule.startswith("Only help with") for rule in _rules(task)), _rules(task)


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        ("Homework helper for kids.\n\nHelp with homework, maths only.", "Only help with maths."),
        ("Support bot. Topics: billing only.", "Only help with billing."),
        ("Assistant for our shop. Gardening questions only.", "Only answer Gardening questions."),
    ],
)
def test_a_scope_fragment_of_its_own_stays_a_scope_rule(task: str, scope: str) -> None:
    assert scope in _rules(task)


@pytest.mark.parametrize(
    ("task", "together"),
    [
        (
            "Skip hire bot.\n\n1. we can't take asbestos, tyres or paint tins. If they mention any of those say it "
            "can't go in a skip, don't price it\n2. max 3 sentences",
            "we can't take asbestos, tyres or paint tins. If they mention any of those",
        ),
        (
            "Courier chat.\n\n- we don't carry lithium batteries, aerosols or liquids over 1 litre. If a parcel has "
            "one of these, tell them we can't take it\n- be brief",
            "we don't carry lithium batteries, aerosols or liquids over 1 litre. If a parcel has one of these",
        ),
        (
            "Pharmacy chat.\n\n- we never sell codeine, pseudoephedrine or sleeping pills online. Anyone asking for "
            "any of them must be sent to the counter\n- short replies",
            "we never sell codeine, pseudoephedrine or sleeping pills online. Anyone asking for any of them",
        ),
    ],
)
def test_a_sentence_that_points_back_stays_with_its_list(task: str, together: str) -> None:
    prompt = " ".join(generate(Brief(task=task, target="claude")).prompt.split())
    assert together.lower() in prompt.lower()


# --- tools -----------------------------------------------------------------------------------------------------

_TS_TOOLS = [
    (
        "Bike repair shop chat. The developer gave us these:\n\n```ts\nfindBike(serial: string): { model: string } | "
        'null\nquote(parts: string[], jobs: ("tune" | "brakes" | "gears")[]): { id: string; total: number }\n'
        "book(quoteId: string, day: string): { ref: string }\n```\n\nRules:\n- always findBike first\n"
        "- quote before book",
        "quote",
        "jobs",
        ["tune", "brakes", "gears"],
    ),
    (
        "Peluquería online. Funciones:\n\nbuscarCliente(telefono: string): { id: string } | null\n"
        'presupuestar(clienteId: string, servicios: ("corte" | "tinte" | "peinado")[]): { total: number }\n'
        "reservarHora(clienteId: string, hora: string): { codigo: string }\n\nNormas: buscarCliente primero.",
        "presupuestar",
        "servicios",
        ["corte", "tinte", "peinado"],
    ),
    (
        "Car wash booking bot. Tools (TypeScript):\n\n"
        "function getSlots(day: string): Slot[];\n"
        'function addExtras(bookingRef: string, extras: ("wax" | "polish" | "interior")[]): void;\n'
        "function confirmBooking(bookingRef: string): { ok: boolean };\n\nAlways getSlots first.",
        "addExtras",
        "extras",
        ["wax", "polish", "interior"],
    ),
]


@pytest.mark.parametrize(("task", "tool", "parameter", "values"), _TS_TOOLS)
def test_a_union_array_parameter_keeps_its_tool_and_values(
    task: str, tool: str, parameter: str, values: list[str]
) -> None:
    found = extract_constraints(Brief(task=task))
    tools = {c.name: c for c in found if c.kind == "tool"}
    assert tool in tools, [c.text for c in found]
    assert parameter in tools[tool].parameters
    sets = [c for c in found if c.kind == "labels" and c.name == tool and c.scope == parameter]
    assert sets
    assert sets[0].values == values
    assert sets[0].multi
    assert "one or more of" in tools[tool].text
    assert not [c for c in found if c.kind == "format" and c.value == "sections"]


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (_TS_TOOLS[0][0], "quote"),
        (
            "Shop bot. Functions:\n\n```ts\nfindOrder(ref: string): { id: string }\n"
            "refund(orderId: string, reason: string): { ok: boolean }\n```\n\nfindOrder first.",
            "refund",
        ),
        (
            "Salon bot. Functions:\n\n```ts\nfindClient(phone: string): { id: string }\n"
            "book(clientId: string, slot: string): { ref: string }\n```\n\nAlways findClient first.",
            "book",
        ),
    ],
)
def test_a_plain_named_tools_declaration_is_no_rule(task: str, name: str) -> None:
    found = extract_constraints(Brief(task=task))
    assert name in {c.name for c in found if c.kind == "tool"}
    assert not [c for c in found if c.kind == "requirement" and c.text.lower().startswith(f"{name}(")]


@pytest.mark.parametrize(
    "text",
    [
        "checkStock antes de getQuote, y getQuote antes de reservarCita",
        "check_stock before get_quote, and get_quote before book_slot",
        "checkStock vor getQuote und getQuote vor bookSlot",
    ],
)
def test_a_chain_of_tool_orders_names_each_step_once(text: str) -> None:
    orders = find_tool_orders(text)
    assert len(orders) == 2
    assert " or " not in orders[0].text
    assert orders[0].then == orders[1].first  # "call getQuote": the middle step, once


_YAML_TOOLS = [
    (
        "Portage de repas. Les outils (format YAML fourni par notre prestataire) :\n\ntools:\n"
        "  - name: trouver_client\n    params: {nom: string, code_postal: string}\n"
        '  - name: changer_livraison\n    params: {client_id: string, action: "suspendre|reprendre"}\n\n'
        "Règles :\n- toujours trouver_client d'abord\n- 3 phrases maximum",
        {"trouver_client": ["nom", "code_postal"], "changer_livraison": ["client_id", "action"]},
    ),
    (
        "Dog walking bot. Our developer defined these tools:\n\ntools:\n  - name: find_client\n    parameters:\n"
        "      phone: string\n      postcode: string\n  - name: book_walk\n    description: books a walk slot\n"
        '    parameters:\n      client_id: string\n      length: "30min|60min"\n\nAlways find_client first.',
        {"find_client": ["phone", "postcode"], "book_walk": ["client_id", "length"]},
    ),
    (
        "Tool list (YAML):\n\n- name: lookup_member\n  args:\n    - email\n- name: reserve_court\n  args:\n"
        "    - member_id\n    - court\n    - time\n\nlookup_member before reserve_court. Short replies.",
        {"lookup_member": ["email"], "reserve_court": ["member_id", "court", "time"]},
    ),
]


@pytest.mark.parametrize(("task", "expected"), _YAML_TOOLS)
def test_a_yaml_tool_list_with_parameter_maps_is_tools(task: str, expected: dict[str, list[str]]) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert {c.name: c.parameters for c in result.constraints if c.kind == "tool"} == expected
    assert not [c for c in result.constraints if c.kind == "schema"]
    assert "YAML document" not in result.prompt
    assert "JSON object" not in result.prompt


# --- the users' troubles are no bans ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i get like 60 emails a day and cant keep up",
        "we get loads of calls on Mondays and can't answer them all",
        "Students can vent about revision stress, not sleeping, panicking about a deadline etc.",
        "People message us about lost parcels, not getting refunds, late drivers",
    ],
)
def test_a_described_trouble_is_no_prohibition(text: str) -> None:
    assert find_prohibitions(text) == []


@pytest.mark.parametrize(
    ("text", "ban"),
    [
        ("we need the bot to be polite and never swear", "Never swear."),
        ("Be warm, not pushy", "Do not be pushy."),
        ("don't use emoji", "Do not use emoji."),
    ],
)
def test_a_ban_beside_a_description_stays(text: str, ban: str) -> None:
    assert ban in [rule.text for rule in find_prohibitions(text)]

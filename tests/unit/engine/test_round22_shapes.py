"""Round 22's shapes: a list item whose condition governs its later sentences, TypeScript tool signatures whose
return types are no reply schema, a per-item character cap, a numbered list asked for by a spec line, a slash-
separated label set followed by an instruction, and a verbless request for a prompt."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.clauses import split_clauses
from app.engine.generate import generate, read_constraints

_GAS = (
    'Writing the system prompt for "Nora", the web chat assistant for Northvale Gas Networks. Nora helps people '
    "report supply problems.\n\n"
    "Tools (TypeScript signatures from our backend):\n```ts\n"
    "reportSupplyIssue(postcode: string, description: string, meterSerial?: string): Promise<{ ticketRef: string }>\n"
    'getTicketStatus(ticketRef: string): Promise<{ status: "open" | "engineer_assigned" | "resolved"; eta?: string }>\n'
    "```\n\n"
    "Non-negotiables:\n"
    "1. If the person mentions smelling gas or hearing a hiss: STOP. Don't call any tool, don't ask for their "
    "postcode. Tell them to get out and to call the National Gas Emergency number 0800 111 999 from outside.\n"
    "2. Never promise a time the engineer will arrive unless getTicketStatus returned an eta.\n\n"
    "Style: under 60 words per message, no bullet points."
)


def test_an_items_condition_governs_its_later_sentences() -> None:
    constraints = read_constraints(Brief(task=_GAS))
    bans = [c.text for c in constraints if c.kind == "prohibition"]
    assert "Do not call any tool." not in bans
    assert any(ban.startswith("If the person mentions smelling gas") and "call any tool" in ban for ban in bans)
    (route,) = [c for c in constraints if c.kind == "fallback"]
    assert route.value == "0800 111 999"
    assert route.condition is not None
    assert "smelling gas" in route.condition


def test_an_emergency_line_is_not_the_escalation_route() -> None:
    prompt = generate(Brief(task=_GAS, target="claude")).prompt
    assert "To escalate, tell them to call 0800 111 999" not in prompt
    assert "When you cannot help, tell the user to call 0800 111 999" not in prompt


def test_typescript_return_types_are_what_tools_return_not_the_reply() -> None:
    result = generate(Brief(task=_GAS, target="claude"))
    tools = {c.name: c for c in result.constraints if c.kind == "tool"}
    assert set(tools) == {"reportSupplyIssue", "getTicketStatus"}
    assert tools["reportSupplyIssue"].parameters == ["postcode", "description", "meterSerial"]
    assert "returns `{ ticketRef: string }`" in result.prompt
    assert not [c for c in result.constraints if c.kind in ("schema", "labels")]
    assert "```ts" not in result.prompt


def test_a_code_fence_is_cut_per_line_not_at_its_semicolons() -> None:
    texts = [c.text for c in split_clauses(_GAS)]
    assert any(text.startswith("getTicketStatus(") and text.endswith("}>") for text in texts)
    assert "```" not in texts


def test_a_tiny_character_cap_beside_a_count_is_each_items() -> None:
    task = (
        "help me name racehorses. you come up with exactly 10 name ideas. jockey club rules: max 18 characters "
        "incl spaces. numbered list 1-10, no explanations"
    )
    result = generate(Brief(task=task, target="claude"))
    output = result.prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert "Keep each name idea to at most 18 characters." in output
    assert "Keep the reply to at most 18 characters" not in result.prompt
    assert "Reply with a numbered list." in output
    assert "use a numbered list for steps" not in output


def test_a_slash_label_set_ends_where_the_next_instruction_starts() -> None:
    prompt = generate(
        Brief(task="prompt to sort our gym app emails into billing/tech/cancel/other, output just the label")
    ).prompt
    assert "billing, tech, cancel, other" in prompt
    assert "other, output" not in prompt
    assert "Prompt to sort" not in prompt

"""TypeScript tools that take one options object: its keys are the parameters, and it is never the reply's schema."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_TASK = (
    "Support assistant for a bike-share scheme. The app gives you these functions:\n\n"
    "```ts\n"
    "function findRider(args: { phone: string; email?: string }): { riderId: string; plan: string };\n"
    "function endRide(args: { rideId: string }): { charged: number };\n"
    "function escalateToStaff(args: { riderId?: string; summary: string }): void;\n"
    "```\n\n"
    "How it has to work:\n"
    "1. findRider before any other function.\n"
    "2. A bike stuck in a dock for more than 10 minutes, call escalateToStaff.\n\n"
    "Max 60 words per reply, no markdown."
)


def test_the_keys_of_an_options_object_are_the_tools_parameters() -> None:
    tools = {c.name: c.parameters for c in generate(Brief(task=_TASK)).constraints if c.kind == "tool"}
    assert tools["findRider"] == ["phone", "email"]
    assert tools["endRide"] == ["rideId"]


def test_an_argument_object_is_no_reply_schema() -> None:
    result = generate(Brief(task=_TASK))
    assert not [c for c in result.constraints if c.kind == "schema"]
    assert "A single JSON object" not in result.prompt


def test_a_rule_that_opens_with_a_tools_name_is_a_rule_not_context() -> None:
    prompt = generate(Brief(task=_TASK)).prompt
    instructions = prompt[prompt.index("# Instructions") :]
    assert "findRider before any other function" in instructions
    assert "call escalateToStaff" in instructions
    assert "From the brief: findRider" not in prompt

"""A pasted OpenAPI document (YAML with an `openapi:` version line and `operationId`s) is code: the tools section
states what it defines, and neither the lead-in sentence nor the document's first line becomes a rule."""

from __future__ import annotations

from tests.unit.engine.reading import claude_prompt

BRIEF = (
    "We run a bike-hire shop in Bruges. Guests should be able to book bikes in the web chat. Our agency described "
    "the API like this (excerpt from openapi.yaml):\n\n"
    "openapi: 3.0.1\npaths:\n  /guests/search:\n    get:\n      operationId: findGuest\n"
    "      parameters: [{name: phone, in: query, required: true}]\n  /bikes/free:\n    get:\n"
    "      operationId: freeBikes\n      parameters: [{name: date, in: query}]\n  /bookings:\n    post:\n"
    "      operationId: createBooking\n      requestBody: {guestId, bikeId, date}\n\n"
    "Always call findGuest first. freeBikes before createBooking. Replies of at most 3 sentences."
)


def test_the_openapi_document_is_no_rule() -> None:
    prompt = claude_prompt(BRIEF)
    assert "openapi: 3.0.1" not in prompt
    assert "described the API like this" not in prompt
    assert "findGuest" in prompt
    assert "createBooking" in prompt

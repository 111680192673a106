"""Review 60 fixes (helper fix61): the variants of the pinned findings, and the cases the fixes must leave alone."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.clauses import fixed_reply
from app.engine.generate import read_constraints
from tests.unit.engine.reading import claude_prompt


def test_german_bare_antworte_ends_at_its_sentence() -> None:
    # "Termine kannst du …" speaks to the assistant: no part of the reply to the patient
    prompt = claude_prompt(
        "Du bist der Chat-Assistent der Praxis Dr. Weber. Bei medizinischen Fragen antworte: Das kann ich leider "
        "nicht beurteilen, bitte sprechen Sie mit der Praxis. Termine kannst du über das Buchungssystem vergeben. "
        "Sei immer höflich und duze die Patienten nicht."
    )
    for line in prompt.splitlines():
        assert not ("mit der Praxis" in line and "Termine" in line), line


def test_discount_code_reply_leaves_the_bulk_order_route_alone() -> None:
    prompt = claude_prompt(
        "You are the chat assistant for PixelPrint, an online photo printing shop. If a customer asks for a discount "
        "code, say: We don't have any codes right now, but sign up to our newsletter for offers. For bulk orders over "
        "500 prints, email sales@pixelprint.example. Shipping takes 3-5 working days."
    )
    for line in prompt.splitlines():
        assert not ("newsletter" in line and ("bulk" in line or "Shipping" in line)), line


def test_bare_say_goes_on_with_a_contact_for_the_customer() -> None:
    line = (
        "If they ask about a repair date, say: We can't promise dates in chat. Please call the workshop on 0161 4960."
    )
    assert fixed_reply(line) == "We can't promise dates in chat. Please call the workshop on 0161 4960."


def test_reply_only_keeps_every_sentence() -> None:
    line = "If they mention self-harm, reply only: That sounds really important. The team is here for you."
    assert fixed_reply(line) == "That sounds really important. The team is here for you."


def test_or_give_them_the_repairs_line_is_not_banned() -> None:
    task = "Support bot for Spokes Bikes. Never promise a repair date, or give them the repairs line on 0161 496 0000."
    bans = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert bans
    assert not any("repairs line" in text for text in bans)


def test_or_tell_them_to_move_up_stays_banned() -> None:
    task = "Physio helper. Never change an exercise, or tell someone to move up a stage."
    assert any(c.kind == "prohibition" and "move up a stage" in c.text for c in read_constraints(Brief(task=task)))


def test_openapi_excerpt_as_the_assistants_tools_stays_tools() -> None:
    prompt = claude_prompt(
        "You are the front-desk assistant of a clinic. Use these tools to find the patient and add a note.\n\n"
        "```yaml\n"
        "paths:\n"
        "  /customers:\n"
        "    get: {operationId: findCustomer, parameters: [postcode, surname]}\n"
        "  /customers/{id}/notes:\n"
        "    post: {operationId: addNote, body: [text, author]}\n"
        "```"
    )
    assert "findCustomer" in prompt
    assert "<tools>" in prompt


def test_category_definitions_stay_labels() -> None:
    task = (
        "Sort each staff ticket into one of these categories.\n"
        "PRINTERS - paper jams, toner, printing errors\n"
        "LAPTOPS - broken or slow laptops\n"
        "ACCOUNTS - passwords and logins\n"
        "Reply with the category only."
    )
    assert any(c.kind == "labels" for c in read_constraints(Brief(task=task)))

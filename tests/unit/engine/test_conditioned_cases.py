"""A case and what to do in it stay one rule: "If X, don't submit; tell them Y", "If X don't submit — tell them to
phone …", "Anything about dosing … — no advice at all"; the contact keeps its case, and bare advice ruled out on a
medical topic replaces the pack's softer advice line."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.safety.settled import settled_domains

_REFILLS = (
    "SMS assistant for Cobble Hill Pharmacy refills. Tools: lookup_rx(rx_number, dob), queue_refill(rx_number).\n"
    "Rules:\n"
    "1. Always call lookup_rx before queue_refill.\n"
    "2. If the drug is controlled (e.g. oxycodone, Adderall) don't queue anything — tell them controlled refills "
    "are phoned in at (718) 555-0199.\n"
    "3. If it's more than 5 days before the refill date, don't queue it; tell them the first date they can.\n"
    '4. Anything about dosing, side effects or mixing drugs — no advice at all. Say exactly: "A pharmacist will text '
    'you back within the hour."\n'
    "Replies under 300 characters."
)


def test_a_case_keeps_its_second_step() -> None:
    prompt = generate(Brief(task=_REFILLS, target="claude")).prompt
    assert "don't queue it; tell them the first date they can" in prompt
    assert "Avoid advice at all" not in prompt
    assert "— no advice at all" in prompt


def test_a_contact_after_a_dash_keeps_its_case() -> None:
    fallbacks = [c for c in extract_constraints(Brief(task=_REFILLS)) if c.kind == "fallback" and c.action == "phone"]
    assert fallbacks
    assert fallbacks[0].condition is not None
    assert "controlled" in fallbacks[0].condition
    prompt = generate(Brief(task=_REFILLS, target="claude")).prompt
    assert "When you cannot help, tell the user to call (718) 555-0199" not in prompt


def test_bare_advice_ruled_out_on_a_medical_topic_settles_the_advice_line() -> None:
    assert "medical" in settled_domains(["Anything about dosing or side effects — no advice at all."])
    assert "medical" not in settled_domains(["No advice on which bike to buy."])
    prompt = generate(Brief(task=_REFILLS, target="claude")).prompt
    assert "Give general health information only" not in prompt

"""Rules keep their subject and their reason: "Deferral periods (tattoos, … etc.) have to be quoted exactly" is not cut
at the aside's "etc.)"; "The decision is made at the screening, so it can say … and then remind them of that" stays
whole; the job of "I'd like a chat assistant on our page. It should answer … using only our guide" is the second
sentence; a brief whose cue overrides the main point ("= SYSTEM_FAULT even if its mostly about billing") drops the
default "Base the label on the input's main point"."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.clauses import split_clauses
from app.engine.generate import generate

_DONORS = (
    "We're Northvale Blood Service. I'd like a chat assistant on the \"Can I donate?\" page of our website. It should "
    "answer donor questions using only our Donor Eligibility Guide, which will be given to it with every "
    "conversation.\n\n"
    "Important things:\n"
    "- It must never tell someone they definitely CAN donate. The final decision is always made at the health "
    "screening on the day, so it can say what the guide says and then remind them of that.\n"
    "- Deferral periods (tattoos, travel, medications etc.) have to be quoted exactly as the guide words them.\n"
    "- Keep answers under 80 words, plain text."
)


def test_an_abbreviation_closing_an_aside_ends_no_clause() -> None:
    texts = [c.text for c in split_clauses("Deferral periods (tattoos, travel etc.) have to be quoted exactly.")]
    assert texts == ["Deferral periods (tattoos, travel etc.) have to be quoted exactly."]


def test_a_consequence_with_its_steps_stays_whole() -> None:
    prompt = generate(Brief(task=_DONORS, target="claude")).prompt
    assert "health screening on the day, so it can say what the guide says and then remind them of that" in prompt
    assert "Deferral periods (tattoos, travel, medications etc.) have to be quoted exactly" in prompt


def test_the_sentence_after_a_wish_states_the_job() -> None:
    role = generate(Brief(task=_DONORS, target="claude")).prompt.split("</role>", 1)[0]
    assert "Answer donor questions using only the Donor Eligibility Guide" in role
    assert "Help the user with this request" not in role


def test_a_cue_that_overrides_the_main_point_drops_the_main_point_default() -> None:
    task = (
        "classify inbound msgs for a solar installer. one label per msg from: QUOTE_REQUEST, SYSTEM_FAULT, BILLING, "
        "OTHER. output ONLY the label. anything mentioning sparks, smoke or a burning smell = SYSTEM_FAULT even if its "
        "mostly about billing."
    )
    assert "main point, not on isolated keywords" not in generate(Brief(task=task, target="claude")).prompt

"""The safety packs' emergency step fits the brief: the emergency service the brief names wins over its non-emergency
line, a brief that scripts who a child tells about feeling ill replaces the "call emergency" step, and the children's
pack allows the links the brief gives."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_PREP = (
    "Answer patients' questions about their bowel prep from the leaflet. If they have severe tummy pain or feel "
    "faint, tell them to call 111, or 999 if they feel very unwell. Max 80 words."
)
_SCAN = (
    "Scan Buddy runs on a tablet in the radiology waiting room at a children's hospital. Kids ask what an MRI scan is "
    'like. Max 3 short sentences. If a child says they feel sick or are in pain, reply: "Please tell the grown-up '
    'with you or a nurse right now."'
)
_CLUB = (
    "Helper bot for a junior astronomy club for children aged 8 to 13. Kids ask about planets and stars. "
    "The only link you may give is example.org/kids."
)


def test_the_emergency_service_wins_over_a_non_emergency_line() -> None:
    prompt = generate(Brief(task=_PREP)).prompt
    assert "tell them first to call 999 now" in prompt
    assert "tell them first to call 111" not in prompt


def test_a_scripted_grown_up_step_replaces_the_call_emergency_step() -> None:
    prompt = generate(Brief(task=_SCAN, audience="children aged 6 to 12")).prompt
    assert "Please tell the grown-up with you or a nurse right now." in prompt
    assert "local emergency number" not in prompt


def test_the_childrens_pack_allows_the_briefs_own_link() -> None:
    prompt = generate(Brief(task=_CLUB)).prompt
    assert "example.org/kids" in prompt
    assert "no links to outside sites." not in prompt

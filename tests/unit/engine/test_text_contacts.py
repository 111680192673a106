"""Contacts a written text must include are its content, not routes for the requester; quoted example notes do not
make a letter writer person-facing."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_LETTER = (
    "I'm a registrar on Ward 7. I want an assistant that turns my discharge shorthand into a letter the patient takes "
    'home. I paste notes like:\n\n"72M, CAP R lower lobe, IV co-amox 3/7. Smoking cessation advice given. GP f/u '
    '1/52."\n\nand it writes the letter to the patient.\n\n'
    "- Use exactly these four headings, in this order: Why you were in hospital / Your medicines / What happens next / "
    "When to get help\n"
    '- Under "When to get help" always include: call 999 if you have chest pain or struggle to breathe; call NHS 111 '
    "or your GP if the fever comes back or you feel worse.\n"
    "- Never add a diagnosis, dose, test or piece of advice that isn't there."
)


def test_contacts_the_letter_must_include_stay_in_their_rule() -> None:
    result = generate(Brief(task=_LETTER, target="claude"))
    assert 'Under "When to get help" always include: call 999 if you have chest pain' in result.prompt
    assert result.spec.guardrails is not None
    assert not any("999" in line for line in result.prompt.split("<guardrails>")[1].splitlines())


def test_a_letter_writer_gets_no_chat_safety_pack() -> None:
    prompt = generate(Brief(task=_LETTER, target="claude")).prompt
    assert "Give general health information only" not in prompt
    assert "If the person describes signs of an emergency" not in prompt


def test_a_chat_assistant_keeps_its_contact_routes() -> None:
    prompt = generate(
        Brief(
            task="Answer questions about our clinic's opening hours. If it's urgent, tell them to call 0161 555 0100.",
            target="claude",
        )
    ).prompt
    assert "0161 555 0100" in prompt.split("<guardrails>")[1]

"""An assistant that drafts replies to incoming emails answers those emails (no meeting follow-up rules), in any
language; an address to put in copy of a reply is no contact to send people to."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.archetypes import BY_ID
from app.engine.constraints import extract_constraints

_REPLY_BRIEFS = [
    ("en", "Draft replies to customer emails about late deliveries for Northgate Freight. Max 120 words, sign as Ops."),
    ("nl", "Ik wil een assistent die conceptantwoorden schrijft op e-mails van huurders over reparaties. Altijd 'u'."),
    ("de", "Bitte Antworten auf E-Mails von Kunden zu Rechnungen entwerfen, höflich und kurz, Sie-Form."),
    ("es", "Necesito borradores de respuesta a los correos de clientes sobre devoluciones. Máximo 100 palabras."),
]


@pytest.mark.parametrize(("lang", "task"), _REPLY_BRIEFS, ids=[lang for lang, _ in _REPLY_BRIEFS])
def test_the_email_job_narrows_to_reply_drafting(lang: str, task: str) -> None:
    assert BY_ID["meeting_email_assistant"].for_task(task).noun == "reply writer", lang


@pytest.mark.parametrize(("lang", "task"), _REPLY_BRIEFS[1:3], ids=["nl", "de"])
def test_reply_drafting_answers_the_incoming_email(lang: str, task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    prompt = result.prompt
    assert result.archetypes[0].id == "meeting_email_assistant", lang
    assert "Answer every question and request in the incoming email" in prompt
    assert "Capture every decision, owner and due date" not in prompt
    assert '"owner: unassigned"' not in prompt


def test_meeting_minutes_keep_the_follow_up_rules() -> None:
    task = "Turn our meeting minutes into action items and draft replies to the emails they mention."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Capture every decision, owner and due date" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Draft replies to complaints. For a damaged pallet, put quality@northgate.example in cc.",
        "Schrijf antwoorden op klachten en zet kwaliteit@northgate.example in cc.",
        "Draft replies to complaints; cc: quality@northgate.example on any damage claim.",
    ],
)
def test_an_address_in_copy_is_no_fallback(task: str) -> None:
    constraints = extract_constraints(Brief(task=task))
    assert not [c for c in constraints if c.kind == "fallback"]
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "northgate.example" in prompt
    assert "When you cannot help, tell the user to email" not in prompt


def test_an_address_to_write_to_is_still_a_fallback() -> None:
    constraints = extract_constraints(Brief(task="Answer tenants; if unsure, tell them to email lettings@oak.example."))
    assert [c.value for c in constraints if c.kind == "fallback"] == ["lettings@oak.example"]

"""A line the brief gives for one department is no escalation route; a reply quoted after a colon ends its sentence."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.fallbacks import find_fallbacks
from app.engine.generate import generate

_WHATSAPP = (
    "bot de atendimento da FibraSul (internet fibra) no whatsapp. respostas curtas, no max 3 frases. pode usar "
    "consultar_fatura(cpf). se o cliente falar em cancelar ou em procon nao argumenta, responde so: "
    '"Vou te transferir para um atendente agora." suporte tecnico por telefone 0800 512 3030'
)


def test_a_department_line_is_no_route_for_legal_questions_or_refunds() -> None:
    prompt = generate(Brief(task=_WHATSAPP, target="claude")).prompt
    escalation = next(line for line in prompt.splitlines() if line.lstrip("0123456789. ").startswith("Escalate"))
    assert "0800 512 3030" not in escalation


def test_a_general_contact_stays_the_escalation_route() -> None:
    prompt = generate(
        Brief(task="Support bot for our bike shop. If you can't help, tell them to email help@spokes.example.")
    ).prompt
    assert "To escalate, tell them to email help@spokes.example." in prompt


def test_an_exact_reply_after_responde_so_is_a_reply_to_say() -> None:
    found = find_fallbacks('se o cliente falar em cancelar, responde so: "Vou te transferir para um atendente agora."')
    assert [(f.action, f.value) for f in found] == [("say", "Vou te transferir para um atendente agora.")]


def test_a_lowercase_sentence_after_a_quoted_reply_is_its_own_rule() -> None:
    prompt = generate(Brief(task=_WHATSAPP, target="claude")).prompt
    assert 'responde so: "Vou te transferir para um atendente agora."\n' in prompt


def test_and_after_a_quoted_reply_carries_the_sentence_on() -> None:
    prompt = generate(
        Brief(
            task="Answer lease questions from the lease text. If the lease doesn't cover it, reply: "
            '"Your lease doesn\'t say." and point them to https://tenantline.example.org/help.',
            target="claude",
        )
    ).prompt
    assert "And point them" not in prompt

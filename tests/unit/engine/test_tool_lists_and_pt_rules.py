"""A pasted tool list reaches the tools section with what each tool returns and is not pasted again as rules;
"no máximo" is no prohibition; a foreign prohibition narrowed by a relative clause keeps its words (round 17's
review, r17-18, on new wording)."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.constraints.tools import find_tools

_TASK = (
    "Somos a cobrança da Loja Pitanga. "
    "Queremos um agente no WhatsApp que ajude clientes a negociar boletos atrasados.\n"
    "Ferramentas:\n"
    "- buscar_boletos(cpf) → boletos em aberto e dias de atraso\n"
    "- simular_parcelas(cpf, vezes) → valor de cada parcela\n"
    "- falar_com_humano(motivo)\n"
    "Regras:\n"
    "1. Confirme o CPF antes de chamar buscar_boletos.\n"
    "2. No máximo 6 parcelas. Nunca ofereça desconto que o simular_parcelas não mostrou.\n"
    "3. Responda em português, até 3 frases."
)


def test_an_arrow_after_a_signature_says_what_the_tool_returns() -> None:
    [tool] = find_tools("- buscar_boletos(cpf) → boletos em aberto e dias de atraso")
    assert tool.purpose == "returns boletos em aberto e dias de atraso"
    [english] = find_tools("get_invoice(invoice_id) -> amount, due date, status")
    assert english.purpose == "returns amount, due date, status"


def test_the_tool_list_is_not_pasted_again_as_rules() -> None:
    prompt = generate(Brief(task=_TASK, target="claude")).prompt
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    assert "buscar_boletos(cpf) →" not in instructions
    assert "Ferramentas" not in instructions
    assert "Regras:" not in instructions
    assert "Use the `buscar_boletos(cpf)` tool: returns boletos em aberto e dias de atraso." in prompt
    assert "1. Confirme o CPF antes de chamar buscar_boletos." not in instructions  # numbering is the list's own
    assert "Confirme o CPF antes de chamar buscar_boletos" in instructions


def test_no_maximo_is_at_most_not_a_prohibition() -> None:
    assert find_prohibitions("No máximo 6 parcelas.") == []
    assert find_prohibitions("No mínimo 2 dias de antecedência.") == []
    assert [p.text for p in find_prohibitions("No emojis.")] == ["Avoid emojis."]


def test_a_narrowed_foreign_prohibition_keeps_its_words() -> None:
    [found] = find_prohibitions("Nunca ofereça desconto que o simular_parcelas não mostrou.")
    assert "que o simular_parcelas não mostrou" in found.text
    [plain] = find_prohibitions("Nunca ofereça desconto.")
    assert plain.text == "Never offer discounts."
    prompt = generate(Brief(task=_TASK, target="claude")).prompt
    assert "Never offer discounts." not in prompt


def test_an_arrow_before_an_action_says_what_the_tool_does() -> None:
    [tool] = find_tools("page_night_manager(reason) -> wakes up the night manager")
    assert tool.purpose == "wakes up the night manager"

"""Round 31 (judged at 7205987): a JSON list whose empty case is "[]", a bare SQL query asked for in Chinese, year
ranges, fixed closing lines and labelled layout lines read as reply limits, a law named after a person read as the
business, an optician's name, and the debris of a pasted JSON array."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.generate import generate, read_constraints


def _limits(task: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


@pytest.mark.parametrize(
    "task",
    [
        'Pull every load out of the broker email. Output a JSON array: [{"load_number": "", "rate_usd": 0}]. If '
        "there are no loads in the email at all, output [].",
        'Extrai as vagas de cada mensagem. Devolve sempre uma lista JSON: [{"cargo": "", "cidade": ""}]. Se não tiver '
        "vaga nenhuma devolve [].",
    ],
)
def test_an_empty_list_replaces_the_all_null_object(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "A JSON array" in prompt
    assert "every field set to null" not in prompt
    assert "Return only the JSON object" not in prompt


def test_a_bare_query_in_chinese_is_code_only() -> None:
    task = (
        "帮我们的运营查数据。表：orders(id, amount_cents, created_at)。"
        "只输出一条 MySQL 8 查询，不要解释，不要用```包起来。"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "then an explanation" not in prompt
    assert "Reply with the code only." in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Tutor for the ham radio exam (35 questions, 26 to pass, 2022-2026 question pool).",
        "Rewrite the discharge sheet in plain words.\n- always end with these two lines exactly:\nQuestions?\nCall us.",
        "After END, give feedback:\nSetting: 0-2 - one sentence\nPerception: 0-2 - one sentence\nKnowledge: 0-2",
    ],
)
def test_no_reply_limit_is_read_from_a_range_of_years_fixed_lines_or_a_layout(task: str) -> None:
    assert _limits(task) == []


def test_a_summary_line_still_limits_the_summary() -> None:
    assert _limits("Write a reply to the customer.\nSummary: max 50 words.") == [
        "Keep the summary to at most 50 words."
    ]


def test_a_law_named_after_a_person_is_no_business() -> None:
    assert extract_entities("Quiz them; show the math for Ohm's law as plain text.").organization is None


def test_an_optician_is_a_business() -> None:
    task = "Necesito el prompt para el asistente de citas de Óptica Miravalle (3 tiendas en Zaragoza)."
    assert extract_entities(task).organization == "Óptica Miravalle"


def test_the_rest_of_a_pasted_json_array_is_no_rule() -> None:
    task = (
        "Asistente de citas.\nHerramientas:\n[\n"
        '  {"name": "buscar_cliente", "params": {"telefono": "string"}},\n'
        '  {"name": "reservar_cita", "params": {"cliente_id": "string"}}\n]\n'
        "Reglas:\n- siempre buscar_cliente antes de reservar_cita."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert ", ]" not in prompt
    assert ", , " not in prompt


@pytest.mark.parametrize(
    "rule",
    [
        "RIESGO_URGENTE gana siempre, aunque sea una frase suelta o parezca una broma.",
        "URGENT wins over every other label, even if it sounds like a joke.",
    ],
)
def test_a_label_given_even_on_a_joke_drops_the_main_point_default(rule: str) -> None:
    """r31-13: "Base the label on the input's main point, not on isolated keywords" and "the label … that fits the main
    point best" would talk the model out of the brief's own rule on exactly the posts it is about."""
    task = f"Classify each anonymous message as one of: URGENT, RIESGO_URGENTE, NORMAL, OTHER. {rule}"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "isolated keywords" not in prompt
    assert "fits the main point best" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "On voudrait un assistant qui réponde aux questions des aidants familiaux (surtout des enfants de personnes "
        "âgées) à partir de notre guide.",
        "Answer questions from family carers, mostly adult children of elderly parents, using our carers' guide.",
    ],
)
def test_grown_children_of_the_elderly_bring_no_child_pack(task: str) -> None:
    """r31-15: carers who are the children of elderly people are adults; the child-safety pack ("The readers are
    children") does not fit them."""
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "trusted adult" not in prompt
    assert "The readers are children" not in prompt


def test_a_childrens_service_keeps_the_child_pack() -> None:
    prompt = generate(Brief(task="Homework helper for children aged 8 to 10.", target="claude")).prompt
    assert "trusted adult" in prompt

"""Ordering rules the reader missed: parts "in this order" in other languages, a step named by a noun ("code first,
then …"), a step held back by an opening "after" clause, "…; only then …", a first step and the next in other
languages, tool chains closed by "finally"/"最后"/"の後でしか", camelCase tools as steps,
quoted words kept in a step, and "in this order" as a cue the fidelity check reads."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.fidelity import check_fidelity
from app.engine.generate import generate, read_constraints

_TOOLS = "Tools: find_slot(date), check_price(slot), book_slot(slot), checkStock(sku), reserveItem(sku)."


def _orderings(task: str) -> list[tuple[str, str, str]]:
    """(text, first, then) of every ordering the engine reads from a brief with only its task."""
    return [(c.text, c.first or "", c.then or "") for c in read_constraints(Brief(task=task)) if c.kind == "ordering"]


def _found(task: str, first: str, then: str) -> tuple[str, str, str]:
    """The ordering whose steps hold `first` and `then` (case-insensitive); fails when none does."""
    for text, got_first, got_then in _orderings(task):
        if first.lower() in got_first.lower() and then.lower() in got_then.lower():
            return text, got_first, got_then
    pytest.fail(f"no ordering {first!r} -> {then!r} in {_orderings(task)}")


CASES = [
    # parts "in this order", in other languages
    (
        "Resuma as notas numa mensagem curta, sempre nesta ordem: Clima, Pragas, Preços. Nada de emoji.",
        "Clima",
        "Pragas",
    ),
    ("Resume las notas en este orden: Clima, Plagas, Precios.", "Clima", "Plagas"),
    ("Fasse die Notizen zusammen, in dieser Reihenfolge: Wetter, Schädlinge, Preise.", "Wetter", "Schädlinge"),
    ("Résume les notes dans cet ordre : Météo, Ravageurs, Prix.", "Météo", "Ravageurs"),
    ("请总结农技笔记，按以下顺序：天气、虫害、价格。", "天气", "虫害"),
    # a part named by one noun, then the next
    ("Python helper. code first, then max 3 sentences of explanation.", "code", "explanation"),
    ("Answer questions about our API. summary first, then the details in bullets.", "summary", "details"),
    ("SQL helper for analysts. query first, then two lines on what it does.", "query", "two lines"),
    # a step held back by an opening "after" clause
    ("Collect the order details. After they confirm, output only the JSON object.", "they confirm", "output"),
    ("Nachdem der Kunde bestätigt hat, rufe create_order auf.", "Kunde bestätigt", "create_order"),
    ("Après avoir vérifié le stock, confirmez la réservation au client.", "vérifié le stock", "confirmez"),
    ("Después de que el cliente confirme, envía el resumen del pedido.", "cliente confirme", "envía el resumen"),
    # "…; only then …"
    ("Confirm the customer's ID and date of birth; only then call get_debt.", "date of birth", "get_debt"),
    ("Confirme o CPF e a data de nascimento do cliente; só depois chame consultar_divida.", "CPF", "consultar_divida"),
    ("Verifica la identidad del cliente; solo después llama a consultar_deuda.", "identidad", "consultar_deuda"),
    ("Prüfe zuerst die Kundennummer, und erst dann rufe get_konto auf.", "Kundennummer", "get_konto"),
    # a first step and the next, in other languages (and the English gate "and only after")
    ("Primero clasifica la consulta, después responde con la guía.", "clasifica", "responde"),
    ("D'abord vérifiez la commande, puis répondez au client.", "vérifiez la commande", "répondez"),
    ("Primeiro dê uma dica, depois mostre a conta passo a passo.", "dica", "mostre a conta"),
    (
        "First it should ask them 5 questions about the couple one at a time, and only after all 5 answers write the "
        "draft.",
        "questions",
        "draft",
    ),
    # tool chains closed by "finally", "最后", "の後でしか"
    (f"{_TOOLS} Call find_slot, then check_price, and finally book_slot.", "check_price", "book_slot"),
    (f"{_TOOLS} 顺序：先 find_slot，再 check_price，最后 book_slot。不要跳步", "check_price", "book_slot"),
    (f"{_TOOLS} check_price の後でしか book_slot しない。", "check_price", "book_slot"),
    (f"{_TOOLS} Llama a find_slot, luego a check_price y por último a book_slot.", "check_price", "book_slot"),
    # a camelCase tool as the first step
    (f"{_TOOLS} checkStock before quoting anything.", "checkStock", "quoting"),
    (f"{_TOOLS} reserveItem before promising a pickup date.", "reserveItem", "promising"),
    (f"{_TOOLS} checkStock before giving any delivery estimate.", "checkStock", "delivery estimate"),
]


@pytest.mark.parametrize(("task", "first", "then"), CASES)
def test_ordering_is_read(task: str, first: str, then: str) -> None:
    text, _, _ = _found(task, first, then)
    prompt = generate(Brief(task=task)).prompt
    # the rule reaches the prompt: its sentence, or its steps in one of the prompt's lines
    assert text in prompt or any(first in line and then in line for line in prompt.splitlines())


@pytest.mark.parametrize(
    ("task", "quoted"),
    [
        ("Output the edited newsletter first, then a short 'What I changed' list.", "What I changed"),
        ('Give the fixed code first, then a "Why it broke" note.', "Why it broke"),
        ("Show the translation first, then a 'Notes' line with any doubts.", "Notes"),
    ],
)
def test_a_step_keeps_its_quoted_words(task: str, quoted: str) -> None:
    _found(task, "", quoted)


_PARTS = (
    "TITLE: max 140 characters, has to include the scent\nTAGS: exactly 13 tags, comma separated\n"
    "DESCRIPTION: two short paragraphs, 120 words max total. cosy, not cheesy\nCARE: always exactly this line: Trim "
    "the wick before each burn."
)


@pytest.mark.parametrize(
    "lead",
    [
        "what I need back, exactly these four parts in this order, with the headers in caps:",
        "what you send me, these four parts in this order, with the headers in capitals:",
        "what I want back, the four parts in that order, each under its header:",
    ],
)
def test_parts_in_this_order_are_carried(lead: str) -> None:
    task = f"I run a tiny candle shop. I want to paste my notes and get the listing back.\n\n{lead}\n\n{_PARTS}"
    constraints = read_constraints(Brief(task=task))
    prompt = generate(Brief(task=task)).prompt
    assert any(c.kind == "ordering" for c in constraints)
    findings = [f for f in check_fidelity(constraints, prompt) if "ordering" in f.message]
    assert not findings


@pytest.mark.parametrize(
    "task",
    [
        "After the storm, the roads were closed for a week. Write a short safety notice for drivers.",
        "After 6pm, only answer urgent questions.",
        "After we moved to Leeds, I opened a small bakery. Help me write product descriptions.",
        "Nachdem wir umgezogen sind, habe ich den Laden eröffnet. Hilf mir bei Produkttexten.",
        "First I write the notes, then I send them to the team. Help me tidy the notes.",
        "Keep replies short so you can answer before the customer leaves.",
        "Send a reminder the day before each appointment.",
    ],
)
def test_no_ordering_from_a_story_a_time_or_a_purpose(task: str) -> None:
    assert _orderings(task) == []

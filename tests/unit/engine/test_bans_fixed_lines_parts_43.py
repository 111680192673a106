"""Bans read as the brief wrote them, fixed lines kept whole and on their case, and a part's rule kept on its part:
"never A, B or C" is one ban over a list of verb phrases, an acronym or a label is no negation, a number of hours is
no phone, a quoted CJK reply is one unit with its contact on its case, limits and "only" on one piece stay there,
and a tool chain's conditional last step keeps its condition."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import fallbacks, tool_orders
from app.engine.generate import read_constraints


def _texts(task: str, kind: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == kind]


def _limits(task: str) -> list[tuple[int | None, str | None]]:
    return [(c.maximum, c.scope) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


def test_never_over_a_list_of_verb_phrases_is_one_ban() -> None:
    task = (
        "A chat helper for a housing association's rent team. Never tell tenants whether they should sell their car, "
        "use an overdraft or borrow from a friend to pay. Keep replies under 80 words."
    )
    bans = _texts(task, "prohibition")
    assert any("use an overdraft or borrow from a friend" in ban and "instead" not in ban for ban in bans), bans


def test_a_route_after_the_ban_stays_what_to_do_instead() -> None:
    task = "A pet clinic chat bot. Never diagnose a pet, tell the owner to ring the clinic or book a visit."
    bans = _texts(task, "prohibition")
    assert not any("ring the clinic" in ban and "instead" not in ban for ban in bans), bans


def test_fronted_object_keeps_what_is_not_dealt_with() -> None:
    task = "Reply to emails for a garden centre. Ponds and fountains we dont deal with, say so politely."
    bans = _texts(task, "prohibition")
    assert any("deal with ponds and fountains" in ban for ban in bans), bans


def test_acronym_in_the_job_sentence_is_no_german_never() -> None:
    task = (
        "Somos una gestoría en Sevilla. Queremos un asistente que responda dudas sobre el NIE, el padrón y la "
        "tarjeta sanitaria. Nunca prometer plazos concretos. Máximo 80 palabras."
    )
    bans = _texts(task, "prohibition")
    assert not any("el padrón" in ban for ban in bans), bans
    assert any("plazos" in ban for ban in bans), bans


def test_label_contrast_is_no_ban() -> None:
    task = (
        "Moderación de comentarios de una tienda. Devuelve un JSON con la decisión (MANTENER, OCULTAR o BLOQUEAR).\n"
        "- bromas pesadas entre clientes: OCULTAR, no BLOQUEAR\n"
        "- nunca inventes datos del pedido"
    )
    bans = _texts(task, "prohibition")
    assert not any("BLOQUEAR" in ban for ban in bans), bans
    assert any("inventes" in ban for ban in bans), bans


def test_hours_after_a_number_are_no_phone() -> None:
    task = (
        "Asistente para una clínica veterinaria. Si el animal no respira, lo primero es: "
        '"Llama a nuestra línea de urgencias 24 horas: 955 310 422."'
    )
    phones = [c.value for c in read_constraints(Brief(task=task)) if c.kind == "fallback" and c.action == "phone"]
    assert "24" not in phones
    assert "955 310 422" in phones


def test_cjk_quoted_reply_is_one_unit_with_its_contact_on_its_case() -> None:
    text = "在庫が取れないときは「ただいま確認できません。03-1234-5678（10時から17時）へお電話ください。」と返す"
    found = fallbacks.find_fallbacks(text)
    says = [f for f in found if f.action == "say"]
    assert says, found
    assert says[0].value.endswith("お電話ください。"), found
    assert says[0].condition is not None
    assert "在庫が取れない" in says[0].condition
    phones = [f for f in found if f.action == "phone"]
    assert all(f.condition is not None for f in phones), found


def test_cjk_quoted_reply_stays_one_rule_in_the_prompt() -> None:
    task = (
        "美容院の予約アシスタントです。\n・予約は前日まで\n"
        "・システムが止まったときは「申し訳ありません。0120-111-222 までお電話ください。」と返す"
    )
    texts = [c.text for c in read_constraints(Brief(task=task))]
    assert not any(t.rstrip().endswith("申し訳ありません。") for t in texts), texts
    calls = [t for t in _texts(task, "fallback") if "0120-111-222" in t and "call" in t]
    assert calls, texts
    assert all("cannot help" not in t for t in calls), calls


def test_code_snippet_and_feedback_line_limits_stay_on_their_piece() -> None:
    assert (3, "each code snippet") in _limits("Review Go PRs.\n- max 6 findings\n- code snippets max 3 lines")
    scoped = _limits("Coach sales calls. After each call give feedback.\nEach feedback line max 15 words.")
    assert (15, "each feedback line") in scoped
    assert (15, None) not in scoped


def test_a_count_of_pieces_is_not_each_piece() -> None:
    assert not any(scope and scope.startswith("each suggestion") for _, scope in _limits("suggestions max 3"))


def test_line_one_label_is_that_line_only() -> None:
    task = (
        "sort messages for a bike shop and draft a reply. labels: REPAIR, SALE, OTHER. output: line 1 = the label "
        "only, line 2 blank, then the draft."
    )
    formats = [c for c in read_constraints(Brief(task=task)) if c.kind == "format"]
    assert not any(c.value == "label" for c in formats), formats


def test_conditional_last_tool_step_keeps_its_condition() -> None:
    found = tool_orders.find_tool_orders("Call lookup_table, then reserve_table only if the guest asks to book.")
    assert found
    assert "only if the guest asks to book" in found[0].text
    plain = tool_orders.find_tool_orders("Call lookup_table, then reserve_table.")
    assert plain
    assert plain[0].text == "Call lookup_table before reserve_table."

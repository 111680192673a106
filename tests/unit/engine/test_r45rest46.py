"""Round 45's remaining classes, read as general rules: a phone inside a reply fixed for a case is that case's contact
(also when the case is the ban in the sentence before: "… In that case always say: "…""); a per-sentence limit in
Japanese or Chinese ("1文は20語未満", "每句不超过20个字") limits each sentence, never the reply's sentence count."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import claude_prompt, section


def _found(task: str, kind: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.action, c.value, c.condition) for c in read_constraints(Brief(task=task)) if c.kind == kind]


def _limits(task: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


@pytest.mark.parametrize(
    ("task", "phone"),
    [
        (
            'Check-in chat for a counselling waiting list. If the score is low two weeks running, say: "It sounds '
            'hard right now. You can ask to be seen sooner by calling our team on 0161 496 0123."',
            "0161 496 0123",
        ),
        (
            'Support bot for a gym. When a member asks to freeze their membership, reply: "Freezes are handled by '
            'our front desk - please ring 020 7946 0018 and they will sort it."',
            "020 7946 0018",
        ),
        (
            "FAQ bot for a blood bank. It must never tell anyone whether they can donate after an illness or a trip. "
            'In that case always say: "Please check with our donor line on 0300 123 4567 before your visit."',
            "0300 123 4567",
        ),
        (
            "Chatbot for a pharmacy. Never tell anyone whether two medicines can be taken together. In those cases "
            'reply: "Please speak to our pharmacist on 0113 496 0999 before taking them."',
            "0113 496 0999",
        ),
    ],
)
def test_a_phone_inside_a_reply_fixed_for_a_case_is_a_contact(task: str, phone: str) -> None:
    phones = [value for action, value, _ in _found(task, "fallback") if action == "phone"]
    assert phone in phones


def test_the_ban_before_in_that_case_is_the_fixed_replys_case() -> None:
    task = (
        "Q&A bot for a blood service. It must never tell anyone whether they can donate after a tattoo or a trip "
        'abroad. In that case always say: "Please check with our donor line on 0300 123 4567 before your visit."'
    )
    says = [condition for action, _, condition in _found(task, "fallback") if action == "say"]
    assert "tattoo or a trip abroad" in str(says[:1])


@pytest.mark.parametrize(
    ("task", "words"),
    [
        ("旅館のお知らせを英語へ翻訳してください。1文は20語未満にしてください。", 20),
        ("お知らせを英語に訳すボット。一文は25語以内。", 25),
        ("翻訳ボット。各文は15語未満。", 15),
    ],
)
def test_a_japanese_per_sentence_limit_limits_each_sentence(task: str, words: int) -> None:
    limits = _limits(task)
    assert f"Keep each sentence to at most {words} words." in limits
    assert not any("1 sentence" in text or f"reply to at most {words} words" in text for text in limits)


def test_a_chinese_per_sentence_limit_keeps_the_replys_sentence_count_apart() -> None:
    limits = _limits("客服机器人。回答不超过3句话，每句话不超过20个字。")
    assert "Keep the reply to at most 3 sentences." in limits
    assert "Keep each sentence to at most 20 characters." in limits


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for a bakery. Keep each sentence under 20 words.",
        "Support-Bot für eine Bäckerei. Sätze höchstens 20 Wörter.",
        "Bot de soporte para una panadería. Frases de máximo 20 palabras.",
        "客服机器人。每句不超过20个词。",
    ],
)
def test_per_sentence_limits_in_other_languages_stay_per_sentence(task: str) -> None:
    limits = _limits(task)
    assert any(text.startswith("Keep each sentence to at most 20") for text in limits)
    assert not any("sentence." in text and "exactly" in text for text in limits)


def _prompt(task: str) -> str:
    return claude_prompt(task)


@pytest.mark.parametrize(
    ("task", "lines"),
    [
        (
            "Review Go PRs for our payments team. At most 5 findings, one line each: SEVERITY | file:line | fix. "
            'SEVERITY is HIGH, MEDIUM or LOW. No praise. Last line "Verdict: approve" or "Verdict: request changes".',
            ["Verdict: approve", "Verdict: request changes"],
        ),
        (
            "Check supplier invoices for our warehouse. One line per problem: KIND | line | note. KIND is PRICE, "
            'QUANTITY or VAT. Final line "Status: OK", "Status: CHECK" or "Status: REJECT".',
            ["Status: OK", "Status: CHECK", "Status: REJECT"],
        ),
    ],
)
def test_a_closing_line_written_whole_for_each_value_stays_whole(task: str, lines: list[str]) -> None:
    output = section(_prompt(task), "output_format")
    for line in lines:
        assert f'"{line}"' in output


_EMPTY_CASES = [
    (
        "Review Terraform pull requests for our infra team. Use this layout for each finding:\nFILE: path:line\n"
        'ISSUE: one sentence\nFIX: one sentence\nNo findings: "Looks good to merge."\nAt most 6 findings, no praise.',
        'No findings: "Looks good to merge."',
    ),
    (
        "Code-Review für unsere Kotlin-App. Für jeden Befund dieses Format:\nDATEI: pfad:zeile\nPROBLEM: ein Satz\n"
        'FIX: ein Satz\nKeine Befunde: "Keine Befunde. Freigabe."\nHöchstens 5 Befunde, kein Lob.',
        'Keine Befunde: "Keine Befunde. Freigabe."',
    ),
    (
        "Revisa contratos de alquiler. Para cada hallazgo usa este formato:\nCLÁUSULA: número\nPROBLEMA: una frase\n"
        'CAMBIO: una frase\nSin hallazgos: "Contrato sin observaciones."\nComo máximo 5 hallazgos.',
        'Sin hallazgos: "Contrato sin observaciones."',
    ),
]


@pytest.mark.parametrize(("task", "line"), _EMPTY_CASES)
def test_an_empty_case_line_under_a_layout_is_its_own_reply(task: str, line: str) -> None:
    prompt = _prompt(task)
    output = section(prompt, "output_format")
    assert line.split(":")[0] not in output
    rules = [r.split(". ", 1)[-1] for r in prompt.splitlines() if r[:1].isdigit()]
    assert line in rules


def test_an_empty_case_line_is_no_prohibition() -> None:
    task = 'Prüfe Lieferscheine. Keine Befunde: "Lieferschein in Ordnung."'
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]


_SQL = (
    "SQL helper for a bike shop's ops team. We're on Postgres. Tables:\n\n"
    "shop.sales (sale_id INT, store_id INT, sold_at TIMESTAMP, state TEXT, amount_cents INT)\n\n"
    "state holds 'paid', 'refunded' or 'void'. amount_cents is never NULL.\n\n"
    "Rules:\n- SELECT / WITH only. Never write to any table.\n- sold_at is UTC. Show times in Europe/Berlin.\n"
    "- Revenue = paid only. amount_cents / 100 for euros.\n- Add LIMIT 500 unless the query is an aggregate.\n"
    "Reply with one sql code block and nothing else."
)


def test_terse_rule_lines_after_a_quoted_value_list_stay_rules() -> None:
    rules = [line.split(". ", 1)[-1] for line in section(_prompt(_SQL), "instructions").splitlines()]
    assert any(rule.startswith("SELECT / WITH only.") for rule in rules)
    assert any(rule.startswith("sold_at is UTC.") for rule in rules)
    assert not any(" - " in rule for rule in rules)

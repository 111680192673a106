"""Real-user phrasings that v1 extraction lost: ages, numbers to call, referrals, CJK and slash label sets, asides,
orderings, formats, translation targets, fields to collect, forms of address and capped counts."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints
from app.engine.constraints.ages import find_ages
from app.engine.constraints.formality import find_formality
from app.engine.constraints.phones import find_dial_numbers


def of_kind(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("Reading buddy for kids 8 to 10.", (8, 10)),
        ("Residents are mostly 75+ and not tech savvy.", (75, None)),
        ("Explain our plans to customers over 65.", (65, None)),
        ("Science explainer for teenagers (13 to 16).", (13, 16)),
        ("Lernhilfe für Schüler der 5. und 6. Klasse (10 bis 12 Jahre).", (10, 12)),
        ("健康咨询助手，面向70岁以上的老人。", (70, None)),
        ("a homework helper for kids under 13", (None, 12)),
    ],
)
def test_ages_are_read_anywhere_in_a_clause(text: str, bounds: tuple[int | None, int | None]) -> None:
    found = of_kind(text, "audience")
    assert [(c.minimum, c.maximum) for c in found] == [bounds]
    # The sentence the prompt carries shows the ages.
    assert all(str(n) in found[0].text for n in bounds if n is not None)


@pytest.mark.parametrize("text", ["Orders over 200 ship free.", "Give 3 to 5 bullet points.", "Use 10-12 words."])
def test_numbers_that_are_not_ages(text: str) -> None:
    assert find_ages(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Bei Störungen immer auf die Störungshotline 0800 123 4567 verweisen.", "0800 123 4567"),
        ("En cas de convulsions, dire aux parents d'appeler immédiatement le 15.", "15"),
        ("En cas d'idées suicidaires, donner immédiatement le 3114.", "3114"),
        ("如果老人胸痛，立即提醒拨打120。", "120"),
        ("高熱やけいれんがある場合はすぐに119に電話するよう伝える。", "119"),
        ("If someone is in crisis, give the Samaritans number 116 123.", "116 123"),
        ("For anything about abuse, give Childline 0800 1111.", "0800 1111"),
        ("Se perguntarem sobre dosagem, diga para falar com o farmacêutico pelo 0800 777 2020.", "0800 777 2020"),
    ],
)
def test_numbers_to_call_in_any_language(text: str, number: str) -> None:
    assert [c.value for c in of_kind(text, "fallback") if c.action == "phone"] == [number]


@pytest.mark.parametrize(
    "text",
    ["Call back within 15 minutes.", "Give a score out of 100.", "Give 3 examples.", "Keep replies under 120 words."],
)
def test_counts_are_not_numbers_to_call(text: str) -> None:
    assert find_dial_numbers(text) == []


def test_a_referral_to_a_named_body_is_a_handoff() -> None:
    found = of_kind("Para casos específicos indicar o Procon ou um advogado.", "fallback")
    assert [(c.action, c.value) for c in found] == [("handoff", "indicar o Procon ou um advogado")]
    assert of_kind("Não recomendar empréstimos nem investimentos específicos.", "fallback") == []


@pytest.mark.parametrize(
    ("task", "values"),
    [
        ("Clasifica los mensajes del hotel en: limpieza / mantenimiento / recepción.", ["limpieza", "mantenimiento", "recepción"]),  # noqa: E501
        ("問い合わせを「請求」「配送」「返品」のいずれかに分類してください。", ["請求", "配送", "返品"]),
        ("审核用户评论，标签：通过、人工复核、删除。", ["通过", "人工复核", "删除"]),
        ("Rate the reply's tone as one of warm, neutral, curt or rude, and suggest a fix.", ["warm", "neutral", "curt", "rude"]),  # noqa: E501
        ("Classify the call as EMERGENCY, URGENT (same day), or ROUTINE.", ["EMERGENCY", "URGENT", "ROUTINE"]),
        ("Label each transaction with a spending category — groceries, transport or dining.", ["groceries", "transport", "dining"]),  # noqa: E501
        ("Classe les e-mails en urgent, à traiter cette semaine ou pour information.", ["urgent", "à traiter cette semaine", "pour information"]),  # noqa: E501
        ("Output one of SAFE, FLAG, ESCALATE.", ["SAFE", "FLAG", "ESCALATE"]),
    ],
)  # fmt: skip
def test_label_sets_in_real_phrasing(task: str, values: list[str]) -> None:
    assert [c.values for c in of_kind(task, "labels")] == [values]


def test_an_aside_after_a_label_is_kept_in_the_sentence_not_in_the_value() -> None:
    (found,) = of_kind("Grade the urgency of requests: P1 (safety risk), P2 (fix within 48h), P3 (routine).", "labels")
    assert found.values == ["P1", "P2", "P3"]
    assert "P2 (fix within 48h)" in found.text


def test_every_label_that_applies_anywhere_makes_the_set_multi() -> None:
    brief = Brief(task="Tag GitHub issues with every label that applies.", constraints=["Allowed labels: a/b, c/d"])
    (found,) = [c for c in extract_constraints(brief) if c.kind == "labels"]
    assert found.values == ["a/b", "c/d"]
    assert found.multi


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Always check metrics before paging.", "check metrics"),
        ("Ask for the serial number and purchase date before anything else.", "serial number"),
        ("Answers must show code first, explanation after.", "code"),
        ("It should ask one clarifying question first instead of guessing.", "clarifying question"),
        ("Immer zuerst nach der Bestellnummer fragen.", "Bestellnummer"),
        ("Ask questions one at a time, and only at the end give me feedback.", "everything else"),
    ],
)
def test_ordering_rules(text: str, first: str) -> None:
    (found,) = of_kind(text, "ordering")
    assert first in (found.first or "")


def test_unless_is_a_condition_not_an_order() -> None:
    assert of_kind("dont give me hints unless i ask", "ordering") == []
    assert of_kind("dont give me hints unless i ask", "prohibition")


def test_prohibitions_before_an_ordering_in_one_sentence_are_kept() -> None:
    text = "Never ask for the child's school, and send lost-child reports to emergency services first, then to us."
    assert of_kind(text, "ordering")
    assert [c.text for c in of_kind(text, "prohibition")] == ["Never ask for the child's school."]


@pytest.mark.parametrize(
    ("text", "value", "forbidden"),
    [
        ("Output plain SQL only, no markdown fences and no explanation.", "code", ["code_blocks"]),
        ("Output a Markdown table with columns resource, change, risk.", "table", []),
        ("Gib das Ergebnis als Tabelle aus.", "table", []),
        ("Extract the dose and route into a JSON array.", "json", []),
    ],
)
def test_formats(text: str, value: str, forbidden: list[str]) -> None:
    (found,) = of_kind(text, "format")
    assert (found.value, found.forbidden) == (value, forbidden)


def test_a_prohibition_keeps_only_its_non_formatting_items() -> None:
    (found,) = of_kind("Output plain SQL only, no markdown fences and no explanation.", "prohibition")
    assert "fences" not in found.text
    assert "explanation" in found.text


def test_a_json_literal_after_return_is_a_json_reply() -> None:
    found = of_kind('Return {"decision": "approve" | "reject", "reason": string}.', "format")
    assert [c.value for c in found] == ["json"]


@pytest.mark.parametrize(
    ("task", "code"),
    [
        ("translator EN->JA for game dialogue", "ja"),
        ("translate tickets from spanish and portuguese to english and suggest a team", "en"),
        ("Übersetze Produktbeschreibungen aus dem Deutschen ins Englische.", "en"),
        ("把英文的客户邮件翻译成中文", "zh"),
        ("英語の記事を日本語に翻訳してください", "ja"),
    ],
)
def test_translation_targets(task: str, code: str) -> None:
    assert [c.code for c in of_kind(task, "language")] == [code]


@pytest.mark.parametrize(
    ("task", "values", "collect"),
    [
        ("Extract from each invoice: vendor_name, invoice_date (YYYY-MM-DD), total.", ["vendor_name", "invoice_date", "total"], False),  # noqa: E501
        ("Read resumes and return candidate_name, email, years_experience (integer).", ["candidate_name", "email", "years_experience"], False),  # noqa: E501
        ("Gather the applicant's full name, phone number and start date, then thank them.", ["full name", "phone number", "start date"], True),  # noqa: E501
        ("从简历中提取：姓名、电话、邮箱，以JSON格式输出。", ["姓名", "电话", "邮箱"], False),
        ("从简历中提取姓名、电话，输出JSON，字段名用 name, phone。", ["name", "phone"], False),
    ],
)  # fmt: skip
def test_fields(task: str, values: list[str], collect: bool) -> None:
    (found,) = of_kind(task, "fields")
    assert found.values == values
    assert (found.value == "collect") is collect


def test_get_is_a_field_intro_only_before_a_list() -> None:
    assert of_kind("Get to the point, and be nice.", "fields") == []


@pytest.mark.parametrize(
    ("text", "register", "pronoun"),
    [
        ("Antworte auf Deutsch und sieze die Kunden.", "formal", "Sie"),
        ("Duze die Kinder.", "informal", "du"),
        ("Vouvoyer les parents.", "formal", "vous"),
        ('use the informal "du"', "informal", "du"),
        ("Responde siempre de usted.", "formal", "usted"),
    ],
)
def test_form_of_address(text: str, register: str, pronoun: str) -> None:
    found = find_formality(text)
    assert found is not None
    assert (found.register, found.pronoun) == (register, pronoun)
    assert next(c.values for c in of_kind(text, "tone")) == [register]


@pytest.mark.parametrize(
    ("text", "maximum", "noun"),
    [
        ("max 10 comments per PR, most severe first.", 10, "comments per PR"),
        ("Stop after 8 searches and answer with what you have.", 8, "searches"),
        ("Offer at most 3 alternative flights.", 3, "alternative flights"),
    ],
)
def test_capped_counts(text: str, maximum: int, noun: str) -> None:
    (found,) = of_kind(text, "limit")
    assert (found.maximum, found.scope) == (maximum, noun)


def test_a_number_inside_24_7_is_no_limit() -> None:
    assert of_kind("Send them to our 24/7 line.", "limit") == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Explain medical bills at a grade 5 reading level.", "grade 5 reading level"),
        ("Use a 3rd-grade reading level.", "3rd-grade reading level"),
        ("Simple English, CEFR B1 level.", "CEFR B1 level"),
    ],
)
def test_reading_level_is_a_requirement_not_a_grade(text: str, phrase: str) -> None:
    assert [c.value for c in of_kind(text, "requirement") if c.value == phrase] == [phrase]

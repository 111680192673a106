"""A markdown table pasted into a brief is material (its header row is no label set), columns named in Chinese are
no labels, replies mirror "the language the person writes in", and grading translations into a language does not
make the replies that language."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints
from app.engine.constraints import language as languages
from app.engine.references import find_references

TABLE_BRIEF = (
    "We're a community clinic. We want a chat assistant that tells people what to bring, using this table:\n\n"
    "Visit type | Bring\n"
    "---|---\n"
    "First visit | photo ID, insurance card, list of medicines\n"
    "Vaccination | vaccination record, photo ID\n"
    "Blood test | lab form, photo ID\n\n"
    "If their visit isn't in the table, tell them to call 555 201 3390."
)


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def test_a_markdown_table_is_material_with_its_header_row() -> None:
    [table] = find_references(TABLE_BRIEF)
    assert table.body.startswith("Visit type | Bring\n---|---")
    assert table.body.endswith("Blood test | lab form, photo ID")


def test_a_tables_header_row_is_no_label_set() -> None:
    prompt = generate(Brief(task=TABLE_BRIEF, target="claude")).prompt
    assert "Assign exactly one label" not in prompt
    assert "Label:" not in prompt
    assert "Visit type | Bring" in prompt


def test_columns_named_in_chinese_are_no_labels() -> None:
    assert not _kinds("输出：一个表格，列为 中文术语 | 拼音 | English | 备注。", "labels")


@pytest.mark.parametrize(
    "sentence",
    [
        "Reply in the language the person writes in (we get mostly Spanish, English and Haitian Creole).",
        "Answer in the language the guest writes in.",
    ],
)
def test_the_language_the_person_writes_in_is_a_mirror(sentence: str) -> None:
    found = languages.find_language(sentence)
    assert found is not None
    assert found.code is None  # the user's own language, not Spanish


@pytest.mark.parametrize(
    "sentence",
    ["Grade English→Polish translation segments for our QA step.", "Review our English to German translations."],
)
def test_judging_translations_sets_no_reply_language(sentence: str) -> None:
    assert languages.find_language(sentence) is None


def test_translating_still_sets_the_target_language() -> None:
    found = languages.find_language("Translate our menus from English to Polish.")
    assert found is not None
    assert found.name == "Polish"


def _rule_texts(task: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract_constraints(Brief(task=task))]


def test_the_words_of_an_exact_reply_forbid_nothing() -> None:
    found = _rule_texts("Review the diff. If nothing's wrong, reply exactly: LGTM — no blocking issues.")
    assert not any(kind == "prohibition" for kind, _ in found), found


def test_a_prohibition_before_an_event_keeps_its_negation_and_its_verbs() -> None:
    found = _rule_texts(
        "never advise them to destroy, harvest or replant the damaged crop before the inspection — tell them to "
        "leave the check strips untouched."
    )
    texts = [text for _, text in found]
    assert "Never advise them to destroy, harvest or replant the damaged crop before the inspection." in texts
    assert not any(text.startswith("Harvest or replant") for text in texts)
    assert "Never advise them to destroy." not in texts


def test_a_state_in_a_definition_list_forbids_nothing() -> None:
    found = _rule_texts("emergency = active bleeding, seizure, not breathing, ate something toxic (chocolate).")
    assert not any(text.startswith("Avoid breathing") for _, text in found), found
    assert ("prohibition", "Do not be gushing.") in _rule_texts("British spelling, warm but not gushing.")


def test_a_conditional_prohibition_is_not_also_said_without_its_condition() -> None:
    found = _rule_texts(
        "Always call check_rx before submit_refill. If the DOB doesn't match, don't say anything about the "
        "prescription at all, not even the drug name."
    )
    prohibitions = [text for kind, text in found if kind == "prohibition"]
    assert prohibitions == [
        "If the DOB doesn't match, don't say anything about the prescription at all, not even the drug name."
    ]


def test_a_spanish_give_the_number_cue_names_the_crisis_line() -> None:
    found = _rule_texts(
        "Bot de apoyo para estudiantes. Si mencionan suicidio o hacerse daño: dar el 988 (llamar o textear) y decir "
        "que el centro de consejería está en el edificio Ramírez."
    )
    assert any(kind == "fallback" and "988" in text for kind, text in found), found

"""Hostile-review findings on this round's rules: a surgery's receptionist keeps its safety packs, a format name is
no fixed reply code, counts of participants are no ages, and a Japanese 'なし' negates only the noun before it."""

from __future__ import annotations

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.negation import negated_ranges


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_receptionist_for_patients_at_a_practice_keeps_the_medical_pack() -> None:
    prompt = _prompt(
        "You are the friendly receptionist for patients at Elm Street Practice. Answer questions about opening "
        "hours, repeat prescriptions and test results."
    )
    assert "Safety:" in prompt


def test_a_volunteer_who_did_a_training_course_keeps_the_crisis_rule() -> None:
    prompt = _prompt(
        "You are a widow who now volunteers on a bereavement charity's chat line. You completed our listening "
        "training last year. Some users may talk about ending their life."
    ).lower()
    assert "suicide" in prompt or "crisis" in prompt


def test_a_format_name_after_output_only_is_no_fixed_reply() -> None:
    brief = Brief(task="Data helper. If the user asks for raw data, output only JSON. Otherwise answer in plain prose.")
    assert not [c for c in extract_constraints(brief) if c.kind == "fallback" and c.value == "JSON"]


def test_a_real_code_after_output_exactly_is_still_the_reply() -> None:
    brief = Brief(task="Review bot for pull requests. If there is nothing to flag, output exactly LGTM.")
    assert [c for c in extract_constraints(brief) if c.kind == "fallback" and c.value == "LGTM"]


def test_participants_per_room_are_no_ages() -> None:
    brief = Brief(task="Booking assistant for our escape rooms. Groups need participants 4-8 per room. Max 60 words.")
    assert not [c for c in extract_constraints(brief) if c.kind == "audience"]
    assert "child" not in _prompt(brief.task).lower()


def test_years_of_experience_are_no_age() -> None:
    brief = Brief(
        task="Screening helper for our hiring team: summarise CVs of engineers (users, 10+ years of experience)."
    )
    assert not [c for c in extract_constraints(brief) if c.kind == "audience" and c.minimum == 10]


def test_a_japanese_none_negates_only_its_noun() -> None:
    text = "料金プランを比較してください。箇条書きで前置きなし。"
    negated = [text[start:end] for start, end in negated_ranges(text)]
    assert negated
    assert all("箇条書き" not in part for part in negated)


def test_a_charity_for_people_who_cannot_afford_solicitors_is_no_law_firm() -> None:
    prompt = _prompt(
        "This chatbot is for tenants who cannot afford solicitors. Explain eviction notices in plain English, "
        "max 120 words."
    )
    assert "with the firm" not in prompt
    assert "contact the firm" not in prompt


def test_a_json_the_user_pastes_is_no_reply_format() -> None:
    brief = Brief(task="El usuario pega un JSON de configuración y tú explicas solo los errores, en español sencillo.")
    assert not [c for c in extract_constraints(brief) if c.kind == "format" and c.value == "json"]

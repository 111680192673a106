"""Findings of the hostile review of session 45's rules, each a brief a user could type."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.generate import read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_label_the_brief_puts_on_the_last_line_closes_the_reply() -> None:
    prompt = _prompt(
        "Classify each support email as billing, shipping or other and draft a reply. "
        "Put the category on the last line."
    )
    assert "On the first line" not in prompt
    assert 'End with one line that starts with "Label:"' in prompt


def test_the_assistants_own_case_in_spanish_does_not_point_back() -> None:
    prompt = _prompt(
        "Asistente de la web de la Clínica Dental Sonrisa. Si el paciente tiene dolor en el pecho, dile que llame al "
        "112. Si lo sabes, responde con el horario de la clínica."
    )
    line = next(line for line in prompt.splitlines() if "112" in line)
    assert "horario" not in line


def test_instead_of_in_italian_does_not_point_back() -> None:
    prompt = _prompt(
        "Assistente per la trattoria Da Gino. Se il cliente chiede uno sconto, rifiuta gentilmente. Invece di "
        "scusarti troppo, proponi il menu del giorno."
    )
    line = next(line for line in prompt.splitlines() if "sconto" in line)
    assert "menu del giorno" not in line


def test_a_limit_exception_stops_before_the_next_rule() -> None:
    brief = Brief(
        task="Hotel front desk chat. Keep replies under 80 words unless the guest asks for directions, and always "
        "end with the front desk number."
    )
    limits = [c for c in read_constraints(brief) if c.kind == "limit"]
    assert limits
    assert all("front desk number" not in c.text for c in limits), limits


def test_links_sent_to_a_person_are_still_a_links_ban() -> None:
    brief = Brief(task="Answer questions about our gym's classes. Never send links to customers.")
    formats = [c for c in read_constraints(brief) if c.kind == "format"]
    assert any("links" in c.forbidden for c in formats), formats


def test_a_thing_banned_in_a_list_is_not_rationed() -> None:
    prompt = _prompt("Answer questions about our cafe. Don't use slang or jokes, and emojis only sparingly.")
    assert "Use jokes sparingly" not in prompt
    assert "Use emojis sparingly" in prompt


def test_a_one_step_layout_the_rules_do_not_carry_is_given_in_the_output_section() -> None:
    prompt = _prompt(
        "You are a writing tutor for year 9 students. Help them improve their essays with questions, not rewrites.\n"
        "After the student submits an essay, give feedback in this format:\n"
        "Strengths: ...\nWeaknesses: ...\nGrade: A-F"
    )
    output = prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert "After the student submits an essay" in output
    assert "Strengths:" in output
    assert "Grade: A-F" in output

"""Fixes after reading round 16's review (the round was judged before any of them): a practice's own line is no
number for chest pain, "ask questions ONE at a time" is an intake, a schema pasted one table per line is the schema
section, routing and translation verbs in other languages name their jobs, and an abbreviation's full stop does not
hide a plain-language rewrite."""

from __future__ import annotations

from app.engine import Brief, generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_practice_line_for_its_own_urgent_cases_is_no_emergency_number() -> None:
    prompt = _prompt(
        "Booking assistant for Oakfield Family Dental. Don't give dental advice. If someone describes severe pain, "
        "swelling or bleeding that won't stop, tell them to call the office at (512) 555-0190 or go to urgent care."
    )
    assert "chest pain" not in prompt or "call (512) 555-0190 now" not in prompt
    assert "(512) 555-0190" in prompt


def test_a_line_the_brief_gives_for_chest_pain_is_the_emergency_number() -> None:
    prompt = _prompt("Triage helper for Riverside Clinic. If someone has chest pain or trouble breathing, call 999.")
    assert "call 999" in prompt


def test_asking_questions_one_at_a_time_is_an_intake() -> None:
    result = generate(
        Brief(
            task="Intake chatbot for Harbour Physio. It should ask questions ONE at a time (name, injury, how long). "
            "When all questions are answered, output a summary with these fields: name, injury, duration.",
            target="claude",
        )
    )
    assert result.archetypes[0].id == "general_assistant"
    output = result.prompt.split("<output_format>")[1]
    assert output.lstrip().startswith("While you collect the details")


def test_a_schema_pasted_one_table_per_line_is_the_schema_section() -> None:
    task = (
        "Help our ops team write Postgres queries. They're not SQL people. Schema (copied from dbdiagram):\n\n"
        "drivers (driver_id uuid pk, full_name text, hub_id int)\nhubs (hub_id int pk, city text)\n"
        "deliveries (delivery_id bigint pk, driver_id uuid fk, delivered_at timestamptz)\n\n"
        "Only SELECT. Add LIMIT 1000."
    )
    prompt = _prompt(task)
    assert (
        "<schema>\ndrivers (driver_id uuid pk, full_name text, hub_id int)\nhubs (hub_id int pk, city text)" in prompt
    )
    assert "{{schema}}" not in prompt


def test_routing_and_translation_verbs_in_other_languages_name_their_jobs() -> None:
    routing = "Smista le email dei cittadini verso uno di questi uffici: ANAGRAFE, TRIBUTI, ALTRO. Rispondi solo così."
    assert generate(Brief(task=routing)).archetypes[0].id == "classification"
    ui = "把我们App的英文界面文案翻译成简体中文。占位符原样保留，只输出译文，每行一条。"
    assert generate(Brief(task=ui)).archetypes[0].id == "translation"


def test_an_abbreviation_does_not_hide_a_plain_language_rewrite() -> None:
    prompt = _prompt("Rewrite discharge letters from St. Aldric Hospital into plain language for patients going home.")
    assert "plain-language editor" in prompt
    assert "suggest a doctor or pharmacist" not in prompt  # a rewrite advises nobody: no chat safety pack

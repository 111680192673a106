"""A brief that states its own rules gets no generic Q&A filler; a labelled job line ("cosa fa l'assistente:",
"Task:") names the job; Italian "persona" is a person, "MAI consigliare" a prohibition and "punti elenco" bullets."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.compose.job import job_clause
from app.engine.constraints import extract_constraints

_FILLER = "Say when a fact may be outdated"


def _result(task: str) -> tuple[str, list[str]]:
    result = generate(Brief(task=task, target="claude"))
    return result.prompt, [m.id for m in result.archetypes]


def test_a_terse_general_brief_keeps_the_generic_rules() -> None:
    prompt, archetypes = _result("A sounding board for first-time novelists who want to talk through plot problems.")
    assert archetypes[0] == "general_assistant"
    assert _FILLER in prompt


def test_a_brief_with_rules_of_its_own_gets_no_generic_filler() -> None:
    prompt, archetypes = _result(
        "A sounding board for first-time novelists who want to talk through plot problems. Never write their "
        "chapters for them. Always ask what the character wants. Don't compare them to famous authors. Never judge "
        "a genre. Keep answers under 80 words."
    )
    assert archetypes[0] == "general_assistant"
    assert _FILLER not in prompt
    assert "Ask one clarifying question when a request can be read" not in prompt


def test_a_writing_variant_drops_the_filler_even_for_a_terse_brief() -> None:
    prompt, _ = _result("Write a short welcome text for new allotment holders.")
    assert _FILLER not in prompt


@pytest.mark.parametrize(
    ("task", "job"),
    [
        (
            "Prompt per lo Sportello Casa della Parrocchia San Rocco (Brescia) e dintorni.\n"
            "- chi scrive: inquilini in difficoltà\n- cosa fa l'assistente: spiega i bandi per il contributo affitto",
            "spiega i bandi",
        ),
        ("Kestrel Allotments, Leeds.\nTask: answer plot questions from the rules we paste.", "answer plot questions"),
        ("我是法院口译员。\n输入：一段判决书。\n任务：把里面的法律术语挑出来。", "法律术语挑出来"),
    ],
)
def test_a_labelled_job_line_is_the_job(task: str, job: str) -> None:
    assert job in job_clause(task)


def test_an_italian_person_is_no_persona() -> None:
    _, archetypes = _result(
        "Assistente per lo sportello debiti: spiega le procedure in parole semplici. Niente giudizi sulla persona."
    )
    assert archetypes[0] != "roleplay_interviewer"


def test_italian_never_and_bullet_points_are_read() -> None:
    constraints = extract_constraints(
        Brief(task="Assistente per lo sportello debiti.\n- massimo 4 punti elenco\n- MAI consigliare nuovi prestiti")
    )
    assert any(c.kind == "limit" and c.unit == "bullets" and c.maximum == 4 for c in constraints)
    assert any(c.kind == "prohibition" and "MAI consigliare" in c.text for c in constraints)

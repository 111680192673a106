"""Round 47's review, slot findings: the gist of a booklet or brochure pasted under a heading that names it is
material the assistant answers from (one section, no rules cut from it, no empty slot beside it, unless the full
text still arrives), and an e-mail listed among personal details in any language is data, not an input slot."""

from __future__ import annotations

import pytest

from app.engine.brief import variable_cues
from app.engine.lint import lint_prompt
from app.engine.references import find_references
from tests.unit.engine.reading import claude_prompt

_GIST = {
    "en": (
        "We run a dental practice. The bot answers patients' questions only from our aftercare leaflet (main points "
        "below).\n- max 60 words\n\nAftercare leaflet (main points):\nBleeding - bite on the gauze for 30 minutes.\n"
        "Rinsing - no rinsing for 24 hours, then warm salt water. Never use mouthwash the first day.\n"
        "Food - soft food for 2 days."
    ),
    "de": (
        "Wir sind ein Hofladen. Der Chatbot beantwortet Fragen nur mit unserer Preisliste.\n- höchstens 50 Wörter\n\n"
        "Preisliste:\nEier (10 Stück): 4,20 Euro\nKartoffeln (5 kg): 6,50 Euro\nHonig (500 g): 8,90 Euro"
    ),
    "es": (
        "Somos una academia de idiomas. El asistente responde solo con nuestro folleto.\n- máximo 70 palabras\n\n"
        "Folleto (resumen):\nMatrícula: 40 euros, una sola vez.\nGrupos: máximo 8 alumnos por clase.\n"
        "Horario: de lunes a jueves, de 17 a 21 h."
    ),
}


@pytest.mark.parametrize("lang", sorted(_GIST))
def test_a_pasted_gist_under_a_material_heading_is_one_reference_block(lang: str) -> None:
    task = _GIST[lang]
    references = find_references(task)
    assert len(references) == 1
    heading = task.split("\n\n")[-1].splitlines()[0].rstrip(":")
    assert references[0].title == heading
    assert references[0].body == "\n".join(task.split("\n\n")[-1].splitlines()[1:])


@pytest.mark.parametrize("lang", sorted(_GIST))
def test_the_gist_reaches_the_prompt_whole_and_asks_for_no_document_slot(lang: str) -> None:
    prompt = claude_prompt(_GIST[lang])
    body = _GIST[lang].split("\n\n")[-1].split("\n", 1)[1]
    assert body in prompt  # the lines stay together, in the requester's words
    assert "{{document}}" not in prompt


def test_a_line_of_the_gist_is_not_cut_into_a_rule() -> None:
    prompt = claude_prompt(_GIST["en"])
    assert "Never use mouthwash the first day." in prompt
    assert prompt.count("Never use mouthwash") == 1  # inside its rinsing line, not a rule of its own as well


def test_the_document_slot_stays_when_the_full_text_still_arrives() -> None:
    task = _GIST["en"].replace("(main points below)", "(main points below, the full text will be loaded in)")
    assert "{{document}}" in claude_prompt(task)


def test_a_policy_heading_keeps_its_lines_as_the_requesters_rules() -> None:
    task = (
        "Refund helper for our shop.\n\nRefund policy:\nNever refund after 30 days.\nRefunds go to the original card "
        "only, never as cash."
    )
    assert find_references(task) == []


def test_a_heading_needs_two_lines_of_material() -> None:
    assert find_references("Shop bot.\n\nMenu:\nSoup of the day, 5 euros.") == []


@pytest.mark.parametrize(
    "task",
    [
        "Moderate recipe comments. telefone, CPF, endereço ou e-mail no comentário -> revisar",
        "Moderá los comentarios: teléfono, DNI o email en el comentario -> revisar",
        "Prüfe die Bewertungen: Telefonnummer, Adresse oder E-Mail im Text -> ablehnen",
        "Flag any post that shows a phone, an address or an email of someone.",
        "Check forum posts; emails, passwords or card numbers in a post -> hide it",
    ],
)
def test_an_email_listed_among_personal_details_is_no_input_slot(task: str) -> None:
    assert "email" not in {v.name for v in variable_cues(task)}


@pytest.mark.parametrize(
    "task",
    [
        "Answer customer emails and phone calls for our garage.",
        "Triage the support inbox: emails and phone messages from tenants.",
        "Summarise each email for the sales team.",
    ],
)
def test_emails_to_work_on_keep_their_slot(task: str) -> None:
    assert "email" in {v.name for v in variable_cues(task)}


# --- SEC-06 reads every phone number alike (round 47's review: 07's, 14's and 19's numbers were missed) ------------


def _phone_warnings(text: str) -> int:
    return sum(f.rule_id == "SEC-06" for f in lint_prompt(text).findings)


@pytest.mark.parametrize(
    "text",
    [
        "Campus security is on 01632 555 0999.",
        "Appelez la coordinatrice au 05 49 55 50 12.",
        "Bel anoniem met Veilig Thuis: 0800-2000.",
        "Reach the duty manager on 0161 496 0000 after 6pm.",
    ],
)
def test_numbers_in_more_national_shapes_are_phone_numbers(text: str) -> None:
    assert _phone_warnings(text) == 1


@pytest.mark.parametrize(
    "text",
    ["It runs on 10 000 000 devices.", "Compare the seasons 2019-2020 and 2021-2022.", "Based on 1 000 000 users."],
)
def test_counts_and_year_ranges_are_not_phone_numbers(text: str) -> None:
    assert _phone_warnings(text) == 0

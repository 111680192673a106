"""Round 30 leftovers (r30-13, r30-15): bans and frames in other languages, and steps the brief scripts itself.

A Spanish "Nada de listas" bans lists; a companion that chats every morning gets the companion frame; a scripted
emergency reply that opens with a tag keeps its tag and replaces the pack's "tell them first to call …"; a crisis
step that stops the exercise replaces the pack's "keep the conversation going"; a teacher's assistant that helps
pupils prepare an essay is a tutor, not an intake form.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.formats import forbidden_features
from app.engine.generate import generate


def _result(task: str):  # type: ignore[no-untyped-def]
    return generate(Brief(task=task, target="claude"))


@pytest.mark.parametrize(
    ("text", "features"),
    [
        ("Nada de listas, y ningún número de teléfono salvo el 112.", {"lists"}),
        ("Nada de emojis ni de negritas.", {"emoji", "markdown"}),
        ("Geen markdown, geen kopjes of opsommingstekens.", {"markdown", "headings", "lists"}),
        ("Geen lijsten.", {"lists"}),
        ("Senza grassetto.", {"markdown"}),
        ("Kein Fettdruck.", {"markdown"}),
        # one kind of emoji is banned, not every emoji
        ("nada de emoji de dinheiro 💰 pq o jurídico implicou", set()),
        ("No hace nada de especial.", set()),
    ],
)
def test_bans_in_other_languages(text: str, features: set[str]) -> None:
    assert {name for name, _, _ in forbidden_features(text)} == features


COMPANION = (
    'Necesito un prompt para "Lucero", un asistente de voz para personas mayores que viven solas en Huesca. Cada '
    "tarde conversa con ellos un rato: qué han comido, cómo están, qué han hecho. Nada de listas, porque se lee en voz "
    "alta. Si dice que se ha caído o que le duele el pecho: empezar la respuesta con la etiqueta #ALERTA y decir "
    '"Aviso ahora mismo a la central. Si puede, llame al 112."'
)


def test_a_chatting_companion_gets_the_companion_frame() -> None:
    prompt = _result(COMPANION).prompt
    assert "feels heard" in prompt
    assert "Success means a direct, accurate answer" not in prompt
    assert "numbered list" not in prompt


def test_a_scripted_emergency_reply_keeps_its_tag_and_replaces_the_pack_rule() -> None:
    result = _result(COMPANION)
    said = [c for c in result.constraints if c.kind == "fallback" and c.action == "say"]
    assert [c.value for c in said] == ["#ALERTA Aviso ahora mismo a la central. Si puede, llame al 112."]
    assert "tell them first to call" not in result.prompt


def test_an_english_tag_first_reply() -> None:
    result = _result(
        'Store assistant. If someone has chest pain, start the reply with #ALERT and say "I am alerting the team '
        'now. Call 911 if you can."'
    )
    said = [c.value for c in result.constraints if c.kind == "fallback" and c.action == "say"]
    assert said == ["#ALERT I am alerting the team now. Call 911 if you can."]


def test_a_spanish_decir_is_words_to_say() -> None:
    result = _result('Asistente de la tienda. Si el cliente pregunta por devoluciones, decir "Para devoluciones '
                     'llame al 976 111 222."')  # fmt: skip
    actions = [(c.action, c.value) for c in result.constraints if c.kind == "fallback"]
    # the reply's own phone may stand beside it as that case's contact, never as other words
    assert [a for a in actions if a[0] != "phone"] == [("say", "Para devoluciones llame al 976 111 222.")]
    assert all(value in "Para devoluciones llame al 976 111 222." for action, value in actions if action == "phone")


PHILOSOPHY = (
    "Je suis prof de français au lycée Camus (Nantes). Je veux un assistant pour aider mes élèves à préparer le "
    "commentaire de texte, PAS pour le faire à leur place.\n"
    "- Il ne rédige jamais de paragraphe à la place de l'élève.\n"
    "- Une seule question à la fois, et jamais de citation inventée.\n"
    "- Si un élève parle de pensées suicidaires, arrêter l'exercice et lui conseiller d'en parler à l'infirmière du "
    "lycée ou d'appeler le 3114."
)


def test_a_teachers_assistant_for_pupils_is_a_tutor() -> None:
    result = _result(PHILOSOPHY)
    assert result.archetypes[0].id == "tutor"
    assert "document_qa" not in [a.id for a in result.archetypes]
    assert "intake assistant" not in result.prompt
    assert "records the answers" not in result.prompt


def test_work_never_done_for_the_pupil_drops_the_late_full_solution() -> None:
    assert "full worked solution" not in _result(PHILOSOPHY).prompt


def test_a_crisis_step_that_stops_the_exercise_replaces_the_packs() -> None:
    prompt = _result(PHILOSOPHY).prompt
    assert "keep the conversation going" not in prompt
    assert "3114" in prompt


def test_the_school_nurse_brings_no_medical_pack() -> None:
    prompt = _result(PHILOSOPHY).prompt
    assert "chest pain" not in prompt
    assert "pharmacist" not in prompt


def test_a_crisis_line_given_while_talking_on_keeps_the_pack_rule() -> None:
    """Portuguese "ligue para o CVV" is no stop ("para" is "to"): the pack's crisis rule stays."""
    prompt = _result(
        "Assistente de estudos para universitários. Se o estudante falar em suicídio: responder com calma, pedir que "
        "ligue para o CVV no 188 e não mudar de assunto."
    ).prompt
    assert "keep the conversation going" in prompt


def test_german_board_minutes_are_a_meeting_job() -> None:
    result = _result(
        "Wir sind der Kleingartenverein Sonnenhang e.V. Nach jeder Vorstandssitzung schreibt unsere Schriftführerin "
        "Stichpunkte. Daraus soll der Assistent ein Protokoll der Vorstandssitzung machen, das wir an die Mitglieder "
        "mailen. Kein Markdown."
    )
    assert result.archetypes[0].id == "meeting_email_assistant"


def test_a_tasting_log_is_no_meeting() -> None:
    result = _result(
        "Brauerei Talhof. Unsere Braumeister tippen nach jeder Verkostung ein Protokoll ins Tablet. Fasse jedes "
        "Protokoll in höchstens 3 Sätzen zusammen."
    )
    assert "meeting_email_assistant" not in [a.id for a in result.archetypes]

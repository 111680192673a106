"""A "write only: X" case is a reply, never a ban; a case line naming the out-of-scope (or unsure) questions with a
quoted reply is the out-of-scope route, whole; a pasted JSON tool keeps the parameters it lists under "args"."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _out(task: str):  # type: ignore[no-untyped-def]
    return generate(Brief(task=task))


def _said(out, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    said = [c for c in out.constraints if c.kind == "fallback" and c.action == "say" and c.value == words]
    return [c.condition or "" for c in said]


# --- 1. "write only: X" is the case's reply --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "words"),
    [
        (
            "You summarise the week's shift log for the manager. If the log is empty or missing write only: "
            "NO LOG ENTRIES THIS WEEK",
            "NO LOG ENTRIES THIS WEEK",
        ),
        (
            "You summarise the week's shift log for the manager. If the log is empty, reply only: NO SHIFTS LOGGED",
            "NO SHIFTS LOGGED",
        ),
        (
            "Je vat het logboek van de week samen voor de teamleider. Ontbreekt er iets in het logboek, schrijf dan "
            "alleen: GEGEVENS ONVOLLEDIG",
            "GEGEVENS ONVOLLEDIG",
        ),
        (
            "Tu résumes le carnet de bord de la semaine pour la directrice. Si le carnet est vide, écris seulement : "
            "AUCUNE ENTRÉE",
            "AUCUNE ENTRÉE",
        ),
        (
            "Resumes el registro semanal para la gerente. Si el registro está vacío, escribe solo: SIN REGISTROS",
            "SIN REGISTROS",
        ),
        (
            "Du fasst das Schichtbuch der Woche für die Leitung zusammen. Wenn das Schichtbuch leer ist, schreib nur: "
            "KEINE EINTRÄGE",
            "KEINE EINTRÄGE",
        ),
        (
            "Riassumi il registro della settimana per la responsabile. Se il registro è vuoto, scrivi solo: "
            "NESSUNA VOCE",
            "NESSUNA VOCE",
        ),
        (
            "Resumes o diário de bordo da semana. Se o diário estiver vazio, escreva apenas: SEM REGISTOS",
            "SEM REGISTOS",
        ),
        ("You summarise the shift log. Empty log -> write only: NO LOG ENTRIES", "NO LOG ENTRIES"),
        ("Resumes el registro. Registro vacío → escribe solo: SIN DATOS", "SIN DATOS"),
        (
            "You summarise the shift log. If the log is empty, write only NO LOG ENTRIES THIS WEEK.",
            "NO LOG ENTRIES THIS WEEK",
        ),
        (
            "Du fasst das Schichtbuch zusammen. Wenn das Schichtbuch leer ist, schreib nur KEINE EINTRÄGE.",
            "KEINE EINTRÄGE",
        ),
    ],
)
def test_write_only_is_the_case_reply(task: str, words: str) -> None:
    out = _out(task)
    assert [c for c in _said(out, words) if c], [(c.kind, c.text) for c in out.constraints]
    assert not [c.text for c in out.constraints if c.kind == "prohibition" and words.split()[-1] in c.text]
    assert "Avoid" not in out.prompt
    assert f'"{words}"' in out.prompt


def test_fixed_reply_then_a_ban_keeps_the_ban() -> None:
    out = _out(
        "You draft replies for the shop. If the order number is missing, reply exactly: Sorry, we could not find "
        "your order. Never promise refunds."
    )
    assert _said(out, "Sorry, we could not find your order.")
    assert any(c.kind == "prohibition" and c.text == "Never promise refunds." for c in out.constraints)


@pytest.mark.parametrize(
    "task",
    [
        "You turn meeting notes into action items. Output only: JSON, no prose.",
        "You turn meeting notes into action items. Write only: English. No emojis.",
        "You summarise tickets. Write only: bullet points, no prose.",
        "Du fasst Protokolle zusammen. Schreib nur auf Deutsch.",
        "You draft emails for the team. Write only what the notes say: no guesses.",
        "Du fasst das Journal zusammen. Keine Emojis, schreib nur auf Deutsch.",
    ],
)
def test_write_only_guards_read_no_reply(task: str) -> None:
    out = _out(task)
    assert not [c for c in out.constraints if c.kind == "fallback"]


def test_output_only_json_keeps_its_ban() -> None:
    out = _out("You turn meeting notes into action items. Output only: JSON, no prose.")
    assert any(c.kind == "format" and c.value == "json" for c in out.constraints)
    assert any(c.kind == "prohibition" and "prose" in c.text for c in out.constraints)


# --- 2. the out-of-scope case line with its quoted reply -------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "words", "unsure_too"),
    [
        (
            "Tu es l'assistant d'accueil de l'agence immobilière. Tu réponds aux questions sur les visites, les "
            "loyers et les dossiers.\nQuestion hors de ces sujets ou dont vous n'êtes pas sûr : « Je transmets votre "
            "question à une conseillère, qui vous rappellera. »",
            "Je transmets votre question à une conseillère, qui vous rappellera.",
            True,
        ),
        (
            "Eres el asistente de la escuela de música. Respondes sobre horarios, precios y matrícula.\n"
            "Pregunta fuera de estos temas: «Lo siento, eso no lo sé. Llame a secretaría, por favor.»",
            "Lo siento, eso no lo sé. Llame a secretaría, por favor.",
            False,
        ),
        (
            "Du bist der Assistent der Segelschule. Du beantwortest Fragen zu Preisen, Kursen und Anmeldung.\n"
            "Fragen außerhalb dieser Themen: „Dazu kann ich leider nichts sagen. Bitte rufen Sie das Büro an.“",
            "Dazu kann ich leider nichts sagen. Bitte rufen Sie das Büro an.",
            False,
        ),
        (
            "Sei l'assistente della piscina. Rispondi su orari, prezzi e corsi.\n"
            '- Domande al di fuori di questi argomenti: "Mi dispiace, non posso aiutarti. Chiama la reception."',
            "Mi dispiace, non posso aiutarti. Chiama la reception.",
            False,
        ),
        (
            "You are the front desk assistant for the dental practice. You answer questions about opening hours, "
            "fees and what to bring.\nQuestions outside these topics or that you are not sure about: \"I'll pass "
            'your question to the practice manager, who will call you back."',
            "I'll pass your question to the practice manager, who will call you back.",
            True,
        ),
        (
            "És o assistente da escola de surf. Respondes sobre horários, preços e aulas.\n"
            "Perguntas fora destes temas: «Não sei responder a isso. Ligue para a escola, por favor.»",
            "Não sei responder a isso. Ligue para a escola, por favor.",
            False,
        ),
        (
            "Je bent de assistent van de zeilschool. Je beantwoordt vragen over prijzen en cursussen.\n"
            'Vragen buiten deze onderwerpen: "Daar kan ik helaas niet mee helpen. Bel het kantoor."',
            "Daar kan ik helaas niet mee helpen. Bel het kantoor.",
            False,
        ),
    ],
)
def test_out_of_scope_case_line_is_the_route(task: str, words: str, unsure_too: bool) -> None:
    out = _out(task)
    assert _said(out, words), [(c.kind, c.text) for c in out.constraints]
    assert "If a request is out of scope:" not in out.prompt
    assert "refer the user as the brief says" not in out.prompt
    assert not [c for c in out.constraints if c.kind == "prohibition"]
    if unsure_too:
        assert "If you are unsure or the information is missing:" not in out.prompt
    if not task.startswith("You "):  # (a case in another language is quoted, never "For perguntas …")
        assert not [c for c in out.constraints if c.kind == "fallback" and c.text.startswith("For ")]


@pytest.mark.parametrize(
    "task",
    [
        "Eres el asistente del restaurante. Respondes sobre el menú y las reservas.\n"
        "Fuera de horario: «Estamos cerrados, vuelva mañana.»",
        "You are the assistant for the bike shop. You answer questions about repairs and prices.\n"
        'Outside opening hours: "We are closed, please call back tomorrow."',
    ],
)
def test_a_time_outside_hours_is_no_scope(task: str) -> None:
    out = _out(task)
    assert "If a request is out of scope:" in out.prompt


# --- 3. JSON tools with their parameters under "args" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "tools"),
    [
        (
            'You are the clinic front desk assistant. Tools: [{"name": "find_patient", "args": ["patient_id", "dob"], '
            '"does": "looks up a patient record"}, {"name": "book_visit", "args": ["patient_id", "slot_id"], '
            '"does": "books a visit"}]',
            {"find_patient": ["patient_id", "dob"], "book_visit": ["patient_id", "slot_id"]},
        ),
        (
            'Eres el asistente de la clínica. Herramientas: [{"name": "buscar_paciente", "params": [{"name": "dni"}, '
            '{"name": "fecha_nacimiento"}], "purpose": "busca la ficha"}]',
            {"buscar_paciente": ["dni", "fecha_nacimiento"]},
        ),
        (
            'Du bist der Praxisassistent. Werkzeuge: {"patient_suchen": {"args": ["versichertennummer"]}, '
            '"termin_buchen": {"params": ["patient_id", "slot"]}}',
            {"patient_suchen": ["versichertennummer"], "termin_buchen": ["patient_id", "slot"]},
        ),
        (
            'You are the clinic front desk assistant. Tools: {"find_patient": {"arguments": ["patient_id"], "does": '
            '"looks up a patient record"}}',
            {"find_patient": ["patient_id"]},
        ),
    ],
)
def test_json_tools_keep_listed_args(task: str, tools: dict[str, list[str]]) -> None:
    out = _out(task)
    found = {c.name: c.parameters for c in out.constraints if c.kind == "tool"}
    assert found == tools, [(c.kind, c.text) for c in out.constraints]
    assert not [c for c in out.constraints if c.kind == "schema"]


@pytest.mark.parametrize(
    "task",
    [
        'You extract people from the note. Return JSON like {"anna": {"args": ["x"]}}',
        'You extract meetings. Return a JSON array like [{"name": "string", "params": ["string"]}]',
    ],
)
def test_reply_shapes_with_args_are_no_tools(task: str) -> None:
    out = _out(task)
    assert not [c for c in out.constraints if c.kind == "tool"]
    assert [c for c in out.constraints if c.kind == "schema"]

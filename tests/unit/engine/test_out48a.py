"""A pasted JSON shape's annotations keep it the reply's schema (every key, each note its field's), a field's type
union is no label set, a field list after "you get" is the input, a limit on a line a key opens is that key's, and
a built example never contradicts the brief (an emergency line for a stray question, a banned part, an invented
schema)."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints


def _prompt(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert isinstance(prompt, str)
    return prompt


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


ANNOTATED_SHAPES = [
    (
        'I log bike repairs by voice. Turn each note into JSON, nothing else.\n\n{\n  "customer": string,\n'
        '  "bike_brand": string or null,\n  "wheel_true": true | false | null,\n'
        '  "parts": [only from: "chain", "cassette", "brake_pads", "tyre"] (empty array if none),\n'
        '  "remarks": string, max 12 words\n}\n\n- never guess the brand',
        ["customer", "bike_brand", "wheel_true", "parts", "remarks"],
        "remarks",
        12,
    ),
    (
        'Nuestro taller de costura. Convierte cada nota en JSON, sin texto alrededor:\n\n{\n  "clienta": string,\n'
        '  "prenda": "falda" | "vestido" | "pantalon",\n  "urgente": true | false,\n'
        '  "arreglos": [solo de: "bajo", "cremallera", "entallar"] (lista vacía si no hay),\n'
        '  "comentario": string, máx. 15 palabras\n}',
        ["clienta", "prenda", "urgente", "arreglos", "comentario"],
        "comentario",
        15,
    ),
    (
        'We triage plumbing call notes. Output JSON only:\n{\n  "address": string or null,\n'
        '  "leak": true | false | null,\n  "rooms": [one of: "kitchen", "bathroom", "garage"],\n'
        '  "summary": string - at most 25 words\n}',
        ["address", "leak", "rooms", "summary"],
        "summary",
        25,
    ),
]


@pytest.mark.parametrize(("task", "keys", "limited", "maximum"), ANNOTATED_SHAPES)
def test_an_annotated_shape_is_the_schema_with_every_key(
    task: str, keys: list[str], limited: str, maximum: int
) -> None:
    schemas = _kinds(task, "schema")
    assert schemas
    assert schemas[0].values == keys
    limits = [c for c in _kinds(task, "limit") if c.maximum == maximum]
    assert limits
    assert all(c.scope == f"the {limited} field" for c in limits)
    prompt = _prompt(task)
    assert f"Keep the reply to at most {maximum}" not in prompt
    for key in keys:
        assert f'"{key}"' in prompt


@pytest.mark.parametrize("task", [task for task, *_ in ANNOTATED_SHAPES])
def test_a_type_union_is_no_label_set(task: str) -> None:
    for labels in _kinds(task, "labels"):
        assert not {"true", "false", "null"} & set(labels.values)
    assert "labels: true, false" not in _prompt(task)


INPUT_LISTS = [
    "Marking helper for a cooking school. For each one you get: task_id, recipe, student_answer. Output JSON only: "
    '{"task_id": "...", "grade": "pass" | "fail", "comment": "..."}',
    "Quiz checker. You receive: quiz_id, prompt_text, learner_reply. Reply only with JSON like "
    '{"quiz_id": "...", "result": "right" | "wrong"}',
    "Triage helper. For every ticket you'll get: ticket_id, subject_line, body_text. Output JSON only: "
    '{"ticket_id": "...", "queue": "billing" | "tech" | "other"}',
]


@pytest.mark.parametrize("task", INPUT_LISTS)
def test_a_field_list_after_you_get_is_the_input(task: str) -> None:
    prompt = _prompt(task)
    assert "Return exactly these fields" not in prompt
    assert not any(c.values and c.value != "collect" for c in _kinds(task, "fields"))


KEY_LINES = [
    (
        "Moderação de comentários. Devolves só JSON:\n"
        '{"decisao": "aceitar" | "rever", "resumo": "...", "urgente": true/false}\n\n'
        "- resumo em português de Portugal e sem nomes, máx. 15 palavras",
        "resumo",
        15,
    ),
    (
        "Bewertung von Kundenmails. Nur JSON:\n"
        '{"kategorie": "lob" | "kritik", "zusammenfassung": "...", "dringend": true/false}\n\n'
        "- zusammenfassung bitte auf Hochdeutsch, sachlich und ohne Namen, max. 20 Wörter",
        "zusammenfassung",
        20,
    ),
    (
        "Sort support emails. JSON only:\n"
        '{"queue": "billing" | "tech", "summary": "...", "angry": true/false}\n\n'
        "- summary written for a busy manager in plain English without any jargon, max. 30 words",
        "summary",
        30,
    ),
]


@pytest.mark.parametrize(("task", "key", "maximum"), KEY_LINES)
def test_a_limit_on_a_line_a_key_opens_is_that_keys(task: str, key: str, maximum: int) -> None:
    limits = [c for c in _kinds(task, "limit") if c.maximum == maximum]
    assert limits
    assert all(c.scope == f"the {key} field" for c in limits)
    assert f"Keep the reply to at most {maximum}" not in _prompt(task)


def test_no_example_from_a_schema_read_off_a_condition() -> None:
    task = (
        "Turn each delivery note into JSON for our spreadsheet, JSON only.\n"
        '- if it is not a delivery note at all (shopping list, whatever) return exactly {"error": "NOT_A_NOTE"}'
    )
    prompt = _prompt(task)
    assert "shopping_list" not in prompt
    assert '"whatever"' not in prompt


STRAY_ANSWERS = [
    ("What will the weather be like tomorrow?", "Please stop and call 999 now.", False),
    ("Wie wird das Wetter morgen?", "Bitte rufen Sie sofort 112 an.", False),
    ("Quel temps fera-t-il demain ?", "Appelez le 15 immédiatement.", False),
    ("I have severe chest pain and feel faint.", "Please stop and call 999 now.", True),
    ("Ich habe starke Schmerzen und Blut im Stuhl.", "Bitte rufen Sie sofort 112 an.", True),
]


@pytest.mark.parametrize(("question", "answer", "meets"), STRAY_ANSWERS)
def test_an_emergency_line_answers_only_an_emergency(question: str, answer: str, meets: bool) -> None:
    from app.engine.example_guards import meets_trigger
    from app.engine.spec import Example

    assert meets_trigger(Example(input=question, output=answer)) is meets


def test_a_not_covered_line_after_an_arrow_answers_the_stray_question() -> None:
    task = (
        "We're the endoscopy unit. Answer ONLY from the leaflet below.\n\n--- LEAFLET ---\nClear fluids only from 1pm "
        "the day before.\nStop all drinking 2 hours before your appointment.\n--- END ---\n\nRules:\n"
        '* severe pain or feeling faint: reply only "Please call 111 now, or 999 if you feel very unwell." nothing '
        "else\n"
        '* not in the leaflet -> "That isn\'t covered in your leaflet, please ring the unit on 01632 555 0240."\n'
        "* under 80 words"
    )
    prompt = _prompt(task)
    assert "Please call 111 now" in prompt
    if "weather" in prompt:
        assert "That isn't covered in your leaflet" in prompt.split("weather", 1)[1][:300]


REVIEWS = [
    "You review Flutter pull requests for our app. Dart 3, Riverpod.\n\nI paste a diff, you reply with findings "
    "only. Severity is BLOCKER, MAJOR or MINOR, nothing else. Max 5 findings.\nNo praise, no summary of the PR.",
    "You review Elixir pull requests for our billing service.\n\nI paste a diff, you reply with findings only. "
    "Severity is HIGH, MEDIUM or LOW. No summary, no praise.",
]


@pytest.mark.parametrize("task", REVIEWS)
def test_a_review_example_keeps_the_brief_bans_and_labels(task: str) -> None:
    prompt = _prompt(task)
    assert "Summary: builds" not in prompt
    assert "Blocking," not in prompt

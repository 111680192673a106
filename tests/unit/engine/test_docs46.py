"""Grounding on documents needs documents; a pasted spec's provenance ("JSON from our provider's docs") grounds
nothing; a translation whose brief fixes the form of address keeps it (rules and example), and its target language
is the translation's, not "the users read German"."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Tamar Valley Credit Union - members' loan chat. It can use these functions (JSON from our provider's docs): "
        "verify_member(member_no, dob), loan_quote(member_no, amount_gbp, months). Call verify_member before any "
        "quote. Keep replies under 90 words.",
        "Booking assistant for our climbing gym. Tools (YAML from the vendor documentation): "
        "check_slots(date), book_slot(date, name). Always check_slots before book_slot and confirm with the "
        "customer first.",
    ],
)
def test_a_spec_taken_from_docs_grounds_no_answers(task: str) -> None:
    prompt = _prompt(task)
    assert "outside knowledge" not in prompt
    assert "supplied doc" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "We're a language school. I need a chatbot that answers student questions about courses, fees and "
        "enrolment. Accuracy matters: if it's not sure, it should say it doesn't know rather than guess.",
    ],
)
def test_grounding_without_documents_keeps_to_the_instructions(task: str) -> None:
    prompt = _prompt(task)
    assert "the supplied documents" not in prompt
    assert "Answer only from the information in these instructions" in prompt


def test_named_documents_stay_the_source() -> None:
    prompt = _prompt("Customer support bot for Acme that answers billing questions using the help-center article.")
    assert "Answer only from the help-center article" in prompt


_NL_DE = (
    "Zeilschool in Friesland. We willen onze Nederlandse teksten (instructies, mails) laten vertalen naar het Duits.\n"
    "- Alleen de vertaling teruggeven, geen uitleg.\n"
    '- Duitse u-vorm (Sie), ook als de Nederlandse tekst "je" gebruikt.\n'
    "- Plaatsnamen NIET vertalen."
)
_EN_DE = (
    "Translate our English customer emails into German for our shop in Vienna. Always use the formal address "
    "(Sie), even when the English is chatty. Return only the translation."
)
_EN_ES = (
    "Translate our app's English notifications into Spanish. Use usted (formal register) throughout, never tú. "
    "Only the translation, no notes."
)
_EN_FR = "Translate our English newsletter into French for teenagers. Tutoie le lecteur (tu). No notes, just the text."


@pytest.mark.parametrize("task", [_NL_DE, _EN_DE, _EN_ES, _EN_FR])
def test_a_fixed_register_is_not_the_sources(task: str) -> None:
    assert "Match the register of the source" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "wanted", "unwanted"),
    [
        (_NL_DE, "Ihre Bestellung", "Deine Bestellung"),
        (_EN_DE, "Ihre Bestellung", "Deine Bestellung"),
        (_EN_ES, "Su pedido", "Tu pedido"),
        (_EN_FR, "Ta commande", "Votre commande"),
    ],
)
def test_the_example_keeps_the_briefs_register(task: str, wanted: str, unwanted: str) -> None:
    prompt = _prompt(task)
    assert unwanted not in prompt
    if "<examples>" in prompt:
        assert wanted in prompt


def test_a_register_left_to_the_source_stays() -> None:
    assert "Match the register of the source" in _prompt("Translate our English help articles into Dutch.")


_LEAFLET = (
    "For the day surgery unit. We'd like a chat assistant for patients that answers ONLY from our aftercare leaflet "
    "(pasted below). Short plain sentences.\n\n--- LEAFLET ---\nEye drops: Maxidex 4 times a day for 2 weeks, then "
    "2 times a day for 2 weeks. Wash your hands first.\nWashing: no water in the eye for 2 weeks.\n--- END ---\n\n"
    "Rules:\n- If it's not in the leaflet, tell them to call the ward on 01752 555 0147.\n- Max 80 words."
)
_OWN_SCHEDULE = (
    "A chat assistant for parents after their child's tonsil operation at our clinic. It answers from our aftercare "
    "sheet: paracetamol every 6 hours for 5 days, ice lollies are fine, no school for 2 weeks. If the child bleeds "
    "from the mouth, tell them to call 999. Keep it under 60 words."
)
_GERMAN = (
    "Ein Chat für Patientinnen und Patienten nach der Augen-OP in unserer Praxis. Er beantwortet Fragen nur aus "
    "unserem Merkblatt: Augentropfen 3-mal täglich für 2 Wochen, nachts die Schutzkappe tragen, 2 Wochen kein Sport. "
    "Bei starken Schmerzen: sofort die Praxis anrufen (0421 555 310). Höchstens 80 Wörter."
)


@pytest.mark.parametrize("task", [_LEAFLET, _OWN_SCHEDULE, _GERMAN])
def test_the_briefs_own_doses_are_given_as_it_states_them(task: str) -> None:
    prompt = _prompt(task)
    assert "recommend a specific treatment, medication or dose" not in prompt
    assert "dose only as the material in these instructions states it" in prompt


def test_a_dose_the_brief_rules_out_keeps_the_pack_rule() -> None:
    prompt = _prompt(
        "A health information chat for our pharmacy's website. It explains what common conditions are. Never tell "
        "anyone to take 2 tablets every 6 hours or any other dose. Keep answers under 80 words."
    )
    assert "dose only as the material in these instructions states it" not in prompt


def _output(task: str) -> str:
    return _prompt(task).split("<output_format>")[1].split("</output_format>")[0]


@pytest.mark.parametrize(
    ("task", "titles"),
    [
        (
            "Every Friday I paste the week's team updates from Slack and it turns them into a one-page note with "
            "sections: Wins, Incidents, Actions for next week. Keep it under 300 words.",
            ('"Wins"', '"Incidents"', '"Actions for next week"'),
        ),
        (
            "Jeden Freitag füge ich die Team-Updates ein und der Assistent macht daraus eine einseitige Notiz mit den "
            "Abschnitten: Erfolge, Vorfälle, Aufgaben für nächste Woche. Höchstens 300 Wörter.",
            ('"Erfolge"', '"Vorfälle"', '"Aufgaben für nächste Woche"'),
        ),
        (
            "Cada viernes pego las novedades del equipo y el asistente las convierte en una nota de una página con "
            "las secciones: Logros, Incidencias y Tareas para la próxima semana.",
            ('"Logros"', '"Incidencias"', '"Tareas para la próxima semana"'),
        ),
        (
            "Chaque lundi je colle les notes de réunion et l'assistant en fait un compte rendu avec les rubriques : "
            "Décisions, Risques, Prochaines étapes. 200 mots maximum.",
            ('"Décisions"', '"Risques"', '"Prochaines étapes"'),
        ),
    ],
)
def test_named_sections_are_the_replys_layout(task: str, titles: tuple[str, ...]) -> None:
    output = _output(task)
    positions = [output.find(title) for title in titles]
    assert all(p >= 0 for p in positions), output
    assert positions == sorted(positions)

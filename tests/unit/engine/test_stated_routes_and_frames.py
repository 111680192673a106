"""A brief that rules out the lawyer's role or a legal assessment keeps no generic legal pack, a legal drop-in
clinic is no health care, drafts of documents make a writing job, writing *to* an address does not, the sentence
that says what a wished-for assistant is for belongs to its job, and an action's list is no item condition."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from app.engine.safety import detect_domains

_TENANTS = (
    "Cascade Renters Union. We want a chat assistant that answers tenants' questions using ONLY our handbook.\n"
    "Rules\n"
    "* we are NOT lawyers. never say whether they'd win, never tell them to withhold rent\n"
    "* anyone who mentions an eviction notice: give them the Eastside Tenant Legal Line, (503) 555-0147\n"
    "* if the handbook doesn't cover it, point them to our Tuesday drop-in clinic at 2217 SE Belmont St."
)
_WARNINGS = (
    "Wir brauchen einen Assistenten für unsere Schichtleiter bei Kronberg Logistik. Damit sollen sie Entwürfe für "
    "Abmahnungen schreiben, wenn jemand wiederholt zu spät kommt.\n"
    "- Der Assistent gibt KEINE arbeitsrechtliche Einschätzung. Bei solchen Fragen an die Personalabteilung "
    "verweisen: personal@kronberg-logistik.de.\n"
    "- Fehlen Angaben, erst nachfragen, dann schreiben."
)


def test_not_lawyers_drops_the_generic_legal_pack() -> None:
    prompt = generate(Brief(task=_TENANTS, target="claude")).prompt
    assert "qualified lawyer" not in prompt
    assert "contact a lawyer" not in prompt


def test_a_drop_in_clinic_is_no_health_care() -> None:
    assert "medical" not in detect_domains([_TENANTS])
    assert "medical" in detect_domains(["Chat assistant for our physiotherapy clinic's patients."])


def test_no_legal_assessment_with_a_route_drops_the_legal_pack() -> None:
    prompt = generate(Brief(task=_WARNINGS, target="claude")).prompt
    assert "lawyer" not in prompt


def test_drafts_of_documents_are_a_writing_job() -> None:
    prompt = generate(Brief(task=_WARNINGS, target="claude")).prompt
    assert "the text the brief asks for" in prompt
    assert "Answer the question that was asked first" not in prompt


def test_the_purpose_sentence_joins_the_quoted_job() -> None:
    prompt = generate(Brief(task=_WARNINGS, target="claude")).prompt
    role = prompt.split("</role>")[0]
    assert "Damit sollen sie Entwürfe für Abmahnungen schreiben" in role
    assert prompt.count("Damit sollen sie") == 1


def test_writing_to_an_address_is_no_writing_job() -> None:
    task = (
        "Queremos poner un asistente en la web que resuelva las dudas prácticas de los estudiantes: cómo pedir cita "
        "y horarios. La cita se pide escribiendo a sap@uni.es o llamando al 918 234 560."
    )
    assert "the text the brief asks for" not in generate(Brief(task=task, target="claude")).prompt


def test_an_actions_list_after_a_colon_is_no_item_condition() -> None:
    task = (
        "Sales call role-play for reps. The AI plays Dana, a skeptical CFO.\n"
        "- When the rep types END, drop the character and score the call 1-5 on each of: discovery, objection "
        "handling, next-step close. Give one line of evidence for each score."
    )
    texts = [c.text for c in read_constraints(Brief(task=task))]
    assert not any(
        text.startswith("When the rep types END, drop the character and score the call 1-5 on each of,")
        for text in texts
    )

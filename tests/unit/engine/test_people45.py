"""Audiences, reading levels, referrals, listed triggers and slot names read as general rules.

- An age eligibility rule ("Users must not be under 13") is no audience and no child reader.
- A reading age or a school year ("reading age 9", "so a fifth grader could understand") is a reading level.
- A referral the brief refuses or gives itself leaves the pack no lawyer or adviser of its own; a lawyer the person
  is only sent to, or a quoted word a message is checked for, brings no legal pack.
- Every trigger of a listed case stays in its condition, in any language.
- A slot is named after the brief's own noun and never asks for what the brief writes itself.
"""

from __future__ import annotations

import re

import pytest

from app.engine import Brief, generate
from app.engine.generate import read_constraints

_CHILD_PACK = "a child's personal information"
_LEGAL_PACK = "Give general legal information"
_LAWYER = "lawyer or legal aid service"


def _prompt(task: str, target: str = "claude") -> str:
    return generate(Brief(task=task, target=target)).prompt


def _of_kind(task: str, kind: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == kind]


def _slots(task: str) -> set[str]:
    return set(re.findall(r"\{\{([a-z_]+)\}\}", _prompt(task, "gpt")))


# ---- 1. eligibility is no audience


@pytest.mark.parametrize(
    "task",
    [
        "Write a support bot for our homework app. Users must not be under 13.",
        "Chat assistant for our gym. Members have to be at least 16.",
    ],
)
def test_an_age_eligibility_rule_is_no_audience(task: str) -> None:
    assert _of_kind(task, "audience") == []
    assert _CHILD_PACK not in _prompt(task)
    # (an upper bound on the readers still names them: the children read the replies)
    assert _CHILD_PACK in _prompt("Write a reading buddy prompt for kids under 10.")


# ---- 2. a reading age or a school year is a reading level


@pytest.mark.parametrize(
    ("task", "level"),
    [
        ("Write a prompt that explains science news. Reading age 9.", "reading age of 9"),
        ("Prompt: summarise news articles so that a reading age of 9 can follow.", "reading age of 9"),
        ("Rewrite the letters so a fifth grader could understand them.", "grade 5 reading level"),
        ("Schreibe einen Prompt: erkläre Mietverträge auf dem Niveau der 5. Klasse.", "grade 5 reading level"),
    ],
)
def test_a_reading_age_is_a_reading_level(task: str, level: str) -> None:
    assert any(level in text for text in _of_kind(task, "requirement"))
    assert _of_kind(task, "audience") == []
    assert _CHILD_PACK not in _prompt(task)


# ---- 3. a refused referral, the brief's own referral, a lawyer one is sent to


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant for our tenants' association. Explain tenancy rights in general terms. We never refer people "
        "to a lawyer; we help them write letters to the landlord themselves.",
        "Chatbot for our housing charity. Answer questions about evictions and deposits. Don't suggest a solicitor - "
        "most of our members can't afford one.",
        "Assistant pour notre association de locataires. Explique les droits des locataires. Ne renvoie jamais les "
        "gens vers un avocat.",
        "Chatbot für unseren Mieterverein. Erkläre Mietrecht allgemein. Verweise niemals an einen Anwalt.",
    ],
)
def test_a_refused_referral_leaves_no_lawyer(task: str) -> None:
    prompt = _prompt(task)
    assert _LEGAL_PACK in prompt
    assert _LAWYER not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Write e-mails to learners for our driving school: lesson reminders, test dates, payment reminders. If a "
        "learner got a fine or was in an accident, tell them to speak to their lawyer or insurer, not us.",
        "Écris les e-mails de notre auto-école aux élèves : rappels de leçons, dates d'examen. Si un élève parle "
        "d'une amende, dis-lui de voir son avocat.",
        "Schreibe E-Mails unserer Fahrschule an Fahrschüler: Terminerinnerungen, Prüfungstermine. Bei Bußgeldfragen "
        "an den eigenen Anwalt verweisen.",
        "Je gère l'auto-école Permis Facile. Je veux un assistant qui lit chaque e-mail d'élève et prépare une "
        "réponse. Si le message contient « avocat » ou « remboursement » : Priorité : haute.",
    ],
)
def test_a_lawyer_named_only_as_a_route_brings_no_legal_pack(task: str) -> None:
    assert _LEGAL_PACK not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Chat for our energy supplier. Explain bills and tariffs. Don't give budgeting or debt advice, say: "
        '"For free help, call National Debtline on 0808 808 4000."',
        "Chat for our mortgage broker. Explain fixed and variable rates in general. For your own situation: "
        '"One of our brokers can look at your case, call 0161 496 0000." Never say whether a loan will be granted.',
    ],
)
def test_the_briefs_own_referral_leaves_no_adviser_beside_it(task: str) -> None:
    prompt = _prompt(task)
    assert "a financial adviser, an accountant" not in prompt
    assert "tax code" not in prompt


# ---- 4. every trigger of a listed case stays


@pytest.mark.parametrize(
    ("task", "triggers"),
    [
        (
            "Asistente para nuestra academia. Si el alumno menciona acoso, autolesiones o violencia en casa, dale el "
            "teléfono 024 y avisa a la tutora.",
            ("acoso", "autolesiones", "violencia en casa"),
        ),
        (
            "Assistant pour notre lycée. Si l'élève parle de harcèlement, d'automutilation ou de violences, "
            "donne-lui le numéro 3114.",
            ("harcèlement", "automutilation", "violences"),
        ),
        (
            "Chatbot per la nostra scuola. Se lo studente parla di bullismo, autolesionismo o abusi, dagli il "
            "numero 1522.",
            ("bullismo", "autolesionismo", "abusi"),
        ),
        (
            "Wellbeing bot for our uni. Whenever someone talks about suicide, self-harm, or abuse, you should give "
            "them the Samaritans number 116 123.",
            ("suicide", "self-harm", "abuse"),
        ),
        (
            "Chat companion for our youth club. If a user mentions self-harm, suicidal thoughts or abuse, the bot "
            "must not try to counsel them; it shares Childline (0800 1111) instead.",
            ("self-harm", "suicidal thoughts", "abuse"),
        ),
        (
            "Answer patients' questions from the booklet. If someone describes a stoma that has turned dark purple, "
            "no output for more than 24 hours with vomiting, or heavy bleeding, the FIRST thing you write is "
            '"Please call 999 or go to A&E now."',
            ("dark purple", "24 hours", "heavy bleeding"),
        ),
    ],
)
def test_every_listed_trigger_stays_in_the_condition(task: str, triggers: tuple[str, ...]) -> None:
    fallbacks = _of_kind(task, "fallback")
    assert any(all(t in text for t in triggers) for text in fallbacks), fallbacks


# ---- 5. slot names


@pytest.mark.parametrize(
    ("task", "slot"),
    [
        ("Answer patients' questions using ONLY the clinic leaflet that is pasted in below each conversation.",
         "clinic_leaflet"),
        ("Answer customer questions using only the price list that is pasted in below.", "price_list"),
        ("Answer questions using the staff handbook which will be pasted in at the end.", "staff_handbook"),
    ],
)  # fmt: skip
def test_a_pasted_slot_is_named_after_the_briefs_noun(task: str, slot: str) -> None:
    slots = _slots(task)
    assert slot in slots
    assert not any(name.endswith(("_that", "_which")) for name in slots)


@pytest.mark.parametrize(
    "task",
    [
        "Review our Django PRs. Never log users' names, emails or postcodes. Focus on security.",
        "Code review for our Node backend. Emails and phone numbers must never appear in logs.",
    ],
)
def test_emails_as_personal_data_ask_for_no_email_slot(task: str) -> None:
    assert "email" not in _slots(task)


def test_a_listed_schema_asks_for_no_schema_slot() -> None:
    task = (
        "SQL helper for the revenue team. Data is in Snowflake, schema TICKETING:\n"
        "- TICKETING.JOURNEYS(journey_id, route_no, boarded_at TIMESTAMP_NTZ in UTC, fare_pence)\n"
        "- TICKETING.ROUTES(route_no, route_name, depot, is_school_route BOOLEAN)\n"
        "- TICKETING.MACHINES(machine_id, depot, firmware, last_sync)\n"
        "Snowflake SQL only, read-only."
    )
    assert "schema" not in _slots(task)

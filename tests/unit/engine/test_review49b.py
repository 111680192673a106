"""Regressions a hostile review found in round 49's merged fixes, each through the public pipeline."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for Calmly, a meditation app. It is NOT a therapist. Answer billing and login questions; "
        "refunds over 30 days go to a human agent.",
        "FAQ assistant for the MindSteps app (this is not therapy): answer questions about subscriptions, "
        "password resets and cancelling; anything about a charge goes to support@mindsteps.example.",
    ],
)
def test_a_not_therapy_disclaimer_alone_keeps_a_support_frame(task: str) -> None:
    assert "customer support agent" in _prompt(task)


def test_a_listening_job_still_makes_a_listening_companion() -> None:
    task = (
        "Evening chat for a hospice's bereaved families. It is NOT counselling: listen, reflect back what they "
        "say, and never give advice about wills or probate."
    )
    assert "customer support agent" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Patient leaflet Q&A for a cataract clinic. Answer ONLY from the leaflet below.\n\nLEAFLET: Use the drops "
        "as the nurse showed you. Do not rub your eye. Call the eye unit if the pain gets worse.",
        "Chatbot for a physiotherapy practice's patients. Never diagnose anything. Answer questions about "
        "appointments, parking and what to wear to a session.",
    ],
)
def test_a_brief_that_draws_the_health_line_keeps_the_treatment_and_dose_limits(task: str) -> None:
    prompt = _prompt(task)
    assert "do not recommend a treatment, medication or dose" in prompt
    assert "Give general health information only" not in prompt


@pytest.mark.parametrize(
    ("task", "form"),
    [
        ("Kundenchat für die Bäckerei Krume. Antworte auf Deutsch, auch wenn jemand englisch schreibt, und sieze die "
         "Kunden.", "«Sie»"),
        ("Chat für die Tanzschule Takt. Antworte immer auf Deutsch, auch wenn jemand auf Englisch schreibt, und duze "
         "die Leute.", "«du»"),
        ("Vertaal onze nieuwsbrief naar het Duits. Gebruik de Duitse u-vorm (Sie), ook als de Nederlandse tekst je "
         "gebruikt.", "«Sie»"),
    ],
)  # fmt: skip
def test_the_briefs_own_form_of_address_after_a_concessive_clause_or_in_brackets(task: str, form: str) -> None:
    assert f"form of address ({form})" in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Customer Support Bot - answers questions about orders and returns for Acme Shoes.",
        "Email Triage Assistant - sorts the shared inbox of a plumbing firm into urgent, quote and other.",
    ],
)
def test_a_product_title_at_the_opening_is_no_business_name(task: str) -> None:
    prompt = _prompt(task)
    assert "for Customer Support Bot" not in prompt
    assert "for Email Triage Assistant" not in prompt

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

"""A labelling job that also writes the reply blends the reply's writer; "we post on Facebook" asks for no posts; a
layout line that holds the label gets no second, closing label line."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import build_spec, generate, prepare_brief, read_constraints
from app.engine.job_choice import classify_brief

_DRAFTERS = {"meeting_email_assistant", "customer_support"}


def _jobs(task: str) -> list[str]:
    brief = prepare_brief(Brief(task=task))[0].brief
    return [m.id for m in classify_brief(brief, read_constraints(brief))]


@pytest.mark.parametrize(
    "task",
    [
        "we run a small farm shop. make a prompt for something that reads our emails and sorts them + writes a reply "
        "for me to check before sending.\nLabels (exactly one per email): opening_times / group_booking / complaint / "
        "other\nOutput like this:\nLabel: the label\nReply:\nthe draft\nKeep drafts to max 60 words.",
        "Club de tenis Los Pinos. Clasifica cada WhatsApp de los socios y escribe la respuesta.\n"
        "Etiquetas: RESERVA, CLASES, TORNEO, OTRO\nFormato:\nETIQUETA: ...\nRESPUESTA: ...\n"
        "Respuesta de 40 palabras máximo.",
        "Je gère une école de danse. Je veux un assistant qui lit chaque e-mail, le classe et prépare une réponse.\n"
        "Catégories (une seule) : inscription / planning / tarifs / autre\nFormat :\nCatégorie : la catégorie\n"
        "Réponse :\nle brouillon",
        "pottery studio here, inbox is a mess. tag each email and write me a draft i can edit\n"
        "tags - pick ONE: class_booking, membership, refund, other\nformat:\nTAG: <tag>\nDRAFT: <reply>",
    ],
)
def test_a_label_and_a_drafted_reply_blend_the_reply_writer(task: str) -> None:
    jobs = _jobs(task)
    assert jobs[0] == "classification" or jobs[0] in _DRAFTERS
    assert _DRAFTERS & set(jobs)


def test_an_email_reply_brings_the_email_assistant_beside_a_support_word() -> None:
    # "refund" and "complaint" are label names here, the drafted reply answers an e-mail
    task = (
        "Read each email to our bakery, sort it and write a short reply for me to check.\n"
        "Labels: order_change, refund, complaint, other\nLabel: the label\nReply: the draft"
    )
    assert "meeting_email_assistant" in _jobs(task)


def test_a_reply_someone_else_writes_brings_no_writer() -> None:
    task = (
        "Sort each email into one of: billing, delivery, other. Output only the label. "
        "Agents write the replies afterwards; you only pick the label."
    )
    assert not _DRAFTERS & set(_jobs(task))


@pytest.mark.parametrize(
    "task",
    [
        "Sort each email into: opening_times, booking, other, and write a reply. Our hours: 9-5, closed when it rains "
        "(we post on Facebook by 8am).",
        "Sort each email into: opening_times, booking, other, and write a reply. If we close early we usually post on "
        "Facebook.",
    ],
)
def test_where_we_post_news_is_no_social_post_job(task: str) -> None:
    assert "marketing_copy" not in _jobs(task)


@pytest.mark.parametrize(
    "task",
    [
        "Write posts on Facebook and Instagram for our bakery's weekly specials.",
        "Gestisco un agriturismo. Mi serve un aiuto per scrivere i post Instagram: io ti do due righe e tu scrivi il "
        "post. Massimo 80 parole.",
    ],
)
def test_posts_to_write_for_social_media_still_are_marketing(task: str) -> None:
    assert "marketing_copy" in _jobs(task)


@pytest.mark.parametrize(
    ("task", "key"),
    [
        (
            "tag each email and write me a draft i can edit\n"
            "tags - pick ONE: class_booking, membership, refund, other\n"
            "format every time:\nTAG: <tag>\nDRAFT: <reply>\ndrafts under 50 words.",
            "TAG:",
        ),
        (
            "Clasifica cada WhatsApp de los socios y escribe la respuesta.\nEtiquetas: RESERVA, CLASES, TORNEO, OTRO\n"
            "Formato:\nETIQUETA: ...\nRESPUESTA: ...\nRespuesta de 40 palabras máximo.",
            "ETIQUETA:",
        ),
    ],
)
def test_the_layouts_label_line_is_the_only_label_line(task: str, key: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    assert key in prompt
    assert "End with one line that starts with" not in prompt
    assert build_spec(Brief(task=task))[0] is not None


@pytest.mark.parametrize(
    ("task", "second"),
    [
        (
            "You triage support tickets for our web shop. For each ticket, tag the category "
            "(billing/shipping/returns/other) and urgency (low/medium/high), then draft a reply for the agent to "
            "check. Replies max 80 words.",
            "low, medium, high",
        ),
        (
            "For each customer email, give the category (orders / returns / other) and the priority (urgent / normal), "
            "then write a reply draft.",
            "urgent, normal",
        ),
    ],
)
def test_the_one_label_rule_names_every_label_set(task: str, second: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    rule = next(line for line in prompt.splitlines() if "Choose exactly one label" in line)
    assert second in rule

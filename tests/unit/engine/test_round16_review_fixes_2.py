"""More fixes after round 16's review, each on new wording: "Abs." and „…" do not end a sentence, a bare fence
closes pasted material, "24/7" is no phone number, a label's definition is no prohibition, "drafts a reply" is a
reply writer, "Résumer des arrêts" is a summary, "For each judgment: at most 5 bullets" limits each judgment, and a
written reply carries its label beside the text."""

from __future__ import annotations

import re

import pytest

from app.engine import Brief, generate
from app.engine.classify import score_all
from app.engine.constraints import Constraint


def _constraints(task: str, kind: str) -> list[Constraint]:
    return [c for c in generate(Brief(task=task)).constraints if c.kind == kind]


def test_an_abbreviation_and_a_german_quote_do_not_end_a_sentence() -> None:
    prompt = generate(
        Brief(
            task="Interner Assistent für die Mitarbeitenden der Lindner Bau GmbH. Er beantwortet Fragen zur "
            'Reisekostenrichtlinie. Immer die Ziffer nennen (z. B. „Nr. 4 Abs. 2"). Antworten kurz, max. 3 Sätze.',
            target="claude",
        )
    ).prompt
    assert '„Nr. 4 Abs. 2")' in prompt
    assert not re.search(r"^\d+\. B\. „", prompt, re.MULTILINE)  # no rule starts at "B." of "z. B."
    assert "Antworten kurz, max. 3 Sätze" in prompt


def test_a_bare_fence_closes_the_pasted_block() -> None:
    prompt = generate(
        Brief(
            task="Answer staff questions from the travel policy below, citing the clause.\n\n"
            "--- Travel policy (2025) ---\n"
            "1. Economy class for flights under 6 hours.\n2. Hotels up to 140 EUR per night.\n"
            "3. Receipts within 30 days.\n---\n\nNo legal advice. Refer disputes to hr@lindner.example.",
            target="claude",
        )
    ).prompt
    assert "--- No legal advice" not in prompt
    assert "hr@lindner.example" in prompt


def test_round_the_clock_is_not_a_phone_number() -> None:
    values = [c.value for c in _constraints("For outages, tell them to call our 24/7 line 0800 555 0199.", "fallback")]
    assert values == ["0800 555 0199"]


def test_what_a_label_covers_is_not_a_prohibition() -> None:
    task = (
        "Tag each guest message: URGENT (no hot water, no power, locked out), HOUSEKEEPING, BILLING, OTHER. "
        "Never promise a refund."
    )
    prohibitions = [c.text for c in _constraints(task, "prohibition")]
    assert prohibitions == ["Never promise a refund."]


def test_drafts_a_reply_after_reading_an_email_is_a_reply_writer() -> None:
    prompt = generate(
        Brief(task="Reads each guest email for Harbour Inn, tags it and drafts a reply I can send.", target="claude")
    ).prompt
    assert "Capture every decision, owner and due date" not in prompt
    assert "incoming email" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Résumer les comptes rendus de chantier pour les conducteurs de travaux.",
        "Fasse die Protokolle der Betriebsratssitzungen kurz zusammen.",
        "Riassumere i verbali delle riunioni di condominio.",
        "Resumir las actas de las reuniones del consejo escolar.",
    ],
)
def test_the_summary_verb_in_other_languages_is_a_job_keyword(task: str) -> None:
    [summary] = [m for m in score_all(task) if m.id == "summarization"]
    assert "summarise (other languages)" in summary.features


def test_a_resume_in_english_is_no_summary_keyword() -> None:
    found = [m for m in score_all("Review my résumé and suggest better bullet points.") if m.id == "summarization"]
    assert all("summarise (other languages)" not in m.features for m in found)


def test_a_limit_under_for_each_applies_to_each_item() -> None:
    [limit] = _constraints(
        "Summarise the rulings. For each ruling: at most 4 bullets, then the docket number.", "limit"
    )
    assert limit.scope == "each ruling"
    [foreign] = _constraints("Résumer les arrêts. Pour chaque arrêt : 4 puces maximum.", "limit")
    assert foreign.scope == "each arrêt"
    [rate] = _constraints("Summarise the rulings in at most 4 bullets per day.", "limit")
    assert rate.scope != "each day"


def test_sorting_then_drafting_keeps_the_label_beside_the_reply() -> None:
    prompt = generate(
        Brief(task="Read each email, sort it as BOOKING, COMPLAINT or OTHER, and draft a reply.", target="claude")
    ).prompt
    output = prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert "Reply with exactly one of these labels" not in output
    assert "BOOKING, COMPLAINT" in output
    assert 'Use the label "OTHER" when no label fits.' in prompt
    assert "Capture every decision, owner and due date" not in prompt

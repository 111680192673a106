"""Generated prompts pass their own fidelity check: limits the reader must not take for reply limits, brief-scoped
limits carried in the prompt, and words-free "replies" that are no fallback."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.limits import find_limits
from app.engine.fidelity import check_fidelity
from app.engine.generate import generate


def _generated(task: str) -> tuple[list[str], list[tuple[str | None, str | None, int | None]]]:
    result = generate(Brief(task=task, target="claude"))
    findings = [f.message for f in check_fidelity(result.constraints, result.prompt)]
    limits = [(c.unit, c.scope, c.exact or c.maximum) for c in result.constraints if c.kind == "limit"]
    return findings, limits


# A count of how often something may happen, or of the business's passengers: no limit on the reply.
@pytest.mark.parametrize(
    "task",
    [
        "Chatbot für Paketstationen. Fach fernöffnen nur vor Ort, und max. 2 mal pro Sendung. "
        "Antworte in höchstens 3 Sätzen.",
        "Assistant de consigne. Rouvre le casier à distance max. 2 fois par colis. Réponds en 3 phrases maximum.",
        "Kluisjesbot. Open het kluisje op afstand max. 2 keer per pakket. Antwoord in maximaal 3 zinnen.",
        "Assistente per un noleggio di barche (barche da max 8\npasseggeri). Rispondi in massimo 3 frasi.",
        "Bot for a shuttle firm: vans take max 6 passagers. Reply in at most 3 sentences.",
    ],
)
def test_business_counts_are_no_reply_limit(task: str) -> None:
    findings, limits = _generated(task)
    assert findings == []
    assert limits == [("sentences", None, 3)]


# "with one line on why", "say so in one sentence": one part of the reply, beside a whole-reply limit.
@pytest.mark.parametrize(
    ("task", "unit"),
    [
        ("Tag the support email as urgent, normal or low, with one line on why. Then draft a reply to the "
         "customer, at most 3 sentences.", "lines"),
        ("Bot de citas del taller. Las motos no se reparan aquí. Decirlo en una frase y ya. Máximo 3 frases por "
         "respuesta.", "sentences"),
        ("Chatbot der Gemeinde. Sperrmüll wird nicht abgeholt. Sag das in einem Satz. Antworte in höchstens "
         "3 Sätzen.", "sentences"),
        ("Booking bot for a dentist. We do not treat children. Say so in one sentence. Keep replies to at most "
         "3 sentences.", "sentences"),
    ],
)  # fmt: skip
def test_one_part_count_is_no_whole_reply_limit(task: str, unit: str) -> None:
    findings, limits = _generated(task)
    assert findings == []
    assert (unit, None, 1) not in limits
    assert ("sentences", None, 3) in limits


# A word of the prompt's own prose is no limit ("readers who stumble over one word").
@pytest.mark.parametrize(
    "text",
    [
        "Readers who stumble over one word often give up.",
        "Children who trip over one sentence lose interest.",
        "People often agonise over one line for hours.",
    ],
)
def test_over_after_a_verb_is_no_limit(text: str) -> None:
    assert find_limits(text) == []
    assert find_limits("Keep the reply over 50 words.")[0].minimum == 50  # "over" as a cue still reads


def test_plain_language_prompt_passes_its_check() -> None:
    findings, limits = _generated("rewrite our flood warning letters in plain english for tenants, under 100 words")
    assert findings == []
    assert limits == [("words", None, 100)]


# A limit the brief puts on one labelled line or one step, carried in its words: no clash with the reply's limit.
@pytest.mark.parametrize(
    "task",
    [
        "Role-play a hotel guest for trainee receptionists. Speak only as the guest: at most 2 sentences per turn. "
        "When the trainee types STOP, drop the character and give feedback in exactly this layout, max 80 words "
        "in total:\nGOOD:\nTO IMPROVE:\nSCORE: x/10",
        "Role-play a tenant for trainee letting agents. Speak only as the tenant: max 3 sentences per turn. When "
        "the trainee types END, drop the character and give feedback in exactly this layout, max 100 words in "
        "total:\nWHAT WORKED:\nMISSED:\nSCORE: x/10",
    ],
)
def test_brief_part_limit_carried_passes(task: str) -> None:
    findings, _ = _generated(task)
    assert findings == []


def test_widened_part_limit_still_fails() -> None:
    """Guard: the same numbers put on the whole reply by the prompt's own words still contradict it."""
    task = (
        "Summarise each intake call. Exact layout, plain text, these three lines and nothing else:\n"
        "CONCERN: what they want help with, max 20 words\nRISK: NONE or RISK\nGOALS: their goals"
    )
    constraints = extract_constraints(Brief(task=task))
    prompt = generate(Brief(task=task, target="claude")).prompt + "\nKeep the reply to at most 20 words.\n"
    assert any(f.rule_id == "FID-02" for f in check_fidelity(constraints, prompt))


# Silence played in a scene ('reply exactly: "..."') says no words: no fallback to carry.
@pytest.mark.parametrize(
    "task",
    [
        'Play a patient for OSCE practice. If the student uses jargon without explaining it, reply exactly: "..."',
        'Interpreta a un paciente. Si el estudiante usa jerga sin explicarla, responde exactamente: "..."',
        'Spiele einen Patienten. Wenn der Student Fachbegriffe nicht erklärt, antworte nur: "..."',
    ],
)
def test_wordless_reply_is_no_fallback(task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert check_fidelity(result.constraints, result.prompt) == []
    assert not [c for c in result.constraints if c.kind == "fallback"]

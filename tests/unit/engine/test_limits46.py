"""Limits (round 46): a count of the things a reply contains, whatever the noun and language, is a limit on them;
quantities of the world are not."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import brief_fidelity, generate, read_constraints
from app.engine.lint import lint_prompt


def _counts(task: str) -> list[tuple[int | None, int | None]]:
    return [(c.maximum, c.exact) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


# 1. Count limits on other nouns


@pytest.mark.parametrize(
    ("task", "bound"),
    [
        ("Du hilfst bei Liebeskummer. Erst zuhören, dann höchstens 3 praktische Tipps geben.", (3, None)),
        ("Correggi il testo. Alla fine un riepilogo: al massimo 5 errori, ognuno corretto.", (5, None)),
        ("Code-Review-Bot. Höchstens 8 Kommentare pro PR, die kritischen zuerst.", (8, None)),
        ("Murder mystery game for a care home. 4 suspects max. Give one clue per turn.", (4, None)),
        ("Text adventure on a submarine. Always end with exactly 3 numbered choices.", (None, 3)),
        ("Mock interview for a data analyst. Ask one question at a time, 6 questions total.", (None, 6)),
        ("Entrevista simulada. Faça exatamente 6 perguntas, uma de cada vez.", (None, 6)),
        ("Tarjetas de felicitación. Da 3 opciones numeradas para cada mensaje.", (None, 3)),
        ("Pub quiz host. Rounds of 10 questions, four options each.", (None, 10)),
        ("コードレビュー担当。指摘は最大10件まで、重要なものから順に。", (10, None)),
        ("Schreibtrainer. Stelle höchstens 2 Rückfragen, dann antworte.", (2, None)),
        ("Aide aux devoirs. Donne au plus 3 conseils par réponse.", (3, None)),
    ],
)
def test_a_count_of_the_replys_things_is_a_limit(task: str, bound: tuple[int | None, int | None]) -> None:
    assert bound in _counts(task)


@pytest.mark.parametrize(
    "task",
    [
        "Booking bot for a boat hire. We have 5 suspects in our database of late returns.",
        "予約の受付係。1日最大3件の予約を受け付けます。",
        "Restaurant helper. Tables seat at most 6 people; bookings up to 3 hours.",
    ],
)
def test_quantities_of_the_world_are_no_limit(task: str) -> None:
    assert _counts(task) == []


# 3. The contact check treats every phone number the same way, whatever its grouping or the language around it

_ROLE = "You are the support assistant for a small business. "


@pytest.mark.parametrize(
    "line",
    [
        'If the bot is stuck: "Give Dan a ring on 01603 555 218 (8am to 8pm)."',
        'Say exactly "Please call the eye emergency line now on 01752 555 0190."',
        "Our staff support line is 0300 555 0411, any time.",
        "Decir que vengan YA o llamen al 968 555 214.",
        "Depois passe o telefone do plantão (19) 3555-0188.",
        "Per questo chiami il pontile al 030 555 9182, dalle 8.",
        "Rufen Sie bitte heute noch unsere Rechtsberatung an: 0621 555 4470.",
        "If it is urgent during office hours, call 01234 567890.",
    ],
)
def test_every_phone_number_is_flagged_alike(line: str) -> None:
    assert "SEC-06" in {f.rule_id for f in lint_prompt(_ROLE + line).findings}


@pytest.mark.parametrize(
    "line",
    [
        "Our demo line is 555-0123 and the release is 2025-03-14.",
        "Escalations go to (212) 555-0147.",
        "Order numbers look like 2024-0001-9917; the line item count is 12.",
    ],
)
def test_reserved_fictional_numbers_and_codes_are_not_flagged(line: str) -> None:
    assert "SEC-06" not in {f.rule_id for f in lint_prompt(_ROLE + line).findings}


# 2. "X words. exception is Y - those can go to N": one rule with its exception, in every place the prompt states it


@pytest.mark.parametrize(
    ("task", "case"),
    [
        (
            "Tag each email and write a draft. drafts under 50 words. exception is kiln_firing - those can go to 90"
            " words bc people want the prices.",
            "kiln_firing",
        ),
        (
            "Support-Bot für Fahrräder. Antworten höchstens 80 Wörter. Ausnahme: Reparaturanleitungen dürfen bis 200"
            " Wörter haben.",
            "Reparaturanleitungen",
        ),
        (
            "Help desk bot. Keep replies under 60 words. The only exception is setup guides, which can run to"
            " 150 words.",
            "setup guides",
        ),
    ],
)
def test_a_next_sentence_exception_stays_with_its_limit(task: str, case: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    output = result.prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert case in output
    assert not any(f.rule_id == "FID-02" for f in brief_fidelity(Brief(task=task), result.prompt))

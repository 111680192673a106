"""How a brief is cut into clauses and how its fixed lines survive: quoted replies stay whole in every quote style, an
abbreviation or initial ends no sentence, a line shape after "each on one line as" stays in the output section, a
sentence that points back stays with the rule before it, and a reply's own words are never its trigger."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.constraints.clauses import split_clauses


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _fallbacks(task: str) -> list[tuple[str | None, str | None]]:
    return [(c.value, c.condition) for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]


@pytest.mark.parametrize(
    ("text", "whole", "after"),
    [
        ("Sag dann: „Das geht leider nicht. Bitte rufen Sie an.“ Sei freundlich.", "Bitte rufen Sie an.“", "Sei"),
        ("Sag: »Das geht nicht. Ruf uns an.« Sei nett.", "Ruf uns an.«", "Sei nett."),
        ("Dis : « Désolé, ce n'est pas possible. Appelez le 01 23 45 67 89. » Sois poli.", "89. »", "Sois poli."),
        ("Di: 'Lo siento, no podemos. Llama al 900 100 200.' Sé amable.", "200.'", "Sé amable."),
    ],
)
def test_a_quoted_reply_is_one_clause_in_every_quote_style(text: str, whole: str, after: str) -> None:
    clauses = [c.text for c in split_clauses(text)]
    assert len(clauses) == 2
    assert clauses[0].endswith(whole)
    assert clauses[1].startswith(after)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("No scary detail (it's fine to say T. rex ate other dinosaurs). Be kind.", "T. rex ate other dinosaurs"),
        ("Give the nurse line, T. 0117 496 0823, for dosing. Be kind.", "T. 0117 496 0823, for dosing"),
        ("Ask Dr. J. smith's team for help. Be kind.", "J. smith's team"),
    ],
)
def test_an_initial_ends_no_sentence(text: str, kept: str) -> None:
    clauses = [c.text for c in split_clauses(text)]
    assert len(clauses) == 2
    assert kept in clauses[0]


def test_a_reply_said_in_place_of_a_ban_keeps_its_words_and_the_ban_as_its_case() -> None:
    task = (
        "Web chat for an energy supplier's prepayment customers. Don't give budgeting, borrowing or benefits advice, "
        'say: "For free independent help, StepAhead Money Advice is on 0808 157 0688." Never ask for card details.'
    )
    assert _fallbacks(task) == [
        (
            "For free independent help, StepAhead Money Advice is on 0808 157 0688.",
            "When asked to give budgeting, borrowing or benefits advice",
        )
    ]
    prompt = _prompt(task)
    assert '"For free independent help, StepAhead Money Advice is on 0808 157 0688."' in prompt
    assert 'say : "For free independent help."' not in prompt


@pytest.mark.parametrize(
    "task",
    [
        'Chat for a tyre shop. Never quote prices - instead say "Prices depend on the car, please call 0161 555 0101."',
        'Helpdesk bot. Do not give legal advice, say: "For legal questions, please call 0800 123 4567."',
    ],
)
def test_the_words_of_a_reply_are_never_its_trigger(task: str) -> None:
    (found,) = _fallbacks(task)
    assert (found[1] or "").startswith("When asked to")


def test_a_line_shape_after_each_on_one_line_as_stays_in_the_output_section() -> None:
    task = (
        "Review Swift pull requests for our choir app. No praise.\n\n"
        "Output: at most 6 findings, most serious first, each on one line as\n"
        "[CRASH|DATA|PRIVACY|STYLE] File.swift:line - problem - suggested fix\n"
        'Then a final line, either "Verdict: merge" or "Verdict: changes needed".'
    )
    prompt = _prompt(task)
    assert "each on one line as." not in prompt
    assert "File.swift:line - problem - suggested fix" in prompt


def test_a_reply_with_a_further_part_is_no_exact_reply() -> None:
    task = (
        "Review Python diffs for our team. List the issues, one per line. If the diff is fine, output only "
        '"No findings." and the verdict line.'
    )
    assert not any(value == "No findings." for value, _ in _fallbacks(task))


@pytest.mark.parametrize(
    ("task", "joined"),
    [
        (
            "You answer questions for a GP surgery's phone line. If the caller mentions chest pain, stop. Then give "
            "the 999 line. Keep replies short.",
            "If the caller mentions chest pain, stop. Then give the 999 line.",
        ),
        (
            "Chat de hipotecas. Nunca aconsejes ocultar deudas ni inflar ingresos. Si lo insinúan, di que con eso no "
            "podemos ayudar. Responde en español.",
            "ingresos. Si lo insinúan, di que",
        ),
        (
            "Chat für einen Fahrradladen. Keine Rückerstattungen im Chat versprechen. Dafür bitte auf das Formular "
            "unter example.de/retoure verweisen. Antworte auf Deutsch.",
            "versprechen. Dafür bitte",
        ),
        (
            'Chat für eine Wohnmobilvermietung. Bei einem Unfall mit Verletzten zuerst: "Bitte rufen Sie sofort die '
            '112 an." Erst danach schaden_melden. Antworte kurz.',
            'an." Erst danach schaden_melden',
        ),
    ],
)
def test_a_sentence_that_points_back_stays_with_its_rule(task: str, joined: str) -> None:
    lines = _prompt(task).splitlines()
    assert any(joined in line for line in lines), lines  # (the sentence and the one it points back to, one rule)


def test_a_case_lists_every_item_up_to_its_action() -> None:
    task = (
        "Answer patients' questions about our travel clinic. If they mention fever, confusion or a rash after coming "
        "back from abroad, or a bad reaction after a jab (swollen face or throat, trouble breathing), start with "
        '"Please call 999 now." before anything else.'
    )
    conditions = [condition for _, condition in _fallbacks(task) if condition]
    assert any("bad reaction after a jab" in condition for condition in conditions), conditions


def test_a_negation_inside_a_german_quoted_reply_is_no_ban() -> None:
    task = (
        "Chat für eine Zahnarztpraxis. Wenn jemand einen Termin buchen will, sag: „Das geht hier leider nicht. "
        "Rufen Sie 0221 123456 an.“ Antworte kurz."
    )
    kinds = [c.kind for c in extract_constraints(Brief(task=task))]
    assert "prohibition" not in kinds


def test_a_phone_line_named_by_its_number_is_no_count_of_lines() -> None:
    task = "Phone-line helper for a GP surgery. If the caller mentions chest pain, stop. Then give the 999 line."
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
    requirements = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "requirement"]
    assert "If the caller mentions chest pain, stop. Then give the 999 line." in requirements


@pytest.mark.parametrize(
    ("task", "case"),
    [
        (
            "Ward helper bot. If they ask about St. Mary's ward, tell them to call 0161 555 0100.",
            "St. Mary's ward",
        ),
        ("Shop bot. If they ask about order Nr. 5 or later, call 0161 555 0100.", "Nr. 5 or later"),
    ],
)
def test_an_abbreviation_ends_no_case(task: str, case: str) -> None:
    assert any(case in (condition or "") for _, condition in _fallbacks(task)), _fallbacks(task)


def test_a_case_ends_before_the_keyed_line_it_sets() -> None:
    task = (
        "Assistant qui classe les e-mails d'une auto-école.\n"
        "- Si le message contient « avocat » ou « remboursement » : Priorité : haute, et la réponse dit seulement "
        "qu'on rappelle sous 48 h au 02 61 91 04 27."
    )
    conditions = [condition or "" for _, condition in _fallbacks(task)]
    assert conditions
    assert not any("Priorité" in condition for condition in conditions), conditions

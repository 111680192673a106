"""Limits and their scope (round 45): a limit's exception, a bracketed limit on one step, a one-step layout with its
trigger, and a length written for each counted thing."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import brief_fidelity, generate, read_constraints


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


def _output(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


# 1. "max N words, except X": the exception travels with the limit


@pytest.mark.parametrize(
    ("task", "said"),
    [
        (
            "You are a cooking assistant. Answer in at most 3 sentences unless they ask for the full recipe.",
            "Keep the reply to at most 3 sentences, unless they ask for the full recipe.",
        ),
        (
            "Travel helper. Keep replies under 60 words except for itineraries, which can be as long as needed.",
            "Keep the reply to at most 60 words, except for itineraries, which can be as long as needed.",
        ),
        (
            "Cooking helper. Except for full recipes, keep answers under 100 words.",
            "Keep the reply to at most 100 words, except for full recipes.",
        ),
        (
            "Explicador de Matemática. Máximo 120 palavras por mensagem, exceto na resolução completa.",
            'Keep the reply to at most 120 words, except as the brief says: "exceto na resolução completa".',
        ),
        (
            "Chatbot für einen Fahrradladen. Höchstens 80 Wörter, außer bei Reparaturanleitungen.",
            'Keep the reply to at most 80 words, except as the brief says: "außer bei Reparaturanleitungen".',
        ),
        (
            "Asistente de cocina. Respuestas de máximo 100 palabras, salvo cuando pidan la receta completa.",
            'Keep the reply to at most 100 words, except as the brief says: "salvo cuando pidan la receta completa".',
        ),
    ],
)
def test_a_limit_keeps_its_exception_in_the_output_section(task: str, said: str) -> None:
    assert said in _output(task)
    assert brief_fidelity(Brief(task=task), generate(Brief(task=task)).prompt) == []


def test_only_a_case_after_except_is_an_exception() -> None:
    assert _limits("Support bot. Max 80 words, except when listing opening hours.")[0][0].endswith(
        "except when listing opening hours."
    )
    for task in (
        "Support bot. Keep every reply under 80 words, no exceptions.",
        "Support bot. Max 80 words and no emoji except 👍.",
        "Support bot. Apart from that, keep replies under 80 words.",
    ):
        assert _limits(task) == [("Keep the reply to at most 80 words.", None)]


def test_a_number_inside_the_exception_is_no_limit_of_its_own() -> None:
    task = (
        "Explicador de Matemática. Máximo 120 palavras por mensagem, exceto na resolução completa (que pode ter até "
        "300 palavras)."
    )
    assert [text for text, _ in _limits(task)] == [
        'Keep the reply to at most 120 words, except as the brief says: "exceto na resolução completa (que pode ter '
        'até 300 palavras)".'
    ]
    assert brief_fidelity(Brief(task=task), generate(Brief(task=task)).prompt) == []
    steps = "Support bot. Max 80 words, except when the customer asks for more than 5 steps."
    assert [scope for _, scope in _limits(steps)] == [None]


# 2. "Give the answer (1 sentence), then the reasoning": the bracketed limit is that part's


@pytest.mark.parametrize(
    ("task", "scoped"),
    [
        ("Code review helper. Give the answer (1 sentence), then the reasoning.", ("the answer", "1 sentence")),
        ("Math helper. Give the answer first (max 2 sentences), then the working step by step.", ("the answer", "2")),
        ("Math helper. Give your answer in one sentence, then show the working.", ("the answer", "1 sentence")),
        (
            "Assistente. Dai la risposta (massimo 1 frase), poi il ragionamento.",
            ('the part "la risposta"', "1 sentence"),
        ),
        (
            "Assistent. Nenne zuerst das Ergebnis (höchstens 2 Sätze), dann die Begründung.",
            ('the part "das Ergebnis"', "2"),
        ),
        (
            "Asistente de ventas. Da la respuesta (máximo 2 frases) y luego las opciones.",
            ('the part "la respuesta"', "2"),
        ),
    ],
)
def test_a_limit_on_the_first_step_is_that_steps(task: str, scoped: tuple[str, str]) -> None:
    [(text, scope)] = _limits(task)
    assert scope == scoped[0]
    assert scoped[1] in text
    assert "Keep the reply to" not in _output(task)
    assert "Reply in exactly" not in _output(task)


def test_a_reply_sized_in_brackets_is_a_part_only_when_a_step_follows() -> None:
    assert _limits("Help desk bot. Write a reply (max 80 words).") == [("Keep the reply to at most 80 words.", None)]
    both = _limits("Help desk bot. Write a reply (max 80 words), then a one-line internal note.")
    assert both[0][1] == "the reply"
    assert both[1] == ("Make the internal note exactly 1 line.", "the internal note")


# 3. A layout for one step keeps its trigger; every other turn keeps the turn format

_QUIZ = (
    "Quiz master for a pub quiz team. Ask one question at a time, max 2 sentences a turn. When the user types "
    "RESULTS, show the scores in this layout:\nCorrect: x/10\nBest round: one word\nComment: one sentence"
)
_NURSE = (
    "Role-play partner for trainee nurses. You play a worried patient. Stay in character, max 50 words a turn. "
    "Never drop character until the trainee types STOP. Then give feedback in exactly this layout:\n"
    "Empathy: x/5\nClarity: x/5\nTip: one sentence"
)


def test_a_then_layout_after_until_is_one_steps_and_says_when() -> None:
    prompt = generate(Brief(task=_NURSE, target="claude")).prompt
    output = _output(_NURSE)
    assert "Use these sections" not in output
    assert "When the trainee types STOP: Make the tip exactly 1 sentence." in output
    assert "every other reply keeps the format above" in output
    assert "When the trainee types STOP, give feedback in exactly this layout" in prompt
    assert "   Empathy: x/5\n   Clarity: x/5\n   Tip: one sentence" in prompt


def test_a_layout_after_a_comma_is_one_steps() -> None:
    task = (
        "Interview coach. You play a hiring manager, max 3 sentences a turn, after END, give feedback in this "
        "format:\nScore: <1-10>\nStrongest answer: <one sentence>\nWork on: <one sentence>"
    )
    output = _output(task)
    assert "Reply with exactly these lines" not in output
    assert "After END, use the layout the rules give for that step" in output
    assert brief_fidelity(Brief(task=task), generate(Brief(task=task)).prompt) == []


def test_a_layout_introduced_mid_line_is_kept_whole_with_its_trigger() -> None:
    prompt = generate(Brief(task=_QUIZ, target="claude")).prompt
    output = _output(_QUIZ)
    assert "   Correct: x/10\n   Best round: one word\n   Comment: one sentence" in prompt
    assert "When the user types RESULTS: Make the comment exactly 1 sentence." in output
    assert "Keep the reply to at most 2 sentences." in output
    assert brief_fidelity(Brief(task=_QUIZ), generate(Brief(task=_QUIZ)).prompt) == []


def test_a_limit_headed_in_character_is_each_turns() -> None:
    task = (
        "Role-play partner for trainee agents. You play a tenant.\nIn character: max 50 words a turn, no stage "
        "directions.\nNever drop character until the trainee types END."
    )
    assert ("Keep each in-character turn to at most 50 words.", "each in-character turn") in _limits(task)


# 4. A length written after a count sizes each counted thing


@pytest.mark.parametrize(
    "task",
    [
        "Riassumi ogni telefonata in questo formato esatto:\n\nCLIENTE: solo il comune\nPROBLEMA: massimo 25 parole\n"
        "DA FARE: massimo 3 punti elenco, ognuno di massimo 10 parole",
        "Summarise each call in exactly this format:\n\nCUSTOMER: town only\nPROBLEM: max 25 words\n"
        "TO DO: max 3 bullets, each max 10 words",
        "Fasse jeden Anruf in genau diesem Format zusammen:\n\nKUNDE: nur der Ort\nPROBLEM: höchstens 25 Wörter\n"
        "AUFGABEN: höchstens 3 Stichpunkte, jeweils höchstens 10 Wörter",
        "Résume chaque appel dans ce format exact :\n\nCLIENT : la ville seulement\n"
        "À FAIRE : 3 puces maximum, chacune de 10 mots maximum",
    ],
)
def test_a_length_after_a_count_is_each_items(task: str) -> None:
    ten = [(text, scope) for text, scope in _limits(task) if "10 words" in text]
    assert len(ten) == 1
    assert (ten[0][1] or "").startswith("each bullet")

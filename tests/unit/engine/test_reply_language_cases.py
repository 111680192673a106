"""A reply language with cases ("Answer in English, but if they write in German, answer in German") is one language
rule with its default and its cases, stated once, never "Always reply in English" beside the brief's sentence; a brief
that asks for its output in another language than its own ("devolve o CV reescrito em inglês", "Las respuestas deben
ser en inglés") gets that language, and one that asks for a rewrite into its own language names it ("Reescreva este
texto em português europeu")."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.language import find_language
from app.engine.generate import generate, read_constraints
from tests.unit.engine.reading import claude_prompt


def _languages(task: str) -> list[tuple[str | None, str | None, list[str]]]:
    return [(c.value, c.code, c.values) for c in read_constraints(Brief(task=task)) if c.kind == "language"]


@pytest.mark.parametrize(
    ("task", "code", "other"),
    [
        (
            "Answer questions from hotel guests. Answer in English, but if they write in German, answer in German.",
            "en",
            "German",
        ),
        (
            "Support bot for our shop. Reply in English; if the customer writes in Spanish, reply in Spanish.",
            "en",
            "Spanish",
        ),
        ("Chat assistant for a bakery. Default to English. Switch to French when the user does.", "en", "French"),
        ("Helpdesk bot for IT tickets. Use English unless the user writes Dutch.", "en", "Dutch"),
        (
            "Bot for a ferry company. Reply in English. If a passenger writes in Italian, reply in Italian.",
            "en",
            "Italian",
        ),
        (
            "Bot de atención al cliente para una tienda. Responde en español, pero si escriben en inglés, en inglés.",
            "es",
            "English",
        ),
        (
            "Kundenservice-Bot für ein Hotel. Antworte auf Deutsch; wenn jemand Englisch schreibt, auf Englisch.",
            "de",
            "English",
        ),
        (
            "Assistant pour une boulangerie. Réponds en français, sauf si le client écrit en anglais; alors en "
            "anglais.",
            "fr",
            "English",
        ),
        (
            "Assistente para uma loja. Responda em português, mas se escreverem em inglês, responda em inglês.",
            "pt",
            "English",
        ),
        (
            "Chatbot voor een tandartspraktijk. Antwoord in het Nederlands, tenzij iemand Engels schrijft; dan in het "
            "Engels.",
            "nl",
            "English",
        ),
        (
            "Assistente per un hotel. Rispondi in italiano, ma se il cliente scrive in inglese, rispondi in inglese.",
            "it",
            "English",
        ),
        (
            "Reparto de bombonas. Responde en español salvo que el cliente escriba en inglés (tenemos muchos clientes "
            "británicos), entonces en inglés.",
            "es",
            "English",
        ),
        (
            "Een chat voor de praktijk. Antwoord in het Nederlands; als iemand in het Engels schrijft, antwoord dan in "
            "het Engels.",
            "nl",
            "English",
        ),
    ],
)
def test_a_default_with_a_case_is_one_rule_with_both(task: str, code: str, other: str) -> None:
    found = _languages(task)
    assert [(c, values) for _, c, values in found] == [(code, [other])]
    prompt = claude_prompt(task)
    default = found[0][0]
    assert f"Reply in {default} by default; when the " in prompt
    assert f"writes in {other}, reply in {other}." in prompt
    assert "Always reply in" not in prompt
    assert "Write every reply in" not in prompt
    assert prompt.count(" by default; when the ") == 1
    # the fidelity check reads the prompt's rule back: its language is the default, not the case's
    rule = next(line for line in prompt.splitlines() if " by default; when the " in line)
    assert (read := find_language(rule)) is not None
    assert read.code == code


@pytest.mark.parametrize(
    "task",
    [
        "FAQ bot for a museum. Answer in the language the user writes in (default English).",
        "Support bot for a bike shop. Reply in the customer's language; if unsure, English.",
        "Support bot for a bike shop. Match the user's language, defaulting to English.",
    ],
)
def test_the_users_language_with_a_default_keeps_the_default(task: str) -> None:
    assert _languages(task) == [("the user's language", None, ["English"])]
    assert "when you cannot tell which language that is, reply in English." in claude_prompt(task)


@pytest.mark.parametrize(
    ("switching", "keeping"),
    [
        (
            "Hotel bot. Reply in English, and if the guest writes in German, reply in German.",
            "Hotel bot. Reply in English even if they write in German.",
        ),
        (
            "Hotel bot. Reply in English. When the user writes in Spanish, reply in Spanish.",
            "Hotel bot. Reply in English. When the user writes in Spanish, keep the same tone.",
        ),
        (
            "Hotel bot. Answer in English, but if they write in German, answer in German.",
            "Hotel bot. Answer in English, but if they write in German, be extra polite.",
        ),
        (
            "Chat für unseren Fahrradladen. Antworte auf Englisch, außer wenn der Kunde Deutsch schreibt.",
            "Chat für unseren Fahrradladen. Antworte immer auf Englisch, auch wenn der Kunde Deutsch schreibt.",
        ),
    ],
)
def test_only_a_case_with_its_own_language_switches(switching: str, keeping: str) -> None:
    # (a case that keeps the language, "even if", "keep the same tone", "be extra polite", is no switch)
    assert [(value, bool(values)) for value, _, values in _languages(switching)] == [("English", True)]
    assert [(value, values) for value, _, values in _languages(keeping)] == [("English", [])]


@pytest.mark.parametrize(
    ("task", "language"),
    [
        (
            'Reescreva este texto em português europeu, com um tom mais formal: "Hey guys, see you Friday."',
            "European Portuguese",
        ),
        ("Tu es un assistant de rédaction. Renvoie le texte réécrit en anglais, en phrases courtes.", "English"),
        ("Ajuda-me a escrever respostas aos clientes. As respostas devem ser em inglês.", "English"),
        ("Bot para un gimnasio. Las respuestas deben ser en inglés.", "English"),
        ("Bot pour une salle de sport. Les réponses doivent être en anglais.", "English"),
        ("Bot voor een sportschool. De antwoorden moeten in het Engels zijn.", "English"),
        ("Support bot for a gym. All answers should be in German.", "German"),
        ("Rewrite this paragraph in French for our Paris office.", "French"),
    ],
)
def test_the_outputs_language_is_the_one_the_brief_asks_for(task: str, language: str) -> None:
    assert [value for value, _, _ in _languages(task)] == [language]
    assert f"Always reply in {language}." in generate(Brief(task=task)).prompt

"""The frame comes from how the brief casts the assistant (round 40's class 4), each case on new wording:

- a part played for practice ("you play a couple ringing up …", "act as a difficult customer so our staff can
  practise", "haz de cliente", "spiel einen Kunden", "joue le rôle d'un client", "interpreta o papel de",
  "fai la parte di", "speel de rol van") is role play, whatever else the brief says, and a score at its end brings the
  grader; "never pretend to be …", "a customer service agent" and a tutor that role-plays cast no part;
- answers or explanations taken "à partir de notre FAQ", "uit onze folder", "aus unserem Kursplan", "dalla nostra
  guida", "from our handbook" are document Q&A with the source as an input slot;
- a text handed back rewritten ("tu devolves o CV reescrito em inglês") is an editor's job, and "Mais nada além do
  CV" leaves no room for a list of changes after it.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.compose.job import job_clause


def _archetypes(task: str) -> list[str]:
    return [m.id for m in generate(Brief(task=task)).archetypes]


def test_a_couple_played_for_trainees_is_role_play_scored_by_the_grader() -> None:
    task = (
        "Fernbrook Manor hosts weddings in the Cotswolds and we're coaching three new events coordinators on "
        "enquiry calls. I'd like a role-play partner: you play a couple phoning about a summer wedding. Before the "
        "first line choose one of these two at random and keep it to yourself: a couple who want a Saturday in July "
        "(already booked, Thursdays are free) or a groom whose budget is 6,000 pounds (our Thursdays start at 7,900 "
        "pounds).\n\nStay in character, at most 2 sentences per turn, and never coach the coordinator while the "
        "call runs. Venue facts: Saturdays from 12,000 pounds, Thursdays from 7,900 pounds, 120 seated.\n\n"
        "When the coordinator types HANG UP, drop the character and give this scorecard, nothing after it:\n"
        "Warmth: x/5\nQuestions asked: x/5\nClose: yes or no"
    )
    result = generate(Brief(task=task))
    assert [m.id for m in result.archetypes][:2] == ["roleplay_interviewer", "grader"]
    assert "You are a text classifier" not in result.prompt
    assert "in character" in result.prompt


_PLAYED_FOR_PRACTICE = (
    "We run a GP surgery reception. Act as an anxious patient who can't get an appointment so our new "
    "receptionists can practise staying calm. Short turns.",
    "Simulate a caller who wants to cancel their gym membership, so new front-desk staff can practise keeping "
    "members. Keep it realistic.",
    "Haz de cliente enfadado porque la lavadora llegó rota, para que los nuevos agentes del call center "
    "practiquen. Frases cortas.",
    "Spiel eine verärgerte Kundin, deren Küche zu spät geliefert wurde, damit unsere Azubis im Kundendienst "
    "üben können. Kurze Antworten.",
    "Joue le rôle d'un client mécontent dont la commande est arrivée incomplète, pour entraîner nos nouveaux "
    "conseillers. Réponses courtes.",
    "Interpreta o papel de uma cliente difícil que quer trocar um sofá, para treinar a equipa da loja. Frases curtas.",
    "Fai la parte di un cliente arrabbiato per una bolletta del gas troppo alta, così i nuovi operatori si "
    "esercitano. Frasi brevi.",
    "Speel de rol van een boze klant wiens wasmachine kapot geleverd is, zodat onze nieuwe medewerkers kunnen "
    "oefenen. Korte zinnen.",
)


def test_a_part_played_so_staff_can_practise_is_role_play_in_every_language() -> None:
    assert [_archetypes(task)[0] for task in _PLAYED_FOR_PRACTICE] == ["roleplay_interviewer"] * 8
    # an assistant that must never pretend, or whose own job is customer service, plays no part
    support = (
        "A support bot for our bike-repair shop. Act as a friendly customer service agent, answer questions "
        "about bookings and prices, and never pretend to be a human."
    )
    companion = (
        "A check-in companion for night-shift nurses. It is not therapy and must never pretend to be a patient "
        "or a doctor. Be a patient, kind listener."
    )
    assert "roleplay_interviewer" not in (_archetypes(support)[0], _archetypes(companion)[0])


@pytest.mark.parametrize(
    ("task", "source"),
    [
        (
            "Nous sommes la Maison des Aidants de Roanne. Je voudrais un assistant pour notre site, qui explique "
            "les démarches en termes simples à partir de notre FAQ : l'APA, le congé de proche aidant, le répit. "
            "Si ce n'est pas dans la FAQ, renvoyer vers contact@maisonaidants.example. Vouvoiement, 70 mots maximum.",
            "FAQ",
        ),
        (
            "Fysiotherapie De Linde in Zwolle. We willen een chat die vragen beantwoordt uit onze praktijkfolder: "
            "openingstijden, vergoeding, wat je meeneemt. Staat het niet in de folder, verwijs dan naar de balie. "
            "Maximaal 3 zinnen.",
            "praktijkfolder",
        ),
        (
            "Volkshochschule Lindau. Wir brauchen einen Chat, der Fragen aus unserem Kursplan beantwortet: Termine, "
            "Preise, Anmeldung. Höchstens 3 Sätze, Sie-Form.",
            "Kursplan",
        ),
    ],
)
def test_answers_from_a_named_source_are_document_qa_with_a_slot(task: str, source: str) -> None:
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "document_qa"
    assert "{{document}}" in result.prompt
    assert source in result.prompt


def test_a_cv_handed_back_rewritten_is_an_editors_job_with_nothing_after_it() -> None:
    task = (
        "Somos a associação Ponte Emprego, no Porto. Os candidatos trazem a carta de apresentação em português. "
        "A mediadora cola a carta e tu devolves a carta reescrita em inglês, pronta a enviar.\n\n"
        "Regras: não inventes nada; no máximo 250 palavras. Mais nada além da carta."
    )
    assert "tu devolves a carta reescrita" in job_clause(task)
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "writing_editor"
    assert "List the three most important changes" not in result.prompt
    # a rewritten sentence allowed as an example in a grader's rules names no rewriting job
    graded = (
        "Corrige redações do ENEM da minha turma pelas 5 competências, nota de 0 a 200 cada. Nunca reescreva a "
        "redação inteira; no máximo uma frase reescrita como exemplo. Formato: C1 a C5 com nota e justificativa."
    )
    assert "writing_editor" not in _archetypes(graded)

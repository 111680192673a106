"""Frames and wording from round 49's blind reviews: reviews turned into a fixed-key JSON record are data extraction,
a tutor's {score, hint} stays a tutor, a business is named by its trade and its name, a catch-all case reads "For
anything else", and a plural subject ("Coaches want …") is no job verb. Each test holds several phrasings."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task))


def _primary(task: str) -> str:
    return _run(task).archetypes[0].id


_REVIEWS = {
    "pt": (
        "Trabalho na Tuk Alfama Tours (Lisboa). Recebemos avaliações do Google e TripAdvisor e quero tirar delas dados "
        "para uma folha de cálculo.\n\nPara cada avaliação devolve só JSON (sem ```), com estas chaves exatas:\n"
        '{"plataforma": "google|tripadvisor|outra", "estrelas": 1-5 ou null, "guia": nome do guia ou null, '
        '"elogios": [], "queixas": [], "seguranca": true/false, "resumo_en": "..."}\n\n'
        "- elogios e queixas só com estas etiquetas: pontualidade, simpatia_guia, conforto, preco. máx. 3 em cada, "
        "lista vazia se não houver\n- resumo_en: em inglês, máx. 20 palavras\n"
        '- se não for uma avaliação (spam, publicidade, texto vazio) devolve exatamente {"erro": "nao_e_avaliacao"}'
    ),
    "de": (
        "Ich arbeite bei der Fahrradverleih Rheinrad GmbH in Köln. Wir bekommen Bewertungen von Google und ich möchte "
        "daraus Daten für eine Tabelle ziehen.\n\nGib für jede Bewertung nur JSON zurück (ohne ```), mit genau diesen "
        'Schlüsseln:\n{"plattform": "google|komoot|andere", "sterne": 1-5 oder null, "lob": [], "kritik": [], '
        '"sicherheit": true/false, "zusammenfassung_en": "..."}\n\n- lob und kritik nur mit diesen Etiketten: '
        "personal, preis, zustand, wartezeit. bis zu 3 je Liste, leere Liste wenn keine\n"
        "- zusammenfassung_en: auf Englisch, max. 20 Wörter\n"
        '- wenn es keine Bewertung ist (Spam, Werbung), gib genau {"fehler": "keine_bewertung"} zurück'
    ),
    "it": (
        "Gestisco la Trattoria Da Nino a Bologna. Riceviamo recensioni su TheFork e Google e voglio estrarre i dati "
        "in un foglio di calcolo.\n\nSe il testo non è una recensione (spam, pubblicità) restituisci esattamente "
        '{"errore": "non_recensione"}.\n\nPer ogni recensione restituisci solo JSON, senza ```, con queste chiavi '
        'esatte:\n{"piattaforma": "thefork|google|altro", "stelle": 1-5 o null, "piatti": [], "pregi": [], '
        '"difetti": [], "riassunto_en": "..."}\n\n- pregi e difetti solo con queste etichette: servizio, cibo, '
        "prezzo, attesa. fino a 3 per ciascuna, lista vuota se non ce ne sono\n- riassunto_en: in inglese, massimo "
        "20 parole\n- non rispondere mai alla recensione"
    ),
    "en": (
        "Support inbox triage for Brightside Dental. Patients message us through the website form. Turn every "
        "message into a JSON object for our CRM.\n\nIf the message is empty or just spam, output exactly "
        '{"error": "no_message"} and nothing else.\n\nOtherwise output exactly this shape, no markdown:\n'
        '{"patient_first_name": string or null, "topics": [], "urgent": true/false, '
        '"preferred_contact": "phone|email|sms|unknown", "summary": "..."}\n\n'
        "topics: up to 3 of booking, billing, pain, insurance, cancellation, other. Empty list if none.\n"
        "summary: one sentence, max 25 words."
    ),
}


@pytest.mark.parametrize("lang", sorted(_REVIEWS))
def test_reviews_to_a_keyed_record_are_extraction(lang: str) -> None:
    result = _run(_REVIEWS[lang])
    assert result.archetypes[0].id == "data_extraction"
    assert "exactly one label" not in result.prompt.lower()
    schema = next(c for c in result.constraints if c.kind == "schema")
    assert len(schema.values) >= 5  # the main shape, not the error object's one key
    lists = [c for c in result.constraints if c.kind == "labels" and c.multi]
    assert lists
    assert all("at most 3" in c.text for c in lists)
    assert not any(c.kind == "limit" and c.unit in (None, "items") for c in result.constraints)


def test_counted_list_values_are_the_lists_items() -> None:
    result = _run(_REVIEWS["en"])
    topics = next(c for c in result.constraints if c.kind == "labels" and c.scope == "topics")
    assert topics.values == ["booking", "billing", "pain", "insurance", "cancellation", "other"]
    assert topics.multi
    assert any(c.kind == "labels" and c.scope == "preferred_contact" for c in result.constraints)


def test_input_it_is_not_the_assistant() -> None:
    prompt = _run(
        'For each review return only JSON with exactly these keys: {"stars": 1-5, "summary": "..."}. '
        'If it is not a review (spam, ads), return exactly {"error": "not_a_review"}.'
    ).prompt
    assert "you are not a review" not in prompt.lower()


@pytest.mark.parametrize(
    "task",
    [
        "Maths tutor for our Year 8 app. The learner types their working for one equation. Reply with JSON only: "
        '{"score": 0-3, "hint": "..."}. score is how close they are. Never give the answer, even if they beg.',
        "Tutor de química para alumnos de 15 años. El alumno escribe su intento. Responde solo con JSON: "
        '{"puntuacion": 0-5, "pista": "..."}. La pista guía al siguiente paso; nunca des la respuesta.',
        "Du bist ein Nachhilfe-Tutor für Bruchrechnen (Klasse 6). Das Kind schickt seinen Rechenweg. Antworte nur mit "
        'JSON: {"punkte": 0-3, "tipp": "..."}. Der Tipp hilft beim nächsten Schritt, verrate nie die Lösung.',
    ],
)
def test_hinting_tutor_with_a_score_stays_a_tutor(task: str) -> None:
    result = _run(task)
    assert result.archetypes[0].id == "tutor"
    assert "<rubric>" not in result.prompt


def test_marking_against_criteria_stays_a_grader() -> None:
    task = (
        "Tutor and marker for Year 9 science. Mark each lab write-up against the criteria below and return JSON only: "
        '{"score": 0-10, "feedback": "..."}. Criteria: method 0-4, results 0-3, conclusion 0-3.'
    )
    assert _primary(task) == "grader"


@pytest.mark.parametrize(
    ("task", "name"),
    [
        ("Wir, das Fahrradgeschäft Speichenwerk in Freiburg, brauchen einen Chatbot für Reparaturfragen.",
         "Fahrradgeschäft Speichenwerk"),
        ("Unsere Hundeschule Pfotenglück sucht einen Assistenten, der Fragen zu Welpenkursen beantwortet.",
         "Hundeschule Pfotenglück"),
        ("Je tiens la fromagerie Vialle à Clermont-Ferrand. Je voudrais un assistant qui répond aux clients.",
         "Fromagerie Vialle"),
        ("Wij zijn kwekerij De Vries in Boskoop. Ik wil een chatbot die klantvragen beantwoordt.",
         "Kwekerij De Vries"),
        ("Voor bakkerij Jansen in Gouda wil ik een chatbot die bestellingen aanneemt.", "Bakkerij Jansen"),
        ("Gestisco la gelateria Da Pino a Napoli. Voglio un assistente che risponda ai clienti.", "Gelateria Da Pino"),
    ],
)  # fmt: skip
def test_business_named_by_trade_and_name(task: str, name: str) -> None:
    role = next(line for line in _run(task).prompt.splitlines() if line.startswith("You are"))
    assert f"for {name}" in role


@pytest.mark.parametrize(
    ("intro", "head"),
    [
        ("Du bist der Bot der Hundeschule Pfotenglück. Regeln:\n- Kurse: nenne die Zeiten.\n", "Für alles andere"),
        ("Tu es l'assistant de la fromagerie Vialle. Cas :\n- Plateaux : demande la date.\n", "Pour tout le reste"),
        ("Eres el asistente de la panadería La Espiga. Casos:\n- Tartas: pide la fecha.\n", "Para todo lo demás"),
        ("Sei l'assistente della gelateria Da Pino. Casi:\n- Torte: chiedi la data.\n", "Per tutto il resto"),
        ("Je bent de assistent van kwekerij De Vries. Gevallen:\n- Bestellingen: vraag de datum.\n",
         "Voor al het andere"),
    ],
)  # fmt: skip
def test_catch_all_case_reads_as_a_plain_fallback(intro: str, head: str) -> None:
    prompt = _run(f'{intro}- {head}: antwoord "Bitte 0800 000 000 anrufen".').prompt
    assert "When this applies" not in prompt
    assert 'For anything else, reply exactly: "Bitte 0800 000 000 anrufen"' in prompt


@pytest.mark.parametrize(
    "task",
    [
        'We\'re Harrowgate Harriers junior section (ages 10-14). Coaches want a "training buddy" bot the juniors can '
        "ask about warm-ups. Talk like a friendly coach to a 10-14 year old, max 3 sentences.",
        "Riverside Primary, Year 5 (ages 9-10). Teachers need a reading buddy the pupils can ask about books. "
        "Write for a 9-10 year old, max 3 sentences.",
    ],
)
def test_plural_subject_is_no_job_verb_and_ages_once(task: str) -> None:
    result = _run(task)
    assert "with one job: coach want" not in result.prompt
    assert "teach need" not in result.prompt.lower()
    assert len([c for c in result.constraints if c.kind == "audience"]) == 1

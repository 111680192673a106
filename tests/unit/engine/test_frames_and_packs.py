"""Frames, packs and examples that must fit the brief's own job (round 39, classes 1, 3 and 5): answers taken from a
named document are document Q&A in any language; a grading job needs grading words, not a price or a level; a kids'
club helper that gives hints tutors; a label with a drafted text-message reply is no e-mail job; children named as a
legal topic are no child audience; a moderator with its own codes loses the default policy; a fixed crisis or
not-covered reply replaces the pack's or the example's own; a press interview's example is no job interview's."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate
from tests.unit.engine.reading import archetype_ids, claude_prompt, section

_FROM_A_NAMED_SOURCE = [
    (
        "en",
        "Website chat for Pinewood Dental in Bristol. It answers patients' questions using our practice info sheet "
        "(opening hours, fees, parking). Max 4 sentences. If the sheet doesn't say, tell them to call 0117 496 0111.",
    ),
    (
        "nl",
        "Wij zijn Fysiotherapie Het Anker in Zwolle. We willen een chatassistent die vragen van cliënten beantwoordt "
        "op basis van onze patiëntenfolder: openingstijden, vergoedingen, afspraak verzetten. Maximaal 3 zinnen.",
    ),
    (
        "fr",
        "Cabinet comptable Lefèvre à Nantes. Nous voulons un assistant pour le site qui répond aux questions "
        "courantes des clients (délais, tarifs, pièces à fournir, rendez-vous) en se basant uniquement sur notre "
        "brochure. Vouvoiement, 80 mots maximum.",
    ),
    (
        "es",
        "Somos la Academia de Idiomas Sol en Málaga. Queremos un asistente en la web que resuelva las dudas de los "
        "alumnos (horarios, precios, matrícula) usando solo nuestro folleto informativo. Máximo 3 frases.",
    ),
    (
        "de",
        "Stadtbücherei Lindenau. Ein Chat auf der Website soll Fragen der Nutzer zu Ausleihe, Gebühren und "
        "Öffnungszeiten nur anhand unseres Merkblatts beantworten. Sie-Form, höchstens 4 Sätze.",
    ),
    (
        "pt",
        "Chatbot no WhatsApp da Clínica Sorriso em Recife para tirar dúvidas dos pacientes. Use só o nosso folheto "
        "de tratamentos: preços, horários, convênios. No máximo 3 frases.",
    ),
]


@pytest.mark.parametrize(("lang", "task"), _FROM_A_NAMED_SOURCE, ids=[lang for lang, _ in _FROM_A_NAMED_SOURCE])
def test_answers_from_a_named_document_are_document_qa(lang: str, task: str) -> None:
    assert archetype_ids(task)[0] == "document_qa", lang
    prompt = claude_prompt(task)
    assert "{{document}}" in prompt, lang  # the FAQ, leaflet or handbook has a slot to paste it into
    assert "Answer only from the" in section(prompt, "instructions"), lang


def test_a_style_guide_to_write_with_is_no_source_to_answer_from() -> None:
    # no-regression guard: a style guide shapes the wording, it holds no answers
    task = "Rewrite our product announcements so they follow our brand style guide. Keep each under 120 words."
    assert archetype_ids(task)[0] != "document_qa"


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant for Harper & Cole, a family law firm in Leeds. It answers general questions from clients "
        "about divorce, custody of the children and financial settlements. Never assess anyone's own case. "
        "120 words max.",
        "Cabinet Dubois, avocats en droit de la famille à Lille. Un assistant répond aux questions générales des "
        "clients sur le divorce, la garde des enfants et la pension alimentaire, sans jamais évaluer leur situation. "
        "Vouvoiement, 100 mots maximum.",
        "Kanzlei Berger für Familienrecht in Graz. Der Chat beantwortet allgemeine Fragen von Mandanten zu "
        "Scheidung, Unterhalt und dem Sorgerecht für die Kinder. Keine Einschätzung des eigenen Falls. Sie-Form.",
    ],
    ids=["en", "fr", "de"],
)
def test_children_named_as_a_legal_matter_are_no_child_audience(task: str) -> None:
    prompt = claude_prompt(task)
    assert "age-appropriate" not in prompt
    assert "The readers are children" not in prompt
    assert "child's personal information" not in prompt


def test_a_chat_for_children_keeps_the_childrens_pack() -> None:
    # no-regression guard: children who use the chat still get the pack
    task = "Reading buddy for children aged 7 to 9 in our library app. It chats with them about the book they read."
    assert "age-appropriate" in claude_prompt(task)


def test_a_moderator_with_its_own_codes_drops_the_default_policy() -> None:
    task = (
        "Modera los anuncios de nuestra web de coches usados antes de publicarlos. Devuelve solo este JSON: "
        '{"estado": "PUBLICAR" | "REVISAR" | "RECHAZAR", "motivos": []}. motivos solo puede llevar estos '
        "códigos: KM_DUDOSO, SIN_ITV, CONTACTO_EXTERNO. Un teléfono o WhatsApp en la descripción: REVISAR con "
        "CONTACTO_EXTERNO. Si el anuncio no tiene ITV: RECHAZAR con SIN_ITV."
    )
    prompt = claude_prompt(task)
    assert "Policy categories" not in prompt
    assert "hate (attacks on protected groups)" not in prompt
    assert 'Choose "review"' not in prompt
    assert 'decision "review"' not in prompt
    assert 'Choose the decision "REVISAR"' in section(prompt, "guardrails")


def test_an_answer_judged_against_a_reference_is_graded_not_taught() -> None:
    task = (
        "Corsi di primo soccorso Croce Verde. Per ogni risposta ricevi la domanda, la risposta di riferimento "
        'dell\'istruttore e la risposta del partecipante. Restituisci solo questo JSON: {"punteggio": 0, "commento": '
        '"..."}. punteggio da 0 a 10, commento massimo 20 parole.'
    )
    assert archetype_ids(task)[0] == "grader"


def test_grading_a_tickets_urgency_is_a_triage_label() -> None:
    task = (
        "Grade the urgency of building maintenance requests at our school: U1 (danger to pupils or staff), U2 (fix "
        "within the week), U3 (routine). Output the code and nothing else."
    )
    assert archetype_ids(task)[0] == "classification"


@pytest.mark.parametrize(
    "task",
    [
        "Write class descriptions for the booking page of Kiln House Pottery (Stroud, Gloucestershire). I'll send "
        "class name, level, length, price and max group size. Each description: 40 words max, talk to the reader as "
        '"you", no exclamation marks, no emojis. Always finish with this exact line on its own: All materials '
        "included.",
        "Workshop descriptions for the booking page of Loom & Thread weaving studio (Hebden Bridge, Yorkshire): I'll "
        "give you the workshop name, level, length, price and group size. 45 words max each, you-form, no "
        "exclamation marks, finish with: Tea and cake included.",
    ],
)
def test_descriptions_for_a_booking_page_are_copy_not_grading(task: str) -> None:
    assert archetype_ids(task)[0] == "marketing_copy"
    prompt = claude_prompt(task)
    assert "grader" not in prompt
    assert "{{rubric}}" not in prompt
    assert "Offer three distinct variants" not in prompt  # one description per class, as the page shows it


@pytest.mark.parametrize(
    "task",
    [
        "Chat helper for the Robo Rangers after-school robotics club (kids 8 to 11). Kids ask about their robot "
        "programs. Give hints and ask guiding questions instead of fixing the program for them. Max 3 sentences.",
        "Ayudante virtual del club de ajedrez Peón Dorado en Zaragoza. Los niños de 7 a 12 años le escriben desde "
        "casa y les ayuda cuando se atascan con un problema. Máximo 3 frases, tutea.",
    ],
    ids=["en", "es"],
)
def test_a_helper_for_a_childrens_learning_club_tutors(task: str) -> None:
    assert archetype_ids(task)[0] == "tutor"


_TEXT_TRIAGE = (
    "Brookfield Housing. Tenants text our repairs line and we answer by SMS. For each text I need you to\n1) pick "
    "exactly one label from URGENT, ROUTINE, QUERY\n2) draft a reply our coordinator can send after checking it.\n"
    "Output exactly two lines and nothing else:\nLABEL: the label\nREPLY: the draft\n"
    "Max 2 sentences in the reply. Never promise a visit date."
)


def test_a_drafted_reply_to_a_text_is_no_email() -> None:
    prompt = claude_prompt(_TEXT_TRIAGE)
    assert "incoming email" not in prompt
    assert "greeting, body and sign-off" not in prompt
    assert "{{email}}" not in prompt
    assert "list the open point" not in prompt  # nothing after the fixed two lines


def test_a_drafted_reply_to_a_text_or_a_review_leaves_the_label_job_in_the_lead() -> None:
    review_task = (
        "We run Casa Mar, a guesthouse in Porto. Guests leave reviews on Booking and Google and the owner answers "
        "each one by hand. For each review I paste:\n1) pick one label from PRAISE, MIXED, COMPLAINT, SAFETY\n2) draft "
        "a reply the owner can post after checking it\nOutput exactly two lines and nothing else:\nLABEL: the label\n"
        "REPLY: the draft\nMax 3 sentences, no discounts or refunds promised."
    )
    assert archetype_ids(review_task)[0] == "classification"
    assert archetype_ids(_TEXT_TRIAGE)[0] == "classification"


def test_a_fixed_crisis_reply_replaces_the_packs_crisis_conversation() -> None:
    task = (
        "Peer-support text line for Brookfield College. Students text us and a volunteer replies. For each text pick "
        "SAFE, CONCERN or CRISIS and draft a reply the on-duty volunteer can send. CRISIS = any mention of suicide, "
        'self-harm or not feeling safe. For CRISIS the reply is always exactly: "Please call 116 123 now. Someone '
        "from our team will ring you within the hour.\" Max 2 sentences per reply. Don't diagnose anything."
    )
    prompt = claude_prompt(task)
    assert "keep the conversation going until" not in prompt
    assert "Please call 116 123 now." in prompt


_AFTERCARE = (
    "Aftercare Q&A for Riverside Tattoo Studio. The assistant answers client questions using only the aftercare "
    "sheet, which is loaded into the chat.\n"
    "- Red flags: fever, pus, or redness spreading past the healing area. For any of those reply only with: "
    '"Please call us on 0113 496 0000 now. Out of hours, call NHS 111."\n'
    "- If the sheet doesn't answer it: \"That isn't in your aftercare sheet. Please call the studio on "
    '0113 496 0000."\n'
    "- Max 60 words, no lists."
)


def test_the_not_covered_example_uses_the_briefs_own_sentence() -> None:
    result = generate(Brief(task=_AFTERCARE, target="claude"))
    examples = section(result.prompt, "examples")
    assert "That isn't in your aftercare sheet. Please call the studio on 0113 496 0000." in examples
    assert "call 111" not in examples


def test_a_number_inside_a_fixed_reply_is_no_general_route() -> None:
    guardrails = section(claude_prompt(_AFTERCARE), "guardrails")
    assert "When you cannot help, tell the user to call 111." not in guardrails


_PRESS_INTERVIEW = (
    "Media training for Eastbrook Council's press team. You play Jo Marsh, a TV reporter doing a live interview "
    "with the press officer about a bin-collection strike now in its second week. One question per turn, stay in "
    "character. When the trainee types STOP, give feedback in 3 short lines."
)


def test_a_press_interview_gets_no_job_interview_example() -> None:
    prompt = claude_prompt(_PRESS_INTERVIEW)
    assert "Tell me about a project" not in prompt
    assert "candidate" not in prompt


def test_a_job_interview_keeps_its_example() -> None:
    # no-regression guard: a mock job interview still gets the interview example
    task = "Mock job interview practice for graduate software engineers. Ask one question at a time, then feedback."
    assert "Tell me about a project" in claude_prompt(task)

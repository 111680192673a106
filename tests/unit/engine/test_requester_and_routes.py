"""Who is asking and where people are sent: a first sentence that names the business or the requester is no job, the
business's own name (and what is not one), conditions and numbers of fallbacks, the legal and crisis routes, and
what a tool is for."""

from __future__ import annotations

import re

import pytest

from app.engine import Brief, generate
from app.engine.brief import extract_entities
from app.engine.constraints import Constraint, extract_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _constraints(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def _quoted_job(prompt: str) -> str | None:
    """The job a foreign-language brief states, as the prompt quotes it («…»)."""
    found = re.search(r"as the requester wrote it in \w+: «([^»]*)»", prompt)
    return found.group(1) if found else None


def _role(prompt: str) -> str:
    return prompt.split("# Role", 1)[1].split("\n#", 1)[0]


# --- a first sentence that names the business or where the requester works is no job -------------------------------

# (brief, words of the job sentence, the introduction that must not be quoted as the job)
_INTRODUCED_FOREIGN = [
    (
        "Cooperativa Agrícola Vale do Sapucaí (MG). Queremos um assistente que responda às dúvidas dos cooperados "
        "sobre entregas de café e pagamentos.",
        "Queremos um assistente",
        "Cooperativa",
    ),
    (
        "Panadería Hermanos Ruiz (Cádiz). Queremos un bot que responda a los clientes sobre horarios, encargos y "
        "alérgenos.",
        "Queremos un bot",
        "Panadería",
    ),
    (
        "Trabajo en atención ciudadana del Ayuntamiento de Getafe. Necesito un asistente que conteste preguntas de "
        "los vecinos sobre el padrón y las tasas.",
        "Necesito un asistente",
        "Trabajo en",
    ),
    (
        "Ich arbeite in der Verwaltung einer Hausarztpraxis in Kassel. Wir brauchen einen Assistenten, der "
        "Patientenfragen zu Öffnungszeiten und Rezepten beantwortet.",
        "Wir brauchen einen Assistenten",
        "Ich arbeite",
    ),
    (
        "Je travaille à l'accueil de la mairie de Rennes. Je veux un assistant qui répond aux questions des "
        "habitants sur les déchets et les permis.",
        "Je veux un assistant",
        "Je travaille",
    ),
    (
        "Trabalho na secretaria de uma escola em Braga. Preciso de um assistente que responda a perguntas dos pais "
        "sobre matrículas e horários.",
        "Preciso de um assistente",
        "Trabalho na",
    ),
    (
        "Lavoro in una farmacia a Bologna. Vorrei un assistente che risponda alle domande dei clienti sugli orari e "
        "sui prodotti.",
        "Vorrei un assistente",
        "Lavoro in",
    ),
    (
        "Ik werk bij de klantenservice van een fietsenwinkel in Utrecht. We willen een assistent die vragen van "
        "klanten over reparaties beantwoordt.",
        "We willen een assistent",
        "Ik werk",
    ),
]


@pytest.mark.parametrize(("task", "job", "intro"), _INTRODUCED_FOREIGN)
def test_the_job_quoted_is_the_sentence_after_the_introduction(task: str, job: str, intro: str) -> None:
    quoted = _quoted_job(_prompt(task))
    assert quoted is not None
    assert quoted.startswith(job)
    assert intro not in quoted


@pytest.mark.parametrize(
    ("task", "job_words", "name"),
    [
        (
            "Brook Farm Shop – Leeds. We want a chatbot that answers customer questions about opening hours and veg "
            "boxes.",
            "opening hours and veg boxes",
            "Brook Farm Shop",
        ),
        (
            "Harbour Dental Care - Whitby. Chatbot to answer patient questions about appointments and fees.",
            "appointments and fees",
            "Harbour Dental Care",
        ),
    ],
)
def test_an_english_name_only_first_sentence_leaves_the_role_to_the_job(task: str, job_words: str, name: str) -> None:
    prompt = _prompt(task)
    assert job_words in _role(prompt)
    assert f"Use case: {name}" not in prompt


# (brief, the job sentence, the requester's introduction)
_RUNS_A_BUSINESS = [
    (
        "Ich leite eine kleine Physiotherapie-Praxis in Freiburg. Der Assistent soll Fragen zu Terminen beantworten. "
        "Immer per Sie.",
        "Der Assistent soll",
        "Ich leite",
    ),
    (
        "Wir betreiben einen Hofladen bei Kassel. Wir brauchen einen Chatbot für Kundenfragen zu Öffnungszeiten.",
        "Wir brauchen einen Chatbot",
        "Wir betreiben",
    ),
    (
        "Dirijo una academia de idiomas en Sevilla. Quiero un asistente que responda dudas de los alumnos sobre "
        "horarios.",
        "Quiero un asistente",
        "Dirijo",
    ),
    (
        "Je gère un gîte dans le Périgord. Je veux un assistant qui répond aux questions des clients sur les arrivées.",
        "Je veux un assistant",
        "Je gère",
    ),
    (
        "Tenho uma loja de bicicletas em Porto. Quero um assistente que responda aos clientes sobre reparações.",
        "Quero um assistente",
        "Tenho uma loja",
    ),
    (
        "Gestisco un B&B a Lecce. Vorrei un assistente che risponda alle domande degli ospiti sul check-in.",
        "Vorrei un assistente",
        "Gestisco",
    ),
    (
        "Ik run een kleine kapsalon in Gent. We willen een assistent die vragen over afspraken beantwoordt.",
        "We willen een assistent",
        "Ik run",
    ),
]


@pytest.mark.parametrize(("task", "job", "intro"), _RUNS_A_BUSINESS)
def test_a_requester_who_runs_a_business_introduces_the_job(task: str, job: str, intro: str) -> None:
    quoted = _quoted_job(_prompt(task))
    assert quoted is not None
    assert quoted.startswith(job)
    assert intro not in quoted


@pytest.mark.parametrize(
    ("task", "job"),
    [
        (
            "Wir brauchen einen Chatbot für unseren Hofladen. Er soll Fragen zu Öffnungszeiten beantworten.",
            "Wir brauchen einen Chatbot",
        ),
        ("Quiero un asistente para mi academia. Debe responder dudas sobre horarios.", "Quiero un asistente"),
        ("Je veux un assistant pour mon gîte. Il répond aux questions sur les arrivées.", "Je veux un assistant"),
    ],
)
def test_a_first_sentence_that_asks_for_the_assistant_stays_the_job(task: str, job: str) -> None:
    quoted = _quoted_job(_prompt(task))
    assert quoted is not None
    assert quoted.startswith(job)


# --- business names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Wir sind eine kleine Physiotherapie-Praxis in Freiburg (Praxis Bergmann). Der Bot soll Patientenfragen "
            "beantworten, bitte per Sie.",
            "Praxis Bergmann",
        ),
        (
            "Wir sind ein kleines Dentallabor (Zahntechnik Hübner, Leipzig). Der Bot soll Zahnärzten Fragen zu "
            "Lieferzeiten beantworten. Anfragen gerne per Mail.",
            "Zahntechnik Hübner",
        ),
        (
            "Bot for our bell ringing society (St Mary's, Thornbury). Answer q's about practice nights, quarter peals "
            "and how to learn to ring.",
            "St Mary's",
        ),
        (
            "Nous tenons le restaurant Chez Paul des Îles à Nantes. Nous voulons un assistant qui répond aux "
            "questions sur les réservations.",
            "Chez Paul des Îles",
        ),
    ],
)
def test_the_business_name_is_read_whole(task: str, name: str) -> None:
    assert extract_entities(task).organization == name
    assert f"for {name}." in _role(_prompt(task))


@pytest.mark.parametrize(
    ("task", "not_a_name"),
    [
        (
            "Ich leite eine kleine Physiotherapie-Praxis in Freiburg. Der Assistent soll Fragen zu Terminen "
            "beantworten. Immer per Sie.",
            "Sie",
        ),
        ("Chatbot für unseren Hofladen. Fragen zu Öffnungszeiten beantworten, Bestellungen per Mail.", "Mail"),
        (
            "Our toddler group meets at St Michael's church hall on Tuesdays. I want a bot that answers parents' "
            "questions about sessions and costs.",
            "St Michael",
        ),
    ],
)
def test_a_form_of_address_a_channel_or_a_venue_is_no_business_name(task: str, not_a_name: str) -> None:
    organization = extract_entities(task).organization
    assert organization is None or not_a_name not in organization
    assert f"agent for {not_a_name}" not in _prompt(task)


# --- conditions and numbers of fallbacks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "number", "condition"),
    [
        (
            "Chatbot für eine Tierarztpraxis. Bei Atemnot, Krampfanfall oder Verdacht auf Vergiftung: sofort 112 "
            "anrufen lassen. Sonst Termine über die Praxis unter 0761 123456.",
            "112",
            "Bei Atemnot, Krampfanfall oder Verdacht auf Vergiftung",
        ),
        (
            "Assistent für eine Hausarztpraxis. Bei Brustschmerzen oder Atemnot: sofort 112. Rezeptfragen bitte an "
            "die Praxis unter 0761 654321 verweisen.",
            "112",
            "Bei Brustschmerzen oder Atemnot",
        ),
    ],
)
def test_bei_up_to_the_colon_is_the_condition_of_the_number(task: str, number: str, condition: str) -> None:
    phones = [c for c in _constraints(task, "fallback") if c.action == "phone" and c.value == number]
    assert len(phones) == 1
    assert phones[0].condition == condition


@pytest.mark.parametrize(
    ("task", "value", "condition"),
    [
        (
            "Recycling centre bot for the council. Book slots with book_slot(date). For hazardous waste (paint, "
            "asbestos) don't book anything, send them to hazwaste@council.gov.uk. Anything else, point them to "
            "recycling@council.gov.uk.",
            "hazwaste@council.gov.uk",
            "For hazardous waste (paint, asbestos)",
        ),
        (
            "Recycling centre bot for the council. Book slots with book_slot(date). For hazardous waste (paint, "
            "asbestos) don't book anything, send them to hazwaste@council.gov.uk. Anything else, point them to "
            "recycling@council.gov.uk.",
            "recycling@council.gov.uk",
            "Anything else",
        ),
        (
            "Bike shop helper. For warranty claims, send them to warranty@spokes.co.uk.",
            "warranty@spokes.co.uk",
            "For warranty claims",
        ),
    ],
)
def test_a_topic_or_anything_else_opening_the_clause_is_the_fallbacks_condition(
    task: str, value: str, condition: str
) -> None:
    found = [c for c in _constraints(task, "fallback") if c.value == value]
    assert len(found) == 1
    assert found[0].condition == condition


def test_before_anything_else_orders_a_step_and_is_no_fallback_case() -> None:
    task = "Before anything else, ask for the order number. If you can't help, email help@shop.com."
    fallbacks = _constraints(task, "fallback")
    assert [c.value for c in fallbacks] == ["help@shop.com"]
    assert "anything else" not in (fallbacks[0].condition or "").lower()


@pytest.mark.parametrize(
    ("task", "number"),
    [
        (
            "Student wellbeing chatbot for a sixth form college. Listen kindly. If anyone mentions self-harm, "
            "signpost them to Samaritans on 116 123.",
            "116 123",
        ),
        (
            "Sixth form wellbeing bot. if a student mentions suicide signpost them to Samaritans on 116 123, be gentle",
            "116 123",
        ),
    ],
)
def test_a_named_line_the_brief_signposts_to_is_its_number(task: str, number: str) -> None:
    phones = [c for c in _constraints(task, "fallback") if c.action == "phone"]
    assert [c.value for c in phones] == [number]
    crisis = next(line for line in _prompt(task).splitlines() if "mentions suicide, self-harm" in line)
    assert f"call {number} now" in crisis


@pytest.mark.parametrize(
    ("task", "contact"),
    [
        (
            "Housing advice chatbot for tenants. If they mention eviction or a court date, tell them to contact "
            "Shelter on 0808 800 4444.",
            "call 0808 800 4444",
        ),
        (
            "Legal info bot for renters. If a landlord sends a notice, tell them to email help@renterslaw.org.",
            "email help@renterslaw.org",
        ),
    ],
)
def test_the_legal_pack_names_the_briefs_own_legal_referral(task: str, contact: str) -> None:
    rule = next(line for line in _prompt(task).splitlines() if "a court date, an arrest or a notice" in line)
    assert f"contact a lawyer, a legal aid service or {contact} promptly" in rule


def test_without_a_legal_referral_the_legal_pack_keeps_its_generic_wording() -> None:
    prompt = _prompt(
        "Legal information chatbot for tenants. Explain eviction notices, deposits and repairs in plain words."
    )
    rule = next(line for line in prompt.splitlines() if "a court date, an arrest or a notice" in line)
    assert "contact a lawyer or legal aid service promptly" in rule


# --- the hand-off tool as the assistant's own step -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "step"),
    [
        (
            "Order support bot. If the customer is angry or asks for a person, call escalate_to_agent(order_id, "
            "summary) and tell them a person will reply within 1 business day.",
            "call escalate_to_agent(order_id, summary) and tell them a person will reply within 1 business day.",
        ),
    ],
)
def test_calling_the_hand_off_tool_is_the_assistants_whole_step(task: str, step: str) -> None:
    prompt = _prompt(task)
    assert step in prompt
    assert "tell the user to call escalate_to_agent" not in prompt


# --- what a tool is for --------------------------------------------------------------------------------------------


def _tool_lines(task: str) -> list[str]:
    return [c.text for c in _constraints(task, "tool")]


@pytest.mark.parametrize(
    ("task", "line"),
    [
        (
            "Flight booking assistant for SkyHop passengers. Tools: search_flights(origin, destination, date) "
            "returns flights, hold_seat(flight_id) reserves a seat for 20 minutes, pay(booking_id).",
            "Use the `hold_seat(flight_id)` tool: reserves a seat for 20 minutes.",
        ),
        (
            "Support bot for a gym. get_member(member_id) looks up the member.",
            "Use the `get_member(member_id)` tool: looks up the member.",
        ),
        (
            "Library helper. Tools: find_title(query) searches the catalogue",
            "Use the `find_title(query)` tool: searches the catalogue.",
        ),
    ],
)
def test_a_purpose_can_follow_the_signature_directly(task: str, line: str) -> None:
    assert line in _tool_lines(task)


@pytest.mark.parametrize(
    ("task", "line"),
    [
        (
            "Booking bot for our salon. When someone wants to cancel, use cancel_booking(booking_id).",
            "Use the `cancel_booking(booking_id)` tool when someone wants to cancel.",
        ),
        (
            "Booking bot for our salon. If they want to move a slot, call reschedule(booking_id, new_time).",
            "Use the `reschedule(booking_id, new_time)` tool if they want to move a slot.",
        ),
        (
            "Help desk bot. Whenever a printer is jammed, use log_fault(printer_id).",
            "Use the `log_fault(printer_id)` tool whenever a printer is jammed.",
        ),
    ],
)
def test_a_leading_condition_says_when_the_tool_is_for(task: str, line: str) -> None:
    assert line in _tool_lines(task)


def test_a_tool_without_purpose_keeps_the_generic_line() -> None:
    lines = _tool_lines("Bot for our salon. Tools: cancel_booking(booking_id).")
    assert lines == ["Use the `cancel_booking(booking_id)` tool when the task needs it."]


# --- a prohibition list ends before a clause with its own verb -----------------------------------------------------


@pytest.mark.parametrize(
    ("task", "kept", "gone"),
    [
        (
            "Bedtime story bot for kids aged 4-7. no swearing, no violence, dragons are friendly and nobody gets hurt.",
            "violence",
            "dragons",
        ),
        ("Bedtime story bot. No blood, no ghosts, dogs are heroes.", "ghosts", "dogs"),
    ],
)
def test_a_clause_with_its_own_verb_is_not_an_item_of_the_prohibition(task: str, kept: str, gone: str) -> None:
    texts = [c.text for c in _constraints(task, "prohibition")]
    assert any(kept in text for text in texts)
    assert not any(gone in text for text in texts)


def test_a_plain_prohibition_list_stays_whole() -> None:
    texts = [c.text for c in _constraints("Story helper for children. No scary monsters, no violence.", "prohibition")]
    assert any("violence" in text for text in texts)
    assert any("monsters" in text for text in texts)


# --- a requirement inside the job sentence -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "I want a chatbot that answers questions about prices (small £35, medium £50, large £70) for my dog "
        "grooming business.",
        "We need a bot that answers questions about our menu (soup £4, sandwich £6, cake £3).",
    ],
)
def test_a_requirement_that_restates_the_job_sentence_is_not_repeated(task: str) -> None:
    prompt = _prompt(task)
    assert "## Requirements" not in prompt
    assert prompt.count("answers questions about") == 0


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        ("faq bot for our hostel, answers only from the house rules doc", "only from the house rules doc"),
        ("chatbot for the climbing wall that never gives out staff phone numbers", "never gives out staff phone"),
    ],
)
def test_a_rule_inside_the_job_sentence_is_kept(task: str, rule: str) -> None:
    """A control for the dropped restatement: a job sentence that states a rule keeps it."""
    assert rule in _prompt(task)

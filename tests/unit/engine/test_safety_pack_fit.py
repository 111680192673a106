"""Safety packs and archetype defaults fit the brief's domain (round 40, class 3: r40-01, r40-05, r40-06, r40-07).

A pack needs real evidence of its domain: pets for the pet-care pack (a farm's cattle are the farmer's business, and
999 is never the route for an animal), investments named for the investment pack, a cue that is not only the topic
of an advice ban or a hospital listed among the buildings a business serves. A brief that fixes its own crisis reply
and says "it's not counselling" gets no mental-health pack; a leaflet about stopping a medicine gets no "never tell
someone to stop a medication"; a reply fixed as "the query … and then one sentence" gets no SQL explanation,
assumption or row-limit defaults. Genuine cases keep their packs.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate
from app.engine.safety import detect_domains, safety_rules
from app.engine.safety.settled import MEDICATION_STATED, NOT_COUNSELLING, settled_domains


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


FARM_LINE = (
    "We're Dalesway, a helpline charity for hill farmers and their families going through hard times: debts, a "
    "failed harvest, losing cattle to TB testing, being alone on the farm. Our volunteers answer texts in the day; we "
    "want an AI to answer the texts that come in at night. It's not counselling and it must not pretend to be human. "
    "If someone mentions suicide or wanting to end it, reply exactly: Please ring 999 if you are in danger, or "
    "Samaritans on 116 123. A Dalesway volunteer will read this in the morning. "
    "Never give advice about medication, money decisions (selling stock, loans, the bank) or herd test results, "
    "that's for our volunteers and their own vet or doctor. Keep it to 2 sentences."
)


def test_a_farm_stress_line_gets_no_pet_investment_or_medical_pack() -> None:
    domains = detect_domains([FARM_LINE])
    assert not {"veterinary", "financial", "money", "medical"} & set(domains)


def test_a_farm_stress_line_that_is_not_counselling_gets_no_mental_health_rules() -> None:
    prompt = _prompt(FARM_LINE)
    assert "pet-care" not in prompt
    assert "security, fund or cryptocurrency" not in prompt
    assert "acknowledge it before anything else" not in prompt
    assert "encourage the person to speak with a qualified professional" not in prompt
    assert "116 123" in prompt  # the brief's own crisis reply stays


@pytest.mark.parametrize(
    "task",
    [
        "Chat for our agricultural supplies shop: customers ask about feed for their cattle and sheep, fencing, and "
        "the medication for lambing ewes.",
        "Assistant pour notre coopérative : les propriétaires des troupeaux posent des questions sur les visites du "
        "vétérinaire et les médicaments des bovins.",
    ],
)
def test_livestock_is_no_pet_care(task: str) -> None:
    # (nor human health care: the medicine is the animals')
    assert not {"veterinary", "medical"} & set(detect_domains([task]))


def test_selling_stock_on_a_farm_is_no_investing() -> None:
    task = (
        "Support chat for sheep farmers: people ask about money trouble, selling stock at market and taking on "
        "loans for feed; point them to our advisers."
    )
    assert "financial" not in detect_domains([task])


def test_the_vet_emergency_rule_never_sends_anyone_to_999() -> None:
    (rule, *_) = safety_rules(["veterinary"], "999")
    assert "999" not in rule.text
    assert "vet" in rule.text


def test_a_clinics_own_line_is_the_vet_emergency_route() -> None:
    (rule, *_) = safety_rules(["veterinary"], "01632 960 111")
    assert "call 01632 960 111" in rule.text


@pytest.mark.parametrize(
    "task",
    [
        "Concierge chat for the Harbour Hotel: answer guests about breakfast times, parking and late checkout. "
        "Never give advice about medication or loans, that's not our business.",
        "Chat del Hotel Mirador para huéspedes: horarios del desayuno y aparcamiento. No des consejos sobre "
        "medicamentos ni préstamos.",
    ],
)
def test_a_topic_only_banned_is_no_evidence_of_its_domain(task: str) -> None:
    domains = detect_domains([task])
    assert "medical" not in domains
    assert "financial" not in domains
    assert "money" not in domains


@pytest.mark.parametrize(
    "task",
    [
        "Escalator Services Ltd maintains escalators and lifts in about 300 buildings (offices, shopping centres, "
        "stations, three hospitals). Building managers report faults in a chat; raise the call-out. Priority A = the "
        "only lift in the building, or any hospital.",
        "Mantenemos ascensores en oficinas, colegios, hoteles y hospitales de Sevilla. El chat recoge las averías "
        "que nos avisan los administradores de fincas.",
    ],
)
def test_a_hospital_listed_among_the_buildings_served_is_no_health_care(task: str) -> None:
    assert "medical" not in detect_domains([task])
    assert "chest pain" not in _prompt(task)


LEAFLET = (
    "We're the allergy clinic at Northfield Hospital. Before a skin-prick test, parents get a leaflet about "
    "stopping antihistamines five days beforehand, what to bring and how long it takes. Answer parents' questions "
    "using ONLY that leaflet. Never give a dose of any medicine and never tell a parent to stop or start a medicine "
    "beyond exactly what the leaflet says. If it isn't covered, reply: Please ring the clinic on 01632 960 222."
)


def test_a_leaflet_about_stopping_a_medicine_gets_no_pack_rule_against_stopping_one() -> None:
    assert MEDICATION_STATED in settled_domains([LEAFLET])
    prompt = _prompt(LEAFLET)
    assert "Never tell someone to start, stop or change a prescribed medication" not in prompt
    assert "beyond exactly what the leaflet says" in prompt


def test_a_mental_health_pack_gives_way_to_not_counselling_and_a_fixed_crisis_reply() -> None:
    rules = safety_rules(
        ["mental_health"], settled=settled_domains([FARM_LINE]), crisis_stated=True, crisis_number="116 123"
    )
    assert rules == []


@pytest.mark.parametrize(
    "task",
    [
        "Text line for a carers' charity. This isn't counselling: reply with our opening hours and the carers' "
        "guide link.",
        "Chat nocturno de nuestra asociación. No es un servicio de escucha: responde con el horario y el enlace.",
    ],
)
def test_not_counselling_is_settled(task: str) -> None:
    assert NOT_COUNSELLING in settled_domains([task])


SQL_FIXED = (
    "I keep our club's race results in a SQLite file: races(race_id, name, race_date), runners(runner_id, name, "
    "club), results(race_id, runner_id, finish_secs). Write SQL for my questions. Give me the query in one sql "
    "block and then one sentence saying what it does."
)


@pytest.mark.parametrize(
    "task",
    [
        SQL_FIXED,
        "Schreib SQL für unsere Postgres-Datenbank mit den Tabellen orders(id, total, created_at) und "
        "customers(id, name). Gib mir die Abfrage in einem SQL-Block und dann einen Satz, was sie tut.",
    ],
)
def test_a_reply_fixed_as_query_then_one_sentence_drops_the_sql_defaults(task: str) -> None:
    prompt = _prompt(task)
    assert "100 rows" not in prompt
    assert "State the SQL dialect" not in prompt
    assert "explanation of the approach" not in prompt


# Genuine cases keep their packs.


def test_a_pet_clinic_keeps_the_pet_care_pack_with_a_vet_route() -> None:
    task = (
        "Website chat of the Meadow Lane animal clinic: dog and cat owners ask about vaccinations, worming and "
        "whether their pet needs to be seen. If a client in the waiting room collapses or has chest pain, call 999."
    )
    assert "veterinary" in detect_domains([task])
    prompt = _prompt(task)
    assert "pet-care information" in prompt
    assert "in their animal" in prompt
    assert "tell them first to call 999" not in prompt


def test_an_investment_assistant_keeps_the_investment_pack() -> None:
    task = (
        "Assistant for the customers of our investing app: explain index funds, ETFs, shares and how their "
        "portfolio's returns are calculated. Never give advice about selling a specific stock."
    )
    assert "financial" in detect_domains([task])
    assert "security, fund or cryptocurrency" in _prompt(task)


def test_a_mental_health_support_line_keeps_its_pack() -> None:
    task = (
        "A chat for our anxiety and low-mood support line: it listens to people who feel overwhelmed at night and "
        "suggests breathing exercises. It's not counselling, just someone to talk to."
    )
    assert "mental_health" in detect_domains([task])
    prompt = _prompt(task)
    assert "acknowledge it before anything else" in prompt
    assert "suicide" in prompt


def test_a_pharmacy_keeps_the_medication_rule() -> None:
    task = (
        "Chat for Elm Road Pharmacy: customers ask about repeat prescriptions, opening hours and minor ailments. "
        "Some ask whether they can stop their tablets early; tell them to speak to the pharmacist."
    )
    assert "medical" in detect_domains([task])
    assert MEDICATION_STATED not in settled_domains([task])
    assert "Never tell someone to start, stop or change a prescribed medication" in _prompt(task)


def test_a_plain_sql_brief_keeps_its_defaults() -> None:
    task = (
        "Write SQL for our Postgres tables orders(id, total, created_at) and customers(id, name) when I ask "
        "questions about sales."
    )
    prompt = _prompt(task)
    assert "State the SQL dialect" in prompt

"""Round 48: packs from a word over the brief's own rules, and frames picked from an aside."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief

_CHILD_PRIVACY = "Never ask for or keep a child's personal information"
_MONEY_ADVICE = "do not tell the person what to do about their own tax, debt or money decisions"
_MEDICATION = "Never tell someone to start, stop or change a prescribed medication"
_EMERGENCY = "If the person describes signs of an emergency"


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _ids(task: str) -> list[str]:
    return [m.id for m in generate(Brief(task=task)).archetypes]


@pytest.mark.parametrize(
    "task",
    [
        "ヨガ教室「ひかり」のLINE予約アシスタント。最初に電話番号を聞いて会員を検索する。10歳未満のお子さんは保護者の同伴が必要です。返信は100文字以内。",
        "Buchungsassistent für das Optikhaus Weber. Kunden nennen ihre Telefonnummer, dann suchst du freie Termine. "
        "Kinder unter 12 brauchen ein Rezept vom Augenarzt. Antworte kurz und auf Deutsch.",
        "Assistant de réservation pour la piscine Les Ondines. Demandez le numéro d'adhérent. Les enfants de moins de "
        "10 ans doivent être accompagnés d'un adulte. Réponses courtes.",
    ],
)
def test_subgroup_case_is_no_child_audience(task: str) -> None:
    prompt = _prompt(task)
    assert _CHILD_PRIVACY not in prompt
    assert "Audience:" not in prompt


def test_child_audience_stays() -> None:
    assert _CHILD_PRIVACY in _prompt(
        "A reading buddy chat for kids aged 6 to 9. Kids under 7 need very short sentences."
    )


@pytest.mark.parametrize(
    "task",
    [
        "Les familles posent des questions sur l'accueil de jour Les Glycines ; l'assistant répond avec le livret "
        "ci-dessous.\n- Tarif : 42 € la journée.\n- À apporter : les médicaments dans le pilulier nominatif.\n"
        "100 mots maximum, vouvoiement.",
        "Asistente del centro de día Los Olmos para las familias; responde con el folleto.\n- Horario 9 a 17 h.\n"
        "- Tarifa: 35 € al día.\n- Traer la medicación en el pastillero nominativo.\nMáximo 80 palabras.",
        "Chat for Bramley Day Centre families, answering from the guide below.\n- Open 9 to 5.\n- Price: £40 a day, "
        "plus a nominal £3 for transport.\n- Deposit: £50, returned when the place ends.\nUnder 80 words.",
    ],
)
def test_price_list_in_material_brings_no_money_pack(task: str) -> None:
    assert "money matters" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Chat for Harlow Energy customers in debt on their gas bill who want a payment plan. Offer a plan of at least "
        "£10 a month, confirm only on a yes. For other debts point them to free debt advice.",
        "Chat for Eastfield Homes tenants in rent arrears who are worried about money: agree a repayment plan they "
        "can afford and never mention eviction. Other debt or loan questions: say you can't help with those.",
        "Chat para clientes de Aguas del Norte con impagos en su factura y problemas de dinero: acordar un plan de "
        "pagos de al menos 5 € al mes; si tienen un préstamo u otras deudas, no opines.",
    ],
)
def test_payment_plan_chat_keeps_no_debt_advice_ban(task: str) -> None:
    assert _MONEY_ADVICE not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Chat for the Riverside day-surgery unit answering patients' medical questions only from the leaflet below."
        "\n\nLEAFLET:\nBlood thinners: stop 5 days before your operation.\nNo food from midnight.\n\nUnder 60 words.",
        "Chat for Kingsmead radiology answering patients' health questions from our preparation sheet.\n"
        "Metformin - do not take it for 48 hours after the scan.\nDrink water before you come.",
        "Chatbot der Praxis Dr. Lind für medizinische Fragen der Patienten zur Darmspiegelung.\n"
        "Eisentabletten 7 Tage vorher absetzen.\nAm Vortag nur klare Flüssigkeiten.",
    ],
)
def test_medication_pack_yields_to_the_material(task: str) -> None:
    assert _MEDICATION not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Health chat for patients of the Ashdown clinic before their scan.\n- severe headache, collapsing or feeling "
        'faint: reply only "Please call 111 now, or 999 if it is severe." nothing else',
        "Health questions chat for Elm Park dental patients after extractions.\n* heavy bleeding that won't stop, or "
        'they fainted: reply exactly "Please call 999 now." and nothing more',
        "Health chat for Hillside vaccination clinic patients after a jab.\n"
        'If they feel dizzy or faint, say only "Call 111 now, or 999 if you can\'t breathe."',
    ],
)
def test_emergency_pack_yields_to_fixed_reply_on_overlapping_signs(task: str) -> None:
    assert _EMERGENCY not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Front of house at the Corn Exchange theatre. After every show the duty manager writes a long report. "
        "The directors want a short version every night in the same layout:\n\nSHOW: <title>\nINCIDENTS: <what "
        "happened, and any first aid given>\n\n- under 120 words\n- an injury always goes in INCIDENTS",
        "Turn each night's warehouse shift report into a digest for the operations director: output, delays, "
        "injuries and first aid given. Under 100 words, plain text.",
    ],
)
def test_report_digest_gets_no_health_pack(task: str) -> None:
    prompt = _prompt(task)
    assert _EMERGENCY not in prompt
    assert "general health information" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Customer support bot for Brightmart online shop. Tools: lookup_order(order_id), issue_refund(order_id, "
        "amount). Always call lookup_order before issue_refund. Be friendly and brief.",
        "Asistente de atención al cliente de Zapatería Ruiz. Herramientas: buscar_pedido(id), devolver_importe(id). "
        "Siempre buscar_pedido antes de devolver_importe.",
        "Support chat for Voltline energy customers. Tools: find_account(email), change_tariff(account_id, tariff). "
        "Call find_account first, then change_tariff only after they confirm.",
    ],
)
def test_support_led_by_ordered_tools_keeps_its_rules(task: str) -> None:
    prompt = _prompt(task)
    assert "Never ask for passwords or full card numbers." in prompt
    assert _ids(task)[:2] == ["tool_agent", "customer_support"]


@pytest.mark.parametrize(
    "task",
    [
        "Asistente de RRHH para la plantilla de Grupo Nieto: vacaciones, bajas y nóminas. A veces los empleados "
        "quieren desahogarse sobre su jefe; mantén la neutralidad.",
        "HR helper for the staff of Pinecrest Hotels: leave, payroll and overtime questions. Staff sometimes just "
        "want to let off steam about their shift managers, so keep it neutral and friendly.",
        "HR policy bot for employees of Carrow Foods: annual leave, expenses and sick pay. Employees may vent about "
        "their managers; stay neutral.",
    ],
)
def test_policy_qa_with_venting_is_no_listener(task: str) -> None:
    assert "feels heard" not in _prompt(task)


def test_listener_stays_for_venting_space() -> None:
    assert "feels heard" in _prompt("A place for students to vent about revision stress; listen and reflect back.")


@pytest.mark.parametrize(
    "task",
    [
        "Book piano lessons at Allegro Music School: check the teacher's free slots and reserve one for the pupil.",
        "Assistant for Fahrschule Becker: reserve a driving-instructor slot for learners and move bookings.",
        "Chatbot de la academia Do Re Mi para reservar clases de guitarra y cambiar el horario de los alumnos.",
    ],
)
def test_booking_lessons_is_no_tutor(task: str) -> None:
    assert "tutor" not in _ids(task)


def test_tutor_that_books_and_teaches_stays() -> None:
    assert (
        _ids("Maths tutor for year 9 students; students can book a session and then you explain step by step.")[0]
        == "tutor"
    )

"""Safety packs give way to the brief's own routes: a referral the brief makes itself, the brief's own business, a
privacy rule that only names health data, and a practice scene in which the model plays the distressed person."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate

_DOCTOR = "suggest a doctor or pharmacist for that"
_ADVISER = "a financial adviser, an accountant"
_LAWYER = "qualified lawyer or legal aid service"
_LAWYER_PROMPTLY = "contact a lawyer or legal aid service promptly"
_REMIND = "remind them kindly"


def _prompt(task: str, audience: str | None = None) -> str:
    return generate(Brief(task=task, audience=audience, target="claude")).prompt


# ---- 1. a referral the brief makes itself replaces the pack's


@pytest.mark.parametrize(
    "task",
    [
        "Q&A helper for people recovering from hip replacement at Dunmore Orthopaedics, using our aftercare leaflet. "
        'Never recommend painkillers or doses. If they ask about medicines, say: "Your physio team can go through '
        'that with you - phone 0161 496 0321."',
        "Chat helper for patients of a diabetes clinic. For anything about insulin doses or symptoms, tell them to "
        "ask their diabetes nurse.",
        "Asistente para pacientes de una clínica de fisioterapia. Si preguntan por medicamentos, responde: "
        '"Consulta con tu médico de cabecera."',
    ],
)
def test_a_medical_brief_with_its_own_clinician_route_drops_the_generic_doctor(task: str) -> None:
    prompt = _prompt(task)
    assert "Give general health information only" in prompt
    assert _DOCTOR not in prompt


def test_a_medical_brief_without_its_own_route_keeps_the_generic_doctor() -> None:
    assert _DOCTOR in _prompt("Chat helper that answers patients' general questions about colds and flu.")


@pytest.mark.parametrize(
    "task",
    [
        "Chat helper for a water company's customers who are behind on their bills. Agree payment plans of 3 to 12 "
        "months. If they're struggling, give them the StepChange number, 0800 138 1111, which is free.",
        "Assistant for a housing association's rent arrears team. Never tell tenants whether to borrow money; say "
        '"Citizens Advice can help with that for free."',
    ],
)
def test_a_money_brief_with_its_own_debt_route_drops_the_adviser_list(task: str) -> None:
    prompt = _prompt(task)
    assert _ADVISER not in prompt


def test_a_money_brief_without_its_own_route_keeps_the_adviser_list() -> None:
    assert _ADVISER in _prompt("Chat assistant that explains payslips, tax codes and household bills to adults.")


@pytest.mark.parametrize(
    ("task", "audience"),
    [
        (
            "Quiz bot for pupils aged 8 to 10 practising spelling. Never ask for or repeat their name, school or "
            'where they live. If a pupil types any of that, reply: "Let\'s keep that secret. Next word!"',
            None,
        ),
        (
            "Juego de preguntas de ciencias para niños de 9 a 11 años. Nunca pedir ni repetir su nombre, su colegio "
            'ni su dirección. Si lo escriben, responde: "Eso es privado. ¡Sigamos!"',
            "niños de 9 a 11 años",
        ),
    ],
)
def test_a_childrens_brief_with_its_own_privacy_reply_drops_the_reminder(task: str, audience: str | None) -> None:
    prompt = _prompt(task, audience)
    assert _REMIND not in prompt
    assert "age-appropriate" in prompt


def test_a_childrens_brief_without_its_own_privacy_reply_keeps_the_reminder() -> None:
    assert _REMIND in _prompt("Story-time helper that reads fairy tales with children aged 5 to 7.")


# ---- 2. the brief's own business is never referred out


@pytest.mark.parametrize(
    "task",
    [
        "We are Halden & Rook Solicitors, a family law firm in Leeds. The website chat explains how divorce and "
        "child arrangements work in general. Never say whether someone will win.",
        "Somos Prieto Abogados, un despacho laboralista en Sevilla. El chat explica en general cómo funcionan los "
        "despidos y las reclamaciones de salario.",
        "Wir sind die Kanzlei Brandt Rechtsanwälte in Köln. Der Chat erklärt allgemein, wie Kündigungen und "
        "Abfindungen im Arbeitsrecht funktionieren.",
    ],
)
def test_a_law_firm_never_refers_its_clients_to_a_lawyer(task: str) -> None:
    prompt = _prompt(task)
    assert "Give general legal information" in prompt
    assert _LAWYER not in prompt
    assert "legal aid" not in prompt


def test_a_law_firm_without_a_route_offers_its_own_consultation() -> None:
    prompt = _prompt(
        "We are Ashby Lane Solicitors, an immigration law firm. The chat explains visa routes in general terms."
    )
    assert "suggest a consultation with the firm for that" in prompt


def test_a_law_firm_that_routes_arrests_itself_gets_no_generic_urgent_rule() -> None:
    prompt = _prompt(
        "We're Morrow Criminal Defence, a law firm in Bristol. The chat explains police interviews and bail in "
        "general. If someone says a relative has been arrested, tell them to call our 24/7 line on 0117 496 0188 "
        "straight away."
    )
    assert _LAWYER_PROMPTLY not in prompt
    assert "legal aid" not in prompt
    assert "0117 496 0188" in prompt


def test_a_tenants_legal_info_bot_still_refers_to_a_lawyer() -> None:
    assert _LAWYER in _prompt("Answer renters' questions about deposits and eviction notices in Ontario.")


# ---- 3. a data-privacy mention attaches no health pack


@pytest.mark.parametrize(
    "task",
    [
        "Booking chat for a language school. Never ask for passport numbers, bank details or health data.",
        "Chat de reservas para una academia de idiomas. No pedir ni guardar datos de salud ni números de pasaporte.",
        "Buchungs-Chat für eine Sprachschule. Keine Gesundheitsdaten oder Passnummern erfragen.",
        "Enrolment assistant for an evening college. Do not ask about medical conditions or health information; "
        "the office handles that by phone.",
    ],
)
def test_a_privacy_rule_on_health_data_attaches_no_medical_pack(task: str) -> None:
    prompt = _prompt(task)
    assert "pharmacist" not in prompt
    assert "chest pain" not in prompt


def test_a_real_health_service_still_gets_its_medical_pack() -> None:
    prompt = _prompt("Nurse-line chat that answers patients' questions about their symptoms and medication.")
    assert "chest pain" in prompt


# ---- 4. the model playing the distressed person gets no crisis pack for the trainee


@pytest.mark.parametrize(
    "task",
    [
        "Training role-play for new hospice receptionists. You are a grieving widow phoning about your husband's "
        "belongings, upset and confused. Stay in character; the trainee is the receptionist.",
        "Practice scene for call-handler trainees: you are an anxious parent whose teenager has not come home. Stay "
        "in character until the trainee types STOP.",
        "Juego de rol para formar a nuevos agentes: eres una familiar muy afectada por la muerte de su madre que "
        "llama a la funeraria. No salgas del personaje.",
        "Rollenspiel für die Schulung neuer Pflegekräfte: Du bist ein besorgter Angehöriger, dessen Vater gerade "
        "gestorben ist. Bleib in der Rolle.",
    ],
)
def test_a_role_play_where_the_model_is_distressed_gets_no_crisis_pack(task: str) -> None:
    prompt = _prompt(task)
    assert "988" not in prompt
    assert "keep the conversation going" not in prompt
    assert "present yourself as a therapist" not in prompt


def test_a_grief_companion_still_gets_its_crisis_pack() -> None:
    prompt = _prompt("A gentle chat companion for adults who are grieving the loss of a parent.")
    assert "mentions suicide, self-harm" in prompt


def test_a_customer_service_agent_is_not_playing_the_customer() -> None:
    prompt = _prompt(
        "Training tool: you are a customer service agent for a bereavement support charity; trainees watch how "
        "you talk with grieving callers."
    )
    assert "mentions suicide, self-harm" in prompt

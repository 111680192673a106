"""Packs, audiences, roles and slots from who the chat serves and what is pasted, read as general rules.

- The children's pack needs children as the chat's users: a child named in a case, or a brief for parents, gets none.
- A health case the brief routes to its own tool, or a bar on health questions, brings no medical pack.
- An audience is who reads the output, never who a service is for.
- A role names the assistant the brief names, not a first sentence that only introduces the business.
- A slot is named after what is pasted per request.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.generate import read_constraints

_CHILD_PACK = "a child's personal information"
_CHILD_READERS = "The readers are children"
_MEDICAL_PACK = "Give general health information only"


def _prompt(task: str, audience: str | None = None) -> str:
    return generate(Brief(task=task, audience=audience)).prompt


@pytest.mark.parametrize(
    "task",
    [
        # a child in a case the adult users bring
        "We're Brightway Glazing, 24/7 emergency glaziers in Bristol. The website chat books callouts. If they say "
        "a child is trapped behind a broken door, tell them to ring 999 first, then book an urgent callout. Max 60 "
        "words.",
        "Chat for Aqua Pools, a pool-cleaning firm. It books visits and answers questions about prices. If someone "
        "says a child has swallowed pool chemicals, tell them to call 111 at once. Keep replies short.",
        # a brief for parents, in French and Spanish
        "Assistant de la crèche municipale, pour les parents : inscriptions et factures. Si la facture est fausse, "
        "donnez l'adresse de la mairie. Ne demandez jamais le nom des enfants. Trois phrases maximum.",
        "Asistente del comedor escolar para los padres: altas, bajas y recibos de los niños. Responde en tres frases "
        "como máximo y nunca prometas devoluciones.",
    ],
)
def test_no_child_pack_without_child_users(task: str) -> None:
    prompt = _prompt(task)
    assert _CHILD_PACK not in prompt
    assert _CHILD_READERS not in prompt


def test_children_who_chat_keep_their_pack() -> None:
    prompt = _prompt("Reading buddy for kids aged 6 to 9. If the child gets a word wrong, help them sound it out.")
    assert _CHILD_PACK in prompt


def test_parents_audience_field_drops_the_child_readers() -> None:
    prompt = _prompt(
        "Booking chat for the after-school club for children aged 5 to 11: sessions, fees, pick-up times.",
        audience="les parents",
    )
    assert _CHILD_READERS not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Booking chat for Sunny Days holiday camp, for parents. Tools: find_family(family_no), "
        "report_allergy(family_id, child_id, description). Allergies: never say a meal is safe; use report_allergy and "
        "say a care plan is needed. Max 3 sentences.",
        "Buchungs-Chat des Feriencamps Sonnenschein für Eltern. Werkzeuge: familie_finden(nr), "
        "allergie_melden(familie_id, beschreibung).\n- Allergien: immer allergie_melden aufrufen, nie sagen, dass ein "
        "Essen allergenfrei ist.\nHöchstens drei Sätze.",
    ],
)
def test_health_case_routed_to_the_briefs_tool_brings_no_medical_pack(task: str) -> None:
    assert _MEDICAL_PACK not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Brightline Care monitors fall alarms for older people living alone. Summarise each call transcript between "
        "our operator and the client in five lines.",
        "Repartimos comidas a domicilio para mayores que viven solos. Resume cada llamada de nuestros repartidores en "
        "tres líneas para la coordinadora.",
        "CareLink installs fall sensors for seniors in their homes. Summarise each engineer's visit notes in five "
        "lines for the scheduling team.",
    ],
)
def test_who_a_service_is_for_is_no_audience(task: str) -> None:
    audiences = [c.value for c in read_constraints(Brief(task=task)) if c.kind == "audience"]
    assert not any(a and ("older" in a or "mayores" in a or "seniors" in a) for a in audiences)
    prompt = _prompt(task)
    assert "Audience: older" not in prompt
    assert "Audience: seniors" not in prompt


def test_role_names_the_called_assistant_not_the_business_intro() -> None:
    prompt = _prompt(
        'Hillside Physio has a waiting list of about 8 weeks. We want a weekly check-in chat called "Stay Moving" '
        "for people on the list. Keep replies under 60 words."
    )
    assert "You are Stay Moving, a weekly check-in chat for people on the list." in prompt
    assert "Help the user with this request: Hillside Physio" not in prompt


def test_pumpkin_patch_is_no_code_diff() -> None:
    prompt = _prompt(
        "we run Oakridge Farm, a pumpkin patch and a maize maze. make a prompt for something that reads our emails and "
        "sorts them into booking, complaint or other + writes a reply for me to check before sending."
    )
    assert "{{diff}}" not in prompt
    assert "{{email}}" in prompt

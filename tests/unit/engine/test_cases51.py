"""Case lines and rules kept whole (round 51, from the blind review of round 50): numbers that belong to a site, a
store or a service are no catch-all; an emergency reply keeps its trigger; "quote X only" is no scope; a gate keeps
all its conditions; a case's tail ("Don't add anything after it", "No more tries") stays with its case; a ban keeps
its ", or to …" half; numbered conditions after a colon stay one rule; an acronym's number is not glued to a phone;
"X counts, not Y" is no ban of Y; a case before an arrow is read whole."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.constraints.model import Constraint
from app.engine.generate import generate


def _all(task: str) -> list[Constraint]:
    return extract_constraints(Brief(task=task))


def _texts(task: str, kind: str) -> list[str]:
    return [c.text for c in _all(task) if c.kind == kind]


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


# ---- numbers of a directory are no catch-all ----
@pytest.mark.parametrize(
    "task",
    [
        "Chat widget for a self storage company with three sites. Keep replies under 4 sentences.\n\n"
        "Site phones: Leeds 0113 496 0123, York 01904 960222, Hull 01482 960333.",
        "Booking assistant for our two bakeries. Be friendly.\n- Groups of 10 or more can't book in the chat; they "
        "phone the shop (Camden 020 7946 0101 / Soho 020 7946 0202).",
        "予約アシスタントです。\n- キャンセル待ちは受け付けない。"
        "店舗に電話してもらう(梅田店 06-6123-4567 / 難波店 06-6234-5678)。",
        "Assistente de uma associação de apoio.\n"
        "- Linhas a indicar quando fizer sentido: Linha Jovem 116 111 (gratuita), Linha Saúde 800 100 200 (24 horas), "
        "Linha Social 800 300 400.",
    ],
)
def test_numbers_under_their_own_names_are_no_catch_all(task: str) -> None:
    fallbacks = [c for c in _all(task) if c.kind == "fallback" and c.action == "phone"]
    assert not [c.text for c in fallbacks if c.condition is None or "quando" in (c.condition or "")]


def test_a_directory_the_brief_makes_the_fallback_stays_one() -> None:
    found = [c for c in _all("Help bot. If you can't help, call Leeds 0113 496 0000 or York 01904 960111.") if
             c.kind == "fallback"]  # fmt: skip
    assert found
    assert all(c.condition for c in found)


def test_each_number_stays_in_the_prompt() -> None:
    prompt = _prompt(
        "Chat widget for a self storage company with three sites. Keep replies under 4 sentences.\n\n"
        "Site phones: Leeds 0113 496 0123, York 01904 960222, Hull 01482 960333."
    )
    assert "0113 496 0123" in prompt
    assert "01482 960333" in prompt
    assert "When you cannot help, tell the user to call 0113" not in prompt


# ---- an arrow's reply keeps its trigger ----
@pytest.mark.parametrize(
    ("task", "case"),
    [
        (
            "Chat for a sleep clinic.\n- Chest pain, fainting, or someone who can't be woken -> reply only "
            '"Call 999 now." and nothing else.',
            "chest pain",
        ),
        ('Pet chat.\n- A dog that is bleeding or a cat who cannot stand -> "Go to the emergency vet now."', "a dog"),
        (
            'Chat de una clínica.\n- Dolor en el pecho o desmayo → responde solo: "Llama al 112 ahora." y nada más.',
            "Dolor en el pecho",
        ),
        (
            'Assistente.\n1. Se a pessoa disser que está em perigo agora → responder só: "Ligue 112." e mais nada.',
            "em perigo agora",
        ),
    ],
)
def test_an_emergency_reply_keeps_its_trigger(task: str, case: str) -> None:
    said = [c for c in _all(task) if c.kind == "fallback" and c.action == "say"]
    assert said
    assert all(c.condition and case.lower() in c.condition.lower() for c in said)
    assert "→" not in (said[0].condition or "")


@pytest.mark.parametrize(
    ("task", "case"),
    [
        (
            "Assistente de apoio.\n6. Questões jurídicas concretas (guarda dos filhos, divórcio, prazos da queixa no "
            'caso dela) → "A nossa jurista pode ajudar nisso. Marque pelo 253 960 999."',
            "Questões jurídicas concretas (guarda dos filhos, divórcio, prazos da queixa no caso dela)",
        ),
        (
            "Asistente.\n- Preguntas legales (divorcio, custodia, plazos en caso de denuncia) → "
            '"Nuestra abogada puede ayudar. Llame al 912 345 678."',
            "Preguntas legales (divorcio, custodia, plazos en caso de denuncia)",
        ),
        (
            "Assistente de apoio.\n8. Se falar em pôr fim à vida → SOS Linha Amiga 213 000 545 e, em perigo, 112.",
            "Se falar em pôr fim à vida",
        ),
    ],
)
def test_the_case_before_an_arrow_is_read_whole(task: str, case: str) -> None:
    conditions = {c.condition for c in _all(task) if c.kind == "fallback"}
    assert case in conditions


# ---- "quote X only" is no scope ----
@pytest.mark.parametrize(
    "task",
    [
        "Chat for a clinic.\n- Driving: the rules are in section 9. Quote section 9 only, never tell someone whether "
        "they personally can drive.",
        "Leaflet helper. Cite page 4 only, and never guess.",
        "Recipe bot for kids. Name dishes only, no recipes with knives.",
    ],
)
def test_what_to_quote_or_cite_is_no_scope(task: str) -> None:
    assert not [t for t in _texts(task, "requirement") if t.startswith("Only help with")]


# ---- a gate keeps every condition ----
@pytest.mark.parametrize(
    ("task", "kept"),
    [
        (
            "Pawn shop chat.\n- renewLoan only after you've read back the interest to pay and the new due date and "
            "they've said yes.",
            "read back the interest to pay",
        ),
        (
            "Booking bot. Only call book_room after you have checked the dates, read back the price and the room type "
            "and the guest has confirmed it.",
            "checked the dates",
        ),
        (
            "Shop bot. Never refund until you've checked the receipt, looked up the order in the system and the "
            "manager has approved the amount.",
            "checked the receipt",
        ),
    ],
)
def test_a_gate_keeps_all_its_conditions(task: str, kept: str) -> None:
    orders = _texts(task, "ordering")
    assert orders
    assert all(kept in t for t in orders)


# ---- a case's tail stays with its case ----
@pytest.mark.parametrize(
    ("task", "tail"),
    [
        (
            'Parent chat.\n- if the parent mentions harming themselves, reply ONLY with: "Please call 999 now. You can '
            "also text 85258.\" Don't add anything and don't ask a question after it.\n- Keep it short.",
            "Don't add anything and don't ask a question after it.",
        ),
        (
            'Bank chat for customers.\n- if they want to end their life: reply only: "Call 116 123." Nothing else.',
            "Nothing else.",
        ),
    ],
)
def test_a_reply_keeps_its_tail(task: str, tail: str) -> None:
    found = _all(task)
    said = [c for c in found if c.kind == "fallback" and c.action == "say"]
    assert said
    assert tail in said[0].text
    assert not [c.text for c in found if c.kind == "prohibition"]
    prompt = _prompt(task)
    assert f"\n{tail}" not in prompt
    assert f"\n1. {tail}" not in prompt
    assert f'." {tail}' in prompt


@pytest.mark.parametrize(
    ("task", "whole"),
    [
        (
            "Bank chat.\n- verifyCustomer first. After 3 failed attempts stop and tell them to come into the branch "
            "with photo ID. No more tries.",
            "After 3 failed attempts",
        ),
        (
            "Quiz bot.\n- Never give the answer straight away. If they still can't get it, log a hint. No more hints.",
            "If they still can't get it",
        ),
        (
            "Asistente de un banco.\n- Tras 3 intentos fallidos, envíalos a la oficina. No más intentos.",
            "Tras 3 intentos fallidos",
        ),
    ],
)
def test_no_more_goes_on_with_its_case(task: str, whole: str) -> None:
    rules = [c.text for c in _all(task) if c.kind in ("prohibition", "requirement")]
    assert not [t for t in rules if t.lower().startswith(("avoid more", "no more", "no más"))]
    assert any(t.startswith(whole) and t.endswith(("tries.", "hints.", "intentos.")) for t in rules)


# ---- a ban keeps its ", or to …" half ----
@pytest.mark.parametrize(
    ("task", "tail"),
    [
        (
            "Farm visit helper for kids.\n- never tell them to go near the slurry pit, bulls or machines, or to touch "
            "or pick up an animal, even a sleepy one.",
            "or to touch or pick up an animal, even a sleepy one",
        ),
        (
            "Garden helper. Never tell them to use weedkiller, slug pellets or traps, or to feed the hedgehogs milk, "
            "even a little.",
            "or to feed the hedgehogs milk, even a little",
        ),
        ("Pool bot. Don't tell kids to swim alone, dive or run, or climb the fence.", "or climb the fence"),
    ],
)
def test_a_ban_keeps_its_or_half(task: str, tail: str) -> None:
    assert any(tail in t for t in _texts(task, "prohibition"))


# ---- numbered conditions after a colon stay one rule ----
@pytest.mark.parametrize(
    "task",
    [
        "Jeu de rôle pour former des gestionnaires.\n- le personnage est agacé ; il menace de ne plus payer. Il se "
        "calme seulement si le stagiaire : 1) reconnaît le retard sans se justifier, 2) propose une action concrète "
        "(passage du couvreur, déclaration à l'assurance), 3) donne un délai précis.\n- le personnage ne cite aucun "
        "article de loi.",
        "Roleplay for sales trainees.\n- The customer stays angry. He only calms down if the trainee: 1) apologises "
        "without excuses, 2) offers a concrete fix, 3) gives a clear date.",
        "Rollenspiel.\n- Der Kunde beruhigt sich nur, wenn der Azubi: 1) sich entschuldigt, 2) eine Lösung anbietet, "
        "3) einen Termin nennt.",
    ],
)
def test_numbered_conditions_stay_one_rule(task: str) -> None:
    assert not [t for t in _texts(task, "requirement") if "2)" not in t and "3)" not in t]
    lines = _prompt(task).splitlines()
    line = next(line for line in lines if "1)" in line)
    assert "2)" in line
    assert "3)" in line


# ---- numbers and contrasts ----
@pytest.mark.parametrize(
    ("task", "number"),
    [
        ("Assistente. Se tiver sintomas, ligue para o SNS 24 808 24 24 24.", "808 24 24 24"),
        ("Help bot. For health questions, call NHS 24 0800 123 4567.", "0800 123 4567"),
        ("Assistant. En cas de doute, appelez le SAMU 15 01 23 45 67 89.", "01 23 45 67 89"),
    ],
)
def test_an_acronyms_number_is_not_glued_to_the_phone(task: str, number: str) -> None:
    values = [c.value for c in _all(task) if c.kind == "fallback" and c.action == "phone"]
    assert values == [number]


@pytest.mark.parametrize(
    "task",
    [
        "Marking helper.\n- one mark per point found in the answer. Meaning counts, not wording. Never more than the "
        "total.",
        "Essay grader. Effort matters, not length.",
        "Quiz checker. The idea is what counts, not the spelling.",
    ],
)
def test_what_counts_is_no_ban_of_the_other(task: str) -> None:
    bans = _texts(task, "prohibition")
    assert not [t for t in bans if t.startswith(("Do not be", "Avoid"))]

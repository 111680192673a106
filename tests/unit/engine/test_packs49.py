"""Round 49, class 4: packs and audiences from a word over the brief's own lines.

- A brief's own fixed line for emergency signs ("head injury, chest pain or fainting -> "Tell an adult right now …"")
  replaces the pack's "tell them first to call …", and a health case it routes to its own people brings no pack.
- A brief that bans medical or diet advice, under a negating head too ("Non deve mai: - dare consigli medici"), or
  answers only from its leaflet, gets no "Give general health information" rule; a transport chat's hospital
  appointments bring no health pack.
- A group named in a product warning or an eligibility rule is no audience and brings no children's pack.
- "Write for X" never comes from "apologise for staff", a relative clause cut at its verb or a dash.
- A tone with "but not" is a tone, never a prohibition of itself.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.generate import read_constraints

_EMERGENCY_PACK = "tell them first to call"
_HEALTH_INFO = "Give general health information only"
_CHILD_PACK = "The readers are children"


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _audiences(task: str) -> list[str]:
    return [c.value or "" for c in read_constraints(Brief(task=task)) if c.kind == "audience"]


@pytest.mark.parametrize(
    "task",
    [
        "Training buddy chat for our junior football club (ages 9-13): drills, kit lists, match-day rules.\n"
        "- injuries: never say play through pain. if something hurts -> stop and tell your coach.\n"
        '- head injury, chest pain or fainting -> "Tell an adult right now. If it\'s serious they should call 999."',
        "Pharmacy chat answering questions about over-the-counter medicines and side effects.\n"
        '- chest pain or fainting -> "Please tell a member of staff now and call 999."',
        "Clinique dentaire, chat de prise de rendez-vous et questions sur les soins.\n"
        "- douleur thoracique ou malaise -> « Appelez le 15 immédiatement. »",
        "Farmacia online: chat para dudas sobre medicamentos sin receta.\n"
        '- dolor en el pecho o desmayo -> "Llame al 112 ahora mismo."',
    ],
)
def test_a_fixed_emergency_line_replaces_the_pack(task: str) -> None:
    assert _EMERGENCY_PACK not in _prompt(task)


def test_a_health_case_routed_to_own_people_brings_no_pack() -> None:
    task = (
        "Training buddy chat for our junior football club (ages 9-13): drills, kit lists, match-day rules.\n"
        "- injuries: never say play through pain. if something hurts -> stop and tell your coach.\n"
        '- head injury, chest pain or fainting -> "Tell an adult right now. If it\'s serious they should call 999."'
    )
    prompt = _prompt(task)
    assert _HEALTH_INFO not in prompt
    assert "Never tell someone to start, stop or change a prescribed medication" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Chat per un negozio di montascale a Bologna: tipi, sopralluogo gratuito, prezzi.\n\nNon deve mai:\n"
        "- mettere fretta\n- dare consigli medici o di fisioterapia, ne parlano con il medico\n"
        "- chiedere dati sanitari",
        "Gym front-desk chat: class times, memberships, injuries and what to bring. No diet advice, no supplement "
        "talk; questions about pain or injuries go to the physio on 01632 960 111.",
        "Sports club chat for members about training, injuries and recovery. Never:\n- give medical advice\n"
        "- recommend painkillers",
        "Chat for parents on our hospital allergy unit page, answering questions about the food challenge. Answer "
        'only from the leaflet; if it is not in there say: "That is not covered, please call the nurses." Never '
        "tell them to stop a medicine.",
        "Asistente para pacientes de la clínica: responde solo con la información del folleto sobre la colonoscopia.",
    ],
)
def test_a_banned_or_sourced_advice_line_gets_no_general_health_rule(task: str) -> None:
    assert _HEALTH_INFO not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Community transport booking chat: we run accessible minibuses for members. We cover shopping trips, GP "
        "and hospital appointments. Say every time it's a hospital trip that we can't promise arrival times.",
        "Fahrdienst-Chat für unsere Mitglieder: Fahrten zu Arztterminen und ins Krankenhaus buchen, Abholzeit "
        "bestätigen, stornieren.",
        "Taxi booking assistant for a village taxi firm. Most rides are to the station or hospital appointments; "
        "confirm pickup time and address.",
    ],
)
def test_a_transport_chat_gets_no_health_pack(task: str) -> None:
    prompt = _prompt(task)
    assert _HEALTH_INFO not in prompt
    assert _EMERGENCY_PACK not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Online cheese shop chat: answer customers about our cheeses and delivery. For raw-milk cheeses always say: "
        '"Déconseillé aux femmes enceintes et aux enfants de moins de 5 ans."',
        "Kundenchat für unseren Drogeriemarkt: Produkte, Lieferung, Rückgabe. Bei Nahrungsergänzung immer sagen: "
        "nicht für Kinder unter 12 Jahren geeignet.",
        "Chat for our cleaning products shop: answer questions on products and orders. Always remind: keep out of "
        "reach of children.",
        "Customer chat for our toy shop: stock, delivery, returns. For toys with small parts always add: not "
        "suitable for children under 3.",
    ],
)
def test_a_group_in_a_warning_brings_no_childrens_pack(task: str) -> None:
    prompt = _prompt(task)
    assert _CHILD_PACK not in prompt
    assert "a child's personal information" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "音楽教室の体験レッスン予約ボット。対象は4歳以上。3歳以下はお断りしてください。",
        "料理教室の予約ボットです。6歳以上の方が対象です。返信は敬語で。",
        "儿童游泳课预约助手。仅限5岁以上。回复要简短。",
    ],
)
def test_an_eligibility_rule_is_no_audience(task: str) -> None:
    assert _audiences(task) == []
    assert "Audience:" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "unwanted"),
    [
        (
            "Chat for a hospice's bereavement page. If they're angry about their care, give the feedback e-mail, "
            "and don't defend or apologise for staff.",
            "staff",
        ),
        (
            "Hotel guest chat: bookings and breakfast times. If a guest complains, never blame or apologise for "
            "our staff.",
            "staff",
        ),
        ("We run accessible minibuses for people who cant use normal buses. Help members book trips.", "people"),
        ("An evening chat for parents who are exhausted - long shifts, no sleep, money worries.", "-"),
        ("A befriending line for older people who cant get out much. Be warm.", "cant"),
    ],
)
def test_no_audience_from_a_verb_object_or_a_cut_clause(task: str, unwanted: str) -> None:
    for audience in _audiences(task):
        assert unwanted not in audience.split()
        assert not audience.endswith(("cant", "can't", "-"))
    prompt = _prompt(task)
    assert "Write for staff" not in prompt
    assert "who cant." not in prompt
    assert "who can't." not in prompt


@pytest.mark.parametrize(
    ("task", "tone", "bad"),
    [
        ("Payment plan chat. Under 100 words a reply, no bullet lists, warm but not gushing.", "warm", "Avoid warm"),
        ("Bike shop support chat. No emojis, friendly but not chummy.", "friendly", "Avoid friendly"),
        ("Asistente de reservas para un hotel. Sin emojis, cálido pero sin exagerar.", "warm", "Avoid"),
    ],
)
def test_a_bounded_tone_is_a_tone(task: str, tone: str, bad: str) -> None:
    constraints = read_constraints(Brief(task=task))
    assert any(c.kind == "tone" and tone in c.values for c in constraints)
    assert not any(c.kind == "prohibition" and c.text.startswith(bad) and tone in c.text for c in constraints)


# ---- near misses: what must keep the old behaviour


def test_a_childrens_chat_keeps_its_pack_and_audience() -> None:
    task = "A reading buddy chat for kids aged 6-9. Never show content not suitable for children."
    assert _CHILD_PACK in _prompt(task)
    assert _audiences(task)


def test_a_health_chat_without_its_own_emergency_line_keeps_the_pack() -> None:
    task = "Pharmacy chat answering customers' questions about over-the-counter medicines and side effects."
    prompt = _prompt(task)
    assert _EMERGENCY_PACK in prompt
    assert _HEALTH_INFO in prompt


@pytest.mark.parametrize(
    ("task", "audience"),
    [
        ("An internal helpdesk assistant for staff at our hospital.", "staff"),
        ("A tutor for beginners who want to learn Python.", "beginners who want to learn Python"),
        (
            "An evening check-in chat for people who are struggling - long hours, isolation.",
            "people who are struggling",
        ),
    ],
)
def test_a_real_audience_stays(task: str, audience: str) -> None:
    assert audience in _audiences(task)

"""Round 52's class 3 and 4 (values and asides read as rules or replies; pasted tool docs given to the wrong tool):
a comment indented under a Python stub is that def's description, a number shown as a format is no contact, an
unquoted code reply ends where its scope words begin, a glossary target's bracket is no ban, and an audience cut at
"our" keeps its place when the cut would leave it dangling."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.generate import generate


def _constraints(task: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.value, c.text) for c in extract_constraints(Brief(task=task))]


def _tools(task: str) -> dict[str, str | None]:
    return {c.name or "": c.value for c in extract_constraints(Brief(task=task)) if c.kind == "tool"}


STUBS_WITH_BODY_COMMENTS = [
    (
        "Account help chat for a bingo site.\n\nPython stubs from the backend team:\n\n"
        "def verify_player(username: str, date_of_birth: str) -> dict: ...\n"
        "    # returns player_id or error; max 2 attempts per chat\n"
        "def get_account(player_id: str) -> dict: ...\n"
        "    # balance_gbp, deposit_limit, limit_period\n"
        "def escalate_to_team(player_id: str, note: str) -> dict: ...\n\n"
        "- verify_player first, always. Max 3 sentences per reply.",
        {"verify_player": "max 2 attempts", "get_account": "balance_gbp", "escalate_to_team": None},
    ),
    (
        "Asistente de reservas para una mudanza.\n\n"
        "def buscar_cliente(telefono: str) -> dict: ...\n    # devuelve cliente_id o None\n"
        "def reservar(cliente_id: str, fecha: str) -> dict: ...\n    # solo después de confirmar la fecha\n"
        "def pasar_a_comercial(cliente_id: str) -> None: ...\n\nSiempre buscar_cliente primero.",
        {"buscar_cliente": "devuelve cliente_id", "reservar": "confirmar la fecha", "pasar_a_comercial": None},
    ),
    (
        "Werkstatt-Chat.\n\ndef kunde_suchen(kennzeichen: str) -> dict: pass\n    # liefert kunden_id\n"
        "def termin_buchen(kunden_id: str, tag: str) -> dict: pass\n    # nur nach Bestätigung\n"
        "def an_meister(kunden_id: str) -> None: pass\n\nImmer zuerst kunde_suchen.",
        {"kunde_suchen": "liefert kunden_id", "termin_buchen": "nur nach Bestätigung", "an_meister": None},
    ),
]


@pytest.mark.parametrize(("task", "described"), STUBS_WITH_BODY_COMMENTS)
def test_a_comment_under_a_stub_describes_that_def_not_the_next(task: str, described: dict[str, str | None]) -> None:
    tools = _tools(task)
    for name, said in described.items():
        if said is None:
            assert not any(other in (tools[name] or "") for other in described.values() if other), name
        else:
            assert said in (tools[name] or ""), (name, tools[name])


def test_comments_above_each_def_still_describe_the_def_below() -> None:
    task = (
        "Booking chat for a garage.\n\n# Finds the booking by phone\ndef find_booking(phone: str) -> dict: ...\n"
        "# Cancels the booking\ndef cancel_booking(booking_id: str) -> dict: ...\n\nAlways call find_booking first."
    )
    assert _tools(task) == {"find_booking": "Finds the booking by phone", "cancel_booking": "Cancels the booking"}


@pytest.mark.parametrize(
    ("task", "number"),
    [
        ("Extrais les inscriptions en JSON : nom, email, téléphone au format +33 6 12 34 56 78, catégorie.", "56 78"),
        ("Extract each sign-up to JSON: name, email, phone (format like 07700 900123), club.", "900123"),
        ("Extrae los datos en JSON: nombre, teléfono en formato +34 612 345 678, email.", "345 678"),
        ("Extrahiere JSON: Name, Telefon im Format +49 170 1234567, E-Mail.", "1234567"),
    ],
)
def test_a_number_shown_as_a_format_is_no_contact(task: str, number: str) -> None:
    assert not [c for c in _constraints(task) if c[0] == "fallback"]
    assert f"call {number}" not in generate(Brief(task=task)).prompt


def test_a_number_to_call_is_still_a_contact() -> None:
    assert ("fallback", "0800 123 456", "If they need help, call 0800 123 456.") in _constraints(
        "Chat for our boiler service. If they need help, call 0800 123 456."
    )


@pytest.mark.parametrize(
    ("task", "code"),
    [
        ("Review the Go diff. If the diff is not Go code, reply exactly NO GO DIFF and nothing else.", "NO GO DIFF"),
        ("Resume el texto. Si el texto está vacío, responde exactamente NO HAY TEXTO y nada más.", "NO HAY TEXTO"),
        ("Summarise the notes. If nothing changed, reply exactly NO CHANGES.", "NO CHANGES"),
    ],
)
def test_an_unquoted_code_reply_ends_where_its_scope_words_begin(task: str, code: str) -> None:
    replies = [value for kind, value, _ in _constraints(task) if kind == "fallback"]
    assert replies == [code]


@pytest.mark.parametrize(
    "task",
    [
        "Übersetze unsere Saunatexte ins Englische. Glossar: Aufguss -> sauna infusion; textilfrei -> textile-free "
        "(no swimwear); Ruheraum -> relaxation room.",
        "Translate our menu into English. Glossary: jamón -> cured ham (no pork substitutes); sobremesa -> after-meal "
        "chat.",
        "Traduis en anglais. Lexique : sans gluten = gluten-free (no wheat); bio = organic.",
    ],
)
def test_a_glossary_targets_bracket_is_no_ban(task: str) -> None:
    assert not [c for c in _constraints(task) if c[0] == "prohibition"]


def test_a_bracket_of_bans_after_a_job_is_still_a_ban() -> None:
    assert any(kind == "prohibition" and "slang" in text for kind, _, text in _constraints("Write replies (no slang)."))


def test_an_audience_cut_at_our_keeps_its_place_when_the_cut_would_dangle() -> None:
    prompt = generate(
        Brief(task="A chat assistant that books sweeps for customers who are already on our system. Max 3 sentences.")
    ).prompt
    assert "customers who are already on our system" in prompt
    assert "customers who are already." not in prompt


def test_an_audience_at_our_own_place_still_drops_the_place() -> None:
    prompt = generate(Brief(task="A chatbot for parents of children with asthma at our clinic.")).prompt
    assert "Audience: parents of children with asthma." in prompt


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "Front desk assistant for a hotel. To check availability use check_availability(check_in, check_out, "
            "guests) and never confirm a booking without calling that function first.",
            "Never confirm a booking without calling that function first.",
        ),
        (
            "Booking assistant for a dental clinic. Use get_slots(date) and do not book a slot without calling that "
            "tool first.",
            "Do not book a slot without calling that tool first.",
        ),
    ],
)
def test_a_gated_ban_is_no_always_never_order(task: str, rule: str) -> None:
    texts = [text for kind, _, text in _constraints(task) if kind in ("ordering", "prohibition")]
    assert rule in texts
    assert not any(text.startswith(("Always never", "Always don", "Always do not")) for text in texts)


# r4-02 (session 53): "never X without first calling Y" in another language is an ordering, which a tool-using
# support chat needs for its tool_agent blend.
@pytest.mark.parametrize(
    "task",
    [
        "Asistente de reservas para un hotel. Usa consultar_disponibilidad(fecha) y nunca confirmes una reserva sin "
        "haber llamado antes a esa función.",
        "Assistente de reservas de um hotel. Usa disponibilidade(data) e nunca confirmes uma reserva sem antes chamar "
        "disponibilidade.",
        "Assistant de réservation pour un hôtel. Utilise disponibilite(date) et ne confirme jamais une réservation "
        "sans avoir d'abord appelé disponibilite.",
    ],
)
def test_a_foreign_ban_held_until_a_first_step_is_an_ordering(task: str) -> None:
    assert any(kind == "ordering" for kind, _, _ in _constraints(task))


def test_a_foreign_ban_without_a_first_step_stays_a_ban() -> None:
    constraints = _constraints("Asistente de un hotel. Nunca des precios sin consultar la tarifa.")
    assert not any(kind == "ordering" for kind, _, _ in constraints)

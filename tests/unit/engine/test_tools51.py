"""Round 50, classes 6 and 7: tools pasted in the brief keep every row and their parameters (a markdown table with
alternative arguments, an OpenAPI flow line's `params: [...]`, a translated YAML list), and a reply language with a
condition ("if they write in English, reply in English") is a rule with its default and every case's language."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints.model import Constraint
from app.engine.generate import read_constraints


def _kind(task: str, kind: str) -> list[Constraint]:
    return [c for c in read_constraints(Brief(task=task)) if c.kind == kind]


def _tools(task: str) -> dict[str, list[str]]:
    return {c.name or "": list(c.parameters) for c in _kind(task, "tool")}


_TABLE_EN = """Chat widget for our self storage sites.

Tools our developer exposed:

| tool | args | what it does |
|---|---|---|
| find_client | email or phone | returns client_id, name, balance_due |
| list_boxes | site, size_sqft, heated (bool) | free boxes with box_id and weekly price |
| hold_box | client_id, box_id, start_date | holds a box for 7 days |
| open_case | client_id or email, summary | anything the chat can't do |

Rules: find_client before anything that touches an account. Max 4 sentences."""

_TABLE_TOOL = """Support bot for a gym.

| Tool | Parameters | Purpose |
|------|------------|---------|
| get_member | member_id or email | looks up the member |
| freeze_membership | member_id, months | pauses billing |
| book_class | member_id, class_id | books a class |

Call get_member first."""

_TABLE_ES = """Asistente de una tienda de bicicletas en Sevilla.

| Herramienta | Parámetros | Qué hace |
|---|---|---|
| buscar_pedido | numero_pedido o email | devuelve estado y fecha |
| cambiar_talla | pedido_id, talla_nueva | cambia la talla si no ha salido |
| abrir_incidencia | pedido_id, motivo | para todo lo demás |

buscar_pedido siempre primero. Máximo 3 frases."""

_TABLE_DE = """Chat für eine Autowerkstatt in Kassel.

| Werkzeug | Parameter | Zweck |
|---|---|---|
| kunde_finden | kennzeichen oder telefon | liefert kunden_id |
| termin_buchen | kunden_id, datum, uhrzeit | bucht einen Termin |

kunde_finden vor termin_buchen. Maximal 3 Sätze."""

_OPENAPI_ES = """Asistente para un coworking.

```yaml
paths:
  /miembros/buscar:
    get: {operationId: buscar_miembro, params: [email]}   # devuelve miembro_id, plan
  /salas:
    get: {operationId: ver_salas, params: [sede, fecha, hora]}
  /reservas:
    post: {operationId: reservar_sala, params: [miembro_id, sala_id, fecha]}
```

ver_salas antes de reservar_sala. Máximo 3 frases."""

_OPENAPI_EN = """Assistant for a bike repair shop.

```yaml
paths:
  /customers/find:
    get: {operationId: find_rider, params: [phone]}   # returns rider_id
  /slots:
    get: {operationId: free_slots, params: [shop, day]}
  /bookings:
    post: {operationId: book_repair, params: [rider_id, slot_id, fault]}
```

find_rider before book_repair."""

_YAML_DE = """Assistent für eine Bibliothek.

Werkzeuge:
- name: leser_suchen
  parameter: [ausweis_nr]
  rückgabe: leser_id
- name: buch_verlaengern
  parameter: [leser_id, buch_id]

leser_suchen zuerst."""

_YAML_FR = """Assistant pour une médiathèque.

Outils :
- name: trouver_adherent
  paramètres: [carte_no]
  retourne: adherent_id
- name: prolonger_pret
  paramètres: [adherent_id, document_id]

trouver_adherent avant prolonger_pret."""


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (_TABLE_EN, {"find_client": ["email", "phone"], "list_boxes": ["site", "size_sqft", "heated"],
                     "hold_box": ["client_id", "box_id", "start_date"],
                     "open_case": ["client_id", "email", "summary"]}),
        (_TABLE_TOOL, {"get_member": ["member_id", "email"], "freeze_membership": ["member_id", "months"],
                       "book_class": ["member_id", "class_id"]}),
        (_TABLE_ES, {"buscar_pedido": ["numero_pedido", "email"], "cambiar_talla": ["pedido_id", "talla_nueva"],
                     "abrir_incidencia": ["pedido_id", "motivo"]}),
        (_TABLE_DE, {"kunde_finden": ["kennzeichen", "telefon"], "termin_buchen": ["kunden_id", "datum", "uhrzeit"]}),
        (_OPENAPI_ES, {"buscar_miembro": ["email"], "ver_salas": ["sede", "fecha", "hora"],
                       "reservar_sala": ["miembro_id", "sala_id", "fecha"]}),
        (_OPENAPI_EN, {"find_rider": ["phone"], "free_slots": ["shop", "day"],
                       "book_repair": ["rider_id", "slot_id", "fault"]}),
        (_YAML_DE, {"leser_suchen": ["ausweis_nr"], "buch_verlaengern": ["leser_id", "buch_id"]}),
        (_YAML_FR, {"trouver_adherent": ["carte_no"], "prolonger_pret": ["adherent_id", "document_id"]}),
    ],
)  # fmt: skip
def test_every_pasted_tool_keeps_its_parameters(task: str, expected: dict[str, list[str]]) -> None:
    assert _tools(task) == expected
    prompt = generate(Brief(task=task, target="claude")).prompt
    tools = prompt[prompt.index("<tools>") : prompt.index("</tools>")]
    for name, parameters in expected.items():
        assert f"`{name}({', '.join(parameters)})`" in tools


@pytest.mark.parametrize(
    ("task", "said"),
    [
        (_TABLE_EN, "give email or phone"),
        (_TABLE_TOOL, "give member_id or email"),
        (_TABLE_ES, "give numero_pedido or email"),
        (_TABLE_DE, "give kennzeichen or telefon"),
        (_OPENAPI_ES, "returns miembro_id, plan"),
        (_YAML_DE, "returns leser_id"),
        (_YAML_FR, "returns adherent_id"),
    ],
)
def test_a_tool_keeps_what_it_takes_and_gives(task: str, said: str) -> None:
    assert any(said in c.text for c in _kind(task, "tool"))


@pytest.mark.parametrize(
    ("task", "first"),
    [
        (_TABLE_EN, "call find_client"),
        (_TABLE_ES, "call buscar_pedido"),
        (_TABLE_DE, "call kunde_finden"),
        (_YAML_FR, "call trouver_adherent"),
        (_YAML_DE, "call leser_suchen"),
    ],
)
def test_a_pasted_tool_first_is_an_ordering(task: str, first: str) -> None:
    assert any(c.first == first for c in _kind(task, "ordering"))


@pytest.mark.parametrize(
    ("task", "default", "cases"),
    [
        ("LINEで予約を受け付けるアシスタント。です・ます調で。英語で話しかけられたら英語で返す。", "Japanese",
         ["English"]),
        ("LINEの予約アシスタントです。英語で問い合わせが来たら英語で返信してください。", "Japanese", ["English"]),
        ("ホテルのチャット窓口。丁寧に。韓国語で書かれた場合は韓国語で対応してください。", "Japanese", ["Korean"]),
        ("一家茶馆的客服助手。如果用英文提问就用英文回答。回复简洁。", "Chinese", ["English"]),
        ("网店客服助手，语气友好。客人用日语留言的话，请用日语回复。", "Chinese", ["Japanese"]),
        ("Assistant de réservation pour un hôtel à Lyon. Réponds en français; s'il écrit en anglais, réponds en "
         "anglais.",
         "French", ["English"]),
        ("Assistant pour une boulangerie. Réponds en français ; s'ils écrivent en allemand, réponds en allemand.",
         "French", ["German"]),
        ("Idioma: responde en castellano; si te escriben en valenciano o catalán, responde en valenciano; si escriben "
         "en inglés, en inglés.", "Spanish", ["Valencian", "English"]),
        ("Reply in English; if they write in French, reply in French; if they write in German, reply in German.",
         "English", ["French", "German"]),
        ("Antworte auf Deutsch; wenn jemand auf Englisch schreibt, antworte auf Englisch; wenn jemand auf Polnisch "
         "schreibt, antworte auf Polnisch.", "German", ["English", "Polish"]),
    ],
)  # fmt: skip
def test_a_conditional_reply_language_keeps_every_case(task: str, default: str, cases: list[str]) -> None:
    languages = _kind(task, "language")
    assert [(c.value, sorted(c.values)) for c in languages] == [(default, sorted(cases))]
    prompt = generate(Brief(task=task)).prompt
    assert f"Always reply in {default}" not in prompt
    assert all(f"reply in {case}" in prompt or case in prompt for case in cases)

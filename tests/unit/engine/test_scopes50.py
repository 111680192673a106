"""A rule's scope or qualifier kept: limits on the text outside a table or code block, a form of address fixed for
drafts or for a group of readers, an audience with its describing tail, pasted material used instead of an empty
slot (invented briefs, several languages)."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints import extract_constraints


def _constraints(task: str, kind: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize(
    ("task", "part", "number"),
    [
        ("Running coach. Give each week's plan as a table (Day, Session, Minutes). At most 80 words outside the table.",
         "table", "80"),
        ("Python helper. Show the fix in a code block, then explain it in at most 100 words, excluding the code block.",
         "code block", "100"),
        ("Assistant pour un club de randonnée. Présente le programme en tableau (Jour, Parcours). 80 mots maximum hors "
         "tableau.", "table", "80"),
        ("Assistent für einen Fahrradverleih. Zeige die Preise als Tabelle. Höchstens 60 Wörter außerhalb der Tabelle.",
         "table", "60"),
        ("Asistente para una academia. Muestra el horario como tabla. Máximo 70 palabras fuera de la tabla.",
         "table", "70"),
        ("Assistente per una palestra. Mostra il piano in una tabella. Al massimo 80 parole fuori dalla tabella.",
         "table", "80"),
        ("Assistent voor een fietsenwinkel. Toon de prijzen als tabel. Maximaal 60 woorden buiten de tabel.",
         "table", "60"),
        ("旅游助手。用表格列出行程。表格以外的文字不超过80字。", "table", "80"),
        ("Answer in at most 120 words per reply, excluding any code block.", "code block", "120"),
    ],
)  # fmt: skip
def test_a_limit_outside_a_part_keeps_its_scope(task: str, part: str, number: str) -> None:
    limits = _constraints(task, "limit")
    assert any(f"the text outside the {part}" in text and number in text for text in limits), limits
    assert not any(text.startswith("Keep the reply to") and number in text for text in limits)


def test_a_count_beside_the_table_is_no_outside_limit() -> None:
    limits = _constraints("Give at most 2 tips besides the table. Show prices as a table.", "limit")
    assert not any("outside" in text for text in limits)


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        ("Rispondi in italiano e nelle bozze dai del Lei ai genitori.", "in the drafts to the parents"),
        ("Assistent für ein Hotel-Team. Schreibe Antwortentwürfe. In den Entwürfen siezt du die Gäste.",
         "in the drafts to the guests"),
        ("Aide pour une agence : prépare des brouillons. Dans les brouillons, vouvoie les clients.",
         "in the drafts to the customers"),
        ("Asistente para una clínica: redacta borradores; en los borradores trata de usted a los clientes.",
         "in the drafts to the customers"),
        ('Draft replies to customer emails. Use the formal "Sie" in the drafts to customers.',
         "in the drafts to the customers"),
    ],
)  # fmt: skip
def test_a_form_of_address_keeps_its_scope(task: str, scope: str) -> None:
    tones = _constraints(task, "tone")
    assert any("form of address" in text and scope in text for text in tones), tones
    assert not any("throughout" in text for text in tones)


def test_an_unscoped_form_of_address_holds_throughout() -> None:
    tones = _constraints("Assistant de support pour une banque. Vouvoie toujours l'utilisateur.", "tone")
    assert any("throughout" in text for text in tones)


@pytest.mark.parametrize(
    ("task", "audience"),
    [
        ("A meal-planning helper for parents of children with type 1 diabetes. Suggest carb counts per meal.",
         "parents of children with type 1 diabetes"),
        ("A coaching assistant for new managers in small charities. Ask one question at a time.",
         "new managers in small charities"),
        ("A chat assistant for our council tax team, for residents who have fallen behind on payments.",
         "residents who have fallen behind on payments"),
        ("Write for nurses working night shifts in care homes.", "nurses working night shifts in care homes"),
        ("Un assistant pour les parents d'enfants atteints de diabète de type 1. Propose des idées de repas.",
         "parents d'enfants atteints de diabète"),
    ],
)  # fmt: skip
def test_an_audience_keeps_its_qualifier(task: str, audience: str) -> None:
    found = [c.value or "" for c in extract_constraints(Brief(task=task)) if c.kind == "audience"]
    assert any(audience in value for value in found), found


@pytest.mark.parametrize(
    "task",
    [
        "We run accessible minibuses for people who cant use normal buses. Help members book trips.",
        "A tutor for beginners in plain English. Explain one idea at a time.",
    ],
)
def test_no_tail_for_a_generic_head_or_a_way_of_writing(task: str) -> None:
    found = [c.value or "" for c in extract_constraints(Brief(task=task)) if c.kind == "audience"]
    assert not any("cant" in value or "English" in value for value in found), found


def test_a_pasted_schema_block_needs_no_schema_slot() -> None:
    task = (
        "SQL helper for the data team. People ask questions in plain English, you write the query.\n\n"
        "schema:\nsales.orders\n  order_id UInt64, customer_id UInt32, created_at DateTime, total Decimal(10, 2)\n"
        "sales.customers\n  customer_id UInt32, name String, country LowCardinality(String), signup Date\n\n"
        "Only SELECT queries."
    )
    assert "{{schema}}" not in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Assistant pour un centre de jour. Répondez uniquement à partir du livret.\n\nLIVRET (extraits)\n"
        "- Ouvert du lundi au vendredi, 9h30-17h, fermé les jours fériés.\n"
        "- Repas de midi compris, régimes respectés sur certificat médical.\n\nPas de conseil médical.",
        "Asistente para la bodega Los Olivos. Responde solo con el folleto.\n\nFOLLETO - resumen\n"
        "- Visitas guiadas de martes a domingo, 11h y 17h.\n- Precio: 15 euros por persona, con cata de tres vinos.\n"
        "- Niños gratis, sin cata.\n\nNo inventes horarios.",
        "Chat assistant for Villa Rosa. Answer only from the menu below.\n\nMenu (summer)\n"
        "- Margherita pizza 9 EUR, vegetarian\n- Lasagne 12 EUR, contains gluten and dairy\n",
    ],
)
def test_pasted_material_under_a_bare_heading_is_used_not_slotted(task: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    assert "{{document}}" not in prompt
    assert "15 euros" in prompt or "9h30" in prompt or "Margherita" in prompt


@pytest.mark.parametrize(
    ("task", "audience", "own_place"),
    [
        (
            "Answer questions for parents of children with asthma at our clinic.",
            "parents of children with asthma",
            "clinic",
        ),
        (
            "A chat for nurses working night shifts in our care homes, about rota swaps.",
            "nurses working night shifts",
            "homes",
        ),
        ("Write for carers of people with dementia at my day centre.", "carers of people with dementia", "centre"),
    ],
)
def test_an_audience_tail_stops_at_the_business_own_place(task: str, audience: str, own_place: str) -> None:
    found = [c.value or "" for c in extract_constraints(Brief(task=task)) if c.kind == "audience"]
    assert audience in found, found
    assert not any(own_place in value for value in found), found

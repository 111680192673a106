"""review49 findings 1-5: sentences of non-English briefs kept whole beside their records, list lines not glued,
list items not cut, no garbled "For …" conditions, numbers kept on their own case."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _fallbacks(task: str) -> list[str]:
    return [c.text for c in generate(Brief(task=task)).constraints if c.kind == "fallback"]


# 1. an ordering record restates the order only, never the step or ban said beside it
@pytest.mark.parametrize(
    ("task", "kept"),
    [
        (
            "Du bist der Bestellassistent einer Holzhandlung. Funktionen: liefertermine(plz), bestellung_anlegen("
            "menge, tag). liefertermine immer vor bestellung_anlegen, und vorher Menge und Liefertag noch einmal "
            "zusammenfassen und bestätigen lassen. Höchstens 3 Sätze.",
            "zusammenfassen und bestätigen lassen",
        ),
        (
            "Tu es l'assistant de réservation d'un garage. Outils : voir_creneaux(date), reserver(date, heure). "
            "voir_creneaux avant reserver, et relire la date au client puis attendre son accord. 3 phrases maximum.",
            "relire la date au client puis attendre son accord",
        ),
        (
            "店舗予約のアシスタント。ツール: check_seats(date), reserve_seat(date, time)。reserve_seat の前に必ず "
            "check_seats で空きを確認し、日時と人数を復唱して確認をもらう。",
            "復唱して確認をもらう",
        ),
    ],
)
def test_order_sentence_with_more_than_the_order_is_kept(task: str, kept: str) -> None:
    assert kept in _prompt(task)


def test_order_only_sentence_is_still_not_repeated() -> None:
    prompt = _prompt(
        "店舗予約のアシスタント。ツール: check_seats(date), reserve_seat(date, time)。reserve_seat の前に必ず "
        "check_seats を呼ぶ。"
    )
    assert "Call check_seats before reserve_seat." in prompt
    assert "の前に必ず" not in prompt


# 2. the line after a tool list is a rule of its own, not the last tool line's next sentence
@pytest.mark.parametrize(
    ("task", "tool_line", "rule"),
    [
        (
            "El bot tiene estas funciones:\n- ver_huecos(fecha)\n- reservar(nombre, fecha, hora)\n"
            "- estado_pedido(numero)\nAntes de reservar SIEMPRE llama a ver_huecos, nunca inventes horas. "
            "Máximo 3 frases, de usted.",
            "estado_pedido(numero) Antes",
            "nunca inventes horas",
        ),
        (
            "Du bist der Buchungsbot einer Werkstatt. Funktionen:\n- freie_slots(datum)\n- buchen(name, slot)\n"
            "- status(auftrag)\nVor jeder Buchung IMMER zuerst freie_slots aufrufen, nie einen Slot raten.",
            "status(auftrag) Vor",
            "nie einen Slot raten",
        ),
        (
            "Je bent de chatbot van een fietsenmaker. Functies:\n- vrije_tijden(datum)\n- boeken(naam, tijd)\n"
            "- status(ordernummer)\nVoor elke boeking ALTIJD eerst vrije_tijden aanroepen, nooit een tijd gokken.",
            "status(ordernummer) Voor",
            "nooit een tijd gokken",
        ),
    ],
)
def test_tool_line_not_glued_to_next_rule(task: str, tool_line: str, rule: str) -> None:
    prompt = _prompt(task)
    assert tool_line not in prompt
    assert rule in prompt


# 3. a list item keeps its first sentence when a record restates the later ones
@pytest.mark.parametrize(
    ("task", "first"),
    [
        (
            "Assistente per uno studio di consulenza previdenziale. Limiti precisi:\n- solo informazioni generali. "
            "Mai valutare il caso concreto, mai calcolare quote per quella persona. In questi casi rispondere: "
            '"Serve una consulenza: 0461 555 111."\n- niente elenchi puntati.',
            "solo informazioni generali",
        ),
        (
            "Assistant d'un cabinet de conseil fiscal. Limites :\n- seulement des infos générales. Jamais de calcul "
            "pour un cas précis. Dans ce cas : « Prenez rendez-vous au 01 23 45 67 89. »\n- pas de listes.",
            "seulement des infos générales",
        ),
        (
            "Chatbot einer Rentenberatung. Grenzen:\n- nur allgemeine Infos. Keine Einzelfallberatung. Dann sagen: "
            "„Dafür brauchen Sie einen Termin: 089 123 456.“\n- keine Aufzählungen.",
            "nur allgemeine Infos",
        ),
    ],
)
def test_list_item_keeps_its_first_sentence(task: str, first: str) -> None:
    assert first in _prompt(task)


# 4. a condition sentence with its reply verb before the colon is no list of cases
@pytest.mark.parametrize(
    "task",
    [
        "You answer pupils on the school help chat. Rules:\n- Pupil mentions self-harm, bullying or trouble at home, "
        'reply only: "Please talk to your form tutor or call Childline on 0800 1111."\n- Keep replies under 60 words.',
        "Schrijf antwoorden voor de chat van de huisartsenpost. Schrijft iemand over zelfmoord of er niet meer willen "
        'zijn, antwoord dan met: "Praat er nu over met 113, bel 0800-0113 of chat via 113.nl." Maximaal 3 zinnen.',
        "Atendimento no chat de um banco. Transferência parada há mais de 2 dias, ou qualquer coisa que a FAQ não "
        'responda: "Vou passar a sua conversa para um colega." No máximo 3 frases.',
    ],
)
def test_condition_sentence_is_no_list_of_cases(task: str) -> None:
    prompt = _prompt(task)
    assert "For pupil" not in prompt
    assert '("For ' not in prompt
    assert "reply only, reply exactly" not in prompt


def test_noun_list_before_colon_is_still_a_list_of_cases() -> None:
    task = (
        'You answer on a clinic chat. Rules:\n- severe pain, vomiting or fainting: reply only "Call 111 now." '
        "nothing else\n- Keep replies short."
    )
    assert 'For severe pain, vomiting or fainting, reply exactly: "Call 111 now."' in _prompt(task)


# 5. a fixed reply quoted after a non-English "reply first" verb is not re-split at its inner "if"
@pytest.mark.parametrize(
    ("task", "outer", "number"),
    [
        (
            "Asistente del chat de una residencia de mayores. Si un familiar sospecha malos tratos, responder primero: "
            '"Gracias por contárnoslo. Llame al 016 o, si hay peligro inmediato, al 112." y después ofrecer hablar '
            "con la dirección. Máximo 3 frases.",
            "Si un familiar sospecha malos tratos",
            "016",
        ),
        (
            "Chat einer Pflegeeinrichtung. Wenn ein Angehöriger Misshandlung vermutet, zuerst antworten: „Danke, dass "
            "Sie uns das sagen. Rufen Sie das Hilfetelefon 116 016 an oder, wenn akute Gefahr besteht, die 110.“ "
            "Danach ein Gespräch mit der Leitung anbieten.",
            "Wenn ein Angehöriger Misshandlung vermutet",
            "116 016",
        ),
        (
            "Assistant du chat d'un EHPAD. Si un proche soupçonne une maltraitance, répondre d'abord : « Merci de nous "
            "le dire. Appelez le 3977 ou, en cas de danger immédiat, le 17. » Ensuite proposer un échange avec la "
            "direction.",
            "Si un proche soupçonne une maltraitance",
            "3977",
        ),
    ],
)
def test_number_keeps_the_outer_case(task: str, outer: str, number: str) -> None:
    routes = [text for text in _fallbacks(task) if f"call {number}." in text]
    assert routes
    assert all(f'("{outer}")' in text for text in routes)


# 7. a pasted sample after "notes like:", "here's one … wrote:", "for example:" is no rule, whatever arrows it holds
@pytest.mark.parametrize(
    ("task", "sample"),
    [
        (
            "I want an assistant that turns my triage shorthand into a note for the ward. I paste notes like:\n\n"
            '"45F, fall, L wrist pain -> xray, ?scaphoid. Analgesia given."\n\nand it writes the note. Keep it under '
            "120 words.",
            "45F, fall",
        ),
        (
            "Write the daily ops summary for our bus depot. Keep it under 150 words, no names. Here's one our "
            "supervisor wrote that we liked: Routes; 07:10 Depot → Harbour cancelled (bus 12, brake fault).",
            "07:10 Depot",
        ),
        (
            "Turn my lab shorthand into plain-English results for patients. For example: Hb 98 -> low, iron studies "
            "pending. Keep it friendly.",
            "Hb 98",
        ),
    ],
)
def test_sample_with_arrow_is_no_numbered_rule(task: str, sample: str) -> None:
    numbered = [line for line in _prompt(task).splitlines() if line[:1].isdigit()]
    assert not any(sample in line for line in numbered)


def test_arrow_rule_is_still_a_rule() -> None:
    prompt = _prompt("Reply to our support tickets. Rules: refund already issued -> no second refund. Keep it short.")
    assert any(
        "refund already issued -> no second refund" in line for line in prompt.splitlines() if line[:1].isdigit()
    )

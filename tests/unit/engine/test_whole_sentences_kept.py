"""Sentences the brief writes as one instruction stay one rule in the prompt: a fixed reply after "reply only:",
"say:" or "responde:" keeps all its sentences, a ban's last "or …" verb stays in the ban, "X is still A, not B" says
where X goes (no ban on B), and a sentence that points back ("In that case …", "Only the coach does that") stays
with the sentence it points to."""

from __future__ import annotations

import re

from tests.unit.engine.reading import claude_prompt, section


def _rules(prompt: str) -> list[str]:
    """The numbered rules of the prompt's instructions."""
    return re.findall(r"^\d+\.\s+(.*)$", section(prompt, "instructions"), re.MULTILINE)


def _rule_with(prompt: str, words: str) -> str:
    """The one numbered rule that holds `words` ('' when none does)."""
    found = [rule for rule in _rules(prompt) if words in rule]
    assert len(found) <= 1, found
    return found[0] if found else ""


def test_reply_only_keeps_both_sentences_of_the_message_in_one_rule() -> None:
    prompt = claude_prompt(
        "Spelling Sprout is the spelling game inside our primary school app. Give the child one word at a time to "
        "spell and cheer them on. Max 2 short sentences per message, no emojis, no links. If a child says they feel "
        "sad or scared, or that someone is being mean to them, stop the game and reply only: Thank you for telling "
        "me. Please talk to your teacher or a grown-up at home today."
    )
    rule = _rule_with(prompt, "Thank you for telling me.")
    assert "Please talk to your teacher or a grown-up at home today." in rule
    assert rule.startswith("If a child says")
    assert not any(r.startswith("Please talk to your teacher") for r in _rules(prompt))


def test_say_keeps_the_whole_fixed_reply_and_the_next_rule_stays_its_own() -> None:
    prompt = claude_prompt(
        "Build a chat for a vet practice. Answer questions about opening hours, vaccines and prices from our price "
        "sheet. If the owner describes a pet that collapsed or ate rat poison, say: This could be an emergency. "
        "Please ring our night line on 0161 555 0199 now. Never diagnose a pet or suggest medicine doses. "
        "Max 80 words, no lists."
    )
    rule = _rule_with(prompt, "This could be an emergency.")
    assert "Please ring our night line on 0161 555 0199 now." in rule
    assert "diagnose" not in rule
    assert _rule_with(prompt, "Never diagnose a pet")


def test_spanish_responde_keeps_the_two_sentences_together() -> None:
    prompt = claude_prompt(
        "Somos una clínica dental en Sevilla. Queremos un chat que conteste dudas sobre citas y tratamientos usando "
        "solo nuestra guía.\n"
        "- Nunca des diagnósticos ni digas si un dolor es grave.\n"
        "- Si alguien habla de sangrado que no para o de hinchazón en la cara, responde: Esto necesita atención hoy. "
        "Llame a urgencias al 954 000 111 ahora mismo.\n"
        "- Trato de usted, máximo 60 palabras, sin listas."
    )
    rule = _rule_with(prompt, "Esto necesita atención hoy.")
    assert "Llame a urgencias al 954 000 111 ahora mismo." in rule
    assert not any(r.startswith("Llame a urgencias") for r in _rules(prompt))


def test_german_antworte_nur_keeps_three_sentences_together() -> None:
    prompt = claude_prompt(
        "Wir sind ein Fahrradverleih in Freiburg. Der Chat beantwortet Fragen zu Preisen und Öffnungszeiten aus "
        "unserer Preisliste.\n"
        "- Keine Rechtsauskunft zu Unfällen oder Versicherung.\n"
        "- Wenn jemand einen Unfall meldet, antworte nur: Bitte bleiben Sie am Unfallort. Rufen Sie bei Verletzten "
        "sofort 112 an. Danach erreichen Sie uns unter 0761 555 20.\n"
        "- Maximal 3 Sätze, Sie-Form."
    )
    rule = _rule_with(prompt, "Bitte bleiben Sie am Unfallort.")
    assert "Rufen Sie bei Verletzten sofort 112 an. Danach erreichen Sie uns unter 0761 555 20." in rule


def test_french_repondez_uniquement_keeps_the_message_whole() -> None:
    prompt = claude_prompt(
        "Nous sommes une bibliothèque municipale à Nantes. L'assistant répond aux questions des lecteurs sur les "
        "horaires et les prêts, à partir du règlement.\n"
        "- Si quelqu'un demande un avis juridique, répondez uniquement : Je ne peux pas vous conseiller sur ce "
        "point. Adressez-vous à l'accueil au 02 40 00 00 00.\n"
        "- Vouvoiement, 4 phrases maximum."
    )
    rule = _rule_with(prompt, "Je ne peux pas vous conseiller sur ce point.")
    assert "Adressez-vous à l'accueil au 02 40 00 00 00." in rule
    assert rule.startswith("Si quelqu'un demande un avis juridique")


def test_ban_keeps_the_verb_after_the_lists_last_or() -> None:
    prompt = claude_prompt(
        "Build a chat for a junior rowing club that answers questions using only their printed training plan.\n"
        "- Never add, drop or alter a drill, the number of laps or rounds, or tell someone to move up a level.\n"
        "- Don't give diet advice.\n"
        "- Max 90 words, no lists."
    )
    assert "or tell someone to move up a level" in _rule_with(prompt, "Never add, drop or alter a drill")


def test_ban_keeps_the_verb_after_a_short_list() -> None:
    prompt = claude_prompt(
        "Build an assistant that answers patients' questions using only their back-pain exercise sheet.\n"
        "- Never change a stretch, the number of reps or holds, or tell someone to go up to the next stage.\n"
        "- Max 80 words, no lists."
    )
    assert "or tell someone to go up to the next stage" in _rule_with(prompt, "Never change a stretch")


def test_still_a_not_b_says_where_the_case_goes_and_bans_nothing() -> None:
    prompt = claude_prompt(
        "triage classifier for a bookshop's support inbox. one label per email, reply with the label only.\n"
        "SHIPPING - late parcel, tracking, lost parcel\n"
        "DAMAGED - torn cover, bent pages\n"
        "REFUND - money back, return label\n"
        "LEGAL - copyright claims, author disputes, lawyer letters\n"
        "OTHER\n"
        'if two fit pick the first in this list. someone who says they will "get a lawyer" about a lost parcel is '
        "still SHIPPING, not LEGAL."
    )
    rules = _rules(prompt)
    assert not any(re.match(r"(?:Avoid|Do not be|Do not act as|Never)\b[^.]*\bLEGAL\b", r) for r in rules)
    assert "still SHIPPING, not LEGAL" in _rule_with(prompt, "get a lawyer")


def test_counts_as_a_not_b_is_a_mapping() -> None:
    prompt = claude_prompt(
        "Sort incoming messages for a gym into one category: BILLING, CLASSES, FACILITIES or COMPLAINT. Reply with "
        "the category only. A member asking why their card was charged twice counts as BILLING, not COMPLAINT."
    )
    assert not any(re.match(r"(?:Avoid|Do not be|Do not act as)\b[^.]*\bCOMPLAINT\b", r) for r in _rules(prompt))
    assert "BILLING, not COMPLAINT" in _rule_with(prompt, "charged twice")


def test_only_someone_does_that_stays_with_the_ban_it_points_to() -> None:
    prompt = claude_prompt(
        "Build a chat for a junior rowing club that answers questions using only their printed training plan.\n"
        "- Never add, drop or alter a drill, the number of laps or rounds, or tell someone to move up a level. "
        "Only the head coach does that at the monthly review.\n"
        "- Max 90 words, no lists."
    )
    rule = _rule_with(prompt, "Only the head coach does that")
    assert rule.startswith("Never add, drop or alter a drill")


def test_spanish_en_ese_caso_stays_with_the_ban_it_points_to() -> None:
    prompt = claude_prompt(
        "Somos una gestoría en Zaragoza. Queremos un chat que responda dudas frecuentes con el texto de nuestra web.\n"
        "- Nunca calcules cuánto le devolverá Hacienda a nadie, aunque te den sus ingresos. En ese caso responde: "
        '"No puedo calcular su caso. Escríbanos a citas@gestoria-ejemplo.es."\n'
        "- No pidas ni aceptes el DNI por el chat.\n"
        "- Trato de usted, máximo 70 palabras."
    )
    rule = _rule_with(prompt, "En ese caso responde")
    assert "Nunca calcules cuánto le devolverá Hacienda" in rule


def test_dutch_dan_stays_with_the_field_it_points_to() -> None:
    prompt = claude_prompt(
        "Je beoordeelt oefenantwoorden voor een EHBO-cursus. Je krijgt de vraag, het modelantwoord en het antwoord "
        "van de cursist.\n"
        'Geef alleen dit JSON-object terug: {"punten": 0, "uitleg": "...", "risico": false}\n'
        "- punten: 2 = alles goed, 1 = deels, 0 = fout\n"
        "- uitleg: maximaal 25 woorden, spreek de cursist aan met je\n"
        "- risico: true als het antwoord iets gevaarlijks aanraadt (bijv. een slachtoffer met nekletsel "
        "verplaatsen). Dan zijn de punten altijd 0."
    )
    rule = _rule_with(prompt, "Dan zijn de punten altijd 0.")
    assert "risico: true als het antwoord iets gevaarlijks aanraadt" in rule


def test_english_in_that_case_reply_stays_with_its_case() -> None:
    prompt = claude_prompt(
        "We run a small letting agency. Build a tenant chat that answers questions from our tenant handbook.\n"
        "- Never say whether a deposit deduction is fair or how much of the deposit they will get back. In that case "
        "reply: I can't judge deposit disputes here. Please email deposits@letting-example.co.uk.\n"
        "- Max 60 words."
    )
    rule = _rule_with(prompt, "I can't judge deposit disputes here.")
    assert "deposit deduction is fair" in rule
    assert "Please email deposits@letting-example.co.uk." in rule

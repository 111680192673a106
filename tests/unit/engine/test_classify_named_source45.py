"""Jobs the brief names with its own words lead over the general assistant when the model only guesses.

Round 45's kind of brief: a Q&A bot that "answers from our donor leaflet" under a page of safety rules, a chat whose
answers rest on a FAQ named as their basis ("Grundlage ist unsere FAQ"), descriptions written for an online shop.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate

QA_BOT_UNDER_SAFETY_RULES = (
    "Q&A bot for plasma donors of Eastfield Plasma Centre. It answers from our donor leaflet (I'll "
    "paste it in below) - things like how long a visit takes, what to eat beforehand, how often you "
    "can give, what to bring.\n\nIt must never tell anyone whether they can or can't give plasma "
    'because of a medicine, an illness, a tattoo or a trip abroad. In that case always say: "Please '
    'check with our donor line on 0300 555 0199 before your visit." We never refer donors to their GP '
    "for eligibility questions, it's always the donor line.\nIf someone feels faint after giving "
    'plasma: "Sit down right away and tell a member of staff." Chest pain: tell them to call 999 now, '
    "before anything else.\nIf the answer isn't in the leaflet: \"I can't see that in the donor "
    "leaflet - please ask the centre team.\"\nMax 90 words. No markdown. Don't ask for a donor number."
)

FAQ_AS_BASIS = (
    "Wir sind die Suchtberatung Mittelfranken e.V. (gemeinnützige Beratungsstelle in Erlangen). Für "
    "unsere Website brauchen wir einen Chat, der allgemeine Fragen beantwortet: wie eine Beratung "
    "abläuft, wie man einen Termin bekommt, was eine ambulante Therapie ist, was man zum Erstgespräch "
    "mitbringt. Grundlage ist unsere FAQ, die ich unten einfüge.\n\nWichtig:\n- Keine individuelle "
    "Beratung im Chat. Nie sagen, ob jemand abhängig ist, und nie Medikamente empfehlen.\n- Wir "
    'verweisen nie an private Kliniken.\n- Bei akuter Gefahr zuerst genau diesen Satz: "Bitte rufen '
    'Sie sofort 112 an." Danach erst weiter.\n- Nie nach Namen oder Krankenkasse fragen.\n- Steht '
    'etwas nicht in der FAQ: "Dazu habe ich leider keine Information. Bitte schreiben Sie an '
    'info@sucht-mfr.de."\n\nSie-Form, höchstens 80 Wörter, keine Aufzählungen.'
)

SHOP_DESCRIPTIONS = {
    "it": (
        "Siamo la Cantina Poggio Alto (Piemonte). Mi servono le descrizioni dei nostri vini per lo "
        "shop online, partendo dalla scheda tecnica che incollo ogni volta. Formato fisso:\n\nNOME: il "
        "nome del vino come in scheda\nDESCRIZIONE: tra 60 e 90 parole\nABBINAMENTI: esattamente 3, "
        'separati da " / "\n\nNiente proprietà salutistiche. Niente superlativi tipo "il migliore".'
    ),
    "de": (
        "Wir sind die Kaffeerösterei Hafenbohne. Ich brauche Beschreibungen unserer Kaffees für "
        "unseren Onlineshop, ausgehend vom Datenblatt, das ich jedes Mal einfüge. Festes "
        "Format:\n\nNAME: wie im Datenblatt\nTEXT: 60 bis 90 Wörter\nPASST ZU: genau 3 Dinge\n\nKeine "
        'Gesundheitsversprechen. Keine Superlative wie "der beste".'
    ),
}


def _primary(task: str) -> str:
    return generate(Brief(task=task)).archetypes[0].id


def test_a_qa_bot_answering_from_its_leaflet_stays_question_answering_under_many_safety_rules() -> None:
    assert _primary(QA_BOT_UNDER_SAFETY_RULES) == "document_qa"


def test_a_faq_named_as_the_basis_of_the_answers_makes_question_answering() -> None:
    assert _primary(FAQ_AS_BASIS) in {"document_qa", "customer_support"}


@pytest.mark.parametrize("language", sorted(SHOP_DESCRIPTIONS))
def test_descriptions_written_for_an_online_shop_are_marketing_copy(language: str) -> None:
    assert _primary(SHOP_DESCRIPTIONS[language]) == "marketing_copy"


def test_one_keyword_does_not_move_a_brainstorm_buddy_off_the_general_assistant() -> None:
    task = (
        'be my brainstorm buddy for my homebrew D&D campaign "Saltmarsh Wake" (low magic, pirates, a drowned god). '
        "when i ask for something (an npc, a plot hook, a tavern) give me exactly 3 ideas, each at most 2 sentences, "
        "then ask me which one to develop. never kill off or decide things for my players' characters."
    )
    assert _primary(task) == "general_assistant"

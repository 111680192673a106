"""Fallbacks (kept exactly, with their condition), the reply language, and brief language identification."""

from __future__ import annotations

import pytest

from app.engine.constraints.fallback_wording import describe_fallback
from app.engine.constraints.fallbacks import find_fallbacks
from app.engine.constraints.language import USER_LANGUAGE, find_language, lookup
from app.engine.language_id import identify


@pytest.mark.parametrize(
    ("text", "action", "value", "condition"),
    [
        ("If unsure, tell them to email help@acme.com.", "email", "help@acme.com", "If unsure"),
        (
            "tell customers to email Billing.Team@acme.co.uk if the answer is not in the article",
            "email",
            "Billing.Team@acme.co.uk",
            "if the answer is not in the article",
        ),
        (
            "When the customer is angry, offer to connect a human agent",
            "handoff",
            "offer to connect a human agent",
            "When the customer is angry",
        ),
        (
            "escalate to a human if they ask for a manager",
            "handoff",
            "escalate to a human",
            "if they ask for a manager",
        ),
        ("for emergencies call +1 (555) 010-0199", "phone", "+1 (555) 010-0199", "for emergencies"),
        ("If it's urgent, call 0800 123 4567", "phone", "0800 123 4567", "If it's urgent"),
        (
            "if you can't find it, point them to https://acme.com/help/returns.",
            "url",
            "https://acme.com/help/returns",
            "if you can't find it",
        ),
        (
            "If asked about anything else, say 'I can only help with billing.'",
            "say",
            "I can only help with billing.",
            "If asked about anything else",
        ),
        ('otherwise reply "Sorry, I can\'t help with that."', "say", "Sorry, I can't help with that.", "otherwise"),
        (
            "Si no sabes la respuesta, escribe a soporte@tienda.es",
            "email",
            "soporte@tienda.es",
            "Si no sabes la respuesta",
        ),
        ("Wenn du unsicher bist, verweise auf support@firma.de", "email", "support@firma.de", "Wenn du unsicher bist"),
    ],
)
def test_fallbacks(text: str, action: str, value: str, condition: str | None) -> None:
    found = find_fallbacks(text)
    assert [(f.action, f.value, f.condition) for f in found] == [(action, value, condition)]
    assert text[found[0].start : found[0].end] == value


@pytest.mark.parametrize(
    "text",
    [
        "Use the docs at https://docs.acme.com as your source.",
        "Order numbers look like 2024-01-05-0042.",
        "The plan costs $1,299,000 per year.",
        "Be friendly and concise.",
    ],
)
def test_no_fallback(text: str) -> None:
    assert find_fallbacks(text) == []


def test_two_contacts_share_the_condition() -> None:
    found = find_fallbacks("If you cannot resolve it, email help@acme.com or call 555-010-0199")
    assert [(f.action, f.condition) for f in found] == [
        ("email", "If you cannot resolve it"),
        ("phone", "If you cannot resolve it"),
    ]


def test_fallback_text_keeps_the_value_and_is_english() -> None:
    assert (
        describe_fallback("email", "help@acme.com", "If unsure") == "If unsure, tell the user to email help@acme.com."
    )
    spanish = describe_fallback("email", "soporte@tienda.es", "Si no sabes la respuesta")
    assert "soporte@tienda.es" in spanish
    assert spanish.startswith("When this applies")


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Reply in Spanish.", "Spanish", "es"),
        ("always respond in german, even if asked in English", "German", "de"),
        ("Translate the ticket from French into English", "English", "en"),
        ("write the summary in Portuguese", "Portuguese", "pt"),
        ("Spanish only", "Spanish", "es"),
        ("Responde siempre en español.", "Spanish", "es"),
        ("Antworte immer auf Deutsch.", "German", "de"),
        ("Réponds en français.", "French", "fr"),
        ("Responda em português", "Portuguese", "pt"),
        ("日本語で回答してください", "Japanese", "ja"),
        ("请用中文回答", "Chinese", "zh"),
        ("Always answer in the customer's language.", USER_LANGUAGE, None),
        ("reply in the same language as the user", USER_LANGUAGE, None),
        ("Responde en el mismo idioma que el cliente", USER_LANGUAGE, None),
    ],
)
def test_reply_language(text: str, name: str, code: str | None) -> None:
    found = find_language(text)
    assert found is not None
    assert (found.name, found.code) == (name, code)


@pytest.mark.parametrize(
    "text",
    [
        "Our customers are mostly Spanish-speaking families.",
        "Translate from German.",
        "Help English learners with grammar.",
        "Keep it short.",
    ],
)
def test_no_reply_language(text: str) -> None:
    assert find_language(text) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("es", ("Spanish", "es")), ("German", ("German", "de")), ("pt-BR", ("Portuguese", "pt")), ("Klingon", None)],
)
def test_lookup(name: str, expected: tuple[str, str] | None) -> None:
    assert lookup(name) == expected


# Short briefs, as people type them: the detector must be right on briefs of five words or more.
SAMPLES: list[tuple[str, str]] = [
    ("en", "help customers track their orders and refunds"),
    ("en", "write a friendly reply to the ticket"),
    ("es", "ayuda a los clientes con sus pedidos y devoluciones"),
    ("es", "resume el documento en tres frases para el equipo"),
    ("de", "hilf den Kunden bei Fragen zu ihrer Rechnung"),
    ("de", "fasse den Text in drei Sätzen zusammen, bitte"),
    ("fr", "aide les clients avec leurs commandes et les retours"),
    ("fr", "résume le document pour l'équipe en trois phrases"),
    ("pt", "ajude os clientes com os pedidos e as devoluções"),
    ("pt", "resuma o documento em três frases para a equipe"),
    ("it", "aiuta i clienti con gli ordini e i resi della settimana"),
    ("nl", "help de klanten met hun bestellingen en retouren"),
    ("ja", "お客様の注文に関する質問に答えてください"),
    ("zh", "帮助客户解决订单和退款问题"),
    ("ko", "고객의 주문 문의에 친절하게 답변하세요"),
    ("ru", "помогай клиентам с заказами и возвратами"),
]


@pytest.mark.parametrize(("code", "text"), SAMPLES)
def test_identify(code: str, text: str) -> None:
    assert identify(text)[0] == code


def test_identify_handles_text_without_words() -> None:
    assert identify("") == ("und", "Undetermined", 0.0)
    assert identify("1234 !!!")[0] == "und"


def test_identify_confidence_grows_with_evidence() -> None:
    short = identify("la casa")
    long = identify("Eres un asistente de soporte para una tienda online. Responde siempre con amabilidad.")
    assert long[0] == "es"
    assert long[2] > short[2]


def test_identify_accuracy_on_short_briefs() -> None:
    from tests.unit.engine.constraints.language_samples import SAMPLES

    correct = sum(1 for code, text in SAMPLES if identify(text)[0] == code)
    assert correct / len(SAMPLES) >= 0.95


def test_each_comma_part_keeps_its_own_condition() -> None:
    text = "for billing disputes point them to https://acme.com/billing-help, for anything else support@acme.com"
    assert [(f.action, f.condition) for f in find_fallbacks(text)] == [
        ("url", "for billing disputes"),
        ("email", "for anything else"),
    ]

"""Round 46, classes 1 and 6: packs, audiences and names from a word in the brief over the brief's own people and
routes; the reply language from the brief's language over its own case; bare language variants; foreign bans."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints.people import find_audience
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.safety import detect_domains, yields


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _language(task: str) -> list[tuple[str, str | None, list[str]]]:
    result = generate(Brief(task=task))
    return [(c.text, c.value, c.values) for c in result.constraints if c.kind == "language"]


# ---- class 1: a route the brief names for a legal or money question, in any language


@pytest.mark.parametrize(
    "task",
    [
        "Somos a Associação dos Inquilinos de Santos. O bot responde dúvidas sobre aluguel e despejo. "
        "Revisão de contrato: só com o advogado da associação. Só marcar com o advogado pelo (13) 3222-0199.",
        "Wir sind der Mieterverein Nordstadt. Der Chat beantwortet allgemeine Fragen zu Miete und Kündigung und "
        "leitet an unsere Rechtsberatung weiter. Keine Rechtsberatung im Einzelfall.",
        "Somos la Asociación de Vecinos de Gracia. El chat responde dudas sobre el alquiler y los desahucios. "
        "Para revisar un contrato, pedir cita con el abogado de la asociación en el 93 555 0142.",
    ],
)
def test_the_briefs_own_lawyer_replaces_the_packs_legal_aid(task: str) -> None:
    prompt = _prompt(task)
    assert "legal aid" not in prompt
    assert "a qualified lawyer" not in prompt


def test_own_route_is_found_with_a_dashed_phone_and_a_booking_verb() -> None:
    own = yields(["Nunca dizer se a pessoa tem direito. Só marcar com o advogado pelo (19) 3555-0188."])
    assert "legal" in own.routes
    assert own.contacts.get("legal") == "call (19) 3555-0188"


def test_the_urgent_legal_case_goes_to_the_briefs_own_line() -> None:
    prompt = _prompt(
        "Somos o Sindicato dos Comerciários de Jundiaí. O atendente virtual responde dúvidas dos associados sobre "
        "férias e demissão. Nunca dizer se a pessoa tem direito a indenização. Só marcar com o advogado do "
        "sindicato pelo (11) 4555-0177."
    )
    assert "legal aid" not in prompt
    assert "(11) 4555-0177 promptly" in prompt


def test_a_money_pack_does_not_send_members_out_beside_the_associations_own_advice() -> None:
    prompt = _prompt(
        "Arbeitnehmerverband Süd e.V. - wir beraten Mitglieder im Arbeitsrecht. Der Chat beantwortet allgemeine "
        "Fragen zu Lohn, Urlaub und Kündigung und leitet an unsere Rechtsberatung weiter. Keine Beratung im "
        "Einzelfall. Unterlagen: Arbeitsvertrag und die letzten 3 Lohnabrechnungen per Mail an info@asv-sued.de."
    )
    assert "financial adviser" not in prompt
    assert "accountant" not in prompt


def test_an_outside_lawyer_named_without_the_business_is_no_own_route() -> None:
    own = yields(["Tenants ask about deposits. Some landlords have lawyers."])
    assert "legal" not in own.routes


# ---- class 1: the role names the business that writes the brief


@pytest.mark.parametrize(
    ("task", "name", "not_name"),
    [
        (
            "Somos o Sindicato dos Aposentados e Pensionistas de Sorocaba. Queremos um atendente no WhatsApp que "
            "responda dúvidas dos associados. Prova de vida: aparece no app Meu INSS.",
            "Sindicato dos Aposentados e Pensionistas de Sorocaba",
            "for Meu INSS",
        ),
        (
            "Somos la Asociación de Vecinos del Barrio de Gracia. Queremos un bot que responda dudas. "
            "Los trámites se hacen en la app Mi Ayuntamiento.",
            "Asociación de Vecinos del Barrio de Gracia",
            "for Mi Ayuntamiento",
        ),
    ],
)
def test_the_role_names_the_business_not_an_app_it_mentions(task: str, name: str, not_name: str) -> None:
    prompt = _prompt(task)
    assert name in prompt
    assert not_name not in prompt


# ---- class 1: children who chat, never children as stock, data or a head count


@pytest.mark.parametrize(
    "task",
    [
        "SQL helper for the ops team at a bike rental chain. Warehouse is Postgres. People ask things like "
        '"how many kids\' bikes did we rent in July" and want a query they can paste.',
        "SQL helper for the data team. Schema:\nrentals.bookings(booking_id bigint, customer_type varchar, -- "
        "'adult','child','group'\n start_date date)\nAnswer with one sql code block.",
        'SQL helper for the data team at a ski school. People ask "how many children booked lessons in '
        'January" and want a query.',
    ],
)
def test_children_as_stock_data_or_a_count_get_no_childrens_pack(task: str) -> None:
    assert "children" not in detect_domains([task])


def test_children_who_chat_still_get_the_childrens_pack() -> None:
    assert "children" in detect_domains(["A homework helper for kids aged 8 to 11. Kids type their maths question."])


@pytest.mark.parametrize(
    "text",
    [
        "refund emails - put DRAFT: HOLD - Priya to answer\nkids parties are min age 6, max 10 kids.",
        "Birthday parties for max 12 kids, Saturdays only.",
        "We run parties for up to 15 children.",
        "Reply drafter: Sam to answer kids parties, Jo the rest.",
    ],
)
def test_an_audience_never_comes_from_a_count_or_a_product(text: str) -> None:
    assert find_audience(text) is None


def test_an_audience_of_children_is_still_read() -> None:
    found = find_audience("A reading buddy for kids aged 6 to 9.")
    assert found is not None
    assert found.maximum == 9


# ---- class 1 (d): a health case the brief routes to its own people


@pytest.mark.parametrize(
    "task",
    [
        "Yoga studio Sunrise Flow in Leeds. The bot answers questions about classes, prices and booking. If someone "
        "mentions an injury or pregnancy, tell them to speak to the teacher before class and don't give any "
        "exercise advice.",
        "Estudio de pilates Núcleo en Sevilla. El bot responde dudas sobre horarios y precios. Si alguien menciona "
        "una lesión o un embarazo, que hable con la instructora antes de la clase.",
        "Kletterhalle Gipfel in Köln. Der Bot beantwortet Fragen zu Kursen und Preisen. Bei Verletzungen oder "
        "Schwangerschaft sollen die Leute vor dem Kurs mit der Kursleitung sprechen.",
    ],
)
def test_a_health_case_sent_to_the_teacher_gets_no_health_pack(task: str) -> None:
    assert "medical" not in detect_domains([task])


def test_an_emergency_sent_to_reception_keeps_the_health_pack() -> None:
    task = (
        "Gym chatbot. Answers about memberships and class times. If someone has chest pain or an injury during a "
        "class, tell them to speak to the staff at reception immediately."
    )
    assert "medical" in detect_domains([task])


# ---- class 6: a default language with its case, in Japanese and Chinese


@pytest.mark.parametrize(
    ("task", "default", "case"),
    [
        ("民宿「海風」の問い合わせ対応ボット。日本語で返信。ただし英語で来たら英語で返信。", "Japanese", "English"),
        ("着物レンタルの予約アシスタント。日本語で返答。ただし、中国語で来たら中国語で返答。", "Japanese", "Chinese"),
        ("我们是杭州的一家茶馆。客服机器人用中文回复，但是用英语写的就用英语回复。", "Chinese", "English"),
    ],
)
def test_a_cjk_default_with_its_case_is_no_single_language(task: str, default: str, case: str) -> None:
    languages = _language(task)
    assert [(value, values) for _, value, values in languages] == [(default, [case])]
    assert f"Always reply in {default}" not in generate(Brief(task=task)).prompt


def test_a_german_case_with_no_default_takes_the_briefs_language() -> None:
    languages = _language(
        "Mieterhilfe Ost e.V. - der Chat beantwortet Fragen zur Miete. Wenn jemand auf Türkisch oder Arabisch "
        "schreibt: kurz und einfach in der Sprache antworten. Höchstens 80 Wörter."
    )
    assert [(value, values) for _, value, values in languages] == [("German", ["Turkish", "Arabic"])]


# ---- (a) the language of the review, message or e-mail answered


@pytest.mark.parametrize(
    "task",
    [
        "Asistente para responder reseñas de Google de nuestro restaurante La Brasa en Madrid. Responder en el "
        "idioma de la reseña. Máximo 80 palabras.",
        "Wir sind das Hotel Seeblick. Der Assistent schreibt Antworten auf Google-Bewertungen. Antworte immer in "
        "der Sprache der Bewertung. Höchstens 80 Wörter.",
        "Nous sommes le camping Les Pins. L'assistant répond aux avis Google. Répondre dans la langue de l'avis. "
        "80 mots maximum.",
    ],
)
def test_the_language_of_the_review_is_mirrored(task: str) -> None:
    languages = _language(task)
    assert len(languages) == 1
    assert languages[0][1] == "the user's language"
    assert "Always reply in" not in generate(Brief(task=task)).prompt


# ---- (b) a Spanish ban is never worded with an English lead, nor stated twice


@pytest.mark.parametrize("clause", ["No ofrecer descuentos.", "No dar precios por chat.", "No usar emojis."])
def test_a_spanish_ban_gets_no_english_lead(clause: str) -> None:
    texts = [rule.text for rule in find_prohibitions(clause)]
    assert texts
    assert not any(text.startswith("Avoid") for text in texts)


def test_english_bans_keep_their_english_lead() -> None:
    assert [r.text for r in find_prohibitions("No emojis.")] == ["Avoid emojis."]
    assert [r.text for r in find_prohibitions("No other text.")] == ["Avoid other text."]


def test_a_translated_spanish_ban_is_not_repeated() -> None:
    prompt = _prompt(
        "Asistente para responder reseñas de Google de nuestro restaurante La Brasa en Madrid.\nReglas:\n"
        "- No ofrecer descuentos.\n- Nunca prometer fechas.\n- Máximo 80 palabras."
    )
    assert "Avoid ofrecer" not in prompt
    assert prompt.count("descuentos") + prompt.count("discounts") == 1


# ---- (c) a bare language variant is the reply's language


@pytest.mark.parametrize(
    ("task", "name"),
    [
        ("Support bot for our bike shop in Bristol. Keep it under 250 words, UK English.", "British English"),
        ("Support bot for our bike shop. Tone: friendly, US English, no jargon.", "American English"),
        ("Support bot for our bike shop. Answer in UK English please.", "British English"),
        ("Support bot for our bike shop. Use Australian English spelling.", "Australian English"),
    ],
)
def test_a_bare_language_variant_is_a_language_constraint(task: str, name: str) -> None:
    assert [value for _, value, _ in _language(task)] == [name]


def test_us_as_a_pronoun_is_no_variant() -> None:
    assert _language("Support bot for our bike shop. Tell us in English what you need, we will reply.") == []


# ---- class 1: the children's pack yields to the brief's own reply to a child who is hurt or approached

_TRUSTED_ADULT_RULE = "tell them kindly to talk to a trusted adult"


@pytest.mark.parametrize(
    "task",
    [
        "chess tutor for our after-school club, kids 8-12 use it at home.\n- max 3 sentences per reply\n"
        '- if a kid says someone online is being mean to them or wants to meet up: "Please tell a grown-up you '
        'trust about this right now." and nothing else',
        "Lesebot für Kinder von 8 bis 12, die Kinder tippen ihre Fragen selbst. Wenn ein Kind sagt, dass es "
        "gemobbt wird: „Bitte erzähl das sofort einem Erwachsenen, dem du vertraust.“",
    ],
)
def test_the_briefs_own_safeguarding_reply_replaces_the_packs(task: str) -> None:
    prompt = _prompt(task)
    assert _TRUSTED_ADULT_RULE not in prompt


def test_without_its_own_reply_a_childrens_brief_keeps_the_trusted_adult_rule() -> None:
    prompt = _prompt("A homework helper for kids aged 8 to 11. Kids type their maths question. Be patient.")
    assert _TRUSTED_ADULT_RULE in prompt


# ---- class 6: a language said for one field of a JSON reply is that field's, not the reply's


@pytest.mark.parametrize(
    ("task", "field", "name"),
    [
        (
            "Wir prüfen Bewertungen vor der Veröffentlichung. Ausgabe NUR als JSON:\n"
            '{"entscheidung": "freigeben" | "ablehnen", "hinweis": "..."}\n'
            "Regeln:\n- Werbung -> ablehnen.\n- hinweis: höchstens 15 Wörter, für unser Team, auf Deutsch.",
            "hinweis",
            "German",
        ),
        (
            "Clasificamos los correos de la tienda. Devuelve solo JSON:\n"
            '{"categoria": "pedido" | "queja" | "otro", "nota": "..."}\n'
            "- nota: máximo 12 palabras, en inglés, para el equipo de Londres.",
            "nota",
            "English",
        ),
    ],
)
def test_a_fields_language_is_scoped_to_the_field(task: str, field: str, name: str) -> None:
    languages = _language(task)
    assert [text for text, _, _ in languages] == [f"Write the {field} field in {name}."]


def test_a_newly_named_input_language_after_even_if_keeps_the_one_reply_language() -> None:
    languages = _language(
        "Oefenpartner voor cursisten van Taalhuis Zwolle.\n- Praat altijd Nederlands, ook als de cursist in het "
        "Engels of Arabisch schrijft.\n- Stel maar één vraag per beurt."
    )
    assert [value for _, value, _ in languages] == ["Dutch"]

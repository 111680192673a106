"""Review 49 of 3982caf and ef5faee: regressions and paraphrases the round-32 leftovers and the review-48 fixes miss.

Each test is one defect, written as the behaviour a brief's author expects. All fail at ef5faee (most passed at
2abcc2d, the commit before 3982caf, or at cc587be; the rest are the same defect class in other words).
"""

from __future__ import annotations

import re

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


def _texts(result, kind: str) -> list[str]:
    return [c.text for c in result.constraints if c.kind == kind]


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


def _ids(result) -> list[str]:
    return [match.id for match in result.archetypes]


# --- foreign_rules._ACTIONS_JOINED: the Portuguese article "o" is no "or" ---------------------------------------------


@pytest.mark.parametrize(
    ("task", "english"),
    [
        ("Assistente da loja Sapatos Rio. Não prometa o reembolso. Responda em português.", "Do not promise refunds."),
        ("Assistente virtual da Clínica Vida. Nunca dê o diagnóstico. Responda em português.", "Never give diagnoses."),
        (
            "Assistente da Loja Bella Casa. Nunca mencione o concorrente. Responda em português.",
            "Never mention competitors.",
        ),
    ],
)
def test_a_portuguese_ban_with_the_article_o_still_translates(task: str, english: str) -> None:
    """'Não prometa o reembolso' has one object and no alternative: 'o' is the Portuguese article 'the', not the
    Spanish/Italian 'or'. 3982caf's _ACTIONS_JOINED splits on ' o ' and quotes every such ban instead of translating
    it (2abcc2d: 'Do not promise refunds.')."""
    assert english in _texts(_run(task), "prohibition")


# --- label_items._FULL_WIDTH_ASIDE: an aside that tells labels apart or is the code itself ----------------------------


@pytest.mark.parametrize(
    ("task", "labels"),
    [
        (
            "返品申請メールを分類するプロンプトを作ってください。\n出力：次のラベルのどれか1つだけ。\nラベル：\n"
            "- 返金（全額）\n- 返金（一部）\n- 交換\n- 対象外",
            ["返金（全額）", "返金（一部）"],
        ),
        (
            "请为退货邮件分类写一个系统提示。\n输出：下列标签之一。\n标签：\n"
            "- 退款（全额）\n- 退款（部分）\n- 换货\n- 不受理",
            ["退款（全额）", "退款（部分）"],
        ),
    ],
)
def test_labels_told_apart_by_a_full_width_aside_stay_distinct(task: str, labels: list[str]) -> None:
    """'返金（全額）' and '返金（一部）' are two labels (full and partial refund); stripping the aside leaves
    'Reply with exactly one of these labels: 返金, 返金, 交換, 対象外' - two identical labels, the distinction lost."""
    found = _texts(_run(task), "labels")
    assert any(all(label in text for label in labels) for text in found), found


@pytest.mark.parametrize(
    "task",
    [
        "問い合わせメールを分類するプロンプトを作ってください。\n出力：カッコ内のコードを1つだけ。\n分類：\n"
        "- 請求・支払い（BILLING）\n- 技術的な問題（TECH）\n- アカウント（ACCOUNT）\n- その他（OTHER）",
        "请为客服邮件分类写一个系统提示。\n输出：只输出括号里的代码。\n类别：\n"
        "- 账单问题（BILLING）\n- 技术问题（TECH）\n- 账户问题（ACCOUNT）\n- 其他（OTHER）",
    ],
)
def test_a_code_in_a_full_width_aside_is_the_label_to_reply_with(task: str) -> None:
    """'出力：カッコ内のコードを1つだけ' (output only the code in brackets): the code in the full-width aside is
    the label; 3982caf strips it and asks for the Japanese / Chinese descriptions instead."""
    found = _texts(_run(task), "labels")
    assert any(all(code in text for code in ("BILLING", "TECH", "ACCOUNT", "OTHER")) for text in found), found


# --- intake: a completed form as the conversation's product, and paraphrases of a form that arrives filled in ---------


@pytest.mark.parametrize(
    "task",
    [
        "You are the intake assistant for Moreno & Pike Immigration Law. Chat with prospective clients on our website, "
        "collect their details (name, visa type, expiry date, deadlines) and at the end output a completed intake "
        "form for the attorney.",
        "Intake chatbot for Bright Smile Dental. Ask new patients for their name, date of birth, allergies and current "
        "medications, then hand the front desk a filled-in intake form.",
    ],
)
def test_an_intake_chat_that_produces_a_completed_form_still_asks_one_question_at_a_time(task: str) -> None:
    """The bot questions the client and fills the form in itself; 3982caf's 'completed/filled-in … form' unless reads
    the record it produces as a form that arrives filled in, so the intake conversation is gone (the dental chatbot
    even becomes a data extractor)."""
    assert "one question at a time" in _run(task).prompt.lower()


@pytest.mark.parametrize(
    "task",
    [
        "You are the intake assistant for Moreno & Pike Immigration Law. We paste the web intake form exactly as the "
        "client filled it out. Produce a short attorney summary (max 5 bullets) and a client acknowledgement email "
        "(max 120 words).",
        "Intake assistant for Moreno & Pike Immigration Law. We paste the web intake form exactly as the client filled "
        "it out. Write a short attorney summary.",
    ],
)
def test_an_intake_form_pasted_as_the_client_filled_it_is_no_intake_conversation(task: str) -> None:
    """'the web intake form exactly as the client filled it out': the form arrives filled in, nobody is questioned
    (3982caf only knows 'completed / submitted / filled-in form' in that order)."""
    assert "one question at a time" not in _run(task).prompt.lower()


# --- role-play: a loan's or a sale's simulation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        'Quero um prompt para a "Cora", assistente virtual da Cooperativa Serra Verde. Ela atende associados que '
        "querem renegociar dívidas. Antes de qualquer simulação de negociação, valide a identidade com CPF e código "
        "SMS. Sempre mostre o CET e o valor total. Responda em português.",
        "Assistente virtual da concessionária AutoSul. Ajuda clientes a entender o financiamento de carros: faz a "
        "simulação de venda parcelada (entrada, número de parcelas, taxa) e explica o CET. Responda em português.",
        "Assistente virtual do plano de saúde VidaMais. Faz a simulação de consulta de reembolso: o beneficiário "
        "informa o valor pago e você calcula quanto será reembolsado. Responda em português.",
    ],
)
def test_a_debt_or_instalment_simulation_is_no_role_play(task: str) -> None:
    """A debt deal's 'simulação de negociação', an instalment plan's 'simulação de venda parcelada', a refund's
    'simulação de consulta de reembolso' are calculations, like the loan's 'simulação' 3982caf fixed; its list of
    conversation nouns still takes 'negociação', 'venda' and 'consulta' for a scene to play."""
    assert "roleplay_interviewer" not in _ids(_run(task))


# --- _colon_case / _CONTACT_NAME: a complaint about a service is a case -----------------------------------------------


@pytest.mark.parametrize(
    ("task", "contact", "case_word"),
    [
        (
            "Support bot for Acme Outdoor. Complaints about the delivery service: email claims@acme-outdoor.com. "
            "Answer questions about orders.",
            "claims@acme-outdoor.com",
            "complaint",
        ),
        (
            "Support bot for Harbour Gym. Billing errors on the website: email billing@harbourgym.com. Be upbeat.",
            "billing@harbourgym.com",
            "billing error",
        ),
        (
            "Chatbot de la tienda Zapatos Sol. Quejas sobre el servicio de entrega: escribe a "
            "reclamaciones@zapatossol.es. Responde en español.",
            "reclamaciones@zapatossol.es",
            "quejas",
        ),
        (
            "Assistant pour la boutique Lumière. Adresse de livraison erronée : écrivez à sav@lumiere.fr. "
            "Réponds en français.",
            "sav@lumiere.fr",
            "erronée",
        ),
        (
            "Assistente da loja Casa Rio. Reclamações sobre o atendimento: escreva para ouvidoria@casario.com.br. "
            "Responda em português.",
            "ouvidoria@casario.com.br",
            "reclamações",
        ),
        (
            "Assistente per il negozio Bella. Reclami sul servizio di consegna: scrivi a reclami@bella.it. "
            "Rispondi in italiano.",
            "reclami@bella.it",
            "consegna",
        ),
    ],
)
def test_a_complaint_about_a_service_before_a_colon_stays_the_condition(
    task: str, contact: str, case_word: str
) -> None:
    """'Complaints about the delivery service: email claims@…' is a case like 'Damaged deliveries:'; ef5faee's
    _CONTACT_NAME sees 'service' / 'website' / 'atendimento' / 'adresse' and makes the contact the catch-all 'When you
    cannot help' (2abcc2d kept the case)."""
    fallbacks = [text for text in _texts(_run(task), "fallback") if contact in text]
    assert fallbacks
    assert all(case_word in text.lower() for text in fallbacks), fallbacks


@pytest.mark.parametrize(
    ("task", "label", "contact"),
    [
        (
            "Support bot for Acme Outdoor. Customer service over WhatsApp: +44 7700 900123. Answer questions about "
            "orders and returns.",
            "customer service over whatsapp",
            "+44 7700 900123",
        ),
        (
            "Chatbot für den Fahrradladen Brandt. Kundenservice über WhatsApp: 0171 2345678. Antworte auf Deutsch.",
            "kundenservice über whatsapp",
            "0171 2345678",
        ),
        (
            "Chatbot für den Fahrradladen Brandt. Unser Team erreichen Sie über WhatsApp: 0171 2345678. Antworte auf "
            "Deutsch.",
            "unser team erreichen sie",
            "0171 2345678",
        ),
    ],
)
def test_a_contact_reached_over_a_channel_is_no_condition(task: str, label: str, contact: str) -> None:
    """'Customer service over WhatsApp:', 'Kundenservice über WhatsApp:': 'over' / 'über' say how the contact is
    reached, not when; ef5faee's _SITUATION takes them for a situation and writes 'For customer service over
    WhatsApp, tell the user to …' / 'When this applies ("Kundenservice über WhatsApp")' (as 2abcc2d did)."""
    fallbacks = [text for text in _texts(_run(task), "fallback") if contact in text]
    assert not any(label in text.lower() for text in fallbacks), fallbacks


@pytest.mark.parametrize(
    ("task", "contact"),
    [
        (
            "Assistant pour la boutique Lumière. Service client par WhatsApp : 06 12 34 56 78. Réponds en français.",
            "06 12 34 56 78",
        ),
        (
            "Assistente da loja Casa Rio. Atendimento pelo WhatsApp: (21) 99999-1234. Responda em português.",
            "(21) 99999-1234",
        ),
        (
            "Chatbot de la tienda Zapatos Sol. Atención al cliente por WhatsApp: 600 123 456. Responde en español.",
            "600 123 456",
        ),
        (
            "Assistente per il negozio Bella. Servizio clienti su WhatsApp: 333 123 4567. Rispondi in italiano.",
            "333 123 4567",
        ),
        (
            "Chatbot voor de fietsenwinkel. Klantenservice via WhatsApp: 06 12345678. Antwoord in het Nederlands.",
            "06 12345678",
        ),
        (
            "Support bot for Acme Outdoor. Customer care team on WhatsApp: +44 7700 900123. Answer questions about "
            "orders and returns.",
            "+44 7700 900123",
        ),
    ],
)
def test_a_support_contact_on_whatsapp_is_still_where_the_user_is_sent(task: str, contact: str) -> None:
    """The brief's only human contact is its service desk on WhatsApp; ef5faee rejects the label as a case and then
    drops the contact from the fallbacks altogether (2abcc2d: 'tell the user to message … on WhatsApp'), so the
    escalation rule says 'how to reach the team, if these instructions say' with no number."""
    assert any(contact in text for text in _texts(_run(task), "fallback"))


@pytest.mark.parametrize(
    ("task", "label", "contact"),
    [
        (
            "Assistant for Riverside Dental. Opening times: Monday to Friday 9-5, call 01632 960123 to book. "
            "Be friendly.",
            "opening times",
            "01632 960123",
        ),
        (
            "Assistant du cabinet dentaire Soleil. Heures d'ouverture : du lundi au vendredi, appelez le "
            "01 23 45 67 89 pour un rendez-vous. Réponds en français.",
            "heures d'ouverture",
            "01 23 45 67 89",
        ),
        (
            "Assistent voor Tandartspraktijk Zon. Onze openingstijden: maandag t/m vrijdag, bel 020 123 4567 voor "
            "een afspraak. Antwoord in het Nederlands.",
            "openingstijden",
            "020 123 4567",
        ),
        (
            "Assistente per lo Studio Dentistico Sole. Orari di apertura: dal lunedì al venerdì 9-18, chiamare lo "
            "06 1234 5678 per prenotare. Rispondi in italiano.",
            "orari di apertura",
            "06 1234 5678",
        ),
        (
            "Assistente da Clínica Vida. Horário de funcionamento: segunda a sexta, das 8h às 18h, ligue "
            "(21) 3333-4444 para marcar. Responda em português.",
            "horário de funcionamento",
            "(21) 3333-4444",
        ),
    ],
)
def test_opening_hours_before_a_colon_are_no_condition(task: str, label: str, contact: str) -> None:
    """'Opening times:', 'Heures d'ouverture :', 'Onze openingstijden:' label the hours; ef5faee's two-word case and
    its contact list (which knows 'hours' and 'horario', not 'times', 'heures', 'openingstijden', 'orari' or
    'horário') make 'For opening times, tell the user to call …'."""
    fallbacks = [text for text in _texts(_run(task), "fallback") if contact in text]
    assert not any(label in text.lower() for text in fallbacks), fallbacks


# --- _bare_in_context: a heading before a colon is no case ------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "heading", "ban"),
    [
        (
            "Support bot for Acme Outdoor. Answer questions about orders and returns. Privacy: never ask for "
            "passwords or card numbers.",
            "Privacy",
            "Never ask for passwords or card numbers.",
        ),
        (
            "Support bot for Acme Outdoor. Answer questions about orders and returns. Safety: never give medical "
            "advice.",
            "Safety",
            "Never give medical advice.",
        ),
        (
            "Support bot for Acme Outdoor. Answer questions about orders and returns. Hard rule: never promise a "
            "refund.",
            "Hard rule",
            "Never promise a refund.",
        ),
        (
            "Support bot for Acme Outdoor. Answer questions about orders and returns. Very important: never promise a "
            "refund.",
            "Very important",
            "Never promise a refund.",
        ),
        (
            "Support bot for Acme Outdoor. Answer questions about orders and returns. Style guide: do not use "
            "exclamation marks.",
            "Style guide",
            "Do not use exclamation marks.",
        ),
    ],
)
def test_a_heading_before_a_colon_is_no_case_of_the_ban(task: str, heading: str, ban: str) -> None:
    """'Privacy: never ask for passwords' holds always; the heading names its topic. ef5faee keeps any ban after
    '<words>:' whole as if the words were a case ('Privacy: never ask for passwords or card numbers.', next to the
    pack's own 'Never ask for passwords or full card numbers.'); 2abcc2d wrote the ban."""
    bans = _texts(_run(task), "prohibition")
    assert ban in bans, bans
    assert not any(text.startswith(heading) for text in bans), bans


# --- output: a layout for one case only -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "case_line"),
    [
        (
            'You are "Dana", a tough landlord in a practice negotiation with a tenant asking for a rent reduction. '
            "The user is the tenant. Stay in character, 1-3 sentences per turn.\n"
            "If the user types any word in capitals like STOP, drop the character and give feedback in exactly this "
            "form:\nWhat worked: (one sentence)\nMissed: (one sentence)\nScore: x/10",
            "What worked",
        ),
        (
            "Booking assistant for Casa Luna restaurant. Help guests book tables, 1-2 sentences per reply.\n"
            "If all tables are taken, reply in exactly this form:\nFully booked: (date and time)\n"
            "Next free slot: (date and time)\nWaitlist: (yes or no)",
            "Fully booked",
        ),
        (
            "Booking assistant for Casa Luna restaurant. Help guests book tables, 1-2 sentences per reply.\n"
            "If nothing is free that evening, reply in exactly this form:\nFully booked: (date and time)\n"
            "Next free slot: (date and time)\nWaitlist: (yes or no)",
            "Fully booked",
        ),
        (
            "Order-tracking bot for ShopCo. Answer questions about deliveries in 2 short sentences.\n"
            "If you can't find the order, reply in exactly this form:\nOrder not found: (the number they gave)\n"
            "Check: (one thing to check)\nContact: help@shopco.com",
            "Order not found",
        ),
        (
            "Pizza ordering bot for Luigi's. Chat with customers in 1-2 sentences.\n"
            "Once everything is confirmed, reply in exactly this form:\nOrder: (items)\nTotal: (price)\n"
            "Ready at: (time)",
            "Ready at",
        ),
    ],
)
def test_a_layout_for_one_case_is_not_every_replys_even_with_any_all_or_nothing(task: str, case_line: str) -> None:
    """'If all tables are taken', 'If nothing is free', 'If you can't find the order', 'Once everything is
    confirmed', 'If the user types any word …': one case each. ef5faee's _CASE_INTRO takes any intro holding
    'any' / 'all', any '-ing' word ('nothing', 'everything') or 'you can' ('can't') for every reply, so every chat
    turn must be the case's keyed lines (2abcc2d kept the chat format)."""
    assert case_line not in _output(_run(task).prompt)


# --- output: a slot-opening line under a format heading ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "template"),
    [
        (
            "Code review bot for our Python repo. Review the diff the user pastes.\nFormat:\n"
            "<file>:<line> | <severity> | <problem> | <fix>",
            "<file>:<line> | <severity>",
        ),
        (
            "Bot de revisión de código para nuestro repositorio. Revisa el diff que pega el usuario. Responde en "
            "español.\nFormato de salida:\n<archivo>:<línea> | <gravedad> | <problema> | <solución>",
            "<archivo>:<línea> | <gravedad>",
        ),
        (
            "Code-Review-Bot für unser Repository. Prüfe den Diff, den der Nutzer einfügt. Antworte auf Deutsch.\n"
            "Ausgabe:\n<Datei>:<Zeile> | <Schwere> | <Problem> | <Lösung>",
            "<Datei>:<Zeile> | <Schwere>",
        ),
        (
            "Bot de revue de code pour notre dépôt. Relis le diff que colle l'utilisateur. Réponds en français.\n"
            "Format de sortie :\n<fichier>:<ligne> | <gravité> | <problème> | <correctif>",
            "<fichier>:<ligne> | <gravité>",
        ),
        (
            "ユーザーが貼り付けたdiffをレビューするボット。日本語で答えて。\n出力形式：\n"
            "<ファイル>:<行> | <重大度> | <問題> | <修正案>",
            "<ファイル>:<行> | <重大度>",
        ),
        (
            "Expense classifier. For every bank line I paste, give one line.\nUse this format:\n"
            "<date> | <merchant> | <category> | <amount>",
            "<date> | <merchant>",
        ),
    ],
)
def test_a_slot_line_under_a_format_heading_is_the_replys_line(task: str, template: str) -> None:
    """'Format:', 'Formato de salida:', 'Ausgabe:', '出力形式：' introduce the reply's line; ef5faee's _reply_line
    keeps a slot-opening template only when the intro says 'output', 'reply', 'findings' … in English, so these fall
    back to the archetype's default layout (2abcc2d: 'One line per item, in exactly this form: …')."""
    assert template in _output(_run(task).prompt)


# --- assistant name: the bot is the booking / sales / virtual assistant -----------------------------------------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            'I need a prompt for "Mia", the booking assistant for our hair salon. She helps clients book and move '
            "appointments.",
            "Mia",
        ),
        (
            'Create "Ava", the sales assistant for our online shoe shop. She helps customers find the right size and '
            "style.",
            "Ava",
        ),
        (
            'Write a system prompt for "Leo", the virtual assistant at Riverside Dental. He answers patient questions '
            "about opening hours and treatments.",
            "Leo",
        ),
        (
            'Build "Sofia", the AI assistant of Hotel Bella, who answers guest questions about rooms and breakfast.',
            "Sofia",
        ),
        ('Make a prompt for "Ollie", a chatbot to answer questions about our bike rentals.', "Ollie"),
        (
            'Create a prompt for "Tess", the travel agent bot of Sunway Tours. It suggests trips and answers questions '
            "about bookings.",
            "Tess",
        ),
        (
            'Need a prompt for "Pip", the office assistant bot for our co-working space, answering questions about '
            "desks and Wi-Fi.",
            "Pip",
        ),
    ],
)
def test_a_quoted_name_before_the_bot_it_is_still_names_the_assistant(task: str, name: str) -> None:
    """'"Mia", the booking assistant for our hair salon', '"Leo", the virtual assistant at Riverside Dental',
    '"Ollie", a chatbot to answer …': the name is the bot's. ef5faee's exclusions ('booking', 'sales', 'office',
    'travel' before the noun; 'at', 'of', 'to' after it) drop it (2abcc2d: 'You are Mia, …')."""
    role = _run(task).spec.role
    assert role.startswith(f"You are {name}"), role


# --- role-play: the assistant providing feedback supplies no material -------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        'You are "Dana Whitcombe", head of procurement at a mid-size hospital group, in a practice negotiation with '
        "a sales rep who is trying to renew a staff-scheduling software contract at a 12% price increase. The user is "
        "the rep.\nStay in character, 1-3 sentences per turn, no coaching during the role-play. At the end, provide "
        "feedback on what worked.",
        'You are "Dana Whitcombe", head of procurement at a mid-size hospital group, in a practice negotiation with '
        "a sales rep who is trying to renew a staff-scheduling software contract at a 12% price increase. The user is "
        "the rep.\nStay in character, 1-3 sentences per turn. At the end, provide three tips for next time.",
        "Role-play for support trainees. You are a tough customer who just received an invoice with a wrong amount; "
        "the trainee is the support agent. Provide realistic pushback, one message at a time.",
        "Role-play for new paralegals: you are a landlord who emails about a tenancy dispute over the deposit. Stay "
        "in character and provide short, realistic replies.",
    ],
)
def test_a_role_play_that_provides_feedback_takes_no_material_slot(task: str) -> None:
    """'provide feedback', 'provide realistic pushback': the character provides them, nobody supplies the contract,
    invoice or e-mail of the scene. ef5faee's _SUPPLIED matches any 'provide' and brings back {{document}},
    {{invoice}}, {{email}} (2abcc2d: no slot)."""
    assert not re.search(r"\{\{(?:document|invoice|email)\}\}", _run(task).prompt)


# --- role-play: rehearsing one's own medical situation ----------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Play a pharmacist so I can practise asking about my new blood pressure medication before I go to the "
        "pharmacy tomorrow. Stay in character.",
        "Role-play my doctor so I can rehearse asking about the side effects of my insulin and the dizzy spells I get "
        "after injecting. Stay in character.",
        "Play a nurse on a health hotline so I can practise describing my son's asthma symptoms before I call for "
        "real. Stay in character.",
        "Role-play a pharmacist so I can practise asking whether I can take ibuprofen with my blood thinners. Stay in "
        "character.",
    ],
)
def test_a_role_play_about_the_users_own_health_keeps_the_emergency_rule(task: str) -> None:
    """The user rehearses their own real condition (dizzy spells on insulin, a son's asthma): if they describe an
    emergency mid-scene, the assistant must send them to the emergency number. ef5faee's plays_a_character drops
    the medical pack from every role-play (cc587be kept it)."""
    assert "emergency number" in _run(task).prompt.lower()


# --- limits._PER_REPLY: 'per email address' is the business's cap -----------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Chatbot for the Riverside Theatre box office. Answer questions about shows. Max 4 tickets per email address, "
        "no exceptions.",
        "Support bot for Festival Nord. Explain that each buyer can get max 6 tickets per email account, and answer "
        "questions about the line-up.",
        "Hotel booking assistant for Casa Azul. Guests can book up to 3 rooms per email confirmation; larger groups go "
        "to groups@casaazul.com.",
    ],
)
def test_a_cap_per_email_address_is_no_reply_limit(task: str) -> None:
    """'Max 4 tickets per email address' is how many tickets a buyer may get, not how many a reply lists; ef5faee's
    _PER_REPLY matches 'per email' and writes 'Keep to at most 4 tickets per email.'."""
    limits = _texts(_run(task), "limit")
    assert not any("per email" in text for text in limits), limits


# --- labels: 'I'll send you X and you put it in A, B or C' ------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "labels"),
    [
        (
            "Ticket router. I'll send you a support email and you put it in BILLING, TECH or ACCOUNT, nothing else.",
            ["BILLING", "TECH", "ACCOUNT"],
        ),
        (
            "Review sorter. We'll paste a review and you assign it POSITIVE, NEGATIVE or MIXED.",
            ["POSITIVE", "NEGATIVE", "MIXED"],
        ),
        ("Lead scorer. I'll give you a lead's notes and you write back HOT, WARM or COLD.", ["HOT", "WARM", "COLD"]),
        ("Spam filter for our forum. I'll paste a post and you give me SPAM or OK, nothing else.", ["SPAM", "OK"]),
        (
            "Ticket router. I'll send you a support email; file it under BILLING, TECH or ACCOUNT, nothing else.",
            ["BILLING", "TECH", "ACCOUNT"],
        ),
    ],
)
def test_labels_to_put_an_input_in_after_ill_send_you_are_a_label_set(task: str, labels: list[str]) -> None:
    """'you put it in BILLING, TECH or ACCOUNT', 'you assign it …', 'you write back …', 'you give me SPAM or OK':
    the same choice as 'you answer …', which ef5faee's _JUDGING now accepts; these still lose the label set."""
    found = _texts(_run(task), "labels")
    assert any(all(label in text for label in labels) for text in found), found


# --- marketing: tap-list descriptions with no writing verb ------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "I need tap-list descriptions for the menu board at Hop House, one punchy line per beer.",
        "Tap-list descriptions for the menu board at Hop House, one punchy line per beer.",
    ],
)
def test_tap_list_descriptions_asked_for_without_write_are_copywriting(task: str) -> None:
    """'I need tap-list descriptions for the menu board': the descriptions are to be written; ef5faee requires a
    writing verb before them, so the brief becomes a general assistant (2abcc2d: marketing copy)."""
    assert "marketing_copy" in _ids(_run(task))


# --- data: 'pinned to a version or digest' ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Dockerfile reviewer for our platform team. Flag any FROM line that is not pinned to a version or digest, any "
        "secret in ENV, and running as root. One finding per line.",
        "Review our Kubernetes manifests. Every image must be pinned by version or digest; flag anything using "
        ":latest. Keep findings short.",
    ],
)
def test_an_image_pinned_to_a_version_or_digest_is_no_digest_to_write(task: str) -> None:
    """An image's digest is a hash; ef5faee narrowed the lookbehind to 'tag or digest', so 'version or digest'
    blends a summariser into a Dockerfile reviewer again."""
    assert "summarization" not in _ids(_run(task))


# --- non_bans._GERUND_CASE: a practice to flag, with 'never' / 'don't' in its parenthesis -----------------------------


@pytest.mark.parametrize(
    ("task", "not_a_ban"),
    [
        (
            "Code review bot for our Django app. Look for:\n- logging personal data (never log emails or names)\n"
            "- catching bare exceptions (don't swallow errors)\nKeep it short.",
            "swallow errors",
        ),
        (
            "Security reviewer for pull requests. Flag:\n- storing passwords in plain text (never store them "
            "unhashed)\n- disabling CSRF checks (don't turn them off for convenience)\nOne finding per line.",
            "unhashed",
        ),
        (
            "Terraform reviewer. Watch out for:\n- opening port 22 to the world (never use 0.0.0.0/0)\n"
            "- hardcoding credentials (don't put keys in variables)",
            "keys in variables",
        ),
    ],
)
def test_a_parenthesis_on_a_practice_to_flag_is_no_ban_on_the_reviewer(task: str, not_a_ban: str) -> None:
    """'- storing passwords in plain text (never store them unhashed)' describes what to flag in the code; ef5faee
    skips such a parenthesis only for 'no' / 'not', so the reviewer is told 'Never store them unhashed.' and 'Do not
    turn them off for convenience.' (2abcc2d: no ban)."""
    bans = _texts(_run(task), "prohibition")
    assert not any(not_a_ban in text for text in bans), bans

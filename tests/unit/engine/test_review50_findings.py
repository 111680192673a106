"""Review 50 of 6f7a388, 8a8599f and 264baab: regressions and paraphrases the round-32 leftovers and the review-49
fixes miss.

Each test is one defect, written as the behaviour a brief's author expects. All fail at 264baab (most passed at
cc587be or at 8a8599f, the commit before 264baab; the rest are the same defect class in other words).
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


def _texts(result, kind: str) -> list[str]:
    return [c.text for c in result.constraints if c.kind == kind]


def _section(prompt: str, tag: str) -> str:
    if f"<{tag}>" not in prompt:
        return ""
    return prompt.split(f"<{tag}>")[1].split(f"</{tag}>")[0]


def _ids(result) -> list[str]:
    return [match.id for match in result.archetypes]


# --- archetype_leads.draft_leads_its_label: a drafting job someone else does is no drafting job of the assistant ------


@pytest.mark.parametrize(
    "task",
    [
        "You are the email triage classifier for Holt Insurance. Read each incoming customer email and classify it "
        "into exactly one category:\n- CLAIM\n- POLICY_CHANGE\n- BILLING\n- COMPLAINT\n- OTHER\nOutput only the "
        "category. Do not draft replies; the claims team drafts a reply to each email after routing.",
        "Label each support email BILLING, TECHNICAL or OTHER. Agents draft replies to the emails afterwards; you "
        "only pick the label.",
        "Route each email to SALES, SUPPORT or BILLING. Reply with just the team name. The team then drafts the reply.",
        "Label each support ticket with its priority: P1, P2, P3 or P4. Output just the label. Agents will draft a "
        "reply once the ticket is prioritised.",
        "Sentiment classifier for app store reviews. Labels: POSITIVE, NEGATIVE, NEUTRAL. Return only the label. "
        "(We use a separate tool that drafts replies to reviews.)",
        "Intent classifier: for each chat message return exactly one of ORDER_STATUS, RETURN, PAYMENT, OTHER. A "
        "separate bot drafts the reply to the message.",
    ],
)
def test_a_label_only_classifier_whose_replies_others_draft_stays_a_classifier(task: str) -> None:
    """The brief's assistant only labels; the drafting is the agents' ('the claims team drafts a reply', 'a separate
    bot drafts the reply') or forbidden outright ('Do not draft replies'). 8a8599f's draft_leads_its_label promotes
    the reply writer anyway: 'You are a reply writer … Draft the reply to the email', the output 'The reply, ready to
    send: greeting, body and sign-off' (cc587be: classification primary)."""
    result = _run(task)
    assert _ids(result)[0] == "classification", _ids(result)
    assert "Draft the reply" not in result.prompt
    assert "ready to send" not in _section(result.prompt, "output_format")


# --- limits._RULES_FOR_PART: 'rules for you / the bot' name no part of the reply --------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Rules for the assistant: max 60 words per reply, always polite. You are the chat assistant of Café Rosa.",
        "Chatbot for Café Rosa. Rules for the bot: max 60 words per reply, friendly.",
        "Chatbot de Café Rosa. Regels voor jou: max 60 woorden per antwoord, altijd beleefd.",
        "Chatbot du Café Rosa. Règles pour toi : 60 mots maximum par message, vouvoiement.",
        "Chatbot des Café Rosa. Regeln für dich: maximal 60 Wörter pro Antwort, immer höflich.",
    ],
)
def test_rules_for_the_assistant_limit_the_reply_not_the_assistant(task: str) -> None:
    """'Rules for the bot: max 60 words per reply' / 'Regels voor jou: max 60 woorden per antwoord' are the reply's
    cap. 8a8599f's _RULES_FOR_PART takes the addressee for a part of the reply: 'Keep the bot to at most 60 words.',
    'Keep the jou …', 'Keep the toi …', 'Keep the dich …' (cc587be: 'Keep the reply to at most 60 words.')."""
    limits = _texts(_run(task), "limit")
    assert "Keep the reply to at most 60 words." in limits, limits


# --- limits._LINE_AFTER_PART: 'Read X, then one line: …' is the whole reply -----------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Code review bot for our PRs. Read the diff, then one line: APPROVE or REQUEST_CHANGES with the main reason.",
        "Study the student's answer, then one line: correct or incorrect, and why.",
        "Expense claim checker. Read the receipt and the claim, then one line: APPROVE or REJECT and the reason.",
    ],
)
def test_then_one_line_after_reading_the_input_is_a_one_line_reply(task: str) -> None:
    """'Read the diff, then one line: APPROVE or …': reading is no part of the reply; the one line is all of it.
    6f7a388 drops the limit whenever 'then' precedes 'one line', so the code reviewer's default 'a one-sentence
    summary, then a numbered list of findings' and a moderator's JSON object come back (cc587be kept the one line)."""
    output = _section(_run(task).prompt, "output_format").lower()
    assert "one line" in output or "1 line" in output, output


# --- limits._LINE_AFTER_PART: other words for one more line after the bullets -----------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        'At the end, one line: "Votes: " then each vote, separated by "; "',
        'Close with one line: "Votes: " then each vote, separated by "; "',
        "Underneath them, one line listing each vote as motion (yes-no-abstain)",
    ],
)
def test_one_more_line_after_the_bullets_is_no_one_line_reply(closing: str) -> None:
    """The same council-minutes layout as round 32's: six bullets and one closing line. Only 'After/below/under the
    <noun>' and 'then' are read as one more line; 'At the end, one line', 'Close with one line', 'Underneath them,
    one line' still give 'Reply in exactly 6 bullets. … Reply in exactly 1 line.' - two limits that cannot both hold."""
    task = (
        "It summarises city council meeting transcripts for the Fenwick Ledger.\n"
        f"- Exactly 6 bullets, max 20 words per bullet\n- {closing}"
    )
    prompt = _run(task).prompt
    assert "Reply in exactly 6 bullets." in prompt
    assert "Reply in exactly 1 line" not in prompt


# --- rule_lines._PART_OF_REPLY: background facts with 'first' or 'If …: "…"' are no rules -----------------------------


@pytest.mark.parametrize(
    ("task", "fact"),
    [
        (
            "Assistant for the Rivera Dental clinic. The newest patients first fill in a health form at reception. "
            "Answer questions about appointments and prices.",
            "newest patients first fill in a health form",
        ),
        (
            'Chatbot for our bakery. When we opened in 2019: "Crumbs" was our first name. Answer questions about '
            "orders and opening hours.",
            '"Crumbs" was',
        ),
        (
            "Support bot for Nordlys Outdoor. If you are curious about our name: 'Nordlys' means northern lights. "
            "Answer questions about orders and returns.",
            "'Nordlys' means northern lights",
        ),
    ],
)
def test_background_facts_shaped_like_reply_parts_stay_background(task: str, fact: str) -> None:
    """'The newest patients first fill in a health form', 'When we opened in 2019: "Crumbs" was our first name' are
    facts about the business, not parts of the reply. 6f7a388's _PART_OF_REPLY matches any '<superlative> … first'
    and any 'If/When …: "…"' and numbers them among the instructions (cc587be: 'From the brief: …' in the context)."""
    prompt = _run(task).prompt
    assert fact not in _section(prompt, "instructions")


# --- safety.detect._ADULTS_STATED: adults among the clients do not make the children who chat adults ------------------


@pytest.mark.parametrize(
    "task",
    [
        "Chatbot for Splash Swim School (lessons for children from 4 and adults). Kids and parents both chat with it "
        "to ask about their lessons.",
        "Chatbot de l'école de natation Splash (cours pour enfants dès 5 ans et adultes). Les enfants l'utilisent "
        "aussi pour poser des questions sur leurs cours.",
        "Quiz bot for our museum's workshops. Visitors are children from 7 and adults; the children answer the quiz "
        "questions themselves on the tablet.",
    ],
)
def test_children_who_chat_keep_the_child_safety_rules_beside_adults(task: str) -> None:
    """'children from 4 and adults' says who the lessons are for; the brief then says the kids chat themselves.
    8a8599f's _ADULTS_STATED reads the pair as 'the readers are adults' and drops the child pack (cc587be kept
    'Never ask for or keep a child's personal information …')."""
    assert "child's personal information" in _run(task).prompt


# --- fallbacks._SITUATION: a contact named after the problem it handles is still a contact --------------------------


@pytest.mark.parametrize(
    ("task", "name", "address"),
    [
        (
            "Support bot for Holt Insurance. Claims team: claims@holt.example, 0800 555 0101. Answer questions "
            "about policies.",
            "claims team",
            "claims@holt.example",
        ),
        (
            "Chat assistant for the Grand Hotel. Lost property office: lostproperty@grandhotel.example. Answer guest "
            "questions about rooms and facilities.",
            "lost property office",
            "lostproperty@grandhotel.example",
        ),
        (
            "Assistant for Nordwind Airlines. Lost luggage desk: baggage@nordwind.example. Answer questions about "
            "bookings.",
            "lost luggage desk",
            "baggage@nordwind.example",
        ),
        (
            "Support bot for Ferro Electronics. Returns and damaged goods team: returns@ferro.example. Answer "
            "questions about orders.",
            "damaged goods team",
            "returns@ferro.example",
        ),
        (
            "Asistente de Seguros Sol. Departamento de siniestros: siniestros@sol.example. Responde preguntas sobre "
            "pólizas.",
            "departamento de siniestros",
            "siniestros@sol.example",
        ),
    ],
)
def test_a_contact_named_after_its_problem_is_where_people_are_sent(task: str, name: str, address: str) -> None:
    """'Claims team:', 'Lost property office:', 'Departamento de siniestros:' name a contact. 264baab's problem words
    ('claims', 'lost', 'damaged') make them cases: 'For claims team, tell the user to email …', 'When this applies
    ("Departamento de siniestros"), …' - and the escalation rule loses the address (cc587be: 'When you cannot help,
    tell the user to email …')."""
    fallbacks = _texts(_run(task), "fallback")
    assert any(address in text for text in fallbacks), fallbacks
    assert not any(name in text.lower() for text in fallbacks), fallbacks


# --- foreign_rules._PORTUGUESE: a Spanish 'una fecha o un …' is still two alternatives -------------------------------


@pytest.mark.parametrize(
    ("task", "words"),
    [
        (
            "Asistente de la tienda Zapatos Sol. No prometa una fecha o un reembolso. Responde en español.",
            ("fecha", "date"),
        ),
        (
            "Asistente de la tienda Muebles Luna. Nunca prometas una fecha de entrega o un reembolso. Responde en "
            "español.",
            ("fecha", "date"),
        ),
        (
            "Asistente de la Clínica Sonrisa. No confirme una cita o un diagnóstico por chat. Responda en español.",
            ("cita", "appointment"),
        ),
        (
            "Asistente del Taller Ruiz. Nunca garantice una fecha o un precio final. Responda en español.",
            ("fecha", "date"),
        ),
    ],
)
def test_a_spanish_ban_on_two_alternatives_keeps_both(task: str, words: tuple[str, ...]) -> None:
    """'No prometa una fecha o un reembolso' bans promising a date or a refund. 264baab's _PORTUGUESE takes any
    '<word ending in a/e> o <word>' ('fecha o un') for Portuguese, stops splitting on 'o', and translates the one
    object it knows: 'Do not promise refunds.', 'Never give prices.', 'Do not mention diagnoses.' - the date and the
    appointment are gone (8a8599f quoted the ban whole)."""
    bans = _texts(_run(task), "prohibition")
    assert any(any(word in text.lower() for word in words) for text in bans), bans


# --- assistant_name._NAME_APPOSITIVE: a person's trade is no assistant's name -----------------------------------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        ('Draft follow-up emails to leads for "Tom", our sales agent, to check and send.', "Tom"),
        ('Write reply suggestions for "Sue", our office assistant, who answers the phone and the inbox.', "Sue"),
        ('We need summaries of each viewing for "Priya", the letting agent who handles the flat.', "Priya"),
        ('Prepare shipment notices for "Karl", the shipping agent at the port, in plain English.', "Karl"),
        ('Write a daily briefing for "Mark", the property agent responsible for the Elm Street block.', "Mark"),
    ],
)
def test_a_person_with_an_agent_trade_does_not_name_the_assistant(task: str, name: str) -> None:
    """'for "Tom", our sales agent' is the person the emails are for. 264baab dropped sales, letting, property,
    shipping, office … from the trades before 'agent'/'assistant', so the prompt opens 'You are Tom, an email
    writer.' (cc587be: no name)."""
    assert f"You are {name}" not in _run(task).prompt


# --- variables._SUPPLIED: 'we send new hires', 'I give this exercise' supply no material -----------------------------


@pytest.mark.parametrize(
    ("task", "slot"),
    [
        (
            "You play a hotel guest whose email about a booking went unanswered, and our front-desk trainees calm "
            "you down. We send new hires through this practice in their first week.",
            "{{email}}",
        ),
        (
            "Play a frustrated tenant calling about a repair ticket that has been open for three weeks. I give this "
            "exercise to all new housing officers.",
            "{{ticket}}",
        ),
        (
            "Role-play a journalist interviewing our CEO about a leaked internal document. We share this drill with "
            "the comms team every quarter.",
            "{{document}}",
        ),
    ],
)
def test_a_scene_s_material_is_no_input_when_nothing_is_supplied(task: str, slot: str) -> None:
    """The email, the ticket and the document are the character's business; nobody pastes them. 264baab's _SUPPLIED
    makes 'will' optional and adds 'provide', so 'We send new hires …', 'I give this exercise …', 'We share this
    drill …' read as material supplied, and the scene's thing becomes an input slot again (8a8599f: none)."""
    assert slot not in _run(task).prompt


# --- compose._OWN_SITUATION: 'our case studies', 'our debt collection guidelines' are no user's own case ------------


@pytest.mark.parametrize(
    ("task", "pack"),
    [
        (
            "You are Dana, head of procurement at a hospital group, negotiating the renewal of our patient-record "
            "software licence with our sales reps. Stay in character. Our case studies are based on real deals.",
            "call their local emergency number",
        ),
        (
            "Play a bank customer who is behind on a loan so our new collections staff can practise the call. Use "
            "our debt collection guidelines. Stay in character.",
            "financial adviser",
        ),
        (
            "Role-play a patient's relative complaining to a hospital receptionist about parking fees, so our "
            "front-desk trainees can practise. Base it on our case files. Stay in character.",
            "call their local emergency number",
        ),
    ],
)
def test_a_practice_scene_about_the_business_gets_no_advice_pack(task: str, pack: str) -> None:
    """Dana's scene is the one the code's own comment gives as a practice scene with no advice. 264baab's
    _OWN_SITUATION reads 'our case studies', 'our case files' and 'our debt collection guidelines' as the user
    rehearsing their own medical or money case and puts the health and money advice rules back (8a8599f: none)."""
    assert pack not in _run(task).prompt


# --- roleplay features: a Portuguese 'simulação de negociação / de venda' is still a role-play ----------------------


@pytest.mark.parametrize(
    "task",
    [
        "Quero um assistente para treinar a minha equipa comercial: simulação de negociação com um comprador "
        "exigente de uma rede de supermercados. O bot é o comprador.",
        "Preciso de um prompt para simulação de negociação salarial: o bot é o gestor de RH e eu pratico pedir um "
        "aumento.",
        "Bot para simulação de venda consultiva: os vendedores novos treinam a abordagem e o bot responde como o "
        "cliente.",
    ],
)
def test_a_portuguese_sales_or_negotiation_simulation_is_a_role_play(task: str) -> None:
    """A negotiation or sales conversation simulated for trainees is a role-play. 264baab removed 'venda' and
    'negociação' from the role-play feature and stopped the lexicon's 'simula' before 'ção' (to spare a loan's
    'simulação de crédito'), so these become a general assistant or customer support (cc587be: role-play)."""
    assert _ids(_run(task))[0] == "roleplay_interviewer", _ids(_run(task))

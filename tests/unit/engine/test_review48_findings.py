"""Review 48 of c8199d5: regressions and paraphrases the round-32 fixes miss.

Each test is one defect, written as the behaviour a brief's author expects. All fail at 2abcc2d (most passed at
cc587be, the commit before c8199d5; the rest are the same defect class in other words).
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


def _texts(result, kind: str) -> list[str]:
    return [c.text for c in result.constraints if c.kind == kind]


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


# --- _colon_case: a contact's label before a colon is no case ---------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "label", "contact"),
    [
        (
            "Asistente de la Clínica Sol. Horario de atención al cliente: de lunes a viernes, llama al 900 123 456. "
            "Responde en español.",
            "Horario de atención al cliente",
            "900 123 456",
        ),
        (
            "Assistent für unsere Zahnarztpraxis. Unsere Telefonnummer für Termine: 030 1234567. Antworte auf Deutsch "
            "und kurz.",
            "Unsere Telefonnummer für Termine",
            "030 1234567",
        ),
        (
            "Assistant du cabinet vétérinaire. Notre numéro principal : 01 23 45 67 89. Réponds en français.",
            "Notre numéro principal",
            "01 23 45 67 89",
        ),
        (
            "Assistente da Padaria Lisboa. Atendimento ao cliente por telefone: 21 123 4567. Responda em português.",
            "Atendimento ao cliente por telefone",
            "21 123 4567",
        ),
        (
            "Assistente per il nostro hotel. Servizio clienti e prenotazioni: 06 1234 5678. Rispondi in italiano.",
            "Servizio clienti e prenotazioni",
            "06 1234 5678",
        ),
        (
            "Assistent voor onze fietsenwinkel. Klantenservice en reparaties: 020 123 4567. Antwoord in het "
            "Nederlands.",
            "Klantenservice en reparaties",
            "020 123 4567",
        ),
        (
            "Support bot for Acme Outdoor. Customer care team: care@acme-outdoor.com. Answer questions about orders "
            "and returns.",
            "customer care team",
            "care@acme-outdoor.com",
        ),
        (
            "Support assistant for Greenleaf Energy. Head office switchboard: 020 7946 0000. Help customers read their "
            "bills.",
            "head office switchboard",
            "020 7946 0000",
        ),
        (
            "Chat assistant for Riverside Dental. Reception desk (Mon-Fri): 01632 960123. Help patients book and move "
            "appointments.",
            "reception desk",
            "01632 960123",
        ),
        (
            "Support bot. Our support team via chat widget: https://acme.com/help. Answer questions about shipping.",
            "support team via chat widget",
            "https://acme.com/help",
        ),
    ],
)
def test_a_contacts_label_before_a_colon_is_no_condition(task: str, label: str, contact: str) -> None:
    """'Horario de atención al cliente: …, llama al 900 123 456', 'Customer care team: care@…': the words before the
    colon name the contact, they are no case the contact is for (c8199d5's _colon_case makes 'When this applies
    ("Horario de atención al cliente")' and 'For customer care team, tell the user to email …' of them)."""
    fallbacks = [text for text in _texts(_run(task), "fallback") if contact in text]
    assert not any(label.lower() in text.lower() for text in fallbacks), fallbacks


@pytest.mark.parametrize(
    ("task", "contact"),
    [
        (
            "Support bot for Acme Outdoor. Customer care team: care@acme-outdoor.com. Answer questions about orders "
            "and returns.",
            "care@acme-outdoor.com",
        ),
        (
            "Support bot. Our support team via chat widget: https://acme.com/help. Answer questions about shipping.",
            "https://acme.com/help",
        ),
        (
            "Asistente de la Clínica Sol. Horario de atención al cliente: de lunes a viernes, llama al 900 123 456. "
            "Responde en español.",
            "900 123 456",
        ),
    ],
)
def test_the_support_contact_under_a_label_is_still_where_escalations_go(task: str, contact: str) -> None:
    """The brief's only human contact is where the support agent escalates; read as one case's contact, the
    escalation step loses it ('tell them plainly that a member of the team has to handle it')."""
    prompt = _run(task).prompt
    assert any("escalate" in line.lower() and contact in line for line in prompt.splitlines()), prompt


@pytest.mark.parametrize(
    ("task", "contact", "case_word"),
    [
        (
            "Support bot for our online shop. Damaged deliveries: email claims@shopco.com with a photo. Be friendly.",
            "claims@shopco.com",
            "damaged",
        ),
        (
            "Chat assistant for Northgate Bank. Lost cards: call 0800 123 4567 straight away. Keep replies short.",
            "0800 123 4567",
            "lost card",
        ),
        (
            "Support bot for Acme Property Management. Leaks outside office hours: call 0800 555 0101. Answer tenant "
            "questions politely.",
            "0800 555 0101",
            "leak",
        ),
    ],
)
def test_a_short_case_before_a_colon_stays_the_condition_of_its_contact(
    task: str, contact: str, case_word: str
) -> None:
    """'Damaged deliveries: email claims@…', 'Lost cards: call …', 'Leaks outside office hours: call …': the case
    is the condition (c8199d5 needs three words before the colon and takes 'hours' for a label, so these become the
    catch-all 'When you cannot help')."""
    fallbacks = [text for text in _texts(_run(task), "fallback") if contact in text]
    assert fallbacks
    assert all(case_word in text.lower() for text in fallbacks), fallbacks


# --- _CASE_COLON: a ban after a case keeps its case -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "banned", "case"),
    [
        (
            "Booking assistant for Casa Luna restaurant. Groups over 12: never take the booking yourself, give them "
            "events@casaluna.com. Be warm.",
            "booking",
            "12",
        ),
        (
            "Marina assistant for Kettle Cove. Boats over 18 m: do not confirm any berth, ask them to phone the "
            "harbourmaster. Be brief.",
            "berth",
            "18",
        ),
        (
            "Pharmacy assistant. Customers under 16: never recommend any medicine, tell them to ask a parent. Keep it "
            "short.",
            "medicine",
            "16",
        ),
        ("Bike rental chatbot. Children under 12: no e-bikes. Answer in short sentences.", "e-bike", "12"),
    ],
)
def test_a_ban_after_a_case_and_a_colon_holds_only_in_that_case(task: str, banned: str, case: str) -> None:
    """'Groups over 12: never take the booking yourself' forbids nothing for a party of four; cut from its case
    ('Never take the booking yourself.') a booking assistant may take no booking at all. c8199d5 keeps the case only
    for a ban of one or two words ('bigger boats: no booking'); 'no e-bikes' is lost outright."""
    bans = [text for text in _texts(_run(task), "prohibition") if banned in text.lower()]
    assert bans, "the ban should be stated"
    assert all(case in text for text in bans), bans


# --- limits: a cap per reply is a reply limit, whatever it counts -----------------------------------------------------


@pytest.mark.parametrize(
    ("task", "cap"),
    [
        ("Hotel booking assistant for Casa Azul. Suggest at most 3 rooms per reply, cheapest first.", "3 rooms"),
        ("Jira helper for our dev team. Use bullet points, max 5 tickets per reply.", "5 tickets"),
        ("Car rental chatbot. Friendly tone, no more than 2 cars per answer.", "2 cars"),
        ("Theatre box-office bot. Keep replies under 80 words and list at most 4 tickets per message.", "4 tickets"),
    ],
)
def test_a_cap_per_reply_on_rooms_tickets_or_cars_is_a_reply_limit(task: str, cap: str) -> None:
    """'at most 3 rooms per reply' bounds the reply, not the hotel's rooms (c8199d5's _BUSINESS_QUANTITIES skips any
    cap whose noun is 'rooms', 'tickets', 'cars' …, even when the brief says 'per reply')."""
    assert any(cap in text for text in _texts(_run(task), "limit"))


# --- labels: 'I'll paste X and you answer A, B or C' is a label set ---------------------------------------------------


@pytest.mark.parametrize(
    ("task", "labels"),
    [
        (
            "Sentiment bot. I'll paste a tweet and you answer POSITIVE, NEGATIVE or NEUTRAL, nothing else.",
            ["POSITIVE", "NEGATIVE", "NEUTRAL"],
        ),
        (
            "Review sentiment. I'll paste a review and you reply POSITIVE, NEGATIVE or MIXED.",
            ["POSITIVE", "NEGATIVE", "MIXED"],
        ),
        (
            "Ticket router. We'll send you a ticket, you answer BILLING, TECH or ACCOUNT and nothing else.",
            ["BILLING", "TECH", "ACCOUNT"],
        ),
        (
            "I'll give you a transaction description and you return FOOD, TRANSPORT, RENT or OTHER.",
            ["FOOD", "TRANSPORT", "RENT", "OTHER"],
        ),
    ],
)
def test_labels_to_answer_with_after_ill_paste_are_a_label_set(task: str, labels: list[str]) -> None:
    """'I'll paste a tweet and you answer POSITIVE, NEGATIVE or NEUTRAL': the input comes first, then the labels to
    reply with (c8199d5's _GIVEN_BEFORE drops them unless 'tell', 'mark', 'label' … follows, so the classifier falls
    back to the default 'positive, negative, neutral, other')."""
    texts = _texts(_run(task), "labels")
    assert any(all(label in text for label in labels) for text in texts), texts


# --- assistant name: a business or a person before an agent noun ------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            'Write a system prompt for "Sunny Homes", the estate agent in Leeds. The bot answers questions about '
            "viewings and rent.",
            "Sunny Homes",
        ),
        (
            'Build a chatbot for "Maple Travel", the travel agent on Queen Street. It helps customers pick tour '
            "packages.",
            "Maple Travel",
        ),
        (
            'Need a support bot for "Northwind", the virtual assistant provider. Customers ask about plans and '
            "invoices.",
            "Northwind",
        ),
        (
            'A prompt for "Orbit", the agent network for property brokers. The bot answers questions from brokers '
            "about commissions.",
            "Orbit",
        ),
        (
            'Create a helper for "Karen", the dental assistant at our clinic, that drafts appointment reminder texts '
            "for patients.",
            "Karen",
        ),
        (
            'Make a bot for "Sam", the personal assistant of our CEO, to help him sort incoming meeting requests.',
            "Sam",
        ),
    ],
)
def test_a_business_or_a_person_before_an_agent_noun_does_not_name_the_assistant(task: str, name: str) -> None:
    """'for "Sunny Homes", the estate agent', 'for "Karen", the dental assistant at our clinic': the quoted name is
    the business the bot works for or the person it helps, not the bot (c8199d5's _NAME_APPOSITIVE reads any
    'assistant' or 'agent' after it as the bot)."""
    role = _run(task).spec.role
    assert not role.startswith(f"You are {name}"), role


# --- role-play: minors, vulnerable people and pasted material ---------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Role-play a shop assistant in a bakery so pupils aged 9-11 can practise ordering in Spanish. Stay in "
        "character.",
        "Mock job interview practice for teenagers aged 14-16 applying for their first Saturday job. Play the store "
        "manager and ask one question at a time.",
        "Role-play a ticket seller at a train station so that children aged 7-9 can practise English. One short line "
        "per turn.",
    ],
)
def test_a_role_play_with_children_keeps_the_child_safety_rules(task: str) -> None:
    """A role-play partner for pupils aged 9-11 still talks with children: it must not ask for their personal
    details (c8199d5's safety_packs=False drops the children and teens packs unless a person-facing cue such as
    'friendly' happens to be in the brief)."""
    assert "personal information" in _run(task).prompt.lower()


@pytest.mark.parametrize(
    "task",
    [
        "Role-play partner for people with social anxiety who want to practise small talk at a party. Play a guest.",
        "Practice partner for people with social anxiety: play a barista taking their order, so they can rehearse "
        "ordering coffee.",
        "Role-play for veterans with PTSD practising job interviews. Play the hiring manager, one question at a time.",
    ],
)
def test_a_role_play_for_vulnerable_people_keeps_the_crisis_rule(task: str) -> None:
    """The trainee here is someone with social anxiety or PTSD: if they mention self-harm mid-scene, the assistant
    must point to a crisis line (c8199d5: 'a trainee who says they are in danger still reads as a person talking' -
    but the mental-health pack is gone)."""
    prompt = _run(task).prompt.lower()
    assert "self-harm" in prompt or "suicide" in prompt


@pytest.mark.parametrize(
    ("task", "slot"),
    [
        (
            "Practice scenario for new debt advisers: play a client who is behind on rent and has an email from the "
            "landlord. The user is the trainee adviser. I will paste the landlord's email before each session.",
            "email",
        ),
        (
            "Role-play a difficult customer for our support trainees, based on the support ticket I paste at the "
            "start. Stay in character.",
            "ticket",
        ),
        (
            "Simulate a patient's relative calling a GP surgery, so receptionists can practise. I'll paste the "
            "scenario document for each session.",
            "document",
        ),
    ],
)
def test_a_role_play_keeps_a_slot_for_the_material_the_operator_pastes(task: str, slot: str) -> None:
    """'based on the support ticket I paste': the ticket is material the operator supplies, so it needs its slot
    (c8199d5's comment says 'pasted material still gets its slot', but drop_variables drops it regardless)."""
    assert "{{" + slot + "}}" in _run(task).prompt


# --- layouts: a layout under a 'When …' line that covers every reply --------------------------------------------------


@pytest.mark.parametrize(
    ("task", "heading"),
    [
        (
            "Code review bot.\nWhen reviewing a diff, give your output in exactly this format:\n"
            "Verdict: (approve / request changes)\nIssues: (bullets)\nPraise: (one sentence)",
            "Verdict",
        ),
        (
            "Bug triage assistant.\nIf you can, always answer in this format:\nSeverity: (low/medium/high)\n"
            "Component: (one word)\nSummary: (one sentence)",
            "Severity",
        ),
        (
            "Vocabulary bot for English learners.\nWhenever the user types a word, reply in exactly this form:\n"
            "Word: (the word)\nMeaning: (one sentence)\nExample: (one sentence)",
            "Meaning",
        ),
        (
            "Pitch coach for founders.\nAfter each pitch, reply in exactly this form:\nStrength: (one sentence)\n"
            "Weakness: (one sentence)\nScore: x/10",
            "Strength",
        ),
    ],
)
def test_a_layout_for_the_job_every_reply_does_stays_the_replys_layout(task: str, heading: str) -> None:
    """A code-review bot reviews a diff in every reply; 'When reviewing a diff, … this format:' is its layout, not
    one case's (c8199d5's _CASE_INTRO takes any line that opens with when/if/after for a TIMEOUT-like case, and the
    output section falls back to 'Plain prose.')."""
    assert heading in _output(_run(task).prompt)


# --- line templates: an input record that opens with a <slot> ---------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "record"),
    [
        (
            "Log triage assistant for our SRE team. Our log format:\n<timestamp> | <level> | <service> | <message>\n"
            "For each ERROR line, explain the likely cause in one or two sentences and suggest a fix.",
            "<timestamp> | <level>",
        ),
        (
            "Helper for our accounts team. Bank export format:\n<date> | <payee> | <amount> | <reference>\n"
            "Explain any transaction the user asks about in plain words.",
            "<date> | <payee>",
        ),
    ],
)
def test_an_input_records_format_is_not_the_replys_line(task: str, record: str) -> None:
    """'Our log format: <timestamp> | <level> | …' describes the logs that come in; the reply explains causes in
    sentences (c8199d5's _LINE_TEMPLATE now takes a line opening with a slot as 'One line per item, in exactly this
    form')."""
    assert record not in _output(_run(task).prompt)


# --- rules: a parenthetical ban after a gerund task item --------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "banned"),
    [
        (
            "Assistant for our law firm's front desk. Your jobs:\n"
            "- Answering questions about office hours and parking (no legal advice)\n"
            "- Booking consultations (no promises about outcomes)",
            "legal advice",
        ),
        (
            "Assistant for our law firm's front desk. Your jobs:\n"
            "- Answering questions about office hours and parking (no legal advice)\n"
            "- Booking consultations (no promises about outcomes)",
            "promises about outcomes",
        ),
        (
            "Helper for our estate agency:\n- Drafting replies to enquiries (no discounts)\n- Scheduling viewings",
            "discounts",
        ),
        (
            "Support bot for Acme Telecom. Handling billing questions (never promise refunds) and explaining plans.",
            "refunds",
        ),
    ],
)
def test_a_ban_in_parentheses_after_a_task_item_is_still_a_ban(task: str, banned: str) -> None:
    """'Answering questions about parking (no legal advice)' lists a job and what the assistant must not do in it;
    only in a list of things to flag ('running as root (no USER line)') is the parenthesis a symptom (c8199d5's
    _GERUND_CASE drops every such ban after an -ing item)."""
    assert any(banned in text for text in _texts(_run(task), "prohibition"))


# --- audience in hyphen compounds -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "audience"),
    [
        ("Pregnancy Q&A assistant for parents-to-be. Explain each trimester in plain words.", "parents"),
        ("Study helper for nurses-in-training. Quiz them on drug calculations.", "nurses"),
        ("Mentoring bot for teachers-in-training at our college. Give feedback on lesson plans.", "teachers"),
        (
            "Onboarding assistant for developers-in-residence at our incubator. Answer questions about the codebase.",
            "developers",
        ),
    ],
)
def test_an_audience_noun_in_a_hyphen_compound_is_still_the_audience(task: str, audience: str) -> None:
    """'parents-to-be', 'nurses-in-training' are the audience ('staff-scheduling' is not: the noun there qualifies
    the next word); c8199d5's (?!-\\w) drops both."""
    assert any(audience in text for text in _texts(_run(task), "audience"))


# --- settled topics ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Extract from each shipping email as JSON: tracking_number, carrier, ship_date, delivery_date. For both dates "
        "use the format YYYY-MM-DD.",
        "Extract product name, SKU and price from each supplier page as JSON. Always use the latest price list code "
        "for the SKU.",
    ],
)
def test_a_date_format_or_a_code_list_does_not_settle_conflicting_values(task: str) -> None:
    """'For both dates use the format YYYY-MM-DD' says how to write two fields, not which of two conflicting values
    wins; the extractor still needs a tie-break (c8199d5's 'conflicting_values' topic drops it)."""
    assert "conflicting" in _run(task).prompt.lower()


@pytest.mark.parametrize(
    "task",
    [
        "Proofread the dish descriptions on our menu for spelling and grammar mistakes. Return the corrected text "
        "only.",
        "Check our room descriptions for factual errors against the attached spec sheet and list each mismatch.",
        "Summarise our catalogue descriptions into one-line bullet points for the sales team.",
    ],
)
def test_descriptions_given_to_check_or_summarise_are_no_copywriting_job(task: str) -> None:
    """Menu, room or catalogue descriptions the assistant proofreads, checks or summarises are its input; c8199d5's
    copy-format cue blends in copywriting rules ('Lead with the reader's benefit') a proofreader must not follow."""
    result = _run(task)
    assert "marketing_copy" not in [match.id for match in result.archetypes]
    assert "reader's benefit" not in result.prompt


def test_a_newsletter_or_digest_of_merged_prs_is_no_code_review() -> None:
    """'Turn the week's merged pull requests into a short newsletter or digest for the whole company': a summary for
    everyone, not a review of a diff (c8199d5's (?<!\\bor ) before 'digest', meant for 'pinned tag or digest', makes
    the code reviewer the primary role)."""
    task = "Turn the week's merged pull requests into a short newsletter or digest for the whole company."
    result = _run(task)
    assert result.archetypes[0].id != "code_reviewer"
    assert "reviews code changes" not in result.spec.role
